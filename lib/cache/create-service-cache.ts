import { serialize as v8Serialize, deserialize as v8Deserialize } from 'node:v8'
import DataLoader, { type BatchLoadFn } from 'dataloader'
import { Cache, createStorage } from 'async-cache-dedupe'
import { Redis } from 'ioredis'
import type { CacheConfig, CacheMode } from './cache-config.js'
import { deepFreeze } from './deep-freeze.js'

/** How one loader is cached. */
export interface LoaderPolicy<K> {
  /**
   * The datasets (`<schema>.dataset` ids, as provenance names them, e.g. `asy.occupancy`) the batch
   * function reads, or a function of the key giving them (provenance: the key is the dataset id).
   * Every entry references them; a write to any of them drops the entry.
   */
  datasets: readonly string[] | ((key: K) => readonly string[])
  /** Seconds an entry lives unless `CACHE_TTLS` says otherwise; default `CACHE_TTL_SECONDS`. */
  ttl?: number
  /** The key as a string, when keys are not strings (the DataLoader's `cacheKeyFn`). */
  key?: (key: K) => string
}

/** What `createLoaders` receives: turns a batch function into one that answers from the shared cache first. */
export interface LoaderCache {
  /**
   * Wraps `batch` for a per-request DataLoader. Keys found in the cache are answered from it; the
   * others go to `batch` in ONE call per tick — shared by all concurrent requests of this process,
   * so batching is kept and identical misses are deduplicated. Contract: `batch` depends on its keys
   * and the service's database only — never on the caller — which is what makes its answers
   * shareable across principals (row rules, disclosure control and scope checks run per request,
   * after the cache). Personal or special data must not be loaded through a cached loader.
   * The first `batch` given for a name is the one used; values are frozen: never mutate them.
   */
  loader<K, V>(name: string, batch: BatchLoadFn<K, V>, policy: LoaderPolicy<K>): BatchLoadFn<K, V>
}

/** The write side: see `afterWrite` in lib/service/after-write.ts. */
export interface DatasetInvalidator {
  /** Drops every cached entry that references one of the datasets (in every replica sharing Redis). */
  invalidate(datasetIds: readonly string[]): Promise<void>
}

export interface CacheStats {
  hits: number
  misses: number
  dedupes: number
  invalidations: number
}

/** Told of each lookup of a cached loader (by its name, without the service prefix) and of each invalidated dataset (metrics). */
export interface CacheObserver {
  cache(loader: string, event: 'hit' | 'miss' | 'dedupe'): void
  invalidation(dataset: string): void
}

export interface ServiceCache extends LoaderCache, DatasetInvalidator {
  readonly mode: CacheMode
  stats(): CacheStats
  close(): Promise<void>
}

/** No caching: `loader` returns the batch function unchanged. */
export const NO_CACHE: ServiceCache = Object.freeze({
  mode: 'off' as const,
  loader: <K, V>(_name: string, batch: BatchLoadFn<K, V>) => batch,
  invalidate: async () => {},
  stats: () => ({ hits: 0, misses: 0, dedupes: 0, invalidations: 0 }),
  close: async () => {},
})

/** What a cached function returns: the value and the invalidation epoch of its datasets when the load began. */
interface Entry<V> {
  epoch: number
  datasets: readonly string[]
  value: V
}

/** Redis keeps strings; v8 serialization keeps Dates and Maps that JSON would not. */
const V8_TRANSFORMER = {
  serialize: (data: unknown) => v8Serialize(data).toString('base64'),
  deserialize: (data: unknown) => v8Deserialize(Buffer.from(data as string, 'base64')),
}

const MAX_REFERENCES_TTL = 7 * 24 * 3600

function rateLimitedLog(prefix: string) {
  let last = 0
  let suppressed = 0
  const error = (input: { msg: string; err?: unknown }) => {
    const now = Date.now()
    if (now - last < 10_000) {
      suppressed++
      return
    }
    last = now
    const err = input.err instanceof Error ? input.err.message : input.err
    console.error(`${prefix} ${input.msg}${err ? `: ${err}` : ''}${suppressed ? ` (${suppressed} more suppressed)` : ''}`)
    suppressed = 0
  }
  return { debug: () => {}, warn: error, error }
}

