import { sendError } from '../../platform/http/apollo-handler.js'
import type { GatewayMetrics } from '../../lib/observability/gateway-metrics.js'
import { roleClassOf } from '../../lib/observability/gateway-observability.js'
import { createRateLimiter } from '../limits/rate-limiter.js'
import type { OperationLimits } from '../limits/operation-limits.js'
import type { Stage } from './stage.js'

/** Requests per minute per principal (`sub`), or per client address for anonymous callers: 429 with `retry-after`. */
export function rateLimitStage(limits: OperationLimits, metrics: GatewayMetrics): Stage {
  const principalLimiter = limits.ratePerMinute > 0 ? createRateLimiter(limits.ratePerMinute) : null
  const anonymousLimiter = limits.anonymousRatePerMinute > 0 ? createRateLimiter(limits.anonymousRatePerMinute) : null
  return {
    name: 'rate limit',
    onRequest({ req, res, principal }) {
      const retryAfter = principal!.subject
        ? principalLimiter?.take(principal!.subject)
        : anonymousLimiter?.take(req.socket.remoteAddress ?? 'unknown')
      if (!retryAfter) return 'next'
      metrics.rateLimited(roleClassOf(principal!, false))
      sendError(res, 429, 'RATE_LIMITED', `Too many requests; retry after ${retryAfter} s`, { 'retry-after': String(retryAfter) })
      return 'answered'
    },
  }
}
