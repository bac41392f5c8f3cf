import { useAuth } from '../auth/AuthProvider'

// Part of the app's main bundle (the header and the guard ask it): whether the signed-in token names the admin role.
// This only decides what the app loads and shows; the gateway checks the token itself on every /admin/graphql call.

/** The role that opens the console. */
export const ADMIN_ROLE = 'admin'

function claims(token: string): Record<string, unknown> | null {
  const part = token.split('.')[1]
  if (!part || part.length > 16_384) return null
  try {
    const json = atob(
      part
        .replace(/-/g, '+')
        .replace(/_/g, '/')
        .padEnd(Math.ceil(part.length / 4) * 4, '='),
    )
    const value = JSON.parse(decodeURIComponent(escape(json))) as unknown
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null
  } catch {
    return null
  }
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((r): r is string => typeof r === 'string') : [])

/** The roles a JWT names: `roles`, Keycloak's `realm_access.roles` and `resource_access.<client>.roles`. */
export function rolesOfToken(token: string | null): string[] {
  const c = token ? claims(token) : null
  if (!c) return []
  const roles = [...strings(c.roles), ...strings((c.realm_access as { roles?: unknown } | undefined)?.roles)]
  const clients = c.resource_access
  if (typeof clients === 'object' && clients !== null) {
    for (const client of Object.values(clients)) roles.push(...strings((client as { roles?: unknown } | null)?.roles))
  }
  return [...new Set(roles)]
}

/** Whether the signed-in caller holds the admin role (false while sign-in is still settling). */
export function useIsAdmin(): { ready: boolean; admin: boolean } {
  const { token, ready } = useAuth()
  return { ready, admin: rolesOfToken(token).includes(ADMIN_ROLE) }
}
