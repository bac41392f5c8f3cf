import type { IncomingMessage, ServerResponse } from 'node:http'
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server'
import { DEFAULT_MAX_JSON_DEPTH, exceedsJsonDepth, jsonDepthMessage, nestsDeeper } from './json-depth.js'
import { truncateMessage } from './format-error.js'
import type { ErrorCode, StatusOf } from '../errors.js'
import { sendError } from './send-json.js'

export { sendError, sendJson } from './send-json.js'

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

/** A refusal decided before GraphQL execution, answered as `{ errors }` with its HTTP status (one the catalogue lists for its code). */
export class HttpRefusal<C extends ErrorCode = ErrorCode> extends Error {
  constructor(
    readonly status: NoInfer<StatusOf<C>>,
    readonly code: C,
    message: string,
  ) {
    super(message)
  }

  /** Answers the refusal, its message cut to the formatter's bound (it may echo input, e.g. a document id). */
  send(res: ServerResponse, headers: Record<string, string> = {}): void {
    sendError(res, this.status, this.code, truncateMessage(this.message), headers)
  }
}

/**
 * Serves one HTTP request with an Apollo Server on plain node:http (no framework), the way
 * `startStandaloneServer` does, so the same handler can sit next to our health routes.
 */
export interface HandleGraphQLOptions {
  /** Deepest JSON nesting of the body and of GET `variables`/`extensions` (default 64). */
  maxJsonDepth?: number
}

export async function handleGraphQL<C extends BaseContext>(
  server: ApolloServer<C>,
  req: IncomingMessage,
  res: ServerResponse,
  context: (req: IncomingMessage) => Promise<C>,
  prepare?: (body: unknown) => unknown,
  opts: HandleGraphQLOptions = {},
): Promise<void> {
  const maxJsonDepth = opts.maxJsonDepth ?? DEFAULT_MAX_JSON_DEPTH
  const tooDeep = (what: string) => sendError(res, 400, 'MAX_JSON_DEPTH_EXCEEDED', jsonDepthMessage(what, maxJsonDepth))
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
      sendError(res, 413, 'REQUEST_TOO_LARGE', err.message)
      return
    }
    throw err
  }
  let body: unknown = rawBody
  if ((req.headers['content-type'] ?? '').includes('application/json')) {
    // JSON.parse is iterative: the nesting is checked on the parsed value (a walk that stops at the limit,
    // not a scan of every character); a text that does not parse is scanned, so a deep one is refused as too deep.
    try {
      body = rawBody ? JSON.parse(rawBody) : {}
    } catch {
      if (exceedsJsonDepth(rawBody, maxJsonDepth)) return tooDeep('The request body')
      sendError(res, 400, 'BAD_REQUEST', 'Request body is not valid JSON')
      return
    }
    if (nestsDeeper(body, maxJsonDepth)) return tooDeep('The request body')
  }
  if (prepare && req.method === 'POST') {
    try {
      body = prepare(body)
    } catch (err) {
      if (!(err instanceof HttpRefusal)) throw err
      // Bypasses the formatter, and may echo input (a document id): bounded the same way.
      err.send(res)
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
