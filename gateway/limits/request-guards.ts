import type { IncomingMessage } from 'node:http'
import { Kind, parse } from 'graphql'
import { HttpRefusal } from '../../platform/http/apollo-handler.js'

/** More header lines than any browser or client library sends; beyond it the request is refused with 431 (T31). */
export const MAX_HEADER_COUNT = 100

/** Headers that only a script allowed by CORS preflight can set (Apollo's CSRF prevention, T36). */
const PREFLIGHT_HEADERS = ['x-apollo-operation-name', 'apollo-require-preflight']
/** Content types a browser sends cross-site without a preflight. */
const SIMPLE_CONTENT_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']

/**
 * Refusals decided from the HTTP request alone, before any GraphQL work, each with its own code:
 * too many header lines (431), a cross-site-capable request without a preflight header (400
 * CSRF_PREVENTED), a JSON array of operations (400 BATCHING_DISABLED: every operation must count
 * against limits and rates on its own, T34). Returns null when the request may proceed.
 */
export function refuseRequest(req: IncomingMessage): HttpRefusal | null {
  if (req.rawHeaders.length / 2 > MAX_HEADER_COUNT) {
    return new HttpRefusal(431, 'REQUEST_HEADER_TOO_LARGE', `More than ${MAX_HEADER_COUNT} request headers`)
  }
  if (req.method === 'GET' && changesState(req.url ?? '')) {
    return new HttpRefusal(405, 'METHOD_NOT_ALLOWED', 'GET requests only support query operations; send mutations with POST')
  }
  const contentType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase()
  const simple = req.method === 'GET' || contentType === '' || SIMPLE_CONTENT_TYPES.includes(contentType)
  if (simple && !PREFLIGHT_HEADERS.some(h => (req.headers[h] ?? '') !== '')) {
    return new HttpRefusal(
      400,
      'CSRF_PREVENTED',
      'Blocked as a potential cross-site request forgery: send Content-Type: application/json, or the apollo-require-preflight header',
    )
  }
  return null
}

/** Batches are off: a JSON array of operations is refused as a whole. */
export function refuseBatch(body: unknown): void {
  if (Array.isArray(body)) throw new HttpRefusal(400, 'BATCHING_DISABLED', 'Operation batching is disabled: send one operation per request')
}

/** A GET whose document holds a mutation or subscription (T36); unparsable documents are left to the GraphQL server. */
function changesState(url: string): boolean {
  const query = new URL(url, 'http://localhost').searchParams.get('query')
  if (!query) return false
  try {
    return parse(query, { maxTokens: 2_000 }).definitions.some(d => d.kind === Kind.OPERATION_DEFINITION && d.operation !== 'query')
  } catch {
    return false
  }
}
