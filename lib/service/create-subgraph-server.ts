import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { buildSubgraphSchema } from '../subgraph/build-subgraph-schema.js'
import { checkDisclosureCoverage, withDisclosureControl } from './with-disclosure-control.js'
import { createSubgraphGraphQLHandler } from './subgraph-graphql-handler.js'
import { serveRowRules } from './row-rule-route.js'
import { sendError, sendJson } from '../../platform/http/apollo-handler.js'
import { closeGracefully } from '../../platform/http/close-gracefully.js'
import { createFormatError } from '../../platform/http/format-error.js'
import type { DbHandle } from '../../platform/db/create-db.js'
import { isDatabaseTimeout } from '../../platform/db/database-timeout.js'
import type { AnyDatabase, ServiceContext, ServiceDefinition } from './define-service.js'
import type { InternalIdentity, InternalIdentityVerifier } from '../../auth/internal/internal-identity.js'
import { createInternalTokenVerifier } from '../../auth/internal/internal-token.js'
import { internalCaller } from './internal-caller.js'
import { CACHE_OFF, type CacheConfig } from '../cache/cache-config.js'
import { createServiceCache, type ServiceCache } from '../cache/create-service-cache.js'
import { listenDatasetChanges } from '../cache/dataset-changes.js'
import { createLogger, type Logger } from '../../platform/logger/create-logger.js'
import { readObservabilityConfig, type ObservabilityConfig } from '../observability/observability-config.js'
import { createDepartmentObservability } from '../observability/department-observability.js'
import { serveMetrics } from '../observability/serve-metrics.js'
import { instrumentLoaders } from '../observability/instrument-loaders.js'
import { runInSpan } from '../observability/tracing.js'
import { createDataEntryRoutes, DATA_ENTRY_PATH, readDataEntryLimits, type DataEntryLimits } from '../data-entry/data-entry-routes.js'
import { loadDatasets, type DatasetDeclarations } from './load-datasets.js'

/** How long `/readyz` waits for the database: a probe must answer before its own timeout (Kubernetes: 1 s). */
export const READY_DATABASE_TIMEOUT_MS = 1_000

export interface SubgraphServer {
  name: string
  url: string
  port: number
  /** The department's cross-request cache (a no-op when caching is off). */
  cache: ServiceCache
  /** Its Prometheus registry (served at `/metrics`); null with METRICS=off. */
  metrics: import('prom-client').Registry | null
  /**
   * Refuses new connections, lets requests in flight finish (at most `graceMs`, default 10 s, then
   * cuts them), then closes the LISTEN connection and the cache. The database handle is the caller's.
   */
  close(graceMs?: number): Promise<void>
}

/**
 * How the department knows the gateway's requests: every GraphQL request must carry an internal
 * identity token that `internalIdentity` accepts; without one given, the HS256 token verifier
 * (auth/internal/internal-token.ts) for this department, keyed with `internalTokenSecret` (the secret
 * shared with the gateway, INTERNAL_TOKEN_SECRET).
 */
export type InternalIdentityOption =
  | { internalTokenSecret: string; internalIdentity?: undefined }
  | { internalIdentity: InternalIdentityVerifier; internalTokenSecret?: undefined }

export type SubgraphServerOptions = SubgraphServerSettings & InternalIdentityOption

export interface SubgraphServerSettings {
  port?: number
  host?: string
  /** Cross-request cache of loads (lib/cache); off unless given. `runService` reads it from the environment. */
  cache?: CacheConfig
  /**
   * The department's database URL, for a LISTEN connection: with a cache on, a write committed by any
   * process (another replica, `npm run import`) invalidates what this process cached of its datasets.
   */
  databaseUrl?: string
  /** Metrics, logs, `/metrics` access (lib/observability); default: read from the environment. */
  observability?: ObservabilityConfig
  /** Default: a logger named after the department. */
  logger?: Logger
  /** Datasets served at `/data-entry/` (lib/data-entry/data-entry-routes.ts); default: `services/<name>/datasets.ts`, if any. */
  datasets?: DatasetDeclarations
  /** Bounds of a data-entry upload; default: DATA_ENTRY_MAX_BYTES, DATA_ENTRY_TIMEOUT_MS and the kit's defaults. */
  dataEntry?: Partial<DataEntryLimits>
}

/**
 * Serves a department subgraph over HTTP: `POST /graphql`, `/data-entry/…` (its datasets' forms, CSV
 * uploads and write history; lib/data-entry/data-entry-routes.ts), `/healthz` (process up, liveness: no
 * database call) and `/readyz` (the database answers `select 1` within READY_DATABASE_TIMEOUT_MS,
 * else 503). GraphQL requests are refused (401) unless they carry an internal identity token
 * the verifier accepts (by default one the gateway signed for this subgraph): subgraphs are never
 * reachable around the gateway. A department that declares row-rule targets also serves `/row-rules`
 * (lib/service/row-rule-route.ts) to the same callers.
 * Creates no database: the caller owns the handle.
 */
