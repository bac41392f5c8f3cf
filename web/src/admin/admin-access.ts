import { useEffect, useState } from 'react'
import { useAuth } from '../auth/AuthProvider'
import { askOncePerToken } from '../auth/per-token'

// Part of the app's main bundle (the header and the guard ask it): whether the signed-in caller may use the admin
// API. The gateway decides that from the policy — a role with the admin flag among the token's roles
// (auth/policy/effective-access.ts) — not from a role's name, so the app asks the gateway: GET /admin/access
// (gateway/admin/admin-route.ts) answers with the same decision, 200 for everyone. This only decides what the app
// loads and shows; the gateway checks the token itself on every /admin/graphql call.

/** The admin API (auth/policy/admin-schema.ts); the console's client (admin-client.ts) talks to it. */
export const ADMIN_GRAPHQL_URL = '/admin/graphql'
/** Whether the caller may use it. */
export const ADMIN_ACCESS_URL = '/admin/access'

/**
 * What the gateway's answer says: `true` or `false` as it decided, `null` when the answer decides nothing (the
 * gateway failed, or refused the token itself with 401): ask again later.
 */
export async function adminOfAnswer(res: Response): Promise<boolean | null> {
  if (!res.ok) return null
  const body = (await res.json().catch(() => null)) as { admin?: unknown } | null
  return typeof body?.admin === 'boolean' ? body.admin : null
}

const askAdmin = askOncePerToken(
  async token =>
    (await adminOfAnswer(
      await fetch(ADMIN_ACCESS_URL, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' }, cache: 'no-store' }),
    )) ?? undefined,
  false,
)

/** Whether the gateway treats `token` as an administrator; asked once per token (again after an answer that decided nothing). */
export function isAdminToken(token: string | null): Promise<boolean> {
  return token ? askAdmin(token) : Promise.resolve(false)
}

/** Whether the signed-in caller may use the admin API (`ready` false while sign-in settles or the gateway is asked). */
export function useIsAdmin(): { ready: boolean; admin: boolean } {
  const { token, ready } = useAuth()
  const [state, setState] = useState<{ token: string | null; admin: boolean } | null>(null)
  useEffect(() => {
    if (!ready) return
    let live = true
    void isAdminToken(token).then(admin => {
      if (live) setState({ token, admin })
    })
    return () => {
      live = false
    }
  }, [token, ready])
  const known = ready && state !== null && state.token === token
  return { ready: known, admin: known && state.admin }
}
