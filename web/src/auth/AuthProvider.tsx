import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { fetchDevToken, loadAuthConfig, type AuthConfig, type DevRole } from './config'

// Who the app asks the graph as. Development: a role switcher (no token = public) with tokens from
// POST /auth/dev-token. OIDC: sign-in through the city's identity provider (./oidc, loaded on demand).
// Tokens live in memory only; the chosen development role (not its token) survives a reload in sessionStorage.

export interface Auth {
  config: AuthConfig | null
  /** The sign-in state is known (config read, a remembered role or the provider's answer applied). */
  ready: boolean
  /** Bearer token for the graph; null = public. */
  token: string | null
  /** The development role in use (null = public). */
  devRole: DevRole | null
  /** The signed-in user (oidc mode). */
  user: { name: string; roles: string[] } | null
  busy: boolean
  error: string | null
  selectDevRole: (role: DevRole | null) => Promise<void>
  signIn: () => Promise<void>
  signOut: () => Promise<void>
}

const AuthContext = createContext<Auth | null>(null)
const ROLE_KEY = 'klar.devRole'

function storedDevRole(): DevRole | null {
  try {
    const raw = window.sessionStorage.getItem(ROLE_KEY)
    const parsed = raw ? (JSON.parse(raw) as DevRole) : null
    return parsed && typeof parsed.name === 'string' ? parsed : null
  } catch {
    return null
  }
}

function storeDevRole(role: DevRole | null): void {
  try {
    if (role) window.sessionStorage.setItem(ROLE_KEY, JSON.stringify(role))
    else window.sessionStorage.removeItem(ROLE_KEY)
  } catch {
    // not kept across reloads
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [config, setConfig] = useState<AuthConfig | null>(null)
  const [ready, setReady] = useState(false)
  const [token, setToken] = useState<string | null>(null)
  const [devRole, setDevRole] = useState<DevRole | null>(null)
  const [user, setUser] = useState<Auth['user']>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const renewTimer = useRef<number | undefined>(undefined)

  const applyDevRole = useCallback(async (role: DevRole | null) => {
    window.clearTimeout(renewTimer.current)
    if (!role) {
      setDevRole(null)
      setToken(null)
      storeDevRole(null)
      return
    }
    const issued = await fetchDevToken(role)
    setDevRole(role)
    setToken(issued.accessToken)
    storeDevRole(role)
    // A fresh token shortly before this one expires, so a dashboard left open keeps its role.
    const renewIn = Math.max(30, issued.expiresIn - 60) * 1000
    renewTimer.current = window.setTimeout(() => void applyDevRole(role).catch(() => undefined), renewIn)
  }, [])

  useEffect(() => {
    const abort = new AbortController()
    void loadAuthConfig(abort.signal)
      .then(async cfg => {
        if (abort.signal.aborted) return
        setConfig(cfg)
        if (cfg.mode === 'development') {
          const remembered = storedDevRole()
          const known = remembered && cfg.devRoles.find(r => r.name === remembered.name && r.department === remembered.department)
          if (known) await applyDevRole(known).catch(() => storeDevRole(null))
        } else if (cfg.mode === 'oidc') {
          const oidc = await import('./oidc')
          const um = oidc.userManager(cfg)
          const show = (u: Parameters<typeof oidc.describeUser>[0] | null) => {
            setToken(u && !u.expired ? u.access_token : null)
            setUser(u && !u.expired ? oidc.describeUser(u) : null)
          }
          um.events.addUserLoaded(show)
          um.events.addUserUnloaded(() => show(null))
          um.events.addAccessTokenExpired(() => show(null))
          um.events.addSilentRenewError(err => setError(err.message))
          if (window.location.pathname === oidc.CALLBACK_PATH) {
            try {
              const { user: u, returnTo } = await oidc.completeSignIn(cfg)
              show(u)
              window.history.replaceState(null, '', returnTo)
              window.dispatchEvent(new PopStateEvent('popstate'))
            } catch (err) {
              setError(err instanceof Error ? err.message : String(err))
              window.history.replaceState(null, '', '/')
              window.dispatchEvent(new PopStateEvent('popstate'))
            }
          } else {
            show(await um.getUser())
          }
        }
      })
      .finally(() => {
        if (!abort.signal.aborted) setReady(true)
      })
    return () => {
      abort.abort()
      window.clearTimeout(renewTimer.current)
    }
  }, [applyDevRole])

  const selectDevRole = useCallback(
    async (role: DevRole | null) => {
      setBusy(true)
      setError(null)
      try {
        await applyDevRole(role)
      } catch (err) {
        setError(err instanceof Error ? err.message : String(err))
      } finally {
        setBusy(false)
      }
    },
    [applyDevRole],
  )

  const signIn = useCallback(async () => {
    if (config?.mode !== 'oidc') return
    setBusy(true)
    const oidc = await import('./oidc')
    const here = window.location.pathname + window.location.search
    await oidc.signIn(config, here).catch(err => {
      setError(err instanceof Error ? err.message : String(err))
      setBusy(false)
    })
  }, [config])

  const signOut = useCallback(async () => {
    if (config?.mode !== 'oidc') return
    const oidc = await import('./oidc')
    setToken(null)
    setUser(null)
    await oidc.signOut(config)
  }, [config])

  const value = useMemo<Auth>(
    () => ({ config, ready, token, devRole, user, busy, error, selectDevRole, signIn, signOut }),
    [config, ready, token, devRole, user, busy, error, selectDevRole, signIn, signOut],
  )
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>
}

export function useAuth(): Auth {
  const ctx = useContext(AuthContext)
  if (!ctx) throw new Error('useAuth outside AuthProvider')
  return ctx
}
