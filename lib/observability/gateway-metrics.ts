import { Counter, Gauge, Histogram, type Registry } from 'prom-client'
import { boundedLabels } from './bounded-labels.js'
import { isErrorCode } from '../../platform/errors.js'

/** The caller as metrics see it: never the raw roles (unbounded, and telling), only their class. */
export type RoleClass = 'public' | 'authenticated' | 'admin'

/** Seconds: from a cached 2 ms answer to a subgraph timeout. */
export const LATENCY_BUCKETS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

export interface GatewayMetrics {
  readonly registry: Registry | null
  /** One finished HTTP request on the GraphQL path. `operation`: the resolved operation name, if any. */
  request(operation: string | null | undefined, status: number, roleClass: RoleClass, seconds: number): void
  /** One subgraph call of a query plan, by subgraph name (from the supergraph: bounded). */
  subgraphFetch(subgraph: string, seconds: number, ok: boolean): void
  /** Errors in responses, by `extensions.code` (the codes of the catalogue; anything else `OTHER`). */
  graphqlError(code: unknown): void
  /** An operation answered with an identical in-flight operation's result. */
  dedupeHit(): void
  /** A subgraph fetch that led a shareable HTTP call (`leader`) or joined an identical one in flight (`follower`). */
  subgraphDedupe(subgraph: string, outcome: 'leader' | 'follower'): void
  /** A request refused with 429 by the rate limiter. */
  rateLimited(roleClass: RoleClass): void
  /**
   * A bounded cache to report at every scrape, under `name` (a fixed name chosen by the gateway, never
   * client input): its entries and bytes, and its hits, misses and evictions since it was created.
   * Registering a name again (a cache built anew, or the same one) keeps the counters' totals: the
   * replaced source's counts not yet scraped are still added, and the new one counts on from what it has
   * at registration (so the same cache is not counted twice).
   */
  cache(name: string, stats: () => CacheStats): void
}

/** What a bounded cache reports (platform/lru.ts). */
export interface CacheStats {
  entries: number
  bytes: number
  hits: number
  misses: number
  evictions: number
}

export const NO_GATEWAY_METRICS: GatewayMetrics = Object.freeze({
  registry: null,
  request() {},
  subgraphFetch() {},
  graphqlError() {},
  dedupeHit() {},
  subgraphDedupe() {},
  rateLimited() {},
  cache() {},
})

export interface GatewayMetricsOptions {
  /** The policy version this replica enforces, read at scrape time. */
  policyVersion: () => number
  replica: string
  /** Distinct operation names counted by name; later new names count as `other` (default 200). */
  maxOperations?: number
}

/**
 * The gateway's metrics (names `stadtgraph_gateway_*`), registered on `registry`. Every label is
 * bounded: operation names are GraphQL names admitted up to `maxOperations` (then `other`;
 * `anonymous` for unnamed operations, `none` when the request never reached an operation), status
 * is an HTTP status, role class one of three, subgraph one of the supergraph's, error code a
 * catalogue code (platform/errors.ts; any other code `OTHER`). Label objects are reused: an observation
 * allocates nothing.
 */
