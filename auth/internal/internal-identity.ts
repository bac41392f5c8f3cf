import type { Principal } from '../principal.js'

/**
 * Gateway → subgraph trust (docs/access-control.md#identity; case T21). The gateway strips any client-sent copy of this
 * header and sets its own; a subgraph serves nothing without a valid token in it.
 */
export const INTERNAL_TOKEN_HEADER = 'x-stadtgraph-internal'

/**
 * How a department knows that a request comes from the gateway, and on whose behalf: the one thing the
 * department kit (lib/service/create-subgraph-server.ts) asks of the city's internal identity. The
 * kit's default is the HS256 token of internal-token.ts (`createInternalTokenVerifier`, keyed with
 * INTERNAL_TOKEN_SECRET); a city with another way to vouch for the caller (mTLS identities, an
 * asymmetric signature) passes its own to `createSubgraphServer` or `runService`.
 */
export interface InternalIdentityVerifier {
  /**
   * The identity the gateway vouches for in `token` (the value of the INTERNAL_TOKEN_HEADER header;
   * undefined when the request has none or more than one). Throws when the token is missing, forged,
   * expired, meant for another department or replayed: an AuthError (401 UNAUTHENTICATED) whose
   * message is for the client and whose `reason` is for the log. Anything else it throws is answered
   * the same way, with a generic message.
   */
  verify(token: string | undefined): InternalIdentity
}

/** What a subgraph learns about the caller: the gateway's verified principal plus its policy decision. */
export interface InternalIdentity extends Principal {
  /** The caller may see aggregates only; the subgraph must not return row-level data. */
  aggregateOnly: boolean
  /** Policy version the gateway decided under; lets subgraphs and audit tie a call to one policy. */
  policyVersion: number
  /**
   * Scopes the caller holds under that policy, for instance-level decisions a schema cannot express
   * (e.g. which budget versions an argument may ask for).
   */
  scopes: readonly string[]
  /** Row rules resolved for the caller (auth/policy/row-filters.ts); absent or empty: no row rules. */
  rowFilters?: ReadonlyArray<{ coordinate: string; anyOf: ReadonlyArray<ReadonlyArray<{ field: string; value: string | null }>> }>
}
