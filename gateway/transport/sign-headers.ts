import type { InternalIdentity, InternalTokenSigner } from '../../auth/internal/internal-token.js'
import type { GatewayContext } from '../gateway-context.js'
import type { SubgraphHeaders } from './subgraph-call.js'

/** Signs the caller's identity for one subgraph (the audience); null for third-party subgraphs. */
export type InternalSigner = (Pick<InternalTokenSigner, 'sign'> & Partial<Pick<InternalTokenSigner, 'forIdentity'>>) | null

/**
 * What a subgraph call tells the subgraph about the caller: the claims of its internal token
 * (principal, effective access, row rules); null without a caller in the context. The token adds
 * only per-call noise (issued-at, expiry, its id, audience = the subgraph, signature), so calls
 * with equal identities tell the subgraph the same (gateway/cache/subgraph-dedupe.ts).
 */
export function internalIdentityOf(context: unknown): InternalIdentity | null {
  const ctx = context as Partial<GatewayContext> | undefined
  if (!ctx?.principal || !ctx.access) return null
  return {
    ...ctx.principal,
    aggregateOnly: ctx.access.aggregateOnly,
    policyVersion: ctx.access.policyVersion,
    scopes: [...ctx.access.scopes],
    rowFilters: ctx.rowFilters,
  }
}

/**
 * The signing hook of every subgraph call: the caller's principal, effective access and row rules as
 * an internal token (`x-stadtgraph-internal`) for that subgraph; no header without a signer or
 * without a caller in the context.
 *
 * A fresh token for every subgraph call: subgraphs accept each token once (its jti is remembered
 * until it expires), so a plan that calls a subgraph in two steps needs two tokens. The identity is
 * the same for every call of one operation (one context object): its claims are written out once per
 * operation, each call signs only what varies (issued-at, expiry, audience, jti).
 */
export function createSignHeaders(signer: InternalSigner): SubgraphHeaders {
  if (!signer) return () => ({})
  const perContext = new WeakMap<object, ((audience: string) => string) | null>()
  const signerFor = (context: unknown): ((audience: string) => string) | null => {
    const identity = internalIdentityOf(context)
    if (!identity) return null
    return signer.forIdentity ? signer.forIdentity(identity) : audience => signer.sign(identity, audience)
  }
  return (subgraph, context): Record<string, string> => {
    let sign: ((audience: string) => string) | null | undefined
    if (context && typeof context === 'object') {
      sign = perContext.get(context)
      if (sign === undefined) perContext.set(context, (sign = signerFor(context)))
    } else sign = signerFor(context)
    return sign ? { 'x-stadtgraph-internal': sign(subgraph) } : {}
  }
}
