import { Counter, Gauge, Histogram, type Registry } from 'prom-client'
import { boundedLabels } from './bounded-labels.js'
import { LATENCY_BUCKETS } from './gateway-metrics.js'

/** Seconds: SQL statements of a department, from an index lookup to a statement timeout. */
const SQL_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]

/** The pg Pool counters (`totalCount`, `idleCount`, `waitingCount`). */
export interface PoolCounts {
  readonly totalCount: number
  readonly idleCount: number
  readonly waitingCount: number
}

/** A dataset of the department (`<schema>.dataset`): its age and the refresh cadence it promises. */
export interface DatasetFreshness {
  id: string
  ageSeconds: number
  refreshCadence: string | null
}

export type CacheEvent = 'hit' | 'miss' | 'dedupe'

const DATASETS_TIMEOUT_MS = 1_000

export interface ServiceMetrics {
  readonly registry: Registry | null
  /** One finished HTTP request on `/graphql`. */
  request(status: number, seconds: number): void
  /** One SQL statement, by the name it is prepared under (lib/observability/statement-labels.ts). */
  statement(label: string, seconds: number, ok: boolean): void
  /** A lookup of a cached loader (lib/cache/create-service-cache.ts). */
  cache(loader: string, event: CacheEvent): void
  /** Cached entries of a dataset dropped after a write. */
  invalidation(dataset: string): void
}

export const NO_SERVICE_METRICS: ServiceMetrics = Object.freeze({
  registry: null,
  request() {},
  statement() {},
  cache() {},
  invalidation() {},
})

/** Seconds between refreshes a dataset's `refresh_cadence` promises; unknown cadences have none. */
export const CADENCE_SECONDS: Readonly<Record<string, number>> = Object.freeze({
  DAILY: 86_400,
  WEEKLY: 7 * 86_400,
  MONTHLY: 31 * 86_400,
  QUARTERLY: 92 * 86_400,
  SEMIANNUAL: 183 * 86_400,
  ANNUAL: 366 * 86_400,
})

export interface ServiceMetricsOptions {
  /** The department's pg pool, read at scrape time. */
  pool?: PoolCounts | null
  /** Its datasets' freshness, queried at scrape time (one small SELECT); errors leave the gauges out. */
  datasets?: (() => Promise<readonly DatasetFreshness[]>) | null
}

/**
 * A department's metrics (names `stadtgraph_department_*`, `stadtgraph_dataset_*`), registered on
 * `registry`, whose default label `department` names it. Labels are bounded: statement names
 * (hashes of statement texts, at most 300 distinct, then `other`), loader names (fixed in code),
 * dataset ids (rows of the department's own dataset table, at most 200).
 */
