import { readFileSync } from 'node:fs'
import { defineService } from '../../lib/service/define-service.js'
import type { EducationDatabase } from './db.js'
import { disclosure } from './disclosure.js'
import { createLoaders } from './loaders.js'
import { migrations } from './migrations/index.js'
import { resolvers } from './resolvers.js'
import { seed } from './seed.js'

export const service = defineService<EducationDatabase, ReturnType<typeof createLoaders>>({
  name: 'education',
  dbSchema: 'edu',
  defaultPort: 4004,
  typeDefs: readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8'),
  resolvers,
  migrations,
  seed,
  createLoaders,
  disclosure,
})
