import { generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import jwt from 'jsonwebtoken'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { AuthError } from '../principal.js'
import { createAuthenticator, type Authenticator } from './create-authenticator.js'
import { readIdentityConfig, type IdentityConfig } from './identity-config.js'

// JWKS rotation and refresh through the public surface (cases T08–T10, T12 of docs/access-control.md#adversarial-cases), against a real
// identity-provider stand-in on a loopback port that counts every request it sees.
const ISS = 'https://idp.test/realms/kl'
const COOLDOWN_MS = 30_000
const MAX_AGE_MS = 600_000

const k1 = generateKeyPairSync('rsa', { modulusLength: 2048 })
const k2 = generateKeyPairSync('rsa', { modulusLength: 2048 })
const e1 = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
const weak = generateKeyPairSync('rsa', { modulusLength: 1024 })
const p384 = generateKeyPairSync('ec', { namedCurve: 'secp384r1' })
const attacker = generateKeyPairSync('rsa', { modulusLength: 2048 })

const jwk = (key: KeyObject, kid: string, extra: Record<string, unknown> = {}) => ({
  ...key.export({ format: 'jwk' }),
  kid,
  use: 'sig',
  ...extra,
})

interface CountingServer {
  url: string
  requests: number
  body: unknown
  status: number
  hang: boolean
  server: Server
}

async function countingServer(path: string): Promise<CountingServer> {
  const state: CountingServer = { url: '', requests: 0, body: { keys: [] }, status: 200, hang: false, server: null as never }
  state.server = createServer((req, res) => {
    state.requests++
    if (state.hang) return // never answers: the client's timeout must end the wait
    res.writeHead(state.status, { 'content-type': 'application/json' })
    res.end(JSON.stringify(req.url === path ? state.body : { error: 'not found' }))
  })
  await new Promise<void>(resolve => state.server.listen(0, '127.0.0.1', resolve))
  state.url = `http://127.0.0.1:${(state.server.address() as AddressInfo).port}${path}`
  return state
}

let idp: CountingServer
let attackerServer: CountingServer
let clockMs: number
let warnings: string[]
const open: Authenticator[] = []

beforeAll(async () => {
  idp = await countingServer('/realms/kl/protocol/openid-connect/certs')
  attackerServer = await countingServer('/jwks.json')
  attackerServer.body = { keys: [jwk(attacker.publicKey, 'k1', { alg: 'RS256' })] }
})
afterAll(async () => {
  for (const a of open) a.close()
  for (const s of [idp, attackerServer]) {
    s.hang = false
    s.server.closeAllConnections()
    await new Promise(resolve => s.server.close(resolve))
  }
})
beforeEach(() => {
  idp.requests = 0
  idp.status = 200
  idp.hang = false
  attackerServer.requests = 0
  clockMs = Date.UTC(2026, 0, 15, 10, 0, 0)
  warnings = []
})

function authenticator(over: Partial<IdentityConfig> = {}, fetchTimeoutMs = 5_000): Authenticator {
  const config = { ...readIdentityConfig({ AUTH_ISSUER: ISS, AUTH_JWKS_URL: idp.url }), jwksCooldownMs: COOLDOWN_MS, ...over }
  const auth = createAuthenticator(config, { now: () => clockMs, jwksMaxAgeMs: MAX_AGE_MS, fetchTimeoutMs, warn: m => warnings.push(m) })
  open.push(auth)
  return auth
}

function token(
  kid: string,
  key: KeyObject,
  algorithm: 'RS256' | 'ES256' = 'RS256',
  header: Record<string, unknown> = {},
): { authorization: string } {
  const iat = Math.floor(clockMs / 1000)
  const signed = jwt.sign({ iss: ISS, aud: 'stadtgraph', sub: 'u1', iat, exp: iat + 300, roles: ['staff'] }, key, {
    algorithm,
    header: { alg: algorithm, kid, ...header },
    allowInsecureKeySizes: true,
  })
  return { authorization: `Bearer ${signed}` }
}

async function reasonOf(auth: Authenticator, headers: { authorization: string }): Promise<string> {
  const err = await auth.authenticate(headers).then(
    () => null,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(AuthError)
  expect(err).toMatchObject({ status: 401, code: 'UNAUTHENTICATED', message: 'Invalid or expired token' })
  return (err as AuthError).reason
}

describe('JWKS: refresh on unknown kid is single-flight and rate-limited (T08)', () => {
  it('100 concurrent unknown kids cause one fetch; a flood within the cooldown none; after the cooldown at most one', async () => {
    idp.body = { keys: [jwk(k1.publicKey, 'k1')] }
    const auth = authenticator()
    const flood = () => Promise.all(Array.from({ length: 100 }, () => reasonOf(auth, token(randomUUID(), attacker.privateKey))))

    const first = await flood()
    expect(first.every(r => r.startsWith('unknown_kid'))).toBe(true)
    expect(idp.requests).toBe(1)

    clockMs += COOLDOWN_MS - 1
    await flood()
    expect(idp.requests).toBe(1)

    clockMs += 1
    const after = await flood()
    expect(after.every(r => r.startsWith('unknown_kid'))).toBe(true)
    expect(idp.requests).toBe(2)

    // the trusted key kept working throughout
    await expect(auth.authenticate(token('k1', k1.privateKey))).resolves.toMatchObject({ subject: 'u1' })
    expect(idp.requests).toBe(2)
  })

  it('known kids are served from memory: 200 verifications, one fetch', async () => {
    idp.body = { keys: [jwk(k1.publicKey, 'k1'), jwk(e1.publicKey, 'e1')] }
    const auth = authenticator()
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        auth.authenticate(i % 2 === 0 ? token('k1', k1.privateKey) : token('e1', e1.privateKey, 'ES256')),
      ),
    )
    for (let i = 0; i < 100; i++) await auth.authenticate(token('k1', k1.privateKey))
    expect(results.every(p => p.subject === 'u1')).toBe(true)
    expect(idp.requests).toBe(1)
  })

  it('building an authenticator fetches nothing', async () => {
    idp.body = { keys: [jwk(k1.publicKey, 'k1')] }
    authenticator()
    await new Promise(resolve => setImmediate(resolve))
    expect(idp.requests).toBe(0)
  })
})

