import { createDb } from '../db/create-db.js'
import { createSubgraphServer } from './create-subgraph-server.js'
import type { ServiceDefinition } from './define-service.js'

/**
 * Entry for running one department alone (its own process or container), configured by env only:
 * DATABASE_URL (required), PORT (default: the service's port), HOST (default 127.0.0.1).
 */
export async function runService(def: ServiceDefinition): Promise<void> {
  const url = process.env.DATABASE_URL
  if (!url) {
    console.error(`[${def.name}] DATABASE_URL is not set`)
    process.exit(2)
  }
  const port = Number(process.env.PORT ?? def.defaultPort)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`[${def.name}] PORT must be a port number, got ${process.env.PORT}`)
    process.exit(2)
  }
  const handle = createDb(url, { applicationName: `stadtgraph-${def.name}`, max: Number(process.env.DB_POOL_MAX ?? 10) })
  const server = await createSubgraphServer(def, handle, { port, host: process.env.HOST ?? '127.0.0.1' })
  console.log(`[${def.name}] subgraph ready at ${server.url}`)
  const stop = async () => {
    await server.close()
    await handle.close()
    process.exit(0)
  }
  process.once('SIGTERM', stop)
  process.once('SIGINT', stop)
}
