import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto'

/** Asymmetric algorithms we accept from identity providers (RFC 8725: a key is bound to exactly one). */
export type AsymmetricAlgorithm = 'RS256' | 'ES256'
export const ASYMMETRIC_ALGORITHMS: readonly AsymmetricAlgorithm[] = ['RS256', 'ES256']

/** NIST SP 800-131A / BSI TR-02102: RSA below 2048 bits is not acceptable for signatures. */
export const MIN_RSA_BITS = 2048

/** A verification key built once; `kid` is only ever a lookup key into the trusted set. */
export interface TrustedKey {
  readonly kid: string
  readonly algorithm: AsymmetricAlgorithm
  readonly key: KeyObject
}

/**
 * Builds a public KeyObject and checks that it can only mean `algorithm`: RSA ≥ 2048 bits for RS256,
 * an EC P-256 key for ES256. Throws a plain Error explaining the refusal (callers add context).
 */
export function publicKeyFromPem(kid: string, pem: string, algorithm: AsymmetricAlgorithm): TrustedKey {
  let key: KeyObject
  try {
    key = createPublicKey({ key: pem, format: 'pem' })
  } catch {
    throw new Error(`key "${kid}" is not a valid PEM public key`)
  }
  return Object.freeze({ kid, algorithm, key: checkKeyMatches(kid, key, algorithm) })
}

/**
 * Builds a KeyObject from one JWKS entry, refusing anything that is not unambiguously a signature key for
 * RS256 or ES256: private or symmetric material, `kty`/`alg`/`crv` mismatches, RSA below 2048 bits,
 * unknown `use`. Throws a plain Error with the reason. Encryption keys (`use: "enc"`, which Keycloak
 * publishes next to its signing keys) are not errors: they return null and are skipped quietly.
 */
export function publicKeyFromJwk(jwk: unknown): TrustedKey | null {
  if (typeof jwk !== 'object' || jwk === null || Array.isArray(jwk)) throw new Error('JWK is not an object')
  const k = jwk as Record<string, unknown>
  if (k.use === 'enc') return null
  const kid = k.kid
  if (typeof kid !== 'string' || kid.length === 0 || kid.length > 256) throw new Error('JWK has no usable "kid"')
  if (k.use !== undefined && k.use !== 'sig') throw new Error(`key "${kid}": use ${JSON.stringify(k.use)} is not "sig"`)
  if (k.d !== undefined || k.k !== undefined) throw new Error(`key "${kid}": private or symmetric key material in a JWKS`)
  let algorithm: AsymmetricAlgorithm
  if (k.kty === 'RSA') algorithm = 'RS256'
  else if (k.kty === 'EC') algorithm = 'ES256'
  else throw new Error(`key "${kid}": kty ${JSON.stringify(k.kty)} is not supported (RSA or EC)`)
  if (k.alg !== undefined && k.alg !== algorithm) {
    throw new Error(`key "${kid}": alg ${JSON.stringify(k.alg)} does not match kty ${String(k.kty)} (expected ${algorithm})`)
  }
  if (k.kty === 'EC' && k.crv !== 'P-256') throw new Error(`key "${kid}": curve ${JSON.stringify(k.crv)} is not P-256`)
  let key: KeyObject
  try {
    key = createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' })
  } catch {
    throw new Error(`key "${kid}": not a valid public JWK`)
  }
  return Object.freeze({ kid, algorithm, key: checkKeyMatches(kid, key, algorithm) })
}

function checkKeyMatches(kid: string, key: KeyObject, algorithm: AsymmetricAlgorithm): KeyObject {
  const details = key.asymmetricKeyDetails ?? {}
  if (algorithm === 'RS256') {
    if (key.asymmetricKeyType !== 'rsa') throw new Error(`key "${kid}": RS256 needs an RSA key, got ${key.asymmetricKeyType}`)
    const bits = details.modulusLength ?? 0
    if (bits < MIN_RSA_BITS) throw new Error(`key "${kid}": RSA key has ${bits} bits, at least ${MIN_RSA_BITS} required`)
  } else {
    if (key.asymmetricKeyType !== 'ec') throw new Error(`key "${kid}": ES256 needs an EC key, got ${key.asymmetricKeyType}`)
    if (details.namedCurve !== 'prime256v1') throw new Error(`key "${kid}": ES256 needs curve P-256, got ${details.namedCurve}`)
  }
  return key
}