describe('JWKS: rotation without restart (T09)', () => {
  it('k2 is picked up on its first token; once k1 leaves the JWKS, k1 tokens are refused', async () => {
    idp.body = { keys: [jwk(k1.publicKey, 'k1')] }
    const auth = authenticator()
    await expect(auth.authenticate(token('k1', k1.privateKey))).resolves.toMatchObject({ subject: 'u1' })
    expect(idp.requests).toBe(1)

    // the IdP adds k2 and signs with it
    idp.body = { keys: [jwk(k1.publicKey, 'k1'), jwk(k2.publicKey, 'k2')] }
    clockMs += COOLDOWN_MS
    await expect(auth.authenticate(token('k2', k2.privateKey))).resolves.toMatchObject({ subject: 'u1' })
    expect(idp.requests).toBe(2)

    // the IdP removes k1: still cached until the set's maximum age ...
    idp.body = { keys: [jwk(k2.publicKey, 'k2')] }
    clockMs += MAX_AGE_MS - 1
    await expect(auth.authenticate(token('k1', k1.privateKey))).resolves.toMatchObject({ subject: 'u1' })
    expect(idp.requests).toBe(2)
    // ... then the set is refreshed before use and k1 no longer verifies
    clockMs += 1
    expect(await reasonOf(auth, token('k1', k1.privateKey))).toMatch(/unknown_kid/)
    expect(idp.requests).toBe(3)
    await expect(auth.authenticate(token('k2', k2.privateKey))).resolves.toMatchObject({ subject: 'u1' })
  })

  it('a refresh triggered by an unknown kid also drops removed keys', async () => {
    idp.body = { keys: [jwk(k1.publicKey, 'k1')] }
    const auth = authenticator()
    await expect(auth.authenticate(token('k1', k1.privateKey))).resolves.toBeTruthy()
    idp.body = { keys: [jwk(k2.publicKey, 'k2')] }
    clockMs += COOLDOWN_MS
    await expect(auth.authenticate(token('k2', k2.privateKey))).resolves.toBeTruthy()
    expect(await reasonOf(auth, token('k1', k1.privateKey))).toMatch(/unknown_kid/)
    expect(idp.requests).toBe(2)
  })

  it('a key swapped under the same kid verifies with the new material only', async () => {
    idp.body = { keys: [jwk(k1.publicKey, 'k1')] }
    const auth = authenticator()
    await expect(auth.authenticate(token('k1', k1.privateKey))).resolves.toBeTruthy()
    idp.body = { keys: [jwk(k2.publicKey, 'k1')] }
    clockMs += MAX_AGE_MS
    expect(await reasonOf(auth, token('k1', k1.privateKey))).toBe('invalid_signature')
    await expect(auth.authenticate(token('k1', k2.privateKey))).resolves.toBeTruthy()
  })

  it('a remembered token is not answered from memory once its key left the JWKS or was swapped', async () => {
    idp.body = { keys: [jwk(k1.publicKey, 'k1')] }
    const auth = authenticator()
    const remembered = token('k1', k1.privateKey)
    await expect(auth.authenticate(remembered)).resolves.toMatchObject({ subject: 'u1' })
    await expect(auth.authenticate(remembered)).resolves.toMatchObject({ subject: 'u1' })
    expect(auth.cacheStats()).toMatchObject({ entries: 1, hits: 1 })
    // k1 is swapped under its kid (and k2 added); a token with k2 makes the set refresh, well before `remembered` expires.
    idp.body = { keys: [jwk(k2.publicKey, 'k1'), jwk(k2.publicKey, 'k2')] }
    clockMs += COOLDOWN_MS
    await expect(auth.authenticate(token('k2', k2.privateKey))).resolves.toMatchObject({ subject: 'u1' })
    expect(await reasonOf(auth, remembered)).toBe('invalid_signature')
    expect(auth.cacheStats().entries).toBe(1) // the k2 token only: the refused one is no longer held
    // k1 leaves the set (a token with an unknown kid makes it refresh): refused for its kid.
    idp.body = { keys: [jwk(k2.publicKey, 'k2')] }
    clockMs += COOLDOWN_MS
    expect(await reasonOf(auth, token('k3', k2.privateKey))).toMatch(/unknown_kid/)
    expect(idp.requests).toBe(3)
    expect(await reasonOf(auth, remembered)).toMatch(/unknown_kid/)
    expect(auth.cacheStats().entries).toBe(1)
  })

  it('an unreachable or broken JWKS keeps the last good keys and answers 401 for new kids', async () => {
    idp.body = { keys: [jwk(k1.publicKey, 'k1')] }
    const auth = authenticator()
    await expect(auth.authenticate(token('k1', k1.privateKey))).resolves.toBeTruthy()
    idp.status = 500
    clockMs += MAX_AGE_MS
    await expect(auth.authenticate(token('k1', k1.privateKey))).resolves.toBeTruthy()
    expect(await reasonOf(auth, token('k2', k2.privateKey))).toMatch(/unknown_kid \(JWKS fetch failed/)
    expect(idp.requests).toBe(2)
    idp.status = 200
    idp.body = { keys: 'not an array' }
    clockMs += COOLDOWN_MS
    expect(await reasonOf(auth, token('k2', k2.privateKey))).toMatch(/unknown_kid \(JWKS fetch failed/)
    idp.body = { keys: [jwk(k1.publicKey, 'k1'), jwk(k2.publicKey, 'k2')] }
    clockMs += COOLDOWN_MS
    await expect(auth.authenticate(token('k2', k2.privateKey))).resolves.toBeTruthy()
    expect(idp.requests).toBe(4)
    expect(warnings.filter(w => w.startsWith('JWKS fetch failed'))).toHaveLength(2)
  })

  it('a JWKS that never answers times out into a 401', async () => {
    idp.hang = true
    const auth = authenticator({}, 200)
    expect(await reasonOf(auth, token('k1', k1.privateKey))).toMatch(/unknown_kid \(JWKS fetch failed/)
    expect(idp.requests).toBe(1)
  })

  it('after close() no further fetches happen', async () => {
    idp.body = { keys: [jwk(k1.publicKey, 'k1')] }
    const auth = authenticator()
    await expect(auth.authenticate(token('k1', k1.privateKey))).resolves.toBeTruthy()
    auth.close()
    clockMs += MAX_AGE_MS
    await expect(auth.authenticate(token('k1', k1.privateKey))).resolves.toBeTruthy()
    expect(await reasonOf(auth, token('k2', k2.privateKey))).toMatch(/unknown_kid/)
    expect(idp.requests).toBe(1)
  })
})

describe('JWKS: header injection never causes an outbound request (T10)', () => {
  it.each([
    { name: 'jku to the attacker', header: () => ({ jku: attackerServer.url }) },
    { name: 'x5u to the attacker', header: () => ({ x5u: attackerServer.url }) },
    { name: 'jku with an unknown kid', header: () => ({ jku: attackerServer.url }), kid: 'attacker-kid' },
    { name: 'embedded jwk', header: () => ({ jwk: jwk(attacker.publicKey, 'k1') }) },
  ])('$name: 401, the attacker listener and the IdP see nothing', async ({ header, kid }) => {
    idp.body = { keys: [jwk(k1.publicKey, 'k1')] }
    const auth = authenticator()
    expect(await reasonOf(auth, token(kid ?? 'k1', attacker.privateKey, 'RS256', header()))).toMatch(/forbidden_header/)
    expect(attackerServer.requests).toBe(0)
    expect(idp.requests).toBe(0)
  })

  it('an HS256 token naming an unknown kid triggers no fetch', async () => {
    idp.body = { keys: [jwk(k1.publicKey, 'k1')] }
    const auth = authenticator()
    const iat = Math.floor(clockMs / 1000)
    const hs = jwt.sign({ iss: ISS, aud: 'stadtgraph', sub: 'u1', iat, exp: iat + 60, roles: ['staff'] }, 'x'.repeat(40), {
      algorithm: 'HS256',
      header: { alg: 'HS256', kid: 'nope' },
    })
    expect(await reasonOf(auth, { authorization: `Bearer ${hs}` })).toMatch(/algorithm_not_allowed/)
    expect(idp.requests).toBe(0)
  })

  it('HS256 signed with a loaded JWKS public key as secret is refused (T02 against the JWKS)', async () => {
    idp.body = { keys: [jwk(k1.publicKey, 'k1')] }
    const auth = authenticator({ hs256Secret: 'explicit-hs256-secret-for-tests-0123456789' })
    await expect(auth.authenticate(token('k1', k1.privateKey))).resolves.toBeTruthy()
    const iat = Math.floor(clockMs / 1000)
    const pem = k1.publicKey.export({ type: 'spki', format: 'pem' }) as string
    const { createHmac } = await import('node:crypto')
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url')
    const input = `${b64({ alg: 'HS256', kid: 'k1' })}.${b64({ iss: ISS, aud: 'stadtgraph', sub: 'u1', iat, exp: iat + 60, roles: ['admin'] })}`
    const forged = `${input}.${createHmac('sha256', pem).update(input).digest('base64url')}`
    expect(await reasonOf(auth, { authorization: `Bearer ${forged}` })).toMatch(/algorithm_mismatch/)
  })
})

describe('JWKS: unsuitable keys are refused at load (T12)', () => {
  const refusedKeys = [
    {
      name: '1024-bit RSA',
      kid: 'weak',
      entry: () => jwk(weak.publicKey, 'weak'),
      sign: () => token('weak', weak.privateKey),
      warning: /1024 bits/,
    },
    {
      name: 'EC key declaring alg RS256',
      kid: 'ec-as-rs',
      entry: () => jwk(e1.publicKey, 'ec-as-rs', { alg: 'RS256' }),
      sign: () => token('ec-as-rs', e1.privateKey, 'ES256'),
      warning: /does not match kty EC/,
    },
    {
      name: 'RSA key declaring alg ES256',
      kid: 'rs-as-es',
      entry: () => jwk(k2.publicKey, 'rs-as-es', { alg: 'ES256' }),
      sign: () => token('rs-as-es', k2.privateKey),
      warning: /does not match kty RSA/,
    },
    {
      name: 'RSA key declaring alg PS256',
      kid: 'ps',
      entry: () => jwk(k2.publicKey, 'ps', { alg: 'PS256' }),
      sign: () => token('ps', k2.privateKey),
      warning: /does not match/,
    },
    {
      name: 'P-384 curve',
      kid: 'p384',
      entry: () => jwk(p384.publicKey, 'p384'),
      sign: () => token('p384', e1.privateKey, 'ES256'),
      warning: /P-256/,
    },
    {
      name: 'use "wrap"',
      kid: 'wrap',
      entry: () => jwk(k2.publicKey, 'wrap', { use: 'wrap' }),
      sign: () => token('wrap', k2.privateKey),
      warning: /use "wrap"/,
    },
    {
      name: 'private key material',
      kid: 'priv',
      entry: () => ({ ...k2.privateKey.export({ format: 'jwk' }), kid: 'priv' }),
      sign: () => token('priv', k2.privateKey),
      warning: /private/,
    },
    {
      name: 'symmetric oct key',
      kid: 'oct',
      entry: () => ({ kty: 'oct', k: Buffer.from('x'.repeat(40)).toString('base64url'), kid: 'oct' }),
      sign: () => token('oct', k2.privateKey),
      warning: /symmetric/,
    },
    {
      name: 'RSA JWK with garbage modulus',
      kid: 'junk',
      entry: () => ({ kty: 'RSA', n: 'AQAB', e: 'AQAB', kid: 'junk' }),
      sign: () => token('junk', k2.privateKey),
      warning: /junk/,
    },
  ]

  it.each(refusedKeys)('$name: refused with a warning; its tokens give 401; good keys still load', async ({ entry, sign, warning }) => {
    idp.body = { keys: [entry(), jwk(k1.publicKey, 'k1')] }
    const auth = authenticator()
    expect(await reasonOf(auth, sign())).toMatch(/unknown_kid/)
    expect(warnings.some(w => warning.test(w))).toBe(true)
    await expect(auth.authenticate(token('k1', k1.privateKey))).resolves.toMatchObject({ subject: 'u1' })
    expect(idp.requests).toBe(1)
  })

  it('EC P-256 and RSA keys without alg or use are accepted with their implied algorithm', async () => {
    const bare = (key: KeyObject, kid: string) => ({ ...key.export({ format: 'jwk' }), kid })
    idp.body = { keys: [bare(k1.publicKey, 'k1'), bare(e1.publicKey, 'e1')] }
    const auth = authenticator()
    await expect(auth.authenticate(token('k1', k1.privateKey))).resolves.toBeTruthy()
    await expect(auth.authenticate(token('e1', e1.privateKey, 'ES256'))).resolves.toBeTruthy()
    expect(await reasonOf(auth, token('e1', k1.privateKey, 'RS256'))).toMatch(/algorithm_mismatch/)
  })

  it('encryption keys (use "enc", as Keycloak publishes them) are skipped without a warning', async () => {
    idp.body = { keys: [jwk(k2.publicKey, 'enc', { use: 'enc', alg: 'RSA-OAEP' }), jwk(k1.publicKey, 'k1')] }
    const auth = authenticator()
    expect(await reasonOf(auth, token('enc', k2.privateKey))).toMatch(/unknown_kid/)
    await expect(auth.authenticate(token('k1', k1.privateKey))).resolves.toBeTruthy()
    expect(warnings).toEqual([])
  })

  it('a duplicate kid keeps the first key and warns', async () => {
    idp.body = { keys: [jwk(k1.publicKey, 'k1'), jwk(k2.publicKey, 'k1')] }
    const auth = authenticator()
    await expect(auth.authenticate(token('k1', k1.privateKey))).resolves.toBeTruthy()
    expect(await reasonOf(auth, token('k1', k2.privateKey))).toBe('invalid_signature')
    expect(warnings.some(w => /duplicate kid/.test(w))).toBe(true)
  })
})
