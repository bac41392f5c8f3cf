// A JWT's claims as the app reads them, without verifying: the gateway verifies every token; the app only decides
// what to offer (the console's link, the data-entry screens, the Warum? screen's pasted token). One reading of the
// roles for all of them, from the places the gateway reads (AUTH_ROLES_CLAIM): `roles`, Keycloak's
// `realm_access.roles` and `resource_access.<client>.roles`.

/** Payloads larger than this are not read (a token is a few hundred bytes to a few kilobytes). */
const MAX_PAYLOAD = 16_384

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x !== '') : [])

/** The payload of a JWT (`header.payload.signature`, base64url, UTF-8 JSON object); null for anything else. */
export function tokenClaims(token: string): Record<string, unknown> | null {
  const parts = token.split('.')
  const payload = parts[1]
  if (parts.length !== 3 || !payload || payload.length > MAX_PAYLOAD) return null
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/')
    const bytes = Uint8Array.from(atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4)), c => c.charCodeAt(0))
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
    return isRecord(value) ? value : null
  } catch {
    return null
  }
}

/** The roles the claims name, each once. */
export function rolesOfClaims(claims: Record<string, unknown>): string[] {
  const roles = new Set(strings(claims.roles))
  if (isRecord(claims.realm_access)) strings(claims.realm_access.roles).forEach(r => roles.add(r))
  if (isRecord(claims.resource_access)) {
    for (const client of Object.values(claims.resource_access)) if (isRecord(client)) strings(client.roles).forEach(r => roles.add(r))
  }
  return [...roles]
}

/** The department the claims name, or null. */
export function departmentOfClaims(claims: Record<string, unknown>): string | null {
  return typeof claims.department === 'string' && claims.department !== '' ? claims.department : null
}