/**
 * The cross-request cache of one department subgraph, on async-cache-dedupe (the engine under
 * mercurius-cache): memory storage per process, or Redis (ioredis) so that replicas share entries
 * and invalidations. Keys are `<namespace>:<service>@<version>.<loader>~<key>`, references
 * `<namespace>:<dataset id>`. The version (the department's latest migration) changes when what its loaders
 * return may change, so replicas of a new release never read entries an older release wrote to a shared
 * Redis.
 *
 * Invalidation is reference-based (`invalidation: true`; without it async-cache-dedupe silently
 * keeps entries). A load that began before an invalidation of one of its datasets is not stored,
 * so a write racing a slow read cannot leave the old answer behind in this process.
 */
export function createServiceCache(service: string, config: CacheConfig, observer?: CacheObserver, version = ''): ServiceCache {
  if (config.mode === 'off') return NO_CACHE
  const log = rateLimitedLog(`[${service}] cache`)
  const counters: CacheStats = { hits: 0, misses: 0, dedupes: 0, invalidations: 0 }
  let client: Redis | null = null
  if (config.mode === 'redis') {
    // While Redis is unreachable a command fails at once (no offline queue: queued commands waited for the
    // next reconnect attempt, up to 2 s each, several per load, so requests outlasted the gateway's subgraph
    // timeout) and the load reads the database; one that Redis does not answer gives up after a second.
    client = new Redis(config.redisUrl!, {
      maxRetriesPerRequest: 1,
      connectTimeout: 2_000,
      enableAutoPipelining: true,
      enableOfflineQueue: false,
      commandTimeout: 1_000,
    })
    client.on('error', err => log.error({ msg: 'redis unavailable, reading the database', err }))
  }
  // A Redis that keeps the connection but stops answering (stalled, partitioned) would cost every command its
  // full timeout, several per load; the first timeout drops the connection, so until it is ready again
  // commands fail at once and loads read the database.
  const storageLog = {
    ...log,
    error: (input: { msg: string; err?: unknown }) => {
      if (client?.status === 'ready' && input.err instanceof Error && input.err.message === 'Command timed out') client.disconnect(true)
      log.error(input)
    },
  }
  const storage = client
    ? createStorage('redis', { client, log: storageLog, invalidation: { referencesTTL: MAX_REFERENCES_TTL } })
    : createStorage('memory', { size: config.memoryEntries, log, invalidation: true })
  const cache = new Cache({
    storage,
    ttl: config.ttlSeconds,
    onHit: () => {
      counters.hits++
    },
    onMiss: () => {
      counters.misses++
    },
    onDedupe: () => {
      counters.dedupes++
    },
    onError: (err: unknown) => log.error({ msg: 'cache error', err }),
  }) as Cache & Record<string, (key: unknown) => Promise<Entry<unknown>>>

  const ref = (datasetId: string) => `${config.namespace}:${datasetId}`
  const epochs = new Map<string, number>()
  const epochOf = (datasets: readonly string[]) => datasets.reduce((sum, d) => sum + (epochs.get(d) ?? 0), 0)
  const defined = new Map<string, string>()
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one wrapped batch function per loader name, whatever its key and value types
  const wrapped = new Map<string, BatchLoadFn<any, any>>()
  const remember = <K, V>(name: string, fn: BatchLoadFn<K, V>): BatchLoadFn<K, V> => {
    wrapped.set(name, fn)
    return fn
  }
  /** Memory storage's `get` is synchronous (async-cache-dedupe's StorageMemory): read directly on the hit path. */
  const memory = client ? null : (storage as unknown as { get(key: string): unknown })
  const hit = (name: string) => {
    counters.hits++
    observer?.cache(name, 'hit')
  }

  return {
    mode: config.mode,
    loader<K, V>(name: string, batch: BatchLoadFn<K, V>, policy: LoaderPolicy<K>): BatchLoadFn<K, V> {
      // Every request's loaders ask again: the wrapped function of a name depends on its first definition only.
      const known = wrapped.get(name)
      if (known) return known as BatchLoadFn<K, V>
      const full = `${service}.${name}`
      let id = defined.get(full)
      if (!id) {
        if (Array.isArray(policy.datasets) && !policy.datasets.length)
          throw new Error(`cached loader ${full} must name the datasets it reads`)
        const datasetsOf = typeof policy.datasets === 'function' ? policy.datasets : () => policy.datasets as readonly string[]
        const ttl = config.ttls[full] ?? policy.ttl ?? config.ttlSeconds
        // No memoization here: the per-request DataLoader memoizes; this one only batches the misses of a tick.
        const misses = new DataLoader<K, V, string>(batch, { cache: false })
        id = `${config.namespace}:${service}${version ? `@${version}` : ''}.${name}`
        cache.define(
          id,
          {
            ...(observer
              ? {
                  onHit: () => {
                    counters.hits++
                    observer.cache(name, 'hit')
                  },
                  onMiss: () => {
                    counters.misses++
                    observer.cache(name, 'miss')
                  },
                  onDedupe: () => {
                    counters.dedupes++
                    observer.cache(name, 'dedupe')
                  },
                }
              : {}),
            ttl: (entry: Entry<V>) => (entry.epoch === epochOf(entry.datasets) ? ttl : 0),
            references: (key: K) => datasetsOf(key).map(ref),
            ...(policy.key ? { serialize: policy.key } : {}),
            ...(client ? { transformer: V8_TRANSFORMER } : {}),
          },
          async (key: K): Promise<Entry<V>> => {
            const datasets = datasetsOf(key)
            if (!datasets.length) throw new Error(`cached loader ${full} must name the datasets it reads`)
            const epoch = epochOf(datasets)
            return { epoch, datasets, value: deepFreeze(await misses.load(key)) }
          },
        )
        defined.set(full, id)
      }
      const fetch = cache[id].bind(cache)
      const one = (k: K): Promise<V | Error> =>
        Promise.resolve()
          .then(() => fetch(k))
          .then(entry => {
            if (!entry) throw new Error(`cache lookup failed for ${full}`)
            return entry.value as V
          })
          .catch((err: unknown) => (err instanceof Error ? err : new Error(String(err))))
      if (!memory) return remember(name, keys => Promise.all(keys.map(one)))
      // Memory storage answers synchronously: a stored entry is read here directly, as async-cache-dedupe's own
      // lookup would read it (same storage key, same expiry, counted as a hit), without its chain of promises.
      // An entry whose datasets were invalidated since it was loaded is never taken from here.
      const storagePrefix = `${id}~`
      const keyOf = policy.key ?? ((k: K) => (typeof k === 'string' ? k : null))
      const stored = (k: K): Entry<V> | undefined => {
        const key = keyOf(k)
        if (key === null) return undefined
        const entry = memory!.get(storagePrefix + key) as Entry<V> | undefined
        return entry && entry.epoch === epochOf(entry.datasets) ? entry : undefined
      }
      return remember(name, keys => {
        const values = new Array<V | Error | Promise<V | Error>>(keys.length)
        for (let i = 0; i < keys.length; i++) {
          const entry = stored(keys[i])
          if (entry) {
            hit(name)
            values[i] = entry.value
          } else values[i] = one(keys[i])
        }
        return Promise.all(values)
      })
    },
    async invalidate(datasetIds) {
      if (!Array.isArray(datasetIds) || datasetIds.some(d => typeof d !== 'string' || d === '')) {
        throw new TypeError('invalidate() takes dataset ids, e.g. ["asy.occupancy"]')
      }
      if (!datasetIds.length) return
      for (const d of datasetIds) epochs.set(d, (epochs.get(d) ?? 0) + 1)
      counters.invalidations++
      if (observer) for (const d of datasetIds) observer.invalidation(d)
      await cache.invalidateAll(datasetIds.map(ref))
    },
    stats: () => ({ ...counters }),
    close: async () => {
      if (client) await client.quit().catch(() => client!.disconnect())
    },
  }
}
