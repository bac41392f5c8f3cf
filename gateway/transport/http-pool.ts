import { Agent, request as httpRequest } from 'node:http'
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https'
import { GraphQLError } from 'graphql'
import { unavailable } from './subgraph-errors.js'
import type { SubgraphResult } from './subgraph-call.js'

/** One subgraph's address and its keep-alive connection pool. */
export interface SubgraphTarget {
  url: URL
  agent: Agent | HttpsAgent
}

/** A keep-alive pool (128 sockets) per subgraph, by name. */
export function createSubgraphPools(subgraphs: ReadonlyArray<{ name: string; url: string }>): Map<string, SubgraphTarget> {
  return new Map(
    subgraphs.map(s => {
      const url = new URL(s.url)
      const agent =
        url.protocol === 'https:' ? new HttpsAgent({ keepAlive: true, maxSockets: 128 }) : new Agent({ keepAlive: true, maxSockets: 128 })
      return [s.name, { url, agent }]
    }),
  )
}

/**
 * What every call to one target sends alike, worked out once: http.request's options without the
 * URL (which it would otherwise take apart per call) and the fixed part of the header list.
 */
interface Prepared {
  send: typeof httpRequest
  hostname: string
  port: string
  path: string
  fixedHeaders: readonly string[]
}
const preparedTargets = new WeakMap<SubgraphTarget, Prepared>()

function prepared(target: SubgraphTarget): Prepared {
  let p = preparedTargets.get(target)
  if (p === undefined) {
    const { url } = target
    const https = url.protocol === 'https:'
    p = {
      send: https ? httpsRequest : httpRequest,
      // An IPv6 literal keeps its brackets in the Host header, not in the address to connect to.
      hostname: url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
      port: url.port || (https ? '443' : '80'),
      path: `${url.pathname}${url.search}`,
      // http.request sets Host itself only for headers given as an object; the list form is written as it is.
      fixedHeaders: ['host', url.host, 'content-type', 'application/json', 'accept', 'application/json'],
    }
    preparedTargets.set(target, p)
  }
  return p
}

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
 * own copy. Never rejects.
 */
export function postRaw(target: SubgraphTarget, body: string, headers: Record<string, string>, timeoutMs: number): Promise<RawAnswer> {
  const { send, hostname, port, path, fixedHeaders } = prepared(target)
  // The header list form skips http.request's per-header setHeader bookkeeping; names and values are still validated.
  const list = fixedHeaders.slice()
  for (const name in headers) list.push(name, headers[name])
  list.push('content-length', String(Buffer.byteLength(body)))
  return new Promise(resolve => {
    let settled = false
    const done = (answer: RawAnswer) => {
      if (!settled) {
        settled = true
        resolve(answer)
      }
    }
    const req = send({ hostname, port, path, method: 'POST', agent: target.agent as Agent, headers: list }, res => {
      let first: Buffer | undefined
      let more: Buffer[] | undefined
      res.on('data', (c: Buffer) => {
        if (first === undefined) first = c
        else (more ??= [first]).push(c)
      })
      res.on('error', () => done({ failure: 'no answer' }))
      // Most answers arrive in one chunk: decoded as it is, without copying it into a new buffer first.
      res.on('end', () => done({ text: more ? Buffer.concat(more).toString('utf8') : (first?.toString('utf8') ?? '') }))
    })
    req.setTimeout(timeoutMs, () => {
      req.destroy()
      done({ failure: 'timed out' })
    })
    req.on('error', () => done({ failure: 'no answer' }))
    req.end(body)
  })
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

/**
 * POSTs one GraphQL request over a keep-alive pool. Resolves with the parsed answer, or with
 * SUBGRAPH_UNAVAILABLE when the subgraph did not give a GraphQL answer in time.
 */
export function postGraphQL(
  name: string,
  target: SubgraphTarget,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<SubgraphResult> {
  return postRaw(target, body, headers, timeoutMs).then(answer => parseAnswer(name, answer))
}
