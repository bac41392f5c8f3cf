import { generateKeyPairSync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { readIdentityConfig } from './identity-config.js'

const spki = (k: import('node:crypto').KeyObject) => k.export({ type: 'spki', format: 'pem' }) as string
const rsaPem = spki(generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey)
const ecPem = spki(generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey)
const weakPem = spki(generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey)
const p384Pem = spki(generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).publicKey)
const keys = (...entries: unknown[]) => JSON.stringify(entries)

describe('readIdentityConfig', () => {
  it('development defaults: dev HS256 secret, not production, frozen', () => {
    const c = readIdentityConfig({})
    expect(c).toMatchObject({
      issuer: 'https://stadtgraph.local/dev',
      audience: 'stadtgraph',
      publicKeys: [],
      jwksUrl: null,
      jwksCooldownMs: 30_000,
      leewaySeconds: 30,
      maxTokenAgeSeconds: 43_200,
      roleHeader: 'x-stadtgraph-role',
      rolesClaim: [['roles']],
      production: false,
    })
    expect(c.hs256Secret?.length).toBeGreaterThanOrEqual(32)
    expect(Object.isFrozen(c)).toBe(true)
    expect(Object.isFrozen(c.publicKeys)).toBe(true)
  })

  it.each([
    { name: 'a JWKS URL', env: { AUTH_JWKS_URL: 'https://idp.example/realms/kl/protocol/openid-connect/certs' } },
    { name: 'public keys', env: { AUTH_PUBLIC_KEYS: keys({ kid: 'k1', pem: rsaPem, algorithm: 'RS256' }) } },
  ])('$name make it production and switch the dev secret off', ({ env }) => {
    const c = readIdentityConfig(env)
    expect(c.production).toBe(true)
    expect(c.hs256Secret).toBeNull()
  })

  it('an explicit HS256 secret is kept next to production keys', () => {
    const c = readIdentityConfig({ AUTH_JWKS_URL: 'https://idp.example/certs', AUTH_HS256_SECRET: 's'.repeat(32) })
    expect(c).toMatchObject({ production: true, hs256Secret: 's'.repeat(32) })
  })

  it('reads every variable', () => {
    const c = readIdentityConfig({
      AUTH_ISSUER: 'https://idp.test/realms/kl',
      AUTH_AUDIENCE: 'sg',
      AUTH_HS256_SECRET: 'h'.repeat(40),
      AUTH_PUBLIC_KEYS: keys({ kid: 'k1', pem: rsaPem, algorithm: 'RS256' }, { kid: 'e1', pem: ecPem, algorithm: 'ES256' }),
      AUTH_JWKS_URL: 'http://127.0.0.1:8080/certs',
      AUTH_JWKS_COOLDOWN_MS: '1000',
      AUTH_LEEWAY_SECONDS: '0',
      AUTH_MAX_TOKEN_AGE_SECONDS: '3600',
      AUTH_ROLE_HEADER: 'X-Role',
      AUTH_ROLES_CLAIM: 'realm_access.roles, resource_access.stadtgraph.roles',
    })
    expect(c.rolesClaim).toEqual([
      ['realm_access', 'roles'],
      ['resource_access', 'stadtgraph', 'roles'],
    ])
    expect(c).toMatchObject({
      issuer: 'https://idp.test/realms/kl',
      audience: 'sg',
      hs256Secret: 'h'.repeat(40),
      jwksUrl: 'http://127.0.0.1:8080/certs',
      jwksCooldownMs: 1000,
      leewaySeconds: 0,
      maxTokenAgeSeconds: 3600,
      roleHeader: 'x-role',
      production: true,
    })
    expect(c.publicKeys.map(k => [k.kid, k.algorithm])).toEqual([
      ['k1', 'RS256'],
      ['e1', 'ES256'],
    ])
    expect(Object.isFrozen(c.publicKeys[0])).toBe(true)
  })

  it.each([
    { env: { AUTH_LEEWAY_SECONDS: '61' }, variable: 'AUTH_LEEWAY_SECONDS' },
    { env: { AUTH_LEEWAY_SECONDS: '-1' }, variable: 'AUTH_LEEWAY_SECONDS' },
    { env: { AUTH_LEEWAY_SECONDS: '1.5' }, variable: 'AUTH_LEEWAY_SECONDS' },
    { env: { AUTH_LEEWAY_SECONDS: 'thirty' }, variable: 'AUTH_LEEWAY_SECONDS' },
    { env: { AUTH_MAX_TOKEN_AGE_SECONDS: '0' }, variable: 'AUTH_MAX_TOKEN_AGE_SECONDS' },
    { env: { AUTH_MAX_TOKEN_AGE_SECONDS: '315360000' }, variable: 'AUTH_MAX_TOKEN_AGE_SECONDS' },
    { env: { AUTH_JWKS_COOLDOWN_MS: 'soon' }, variable: 'AUTH_JWKS_COOLDOWN_MS' },
    { env: { AUTH_HS256_SECRET: 'short' }, variable: 'AUTH_HS256_SECRET' },
    { env: { AUTH_JWKS_URL: 'not a url' }, variable: 'AUTH_JWKS_URL' },
    { env: { AUTH_JWKS_URL: 'file:///etc/passwd' }, variable: 'AUTH_JWKS_URL' },
    { env: { AUTH_ROLE_HEADER: 'x role' }, variable: 'AUTH_ROLE_HEADER' },
    { env: { AUTH_ROLE_HEADER: 'Authorization' }, variable: 'AUTH_ROLE_HEADER' },
    { env: { AUTH_ROLES_CLAIM: 'realm_access..roles' }, variable: 'AUTH_ROLES_CLAIM' },
    { env: { AUTH_ROLES_CLAIM: 'roles[0]' }, variable: 'AUTH_ROLES_CLAIM' },
    { env: { AUTH_ROLES_CLAIM: '__proto__.roles' }, variable: 'AUTH_ROLES_CLAIM' },
    { env: { AUTH_ROLES_CLAIM: ' , ' }, variable: 'AUTH_ROLES_CLAIM' },
    { env: { AUTH_PUBLIC_KEYS: 'nope' }, variable: 'AUTH_PUBLIC_KEYS' },
    { env: { AUTH_PUBLIC_KEYS: '{"kid":"k1"}' }, variable: 'AUTH_PUBLIC_KEYS' },
    { env: { AUTH_PUBLIC_KEYS: keys({ kid: 'k1' }) }, variable: 'AUTH_PUBLIC_KEYS' },
    { env: { AUTH_PUBLIC_KEYS: keys({ kid: 'k1', pem: 'garbage', algorithm: 'RS256' }) }, variable: 'AUTH_PUBLIC_KEYS' },
    { env: { AUTH_PUBLIC_KEYS: keys({ kid: 'k1', pem: rsaPem, algorithm: 'HS256' }) }, variable: 'AUTH_PUBLIC_KEYS' },
    { env: { AUTH_PUBLIC_KEYS: keys({ kid: 'k1', pem: rsaPem, algorithm: 'ES256' }) }, variable: 'AUTH_PUBLIC_KEYS' },
    { env: { AUTH_PUBLIC_KEYS: keys({ kid: 'e1', pem: ecPem, algorithm: 'RS256' }) }, variable: 'AUTH_PUBLIC_KEYS' },
    { env: { AUTH_PUBLIC_KEYS: keys({ kid: 'w', pem: weakPem, algorithm: 'RS256' }) }, variable: 'AUTH_PUBLIC_KEYS' },
    { env: { AUTH_PUBLIC_KEYS: keys({ kid: 'p', pem: p384Pem, algorithm: 'ES256' }) }, variable: 'AUTH_PUBLIC_KEYS' },
    {
      env: { AUTH_PUBLIC_KEYS: keys({ kid: 'k1', pem: rsaPem, algorithm: 'RS256' }, { kid: 'k1', pem: rsaPem, algorithm: 'RS256' }) },
      variable: 'AUTH_PUBLIC_KEYS',
    },
  ])('$variable=$env.* is refused with the variable named', ({ env, variable }) => {
    expect(() => readIdentityConfig(env)).toThrow(variable)
  })

  it('empty variables count as unset', () => {
    const c = readIdentityConfig({ AUTH_JWKS_URL: '', AUTH_PUBLIC_KEYS: ' ', AUTH_LEEWAY_SECONDS: '' })
    expect(c).toMatchObject({ production: false, jwksUrl: null, leewaySeconds: 30 })
  })
})
