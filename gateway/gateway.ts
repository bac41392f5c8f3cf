import { createHash } from 'node:crypto'
import { readFileSync, watchFile, unwatchFile } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { GraphQLSchema } from 'graphql'
import { ApolloServer } from '@apollo/server'
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled'
import { handleGraphQL, HttpRefusal, sendJson } from '../lib/http/apollo-handler.js'
import { createFormatError } from '../lib/http/format-error.js'
import { subgraphsOf, withSubgraphUrls } from '../schema/compose.js'
import { AuthError, type Principal } from '../auth/principal.js'
import type { Authenticator } from '../auth/identity/create-authenticator.js'
import type { InternalIdentity } from '../auth/internal/internal-token.js'
import { createAdminSchema } from '../auth/policy/admin-schema.js'
import { effectiveAccess } from '../auth/policy/effective-access.js'
import { rowFilters } from '../auth/policy/row-filters.js'
import { projectSchema } from '../auth/policy/project-schema.js'
import { fieldOwners, readRequirements } from '../auth/policy/requirements.js'
import type { EffectiveAccess, Requirements } from '../auth/policy/types.js'
import type { GatewayConfig } from './config.js'
import type { GatewayContext } from './gateway-context.js'
import { createProjectedServers } from './authorize/projected-servers.js'
import type { PolicyRuntime } from './authorize/policy-runtime.js'
import { createStitchedSchema } from './execute/stitched-schema.js'
import { createPlanExecutor } from './execute/plan-executor.js'
import type { OperationExecutor } from './execute/operation-executor.js'
import { createPersonalDataPlugin } from './authorize/personal-data-plugin.js'
import { createDenialModePlugin } from './authorize/denial-mode-plugin.js'
import { createDenialLogPlugin } from './authorize/denial-log-plugin.js'
import { createOperationLimitsPlugin } from './limits/operation-limits.js'
import { readCostDirectives, type CostDirectives } from './limits/cost-directives.js'
import { createShapeGuard } from './limits/shape-guard.js'
import { createRateLimiter } from './limits/rate-limiter.js'
import { createTrustedDocuments, loadTrustedDocuments } from './limits/trusted-documents.js'
import { MAX_HEADER_COUNT, refuseBatch, refuseRequest } from './limits/request-guards.js'
import { createCoordinateClassifier } from './authorize/classify-coordinates.js'
import type { SensitivityClass } from '../auth/classes.js'
import { graphiqlHtml, serveGraphiqlAsset } from './graphiql/graphiql-page.js'
import { checkSubgraphs } from './health/check-subgraphs.js'
import { checkPolicyStore } from './health/check-policy-store.js'
import { createPolicyVersionPlugin } from './authorize/policy-version-plugin.js'
import { createDedupePlugin } from './cache/dedupe-plugin.js'
import { closeGracefully } from '../lib/http/close-gracefully.js'
import type { Logger } from '../lib/observability/create-logger.js'
import { readObservabilityConfig } from '../lib/observability/observability-config.js'
import { createGatewayObservability, roleClassOf, type GatewayRequest } from '../lib/observability/gateway-observability.js'
import { createRequestRecordPlugin } from '../lib/observability/request-record-plugin.js'
import { serveMetrics } from '../lib/observability/serve-metrics.js'
import { runInSpan, withSpan } from '../lib/observability/tracing.js'

export interface Gateway {
  url: string
  port: number
  /** Hash of the supergraph being served. */
  supergraphHash(): string
  /** Policy version this replica enforces. */
  policyVersion(): number
  /** Re-reads the supergraph file (or takes `sdl`) and swaps the schema without dropping requests. */
  reload(sdl?: string): Promise<void>
  /** `/metrics` on the METRICS_PORT listener; null without one. */
  metricsUrl: string | null
  /** Stops accepting, lets requests in flight finish (at most `graceMs`, default 10 s), then cuts the rest. */
  close(graceMs?: number): Promise<void>
}

export interface GatewayDeps {
  authenticator: Authenticator
  policy: PolicyRuntime
  /** Signs the caller's identity for each subgraph call; null for third-party subgraphs. */
  internalSigner: { sign(identity: InternalIdentity, audience: string): string } | null
  /** Receives the classifier of the served graph (for validating grants). */
  classifyWith?(classify: (coordinate: string) => SensitivityClass | undefined): void
  /** Default: the gateway's logger (lib/observability/create-logger.ts). */
  logger?: Logger
}

interface LoadedSupergraph {
  sdl: string
  schema: GraphQLSchema
  hash: string
  loadedAt: Date
  requirements: Requirements
  costDirectives: CostDirectives
  owners: ReturnType<typeof fieldOwners>
  /** Runs operations by query plan; null: the stitched schema's resolvers run them. */
  executor: OperationExecutor | null
}

