import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { createAuthenticator } from './create-authenticator.js'
import { signDevToken } from './dev-token.js'
import { readIdentityConfig } from './identity-config.js'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const devConfig = readIdentityConfig({})

describe('signDevToken', () => {
  it('signs a token the authenticator accepts', async () => {
    const token = signDevToken(devConfig, {
      roles: ['committee', 'staff'],
      department: 'asylum',
      sub: 'u1',
      purpose: 'Planung',
      ttlSeconds: 600,
    })
    const principal = await createAuthenticator(devConfig).authenticate({ authorization: `Bearer ${token}` })
    expect(principal).toEqual({
      subject: 'u1',
      roles: ['committee', 'staff'],
      department: 'asylum',
      purpose: 'Planung',
      authenticated: true,
    })
    const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString())
    expect(payload.exp - payload.iat).toBe(600)
    expect(JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString())).toEqual({ alg: 'HS256', typ: 'JWT' })
  })

  it('puts the roles where AUTH_ROLES_CLAIM says the gateway reads them', async () => {
    const keycloak = readIdentityConfig({ AUTH_ROLES_CLAIM: 'realm_access.roles' })
    const token = signDevToken(keycloak, { roles: ['committee'] })
    expect(JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString())).toMatchObject({ realm_access: { roles: ['committee'] } })
    expect((await createAuthenticator(keycloak).authenticate({ authorization: `Bearer ${token}` })).roles).toEqual(['committee'])
  })

  it.each([
    {
      name: 'production config',
      config: readIdentityConfig({ AUTH_JWKS_URL: 'https://idp.example/certs' }),
      opts: { roles: ['staff'] },
      error: /production/,
    },
    {
      name: 'production config with an explicit HS secret',
      config: readIdentityConfig({ AUTH_JWKS_URL: 'https://idp.example/certs', AUTH_HS256_SECRET: 'x'.repeat(32) }),
      opts: { roles: ['staff'] },
      error: /production/,
    },
    { name: 'no HS secret', config: { ...devConfig, hs256Secret: null }, opts: { roles: ['staff'] }, error: /no HS256 secret/ },
    { name: 'no roles', config: devConfig, opts: { roles: [] }, error: /roles/ },
    { name: 'a role with a space', config: devConfig, opts: { roles: ['staff admin'] }, error: /roles/ },
    { name: 'ttl over the maximum token age', config: devConfig, opts: { roles: ['staff'], ttlSeconds: 43_201 }, error: /ttlSeconds/ },
    { name: 'ttl zero', config: devConfig, opts: { roles: ['staff'], ttlSeconds: 0 }, error: /ttlSeconds/ },
  ])('refuses: $name', ({ config, opts, error }) => {
    expect(() => signDevToken(config, opts)).toThrow(error)
  })
})

/** `npm run token` is `tsx scripts/token.ts`; run it as a user would, with a controlled environment. */
function runTokenScript(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AUTH_')))
  return new Promise(resolve => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'scripts/token.ts', ...args],
      { cwd: ROOT, env: { ...clean, ...env }, timeout: 60_000 },
      (err, stdout, stderr) => {
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr })
      },
    )
  })
}

// Each run starts a tsx process (~3 s); they are independent, so run them side by side.
describe.concurrent('npm run token', () => {
  it('prints one token that createAuthenticator accepts', async ({ expect }) => {
    const r = await runTokenScript([
      '--role',
      'committee',
      '--role',
      'staff',
      '--department',
      'asylum',
      '--sub',
      'u1',
      '--ttl',
      '1h',
      '--purpose',
      'Planung',
    ])
    expect(r).toMatchObject({ code: 0, stderr: '' })
    const lines = r.stdout.trim().split('\n')
    expect(lines).toHaveLength(1)
    const principal = await createAuthenticator(devConfig).authenticate({ authorization: `Bearer ${lines[0]}` })
    expect(principal).toEqual({
      subject: 'u1',
      roles: ['committee', 'staff'],
      department: 'asylum',
      purpose: 'Planung',
      authenticated: true,
    })
    const payload = JSON.parse(Buffer.from(lines[0].split('.')[1], 'base64url').toString())
    expect(payload.exp - payload.iat).toBe(3600)
  })

  it.for<{ name: string; env: Record<string, string> }>([
    { name: 'a JWKS URL', env: { AUTH_JWKS_URL: 'https://idp.example/certs' } },
    {
      name: 'a JWKS URL and an explicit HS secret',
      env: { AUTH_JWKS_URL: 'https://idp.example/certs', AUTH_HS256_SECRET: 'x'.repeat(40) },
    },
  ])('refuses with exit 2 when production keys are configured ($name)', async ({ env }, { expect }) => {
    const r = await runTokenScript(['--role', 'staff'], env)
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/production keys are configured/)
  })

  it.for<{ name: string; args: string[]; env?: Record<string, string>; error: RegExp }>([
    { name: 'no --role', args: ['--department', 'asylum'], error: /at least one --role/ },
    { name: '--ttl over 24h', args: ['--role', 'staff', '--ttl', '25h'], error: /between 1s and 24h/ },
    { name: '--ttl 2d', args: ['--role', 'staff', '--ttl', '2d'], error: /between 1s and 24h/ },
    { name: '--ttl with a bad unit', args: ['--role', 'staff', '--ttl', '5w'], error: /--ttl must be a number/ },
    { name: '--ttl over the configured maximum token age', args: ['--role', 'staff', '--ttl', '13h'], error: /AUTH_MAX_TOKEN_AGE_SECONDS/ },
    { name: 'an unknown flag', args: ['--role', 'staff', '--admin'], error: /Unknown option/ },
    { name: 'a role with a comma', args: ['--role', 'staff,admin'], error: /not a role name/ },
    { name: 'an empty department', args: ['--role', 'staff', '--department', ''], error: /--department must not be empty/ },
    { name: 'an invalid config variable', args: ['--role', 'staff'], env: { AUTH_LEEWAY_SECONDS: '600' }, error: /AUTH_LEEWAY_SECONDS/ },
  ])('refuses $name with exit 2', async ({ args, env, error }, { expect }) => {
    const r = await runTokenScript(args, env)
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(error)
  })
})
