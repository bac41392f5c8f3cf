import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import Provider, { type Configuration } from 'oidc-provider'
import { readIdentityConfig, type IdentityConfig } from '../../auth/identity/identity-config.js'

/** A person who can sign in at the test provider (any password), with the claims the city's Keycloak would issue. */
export interface OidcUser {
  roles: string[]
  department?: string
  name?: string
}

/** The parts of oidc-provider's request context the configuration below reads. */
interface GrantLike {
  addOIDCScope(scope: string): void
  addOIDCClaims(claims: string[]): void
  addResourceScope(resource: string, scope: string): void
  save(): Promise<string>
}
interface ProviderContext {
  oidc: {
    result?: { consent?: { grantId?: string } }
    session?: { accountId: string; grantIdFor(clientId: string): string | undefined }
    client?: { clientId: string }
    provider: {
      Grant: { new (init: { clientId: string; accountId: string }): GrantLike; find(id: string): Promise<GrantLike | undefined> }
    }
  }
}

export const OIDC_CLIENT_ID = 'stadtgraph-web'
/** The API as a resource server: access tokens are JWTs for this audience, like Keycloak's with an audience mapper. */
const RESOURCE = 'urn:stadtgraph:api'
const AUDIENCE = 'stadtgraph'

export interface TokenResponse {
  access_token: string
  id_token: string
  expires_in: number
  token_type: string
}

export interface RunningOidcProvider {
  /** `http://127.0.0.1:<port>`: discovery at `/.well-known/openid-configuration`, keys at `/jwks`. */
  issuer: string
  jwksUrl: string
  clientId: string
  /** How a gateway verifies this provider's tokens (JWKS, audience, Keycloak's `realm_access.roles`). */
  identityConfig(): IdentityConfig
  /**
   * Registers the web app as a public client (authorization code + PKCE) for the given origin(s):
   * redirect `<origin>/auth/callback`, post-logout `<origin>/`. The provider answers 503 until then,
   * since the app's origin is known only once its gateway listens.
   */
  registerApp(origins: string[]): void
  /** The authorization code flow with PKCE over plain HTTP (the login form posted as a browser would); returns the token response. */
  signIn(login: string, origin: string): Promise<TokenResponse>
  /** An authorization request with PKCE for the app at `origin` (for a browser to follow). */
  authorizationRequest(origin: string): { url: string; verifier: string; redirectUri: string }
  /** Redeems the code in the callback URL the provider redirected to. */
  exchangeCode(callbackUrl: string, verifier: string, redirectUri: string): Promise<TokenResponse>
  stop(): Promise<void>
}

/**
 * A real OpenID provider (`oidc-provider`) on a loopback ephemeral port, with RS256 keys generated
 * for this run, its development login form (any login from `users`, any password), consent given
 * for the first-party app, and access tokens shaped like Keycloak's: JWT, `aud` stadtgraph, realm
 * roles in `realm_access.roles`, `department`.
 */