/** With authorization off every caller gets the whole API schema. */
const UNRESTRICTED: EffectiveAccess = Object.freeze({
  key: 'unrestricted', policyVersion: 0, scopes: new Set<string>(), allow: new Set<string>(), deny: new Set<string>(), aggregateOnly: false, admin: false,
})

/** The gateway itself, asking subgraphs whether they answer; it holds no roles. */
const HEALTH_CONTEXT: GatewayContext = Object.freeze({
  principal: Object.freeze({ subject: 'stadtgraph-gateway', roles: ['stadtgraph-gateway'], department: null, purpose: null, authenticated: true }),
  access: UNRESTRICTED,
})

/**
 * The gateway's HTTP server. Request pipeline:
 *
 *   HTTP ─► route ─► authenticate (JWT → principal; 401/403 before any GraphQL work)
 *        ─► authorize (effective access → projected schema, cached per access and supergraph)
 *        ─► Apollo Server on that projection (parse, validate, introspection)
 *        ─► dedupe: an identical non-personal query in flight for the same access is awaited
 *        ─► execute: the cached query plan (gateway/execute; stitched fallback), fetched from subgraphs, each call carrying
 *           an internal token the gateway signs for that subgraph
 */
export async function createGateway(config: GatewayConfig, deps: GatewayDeps): Promise<Gateway> {
  const readSdl = () => config.supergraphSdl ?? readFileSync(config.supergraphPath!, 'utf8')
  const obs = config.observability ?? readObservabilityConfig()
  const observability = await createGatewayObservability(obs, {
    replica: config.replicaId, host: config.host, policyVersion: () => deps.policy.snapshot().version, logger: deps.logger,
  })
  const { log, metrics } = observability
  const signHeaders = (subgraph: string, context: unknown): Record<string, string> => {
    const ctx = context as Partial<GatewayContext> | undefined
    if (!deps.internalSigner || !ctx?.principal || !ctx.access) return {}
    const identity: InternalIdentity = {
      ...ctx.principal, aggregateOnly: ctx.access.aggregateOnly, policyVersion: ctx.access.policyVersion, scopes: [...ctx.access.scopes],
      rowFilters: ctx.rowFilters,
    }
    return { 'x-stadtgraph-internal': deps.internalSigner.sign(identity, subgraph) }
  }
  // A fresh token for every subgraph call: subgraphs accept each token once (its jti is remembered
  // until it expires), so a plan that calls a subgraph in two steps needs two tokens. Signing costs
  // microseconds with the pre-built key.
  const subgraphHeaders = signHeaders
  const execution = { supergraphSdl: '', subgraphUrls: config.subgraphUrls, timeoutMs: config.subgraphTimeoutMs, subgraphHeaders, onSubgraphFetch: metrics.subgraphFetch }
  const load = async (sdl: string): Promise<LoadedSupergraph> => ({
    sdl,
    // The stitched schema is the API schema either way (projections, admin API); with the `plan`
    // executor its resolvers are only the fallback.
    schema: createStitchedSchema({ ...execution, supergraphSdl: sdl }),
    executor: config.executor === 'stitched' ? null : await createPlanExecutor({ ...execution, supergraphSdl: sdl }),
    hash: createHash('sha256').update(sdl).digest('hex').slice(0, 16),
    loadedAt: new Date(),
    requirements: readRequirements(sdl),
    costDirectives: readCostDirectives(sdl),
    owners: fieldOwners(sdl),
  })
  let current = await load(readSdl())
  deps.classifyWith?.(createCoordinateClassifier(() => current))
  const servers = createProjectedServers([
    createOperationLimitsPlugin(config.limits, () => current.costDirectives),
    createPersonalDataPlugin(() => current.requirements, deps.policy.accessLog),
    createDenialModePlugin(config.denials),
    createDenialLogPlugin(() => current.owners),
    ...(config.dedupe === false ? [] : [createDedupePlugin(() => current.requirements, { onHit: metrics.dedupeHit })]),
    createPolicyVersionPlugin(),
    createRequestRecordPlugin<GatewayContext>(metrics),
  ], config.limits.maxTokens)
  deps.policy.onChange(snapshot => {
    servers.clear()
    log.info({ policyVersion: snapshot.version }, `policy version ${snapshot.version} active`)
  })

  const accessOf = (principal: Principal): EffectiveAccess =>
    config.authorization === 'off' ? UNRESTRICTED : effectiveAccess(deps.policy.snapshot(), principal)
  const serverFor = (access: EffectiveAccess, principal: Principal) => {
    const loaded = current
    const introspection = config.introspection === 'all' || (config.introspection === 'authenticated' && principal.authenticated)
    return servers.get(`${loaded.hash}|${access.key}`, () =>
      access === UNRESTRICTED ? loaded.schema : projectSchema(loaded.schema, loaded.requirements, loaded.owners, access),
      { introspection, executor: loaded.executor ?? undefined })
  }

  let admin: ApolloServer<any> | null = null
  const adminServer = async () => {
    if (admin) return admin
    const store = deps.policy.store
    if (!store) return null
    admin = new ApolloServer({
      schema: createAdminSchema({ store, supergraph: () => ({ sdl: current.sdl, apiSchema: current.schema, requirements: current.requirements, owners: current.owners }) }),
      includeStacktraceInErrorResponses: false,
      hideSchemaDetailsFromClientErrors: true,
      formatError: createFormatError('admin'),
      stopOnTerminationSignals: false,
      plugins: [ApolloServerPluginLandingPageDisabled(), createRequestRecordPlugin(metrics)],
    })
    await admin.start()
    return admin
  }

  const reload = async (sdl?: string) => {
    const next = sdl ?? readSdl()
    if (createHash('sha256').update(next).digest('hex').slice(0, 16) === current.hash) return
    current = await load(next)
    servers.clear()
    log.info({ supergraph: current.hash }, `supergraph reloaded (${current.hash})`)
  }

  /** A purpose (Zweckbindung) may also be declared per request; it binds reads of personal data. */
  const withPurpose = (principal: Principal, req: IncomingMessage): Principal => {
    const header = req.headers['x-stadtgraph-purpose']
    const purpose = typeof header === 'string' ? header.trim().slice(0, 200) : ''
    return purpose ? { ...principal, purpose } : principal
  }

  const trusted = createTrustedDocuments(config.trustedDocuments.mode,
    config.trustedDocuments.path ? loadTrustedDocuments(config.trustedDocuments.path) : new Map())
  const principalLimiter = config.limits.ratePerMinute > 0 ? createRateLimiter(config.limits.ratePerMinute) : null
  const anonymousLimiter = config.limits.anonymousRatePerMinute > 0 ? createRateLimiter(config.limits.anonymousRatePerMinute) : null

  const shapeGuard = createShapeGuard(config.limits)
  const shapeRefusal = (check: () => void): HttpRefusal | null => {
    try { check(); return null } catch (err) { if (err instanceof HttpRefusal) return err; throw err }
  }

  const subgraphs = () => subgraphsOf(withSubgraphUrls(current.sdl, config.subgraphUrls))

  /** Authenticates; on failure answers 401/403/431 itself and returns null. */
  const authenticate = async (req: IncomingMessage, res: ServerResponse): Promise<Principal | null> => {
    try {
      // Node keeps only the first of repeated Authorization headers; two of them are an attack or a bug (T11).
      const authorizations = req.rawHeaders.filter((_, i) => i % 2 === 0 && req.rawHeaders[i].toLowerCase() === 'authorization').length
      if (authorizations > 1) throw new AuthError(401, 'UNAUTHENTICATED', 'Invalid or expired token', 'more than one Authorization header')
      return await deps.authenticator.authenticate(req.headers)
    } catch (err) {
      if (!(err instanceof AuthError)) throw err
      log.warn({ status: err.status, code: err.code }, `auth.failure ${err.status} ${err.code}: ${err.reason}`)
      const headers: Record<string, string> = err.status === 401 ? { 'www-authenticate': 'Bearer error="invalid_token"' } : {}
      sendJson(res, err.status, { errors: [{ message: err.message, extensions: { code: err.code } }] }, headers)
      return null
    }
  }

  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]
    const observed: GatewayRequest | null = path === config.graphqlPath || path === config.adminPath ? observability.observeRequest(req, res) : null
    const route = async () => {
      if (path === config.graphqlPath) {
        const wantsHtml = req.method === 'GET' && (req.headers.accept ?? '').includes('text/html')
        if (wantsHtml) {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          return void res.end(graphiqlHtml(config.graphqlPath))
        }
        const refusal = refuseRequest(req)
        if (refusal) return sendJson(res, refusal.status, { errors: [{ message: refusal.message, extensions: { code: refusal.code } }] })
        const authenticated = await withSpan('gateway.authenticate', undefined, () => authenticate(req, res))
        if (!authenticated) return
        observed!.principal = authenticated
        const retryAfter = authenticated.subject
          ? principalLimiter?.take(authenticated.subject)
          : anonymousLimiter?.take(req.socket.remoteAddress ?? 'unknown')
        if (retryAfter) {
          metrics.rateLimited(roleClassOf(authenticated, false))
          return sendJson(res, 429, { errors: [{ message: `Too many requests; retry after ${retryAfter} s`, extensions: { code: 'RATE_LIMITED' } }] },
            { 'retry-after': String(retryAfter) })
        }
        const principal = withPurpose(authenticated, req)
        const { access, apollo, rows } = await withSpan('gateway.authorize', undefined, async () => {
          const access = accessOf(principal)
          const apollo = await serverFor(access, principal)
          const rows = config.authorization === 'off' ? [] : rowFilters(deps.policy.snapshot(), principal)
          return { access, apollo, rows }
        })
        observed!.admin = access.admin
        if (req.method === 'GET') {
          const params = new URL(req.url ?? '/', 'http://localhost').searchParams
          const refusal = shapeRefusal(() => shapeGuard.check(params.get('query'), params.get('operationName')))
          if (refusal) return sendJson(res, refusal.status, { errors: [{ message: refusal.message, extensions: { code: refusal.code } }] })
        }
        return handleGraphQL(apollo, req, res, async () => ({ principal, access, rowFilters: rows, request: observed! }), body => {
          refuseBatch(body)
          const prepared = trusted.prepare(body, principal.authenticated) as { query?: unknown; operationName?: unknown } | null
          shapeGuard.check(prepared?.query, prepared?.operationName)
          return prepared
        }, { maxJsonDepth: config.maxJsonDepth })
      }
      if (path === config.adminPath) {
        const principal = await authenticate(req, res)
        if (!principal) return
        if (!principal.authenticated) {
          return sendJson(res, 401, { errors: [{ message: 'The admin API needs a bearer token', extensions: { code: 'UNAUTHENTICATED' } }] },
            { 'www-authenticate': 'Bearer' })
        }
        observed!.principal = principal
        const access = effectiveAccess(deps.policy.snapshot(), principal)
        observed!.admin = access.admin
        if (!access.admin) return sendJson(res, 403, { errors: [{ message: 'The admin API is for the admin role only', extensions: { code: 'FORBIDDEN' } }] })
        const apollo = await adminServer()
        if (!apollo) return sendJson(res, 503, { errors: [{ message: 'The admin API needs the policy database (DATABASE_URL)', extensions: { code: 'POLICY_STORE_UNAVAILABLE' } }] })
        return handleGraphQL(apollo, req, res, async () => ({ principal, isAdmin: true, actor: principal.subject ?? 'unknown', request: observed! }), undefined, { maxJsonDepth: config.maxJsonDepth })
      }
      if (path === '/' || path === '/graphiql') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        return void res.end(graphiqlHtml(config.graphqlPath))
      }
      if (path === config.healthPath) {
        return sendJson(res, 200, {
          status: 'ok',
          replica: config.replicaId,
          policyVersion: deps.policy.snapshot().version,
          supergraph: { hash: current.hash, loadedAt: current.loadedAt.toISOString() },
          subgraphs: subgraphs().length,
        })
      }
      if (path === config.readyPath) {
        const [checks, policyStore] = await Promise.all([
          checkSubgraphs(subgraphs(), 2_000, name => signHeaders(name, HEALTH_CONTEXT)), checkPolicyStore(deps.policy),
        ])
        const ready = checks.every(c => c.ok) && policyStore.ok
        return sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'unavailable', policyStore, subgraphs: checks })
      }
      if (path === '/metrics' && observability.registry) return serveMetrics(observability.registry, req, res, obs.clientPortAccess, obs.metricsToken)
      if (req.method === 'GET' && serveGraphiqlAsset(path, res)) return
      return sendJson(res, 404, { error: 'not found' })
    }
    runInSpan(observed?.span, route).catch(err => {
      log.error({ err, requestId: observed?.id }, 'request failed')
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] })
      else res.end()
    })
  })
  server.keepAliveTimeout = 65_000
  // Oversized header blocks are refused by Node with 431 before they reach us; too many header
  // lines by refuseRequest (Node would silently drop those beyond maxHeadersCount).
  server.maxHeadersCount = MAX_HEADER_COUNT * 2 + 2
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(config.port, config.host, () => resolve())
  })
  const { port } = server.address() as AddressInfo

  const watching = config.watch && config.supergraphPath && !config.supergraphSdl
  if (watching) {
    watchFile(config.supergraphPath!, { interval: 500 }, () => {
      reload().catch(err => log.error(`supergraph reload failed, keeping ${current.hash}: ${err instanceof Error ? err.message : err}`))
    })
  }

  return {
    url: `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}${config.graphqlPath}`,
    port,
    supergraphHash: () => current.hash,
    policyVersion: () => deps.policy.snapshot().version,
    reload,
    metricsUrl: observability.metricsServer
      ? `http://${(obs.metricsHost ?? config.host).replace(/^0\.0\.0\.0$/, '127.0.0.1')}:${observability.metricsServer.port}/metrics` : null,
    close: async (graceMs?: number) => {
      if (watching) unwatchFile(config.supergraphPath!)
      // Requests in flight finish (≤ graceMs, default 10 s); a new connection is refused at once.
      const { forced } = await closeGracefully(server, graceMs)
      if (forced) log.warn('requests still running after the grace period were cut')
      await observability.close()
    },
  }
}