export function createGatewayMetrics(registry: Registry, opts: GatewayMetricsOptions): GatewayMetrics {
  const operationName = boundedLabels({
    max: opts.maxOperations ?? 200,
    pattern: /^[_A-Za-z][_0-9A-Za-z]{0,99}$/,
    empty: 'anonymous',
    overflow: 'other',
  })
  const errorCode = boundedLabels({ max: 100, pattern: /^[A-Z][A-Z0-9_]{0,59}$/, empty: 'NONE', overflow: 'OTHER' })
  const requests = new Counter({
    name: 'stadtgraph_gateway_requests_total',
    help: 'GraphQL requests by operation name, HTTP status and role class',
    labelNames: ['operation', 'status', 'role_class'] as const,
    registers: [registry],
  })
  const duration = new Histogram({
    name: 'stadtgraph_gateway_request_duration_seconds',
    help: 'Time from request to response at the gateway, by role class',
    labelNames: ['role_class'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  })
  const fetches = new Histogram({
    name: 'stadtgraph_gateway_subgraph_fetch_duration_seconds',
    help: 'Subgraph calls of query plans, by subgraph and outcome',
    labelNames: ['subgraph', 'outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  })
  const errors = new Counter({
    name: 'stadtgraph_gateway_graphql_errors_total',
    help: 'Errors in GraphQL responses by extensions.code',
    labelNames: ['code'] as const,
    registers: [registry],
  })
  const dedupe = new Counter({
    name: 'stadtgraph_gateway_dedupe_hits_total',
    help: 'Operations answered by an identical in-flight operation',
    registers: [registry],
  })
  const fetchDedupe = new Counter({
    name: 'stadtgraph_gateway_subgraph_fetch_dedupe_total',
    help: 'Shareable subgraph fetches, by subgraph and outcome (leader: made the HTTP call; follower: joined an identical one in flight)',
    labelNames: ['subgraph', 'outcome'] as const,
    registers: [registry],
  })
  const limited = new Counter({
    name: 'stadtgraph_gateway_rate_limited_total',
    help: 'Requests refused by the rate limiter (429)',
    labelNames: ['role_class'] as const,
    registers: [registry],
  })
  // Caches report totals; the counters are advanced by what changed since the last scrape. `carried`: what a
  // source replaced under the same name had counted since the last scrape, added at the next one.
  type CacheEvent = 'hits' | 'misses' | 'evictions'
  const caches = new Map<string, { stats: () => CacheStats; reported: CacheStats; carried: Record<CacheEvent, number> }>()
  const cacheCounter = (event: CacheEvent, help: string) =>
    new Counter({
      name: `stadtgraph_gateway_cache_${event}_total`,
      help,
      labelNames: ['cache'] as const,
      registers: [registry],
      collect() {
        for (const [name, cache] of caches) {
          const now = cache.stats()[event]
          this.inc({ cache: name }, Math.max(0, now - cache.reported[event]) + cache.carried[event])
          cache.reported[event] = now
          cache.carried[event] = 0
        }
      },
    })
  cacheCounter('hits', 'Lookups answered by a gateway cache, by cache')
  cacheCounter('misses', 'Lookups a gateway cache could not answer, by cache')
  cacheCounter('evictions', 'Entries a gateway cache dropped to stay within its bounds, by cache')
  for (const [measure, help] of [
    ['entries', 'Entries held by a gateway cache, by cache'],
    ['bytes', 'Approximate bytes held by a gateway cache, by cache'],
  ] as const) {
    new Gauge({
      name: `stadtgraph_gateway_cache_${measure}`,
      help,
      labelNames: ['cache'] as const,
      registers: [registry],
      collect() {
        for (const [name, cache] of caches) this.set({ cache: name }, cache.stats()[measure])
      },
    })
  }
  new Gauge({
    name: 'stadtgraph_gateway_policy_version',
    help: 'Policy version this replica enforces',
    labelNames: ['replica'] as const,
    registers: [registry],
    collect() {
      this.set({ replica: opts.replica }, opts.policyVersion())
    },
  })

  const durationBy = { public: duration.labels('public'), authenticated: duration.labels('authenticated'), admin: duration.labels('admin') }
  const limitedBy = { public: limited.labels('public'), authenticated: limited.labels('authenticated'), admin: limited.labels('admin') }
  // operation → status → role class → child counter
  const requestChildren = new Map<string, Map<number, Record<RoleClass, ReturnType<typeof requests.labels>>>>()
  const fetchChildren = new Map<string, { ok: ReturnType<typeof fetches.labels>; error: ReturnType<typeof fetches.labels> }>()
  const dedupeChildren = new Map<string, Record<'leader' | 'follower', ReturnType<typeof fetchDedupe.labels>>>()
  const errorChildren = new Map<string, ReturnType<typeof errors.labels>>()

  return {
    registry,
    request(operation, status, roleClass, seconds) {
      const op = operation === undefined ? 'none' : operationName(operation)
      let byStatus = requestChildren.get(op)
      if (!byStatus) requestChildren.set(op, (byStatus = new Map()))
      let byRole = byStatus.get(status)
      if (!byRole) {
        const s = String(status)
        byStatus.set(
          status,
          (byRole = {
            public: requests.labels(op, s, 'public'),
            authenticated: requests.labels(op, s, 'authenticated'),
            admin: requests.labels(op, s, 'admin'),
          }),
        )
      }
      byRole[roleClass].inc()
      durationBy[roleClass].observe(seconds)
    },
    subgraphFetch(subgraph, seconds, ok) {
      let children = fetchChildren.get(subgraph)
      if (!children)
        fetchChildren.set(subgraph, (children = { ok: fetches.labels(subgraph, 'ok'), error: fetches.labels(subgraph, 'error') }))
      ;(ok ? children.ok : children.error).observe(seconds)
    },
    graphqlError(code) {
      // Only clients' codes come from the catalogue; anything else in `extensions.code` counts as OTHER.
      const c = errorCode(typeof code !== 'string' ? null : isErrorCode(code) ? code : 'OTHER')
      let child = errorChildren.get(c)
      if (!child) errorChildren.set(c, (child = errors.labels(c)))
      child.inc()
    },
    dedupeHit() {
      dedupe.inc()
    },
    subgraphDedupe(subgraph, outcome) {
      let children = dedupeChildren.get(subgraph)
      if (!children)
        dedupeChildren.set(
          subgraph,
          (children = { leader: fetchDedupe.labels(subgraph, 'leader'), follower: fetchDedupe.labels(subgraph, 'follower') }),
        )
      children[outcome].inc()
    },
    rateLimited(roleClass) {
      limitedBy[roleClass].inc()
    },
    cache(name, stats) {
      const previous = caches.get(name)
      const carried = { hits: 0, misses: 0, evictions: 0 }
      if (previous) {
        const last = previous.stats()
        for (const event of ['hits', 'misses', 'evictions'] as const) {
          carried[event] = Math.max(0, last[event] - previous.reported[event]) + previous.carried[event]
        }
      }
      // A name's first source counts from zero; a source registered again counts on from what it has now.
      const reported = previous ? { ...stats() } : { entries: 0, bytes: 0, hits: 0, misses: 0, evictions: 0 }
      caches.set(name, { stats, reported, carried })
    },
  }
}
