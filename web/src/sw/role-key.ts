// Whose answers these are: the caller a bearer token names. The service worker keeps the last answers per caller and
// never gives one caller's answers to another, so both it and the app derive the same key from the token: issuer,
// subject, roles and department (not the token itself, which is renewed while the caller stays the same). No token
// is the public caller. The token is only read here, not verified: the gateway verifies it; the key only sorts what
// this browser kept.

export const PUBLIC_CALLER = 'public'

function decodeSegment(segment: string): unknown {
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/')
  const bytes = Uint8Array.from(atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4)), c => c.charCodeAt(0))
  return JSON.parse(new TextDecoder().decode(bytes))
}

/** The caller of `token` (a JWT) as a stable string; `public` without one; the whole token when it cannot be read. */
export function callerKey(token: string | null | undefined): string {
  if (!token) return PUBLIC_CALLER
  try {
    const claims = decodeSegment(token.split('.')[1] ?? '') as Record<string, unknown>
    const roles = Array.isArray(claims.roles) ? [...(claims.roles as unknown[])].map(String).sort() : []
    const realmRoles = (claims.realm_access as { roles?: unknown } | undefined)?.roles
    const realm = Array.isArray(realmRoles) ? [...realmRoles].map(String).sort() : []
    return JSON.stringify([claims.iss ?? null, claims.sub ?? null, roles, realm, claims.department ?? null])
  } catch {
    return `token:${token}`
  }
}

/** The caller of a request's `Authorization: Bearer …` header. */
export function callerOfAuthorization(header: string | null): string {
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header.trim()) : null
  return callerKey(match ? match[1] : null)
}
