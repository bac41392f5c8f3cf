import { createDb, type DbHandle } from '../../lib/db/create-db.js'
import { createSubgraphServer, type SubgraphServer } from '../../lib/service/create-subgraph-server.js'
import { loadServices } from '../../lib/service/discover-services.js'
import type { ServiceDefinition } from '../../lib/service/define-service.js'

export interface RunningSubgraph { def: ServiceDefinition; server: SubgraphServer; db: DbHandle<any> }

export interface RunningSubgraphs {
  byName: Map<string, RunningSubgraph>
  list: RunningSubgraph[]
  /** SQL statements sent per service since the last reset. */
  statements(): Record<string, number>
  resetStatements(): void
  stop(): Promise<void>
}

/** Starts department subgraphs in this process on ephemeral ports, each with its own pool. */
export async function startSubgraphs(databaseUrl: string, only?: readonly string[]): Promise<RunningSubgraphs> {
  const defs = (await loadServices()).filter(d => !only || only.includes(d.name))
  const list = await Promise.all(defs.map(async def => {
    const db = createDb(databaseUrl, { max: 4, applicationName: `test-${def.name}` })
    const server = await createSubgraphServer(def, db, { port: 0 })
    return { def, server, db }
  }))
  return {
    list,
    byName: new Map(list.map(s => [s.def.name, s])),
    statements: () => Object.fromEntries(list.map(s => [s.def.name, s.db.stats.statements])),
    resetStatements: () => { for (const s of list) s.db.stats.statements = 0 },
    stop: async () => {
      await Promise.all(list.map(async s => { await s.server.close(); await s.db.close() }))
    },
  }
}

/** POSTs a GraphQL operation and returns the parsed JSON body with the HTTP status. */
export async function graphql(url: string, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  })
  const body = await res.json() as { data?: any; errors?: Array<{ message: string; extensions?: Record<string, unknown>; path?: unknown[] }> }
  return { status: res.status, ...body }
}
