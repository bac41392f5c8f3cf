import { InMemoryWebStorage, UserManager, WebStorageStateStore, type User } from 'oidc-client-ts'

// OpenID Connect sign-in against the city's identity provider: authorization code with PKCE, tokens only in memory
// (a reload signs in again through the provider's session), silent renew before the access token expires.
// Loaded only in oidc mode, so development and public use do not pay for it.

export const CALLBACK_PATH = '/auth/callback'
export const SILENT_PATH = '/auth/silent'

export interface OidcSettings {
  issuer: string
  clientId: string
  scope: string
}

let manager: UserManager | null = null

export function userManager(settings: OidcSettings): UserManager {
  if (manager) return manager
  const origin = window.location.origin
  manager = new UserManager({
    authority: settings.issuer,
    client_id: settings.clientId,
    scope: settings.scope,
    response_type: 'code',
    redirect_uri: origin + CALLBACK_PATH,
    silent_redirect_uri: origin + SILENT_PATH,
    post_logout_redirect_uri: origin + '/',
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    automaticSilentRenew: true,
    // Keycloak and most providers send the profile in the ID token; no extra user-info request.
    loadUserInfo: false,
  })
  return manager
}

export async function signIn(settings: OidcSettings, returnTo: string): Promise<void> {
  await userManager(settings).signinRedirect({ state: { returnTo } })
}

let callback: Promise<{ user: User; returnTo: string }> | null = null

/** Completes the redirect back from the provider once (repeated calls share the result). */
export function completeSignIn(settings: OidcSettings): Promise<{ user: User; returnTo: string }> {
  callback ??= userManager(settings)
    .signinRedirectCallback()
    .then(user => {
      const state = user.state as { returnTo?: unknown } | undefined
      const returnTo =
        typeof state?.returnTo === 'string' && state.returnTo.startsWith('/') && !state.returnTo.startsWith('//') ? state.returnTo : '/'
      return { user, returnTo }
    })
  return callback
}

export async function signOut(settings: OidcSettings): Promise<void> {
  const um = userManager(settings)
  const user = await um.getUser()
  await um.removeUser()
  // Ends the provider session too when the provider offers end_session; otherwise signing out locally is enough.
  try {
    await um.signoutRedirect({ id_token_hint: user?.id_token })
  } catch {
    window.location.assign('/')
  }
}

/** The hidden frame of a silent renew: hands the answer to the app and renders nothing. */
export async function silentCallback(settings: OidcSettings): Promise<void> {
  await userManager(settings).signinSilentCallback()
}

/** Name and roles to show for a signed-in user (Keycloak keeps roles in realm_access.roles). */
export function describeUser(user: User): { name: string; roles: string[] } {
  const p = user.profile as Record<string, unknown>
  const name = [p.name, p.preferred_username, p.email, p.sub].find(v => typeof v === 'string' && v) as string
  const realm = (p.realm_access as { roles?: unknown } | undefined)?.roles
  const roles = Array.isArray(p.roles) ? p.roles : Array.isArray(realm) ? realm : []
  return { name, roles: roles.filter((r): r is string => typeof r === 'string') }
}
