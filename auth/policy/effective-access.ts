import type { Principal } from '../principal.js'
import type { CoordinateGrant, EffectiveAccess, PolicySnapshot, RoleDefinition } from './types.js'

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/

/**
 * Whether `now` lies inside [from, until). A date without time as `until` means "through that
 * day" (UTC), which is how people write end dates. An unreadable date fails closed (never valid).
 */
export function isWithin(from: string | null, until: string | null, now: Date): boolean {
  const t = now.getTime()
  if (from !== null) {
    const start = Date.parse(from)
    if (Number.isNaN(start) || t < start) return false
  }
  if (until !== null) {
    const end = Date.parse(until) + (DATE_ONLY.test(until) ? 86_400_000 : 0)
    if (Number.isNaN(end) || t >= end) return false
  }
  return true
}

/** The principal's active roles that exist in the snapshot and are valid at `now`. */
export function activeRoles(snapshot: PolicySnapshot, principal: Principal, now: Date = new Date()): RoleDefinition[] {
  const out: RoleDefinition[] = []
  for (const name of new Set(principal.roles)) {
    const role = snapshot.roles.get(name)
    if (role && isWithin(role.validFrom, role.validUntil, now)) out.push(role)
  }
  return out
}

/** Grants of those roles that are still valid at `now`. */
export function activeGrants(snapshot: PolicySnapshot, roles: readonly RoleDefinition[], now: Date = new Date()): CoordinateGrant[] {
  const names = new Set(roles.map(r => r.name))
  return snapshot.grants.filter(g => names.has(g.role) && isWithin(null, g.validUntil, now))
}

/** `{department}` replaced by the claim; a scope that needs a department the principal lacks is dropped. */
export function resolveScope(scope: string, department: string | null): string | null {
  if (!scope.includes('{department}')) return scope
  return department ? scope.split('{department}').join(department) : null
}

/**
 * What a principal may see under a snapshot: the union over its active, valid roles.
 *
 * - Unknown and expired roles grant nothing; a principal left without roles sees nothing.
 * - A DENY on a coordinate beats any ALLOW on it, from any role.
 * - aggregateOnly holds when every active role is aggregate-only (and, vacuously, with no role).
 *   A principal whose only role is `public` is always aggregate-only, whatever the snapshot
 *   says: disclosure control for open data is the law, and aggregate-only also bars grants from
 *   widening personal/special fields (project-schema.ts).
 */
export function effectiveAccess(snapshot: PolicySnapshot, principal: Principal, now: Date = new Date()): EffectiveAccess {
  const roles = activeRoles(snapshot, principal, now)
  const scopes = new Set<string>()
  for (const role of roles) {
    for (const s of role.scopes) {
      const resolved = resolveScope(s, principal.department)
      if (resolved) scopes.add(resolved)
    }
  }
  const allow = new Set<string>()
  const deny = new Set<string>()
  for (const g of activeGrants(snapshot, roles, now)) (g.effect === 'DENY' ? deny : allow).add(g.coordinate)
  for (const c of deny) allow.delete(c)

  const publicOnly = roles.length > 0 && roles.every(r => r.name === 'public')
  const aggregateOnly = publicOnly || roles.every(r => r.aggregateOnly)
  const admin = roles.some(r => r.admin)
  const sorted = (s: ReadonlySet<string>) => [...s].sort()
  const key = JSON.stringify([snapshot.version, sorted(scopes), sorted(allow), sorted(deny), aggregateOnly, admin])
  return {
    key,
    policyVersion: snapshot.version,
    scopes,
    allow,
    deny,
    aggregateOnly,
    admin,
  }
}
