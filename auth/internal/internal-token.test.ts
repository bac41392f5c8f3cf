import { createHmac, createSecretKey } from 'node:crypto'
import jwt from 'jsonwebtoken'
import { describe, expect, it } from 'vitest'
import { AuthError, PUBLIC_PRINCIPAL } from '../principal.js'
import {
  createInternalTokenSigner,
  createInternalTokenVerifier,
  INTERNAL_TOKEN_HEADER,
  readInternalTokenSecret,
  type InternalIdentity,
} from './internal-token.js'

const SECRET = 'internal-secret-for-tests-0123456789abcdef'
const OTHER_SECRET = 'another-internal-secret-0123456789abcdef'
const T0 = Date.UTC(2026, 0, 15, 10, 0, 0)

const staff: InternalIdentity = {
  subject: 'u1',
  roles: ['staff'],
  department: 'soziales',
  purpose: 'Unterbringungsplanung',
  authenticated: true,
  aggregateOnly: false,
  policyVersion: 7,
  scopes: ['open', 'soziales:internal', 'soziales:personal'],
}
const anonymous: InternalIdentity = { ...PUBLIC_PRINCIPAL, aggregateOnly: true, policyVersion: 7, scopes: ['open'] }

const signer = createInternalTokenSigner(SECRET, { now: () => T0 })
const verifierAt = (ms: number, audience = 'asylum', secret = SECRET) => createInternalTokenVerifier(secret, audience, { now: () => ms })
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url')

/** A token signed with the right secret but a shape of the test's choosing (a gateway bug, an old gateway version). */
function forged(claims: Record<string, unknown>, opts: jwt.SignOptions = {}): string {
  return jwt.sign(
    {
      iat: T0 / 1000,
      exp: T0 / 1000 + 60,
      roles: ['staff'],
      department: null,
      purpose: null,
      authenticated: true,
      aggregateOnly: false,
      policyVersion: 1,
      sub: 'u1',
      ...claims,
    },
    createSecretKey(Buffer.from(SECRET)),
    withoutUndefined<jwt.SignOptions>({ algorithm: 'HS256', issuer: 'stadtgraph-gateway', audience: 'asylum', jwtid: 'j1', ...opts }),
  )
}
const withoutUndefined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T

const KEY = createSecretKey(Buffer.from(SECRET))
const HS256_HEADER = { alg: 'HS256', typ: 'JWT' }
/** The claims of a fresh token of ours for asylum (fresh jti), to re-sign in another form. */
const claims = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  ...(jwt.decode(signer.sign(staff, 'asylum')) as object),
  ...extra,
})
/**
 * Header and payload (objects, or segment text as given) with a correct HMAC-SHA256 under the right
 * secret: nothing but the check a test is about stands between such a token and acceptance.
 */
function hs256(header: unknown, payload: unknown): string {
  const segment = (v: unknown) => (typeof v === 'string' ? v : b64(v))
  const input = `${segment(header)}.${segment(payload)}`
  return `${input}.${createHmac('sha256', KEY).update(input).digest('base64url')}`
}
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

