import { JwksClient } from 'jwks-rsa'
import { publicKeyFromJwk, type TrustedKey } from './trusted-key.js'

export interface JwksKeySetOptions {
  url: string
  /** Minimum time between two fetches, whatever triggers them. */
  cooldownMs: number
  /** After this age the set is refreshed before the next lookup, so removed keys stop verifying. */
  maxAgeMs: number
  fetchTimeoutMs: number
  now: () => number
  warn: (message: string) => void
}

export interface JwksKeySet {
  /** The trusted key for `kid`, fetching the JWKS at most once per cooldown; undefined when unknown. */
  lookup(kid: string): Promise<TrustedKey | undefined>
  /** The key for `kid` if already loaded; never fetches. */
  peek(kid: string): TrustedKey | undefined
  /** No further fetches; loaded keys stay usable. */
  close(): void
  /** Why the last fetch failed, for the log line of a refused token; null after a good fetch. */
  readonly lastError: string | null
}

/**
 * The JWKS as a kid → KeyObject map, built once per fetch (never per verify). jwks-rsa only fetches
 * and parses the document; key validation is ours, so kty/alg mismatches and short RSA keys are refused
 * at load. Fetches are single-flight and rate-limited by `cooldownMs`: a flood of random kids causes at
 * most one fetch per cooldown. A failed fetch keeps the last good set (the IdP being down should not
 * log everybody out) and still counts against the cooldown.
 */
export function createJwksKeySet(opts: JwksKeySetOptions): JwksKeySet {
  const client = new JwksClient({ jwksUri: opts.url, cache: false, rateLimit: false, timeout: opts.fetchTimeoutMs })
  let keys = new Map<string, TrustedKey>()
  let fetchedAt = Number.NEGATIVE_INFINITY
  let lastAttemptAt = Number.NEGATIVE_INFINITY
  let inFlight: Promise<void> | null = null
  let lastError: string | null = null
  let closed = false

  async function fetchKeys(): Promise<void> {
    try {
      const jwks = await client.getKeys()
      if (!Array.isArray(jwks)) throw new Error('JWKS has no "keys" array')
      const next = new Map<string, TrustedKey>()
      for (const jwk of jwks) {
        try {
          const key = publicKeyFromJwk(jwk)
          if (key === null) continue
          if (next.has(key.kid)) {
            opts.warn(`JWKS key "${key.kid}" refused: duplicate kid`)
            continue
          }
          next.set(key.kid, key)
        } catch (err) {
          opts.warn(`JWKS key refused: ${(err as Error).message}`)
        }
      }
      keys = next
      fetchedAt = opts.now()
      lastError = null
    } catch (err) {
      lastError = `JWKS fetch failed: ${(err as Error)?.message ?? String(err)}`
      opts.warn(lastError)
    }
  }

  function refresh(): Promise<void> {
    if (inFlight) return inFlight
    if (closed) return Promise.resolve()
    if (opts.now() - lastAttemptAt < opts.cooldownMs) return Promise.resolve()
    lastAttemptAt = opts.now()
    inFlight = fetchKeys().finally(() => {
      inFlight = null
    })
    return inFlight
  }

  return {
    async lookup(kid) {
      if (opts.now() - fetchedAt >= opts.maxAgeMs) await refresh()
      const known = keys.get(kid)
      if (known) return known
      await refresh()
      return keys.get(kid)
    },
    peek(kid) {
      return keys.get(kid)
    },
    close() {
      closed = true
    },
    get lastError() {
      return lastError
    },
  }
}
