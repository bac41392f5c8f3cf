import { useAuth } from '../auth/AuthProvider'
import { rolesOfClaims, tokenClaims } from '../auth/token-claims'

// Part of the app's main bundle (the header and the guard ask it): whether the signed-in token names the admin role.
// This only decides what the app loads and shows; the gateway checks the token itself on every /admin/graphql call.

/** The role that opens the console. */
export const ADMIN_ROLE = 'admin'

/** The roles a JWT names: `roles`, Keycloak's `realm_access.roles` and `resource_access.<client>.roles`. */
export function rolesOfToken(token: string | null): string[] {
  const claims = token ? tokenClaims(token) : null
  return claims ? rolesOfClaims(claims) : []
}

/** Whether the signed-in caller holds the admin role (false while sign-in is still settling). */
export function useIsAdmin(): { ready: boolean; admin: boolean } {
  const { token, ready } = useAuth()
  return { ready, admin: rolesOfToken(token).includes(ADMIN_ROLE) }
}
