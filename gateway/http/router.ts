import type { IncomingMessage, ServerResponse } from 'node:http'
import { sendError, sendJson } from '../../platform/http/send-json.js'
import type { GatewayObservability, GatewayRequest } from '../../lib/observability/gateway-observability.js'
import type { ObservabilityConfig } from '../../lib/observability/observability-config.js'
import { serveMetrics } from '../../lib/observability/serve-metrics.js'
import { runInSpan } from '../../lib/observability/tracing.js'
import type { GatewayConfig } from '../config.js'
import { graphiqlHtml, serveGraphiqlAsset } from '../graphiql/graphiql-page.js'
import type { Pipeline } from '../pipeline/pipeline.js'
import type { WebApp } from '../web/web-app.js'
import { auditCsvPath } from '../admin/audit-csv.js'
import { adminAccessPath } from '../admin/admin-route.js'
import { compressAnswer } from './compress.js'

export interface RouterOptions {
  config: Pick<GatewayConfig, 'graphqlPath' | 'adminPath' | 'healthPath' | 'readyPath'>
  observability: GatewayObservability
  obs: Pick<ObservabilityConfig, 'clientPortAccess' | 'metricsToken'>
  /** The GraphQL path: the request stages (gateway/pipeline/stages.ts). */
  pipeline: Pipeline
  admin: (req: IncomingMessage, res: ServerResponse, observed: GatewayRequest) => Promise<void>
  health: { health(res: ServerResponse): void; ready(res: ServerResponse): Promise<void> }
  /** The web app at `/` (gateway/web/web-app.ts) and its sign-in endpoints (gateway/web/auth-routes.ts). */
  web: WebApp
  auth: { config(req: IncomingMessage, res: ServerResponse): void; devToken(req: IncomingMessage, res: ServerResponse): Promise<void> }
  /** `/data-entry/…`: CSV uploads and forms, forwarded to the owning department (gateway/data-entry). */
  dataEntry?: (req: IncomingMessage, res: ServerResponse) => Promise<void>
}

/**
 * The gateway's paths: GraphQL (GraphiQL for a browser), the admin API (with its audit.csv and access), GraphiQL and its assets,
 * `/data-entry/…` (forwarded to the departments), `/auth/config` and `/auth/dev-token`, `/healthz`, `/readyz`, `/metrics` (when served on this port);
 * then the web app (`/`, its files, its client routes), or GraphiQL at `/` while the app is not
 * built; 404 otherwise. A request that fails unexpectedly is logged and answered 500 INTERNAL_SERVER_ERROR.
 */
export function createRouter({ config, observability, obs, pipeline, admin, health, web, auth, dataEntry }: RouterOptions) {
  const { log } = observability
  const auditCsv = auditCsvPath(config.adminPath)
  const adminAccess = adminAccessPath(config.adminPath)
  return (req: IncomingMessage, res: ServerResponse): void => {
    const path = (req.url ?? '/').split('?')[0]
    const observed: GatewayRequest | null =
      path === config.graphqlPath || path === config.adminPath ? observability.observeRequest(req, res) : null
    const route = async () => {
      if (path === config.graphqlPath) {
        const wantsHtml = req.method === 'GET' && (req.headers.accept ?? '').includes('text/html')
        if (wantsHtml) {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          return void res.end(graphiqlHtml(config.graphqlPath))
        }
        // JSON answers from 1 KB on go gzip/brotli compressed, as the client accepts (gateway/http/compress.ts).
        compressAnswer(req, res)
        return pipeline.serve(req, res, observed!)
      }
      if (path === config.adminPath) return admin(req, res, observed!)
      if (path === auditCsv || path === adminAccess) return admin(req, res, observability.observeRequest(req, res))
      const graphiql = () => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        res.end(req.method === 'HEAD' ? undefined : graphiqlHtml(config.graphqlPath))
      }
      if (path === '/graphiql') return graphiql()
      if (dataEntry && path.startsWith('/data-entry/')) return dataEntry(req, res)
      if (path === '/auth/config') return auth.config(req, res)
      if (path === '/auth/dev-token') return auth.devToken(req, res)
      if (path === config.healthPath) return health.health(res)
      if (path === config.readyPath) return health.ready(res)
      if (path === '/metrics' && observability.registry)
        return serveMetrics(observability.registry, req, res, obs.clientPortAccess, obs.metricsToken)
      if (req.method === 'GET' && serveGraphiqlAsset(path, res)) return
      if (await web.serve(req, res, path)) return
      if (path === '/' && (req.method === 'GET' || req.method === 'HEAD')) return graphiql()
      return sendJson(res, 404, { error: 'not found' })
    }
    runInSpan(observed?.span, route).catch(err => {
      log.error({ err, requestId: observed?.id }, 'request failed')
      if (!res.headersSent) sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error')
      else res.end()
    })
  }
}