export async function createSubgraphServer(
  def: ServiceDefinition,
  handle: DbHandle<AnyDatabase>,
  opts: SubgraphServerOptions,
): Promise<SubgraphServer> {
  const verifier = opts.internalIdentity ?? createInternalTokenVerifier(opts.internalTokenSecret, def.name)
  const built = buildSubgraphSchema(def.typeDefs, def.resolvers).schema
  checkDisclosureCoverage(def.name, built, def.disclosure ?? {})
  const schema = withDisclosureControl(built)
  // The gateway is a subgraph's only client: a lean GraphQL-over-HTTP handler, not a full Apollo Server
  // pipeline (plugins, per-field instrumentation, a sha256 per request); same codes and statuses.
  const graphql = createSubgraphGraphQLHandler<ServiceContext>(schema, { formatError: createFormatError(def.name) })
  const obs = opts.observability ?? readObservabilityConfig()
  const log = opts.logger ?? createLogger({ name: def.name, level: obs.logLevel })
  const observed = createDepartmentObservability(def.name, def.dbSchema, handle, obs)
  // Departments are reached only inside the city's network (the gateway calls them): `/metrics` is
  // open on their port unless METRICS_TOKEN asks for the token.
  const metricsAccess = obs.metricsToken ? ('token' as const) : ('open' as const)
  const cache = createServiceCache(
    def.name,
    opts.cache ?? CACHE_OFF,
    observed.registry ? observed.metrics : undefined,
    Object.keys(def.migrations).at(-1),
  )
  const invalidator = cache.mode === 'off' ? undefined : { invalidate: cache.invalidate }
  const changes =
    cache.mode !== 'off' && opts.databaseUrl
      ? await listenDatasetChanges(
          opts.databaseUrl,
          ids => {
            cache.invalidate(ids).catch(err => log.error({ err }, 'cache invalidation failed'))
          },
          { applicationName: `${def.name}-dataset-changes` },
        )
      : null
  // Data entry over HTTP (CSV uploads from the web app, through the gateway): same token, same kit as the mutations.
  const dataEntryLimits = { ...readDataEntryLimits(), ...opts.dataEntry }
  const dataEntry = createDataEntryRoutes({
    department: def.name,
    schema: def.dbSchema,
    typeDefs: def.typeDefs,
    datasets: opts.datasets ?? (await loadDatasets(def.name)),
    db: handle.db,
    verifier,
    cache: invalidator,
    log,
    limits: dataEntryLimits,
  })
  const context = async (principal: InternalIdentity): Promise<ServiceContext> => ({
    db: handle.db,
    loaders: def.createLoaders(handle.db, instrumentLoaders(cache)),
    principal,
    cache: invalidator,
  })

  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]
    const route = async () => {
      if (path === '/graphql') {
        const span = observed.observeRequest(req, res)
        const principal = internalCaller(verifier, req, res)
        if (!principal) return
        return runInSpan(span, () => graphql(req, res, () => context(principal)))
      }
      if (path.startsWith(DATA_ENTRY_PATH)) return dataEntry(req, res)
      if ((path === '/row-rules' || path === '/row-rules/count') && def.rowRules) {
        const principal = internalCaller(verifier, req, res)
        if (!principal) return
        return serveRowRules(path, req, res, def.rowRules, context, principal)
      }
      if (path === '/metrics' && observed.registry) return serveMetrics(observed.registry, req, res, metricsAccess, obs.metricsToken)
      if (path === '/healthz') return sendJson(res, 200, { status: 'ok', service: def.name })
      if (path === '/readyz') {
        try {
          await handle.ping(READY_DATABASE_TIMEOUT_MS)
          return sendJson(res, 200, { status: 'ready', service: def.name })
        } catch (err) {
          const reason = isDatabaseTimeout(err) ? `database did not answer within ${READY_DATABASE_TIMEOUT_MS} ms` : 'database unreachable'
          return sendJson(res, 503, { status: 'unavailable', service: def.name, reason })
        }
      }
      return sendJson(res, 404, { error: 'not found' })
    }
    route().catch(err => {
      log.error({ err }, 'request failed')
      if (!res.headersSent) sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error')
      else res.end()
    })
  })
  server.keepAliveTimeout = 65_000
  // Node ends a request whose body takes longer than `requestTimeout` (300 s); an upload may take as long as its own limit.
  if (dataEntryLimits.timeoutMs !== undefined) server.requestTimeout = Math.max(server.requestTimeout, dataEntryLimits.timeoutMs + 30_000)
  const host = opts.host ?? '127.0.0.1'
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, host, () => resolve())
  })
  const { port } = server.address() as AddressInfo
  return {
    name: def.name,
    port,
    cache,
    metrics: observed.registry,
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}/graphql`,
    close: async (graceMs?: number) => {
      const { forced } = await closeGracefully(server, graceMs)
      if (forced) log.warn('requests still running after the grace period were cut')
      await changes?.close()
      await cache.close()
    },
  }
}
