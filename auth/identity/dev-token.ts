import { createSecretKey } from 'node:crypto'
import jwt from 'jsonwebtoken'
import type { IdentityConfig } from './identity-config.js'

export interface DevTokenOptions {
  roles: string[]
  department?: string
  sub?: string
  /** Lifetime in seconds (default 1 h); must not exceed the configured maximum token age. */
  ttlSeconds?: number
  purpose?: string
}

/**
 * Signs an HS256 token with the development secret, shaped like an IdP token (iss, aud, sub, iat, exp,
 * roles). Refuses when a production key source is configured: dev tokens must never be minted there,
 * even if an HS secret was set explicitly.
 */
export function signDevToken(config: IdentityConfig, opts: DevTokenOptions): string {
  if (config.production)
    throw new Error('refusing to sign a development token: production keys (AUTH_JWKS_URL / AUTH_PUBLIC_KEYS) are configured')
  if (config.hs256Secret === null) throw new Error('refusing to sign a development token: no HS256 secret is configured')
  if (opts.roles.length === 0 || opts.roles.some(r => !/^[A-Za-z0-9_.:-]{1,128}$/.test(r))) {
    throw new Error('roles must be a non-empty list of role names (letters, digits, _ . : -)')
  }
  const ttl = opts.ttlSeconds ?? 3600
  if (!Number.isInteger(ttl) || ttl < 1 || ttl > config.maxTokenAgeSeconds) {
    throw new Error(`ttlSeconds must be an integer between 1 and ${config.maxTokenAgeSeconds} (AUTH_MAX_TOKEN_AGE_SECONDS)`)
  }
  // Roles go where the gateway reads them (AUTH_ROLES_CLAIM: the first configured path).
  const claims: Record<string, unknown> = {}
  const path = config.rolesClaim[0] ?? ['roles']
  let at = claims
  path.slice(0, -1).forEach(member => {
    at = (at[member] = {}) as Record<string, unknown>
  })
  at[path[path.length - 1]] = opts.roles
  if (opts.department !== undefined) claims.department = opts.department
  if (opts.purpose !== undefined) claims.purpose = opts.purpose
  return jwt.sign(claims, createSecretKey(Buffer.from(config.hs256Secret, 'utf8')), {
    algorithm: 'HS256',
    issuer: config.issuer,
    audience: config.audience,
    subject: opts.sub ?? 'dev-user',
    expiresIn: ttl,
  })
}
