import type { GatewayMetrics } from '../../lib/observability/gateway-metrics.js'
import type { GatewayConfig } from '../config.js'
import type { PolicyRuntime } from '../authorize/policy-runtime.js'
import type { LoadedSupergraph } from '../supergraph/supergraph-manager.js'
import type { SubgraphHeaders } from '../transport/subgraph-call.js'
import type { Stage } from './stage.js'
import { pluginsOf } from './pipeline.js'
import { guardStage } from './guard.js'
import { authenticateStage, type Authenticate } from './authenticate.js'
import { rateLimitStage, type CallerRateLimit } from './rate-limit.js'
import { purposeStage } from './purpose.js'
import { accessStage } from './access.js'
import { limitsStage } from './limits.js'
import { personalDataStage } from './personal-data.js'
import { dedupeStage } from './dedupe.js'
import { planStage } from './plan.js'
import { executeStage } from './execute.js'
import { respondStage } from './respond.js'
import { createParsedHandoff } from '../cache/parsed-handoff.js'

export interface StageDeps {
  config: GatewayConfig
  policy: PolicyRuntime
  /** The supergraph being served (read per request: it may be reloaded). */
  supergraph: () => LoadedSupergraph
  authenticate: Authenticate
  /** The signing hook of subgraph calls (gateway/transport/sign-headers.ts). */
  signHeaders: SubgraphHeaders
  metrics: GatewayMetrics
  /** Requests per minute per caller, shared with the other paths that count them (`/data-entry/…`). */
  rateLimit: CallerRateLimit
}

/**
 * The path of a GraphQL request through the gateway, in order. This list is the only place that
 * knows the order; each stage is one module in this folder (see stage.ts for the hooks).
 *
 *   HTTP, before any GraphQL work (each may answer the request itself):
 *     guard → authenticate → rate limit → purpose → access (projection)
 *   Apollo Server on the caller's projected schema (parse, validate, then the stages' plugins):
 *     → limits → personal data → dedupe
 *   the query plan and its subgraph calls:
 *     → plan → execute
 *   the answer:
 *     → respond
 */
export function createStages({ config, policy, supergraph, authenticate, signHeaders, metrics, rateLimit }: StageDeps): Stage[] {
  // A new query text is parsed once: by the limits stage's shape guard, which hands the document to
  // the projected server's prevalidation (gateway/cache/parsed-handoff.ts).
  const handoff = createParsedHandoff()
  const stages: Stage[] = [
    guardStage(),
    authenticateStage(authenticate),
    rateLimitStage(rateLimit),
    purposeStage(),
    accessStage({ config, policy, supergraph, plugins: () => pluginsOf(stages), metrics, handoff }),
    limitsStage(config, () => supergraph().costDirectives, metrics, handoff),
    personalDataStage(() => supergraph().requirements, policy.accessLog),
    dedupeStage(config.dedupe !== false, () => supergraph().requirements, metrics),
    planStage(config, metrics),
    executeStage(signHeaders, metrics),
    respondStage(config, () => supergraph().owners, metrics),
  ]
  return stages
}
