import type { IncomingMessage, ServerResponse } from 'node:http'
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server'
import { DEFAULT_MAX_JSON_DEPTH, exceedsJsonDepth, jsonDepthMessage } from './json-depth.js'
import { truncateMessage } from './format-error.js'
import type { ErrorCode } from '../errors.js'

const MAX_BODY_BYTES = 1_000_000

export class BodyTooLargeError extends Error {}

export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > limit) throw new BodyTooLargeError(`request body exceeds ${limit} bytes`)
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers })
  res.end(text)
}

/**
 * Serves one HTTP request with an Apollo Server on plain node:http (no framework), the way
 * `startStandaloneServer` does, so the same handler can sit next to our health routes.
 */
/** A refusal decided before GraphQL execution, answered as `{ errors }` with its HTTP status. */
export class HttpRefusal extends Error {
  constructor(readonly status: number, readonly code: ErrorCode, message: string) {
    super(message)
  }
}

export interface HandleGraphQLOptions {
  /** Deepest JSON nesting of the body and of GET `variables`/`extensions` (default 64). */
  maxJsonDepth?: number
}

export async function handleGraphQL<C extends BaseContext>(server: ApolloServer<C>, req: IncomingMessage, res: ServerResponse,
  context: (req: IncomingMessage) => Promise<C>, prepare?: (body: unknown) => unknown, opts: HandleGraphQLOptions = {}): Promise<void> {
  const maxJsonDepth = opts.maxJsonDepth ?? DEFAULT_MAX_JSON_DEPTH
  const tooDeep = (what: string) =>
    sendJson(res, 400, { errors: [{ message: jsonDepthMessage(what, maxJsonDepth), extensions: { code: 'MAX_JSON_DEPTH_EXCEEDED' } }] })
  const headers = new HeaderMap()
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value)
  }
  let rawBody: string
  try {
    rawBody = await readBody(req)
  } catch (err) {
    if (err instanceof BodyTooLargeError) {
      // The rest of the body is never read: the connection cannot carry another request.
      res.setHeader('connection', 'close')
      sendJson(res, 413, { errors: [{ message: err.message, extensions: { code: 'REQUEST_TOO_LARGE' } }] })
      return
    }
    throw err
  }
  let body: unknown = rawBody
  if ((req.headers['content-type'] ?? '').includes('application/json')) {
    if (exceedsJsonDepth(rawBody, maxJsonDepth)) return tooDeep('The request body')
    try { body = rawBody ? JSON.parse(rawBody) : {} } catch {
      sendJson(res, 400, { errors: [{ message: 'Request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] })
      return
    }
  }
  if (prepare && req.method === 'POST') {
    try {
      body = prepare(body)
    } catch (err) {
      if (!(err instanceof HttpRefusal)) throw err
      // Bypasses the formatter, and may echo input (a document id): bounded the same way.
      sendJson(res, err.status, { errors: [{ message: truncateMessage(err.message), extensions: { code: err.code } }] })
      return
    }
  }
  const url = new URL(req.url ?? '/', 'http://localhost')
  // A GET request carries its JSON in the query string; Apollo Server parses it.
  for (const param of ['variables', 'extensions']) {
    const value = url.searchParams.get(param)
    if (value && exceedsJsonDepth(value, maxJsonDepth)) return tooDeep(`The ${param} parameter`)
  }
  const result = await server.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: (req.method ?? 'GET').toUpperCase(), headers, search: url.search, body },
    context: () => context(req),
  })
  for (const [key, value] of result.headers) res.setHeader(key, value)
  res.statusCode = result.status ?? 200
  if (result.body.kind === 'complete') {
    res.end(result.body.string)
    return
  }
  for await (const chunk of result.body.asyncIterator) res.write(chunk)
  res.end()
}
