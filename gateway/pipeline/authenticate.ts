import type { IncomingMessage, ServerResponse } from 'node:http'
import { sendError } from '../../platform/http/apollo-handler.js'
import type { Logger } from '../../platform/logger/create-logger.js'
import { withSpan } from '../../lib/observability/tracing.js'
import { AuthError, type Principal } from '../../auth/principal.js'
import type { Authenticator } from '../../auth/identity/create-authenticator.js'
import type { Stage } from './stage.js'

/** Authenticates; on failure answers 401/403/431 itself and returns null. */
export type Authenticate = (req: IncomingMessage, res: ServerResponse) => Promise<Principal | null>

export function createAuthenticate(authenticator: Authenticator, log: Logger): Authenticate {
  return async (req, res) => {
    try {
      // Node keeps only the first of repeated Authorization headers; two of them are an attack or a bug (T11).
      const authorizations = req.rawHeaders.filter((_, i) => i % 2 === 0 && req.rawHeaders[i].toLowerCase() === 'authorization').length
      if (authorizations > 1) throw new AuthError(401, 'UNAUTHENTICATED', 'Invalid or expired token', 'more than one Authorization header')
      return await authenticator.authenticate(req.headers)
    } catch (err) {
      if (!(err instanceof AuthError)) throw err
      log.warn({ status: err.status, code: err.code }, `auth.failure ${err.status} ${err.code}: ${err.reason}`)
      const headers: Record<string, string> = err.status === 401 ? { 'www-authenticate': 'Bearer error="invalid_token"' } : {}
      sendError(res, err.status, err.code, err.message, headers)
      return null
    }
  }
}

/** JWT → principal (an anonymous principal without a token); 401/403 before any GraphQL work. */
export function authenticateStage(authenticate: Authenticate): Stage {
  return {
    name: 'authenticate',
    async onRequest(request) {
      const principal = await withSpan('gateway.authenticate', undefined, () => authenticate(request.req, request.res))
      if (!principal) return 'answered'
      request.observed.principal = principal
      request.principal = principal
      return 'next'
    },
  }
}
