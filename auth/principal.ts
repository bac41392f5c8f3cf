/**
 * Who is asking, as the gateway established it from a verified token (never from client headers).
 * Subgraphs receive the same shape inside the gateway-signed internal token.
 */
export interface Principal {
  /** `sub` of the token; null for anonymous callers. */
  subject: string | null
  /** Active roles: the requested subset of the token's roles, or all of them; ['public'] when anonymous. */
  roles: readonly string[]
  /** Department claim (a department = a subgraph name such as `asylum`), if any. */
  department: string | null
  /** Purpose of the request for personal data (Zweckbindung), if given. */
  purpose: string | null
  authenticated: boolean
}

export const PUBLIC_PRINCIPAL: Principal = Object.freeze({
  subject: null, roles: Object.freeze(['public']), department: null, purpose: null, authenticated: false,
})

/** Failures of authentication and role selection, answered before any GraphQL work. */
export type AuthErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'REQUEST_HEADER_TOO_LARGE'

export class AuthError extends Error {
  constructor(
    readonly status: 401 | 403 | 431,
    readonly code: AuthErrorCode,
    message: string,
    /** Why, for the server log only; never sent to the client. */
    readonly reason: string = message,
  ) {
    super(message)
  }
}
