// Reading pasted token claims (a decoded JWT payload) into the roles and department the admin API's explain takes.
// The same places the gateway reads (AUTH_ROLES_CLAIM: `roles`, Keycloak's `realm_access.roles` and
// `resource_access.<client>.roles`); the department from `department`.

import { departmentOfClaims, rolesOfClaims, tokenClaims } from '../../auth/token-claims'

export interface ClaimsPrincipal {
  roles: string[]
  department: string | null
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** null: not a JSON object. A whole JWT (`header.payload.signature`) is accepted too. */
export function principalFromClaims(text: string): ClaimsPrincipal | null {
  let value: unknown
  const trimmed = text.trim()
  try {
    value = JSON.parse(trimmed)
  } catch {
    value = tokenClaims(trimmed)
  }
  if (!isRecord(value)) return null
  return { roles: rolesOfClaims(value), department: departmentOfClaims(value) }
}
