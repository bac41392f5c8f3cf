import { createHmac, createSecretKey, randomUUID, timingSafeEqual, type KeyObject } from 'node:crypto'
import { AuthError } from '../principal.js'
import type { InternalIdentity, InternalIdentityVerifier } from './internal-identity.js'

export { INTERNAL_TOKEN_HEADER, type InternalIdentity, type InternalIdentityVerifier } from './internal-identity.js'

/*
 * The city's internal identity token: a compact JWS with HMAC-SHA256 over INTERNAL_TOKEN_SECRET, signed
 * by the gateway per subgraph call and verified by the department (the kit's default
 * InternalIdentityVerifier; lib/service/create-subgraph-server.ts).
 */

const ISSUER = 'stadtgraph-gateway'
/** Short enough that a captured token is useless soon after; a subgraph call never takes this long to start. */
const LIFETIME_SECONDS = 60
/** Gateway and subgraph clocks may differ slightly (containers on different hosts). */
const CLOCK_TOLERANCE_SECONDS = 5
const MIN_SECRET_LENGTH = 32
const MAX_TOKEN_LENGTH = 8 * 1024

/**
 * The token is a compact JWS (RFC 7515) with HMAC-SHA256, the one form we sign, implemented on
 * node:crypto directly: a generic JWT library decodes, dispatches on the header's algorithm and
 * re-checks options on every call, which showed in gateway and department CPU profiles. The header is
 * the one jsonwebtoken emits, so tokens stay interchangeable with any HS256 JWT implementation.
 */
const HEADER_SEGMENT = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' }), 'utf8').toString('base64url')
/** base64url of a 32-byte HMAC-SHA256, unpadded. */
const SIGNATURE_LENGTH = 43
/** Three unpadded base64url segments (the signature may be empty, refused below with its own reason). */
const COMPACT_JWS = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]*)$/

export interface InternalTokenClock {
  /** Milliseconds, for tests. */
  now?: () => number
}

function secretKey(secret: string): KeyObject {
  if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) {
    throw new Error(`internal token secret must be at least ${MIN_SECRET_LENGTH} characters (INTERNAL_TOKEN_SECRET)`)
  }
  // Built once per signer/verifier, not per token.
  return createSecretKey(Buffer.from(secret, 'utf8'))
}

export interface InternalTokenSigner {
  /** One token per subgraph call: audience = the subgraph's name, so it cannot be replayed to another. */
  sign(identity: InternalIdentity, audience: string): string
  /**
   * Signing for one identity, call after call: its claims are written out once, and each token adds
   * only what varies per call (issued-at, expiry, audience, a fresh id). Same tokens as `sign`.
   */
  forIdentity(identity: InternalIdentity): (audience: string) => string
}

export function createInternalTokenSigner(secret: string, opts: InternalTokenClock = {}): InternalTokenSigner {
  const key = secretKey(secret)
  const now = opts.now ?? Date.now
  const forIdentity = (identity: InternalIdentity) => {
    // Registered claims last, in the order jsonwebtoken writes them: both give the same token for the same claims.
    // The identity's claims as JSON without the braces; iat and exp go before them, aud, iss and jti after.
    const claims = JSON.stringify({
      roles: [...identity.roles],
      department: identity.department,
      purpose: identity.purpose,
      authenticated: identity.authenticated,
      aggregateOnly: identity.aggregateOnly,
      policyVersion: identity.policyVersion,
      scopes: [...identity.scopes],
      ...(identity.rowFilters?.length ? { rowFilters: identity.rowFilters } : {}),
      ...(identity.subject === null ? {} : { sub: identity.subject }),
    }).slice(1, -1)
    const afterIat = claims === '' ? ',"aud":' : `,${claims},"aud":`
    const afterAud = `,"iss":${JSON.stringify(ISSUER)},"jti":"`
    return (audience: string) => {
      if (typeof audience !== 'string' || audience === '') throw new Error('internal token audience must be a subgraph name')
      const iat = Math.floor(now() / 1000)
      const json = `{"iat":${iat},"exp":${iat + LIFETIME_SECONDS}${afterIat}${JSON.stringify(audience)}${afterAud}${randomUUID()}"}`
      const signingInput = `${HEADER_SEGMENT}.${Buffer.from(json, 'utf8').toString('base64url')}`
      return `${signingInput}.${hmac(key, signingInput)}`
    }
  }
  return {
    sign: (identity, audience) => forIdentity(identity)(audience),
    forIdentity,
  }
}

