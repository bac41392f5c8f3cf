import { createSecretKey, type KeyObject } from 'node:crypto'
import type { IncomingHttpHeaders } from 'node:http'
import jwt from 'jsonwebtoken'
import { createLru, type LruStats } from '../../platform/lru.js'
import { PUBLIC_PRINCIPAL, type Principal } from '../principal.js'
import { decodeBearerToken, invalidToken, type DecodedBearerToken } from './decode-bearer-token.js'
import type { IdentityConfig } from './identity-config.js'
import { createJwksKeySet, type JwksKeySet } from './jwks-key-set.js'
import { principalFromClaims, selectRoles } from './principal-from-claims.js'
import { publicKeyFromPem, type TrustedKey } from './trusted-key.js'

export interface Authenticator {
  /**
   * The principal for a request: PUBLIC_PRINCIPAL without an Authorization header; otherwise a verified
   * token or an AuthError (401 invalid, 403 role not held, 431 oversize). Never a downgrade to public.
   */
  authenticate(headers: IncomingHttpHeaders): Promise<Principal>
  /** Stops JWKS fetching; keys already loaded keep verifying. Idempotent. */
  close(): void
  /** The remembered verified tokens: entries, estimated bytes, hits, misses, evictions (for the metrics). */
  cacheStats(): LruStats
}

export interface AuthenticatorOptions {
  /** Timeout of one JWKS request (default 5 s). */
  fetchTimeoutMs?: number
  /** Age after which the JWKS is re-fetched before use, so removed keys stop verifying (default 10 min). */
  jwksMaxAgeMs?: number
  /** Clock in milliseconds, for tests; also drives exp/nbf/iat checks. */
  now?: () => number
  /** Key refusals and JWKS failures (default: console.warn). */
  warn?: (message: string) => void
  /** Verified tokens remembered (default 1000; 0: every request verifies its token). */
  verifiedCacheSize?: number
  /** Estimated bytes the remembered tokens may hold (default 8 MiB; see `verifiedTokenBytes`). */
  verifiedCacheBytes?: number
}

/** Default bounds of the verified-token cache: ordinary tokens (1–2 KB) fit 1000 times; 8 KiB ones about 330 times. */
export const VERIFIED_CACHE_DEFAULTS = { entries: 1000, bytes: 8 * 1024 * 1024 } as const

/**
 * Verifies bearer tokens at the gateway edge (docs/access-control.md#identity). Every key is a KeyObject built
 * once (a string secret costs ~40× per verify) and bound to exactly one algorithm:
 * HS256 only for the HS secret, RS256/ES256 only for the public key registered under that kid.
 * Building the authenticator has no side effects; the JWKS is fetched on first need.
 */
