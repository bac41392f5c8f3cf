import { createDb, type DbHandle } from '../../platform/db/create-db.js'
import { createSubgraphServer, type SubgraphServer } from '../../lib/service/create-subgraph-server.js'
import { loadServices } from '../../lib/service/discover-services.js'
import type { ServiceDefinition } from '../../lib/service/define-service.js'
import { createInternalTokenSigner, INTERNAL_TOKEN_HEADER, type InternalIdentity } from '../../auth/internal/internal-token.js'
import type { CacheConfig } from '../../lib/cache/cache-config.js'

/** Secret the test gateway and test subgraphs share. */
export const TEST_INTERNAL_SECRET = 'stadtgraph-test-internal-secret-0123456789'
const signer = createInternalTokenSigner(TEST_INTERNAL_SECRET)

/** Identity department tests call their subgraph with: exact aggregates, no department. */
export const TEST_IDENTITY: InternalIdentity = Object.freeze({
  subject: 'test',
  roles: ['controlling'],
  department: null,
  purpose: null,
  authenticated: true,
  aggregateOnly: false,
  policyVersion: 0,
  scopes: ['open', 'internal'],
})

/** Headers a gateway would send to `subgraph` for `identity`. */
export function internalHeaders(subgraph: string, identity: InternalIdentity = TEST_IDENTITY): Record<string, string> {
  return { [INTERNAL_TOKEN_HEADER]: signer.sign(identity, subgraph) }
}

/** Subgraphs started by this helper, by URL: `graphql()` signs calls to them like the gateway would. */
const subgraphByUrl = new Map<string, string>()

export interface RunningSubgraph {
  def: ServiceDefinition
  server: SubgraphServer
  db: DbHandle<any>
}

export interface RunningSubgraphs {
  byName: Map<string, RunningSubgraph>
  list: RunningSubgraph[]
  /** SQL statements sent per service since the last reset. */
  statements(): Record<string, number>
  resetStatements(): void
  stop(): Promise<void>
}

/**
 * Starts department subgraphs (of `servicesDir`, default `services/`) in this process on ephemeral ports, each
 * with its own pool; no cross-request cache unless `cache` is given.
 */
export async function startSubgraphs(
  databaseUrl: string,
  only?: readonly string[],
  opts: { cache?: CacheConfig; servicesDir?: string } = {},
): Promise<RunningSubgraphs> {
  const { cache, servicesDir } = opts
  const defs = (await loadServices(servicesDir)).filter(d => !only || only.includes(d.name))
  const list = await Promise.all(
    defs.map(async def => {
      const db = createDb(databaseUrl, { max: 4, applicationName: `test-${def.name}` })
      const server = await createSubgraphServer(def, db, { port: 0, internalTokenSecret: TEST_INTERNAL_SECRET, cache, databaseUrl })
      subgraphByUrl.set(server.url, def.name)
      return { def, server, db }
    }),
  )
  return {
    list,
    byName: new Map(list.map(s => [s.def.name, s])),
    statements: () => Object.fromEntries(list.map(s => [s.def.name, s.db.stats.statements])),
    resetStatements: () => {
      for (const s of list) s.db.stats.statements = 0
    },
    stop: async () => {
      await Promise.all(
        list.map(async s => {
          subgraphByUrl.delete(s.server.url)
          await s.server.close()
          await s.db.close()
        }),
      )
    },
  }
}

/**
 * POSTs a GraphQL operation and returns the parsed JSON body with the HTTP status. A call to a
 * subgraph started by `startSubgraphs` carries an internal token for TEST_IDENTITY unless the
 * caller passes its own `x-stadtgraph-internal` header (or an empty one to send none).
 */
export async function graphql(url: string, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) {
  const subgraph = subgraphByUrl.get(url)
  const internal = subgraph && !(INTERNAL_TOKEN_HEADER in headers) ? internalHeaders(subgraph) : {}
  const sent = Object.fromEntries(Object.entries({ ...internal, ...headers }).filter(([, v]) => v !== ''))
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...sent },
    body: JSON.stringify({ query, variables }),
  })
  const body = (await res.json()) as {
    data?: any
    errors?: Array<{ message: string; extensions?: Record<string, unknown>; path?: unknown[] }>
  }
  return { status: res.status, ...body }
}
