import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Registry } from 'prom-client'
import type { Principal } from '../../auth/principal.js'
import { createLogger, type Logger } from '../../platform/logger/create-logger.js'
import { createMetricsRegistry } from './create-metrics-registry.js'
import { createGatewayMetrics, NO_GATEWAY_METRICS, type GatewayMetrics, type RoleClass } from './gateway-metrics.js'
import type { ObservabilityConfig } from './observability-config.js'
import { requestIdOf } from './request-id.js'
import type { RequestRecord } from './request-record-plugin.js'
import { startMetricsServer, type MetricsServer } from './serve-metrics.js'
import { extractTraceContext, SpanKind, startSpan, type Span } from './tracing.js'

/** One GraphQL request at the gateway, as its metrics, span and log line see it. */
export interface GatewayRequest extends RequestRecord {
  readonly span: Span | undefined
  /** Set once authenticated. */
  principal: Principal | null
  /** Whether the effective access is the admin role's. */
  admin: boolean
}

export interface GatewayObservability {
  readonly registry: Registry | null
  readonly metrics: GatewayMetrics
  readonly log: Logger
  /** The METRICS_PORT listener, if any. */
  readonly metricsServer: MetricsServer | null
  /**
   * Starts observing one request on the GraphQL path: answers with its `x-request-id`, starts its
   * span (continuing a caller's W3C `traceparent`), and when the response is sent counts it,
   * observes its duration and writes its one log line.
   */
  observeRequest(req: IncomingMessage, res: ServerResponse): GatewayRequest
  close(): Promise<void>
}

export function roleClassOf(principal: Principal | null, admin: boolean): RoleClass {
  return admin ? 'admin' : principal?.authenticated ? 'authenticated' : 'public'
}

/**
 * The gateway's metrics registry (unless METRICS=off), its METRICS_PORT listener, its logger and
 * the per-request observation. A request's log line (level info, message `request`) carries
 * requestId, traceId, operationName, operationHash, sub, roles, status and durationMs — never a
 * token; LOG_LEVEL=warn drops it.
 */
export async function createGatewayObservability(
  obs: ObservabilityConfig,
  opts: {
    replica: string
    host: string
    policyVersion: () => number
    logger?: Logger
  },
): Promise<GatewayObservability> {
  const log = opts.logger ?? createLogger({ name: 'gateway', level: obs.logLevel })
  const registry = obs.metrics ? createMetricsRegistry() : null
  const metrics = registry
    ? createGatewayMetrics(registry, { policyVersion: opts.policyVersion, replica: opts.replica })
    : NO_GATEWAY_METRICS
  const metricsServer =
    registry && obs.metricsPort !== null
      ? await startMetricsServer(registry, obs.metricsPort, obs.metricsHost ?? opts.host, obs.metricsToken)
      : null
  if (registry && !metricsServer && obs.clientPortAccess === 'off') {
    log.warn('metrics are collected but not served: set METRICS_PORT (a port only Prometheus reaches) or METRICS_TOKEN')
  }
  const logRequests = log.isLevelEnabled('info')

  return {
    registry,
    metrics,
    log,
    metricsServer,
    observeRequest(req, res) {
      const id = requestIdOf(req.headers['x-request-id'])
      res.setHeader('x-request-id', id)
      const span = startSpan(
        'gateway.request',
        { 'http.request.method': req.method ?? 'GET' },
        SpanKind.SERVER,
        extractTraceContext(req.headers),
      )
      const record: GatewayRequest = { id, span, operationName: undefined, operationHash: undefined, principal: null, admin: false }
      const started = performance.now()
      // 'close' comes for every request, 'finish' only for answered ones: a caller gone first counts as 499.
      res.once('close', () => {
        const ms = performance.now() - started
        const status = res.writableFinished ? res.statusCode : 499
        metrics.request(record.operationName, status, roleClassOf(record.principal, record.admin), ms / 1000)
        if (span) {
          span.setAttribute('http.response.status_code', status)
          if (record.operationName) span.setAttribute('graphql.operation.name', record.operationName)
          span.end()
        }
        if (logRequests) {
          log.info(
            {
              requestId: id,
              traceId: span?.spanContext().traceId,
              operationName: record.operationName,
              operationHash: record.operationHash,
              sub: record.principal?.subject ?? null,
              roles: record.principal?.roles,
              status,
              durationMs: Math.round(ms * 10) / 10,
            },
            'request',
          )
        }
      })
      return record
    },
    close: async () => {
      await metricsServer?.close()
    },
  }
}
