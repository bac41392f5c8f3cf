import { readFileSync } from 'node:fs'
import { defineService } from '../../lib/service/define-service.js'
import type { InfraDatabase } from './db.js'
import { createLoaders } from './loaders.js'
import { migrations } from './migrations/index.js'
import { resolvers } from './resolvers.js'
import { seed } from './seed.js'

export const service = defineService<InfraDatabase, ReturnType<typeof createLoaders>>({
  name: 'infrastructure',
  dbSchema: 'infra',
  defaultPort: 4007,
  typeDefs: readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8'),
  resolvers,
  migrations,
  seed,
  createLoaders,
})
