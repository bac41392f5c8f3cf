import { createInternalTokenSigner, INTERNAL_TOKEN_HEADER, type InternalIdentity } from '../auth/internal/internal-token.js'

/**
 * What the baseline gateways (and direct subgraph calls) tell the subgraphs about the caller: the same
 * identity our gateway forwards for the benchmark's `controlling` token (exact internal aggregates,
 * no personal data), so every gateway asks the subgraphs for the same work.
 *
 * Internal tokens live at most 60 s (auth/internal/internal-token.ts refuses longer ones), so a
 * long-lived token is impossible: the baselines sign a fresh token for every subgraph call, as our
 * gateway does.
 */
export const BASELINE_IDENTITY: InternalIdentity = Object.freeze({
  subject: 'bench',
  roles: ['controlling'],
  department: null,
  purpose: null,
  authenticated: true,
  aggregateOnly: false,
  policyVersion: 1,
  scopes: ['open', 'internal'],
})

export { INTERNAL_TOKEN_HEADER }

export function createBaselineSigner(secret: string): (subgraph: string) => string {
  const signer = createInternalTokenSigner(secret)
  return subgraph => signer.sign(BASELINE_IDENTITY, subgraph)
}
