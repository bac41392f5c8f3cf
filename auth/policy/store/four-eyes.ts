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
  /** What it would open, compared with the policy as it is now (empty once that already holds it). */
  opens: Opening[]
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
 * One thing a change would open that needs a second administrator: a personal/special scope a role
 * gains, or an ALLOW on a personal/special coordinate (`cls`: its class as the supergraph declares it).
 */
export type Opening =
  | { kind: 'scope'; role: string; scope: string; cls: string }
  | { kind: 'grant'; role: string; coordinate: string; cls: string; validUntil: string | null }

/** An opening in words, as PENDING_APPROVAL messages name it. */
export function describeOpening(o: Opening): string {
  return o.kind === 'scope'
    ? `scope ${o.scope} to role ${o.role}`
    : `ALLOW of ${o.coordinate} to role ${o.role}${o.validUntil ? ` until ${o.validUntil}` : ''}`
}

/** What upserting `role` over `previous` opens: its added personal/special scopes. */
export function roleOpenings(role: RoleDefinition, previous: RoleDefinition | null): Opening[] {
  return addedSensitiveScopes(role, previous).map(scope => ({ kind: 'scope', role: role.name, scope, cls: scopeClass(scope) }))
}

/** What setting `grant` opens: the grant itself when it is an ALLOW on personal/special data. */
export function grantOpenings(grant: CoordinateGrant, classify: Classify | undefined): Opening[] {
  const cls = grant.effect === 'ALLOW' ? sensitiveClassOf(grant.coordinate, classify) : undefined
  return cls === undefined ? [] : [{ kind: 'grant', role: grant.role, coordinate: grant.coordinate, cls, validUntil: grant.validUntil }]
}

/**
 * What importing `policy` over `current` would open that `current` does not: each ALLOW on a
 * coordinate `classify` calls personal/special that `current` lacks (a role counts by name; an
 * existing ALLOW counts only if it lasts at least as long, so lifting or extending its `validUntil`
 * is an addition too), and each personal/special scope a role gains as `upsertRole` counts it.
 * Empty: the import may apply at once. Removals never count (narrowing never waits).
 */
export function importOpenings(policy: PolicyInput, current: PolicyInput, classify: Classify | undefined): Opening[] {
  const opened: Opening[] = []
  const previousRoles = new Map(current.roles.map(r => [r.name, r]))
  for (const role of policy.roles) opened.push(...roleOpenings(role, previousRoles.get(role.name) ?? null))
  const key = (g: CoordinateGrant) => `${g.role}\u0000${g.coordinate}`
  const allowed = new Map(current.grants.filter(g => g.effect === 'ALLOW').map(g => [key(g), g.validUntil]))
  for (const grant of policy.grants) {
    const opens = grantOpenings(grant, classify)
    if (!opens.length) continue
    const had = allowed.get(key(grant))
    const covered = had !== undefined && (had === null || (grant.validUntil !== null && grant.validUntil <= had))
    if (!covered) opened.push(...opens)
  }
  return opened
}

/** importOpenings in words. */
export function importAdditions(policy: PolicyInput, current: PolicyInput, classify: Classify | undefined): string[] {
  return importOpenings(policy, current, classify).map(describeOpening)
}

/** The refusal of a write that was stored for approval instead; `changeId` names the pending change. */
export function pendingApproval(id: number, kind: PendingKind, what: string): PolicyError & { changeId: number } {
  const err = new PolicyError(
    'PENDING_APPROVAL',
    `pending change ${id} (${kind}): ${what} opens personal or special data and takes effect only after a second administrator approves it (approveChange(id: ${id}))`,
  )
  return Object.assign(err, { changeId: id })
}

/** Why a pending change is rejected: required, kept in the audit row. */
export function checkReason(reason: unknown): string {
  if (typeof reason !== 'string' || reason.trim() === '')
    throw new PolicyError('INVALID_POLICY', 'reason must say why the change is rejected (a non-empty string)', '/reason')
  if (reason.length > 1000) throw new PolicyError('INVALID_POLICY', 'reason is longer than 1000 characters', '/reason')
  if (reason.includes('\u0000')) throw new PolicyError('INVALID_POLICY', 'reason must not contain NUL characters', '/reason')
  return reason.trim()
}

/** Positive integer id of a pending change, else INVALID_POLICY at `/id`. */
export function checkChangeId(id: unknown): number {
  if (!Number.isSafeInteger(id) || (id as number) < 1)
    throw new PolicyError('INVALID_POLICY', 'id must be the positive integer id of a pending change', '/id')
  return id as number
}
