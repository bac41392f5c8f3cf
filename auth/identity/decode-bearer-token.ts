import type { IncomingHttpHeaders } from 'node:http'
import { AuthError } from '../principal.js'

/** Longer Authorization headers are refused before any parsing (T11); real IdP tokens stay far below. */
export const MAX_AUTHORIZATION_BYTES = 8 * 1024

/**
 * Header parameters that tell a verifier to fetch or trust key material named by the token itself
 * (RFC 7515 §4.1) or to understand extensions we do not (`crit`). Trust comes only from our own key set.
 */
const FORBIDDEN_HEADER_PARAMETERS = ['jku', 'x5u', 'jwk', 'x5c', 'crit'] as const

export interface DecodedBearerToken {
  token: string
  header: Record<string, unknown> & { alg: string }
  payload: Record<string, unknown>
}

/** The one 401 every authentication failure answers with; the reason goes to the log only. */
export function invalidToken(reason: string): AuthError {
  return new AuthError(401, 'UNAUTHENTICATED', 'Invalid or expired token', reason)
}

const BEARER = /^Bearer ([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]*)$/i

/**
 * Reads the Authorization header. `null` means "no header" (anonymous); anything present that is not
 * exactly one well-formed compact JWS is an error, never a silent downgrade to public.
 * Only structure is checked here: nothing is trusted until the signature has been verified.
 */
export function decodeBearerToken(headers: IncomingHttpHeaders): DecodedBearerToken | null {
  const raw: unknown = headers.authorization
  if (raw === undefined) return null
  // Node keeps only the first of duplicate Authorization headers; a proxy may join them with a comma or
  // hand us an array. Either way the caller sent two credentials, and we pick neither.
  if (typeof raw !== 'string') throw invalidToken('malformed_authorization: multiple Authorization headers')
  if (raw.length > MAX_AUTHORIZATION_BYTES) {
    throw new AuthError(431, 'REQUEST_HEADER_TOO_LARGE', 'Authorization header too large', `authorization_too_large: ${raw.length} bytes`)
  }
  const m = BEARER.exec(raw)
  if (!m) throw invalidToken(`malformed_authorization: ${describeShape(raw)}`)
  const [, headerB64, payloadB64, signatureB64] = m
  if (signatureB64 === '') throw invalidToken('malformed_token: empty signature')
  const header = decodeSegment(headerB64, 'header')
  const payload = decodeSegment(payloadB64, 'payload')
  if (typeof header.alg !== 'string') throw invalidToken('malformed_token: header without alg')
  for (const name of FORBIDDEN_HEADER_PARAMETERS) {
    if (name in header) throw invalidToken(`forbidden_header: ${name}`)
  }
  return { token: `${headerB64}.${payloadB64}.${signatureB64}`, header: header as DecodedBearerToken['header'], payload }
}

function decodeSegment(segment: string, what: string): Record<string, unknown> {
  // base64url without padding never has length ≡ 1 (mod 4); Buffer would silently drop the extra char.
  if (segment.length % 4 === 1) throw invalidToken(`malformed_token: ${what} is not base64url`)
  let value: unknown
  try {
    value = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'))
  } catch {
    throw invalidToken(`malformed_token: ${what} is not JSON`)
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidToken(`malformed_token: ${what} is not a JSON object`)
  }
  return value as Record<string, unknown>
}

/** What the header looked like, without echoing credentials into logs. */
function describeShape(raw: string): string {
  const scheme = raw.split(' ', 1)[0] ?? ''
  if (!/^bearer$/i.test(scheme)) return `scheme ${JSON.stringify(scheme.slice(0, 16))} is not Bearer`
  const rest = raw.slice(scheme.length + 1)
  if (rest.trim() === '') return 'Bearer without a token'
  if (rest.includes(',')) return 'more than one credential'
  return `token with ${rest.split('.').length} segments or characters outside base64url`
}
