import { refuseBatch, refuseRequest } from '../limits/request-guards.js'
import type { Stage } from './stage.js'

/**
 * Refusals decided from the HTTP request alone, before anyone is asked who the caller is: too many
 * header lines (431), a GET that changes state (405), a cross-site-capable request without a
 * preflight header (400 CSRF_PREVENTED); and, once the body is read, a batch (400 BATCHING_DISABLED).
 */
export function guardStage(): Stage {
  return {
    name: 'guard',
    onRequest({ req, res }) {
      const refusal = refuseRequest(req)
      if (!refusal) return 'next'
      refusal.send(res)
      return 'answered'
    },
    onBody(body) {
      refuseBatch(body)
      return body
    },
  }
}
