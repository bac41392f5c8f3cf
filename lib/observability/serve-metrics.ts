import { timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Registry } from 'prom-client'
import { processMetricsRegistry } from './create-metrics-registry.js'
import type { MetricsAccess } from './observability-config.js'
import { sendError } from '../../platform/http/send-json.js'

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1'])

/** Exactly what the servers answer for a path they do not know. */
function notFound(res: ServerResponse): void {
  const text = JSON.stringify({ error: 'not found' })
  res.writeHead(404, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) })
  res.end(text)
}

function bearerMatches(req: IncomingMessage, token: string): boolean {
  const header = req.headers.authorization
  if (typeof header !== 'string' || !header.startsWith('Bearer ')) return false
  const given = Buffer.from(header.slice(7).trim())
  const wanted = Buffer.from(token)
  return given.length === wanted.length && timingSafeEqual(given, wanted)
}

/**
 * Answers `GET /metrics` with the registry and the process metrics in the Prometheus text format, if `access` lets this
 * caller read it: `off` answers 404 (as for any unknown path: the client port does not reveal that
 * metrics exist), `loopback` only callers on this machine, `token` only callers sending the token, `open` anyone
 * who reaches the port. A configured token is required whatever the access.
 */
export async function serveMetrics(
  registry: Registry,
  req: IncomingMessage,
  res: ServerResponse,
  access: MetricsAccess,
  token: string | null,
): Promise<void> {
  if (access === 'off') return notFound(res)
  if (access === 'loopback' && !LOOPBACK.has(req.socket.remoteAddress ?? ''))
    return sendError(res, 403, 'FORBIDDEN', 'Metrics are served to this machine only (set METRICS_TOKEN or METRICS_PORT)')
  if ((access === 'token' || token) && !bearerMatches(req, token ?? '')) {
    return sendError(res, 401, 'UNAUTHENTICATED', 'Metrics need the metrics bearer token', { 'www-authenticate': 'Bearer' })
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, 'METHOD_NOT_ALLOWED', 'GET /metrics', { allow: 'GET' })
  // Two texts, not Registry.merge: a merged registry would drop the server's default labels.
  const text = `${await processMetricsRegistry().metrics()}\n${await registry.metrics()}`
  res.writeHead(200, { 'content-type': registry.contentType, 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' })
  res.end(req.method === 'HEAD' ? undefined : text)
}

export interface MetricsServer {
  port: number
  close(): Promise<void>
}

/** A listener of its own serving only `/metrics` (METRICS_PORT), for a network that only Prometheus reaches. */
export async function startMetricsServer(registry: Registry, port: number, host: string, token: string | null): Promise<MetricsServer> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]
    if (path !== '/metrics') return notFound(res)
    serveMetrics(registry, req, res, token ? 'token' : 'open', token).catch(() => {
      if (!res.headersSent) sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error')
      else res.end()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve())
  })
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>(resolve => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
