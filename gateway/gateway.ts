import type { AddressInfo } from 'node:net'
import type { Authenticator } from '../auth/identity/create-authenticator.js'
import { readIdentityConfig, type IdentityConfig } from '../auth/identity/identity-config.js'
import type { SensitivityClass } from '../auth/classes.js'
import { closeGracefully } from '../platform/http/close-gracefully.js'
import type { Logger } from '../platform/logger/create-logger.js'
import { readObservabilityConfig } from '../lib/observability/observability-config.js'
import { createGatewayObservability } from '../lib/observability/gateway-observability.js'
import type { GatewayConfig } from './config.js'
import type { PolicyRuntime } from './authorize/policy-runtime.js'
import { createCoordinateClassifier } from './authorize/classify-coordinates.js'
import { createSupergraphManager, type SupergraphManager } from './supergraph/supergraph-manager.js'
import { createSignHeaders, type InternalSigner } from './transport/sign-headers.js'
import { createAuthenticate } from './pipeline/authenticate.js'
import { createStages } from './pipeline/stages.js'
import { createCallerRateLimit } from './pipeline/rate-limit.js'
import { readDataEntryLimits } from '../lib/data-entry/data-entry-routes.js'
import { createPipeline } from './pipeline/pipeline.js'
import { createAdminRoute } from './admin/admin-route.js'
import { createRowRuleDepartments } from './admin/row-rule-departments.js'
import { createHealthRoutes } from './health/health-routes.js'
import { createRouter } from './http/router.js'
import { listen } from './http/listen.js'
import { createWebApp } from './web/web-app.js'
import { createAuthRoutes } from './web/auth-routes.js'
import { createDataEntryProxy } from './data-entry/data-entry-proxy.js'
import { contentSecurityPolicy, securityHeaders } from './web/content-security-policy.js'

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
  /** What the authenticator verifies; tells the web app how to sign in (default: read from the environment). */
  identity?: IdentityConfig
  policy: PolicyRuntime
  /** Signs the caller's identity for each subgraph call; null for third-party subgraphs. */
  internalSigner: InternalSigner
  /** Receives the classifier of the served graph (for validating grants). */
  classifyWith?(classify: (coordinate: string) => SensitivityClass | undefined): void
  /** Default: the gateway's logger (platform/logger/create-logger.ts). */
  logger?: Logger
}

/**
 * The gateway: composes its parts and starts listening. What a GraphQL request goes through, in
 * order, is the stage list in gateway/pipeline/stages.ts; gateway/README.md says where each
 * concern lives.
 */
