import type { IncomingMessage, ServerResponse } from 'node:http'
import { INTERNAL_TOKEN_HEADER, type InternalIdentity, type InternalIdentityVerifier } from '../../auth/internal/internal-identity.js'
import { AuthError } from '../../auth/principal.js'
import { sendError } from '../../platform/http/send-json.js'

/**
 * Who the gateway says is calling: the internal token of a request to a department, verified. Every
 * route of a department asks it first (/graphql, /row-rules, /data-entry). Null when the request
 * is refused: it has then been answered 401 UNAUTHENTICATED, with the verifier's message when it
 * says why (a missing, forged, expired or replayed token) and a generic one otherwise.
 */
export function internalCaller(verifier: InternalIdentityVerifier, req: IncomingMessage, res: ServerResponse): InternalIdentity | null {
  const header = req.headers[INTERNAL_TOKEN_HEADER]
  try {
    // Two copies of the header are no token.
    return verifier.verify(Array.isArray(header) ? undefined : header)
  } catch (err) {
    sendError(res, 401, 'UNAUTHENTICATED', err instanceof AuthError ? err.message : 'Unauthenticated')
    return null
  }
}
