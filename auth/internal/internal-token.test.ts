import { createSecretKey } from 'node:crypto'
import jwt from 'jsonwebtoken'
import { describe, expect, it } from 'vitest'
import { AuthError, PUBLIC_PRINCIPAL } from '../principal.js'
import {
  createInternalTokenSigner, createInternalTokenVerifier, INTERNAL_TOKEN_HEADER, readInternalTokenSecret, type InternalIdentity,
} from './internal-token.js'

const SECRET = 'internal-secret-for-tests-0123456789abcdef'
const OTHER_SECRET = 'another-internal-secret-0123456789abcdef'
const T0 = Date.UTC(2026, 0, 15, 10, 0, 0)

const staff: InternalIdentity = {
  subject: 'u1', roles: ['staff'], department: 'soziales', purpose: 'Unterbringungsplanung', authenticated: true,
  aggregateOnly: false, policyVersion: 7, scopes: ['open', 'soziales:internal', 'soziales:personal'],
}
const anonymous: InternalIdentity = { ...PUBLIC_PRINCIPAL, aggregateOnly: true, policyVersion: 7, scopes: ['open'] }

const signer = createInternalTokenSigner(SECRET, { now: () => T0 })
const verifierAt = (ms: number, audience = 'asylum', secret = SECRET) => createInternalTokenVerifier(secret, audience, { now: () => ms })
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url')

/** A token signed with the right secret but a shape of the test's choosing (a gateway bug, an old gateway version). */
function forged(claims: Record<string, unknown>, opts: jwt.SignOptions = {}): string {
  return jwt.sign({ iat: T0 / 1000, exp: T0 / 1000 + 60, roles: ['staff'], department: null, purpose: null, authenticated: true, aggregateOnly: false, policyVersion: 1, sub: 'u1', ...claims },
    createSecretKey(Buffer.from(SECRET)), withoutUndefined<jwt.SignOptions>({ algorithm: 'HS256', issuer: 'stadtgraph-gateway', audience: 'asylum', jwtid: 'j1', ...opts }))
}
const withoutUndefined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T

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

  const refused: Array<{ name: string; token: () => string | undefined; verifier?: () => ReturnType<typeof verifierAt>; reason: RegExp }> = [
    { name: 'missing', token: () => undefined, reason: /missing_internal_token/ },
    { name: 'empty', token: () => '', reason: /missing_internal_token/ },
    { name: 'garbage', token: () => 'not-a-token', reason: /jwt malformed/ },
    { name: 'oversize', token: () => 'a'.repeat(9000), reason: /too_large/ },
    { name: 'wrong audience (signed for geo, presented to asylum)', token: () => signer.sign(staff, 'geo'), reason: /audience/ },
    { name: 'expired (replayed after its window)', token: () => signer.sign(staff, 'asylum'), verifier: () => verifierAt(T0 + 66_000), reason: /jwt expired/ },
    { name: 'issued in the future', token: () => createInternalTokenSigner(SECRET, { now: () => T0 + 120_000 }).sign(staff, 'asylum'), reason: /nbf|iat|shape|future/ },
    { name: 'signed with another secret', token: () => createInternalTokenSigner(OTHER_SECRET).sign(staff, 'asylum'), verifier: () => createInternalTokenVerifier(SECRET, 'asylum'), reason: /invalid signature/ },
    { name: 'tampered payload (roles → admin)', token: () => { const [h, , s] = signer.sign(staff, 'asylum').split('.'); return `${h}.${b64({ ...jwt.decode(signer.sign(staff, 'asylum')) as object, roles: ['admin'] })}.${s}` }, reason: /invalid signature/ },
    { name: 'tampered signature', token: () => { const t = signer.sign(staff, 'asylum'); return t.slice(0, -2) + (t.endsWith('AA') ? 'BB' : 'AA') }, reason: /invalid signature/ },
    { name: 'alg none', token: () => `${b64({ alg: 'none' })}.${b64(jwt.decode(signer.sign(staff, 'asylum')))}.`, reason: /signature is required|invalid/ },
    { name: 'a client bearer token (wrong issuer)', token: () => forged({}, { issuer: 'https://stadtgraph.local/dev' }), reason: /issuer/ },
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