export async function startOidcProvider(users: Record<string, OidcUser>): Promise<RunningOidcProvider> {
  let handler: ((req: IncomingMessage, res: ServerResponse) => void) | null = null
  const server = createServer((req, res) => {
    if (handler) return handler(req, res)
    res.writeHead(503).end('the provider has no client registered yet')
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: `test-${randomBytes(4).toString('hex')}`, alg: 'RS256', use: 'sig' }

  const claimsOf = (accountId: string) => {
    const user = users[accountId]
    return user ? { realm_access: { roles: user.roles }, ...(user.department ? { department: user.department } : {}) } : {}
  }

  function registerApp(origins: string[]) {
    const configuration: Configuration = {
      clients: [
        {
          client_id: OIDC_CLIENT_ID,
          token_endpoint_auth_method: 'none',
          application_type: 'web',
          grant_types: ['authorization_code', 'refresh_token'],
          response_types: ['code'],
          redirect_uris: origins.map(o => `${o}/auth/callback`),
          post_logout_redirect_uris: origins.map(o => `${o}/`),
        },
      ],
      jwks: { keys: [jwk as never] },
      cookies: { keys: [randomBytes(32).toString('hex')] },
      pkce: { required: () => true },
      scopes: ['openid', 'profile', 'offline_access'],
      claims: { openid: ['sub'], profile: ['name', 'preferred_username', 'department', 'realm_access'] },
      ttl: { AccessToken: 600, IdToken: 600, AuthorizationCode: 60, Interaction: 600, Session: 3600, Grant: 3600 },
      findAccount: async (_ctx: unknown, id: string) =>
        users[id]
          ? {
              accountId: id,
              claims: async () => ({ sub: id, name: users[id].name ?? id, preferred_username: id, ...claimsOf(id) }),
            }
          : undefined,
      // The app is the city's own: consent is given with the sign-in (Keycloak: consent not required).
      loadExistingGrant: async (ctx: ProviderContext) => {
        const { oidc } = ctx
        const grantId = oidc.result?.consent?.grantId ?? oidc.session!.grantIdFor(oidc.client!.clientId)
        if (grantId) {
          const existing = await oidc.provider.Grant.find(grantId)
          if (existing) return existing
        }
        const grant = new oidc.provider.Grant({ clientId: oidc.client!.clientId, accountId: oidc.session!.accountId })
        grant.addOIDCScope('openid profile offline_access')
        grant.addOIDCClaims(['name', 'preferred_username', 'department', 'realm_access'])
        grant.addResourceScope(RESOURCE, 'api')
        await grant.save()
        return grant
      },
      extraTokenClaims: async (_ctx: unknown, token: object) =>
        'accountId' in token && typeof token.accountId === 'string' ? claimsOf(token.accountId) : undefined,
      features: {
        devInteractions: { enabled: true },
        rpInitiatedLogout: { enabled: true },
        resourceIndicators: {
          enabled: true,
          defaultResource: () => RESOURCE,
          useGrantedResource: () => true,
          getResourceServerInfo: () => ({
            scope: 'api',
            audience: AUDIENCE,
            accessTokenTTL: 600,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'RS256' } },
          }),
        },
      },
      // The browser app reads the provider cross-origin (discovery, token endpoint).
      clientBasedCORS: () => true,
    }
    const provider = new Provider(issuer, configuration)
    provider.on('server_error', (_ctx, err) => console.error('[oidc-provider]', err))
    handler = provider.callback()
  }

  function authorizationRequest(origin: string) {
    const verifier = randomBytes(32).toString('base64url')
    const redirectUri = `${origin}/auth/callback`
    const authorize = new URL('/auth', issuer)
    Object.entries({
      client_id: OIDC_CLIENT_ID,
      response_type: 'code',
      scope: 'openid profile',
      redirect_uri: redirectUri,
      state: randomBytes(8).toString('hex'),
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
    }).forEach(([k, v]) => authorize.searchParams.set(k, v))
    return { url: authorize.toString(), verifier, redirectUri }
  }

  async function exchangeCode(callbackUrl: string, verifier: string, redirectUri: string) {
    const code = new URL(callbackUrl).searchParams.get('code')
    if (!code) throw new Error(`the provider sent no code: ${callbackUrl}`)
    const token = await fetch(new URL('/token', issuer), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirectUri,
        client_id: OIDC_CLIENT_ID,
        code_verifier: verifier,
      }),
    })
    const body = await token.json()
    if (!token.ok) throw new Error(`token endpoint: ${JSON.stringify(body)}`)
    return body as TokenResponse
  }

  async function signIn(login: string, origin: string) {
    const jar = new Map<string, string>()
    const request = async (url: string, init: RequestInit = {}) => {
      const res = await fetch(url, {
        ...init,
        redirect: 'manual',
        headers: { ...init.headers, cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
      })
      for (const line of res.headers.getSetCookie()) {
        const [pair] = line.split(';')
        const eq = pair.indexOf('=')
        jar.set(pair.slice(0, eq), pair.slice(eq + 1))
      }
      return res
    }
    const { url, verifier, redirectUri } = authorizationRequest(origin)
    let res = await request(url)
    // Follow the provider's redirects, posting the login form when it is shown, until it sends us back to the app.
    for (let step = 0; step < 10; step++) {
      const location = res.headers.get('location')
      if (location?.startsWith(redirectUri)) {
        const code = new URL(location).searchParams.get('code')
        if (!code) throw new Error(`the provider sent no code: ${location}`)
        const token = await fetch(new URL('/token', issuer), {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({
            grant_type: 'authorization_code',
            code,
            redirect_uri: redirectUri,
            client_id: OIDC_CLIENT_ID,
            code_verifier: verifier,
          }),
        })
        const body = await token.json()
        if (!token.ok) throw new Error(`token endpoint: ${JSON.stringify(body)}`)
        return body
      }
      if (location) {
        res = await request(new URL(location, issuer).toString())
        continue
      }
      const html = await res.text()
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1]
      if (!action || !html.includes('name="login"'))
        throw new Error(`unexpected page from the provider (${res.status}): ${html.slice(0, 300)}`)
      res = await request(new URL(action, issuer).toString(), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ prompt: 'login', login, password: 'any' }).toString(),
      })
    }
    throw new Error('the provider did not finish the sign-in within ten steps')
  }

  return {
    issuer,
    jwksUrl: `${issuer}/jwks`,
    clientId: OIDC_CLIENT_ID,
    identityConfig: () =>
      readIdentityConfig({
        AUTH_ISSUER: issuer,
        AUTH_AUDIENCE: AUDIENCE,
        AUTH_JWKS_URL: `${issuer}/jwks`,
        AUTH_ROLES_CLAIM: 'realm_access.roles',
      }),
    registerApp,
    signIn,
    authorizationRequest,
    exchangeCode,
    stop: () =>
      new Promise<void>(resolve => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
