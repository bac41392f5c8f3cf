import { ASYMMETRIC_ALGORITHMS, publicKeyFromPem, type AsymmetricAlgorithm } from './trusted-key.js'

/** How the gateway verifies bearer tokens. Read once at start, validated, frozen. */
export interface IdentityConfig {
  issuer: string
  audience: string
  /** HS256 secret; set only in development or when explicitly configured next to production keys. */
  hs256Secret: string | null
  publicKeys: ReadonlyArray<{ kid: string; pem: string; algorithm: 'RS256' | 'ES256' }>
  jwksUrl: string | null
  /** Minimum time between two JWKS fetches, so unknown-`kid` floods cannot hammer the IdP. */
  jwksCooldownMs: number
  leewaySeconds: number
  maxTokenAgeSeconds: number
  /** Request header naming the subset of the token's roles to activate (lower case). */
  roleHeader: string
  /**
   * Where the token carries its roles: one or more claim paths, each a list of member names
   * (`roles`; Keycloak: `realm_access.roles`, `resource_access.<client>.roles`). The roles are the
   * union over the paths present; a token with none of them is refused.
   */
  rolesClaim: ReadonlyArray<readonly string[]>
  /** A real key source (JWKS or public keys) is configured; the development secret is then off. */
  production: boolean
}

/**
 * Development only: lets `npm start` and `npm run token` work with zero setup. It is public (it is in
 * the repository), so it is used only while no production key source is configured.
 */
const DEVELOPMENT_HS256_SECRET = 'stadtgraph-development-only-hs256-secret-not-for-production'

export const MIN_HS256_SECRET_LENGTH = 32
const MAX_LEEWAY_SECONDS = 60
/** A token living longer than a week defeats the point of expiry; IdPs issue minutes to hours. */
const MAX_TOKEN_AGE_LIMIT_SECONDS = 7 * 24 * 3600

type Env = Record<string, string | undefined>

export function readIdentityConfig(env: Env = process.env): IdentityConfig {
  const issuer = nonEmpty(env, 'AUTH_ISSUER', 'https://stadtgraph.local/dev')
  const audience = nonEmpty(env, 'AUTH_AUDIENCE', 'stadtgraph')
  const publicKeys = readPublicKeys(env)
  const jwksUrl = readJwksUrl(env)
  const production = jwksUrl !== null || publicKeys.length > 0

  const explicitSecret = present(env, 'AUTH_HS256_SECRET')
  if (explicitSecret !== null && explicitSecret.length < MIN_HS256_SECRET_LENGTH) {
    throw new Error(`AUTH_HS256_SECRET must be at least ${MIN_HS256_SECRET_LENGTH} characters`)
  }
  const hs256Secret = explicitSecret ?? (production ? null : DEVELOPMENT_HS256_SECRET)

  const roleHeader = (present(env, 'AUTH_ROLE_HEADER') ?? 'x-stadtgraph-role').toLowerCase()
  if (!/^[a-z0-9][a-z0-9-]*$/.test(roleHeader) || roleHeader === 'authorization' || roleHeader === 'cookie') {
    throw new Error(`AUTH_ROLE_HEADER must be a plain header name (letters, digits, dashes), got ${JSON.stringify(roleHeader)}`)
  }

  const rolesClaim = readRolesClaim(env)

  return Object.freeze({
    issuer,
    audience,
    hs256Secret,
    publicKeys,
    jwksUrl,
    jwksCooldownMs: integer(env, 'AUTH_JWKS_COOLDOWN_MS', 30_000, 0, 3_600_000),
    leewaySeconds: integer(env, 'AUTH_LEEWAY_SECONDS', 30, 0, MAX_LEEWAY_SECONDS),
    maxTokenAgeSeconds: integer(env, 'AUTH_MAX_TOKEN_AGE_SECONDS', 43_200, 1, MAX_TOKEN_AGE_LIMIT_SECONDS),
    roleHeader,
    rolesClaim,
    production,
  })
}

function present(env: Env, name: string): string | null {
  const v = env[name]
  return v === undefined || v.trim() === '' ? null : v.trim()
}

function nonEmpty(env: Env, name: string, fallback: string): string {
  return present(env, name) ?? fallback
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = present(env, name)
  if (raw === null) return fallback
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new Error(`${name} must be an integer between ${min} and ${max}, got ${JSON.stringify(raw)}`)
  }
  return Number(raw)
}

/** AUTH_ROLES_CLAIM: comma-separated claim paths, members separated by dots (default `roles`). */
function readRolesClaim(env: Env): IdentityConfig['rolesClaim'] {
  const raw = present(env, 'AUTH_ROLES_CLAIM') ?? 'roles'
  const paths = raw
    .split(',')
    .map(p => p.trim())
    .filter(Boolean)
    .map(p => p.split('.'))
  const member = /^[A-Za-z0-9_$:-]{1,128}$/
  if (paths.length === 0 || paths.some(path => path.some(m => !member.test(m) || m === '__proto__'))) {
    throw new Error(
      `AUTH_ROLES_CLAIM must be claim paths like "roles" or "realm_access.roles,resource_access.stadtgraph.roles", got ${JSON.stringify(raw)}`,
    )
  }
  return Object.freeze(paths.map(p => Object.freeze(p)))
}

function readJwksUrl(env: Env): string | null {
  const raw = present(env, 'AUTH_JWKS_URL')
  if (raw === null) return null
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new Error(`AUTH_JWKS_URL must be an absolute http(s) URL, got ${JSON.stringify(raw)}`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`AUTH_JWKS_URL must be an absolute http(s) URL, got ${JSON.stringify(raw)}`)
  }
  return url.toString()
}

function readPublicKeys(env: Env): IdentityConfig['publicKeys'] {
  const raw = present(env, 'AUTH_PUBLIC_KEYS')
  if (raw === null) return Object.freeze([])
  const fail = (why: string): never => {
    throw new Error(`AUTH_PUBLIC_KEYS must be a JSON array of {kid, pem, algorithm: "RS256"|"ES256"}: ${why}`)
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch {
    return fail('not valid JSON')
  }
  if (!Array.isArray(parsed)) return fail('not an array')
  const seen = new Set<string>()
  const keys = parsed.map((entry: unknown, i) => {
    if (typeof entry !== 'object' || entry === null) return fail(`entry ${i} is not an object`)
    const { kid, pem, algorithm } = entry as Record<string, unknown>
    if (typeof kid !== 'string' || kid === '') return fail(`entry ${i} has no "kid"`)
    if (seen.has(kid)) return fail(`duplicate kid "${kid}"`)
    seen.add(kid)
    if (typeof pem !== 'string') return fail(`entry ${i} has no "pem"`)
    if (!ASYMMETRIC_ALGORITHMS.includes(algorithm as AsymmetricAlgorithm)) {
      return fail(`entry ${i} has algorithm ${JSON.stringify(algorithm)}`)
    }
    try {
      publicKeyFromPem(kid, pem, algorithm as AsymmetricAlgorithm)
    } catch (err) {
      return fail((err as Error).message)
    }
    return Object.freeze({ kid, pem, algorithm: algorithm as AsymmetricAlgorithm })
  })
  return Object.freeze(keys)
}
