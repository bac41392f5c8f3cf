/** What the gateway says about signing in (`GET /auth/config`, see WEB-CONTRACT: sign-in). */
export interface DevRole {
  name: string
  department?: string
}

export type AuthConfig =
  | { mode: 'development'; devRoles: DevRole[] }
  | { mode: 'oidc'; issuer: string; clientId: string; scope: string }
  /** No sign-in offered (the endpoint is missing or failed): everyone reads as public. */
  | { mode: 'none'; reason: string }

/** How long the app waits for /auth/config before it shows public data. */
const CONFIG_TIMEOUT_MS = 5000

export async function loadAuthConfig(signal?: AbortSignal): Promise<AuthConfig> {
  let res: Response
  const timeout = new AbortController()
  const timer = window.setTimeout(() => timeout.abort(), CONFIG_TIMEOUT_MS)
  signal?.addEventListener('abort', () => timeout.abort())
  try {
    res = await fetch('/auth/config', { headers: { accept: 'application/json' }, signal: timeout.signal })
  } catch (err) {
    return { mode: 'none', reason: err instanceof Error ? err.message : String(err) }
  } finally {
    window.clearTimeout(timer)
  }
  if (!res.ok) return { mode: 'none', reason: `HTTP ${res.status}` }
  const body = (await res.json().catch(() => null)) as Record<string, unknown> | null
  if (body?.mode === 'development') {
    const roles = Array.isArray(body.devRoles) ? (body.devRoles as DevRole[]).filter(r => typeof r?.name === 'string') : []
    return { mode: 'development', devRoles: roles }
  }
  if (body?.mode === 'oidc' && typeof body.issuer === 'string' && typeof body.clientId === 'string') {
    return {
      mode: 'oidc',
      issuer: body.issuer,
      clientId: body.clientId,
      scope: typeof body.scope === 'string' ? body.scope : 'openid profile',
    }
  }
  return { mode: 'none', reason: 'unexpected answer from /auth/config' }
}

export interface DevToken {
  accessToken: string
  expiresIn: number
}

/** A development token for `role` (`POST /auth/dev-token`; exists only in development on loopback). */
export async function fetchDevToken(role: DevRole): Promise<DevToken> {
  const res = await fetch('/auth/dev-token', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(role.department ? { role: role.name, department: role.department } : { role: role.name }),
  })
  const body = (await res.json().catch(() => null)) as { access_token?: unknown; expires_in?: unknown; error?: unknown } | null
  if (!res.ok || typeof body?.access_token !== 'string') {
    throw new Error(typeof body?.error === 'string' ? body.error : `HTTP ${res.status}`)
  }
  return { accessToken: body.access_token, expiresIn: typeof body.expires_in === 'number' ? body.expires_in : 3600 }
}

export const roleKey = (role: DevRole | null): string => (role ? (role.department ? `${role.name}:${role.department}` : role.name) : '')
