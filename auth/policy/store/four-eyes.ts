import { PolicyError, type CoordinateGrant, type RoleDefinition } from '../types.js'
import { NEVER_PUBLIC, scopeClass, type Classify, type PolicyInput } from './validate-policy.js'

/**
 * Four-eyes principle (docs/access-control.md#four-eyes): a change that opens personal or special data is
 * not applied by the administrator who makes it; it waits in `access.pending_change` until a second
 * administrator approves it. Narrowing changes (a DENY, dropping a scope) never wait: blocking
 * them would only delay taking access away.
 */

/** The changes that can wait for approval, named like the audit actions of their direct form. */
export type PendingKind = 'grant.set' | 'role.upsert' | 'policy.import'

export interface PendingChange {
  id: number
  kind: PendingKind
  /** `{ grant }`, `{ role }` or `{ roles, grants, rowRules }`: the validated input, applied as it is on approval. */
  payload: Record<string, unknown>
  requestedBy: string
  requestedAt: Date
}

/** The class of `coordinate` if it is personal or special; undefined otherwise or without a classifier. */
export function sensitiveClassOf(coordinate: string, classify: Classify | undefined): string | undefined {
  if (!classify) return undefined
  let cls: string | undefined
  try {
    cls = classify(coordinate)
  } catch {
    cls = undefined
  }
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

/**
 * What importing `policy` over `current` would open that `current` does not: each ALLOW on a
 * coordinate `classify` calls personal/special that `current` lacks (a role counts by name; an
 * existing ALLOW counts only if it lasts at least as long, so lifting or extending its `validUntil`
 * is an addition too), and each personal/special scope a role gains as `upsertRole` counts it.
 * Empty: the import may apply at once. Removals never count (narrowing never waits).
 */
export function importAdditions(policy: PolicyInput, current: PolicyInput, classify: Classify | undefined): string[] {
  const added: string[] = []
  const previousRoles = new Map(current.roles.map(r => [r.name, r]))
  for (const role of policy.roles) {
    for (const scope of addedSensitiveScopes(role, previousRoles.get(role.name) ?? null)) added.push(`scope ${scope} to role ${role.name}`)
  }
  const key = (g: CoordinateGrant) => `${g.role}\u0000${g.coordinate}`
  const allowed = new Map(current.grants.filter(g => g.effect === 'ALLOW').map(g => [key(g), g.validUntil]))
  for (const grant of policy.grants) {
    if (!grantNeedsApproval(grant, classify)) continue
    const had = allowed.get(key(grant))
    const covered = had !== undefined && (had === null || (grant.validUntil !== null && grant.validUntil <= had))
    if (!covered) added.push(`ALLOW of ${grant.coordinate} to role ${grant.role}${grant.validUntil ? ` until ${grant.validUntil}` : ''}`)
  }
  return added
}

/** The refusal of a write that was stored for approval instead; `changeId` names the pending change. */
export function pendingApproval(id: number, kind: PendingKind, what: string): PolicyError & { changeId: number } {
  const err = new PolicyError(
    'PENDING_APPROVAL',
    `pending change ${id} (${kind}): ${what} opens personal or special data and takes effect only after a second administrator approves it (approveChange(id: ${id}))`,
  )
  return Object.assign(err, { changeId: id })
}

/** Positive integer id of a pending change, else INVALID_POLICY at `/id`. */
export function checkChangeId(id: unknown): number {
  if (!Number.isSafeInteger(id) || (id as number) < 1)
    throw new PolicyError('INVALID_POLICY', 'id must be the positive integer id of a pending change', '/id')
  return id as number
}
