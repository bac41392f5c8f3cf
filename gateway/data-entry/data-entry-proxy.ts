import { Agent, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http'
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https'
import { sendError, sendJson } from '../../platform/http/send-json.js'
import type { Logger } from '../../platform/logger/create-logger.js'
import { effectiveAccess } from '../../auth/policy/effective-access.js'
import { rowFilters } from '../../auth/policy/row-filters.js'
import type { Principal } from '../../auth/principal.js'
import type { GatewayConfig } from '../config.js'
import { UNRESTRICTED, type GatewayContext } from '../gateway-context.js'
import type { PolicyRuntime } from '../authorize/policy-runtime.js'
import type { Authenticate } from '../pipeline/authenticate.js'
import type { CallerRateLimit } from '../pipeline/rate-limit.js'
import { DATA_ENTRY_PATH, readDataEntryLimits } from '../../lib/data-entry/data-entry-routes.js'
import type { SubgraphHeaders } from '../transport/subgraph-call.js'

/** The gateway's data-entry paths: the same as a department's (`/data-entry/…` next to its `/graphql`). */
export const DATA_ENTRY_PREFIX = DATA_ENTRY_PATH
/** How long a department may stay silent during an upload (validating a batch, committing) before it counts as down. */
const UPSTREAM_IDLE_MS = 120_000
/** Request headers passed on to the department; everything else (Authorization, cookies) stays at the gateway. */
const FORWARDED_REQUEST_HEADERS = ['content-type', 'content-length', 'idempotency-key', 'accept'] as const
/** Response headers passed back to the client. */
const FORWARDED_RESPONSE_HEADERS = ['content-type', 'content-length', 'cache-control', 'retry-after', 'allow', 'x-content-type-options']
const DEPARTMENT = /^[a-z][a-z0-9_-]{0,63}$/

export interface DataEntryProxyOptions {
  config: Pick<GatewayConfig, 'authorization' | 'limits' | 'subgraphTimeoutMs'>
  policy: PolicyRuntime
  authenticate: Authenticate
  /** Departments and their GraphQL URLs, from the supergraph being served. */
  subgraphs: () => ReadonlyArray<{ name: string; url: string }>
  /** The signing hook of subgraph calls: the caller's identity as an internal token for one department. */
  signHeaders: SubgraphHeaders
  log: Logger
  /** The caller's requests per minute, counted together with `/graphql`. */
  rateLimit: CallerRateLimit
  /** Largest upload forwarded (default DATA_ENTRY_MAX_BYTES, else 64 MiB); more is 413 PAYLOAD_TOO_LARGE. */
  maxBytes?: number
}

/** The department's data-entry URL for `rest` (its GraphQL URL with `/graphql` replaced). */
function departmentUrl(graphqlUrl: string, rest: string, search: string): URL {
  const url = new URL(graphqlUrl)
  url.pathname = `${url.pathname.replace(/\/graphql\/?$/, '').replace(/\/$/, '')}${DATA_ENTRY_PREFIX}${rest}`
  url.search = search
  return url
}

/**
 * `/data-entry/…` at the gateway: the bearer token authenticated as for `/graphql` (401/403), the
 * request counted against the caller's rate limit, then forwarded to the department that owns the
 * dataset with the caller's identity signed for it, streaming both ways (the CSV file up, the NDJSON
 * progress down; neither is buffered). The department decides who may write. `GET /data-entry/datasets`
 * asks every department whose `<department>:write` scope the caller holds and merges their forms.
 */
export function createDataEntryProxy(opts: DataEntryProxyOptions) {
  const { config, policy, authenticate, signHeaders, log } = opts
  const maxBytes = opts.maxBytes ?? readDataEntryLimits().maxBytes
  const httpAgent = new Agent({ keepAlive: true, maxSockets: 64 })
  const httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets: 64 })

  const contextOf = (principal: Principal): GatewayContext => {
    if (config.authorization === 'off') return { principal, access: UNRESTRICTED, rowFilters: [] }
    const snapshot = policy.snapshot()
    return { principal, access: effectiveAccess(snapshot, principal), rowFilters: rowFilters(snapshot, principal) }
  }

  /** Opens a request to a department; `onResponse`/`onError` settle it (a transport failure is DEPARTMENT_UNAVAILABLE). */
  const open = (target: URL, method: string, headers: Record<string, string | number>) =>
    (target.protocol === 'https:' ? httpsRequest : httpRequest)(target, {
      method,
      headers,
      agent: target.protocol === 'https:' ? httpsAgent : httpAgent,
    })

  async function list(ctx: GatewayContext, res: ServerResponse): Promise<void> {
    const writable = opts.subgraphs().filter(s => ctx.access.scopes.has(`${s.name}:write`))
    const unavailable: string[] = []
    const answers = await Promise.all(
      writable.map(async s => {
        try {
          const answer = await fetch(departmentUrl(s.url, 'datasets', ''), {
            headers: { accept: 'application/json', ...signHeaders(s.name, ctx) },
            signal: AbortSignal.timeout(config.subgraphTimeoutMs),
          })
          if (answer.status === 403 || answer.status === 404) return []
          if (!answer.ok) throw new Error(`HTTP ${answer.status}`)
          const body = (await answer.json()) as { datasets?: unknown }
          return Array.isArray(body.datasets) ? body.datasets : []
        } catch (err) {
          log.warn({ department: s.name, err: err instanceof Error ? err.message : String(err) }, 'data entry: department did not answer')
          unavailable.push(s.name)
          return []
        }
      }),
    )
    sendJson(res, 200, { datasets: answers.flat(), ...(unavailable.length ? { unavailable } : {}) }, { 'cache-control': 'no-store' })
  }

  function forward(
    department: { name: string; url: string },
    rest: string,
    search: string,
    ctx: GatewayContext,
    req: IncomingMessage,
    res: ServerResponse,
  ) {
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD'
    const declared = Number(req.headers['content-length'])
    if (hasBody && Number.isFinite(declared) && declared > maxBytes) {
      return sendError(res, 413, 'PAYLOAD_TOO_LARGE', `the file exceeds ${maxBytes} bytes; split it and upload the parts`, {
        connection: 'close',
      })
    }
    const headers: Record<string, string | number> = { ...signHeaders(department.name, ctx) }
    for (const h of FORWARDED_REQUEST_HEADERS) {
      const v = req.headers[h]
      if (typeof v === 'string') headers[h] = v
    }
    if (hasBody && headers['content-length'] === undefined) headers['transfer-encoding'] = 'chunked'
    const upstream = open(departmentUrl(department.url, rest, search), req.method ?? 'GET', headers)
    let answered = false
    let ndjson = false
    let tooLarge = false

    const unavailable = (reason: string) => {
      if (res.destroyed || res.writableEnded) return
      log.warn({ department: department.name, reason }, 'data entry: department did not answer')
      const message = `department ${department.name} is unavailable (${reason})`
      if (!res.headersSent) return sendError(res, 503, 'DEPARTMENT_UNAVAILABLE', message, hasBody ? { connection: 'close' } : {})
      // A plain answer cut short cannot be completed; the client sees it end early.
      if (!ndjson) return void res.destroy()
      // Mid-upload answer: the department's transaction may or may not have committed; the key tells on a retry.
      res.end(
        `${JSON.stringify({
          type: 'result',
          ok: false,
          code: 'DEPARTMENT_UNAVAILABLE',
          message: `${message} before it answered; upload the file again with the same Idempotency-Key (a file already written is answered, not written twice)`,
          problems: [],
          problemCount: 0,
        })}\n`,
      )
    }

    upstream.setTimeout(UPSTREAM_IDLE_MS, () => upstream.destroy(new Error('timed out')))
    upstream.on('error', err => {
      if (tooLarge) return
      if (!answered || !res.writableEnded) unavailable(err.message === 'timed out' ? 'timed out' : 'no answer')
    })
    upstream.on('response', answer => {
      answered = true
      ndjson = (answer.headers['content-type'] ?? '').startsWith('application/x-ndjson')
      const out: Record<string, string> = {}
      for (const h of FORWARDED_RESPONSE_HEADERS) {
        const v = answer.headers[h]
        if (typeof v === 'string') out[h] = v
      }
      // The department answered before the whole file arrived (a refusal): this connection cannot carry another request.
      if (hasBody && !req.complete) out.connection = 'close'
      res.writeHead(answer.statusCode ?? 502, out)
      answer.on('data', (chunk: Buffer) => {
        if (!res.write(chunk)) answer.pause()
      })
      res.on('drain', () => answer.resume())
      answer.on('end', () => res.end())
      answer.on('error', () => unavailable('the answer broke off'))
      answer.on('aborted', () => unavailable('the answer broke off'))
    })
    // The client went away (mid-upload or mid-answer): the department sees its request end without a
    // body's end and rolls back; its connection is not left waiting.
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy()
    })
    req.on('close', () => {
      if (hasBody && !req.complete) upstream.destroy()
    })

    if (!hasBody) return void upstream.end()
    let bytes = 0
    req.on('data', (chunk: Buffer) => {
      if (tooLarge) return
      bytes += chunk.length
      if (bytes > maxBytes) {
        tooLarge = true
        upstream.destroy()
        const message = `the file exceeds ${maxBytes} bytes; nothing was written; split it and upload the parts`
        if (!res.headersSent) sendError(res, 413, 'PAYLOAD_TOO_LARGE', message, { connection: 'close' })
        else
          res.end(`${JSON.stringify({ type: 'result', ok: false, code: 'PAYLOAD_TOO_LARGE', message, problems: [], problemCount: 0 })}\n`)
        return
      }
      if (!upstream.write(chunk)) req.pause()
    })
    upstream.on('drain', () => req.resume())
    req.on('end', () => {
      if (!tooLarge) upstream.end()
    })
  }

  return async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // A body is never read to its end just to refuse it: after an upload (or its refusal) the connection closes.
    if (req.method !== 'GET' && req.method !== 'HEAD') res.setHeader('connection', 'close')
    const principal = await authenticate(req, res)
    if (!principal) return
    // Data entry is never anonymous: where /graphql serves a caller without a token as `public`, this asks for one.
    if (!principal.authenticated)
      return sendError(res, 401, 'UNAUTHENTICATED', 'Data entry needs a bearer token', { 'www-authenticate': 'Bearer' })
    if (!opts.rateLimit.check(req, res, principal)) return
    const url = new URL(req.url ?? '/', 'http://gateway')
    const rest = url.pathname.slice(DATA_ENTRY_PREFIX.length)
    const ctx = contextOf(principal)
    if (rest === 'datasets') {
      if (req.method !== 'GET') return sendError(res, 405, 'METHOD_NOT_ALLOWED', 'use GET', { allow: 'GET' })
      return list(ctx, res)
    }
    const slash = rest.indexOf('/')
    const name = slash < 0 ? rest : rest.slice(0, slash)
    const department = DEPARTMENT.test(name) ? opts.subgraphs().find(s => s.name === name) : undefined
    const inner = slash < 0 ? '' : rest.slice(slash + 1)
    if (!department || inner === '' || inner.includes('/'))
      return sendError(
        res,
        404,
        'NOT_FOUND',
        'no such data-entry path; see GET /data-entry/datasets for the departments and datasets you may write',
      )
    return forward(department, inner, url.search, ctx, req, res)
  }
}
