import type { IncomingMessage, ServerResponse } from 'node:http'
import type { IdentityConfig } from '../../auth/identity/identity-config.js'
import { signDevToken } from '../../auth/identity/dev-token.js'
import type { RoleDefinition } from '../../auth/policy/types.js'
import { BodyTooLargeError, readBody, sendJson } from '../../platform/http/apollo-handler.js'
import type { ErrorCode } from '../../platform/errors.js'

/** A dev-token request is one small JSON object. */
export const MAX_DEV_TOKEN_BODY_BYTES = 4096
/** Lifetime of a development token from the role switcher. */
const DEV_TOKEN_TTL_SECONDS = 3600
/** Departments are named like the folders in services/. */
const DEPARTMENT = /^[a-z][a-z0-9_-]{0,63}$/

export interface WebSignIn {
  /** The OpenID client the app signs in as (WEB_OIDC_CLIENT_ID); null when none is configured. */
  oidcClientId: string | null
  /** Scopes the app asks for (WEB_OIDC_SCOPE). */
  oidcScope: string
}

export interface AuthRoutesOptions {
  identity: IdentityConfig
  signIn: WebSignIn
  /** The roles in force (the policy store's, else the built-in defaults). */
  roles: () => Iterable<RoleDefinition>
  headers: Record<string, string>
}

/** The department a role's `{department}` scopes are exercised with in development (as `npm start` prints its tokens). */
const exampleDepartment = (role: RoleDefinition) => (role.scopes.some(s => s.startsWith('{department}')) ? 'asylum' : undefined)

/**
 * `GET /auth/config` tells the web app how to sign in; `POST /auth/dev-token` mints a development
 * token for the role switcher. The latter exists only while identity runs on the development
 * secret (no JWKS or public keys configured) and only for a request made on this machine: from a
 * loopback address, to a loopback host name (no DNS rebinding), not relayed by a proxy (a proxy on
 * the same machine would make every caller look local). Everywhere else it is a 404, as if it did
 * not exist.
 */
export function createAuthRoutes({ identity, signIn, roles, headers }: AuthRoutesOptions) {
  const development = !identity.production && identity.hs256Secret !== null
  const noStore = { ...headers, 'cache-control': 'no-store' }
  const fail = (res: ServerResponse, status: number, code: ErrorCode, message: string, extra: Record<string, string> = {}) =>
    sendJson(res, status, { errors: [{ message, extensions: { code } }] }, { ...noStore, ...extra })
  const notFound = (res: ServerResponse) => sendJson(res, 404, { error: 'not found' }, noStore)
  const devTokensFor = (req: IncomingMessage) => development && fromThisMachine(req)

  function config(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return fail(res, 405, 'METHOD_NOT_ALLOWED', 'read /auth/config with GET', { allow: 'GET, HEAD' })
    if (!identity.production) {
      const devRoles = devTokensFor(req)
        ? [...roles()].map(r => ({ name: r.name, ...(exampleDepartment(r) ? { department: exampleDepartment(r) } : {}) }))
        : undefined
      return sendJson(res, 200, { mode: 'development', ...(devRoles ? { devRoles } : {}) }, noStore)
    }
    sendJson(
      res,
      200,
      {
        mode: 'oidc',
        issuer: identity.issuer,
        ...(signIn.oidcClientId ? { clientId: signIn.oidcClientId } : {}),
        scope: signIn.oidcScope,
      },
      noStore,
    )
  }

  async function devToken(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!devTokensFor(req)) return notFound(res)
    if (req.method !== 'POST') return fail(res, 405, 'METHOD_NOT_ALLOWED', 'ask for a development token with POST', { allow: 'POST' })
    // JSON only: a cross-site page cannot send it without a CORS preflight, which this endpoint never grants.
    if (!/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '')) {
      return fail(res, 400, 'BAD_REQUEST', 'send content-type: application/json with {"role": "<name>", "department"?: "<department>"}')
    }
    let raw: string
    try {
      raw = await readBody(req, MAX_DEV_TOKEN_BODY_BYTES)
    } catch (err) {
      if (!(err instanceof BodyTooLargeError)) throw err
      return fail(res, 413, 'REQUEST_TOO_LARGE', `the body exceeds ${MAX_DEV_TOKEN_BODY_BYTES} bytes`, { connection: 'close' })
    }
    let body: unknown
    try {
      body = JSON.parse(raw)
    } catch {
      return fail(res, 400, 'BAD_REQUEST', 'the body is not JSON; send {"role": "<name>", "department"?: "<department>"}')
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      return fail(res, 400, 'BAD_REQUEST', 'send {"role": "<name>", "department"?: "<department>"}')
    const { role, department } = body as Record<string, unknown>
    const known = [...roles()].map(r => r.name)
    if (typeof role !== 'string' || !known.includes(role)) {
      const given = typeof role === 'string' ? `unknown role ${JSON.stringify(role.slice(0, 64))}` : '"role" must be a role name'
      return fail(res, 400, 'BAD_USER_INPUT', `${given}; the roles are ${known.join(', ')}`)
    }
    if (department !== undefined && (typeof department !== 'string' || !DEPARTMENT.test(department))) {
      return fail(res, 400, 'BAD_USER_INPUT', '"department" must be a department name like "asylum" (lower-case letters, digits, - and _)')
    }
    const ttl = Math.min(DEV_TOKEN_TTL_SECONDS, identity.maxTokenAgeSeconds)
    const accessToken = signDevToken(identity, { roles: [role], department, sub: `dev-${role}`, ttlSeconds: ttl })
    sendJson(
      res,
      200,
      { access_token: accessToken, token_type: 'Bearer', expires_in: ttl, role, ...(department ? { department } : {}) },
      noStore,
    )
  }

  return { config, devToken }
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/** A request from a loopback address, to a loopback host name, carrying no proxy's forwarding headers. */
export function fromThisMachine(req: IncomingMessage): boolean {
  const address = req.socket.remoteAddress ?? ''
  const loopbackAddress = address === '::1' || /^(::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(address)
  const host = (req.headers.host ?? '').toLowerCase().replace(/:\d+$/, '')
  const loopbackHost = LOOPBACK_HOSTS.has(host) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) || host.endsWith('.localhost')
  const relayed = ['forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-real-ip'].some(h => req.headers[h] !== undefined)
  return loopbackAddress && loopbackHost && !relayed
}
