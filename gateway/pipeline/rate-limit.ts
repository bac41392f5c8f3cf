import type { IncomingMessage, ServerResponse } from 'node:http'
import { sendError } from '../../platform/http/apollo-handler.js'
import type { Principal } from '../../auth/principal.js'
import type { GatewayMetrics } from '../../lib/observability/gateway-metrics.js'
import { roleClassOf } from '../../lib/observability/gateway-observability.js'
import { createRateLimiter } from '../limits/rate-limiter.js'
import type { OperationLimits } from '../limits/operation-limits.js'
import type { Stage } from './stage.js'

/**
 * Requests per minute per principal (`sub`), or per client address for anonymous callers, counted once for every
 * path that takes them (`/graphql` and `/data-entry/…`): `check` answers 429 with `retry-after` and returns false.
 */
export interface CallerRateLimit {
  check(req: IncomingMessage, res: ServerResponse, principal: Principal): boolean
}

export function createCallerRateLimit(limits: OperationLimits, metrics: GatewayMetrics): CallerRateLimit {
  const principalLimiter = limits.ratePerMinute > 0 ? createRateLimiter(limits.ratePerMinute) : null
  const anonymousLimiter = limits.anonymousRatePerMinute > 0 ? createRateLimiter(limits.anonymousRatePerMinute) : null
  return {
    check(req, res, principal) {
      const retryAfter = principal.subject
        ? principalLimiter?.take(principal.subject)
        : anonymousLimiter?.take(req.socket.remoteAddress ?? 'unknown')
      if (!retryAfter) return true
      metrics.rateLimited(roleClassOf(principal, false))
      sendError(res, 429, 'RATE_LIMITED', `Too many requests; retry after ${retryAfter} s`, { 'retry-after': String(retryAfter) })
      return false
    },
  }
}

/** The rate limit as a stage of the GraphQL path. */
export function rateLimitStage(rateLimit: CallerRateLimit): Stage {
  return {
    name: 'rate limit',
    onRequest: ({ req, res, principal }) => (rateLimit.check(req, res, principal!) ? 'next' : 'answered'),
  }
}
