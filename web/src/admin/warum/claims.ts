// Reading pasted token claims (a decoded JWT payload) into the roles and department the admin API's explain takes.
// The same places the gateway reads (AUTH_ROLES_CLAIM: `roles`, Keycloak's `realm_access.roles` and
// `resource_access.<client>.roles`); the department from `department`.

export interface ClaimsPrincipal {
  roles: string[]
  department: string | null
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x !== '') : [])

/** null: not a JSON object. A JWT's payload segment (base64url) is accepted too. */
export function principalFromClaims(text: string): ClaimsPrincipal | null {
  let value: unknown
  const trimmed = text.trim()
  try {
    value = JSON.parse(trimmed)
  } catch {
    value = fromJwt(trimmed)
  }
  if (!isRecord(value)) return null
  const roles = new Set(strings(value.roles))
  if (isRecord(value.realm_access)) strings(value.realm_access.roles).forEach(r => roles.add(r))
  if (isRecord(value.resource_access)) {
    for (const client of Object.values(value.resource_access)) if (isRecord(client)) strings(client.roles).forEach(r => roles.add(r))
  }
  const department = typeof value.department === 'string' && value.department !== '' ? value.department : null
  return { roles: [...roles], department }
}

function fromJwt(text: string): unknown {
  const parts = text.split('.')
  if (parts.length !== 3) return null
  try {
    const b64 = parts[1].replace(/-/g, '+').replace(/_/g, '/')
    const json = new TextDecoder().decode(Uint8Array.from(atob(b64), c => c.charCodeAt(0)))
    return JSON.parse(json)
  } catch {
    return null
  }
}
