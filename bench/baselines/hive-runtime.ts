import { createServer } from 'node:http'
import { readFileSync } from 'node:fs'
import { createGatewayRuntime, type GatewayConfigSupergraph, type GatewayPlugin } from '@graphql-hive/gateway-runtime'
import { createBaselineSigner, INTERNAL_TOKEN_HEADER } from '../baseline-identity.js'
import { subgraphUrls, withoutRequiresScopes } from './supergraph-for-baselines.js'

/**
 * What both Hive baselines share: @graphql-hive/gateway-runtime (MIT) on node:http, the supergraph
 * without @requiresScopes, and a freshly signed internal token on every subgraph call (onFetch hook).
 *
 * Environment: SUPERGRAPH_PATH, INTERNAL_TOKEN_SECRET, PORT; UPSTREAM_DEDUPE=off switches the runtime's
 * upstream in-flight deduplication off (on by default: identical subgraph fetches in flight at the same
 * time share one HTTP call, keyed by URL, method and body — the token is added after the key is taken).
 */
export interface HiveBaselineOptions {
  /** Name in the log line. */
  name: string
  /** Extra runtime configuration (e.g. `unifiedGraphHandler`). */
  config?: Partial<GatewayConfigSupergraph>
  plugins?: GatewayPlugin[]
}

/**
 * A request with this header gets its query plan in `extensions.queryPlan` from the Rust-planner baseline.
 * Only the router runtime's executor records a plan, so an answer carrying one proves the Rust planner ran
 * (the benchmark's checks ask for it); requests without the header are answered as usual.
 */
export const QUERY_PLAN_HEADER = 'x-bench-query-plan'

/** UPSTREAM_DEDUPE=on|off (default on, the runtime's default). */
export function upstreamDedupe(value: string | undefined): boolean {
  if (value === undefined || value === '' || value === 'on') return true
  if (value === 'off') return false
  throw new Error(`UPSTREAM_DEDUPE must be "on" or "off", got "${value}"`)
}

export function startHiveBaseline({ name, config = {}, plugins = [] }: HiveBaselineOptions): void {
  const sign = createBaselineSigner(process.env.INTERNAL_TOKEN_SECRET ?? '')
  const sdl = readFileSync(process.env.SUPERGRAPH_PATH!, 'utf8')
  const dedupe = upstreamDedupe(process.env.UPSTREAM_DEDUPE)
  const nameByUrl = new Map([...subgraphUrls(sdl)].map(([subgraph, url]) => [url, subgraph]))
  const signing: GatewayPlugin = {
    onFetch({ url, options, setOptions }) {
      const subgraph = nameByUrl.get(url)
      if (subgraph) setOptions({ ...options, headers: { ...options.headers, [INTERNAL_TOKEN_HEADER]: sign(subgraph) } })
    },
  }
  const gw = createGatewayRuntime({
    ...config,
    supergraph: withoutRequiresScopes(sdl),
    logging: 'error',
    graphqlEndpoint: '/graphql',
    // Every subgraph: the executor's own switch (@graphql-tools/executor-http `deduplicateInflightRequests`).
    ...(dedupe ? {} : { transportEntries: { '*': { options: { deduplicateInflightRequests: false } } } }),
    plugins: () => [signing, ...plugins],
  })
  const server = createServer(gw)
  server.listen(Number(process.env.PORT), '127.0.0.1', () =>
    console.error(`[${name}] http://127.0.0.1:${process.env.PORT}/graphql (upstream in-flight dedupe ${dedupe ? 'on' : 'off'})`),
  )
  // The runtime registers its own terminate handler and keeps the process alive; stop explicitly.
  const stop = async () => {
    server.closeAllConnections()
    server.close()
    await gw.dispose()
    process.exit(0)
  }
  process.on('SIGTERM', () => void stop())
  process.on('SIGINT', () => void stop())
}
