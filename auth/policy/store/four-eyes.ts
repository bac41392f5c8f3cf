import { PolicyError, type CoordinateGrant, type RoleDefinition } from '../types.js'
import { NEVER_PUBLIC, scopeClass, type Classify } from './validate-policy.js'

/**
 * Four-eyes principle (authorization.md §5 G6): a change that opens personal or special data is
 * not applied by the administrator who makes it; it waits in `access.pending_change` until a second
 * administrator approves it. Narrowing changes (a DENY, dropping a scope) never wait: blocking
 * them would only delay taking access away.
 */

/** The changes that can wait for approval, named like the audit actions of their direct form. */
export type PendingKind = 'grant.set' | 'role.upsert'

export interface PendingChange {
  id: number
  kind: PendingKind
  /** `{ grant }` or `{ role }`: the validated input, applied as it is on approval. */
  payload: Record<string, unknown>
  requestedBy: string
  requestedAt: Date
}

/** The class of `coordinate` if it is personal or special; undefined otherwise or without a classifier. */
export function sensitiveClassOf(coordinate: string, classify: Classify | undefined): string | undefined {
  if (!classify) return undefined
  let cls: string | undefined
  try { cls = classify(coordinate) } catch { cls = undefined }
  return cls !== undefined && NEVER_PUBLIC.has(cls) ? cls : undefined
}

/** An ALLOW on a personal/special coordinate needs a second administrator; a DENY never does. */
export function grantNeedsApproval(grant: CoordinateGrant, classify: Classify | undefined): boolean {
  return grant.effect === 'ALLOW' && sensitiveClassOf(grant.coordinate, classify) !== undefined
}

/**
 * The personal/special scopes (`personal`, `x:special`, `{department}:personal`, …) `role` holds
 * that `previous` did not: these need a second administrator. A new role counts as adding all.
 */
export function addedSensitiveScopes(role: RoleDefinition, previous: RoleDefinition | null): string[] {
  const had = new Set(previous?.scopes ?? [])
  return role.scopes.filter(s => !had.has(s) && NEVER_PUBLIC.has(scopeClass(s)))
}

/** The refusal of a write that was stored for approval instead; `changeId` names the pending change. */
export function pendingApproval(id: number, kind: PendingKind, what: string): PolicyError & { changeId: number } {
  const err = new PolicyError('PENDING_APPROVAL',
    `pending change ${id} (${kind}): ${what} opens personal or special data and takes effect only after a second administrator approves it (approveChange(id: ${id}))`)
  return Object.assign(err, { changeId: id })
}

/** Positive integer id of a pending change, else INVALID_POLICY at `/id`. */
export function checkChangeId(id: unknown): number {
  if (!Number.isSafeInteger(id) || (id as number) < 1) throw new PolicyError('INVALID_POLICY', 'id must be the positive integer id of a pending change', '/id')
  return id as number
}
