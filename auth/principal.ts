import type { ErrorCode, StatusOf } from '../platform/errors.js'

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
  subject: null,
  roles: Object.freeze(['public']),
  department: null,
  purpose: null,
  authenticated: false,
})

/** Failures of authentication and role selection, answered before any GraphQL work; each is in the error catalogue (platform/errors.ts), or this does not typecheck. */
export const AUTH_ERROR_CODES = ['UNAUTHENTICATED', 'FORBIDDEN', 'REQUEST_HEADER_TOO_LARGE'] as const satisfies readonly ErrorCode[]
export type AuthErrorCode = (typeof AUTH_ERROR_CODES)[number]

/** The status an authentication failure is answered with: one the catalogue lists for its code, and never 200 (nothing ran). */
export type AuthErrorStatus<C extends AuthErrorCode> = Extract<StatusOf<C>, 401 | 403 | 431>

export class AuthError<C extends AuthErrorCode = AuthErrorCode> extends Error {
  constructor(
    readonly status: NoInfer<AuthErrorStatus<C>>,
    readonly code: C,
    message: string,
    /** Why, for the server log only; never sent to the client. */
    readonly reason: string = message,
  ) {
    super(message)
  }
}
