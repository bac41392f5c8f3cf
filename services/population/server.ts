import { readFileSync } from 'node:fs'
import { defineService } from '../../lib/service/define-service.js'
import type { PopDatabase } from './db.js'
import { disclosure } from './disclosure.js'
import { createLoaders } from './loaders.js'
import { migrations } from './migrations/index.js'
import { resolvers } from './resolvers.js'
import { seed } from './seed.js'

export const service = defineService<PopDatabase, ReturnType<typeof createLoaders>>({
  name: 'population',
  dbSchema: 'pop',
  defaultPort: 4002,
  typeDefs: readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8'),
  resolvers,
  migrations,
  seed,
  createLoaders,
  disclosure,
})