export async function createGateway(config: GatewayConfig, deps: GatewayDeps): Promise<Gateway> {
  const obs = config.observability ?? readObservabilityConfig()
  const observability = await createGatewayObservability(obs, {
    replica: config.replicaId,
    host: config.host,
    policyVersion: () => deps.policy.snapshot().version,
    logger: deps.logger,
  })
  const { log, metrics } = observability
  const signHeaders = createSignHeaders(deps.internalSigner)
  const authenticate = createAuthenticate(deps.authenticator, log)
  metrics.cache('tokens', () => deps.authenticator.cacheStats())

  // The stages read the supergraph per request; loading a supergraph takes the stages' executor and
  // subgraph-call hooks. So the stages come first, the supergraph second.
  let supergraph: SupergraphManager | undefined
  const current = () => supergraph!.current()
  const rateLimit = createCallerRateLimit(config.limits, metrics)
  const pipeline = createPipeline(
    createStages({ config, policy: deps.policy, supergraph: current, authenticate, signHeaders, metrics, rateLimit }),
    {
      maxJsonDepth: config.maxJsonDepth,
    },
  )
  supergraph = await createSupergraphManager({
    sdl: config.supergraphSdl,
    path: config.supergraphPath,
    watch: config.watch,
    subgraphUrls: config.subgraphUrls,
    timeoutMs: config.subgraphTimeoutMs,
    ...pipeline.subgraphCalls,
    createExecutor: pipeline.createExecutor,
    onChange: () => {
      pipeline.reset()
      deps.policy.reportSupergraph({ hash: current().hash, loadedAt: current().loadedAt })
    },
    log,
  })
  deps.policy.reportSupergraph({ hash: current().hash, loadedAt: current().loadedAt })
  deps.classifyWith?.(createCoordinateClassifier(current))
  deps.policy.onChange(snapshot => {
    pipeline.reset()
    log.info({ policyVersion: snapshot.version }, `policy version ${snapshot.version} active`)
  })

  // The web app and its sign-in: in OpenID Connect mode the app may talk to the issuer, and to nothing else.
  const identity = deps.identity ?? readIdentityConfig()
  const csp = contentSecurityPolicy(identity.production ? identity.issuer : null)
  const webSettings = config.web ?? { dist: null, oidcClientId: null, oidcScope: 'openid profile' }
  const web = createWebApp({ dist: webSettings.dist, csp, log })
  if (webSettings.dist !== null && web.built()) log.info({ dist: webSettings.dist }, 'serving the web app at /')
  if (identity.production && webSettings.dist !== null && webSettings.oidcClientId === null) {
    log.warn('WEB_OIDC_CLIENT_ID is not set: the web app cannot sign in at the identity provider (it stays public)')
  }
  const auth = createAuthRoutes({
    identity,
    signIn: webSettings,
    roles: () => deps.policy.snapshot().roles.values(),
    headers: securityHeaders(csp),
  })

  // Uploads are limited by the departments' data-entry settings (DATA_ENTRY_MAX_BYTES, DATA_ENTRY_TIMEOUT_MS), read once.
  const dataEntryLimits = readDataEntryLimits()
  const server = await listen(
    createRouter({
      config,
      observability,
      obs,
      pipeline,
      admin: createAdminRoute({
        policy: deps.policy,
        supergraph: current,
        // Without internal tokens the departments cannot be asked: conditions are checked for their shape and claims only.
        rowRules: deps.internalSigner
          ? createRowRuleDepartments({
              subgraphs: () => supergraph!.subgraphs(),
              supergraphHash: () => current().hash,
              signer: deps.internalSigner,
            })
          : undefined,
        authenticate,
        metrics,
        maxJsonDepth: config.maxJsonDepth,
      }),
      health: createHealthRoutes({ replicaId: config.replicaId, policy: deps.policy, supergraph, signHeaders }),
      web,
      auth,
      dataEntry: createDataEntryProxy({
        maxBytes: dataEntryLimits.maxBytes,
        config,
        policy: deps.policy,
        authenticate,
        subgraphs: () => supergraph.subgraphs(),
        signHeaders,
        log,
        rateLimit,
      }),
    }),
    config.port,
    config.host,
  )
  // Node ends a request whose body takes longer than `requestTimeout` (300 s); an upload may take as long as its own limit.
  server.requestTimeout = Math.max(server.requestTimeout, dataEntryLimits.timeoutMs + 30_000)
  const { port } = server.address() as AddressInfo
  supergraph.watch()

  return {
    url: `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}${config.graphqlPath}`,
    port,
    supergraphHash: () => current().hash,
    policyVersion: () => deps.policy.snapshot().version,
    reload: sdl => supergraph.reload(sdl),
    metricsUrl: observability.metricsServer
      ? `http://${(obs.metricsHost ?? config.host).replace(/^0\.0\.0\.0$/, '127.0.0.1')}:${observability.metricsServer.port}/metrics`
      : null,
    close: async (graceMs?: number) => {
      supergraph.close()
      // Requests in flight finish (≤ graceMs, default 10 s); a new connection is refused at once.
      const { forced } = await closeGracefully(server, graceMs)
      if (forced) log.warn('requests still running after the grace period were cut')
      await observability.close()
    },
  }
}
