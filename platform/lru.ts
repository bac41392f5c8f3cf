/**
 * A least-recently-used map bounded twice: by its number of entries and by the bytes its entries hold
 * (as `sizeOf` estimates them). Caches keyed by what clients send (the gateway's query texts and parsed
 * documents, the verified bearer tokens of auth/identity) use it: a client sending a new key on every
 * request must not grow any of them without end, and a few very large entries must not push out every
 * ordinary one unnoticed. Counters (hits, misses, evictions) and the current size are read by the
 * metrics (`stats()`); they count from the cache's creation and are never reset, not even by `clear()`.
 */
export interface LruOptions<V> {
  /** Most entries kept; 0 keeps nothing. */
  maxEntries: number
  /** Most bytes kept, summed over `sizeOf` of the entries; an entry larger than this is not kept. */
  maxBytes: number
  /** Approximate bytes an entry holds in memory, its key included. */
  sizeOf(key: string, value: V): number
}

export interface LruStats {
  entries: number
  bytes: number
  hits: number
  misses: number
  /** Entries dropped to make room for newer ones (not those deleted or cleared). */
  evictions: number
  maxEntries: number
  maxBytes: number
}

export interface Lru<V> {
  /** The value, now the most recently used; undefined (a miss) when not kept. */
  get(key: string): V | undefined
  /** Keeps the value as the most recently used, dropping the least recently used beyond either bound. */
  set(key: string, value: V): void
  delete(key: string): boolean
  clear(): void
  stats(): LruStats
}

interface Entry<V> {
  value: V
  bytes: number
}

export function createLru<V>({ maxEntries, maxBytes, sizeOf }: LruOptions<V>): Lru<V> {
  if (!(maxEntries >= 0) || !(maxBytes >= 0)) throw new RangeError('an LRU needs non-negative bounds')
  // A Map iterates in insertion order: re-inserting on use keeps the least recently used first.
  const entries = new Map<string, Entry<V>>()
  let bytes = 0
  let hits = 0
  let misses = 0
  let evictions = 0

  const remove = (key: string): boolean => {
    const entry = entries.get(key)
    if (!entry) return false
    entries.delete(key)
    bytes -= entry.bytes
    return true
  }

  return {
    get(key) {
      const entry = entries.get(key)
      if (!entry) {
        misses++
        return undefined
      }
      hits++
      entries.delete(key)
      entries.set(key, entry)
      return entry.value
    },
    set(key, value) {
      remove(key)
      const size = Math.max(0, Math.ceil(sizeOf(key, value)))
      if (maxEntries === 0 || size > maxBytes) return
      while (entries.size > 0 && (entries.size >= maxEntries || bytes + size > maxBytes)) {
        remove(entries.keys().next().value!)
        evictions++
      }
      entries.set(key, { value, bytes: size })
      bytes += size
    },
    delete: remove,
    clear() {
      entries.clear()
      bytes = 0
    },
    stats: () => ({ entries: entries.size, bytes, hits, misses, evictions, maxEntries, maxBytes }),
  }
}