export function createAuthenticator(config: IdentityConfig, opts: AuthenticatorOptions = {}): Authenticator {
  const now = opts.now ?? Date.now
  const verifiedTokens = createVerifiedTokens(
    opts.verifiedCacheSize ?? VERIFIED_CACHE_DEFAULTS.entries,
    opts.verifiedCacheBytes ?? VERIFIED_CACHE_DEFAULTS.bytes,
  )
  const warn = opts.warn ?? ((m: string) => console.warn(`[auth] ${m}`))
  const hsKey: KeyObject | null = config.hs256Secret === null ? null : createSecretKey(Buffer.from(config.hs256Secret, 'utf8'))
  const staticKeys = new Map<string, TrustedKey>(config.publicKeys.map(k => [k.kid, publicKeyFromPem(k.kid, k.pem, k.algorithm)]))
  const jwks: JwksKeySet | null =
    config.jwksUrl === null
      ? null
      : createJwksKeySet({
          url: config.jwksUrl,
          cooldownMs: config.jwksCooldownMs,
          maxAgeMs: opts.jwksMaxAgeMs ?? 10 * 60_000,
          fetchTimeoutMs: opts.fetchTimeoutMs ?? 5_000,
          now,
          warn,
        })

  async function keyFor(decoded: DecodedBearerToken): Promise<{ key: KeyObject; algorithm: jwt.Algorithm }> {
    const { alg, kid } = decoded.header
    if (kid !== undefined && (typeof kid !== 'string' || kid === '' || kid.length > 256)) {
      throw invalidToken('malformed_token: kid is not a short string')
    }
    if (alg === 'HS256') {
      // A kid naming one of our public keys means someone HMAC-signed with that public key (T02).
      if (kid !== undefined && (staticKeys.has(kid) || jwks?.peek(kid))) {
        throw invalidToken(`algorithm_mismatch: HS256 with asymmetric key "${kid}"`)
      }
      if (hsKey === null) throw invalidToken('algorithm_not_allowed: HS256 is not accepted here')
      return { key: hsKey, algorithm: 'HS256' }
    }
    if (alg !== 'RS256' && alg !== 'ES256') throw invalidToken(`algorithm_not_allowed: ${JSON.stringify(alg).slice(0, 32)}`)
    if (kid === undefined) throw invalidToken('missing_kid')
    const trusted = staticKeys.get(kid) ?? (jwks ? await jwks.lookup(kid) : undefined)
    if (!trusted) throw invalidToken(`unknown_kid${jwks?.lastError ? ` (${jwks.lastError})` : ''}`)
    if (trusted.algorithm !== alg) throw invalidToken(`algorithm_mismatch: ${alg} with ${trusted.algorithm} key "${kid}"`)
    return { key: trusted.key, algorithm: alg }
  }

  function verifyClaims(decoded: DecodedBearerToken, key: KeyObject, algorithm: jwt.Algorithm): Record<string, unknown> {
    const nowSeconds = Math.floor(now() / 1000)
    let claims: unknown
    try {
      claims = jwt.verify(decoded.token, key, {
        algorithms: [algorithm],
        issuer: config.issuer,
        audience: config.audience,
        clockTolerance: config.leewaySeconds,
        clockTimestamp: nowSeconds,
      })
    } catch (err) {
      throw invalidToken(reasonOf(err))
    }
    if (typeof claims !== 'object' || claims === null) throw invalidToken('malformed_token: payload is not an object')
    const c = claims as Record<string, unknown>
    // jsonwebtoken accepts tokens without exp, iat or aud; we fail closed on each (T05, T06).
    if (typeof c.exp !== 'number') throw invalidToken('missing_exp')
    if (typeof c.iat !== 'number') throw invalidToken('missing_iat')
    if (c.aud === undefined) throw invalidToken('missing_aud')
    if (c.iat > nowSeconds + config.leewaySeconds) throw invalidToken('iat_in_future')
    if (c.exp - c.iat > config.maxTokenAgeSeconds) throw invalidToken(`token_lifetime_too_long: ${c.exp - c.iat} s`)
    return c
  }

  return {
    async authenticate(headers) {
      return selectRoles(await principalOf(headers), headers, config.roleHeader)
    },
    close() {
      jwks?.close()
    },
    cacheStats: () => verifiedTokens.stats(),
  }

  async function principalOf(headers: IncomingHttpHeaders): Promise<Principal> {
    // The same Authorization header decodes to the same token: a remembered one is not decoded again.
    const authorization = headers.authorization
    const known = typeof authorization === 'string' ? verifiedTokens.get(authorization) : undefined
    const decoded = known?.decoded ?? decodeBearerToken(headers)
    if (decoded === null) return PUBLIC_PRINCIPAL
    // The key is looked up every time: a key that left the JWKS (or was swapped under its kid) no longer
    // matches what a remembered token was verified with, and the token is verified, and refused, anew.
    const { key, algorithm } = await keyFor(decoded)
    const at = now()
    // A clock set back before the verification is not trusted to be past the not-before time.
    if (known) {
      if (known.key === key && at < known.until && at >= known.verifiedAt) return known.principal
      // Expired, or its key is no longer the one trusted: never served again, verified (and refused) anew.
      if (typeof authorization === 'string') verifiedTokens.delete(authorization)
    }
    const claims = verifyClaims(decoded, key, algorithm)
    const principal = principalFromClaims(claims, config.rolesClaim)
    // jsonwebtoken refuses a token once the clock (in whole seconds) reaches exp + leeway.
    const until = ((claims.exp as number) + config.leewaySeconds) * 1000
    if (typeof authorization === 'string') verifiedTokens.set(authorization, { decoded, principal, key, verifiedAt: at, until })
    return principal
  }
}

interface VerifiedToken {
  decoded: DecodedBearerToken
  principal: Principal
  /** The key the signature was checked with. */
  key: KeyObject
  verifiedAt: number
  /** When the token stops verifying (exp + leeway), in ms. */
  until: number
}

/**
 * Tokens verified before, keyed by the whole Authorization header (the scheme and the compact token:
 * header, payload and signature): a caller sends the same token with every request, and its
 * signature and claims need checking once. Every check a verification makes gives the same answer
 * for the same string later (issuer, audience, algorithm, lifetime, not-before, iat) except two,
 * which the caller makes on every use: the token has not expired, and the key trusted for it now is
 * the one it was verified with. A failed verification is never remembered. Bounded by entries and by
 * estimated bytes (platform/lru.ts): the least recently used entry goes first, and a caller sending many
 * large tokens cannot hold more than `maxBytes`.
 */
function createVerifiedTokens(maxEntries: number, maxBytes: number) {
  const lru = createLru<VerifiedToken>({ maxEntries: Math.max(0, maxEntries), maxBytes: Math.max(0, maxBytes), sizeOf: verifiedTokenBytes })
  return {
    get: (authorization: string): VerifiedToken | undefined => lru.get(authorization),
    delete: (authorization: string): void => void lru.delete(authorization),
    set(authorization: string, entry: VerifiedToken): void {
      if (entry.until <= entry.verifiedAt) return
      lru.set(authorization, entry)
    },
    stats: () => lru.stats(),
  }
}

/**
 * Estimated bytes a remembered token holds: the header string (the key), the decoded token, its parsed
 * header and payload and the principal come to about 2.8 bytes per character of the header plus ~400
 * (measured with Node 20 for headers of 0.3, 1.6 and 7 KB); rounded up.
 */
export function verifiedTokenBytes(authorization: string): number {
  return 3 * authorization.length + 512
}

function reasonOf(err: unknown): string {
  if (err instanceof jwt.TokenExpiredError) return 'token_expired'
  if (err instanceof jwt.NotBeforeError) return 'token_not_yet_valid'
  const message = err instanceof Error ? err.message : String(err)
  if (message === 'invalid signature') return 'invalid_signature'
  if (message.startsWith('jwt audience invalid')) return 'invalid_audience'
  if (message.startsWith('jwt issuer invalid')) return 'invalid_issuer'
  return `invalid_token: ${message}`
}