describe('internal identity token (E18, T21)', () => {
  it('the header name is fixed', () => {
    expect(INTERNAL_TOKEN_HEADER).toBe('x-stadtgraph-internal')
  })

  it.each([
    { name: 'an authenticated principal', identity: staff },
    { name: 'the public principal', identity: anonymous },
  ])('round-trips $name for the audience it was signed for', ({ identity }) => {
    const out = verifierAt(T0).verify(signer.sign(identity, 'asylum'))
    expect(out).toEqual(identity)
    expect(Object.isFrozen(out)).toBe(true)
    expect(Object.isFrozen(out.roles)).toBe(true)
  })

  it('carries issuer, audience, a 60 s lifetime and a fresh jti per call', () => {
    const [a, b] = [signer.sign(staff, 'asylum'), signer.sign(staff, 'asylum')]
    const pa = jwt.decode(a) as Record<string, unknown>
    const pb = jwt.decode(b) as Record<string, unknown>
    expect(pa).toMatchObject({ iss: 'stadtgraph-gateway', aud: 'asylum', sub: 'u1', iat: T0 / 1000, exp: T0 / 1000 + 60 })
    expect(typeof pa.jti).toBe('string')
    expect(pa.jti).not.toBe(pb.jti)
    expect(jwt.decode(a, { complete: true })?.header.alg).toBe('HS256')
  })

  it('is valid until its 60 s are up (plus 5 s clock tolerance)', () => {
    const token = signer.sign(staff, 'asylum')
    expect(verifierAt(T0 + 59_000).verify(token)).toEqual(staff)
    expect(verifierAt(T0 + 64_000).verify(token)).toEqual(staff)
  })

  it('accepts each token once: an exact replay inside its window is refused, a fresh token is not', () => {
    const verifier = verifierAt(T0 + 1_000)
    const token = signer.sign(staff, 'asylum')
    expect(verifier.verify(token)).toEqual(staff)
    expect(() => verifier.verify(token)).toThrow(expect.objectContaining({ status: 401, reason: 'replayed_internal_token' }))
    expect(verifier.verify(signer.sign(staff, 'asylum'))).toEqual(staff)
  })

  it('forgets a jti only once its token can no longer verify', () => {
    let now = T0
    const verifier = createInternalTokenVerifier(SECRET, 'asylum', { now: () => now })
    const first = signer.sign(staff, 'asylum')
    verifier.verify(first)
    now = T0 + 64_000
    expect(() => verifier.verify(first)).toThrow(expect.objectContaining({ reason: 'replayed_internal_token' }))
    now = T0 + 70_000
    const later = createInternalTokenSigner(SECRET, { now: () => now })
    for (let i = 0; i < 3; i++) verifier.verify(later.sign(staff, 'asylum'))
    expect(() => verifier.verify(first)).toThrow(expect.objectContaining({ reason: expect.stringMatching(/jwt expired/) }))
  })

  const refused: Array<{ name: string; token: () => string | undefined; verifier?: () => ReturnType<typeof verifierAt>; reason: RegExp }> =
    [
      { name: 'missing', token: () => undefined, reason: /missing_internal_token/ },
      { name: 'empty', token: () => '', reason: /missing_internal_token/ },
      { name: 'garbage', token: () => 'not-a-token', reason: /jwt malformed/ },
      { name: 'oversize', token: () => 'a'.repeat(9000), reason: /too_large/ },
      { name: 'wrong audience (signed for geo, presented to asylum)', token: () => signer.sign(staff, 'geo'), reason: /audience/ },
      {
        name: 'expired (replayed after its window)',
        token: () => signer.sign(staff, 'asylum'),
        verifier: () => verifierAt(T0 + 66_000),
        reason: /jwt expired/,
      },
      {
        name: 'issued in the future',
        token: () => createInternalTokenSigner(SECRET, { now: () => T0 + 120_000 }).sign(staff, 'asylum'),
        reason: /nbf|iat|shape|future/,
      },
      {
        name: 'signed with another secret',
        token: () => createInternalTokenSigner(OTHER_SECRET).sign(staff, 'asylum'),
        verifier: () => createInternalTokenVerifier(SECRET, 'asylum'),
        reason: /invalid signature/,
      },
      {
        name: 'tampered payload (roles → admin)',
        token: () => {
          const [h, , s] = signer.sign(staff, 'asylum').split('.')
          return `${h}.${b64({ ...(jwt.decode(signer.sign(staff, 'asylum')) as object), roles: ['admin'] })}.${s}`
        },
        reason: /invalid signature/,
      },
      {
        name: 'tampered signature',
        token: () => {
          const t = signer.sign(staff, 'asylum')
          return t.slice(0, -2) + (t.endsWith('AA') ? 'BB' : 'AA')
        },
        reason: /invalid signature/,
      },
      {
        name: 'alg none',
        token: () => `${b64({ alg: 'none' })}.${b64(jwt.decode(signer.sign(staff, 'asylum')))}.`,
        reason: /signature is required|invalid/,
      },
      {
        name: 'a client bearer token (wrong issuer)',
        token: () => forged({}, { issuer: 'https://stadtgraph.local/dev' }),
        reason: /issuer/,
      },
      { name: 'a lifetime over 60 s', token: () => forged({ exp: T0 / 1000 + 3600 }), reason: /shape/ },
      { name: 'no roles', token: () => forged({ roles: [] }), reason: /shape/ },
      { name: 'roles not strings', token: () => forged({ roles: [1] }), reason: /shape/ },
      { name: 'policyVersion missing', token: () => forged({ policyVersion: undefined }), reason: /shape/ },
      { name: 'aggregateOnly not boolean', token: () => forged({ aggregateOnly: 'no' }), reason: /shape/ },
      { name: 'department an array', token: () => forged({ department: ['a', 'b'] }), reason: /shape/ },
      { name: 'no jti', token: () => forged({}, { jwtid: undefined }), reason: /shape/ },
    ]

  it.each(refused)('refuses $name with 401 UNAUTHENTICATED', ({ token, verifier, reason }) => {
    const v = verifier ? verifier() : verifierAt(T0)
    let err: unknown
    try {
      v.verify(token())
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(AuthError)
    expect(err).toMatchObject({ status: 401, code: 'UNAUTHENTICATED', message: 'Missing or invalid internal identity token' })
    expect((err as AuthError).reason).toMatch(reason)
  })

  it('signs what jsonwebtoken signs for the same claims, byte for byte, and jsonwebtoken verifies it', () => {
    const token = signer.sign(staff, 'asylum')
    expect(token.split('.')[0]).toBe(b64(HS256_HEADER))
    expect(jwt.sign(jwt.decode(token) as object, KEY, { algorithm: 'HS256' })).toBe(token)
    expect(
      jwt.verify(token, KEY, { algorithms: ['HS256'], issuer: 'stadtgraph-gateway', audience: 'asylum', clockTimestamp: T0 / 1000 }),
    ).toEqual(jwt.decode(token))
  })

  it.each([
    {
      name: 'an authenticated principal with row rules',
      identity: { ...staff, rowFilters: [{ coordinate: 'Query.x', anyOf: [[{ field: 'd', value: 'n"1' }]] }] },
    },
    { name: 'the public principal', identity: anonymous },
  ])('signs for one identity call after call ($name): tokens as jsonwebtoken writes them, each with a fresh jti', ({ identity }) => {
    const forStaff = signer.forIdentity(identity)
    const [a, b, c] = [forStaff('asylum'), forStaff('asylum'), forStaff('geo')]
    for (const token of [a, b, c]) expect(jwt.sign(jwt.decode(token) as object, KEY, { algorithm: 'HS256' })).toBe(token)
    expect(jwt.decode(a)).toEqual({
      ...(jwt.decode(signer.sign(identity, 'asylum')) as object),
      jti: (jwt.decode(a) as { jti: string }).jti,
    })
    expect((jwt.decode(a) as { jti: string }).jti).not.toBe((jwt.decode(b) as { jti: string }).jti)
    expect(jwt.decode(c)).toMatchObject({ aud: 'geo' })
    const verifier = verifierAt(T0)
    expect(verifier.verify(a)).toEqual(identity)
    expect(verifier.verify(b)).toEqual(identity)
    expect(() => verifier.verify(c)).toThrow(expect.objectContaining({ reason: expect.stringMatching(/audience/) }))
    expect(() => forStaff('')).toThrow(/audience/)
  })

  it('verifies tokens jsonwebtoken signed with the same claims', () => {
    const { aud, iss, jti, ...rest } = claims()
    const token = jwt.sign(rest, KEY, { algorithm: 'HS256', audience: aud as string, issuer: iss as string, jwtid: jti as string })
    expect(verifierAt(T0).verify(token)).toEqual(staff)
  })

  it.each([
    { name: 'without typ', header: { alg: 'HS256' } },
    { name: 'with its members in another order', header: { typ: 'JWT', alg: 'HS256' } },
    { name: 'with a kid', header: { alg: 'HS256', typ: 'JWT', kid: 'k1' } },
  ])('accepts an HS256 header $name', ({ header }) => {
    expect(verifierAt(T0).verify(hs256(header, claims()))).toEqual(staff)
  })

  it('accepts nbf up to the clock tolerance ahead, and exp until the tolerance is up', () => {
    expect(verifierAt(T0).verify(hs256(HS256_HEADER, claims({ nbf: T0 / 1000 + 5 })))).toEqual(staff)
    expect(verifierAt(T0 + 64_999).verify(signer.sign(staff, 'asylum'))).toEqual(staff)
  })

  /** Standard base64 of a claims JSON that is sure to contain '+' and '/' there ('~~~' and '???'). */
  const standardBase64Payload = () => {
    const seg = Buffer.from(JSON.stringify(claims({ purpose: '~~~~~~ ??????' }))).toString('base64')
    expect(seg).toMatch(/\+/)
    expect(seg).toMatch(/\//)
    return seg.replace(/=+$/, '')
  }
  /** A claims JSON padded with trailing spaces (JSON allows them) to a length ≡ remainder (mod 3). */
  const jsonOfLength = (remainder: number) => {
    let json = JSON.stringify(claims())
    while (json.length % 3 !== remainder) json += ' '
    return json
  }
  /** Base64 pads a length ≡ 1 (mod 3) with '=='. */
  const paddedPayload = () => Buffer.from(jsonOfLength(1)).toString('base64')
  /** A token of ours whose signature has '-' or '_', spelled in the standard alphabet ('+', '/'). */
  const standardBase64Signature = () => {
    let token = signer.sign(staff, 'asylum')
    while (!/[-_]/.test(token.split('.')[2])) token = signer.sign(staff, 'asylum')
    return token.replace(/[^.]*$/, s => s.replace(/-/g, '+').replace(/_/g, '/'))
  }
  /** A signature of ours with a different last character that decodes to the same 32 bytes. */
  const secondSpellingOfSignature = () => {
    const token = signer.sign(staff, 'asylum')
    const i = ALPHABET.indexOf(token.at(-1)!)
    expect(i & 3).toBe(0)
    const other = token.slice(0, -1) + ALPHABET[i | 1]
    expect(Buffer.from(other.split('.')[2], 'base64url')).toEqual(Buffer.from(token.split('.')[2], 'base64url'))
    return other
  }

  const refusedJws: Array<{ name: string; token: () => string; at?: number; reason: RegExp }> = [
    // The header: HS256 and nothing else, even under a correct HMAC-SHA256.
    {
      name: 'alg none (correctly HMAC-signed)',
      token: () => hs256({ alg: 'none', typ: 'JWT' }, claims()),
      reason: /invalid_internal_token: invalid algorithm/,
    },
    {
      name: 'alg HS384 (correctly HMAC-SHA256-signed)',
      token: () => hs256({ alg: 'HS384', typ: 'JWT' }, claims()),
      reason: /invalid_internal_token: invalid algorithm/,
    },
    {
      name: 'alg RS256 (HMAC over it: key confusion)',
      token: () => hs256({ alg: 'RS256', typ: 'JWT' }, claims()),
      reason: /invalid_internal_token: invalid algorithm/,
    },
    {
      name: 'alg hs256 (case)',
      token: () => hs256({ alg: 'hs256', typ: 'JWT' }, claims()),
      reason: /invalid_internal_token: invalid algorithm/,
    },
    { name: 'no alg', token: () => hs256({ typ: 'JWT' }, claims()), reason: /invalid_internal_token: invalid algorithm/ },
    {
      name: 'a crit header',
      token: () => hs256({ ...HS256_HEADER, crit: ['exp'] }, claims()),
      reason: /invalid_internal_token: unsupported header: crit/,
    },
    {
      name: 'another typ',
      token: () => hs256({ alg: 'HS256', typ: 'at+jwt' }, claims()),
      reason: /invalid_internal_token: invalid header: typ/,
    },
    {
      name: 'a header that is not JSON',
      token: () => hs256(Buffer.from('{alg:"HS256"}').toString('base64url'), claims()),
      reason: /invalid_internal_token: invalid header/,
    },
    { name: 'a header that is JSON null', token: () => hs256(null, claims()), reason: /invalid_internal_token: invalid header/ },
    { name: 'a header that is an array', token: () => hs256([HS256_HEADER], claims()), reason: /invalid_internal_token: invalid header/ },
    {
      name: 'a header that is a JSON string',
      token: () => hs256(b64('HS256'), claims()),
      reason: /invalid_internal_token: invalid header/,
    },
    {
      name: 'alg HS384 signed by jsonwebtoken',
      token: () => {
        const { aud, iss, jti, ...rest } = claims()
        return jwt.sign(rest, KEY, { algorithm: 'HS384', audience: aud as string, issuer: iss as string, jwtid: jti as string })
      },
      reason: /invalid_internal_token: invalid signature/,
    },
    // The signature.
    {
      name: 'a tampered header (HS384 over our signature)',
      token: () => {
        const [, p, s] = signer.sign(staff, 'asylum').split('.')
        return `${b64({ alg: 'HS384', typ: 'JWT' })}.${p}.${s}`
      },
      reason: /invalid_internal_token: invalid signature/,
    },
    {
      name: 'a signature truncated to 16 bytes',
      token: () => {
        const t = signer.sign(staff, 'asylum')
        const [h, p] = t.split('.')
        return `${h}.${p}.${createHmac('sha256', KEY).update(`${h}.${p}`).digest().subarray(0, 16).toString('base64url')}`
      },
      reason: /invalid_internal_token: invalid signature/,
    },
    {
      name: 'a signature one character too long',
      token: () => `${signer.sign(staff, 'asylum')}A`,
      reason: /invalid_internal_token: invalid signature/,
    },
    {
      name: 'a signature one character short',
      token: () => signer.sign(staff, 'asylum').slice(0, -1),
      reason: /invalid_internal_token: invalid signature/,
    },
    {
      name: 'a second base64url spelling of the right signature',
      token: secondSpellingOfSignature,
      reason: /invalid_internal_token: invalid signature/,
    },
    // The format.
    { name: 'an extra segment (empty)', token: () => `${signer.sign(staff, 'asylum')}.`, reason: /invalid_internal_token: jwt malformed/ },
    {
      name: 'an extra segment (repeated signature)',
      token: () => {
        const t = signer.sign(staff, 'asylum')
        return `${t}.${t.split('.')[2]}`
      },
      reason: /invalid_internal_token: jwt malformed/,
    },
    {
      name: 'five segments (JWE form)',
      token: () => `${signer.sign(staff, 'asylum')}.a.b`,
      reason: /invalid_internal_token: jwt malformed/,
    },
    {
      name: 'two segments',
      token: () => signer.sign(staff, 'asylum').split('.').slice(0, 2).join('.'),
      reason: /invalid_internal_token: jwt malformed/,
    },
    {
      name: 'a payload in the standard base64 alphabet (+ /)',
      token: () => hs256(HS256_HEADER, standardBase64Payload()),
      reason: /invalid_internal_token: jwt malformed/,
    },
    { name: 'a padded payload (==)', token: () => hs256(HS256_HEADER, paddedPayload()), reason: /invalid_internal_token: jwt malformed/ },
    {
      name: 'whitespace inside the payload',
      token: () => {
        const p = b64(claims())
        return hs256(HS256_HEADER, `${p.slice(0, 8)} ${p.slice(8)}`)
      },
      reason: /invalid_internal_token: jwt malformed/,
    },
    {
      name: 'a payload of 4n+1 characters (no base64url length)',
      token: () => hs256(HS256_HEADER, `${Buffer.from(jsonOfLength(0)).toString('base64url')}A`),
      reason: /invalid_internal_token: jwt malformed/,
    },
    {
      name: 'a signature in the standard base64 alphabet',
      token: standardBase64Signature,
      reason: /invalid_internal_token: jwt malformed/,
    },
    // The payload.
    {
      name: 'a payload that is an array',
      token: () => hs256(HS256_HEADER, [claims()]),
      reason: /invalid_internal_token: payload is not a JSON object/,
    },
    {
      name: 'a payload that is JSON null',
      token: () => hs256(HS256_HEADER, null),
      reason: /invalid_internal_token: payload is not a JSON object/,
    },
    {
      name: 'a payload that is not JSON',
      token: () => hs256(HS256_HEADER, Buffer.from('{"iat":1,').toString('base64url')),
      reason: /invalid_internal_token: payload is not a JSON object/,
    },
    // The registered claims.
    {
      name: 'aud an array holding the audience',
      token: () => hs256(HS256_HEADER, claims({ aud: ['asylum'] })),
      reason: /invalid_internal_token: jwt audience invalid/,
    },
    {
      name: 'aud an array by jsonwebtoken',
      token: () => forged({}, { audience: ['asylum'] }),
      reason: /invalid_internal_token: jwt audience invalid/,
    },
    {
      name: 'no aud',
      token: () => hs256(HS256_HEADER, claims({ aud: undefined })),
      reason: /invalid_internal_token: jwt audience invalid/,
    },
    { name: 'no iss', token: () => hs256(HS256_HEADER, claims({ iss: undefined })), reason: /invalid_internal_token: jwt issuer invalid/ },
    {
      name: 'expired by exactly the clock tolerance',
      token: () => signer.sign(staff, 'asylum'),
      at: T0 + 65_000,
      reason: /invalid_internal_token: jwt expired/,
    },
    { name: 'no exp', token: () => hs256(HS256_HEADER, claims({ exp: undefined })), reason: /invalid_internal_token: jwt exp required/ },
    {
      name: 'exp a string',
      token: () => hs256(HS256_HEADER, claims({ exp: String(T0 / 1000 + 60) })),
      reason: /invalid_internal_token: invalid exp value/,
    },
    {
      name: 'nbf beyond the clock tolerance ahead',
      token: () => hs256(HS256_HEADER, claims({ nbf: T0 / 1000 + 6 })),
      reason: /invalid_internal_token: jwt not active/,
    },
    {
      name: 'nbf by jsonwebtoken, 30 s ahead',
      token: () => forged({ nbf: T0 / 1000 + 30 }),
      reason: /invalid_internal_token: jwt not active/,
    },
    {
      name: 'nbf a string',
      token: () => hs256(HS256_HEADER, claims({ nbf: String(T0 / 1000) })),
      reason: /invalid_internal_token: invalid nbf value/,
    },
  ]

  it.each(refusedJws)('refuses $name with 401 UNAUTHENTICATED', ({ token, at, reason }) => {
    let err: unknown
    try {
      verifierAt(at ?? T0).verify(token())
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(AuthError)
    expect(err).toMatchObject({ status: 401, code: 'UNAUTHENTICATED', message: 'Missing or invalid internal identity token' })
    expect((err as AuthError).reason).toMatch(reason)
  })

  it.each([
    { name: 'signer', create: () => createInternalTokenSigner('too-short') },
    { name: 'verifier', create: () => createInternalTokenVerifier('x'.repeat(31), 'asylum') },
  ])('the $name refuses a secret under 32 characters', ({ create }) => {
    expect(create).toThrow(/at least 32 characters/)
  })

  it('the verifier needs an audience', () => {
    expect(() => createInternalTokenVerifier(SECRET, '')).toThrow(/audience/)
    expect(() => signer.sign(staff, '')).toThrow(/audience/)
  })
})

describe('readInternalTokenSecret', () => {
  it.each([
    { env: {}, error: /INTERNAL_TOKEN_SECRET is not set/ },
    { env: { INTERNAL_TOKEN_SECRET: '' }, error: /INTERNAL_TOKEN_SECRET is not set/ },
    { env: { INTERNAL_TOKEN_SECRET: 'x'.repeat(31) }, error: /INTERNAL_TOKEN_SECRET must be at least 32/ },
  ])('refuses $env', ({ env, error }) => {
    expect(() => readInternalTokenSecret(env)).toThrow(error)
  })
  it('returns a good secret', () => {
    expect(readInternalTokenSecret({ INTERNAL_TOKEN_SECRET: SECRET })).toBe(SECRET)
  })
})
