/**
 * Per-principal request budget (case T35, docs/access-control.md#adversarial-cases): a token bucket per key — the token's
 * `sub` for authenticated callers (so several tokens of one person share it), the client address
 * for anonymous ones. In memory per replica; entries idle for longer than a full refill are swept once a
 * minute. At most `maxKeys` buckets are held (default 100 000): a caller rotating addresses or subjects
 * between sweeps pushes out the least recently used bucket, never grows the map past the bound.
 */
export interface RateLimiter {
  /** null when allowed; else the seconds after which the caller may retry. */
  take(key: string): number | null
  size(): number
}

export function createRateLimiter(perMinute: number, opts: { now?: () => number; maxKeys?: number } = {}): RateLimiter {
  const now = opts.now ?? Date.now
  const maxKeys = Math.max(1, opts.maxKeys ?? 100_000)
  const refillPerMs = perMinute / 60_000
  // A Map iterates in insertion order: re-inserting a bucket on use keeps the least recently used first.
  const buckets = new Map<string, { tokens: number; at: number }>()
  let lastSweep = now()
  const sweep = (t: number) => {
    for (const [key, b] of buckets) if (b.tokens + (t - b.at) * refillPerMs >= perMinute) buckets.delete(key)
    lastSweep = t
  }
  return {
    take(key) {
      const t = now()
      if (t - lastSweep > 60_000) sweep(t)
      let bucket = buckets.get(key)
      if (bucket) buckets.delete(key)
      else {
        bucket = { tokens: perMinute, at: t }
        // The least recently used bucket goes: its key starts with a full budget at its next request.
        if (buckets.size >= maxKeys) buckets.delete(buckets.keys().next().value!)
      }
      bucket.tokens = Math.min(perMinute, bucket.tokens + (t - bucket.at) * refillPerMs)
      bucket.at = t
      buckets.set(key, bucket)
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1
        return null
      }
      return Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000))
    },
    size: () => buckets.size,
  }
}