/**
 * Verifies internal tokens for one subgraph (`audience`): the HS256 InternalIdentityVerifier. Each
 * token is accepted once: the verifier remembers every `jti` it accepted until that token has expired
 * (at most 65 s), so a token captured on the wire is refused even inside its window. The gateway signs
 * a fresh token per subgraph call.
 */
export function createInternalTokenVerifier(secret: string, audience: string, opts: InternalTokenClock = {}): InternalIdentityVerifier {
  const key = secretKey(secret)
  if (typeof audience !== 'string' || audience === '') throw new Error('internal token audience must be a subgraph name')
  const now = opts.now ?? Date.now
  const replays = createReplayGuard()
  return {
    verify(token) {
      if (typeof token !== 'string' || token === '') throw refused('missing_internal_token')
      if (token.length > MAX_TOKEN_LENGTH) throw refused('internal_token_too_large')
      const nowSeconds = Math.floor(now() / 1000)
      const claims = verifiedClaims(token, key, audience, nowSeconds)
      const identity = identityFromClaims(claims, nowSeconds)
      const { jti, exp } = claims as { jti: string; exp: number }
      if (!replays.firstUse(jti, exp + CLOCK_TOLERANCE_SECONDS, nowSeconds)) throw refused('replayed_internal_token')
      return identity
    },
  }
}

function hmac(key: KeyObject, signingInput: string): string {
  return createHmac('sha256', key).update(signingInput, 'latin1').digest('base64url')
}

/**
 * Checks a compact HS256 JWS and its registered claims; returns the payload, not yet shape-checked.
 * Order: format, signature, then header and payload, so nothing a caller sent is parsed before it is
 * known to come from a holder of the secret. Reasons keep jsonwebtoken's wording where it had one.
 */
function verifiedClaims(token: string, key: KeyObject, audience: string, nowSeconds: number): Record<string, unknown> {
  const parts = COMPACT_JWS.exec(token)
  // A length of 1 mod 4 is no base64url encoding of any byte string.
  if (parts === null || parts[1].length % 4 === 1 || parts[2].length % 4 === 1) throw invalid('jwt malformed')
  const [, header, payload, signature] = parts
  if (signature === '') throw invalid('jwt signature is required')
  // Compared as text: exactly the encoding we produce, no second spelling of the same bytes.
  if (signature.length !== SIGNATURE_LENGTH) throw invalid('invalid signature')
  const expected = hmac(key, token.slice(0, header.length + 1 + payload.length))
  if (!timingSafeEqual(Buffer.from(signature, 'latin1'), Buffer.from(expected, 'latin1'))) throw invalid('invalid signature')

  if (header !== HEADER_SEGMENT) {
    const h = decodeJson(header)
    if (!isPlainObject(h)) throw invalid('invalid header')
    if (h.alg !== 'HS256') throw invalid('invalid algorithm')
    // Extensions a recipient must understand (RFC 7515 §4.1.11): we understand none.
    if (Object.hasOwn(h, 'crit')) throw invalid('unsupported header: crit')
    if (h.typ !== undefined && h.typ !== 'JWT') throw invalid('invalid header: typ')
  }
  const claims = decodeJson(payload)
  if (!isPlainObject(claims)) throw invalid('payload is not a JSON object')

  if (claims.nbf !== undefined) {
    if (typeof claims.nbf !== 'number') throw invalid('invalid nbf value')
    if (claims.nbf > nowSeconds + CLOCK_TOLERANCE_SECONDS) throw invalid('jwt not active')
  }
  if (claims.exp === undefined) throw invalid('jwt exp required')
  if (typeof claims.exp !== 'number') throw invalid('invalid exp value')
  if (nowSeconds >= claims.exp + CLOCK_TOLERANCE_SECONDS) throw invalid('jwt expired')
  // A string only: we sign one audience per token, so an array (which RFC 7519 allows) is not ours.
  if (claims.aud !== audience) throw invalid(`jwt audience invalid. expected: ${audience}`)
  if (claims.iss !== ISSUER) throw invalid(`jwt issuer invalid. expected: ${ISSUER}`)
  return claims
}

