import { errors as undiciErrors, Pool } from 'undici'
import { GraphQLError } from 'graphql'
import { unavailable } from './subgraph-errors.js'
import type { SubgraphResult } from './subgraph-call.js'

/** One subgraph's address and its keep-alive connection pool. */
export interface SubgraphTarget {
  url: URL
  /** Path and query of the URL, as each request names it. */
  path: string
  pool: Pool
}

/**
 * A keep-alive pool (128 connections) per subgraph, by name, on undici: a subgraph call costs about
 * half the CPU of node:http's client (48–53 against 104 µs per small POST, `npx tsx bench/dev/subgraph-client.ts`; one
 * write per request instead of a corked writev of head and body, and far less bookkeeping per call).
 */
export function createSubgraphPools(subgraphs: ReadonlyArray<{ name: string; url: string }>): Map<string, SubgraphTarget> {
  return new Map(
    subgraphs.map(s => {
      const url = new URL(s.url)
      return [s.name, { url, path: `${url.pathname}${url.search}`, pool: new Pool(url.origin, { connections: 128 }) }]
    }),
  )
}

const FIXED_HEADERS = { 'content-type': 'application/json', accept: 'application/json' } as const

/** undici's timeouts: no headers, or no body data, within the call's time. */
const isTimeout = (err: unknown) =>
  err instanceof undiciErrors.HeadersTimeoutError ||
  err instanceof undiciErrors.BodyTimeoutError ||
  err instanceof undiciErrors.ConnectTimeoutError

/** A subgraph's error as it came over the wire: message, path and extensions (its code) kept. */
function asGraphQLError(error: unknown): GraphQLError {
  const e = (error && typeof error === 'object' ? error : {}) as { message?: unknown; path?: unknown; extensions?: unknown }
  return new GraphQLError(typeof e.message === 'string' ? e.message : 'Unknown error', {
    path: Array.isArray(e.path) ? (e.path as Array<string | number>) : undefined,
    extensions: e.extensions && typeof e.extensions === 'object' ? (e.extensions as Record<string, unknown>) : undefined,
  })
}

/** A subgraph's answer before parsing: its body text, or why there is none (the reason SUBGRAPH_UNAVAILABLE names). */
export type RawAnswer = { text: string; failure?: undefined } | { text?: undefined; failure: 'no answer' | 'timed out' }

/**
 * POSTs one GraphQL request over a keep-alive pool and resolves with the body as text, unparsed:
 * a text can be handed to several waiters (gateway/cache/subgraph-dedupe.ts), each parsing its
 * own copy. `timeoutMs` bounds the wait for the answer's head and every pause in its body (as a
 * socket's idle timeout would); a timeout is `timed out`, any other failure `no answer`. Never rejects.
 */
export function postRaw(target: SubgraphTarget, body: string, headers: Record<string, string>, timeoutMs: number): Promise<RawAnswer> {
  return target.pool
    .request({
      path: target.path,
      method: 'POST',
      headers: { ...FIXED_HEADERS, ...headers },
      body,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    })
    .then(res => res.body.text())
    .then(
      (text): RawAnswer => ({ text }),
      (err: unknown): RawAnswer => ({ failure: isTimeout(err) ? 'timed out' : 'no answer' }),
    )
}

/**
 * A subgraph's answer as the executors take it: the parsed body when it is a GraphQL answer (its
 * errors as GraphQLErrors), else SUBGRAPH_UNAVAILABLE. Every call builds new objects.
 */
export function parseAnswer(name: string, answer: RawAnswer): SubgraphResult {
  if (answer.failure !== undefined) return { errors: [unavailable(name, answer.failure)] }
  try {
    const parsed = JSON.parse(answer.text) as { data?: SubgraphResult['data']; errors?: unknown }
    if (parsed && typeof parsed === 'object' && ('data' in parsed || 'errors' in parsed)) {
      return Array.isArray(parsed.errors) && parsed.errors.length
        ? ({ ...parsed, errors: parsed.errors.map(asGraphQLError) } as SubgraphResult)
        : (parsed as SubgraphResult)
    }
  } catch {
    /* not GraphQL: below */
  }
  return { errors: [unavailable(name, 'no answer')] }
}
