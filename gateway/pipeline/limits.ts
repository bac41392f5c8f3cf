import type { GatewayConfig } from '../config.js'
import { createOperationLimitsPlugin } from '../limits/operation-limits.js'
import type { CostDirectives } from '../limits/cost-directives.js'
import { createShapeGuard } from '../limits/shape-guard.js'
import { createTrustedDocuments, loadTrustedDocuments } from '../limits/trusted-documents.js'
import type { Stage } from './stage.js'
import type { GatewayMetrics } from '../../lib/observability/gateway-metrics.js'
import type { ParsedHandoff } from '../cache/parsed-handoff.js'

/**
 * What an operation may be, before anything is planned: trusted documents (anonymous callers may be
 * held to a list), shape limits on the query text (depth, fields, aliases, directives, root fields,
 * fragments — before Apollo Server parses it), then, once validated, the estimated cost with the
 * variables (an Apollo plugin, deciding first among the GraphQL stages so later ones can ask it).
 * `handoff`: where the shape guard leaves the documents it parsed, for the access stage's servers.
 */
export function limitsStage(
  config: Pick<GatewayConfig, 'limits' | 'trustedDocuments' | 'caches'>,
  costDirectives: () => CostDirectives,
  metrics?: GatewayMetrics,
  handoff?: ParsedHandoff,
): Stage {
  const trusted = createTrustedDocuments(
    config.trustedDocuments.mode,
    config.trustedDocuments.path ? loadTrustedDocuments(config.trustedDocuments.path) : new Map(),
  )
  const shapeGuard = createShapeGuard(config.limits, config.caches, handoff)
  metrics?.cache('shapes', () => shapeGuard.stats())
  return {
    name: 'limits',
    onRequest({ req, res }) {
      if (req.method !== 'GET') return 'next'
      const params = new URL(req.url ?? '/', 'http://localhost').searchParams
      const refusal = shapeGuard.refusal(params.get('query'), params.get('operationName'))
      if (!refusal) return 'next'
      refusal.send(res)
      return 'answered'
    },
    onBody(body, { principal }) {
      const prepared = trusted.prepare(body, principal!.authenticated) as { query?: unknown; operationName?: unknown } | null
      shapeGuard.check(prepared?.query, prepared?.operationName)
      return prepared
    },
    plugins: [createOperationLimitsPlugin(config.limits, costDirectives)],
  }
}