export function createServiceMetrics(registry: Registry, opts: ServiceMetricsOptions = {}): ServiceMetrics {
  const datasetLabel = boundedLabels({
    max: 200,
    pattern: /^[a-z][a-z0-9_]{0,30}\.[A-Za-z0-9_.-]{1,100}$/,
    empty: 'none',
    overflow: 'other',
  })
  const loaderLabel = boundedLabels({ max: 200, pattern: /^[A-Za-z0-9_.-]{1,100}$/, empty: 'none', overflow: 'other' })
  const statementLabel = boundedLabels({ max: 300, pattern: /^[A-Za-z0-9_]{1,40}$/, empty: 'unnamed', overflow: 'other' })
  const requests = new Counter({
    name: 'stadtgraph_department_requests_total',
    help: 'GraphQL requests by HTTP status',
    labelNames: ['status'] as const,
    registers: [registry],
  })
  const duration = new Histogram({
    name: 'stadtgraph_department_request_duration_seconds',
    help: 'Time from request to response',
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  })
  const sql = new Histogram({
    name: 'stadtgraph_department_sql_duration_seconds',
    help: 'SQL statements by prepared statement name and outcome',
    labelNames: ['statement', 'outcome'] as const,
    buckets: SQL_BUCKETS,
    registers: [registry],
  })
  const cacheEvents = new Counter({
    name: 'stadtgraph_department_cache_events_total',
    help: 'Cached loader lookups by loader and event (hit, miss, dedupe)',
    labelNames: ['loader', 'event'] as const,
    registers: [registry],
  })
  const invalidations = new Counter({
    name: 'stadtgraph_department_cache_invalidations_total',
    help: 'Dataset invalidations of the cross-request cache',
    labelNames: ['dataset'] as const,
    registers: [registry],
  })
  const pool = opts.pool
  if (pool) {
    new Gauge({
      name: 'stadtgraph_department_db_pool_connections',
      help: 'Database pool connections by state (in_use, idle)',
      labelNames: ['state'] as const,
      registers: [registry],
      collect() {
        this.set({ state: 'in_use' }, pool.totalCount - pool.idleCount)
        this.set({ state: 'idle' }, pool.idleCount)
      },
    })
    new Gauge({
      name: 'stadtgraph_department_db_pool_waiting',
      help: 'Queries waiting for a pool connection',
      registers: [registry],
      collect() {
        this.set(pool.waitingCount)
      },
    })
  }
  const datasets = opts.datasets
  if (datasets) {
    // Both gauges come from one query: a scrape collecting them concurrently shares it.
    let pending: Promise<void> | null = null
    const refresh = () =>
      (pending ??= (async () => {
        let rows: readonly DatasetFreshness[] = []
        // A database that does not answer (paused, overloaded) must not hold the scrape: after a second
        // the freshness series are left out of it, the other metrics are served.
        let timer: NodeJS.Timeout | undefined
        const late = new Promise<readonly DatasetFreshness[]>(resolve => {
          timer = setTimeout(() => resolve([]), DATASETS_TIMEOUT_MS)
          timer.unref()
        })
        try {
          rows = await Promise.race([datasets(), late])
        } catch {
          /* database away: no freshness series this scrape */
        } finally {
          clearTimeout(timer)
        }
        age.reset()
        interval.reset()
        for (const d of rows) {
          const label = datasetLabel(d.id)
          age.set({ dataset: label }, d.ageSeconds)
          const every = d.refreshCadence ? CADENCE_SECONDS[d.refreshCadence.toUpperCase()] : undefined
          if (every) interval.set({ dataset: label }, every)
        }
      })().finally(() => {
        pending = null
      }))
    const age = new Gauge({
      name: 'stadtgraph_dataset_age_seconds',
      help: 'Seconds since the dataset was last written (its as_of)',
      labelNames: ['dataset'] as const,
      registers: [registry],
      collect: refresh,
    })
    const interval = new Gauge({
      name: 'stadtgraph_dataset_refresh_interval_seconds',
      help: 'Seconds between refreshes the dataset promises (its refresh_cadence)',
      labelNames: ['dataset'] as const,
      registers: [registry],
      collect: refresh,
    })
  }

  const statusChildren = new Map<number, ReturnType<typeof requests.labels>>()
  const sqlChildren = new Map<string, { ok: ReturnType<typeof sql.labels>; error: ReturnType<typeof sql.labels> }>()
  const cacheChildren = new Map<string, Record<CacheEvent, ReturnType<typeof cacheEvents.labels>>>()
  return {
    registry,
    request(status, seconds) {
      let child = statusChildren.get(status)
      if (!child) statusChildren.set(status, (child = requests.labels(String(status))))
      child.inc()
      duration.observe(seconds)
    },
    statement(label, seconds, ok) {
      const name = statementLabel(label)
      let children = sqlChildren.get(name)
      if (!children) sqlChildren.set(name, (children = { ok: sql.labels(name, 'ok'), error: sql.labels(name, 'error') }))
      ;(ok ? children.ok : children.error).observe(seconds)
    },
    cache(loader, event) {
      const name = loaderLabel(loader)
      let children = cacheChildren.get(name)
      if (!children)
        cacheChildren.set(
          name,
          (children = {
            hit: cacheEvents.labels(name, 'hit'),
            miss: cacheEvents.labels(name, 'miss'),
            dedupe: cacheEvents.labels(name, 'dedupe'),
          }),
        )
      children[event].inc()
    },
    invalidation(dataset) {
      invalidations.inc({ dataset: datasetLabel(dataset) })
    },
  }
}
