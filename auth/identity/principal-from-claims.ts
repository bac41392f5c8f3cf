import type { IncomingHttpHeaders } from 'node:http'
import { AuthError, type Principal } from '../principal.js'
import { invalidToken } from './decode-bearer-token.js'

/** Role names as the policy store spells them; anything else in a token is a shape we do not understand. */
const ROLE_NAME = /^[A-Za-z0-9_.:-]{1,128}$/
const MAX_ROLES = 64

/**
 * Turns verified claims into the principal. Documented shapes are normalised (`roles` as an array of
 * strings or a space/comma-separated string); any other shape is refused with reason `invalid_claims`,
 * never read as "no roles" that would then pass as public (T15).
 */
export function principalFromClaims(
  claims: Record<string, unknown>,
  rolesClaim: ReadonlyArray<readonly string[]> = [['roles']],
): Principal {
  const subject = claims.sub
  if (typeof subject !== 'string' || subject === '' || subject.length > 256) {
    throw invalidToken('invalid_claims: sub must be a non-empty string')
  }
  return Object.freeze({
    subject,
    roles: Object.freeze(rolesAt(claims, rolesClaim)),
    department: optionalString(claims, 'department'),
    purpose: optionalString(claims, 'purpose'),
    authenticated: true,
  })
}

/**
 * The union of the roles found at the configured claim paths (Keycloak puts realm roles under
 * `realm_access.roles` and client roles under `resource_access.<client>.roles`). A path that is
 * absent contributes nothing; a path present in another shape, or no path present at all, is refused.
 */
function rolesAt(claims: Record<string, unknown>, paths: ReadonlyArray<readonly string[]>): string[] {
  const names: string[] = []
  let found = 0
  for (const path of paths) {
    let value: unknown = claims
    for (const member of path) {
      value =
        typeof value === 'object' && value !== null && !Array.isArray(value) && Object.hasOwn(value, member)
          ? (value as Record<string, unknown>)[member]
          : undefined
    }
    if (value === undefined && paths.length > 1) continue
    found++
    names.push(...roleNames(value, path.join('.')))
  }
  if (found === 0) throw invalidToken(`invalid_claims: none of the role claims ${paths.map(p => p.join('.')).join(', ')} is present`)
  const unique = [...new Set(names)]
  if (unique.length === 0) throw invalidToken('invalid_claims: roles is empty')
  if (unique.length > MAX_ROLES) throw invalidToken(`invalid_claims: more than ${MAX_ROLES} roles`)
  return unique
}

function roleNames(value: unknown, path: string): string[] {
  let names: string[]
  if (typeof value === 'string') names = value.split(/[\s,]+/).filter(Boolean)
  else if (Array.isArray(value) && value.every(v => typeof v === 'string')) names = value.map(v => v.trim())
  else
    throw invalidToken(
      `invalid_claims: ${path === 'roles' ? 'roles' : `roles at ${path}`} must be a string or an array of strings, got ${describe(value)}`,
    )
  const bad = names.find(n => !ROLE_NAME.test(n))
  if (bad !== undefined) throw invalidToken(`invalid_claims: role name ${JSON.stringify(bad.slice(0, 64))}`)
  return names
}

function optionalString(claims: Record<string, unknown>, name: string): string | null {
  const value = claims[name]
  if (value === undefined || value === null) return null
  if (typeof value !== 'string' || value === '' || value.length > 256) {
    throw invalidToken(`invalid_claims: ${name} must be a non-empty string, got ${describe(value)}`)
  }
  return value
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (Array.isArray(value)) return 'an array with other than strings'
  return typeof value === 'string' ? 'an empty or overlong string' : typeof value
}

/**
 * Applies the role-selection header: a non-empty subset of the principal's roles, else 403 (Hasura
 * semantics, T13). Without the header every role the principal holds is active.
 */
export function selectRoles(principal: Principal, headers: IncomingHttpHeaders, roleHeader: string): Principal {
  const raw = headers[roleHeader]
  if (raw === undefined) return principal
  const requested = [
    ...new Set(
      (Array.isArray(raw) ? raw.join(',') : raw)
        .split(',')
        .map(r => r.trim())
        .filter(Boolean),
    ),
  ]
  const held = new Set(principal.roles)
  if (requested.length === 0 || requested.some(r => !held.has(r))) {
    throw new AuthError(
      403,
      'FORBIDDEN',
      "requested role is not among the token's roles",
      `role_not_granted: requested ${JSON.stringify(requested.slice(0, 8))}, token has ${JSON.stringify(principal.roles)}`,
    )
  }
  if (requested.length === principal.roles.length) return principal
  // Token order, not header order: the same role set always yields the same list.
  const wanted = new Set(requested)
  return Object.freeze({ ...principal, roles: Object.freeze(principal.roles.filter(r => wanted.has(r))) })
}