function decodeJson(segment: string): unknown {
  try {
    return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'))
  } catch {
    return undefined
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function invalid(message: string): AuthError {
  return refused(`invalid_internal_token: ${message}`)
}

/**
 * The `jti`s seen while their tokens can still verify. Tokens are signed with a fixed lifetime, so
 * they expire roughly in arrival order: a queue pruned from the front keeps memory at one entry per
 * call of the last ~65 s.
 */
function createReplayGuard() {
  const seen = new Set<string>()
  const queue: Array<{ jti: string; until: number }> = []
  let head = 0
  return {
    firstUse(jti: string, until: number, nowSeconds: number): boolean {
      while (head < queue.length && queue[head].until < nowSeconds) seen.delete(queue[head++].jti)
      if (head > 1024 && head * 2 > queue.length) {
        queue.splice(0, head)
        head = 0
      }
      if (seen.has(jti)) return false
      seen.add(jti)
      queue.push({ jti, until })
      return true
    },
  }
}

/** INTERNAL_TOKEN_SECRET: shared by the gateway and every subgraph; required, no development default. */
export function readInternalTokenSecret(env: Record<string, string | undefined> = process.env): string {
  const secret = env.INTERNAL_TOKEN_SECRET
  if (secret === undefined || secret === '') throw new Error('INTERNAL_TOKEN_SECRET is not set')
  if (secret.length < MIN_SECRET_LENGTH) throw new Error(`INTERNAL_TOKEN_SECRET must be at least ${MIN_SECRET_LENGTH} characters`)
  return secret
}

function refused(reason: string): AuthError {
  return new AuthError(401, 'UNAUTHENTICATED', 'Missing or invalid internal identity token', reason)
}

function validRowFilters(v: unknown): boolean {
  return (
    Array.isArray(v) &&
    v.every(
      f =>
        f &&
        typeof f.coordinate === 'string' &&
        Array.isArray(f.anyOf) &&
        f.anyOf.every(
          (all: unknown) =>
            Array.isArray(all) && all.every(c => c && typeof c.field === 'string' && (c.value === null || typeof c.value === 'string')),
        ),
    )
  )
}

/** Even a correctly signed token must have exactly the shape we sign; anything else is refused. */
function identityFromClaims(claims: unknown, nowSeconds: number): InternalIdentity {
  if (typeof claims !== 'object' || claims === null) throw refused('invalid_claims: payload')
  const c = claims as Record<string, unknown>
  const stringOrNull = (v: unknown) => v === null || (typeof v === 'string' && v !== '')
  const ok =
    typeof c.exp === 'number' &&
    typeof c.iat === 'number' &&
    typeof c.jti === 'string' &&
    c.exp - c.iat <= LIFETIME_SECONDS &&
    c.iat <= nowSeconds + CLOCK_TOLERANCE_SECONDS &&
    Array.isArray(c.roles) &&
    c.roles.length > 0 &&
    c.roles.every(r => typeof r === 'string' && r !== '') &&
    stringOrNull(c.department) &&
    stringOrNull(c.purpose) &&
    (c.sub === undefined || (typeof c.sub === 'string' && c.sub !== '')) &&
    typeof c.authenticated === 'boolean' &&
    typeof c.aggregateOnly === 'boolean' &&
    typeof c.policyVersion === 'number' &&
    Number.isSafeInteger(c.policyVersion) &&
    c.policyVersion >= 0 &&
    Array.isArray(c.scopes) &&
    c.scopes.every(x => typeof x === 'string' && x !== '') &&
    (c.rowFilters === undefined || validRowFilters(c.rowFilters))
  if (!ok) throw refused('invalid_claims: internal token shape')
  return Object.freeze({
    subject: (c.sub as string | undefined) ?? null,
    roles: Object.freeze([...(c.roles as string[])]),
    department: c.department as string | null,
    purpose: c.purpose as string | null,
    authenticated: c.authenticated as boolean,
    aggregateOnly: c.aggregateOnly as boolean,
    policyVersion: c.policyVersion as number,
    scopes: Object.freeze([...(c.scopes as string[])]),
    ...(c.rowFilters === undefined ? {} : { rowFilters: c.rowFilters as InternalIdentity['rowFilters'] }),
  })
}
