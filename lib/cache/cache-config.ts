/**
 * How department subgraphs cache loads across requests (and whether the gateway deduplicates
 * identical operations in flight). Read once from the environment at start, validated, frozen.
 *
 * | variable            | meaning                                                                 |
 * |---------------------|-------------------------------------------------------------------------|
 * | `CACHE`             | `memory` (default), `redis` (default when `REDIS_URL` is set) or `off`  |
 * | `REDIS_URL`         | shared storage for replicas, e.g. `redis://127.0.0.1:6379`             |
 * | `CACHE_TTL_SECONDS` | default time to live of an entry (300); 0 = in-flight dedupe only       |
 * | `CACHE_TTLS`        | per loader, e.g. `population.stockSummary=3600,asylum.capacityStatus=60` |
 * | `CACHE_MEMORY_ENTRIES` | entries kept per process with memory storage (10000)                |
 * | `CACHE_NAMESPACE`   | prefix of every key and reference (`stadtgraph`), one per deployment    |
 */
export type CacheMode = 'memory' | 'redis' | 'off'

export interface CacheConfig {
  readonly mode: CacheMode
  readonly redisUrl: string | null
  readonly ttlSeconds: number
  /** TTL per `<service>.<loader>`, overriding the loader's own default and `ttlSeconds`. */
  readonly ttls: Readonly<Record<string, number>>
  readonly memoryEntries: number
  readonly namespace: string
}

export class CacheConfigError extends Error {}

export const DEFAULT_TTL_SECONDS = 300
const MAX_TTL_SECONDS = 7 * 24 * 3600

function parseTtl(value: string, name: string): number {
  const n = Number(value)
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n > MAX_TTL_SECONDS) {
    throw new CacheConfigError(`${name} must be a whole number of seconds (0–${MAX_TTL_SECONDS}), got "${value}"`)
  }
  return n
}

export function readCacheConfig(env: Record<string, string | undefined> = process.env): CacheConfig {
  const redisUrl = env.REDIS_URL?.trim() || null
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl))
    throw new CacheConfigError(`REDIS_URL must start with redis:// or rediss://, got "${redisUrl}"`)
  const raw = env.CACHE?.trim() || (redisUrl ? 'redis' : 'memory')
  if (raw !== 'memory' && raw !== 'redis' && raw !== 'off')
    throw new CacheConfigError(`CACHE must be "memory", "redis" or "off", got "${raw}"`)
  if (raw === 'redis' && !redisUrl) throw new CacheConfigError('CACHE=redis needs REDIS_URL (e.g. redis://127.0.0.1:6379)')
  const ttls: Record<string, number> = {}
  for (const pair of (env.CACHE_TTLS ?? '')
    .split(',')
    .map(s => s.trim())
    .filter(Boolean)) {
    const eq = pair.indexOf('=')
    const name = pair.slice(0, eq).trim()
    if (eq < 1 || !/^[a-z][\w-]*\.[A-Za-z]\w*$/.test(name))
      throw new CacheConfigError(`CACHE_TTLS entries must be <service>.<loader>=<seconds>, got "${pair}"`)
    ttls[name] = parseTtl(pair.slice(eq + 1), `CACHE_TTLS ${name}`)
  }
  const entries = env.CACHE_MEMORY_ENTRIES?.trim() ? Number(env.CACHE_MEMORY_ENTRIES) : 10_000
  if (!Number.isSafeInteger(entries) || entries < 1)
    throw new CacheConfigError(`CACHE_MEMORY_ENTRIES must be a positive integer, got "${env.CACHE_MEMORY_ENTRIES}"`)
  const namespace = env.CACHE_NAMESPACE?.trim() || 'stadtgraph'
  if (!/^[\w.-]{1,64}$/.test(namespace))
    throw new CacheConfigError(`CACHE_NAMESPACE must be 1–64 letters, digits, '.', '_' or '-', got "${namespace}"`)
  return Object.freeze({
    mode: raw,
    redisUrl: raw === 'redis' ? redisUrl : null,
    ttlSeconds: env.CACHE_TTL_SECONDS?.trim() ? parseTtl(env.CACHE_TTL_SECONDS, 'CACHE_TTL_SECONDS') : DEFAULT_TTL_SECONDS,
    ttls: Object.freeze(ttls),
    memoryEntries: entries,
    namespace,
  })
}

/** Caching switched off: every load reads the database. */
export const CACHE_OFF: CacheConfig = Object.freeze({
  mode: 'off',
  redisUrl: null,
  ttlSeconds: 0,
  ttls: Object.freeze({}),
  memoryEntries: 1,
  namespace: 'stadtgraph',
})
