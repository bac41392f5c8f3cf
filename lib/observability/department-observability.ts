import type { IncomingMessage, ServerResponse } from 'node:http'
import { sql } from 'kysely'
import type { Registry } from 'prom-client'
import type { DbHandle } from '../../platform/db/create-db.js'
import { createMetricsRegistry } from './create-metrics-registry.js'
import type { ObservabilityConfig } from './observability-config.js'
import { createServiceMetrics, NO_SERVICE_METRICS, type DatasetFreshness, type ServiceMetrics } from './service-metrics.js'
import { createStatementLabels } from './statement-labels.js'
import { extractTraceContext, recordSpan, SpanKind, startSpan, tracingEnabled, type Span } from './tracing.js'
import type { AnyDatabase } from '../service/define-service.js'

export interface DepartmentObservability {
  /** Null with METRICS=off. */
  registry: Registry | null
  metrics: ServiceMetrics
  /**
   * Starts observing one `/graphql` request: counted with its status and duration when the response
   * is sent; its span (child of the gateway's fetch span, by W3C `traceparent`) is returned so the
   * request runs in it and its loaders and SQL statements become its children.
   */
  observeRequest(req: IncomingMessage, res: ServerResponse): Span | undefined
}

/**
 * Metrics and tracing of one department: its registry (default label `department`), request, SQL
 * (by prepared statement name, through the handle's query observer), pool and dataset-freshness
 * metrics, and the request span.
 */
export function createDepartmentObservability(
  name: string,
  dbSchema: string,
  handle: DbHandle<AnyDatabase>,
  obs: ObservabilityConfig,
): DepartmentObservability {
  const registry = obs.metrics ? createMetricsRegistry({ department: name }) : null
  const metrics = registry
    ? createServiceMetrics(registry, {
        pool: handle.pool ?? null,
        datasets: async () => {
          const { rows } = await sql<{ id: string; age: number; refresh_cadence: string | null }>`
        select id, extract(epoch from now() - as_of)::float8 as age, refresh_cadence from ${sql.id(dbSchema, 'dataset')}`.execute(handle.db)
          return rows.map((r): DatasetFreshness => ({ id: r.id, ageSeconds: r.age, refreshCadence: r.refresh_cadence }))
        },
      })
    : NO_SERVICE_METRICS
  const label = createStatementLabels()
  handle.observe?.((text, parameters, ms, failed) => {
    const statement = label(text, parameters)
    metrics.statement(statement, ms / 1000, !failed)
    if (tracingEnabled())
      recordSpan('sql', ms, { 'db.system': 'postgresql', 'db.statement.name': statement, 'db.query.text': text.slice(0, 2000) }, failed)
  })
  return {
    registry,
    metrics,
    observeRequest(req, res) {
      const span = startSpan('department.request', { 'stadtgraph.department': name }, SpanKind.SERVER, extractTraceContext(req.headers))
      const started = performance.now()
      // 'close' comes for every request, 'finish' only for answered ones: a caller gone first counts as 499.
      res.once('close', () => {
        const status = res.writableFinished ? res.statusCode : 499
        metrics.request(status, (performance.now() - started) / 1000)
        span?.setAttribute('http.response.status_code', status)
        span?.end()
      })
      return span
    },
  }
}
