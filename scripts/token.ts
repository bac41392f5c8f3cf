/**
 * Prints one development token:
 *   npm run token -- --role committee [--role staff] [--department asylum] [--sub u1] [--ttl 1h] [--purpose X]
 * Exit 2 with a message on bad flags or when production keys are configured (dev tokens are HS256 only).
 */
import { parseArgs } from 'node:util'
import { signDevToken } from '../auth/identity/dev-token.js'
import { readIdentityConfig } from '../auth/identity/identity-config.js'

const USAGE =
  'usage: npm run token -- --role <name> [--role <name> …] [--department <dept>] [--sub <id>] [--ttl <n>[s|m|h|d]] [--purpose <text>]'
const MAX_TTL_SECONDS = 24 * 3600
const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 }

function fail(message: string): never {
  console.error(`token: ${message}`)
  process.exit(2)
}

function parseTtl(raw: string): number {
  const m = /^(\d{1,7})([smhd]?)$/.exec(raw)
  if (!m) fail(`--ttl must be a number with an optional unit s, m, h or d (e.g. 30m, 1h), got ${JSON.stringify(raw)}`)
  const seconds = Number(m[1]) * UNIT_SECONDS[m[2] || 's']
  if (seconds < 1 || seconds > MAX_TTL_SECONDS) fail(`--ttl must be between 1s and 24h, got ${raw}`)
  return seconds
}

function nonEmpty(name: string, value: string | undefined): string | undefined {
  if (value !== undefined && value.trim() === '') fail(`--${name} must not be empty`)
  return value
}

let values
try {
  ;({ values } = parseArgs({
    options: {
      role: { type: 'string', multiple: true },
      department: { type: 'string' },
      sub: { type: 'string' },
      ttl: { type: 'string' },
      purpose: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  }))
} catch (err) {
  fail(`${(err as Error).message}\n${USAGE}`)
}
if (values.help) {
  console.log(USAGE)
  process.exit(0)
}

let config
try {
  config = readIdentityConfig()
} catch (err) {
  fail((err as Error).message)
}
if (config.production) {
  fail(
    'refusing to print a development token: production keys are configured (AUTH_JWKS_URL or AUTH_PUBLIC_KEYS); get a token from the identity provider',
  )
}

const roles = values.role ?? []
if (roles.length === 0) fail(`at least one --role is required\n${USAGE}`)
const badRole = roles.find(r => !/^[A-Za-z0-9_.:-]{1,128}$/.test(r))
if (badRole !== undefined)
  fail(`--role ${JSON.stringify(badRole)} is not a role name (letters, digits, _ . : -; repeat --role for several)`)
const ttlSeconds = values.ttl === undefined ? undefined : parseTtl(values.ttl)
if (ttlSeconds !== undefined && ttlSeconds > config.maxTokenAgeSeconds) {
  fail(`--ttl exceeds AUTH_MAX_TOKEN_AGE_SECONDS (${config.maxTokenAgeSeconds} s); the gateway would refuse the token`)
}

try {
  console.log(
    signDevToken(config, {
      roles,
      department: nonEmpty('department', values.department),
      sub: nonEmpty('sub', values.sub),
      purpose: nonEmpty('purpose', values.purpose),
      ttlSeconds,
    }),
  )
} catch (err) {
  fail((err as Error).message)
}
