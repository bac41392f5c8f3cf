import { readFileSync } from 'node:fs'
import { defineService } from '../../lib/service/define-service.js'
import type { SocDatabase } from './db.js'
import { disclosure } from './disclosure.js'
import { createLoaders } from './loaders.js'
import { migrations } from './migrations/index.js'
import { resolvers } from './resolvers.js'
import { rowRules } from './row-rules.js'
import { seed } from './seed.js'

export const service = defineService<SocDatabase, ReturnType<typeof createLoaders>>({
  name: 'social',
  dbSchema: 'soc',
  defaultPort: 4006,
  typeDefs: readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8'),
  resolvers,
  migrations,
  seed,
  createLoaders,
  disclosure,
  rowRules,
})
