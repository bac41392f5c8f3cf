/**
 * Per-principal request budget (case T35, docs/access-control.md#adversarial-cases): a token bucket per key — the token's
 * `sub` for authenticated callers (so several tokens of one person share it), the client address
 * for anonymous ones. In memory per replica; entries idle for longer than a full refill are swept.
 */
export interface RateLimiter {
  /** null when allowed; else the seconds after which the caller may retry. */
  take(key: string): number | null
  size(): number
}

export function createRateLimiter(perMinute: number, opts: { now?: () => number; maxKeys?: number } = {}): RateLimiter {
  const now = opts.now ?? Date.now
  const maxKeys = opts.maxKeys ?? 100_000
  const refillPerMs = perMinute / 60_000
  const buckets = new Map<string, { tokens: number; at: number }>()
  let lastSweep = now()
  const sweep = (t: number) => {
    for (const [key, b] of buckets) if (b.tokens + (t - b.at) * refillPerMs >= perMinute) buckets.delete(key)
    lastSweep = t
  }
  return {
    take(key) {
      const t = now()
      if (t - lastSweep > 60_000 || buckets.size > maxKeys) sweep(t)
      const bucket = buckets.get(key) ?? { tokens: perMinute, at: t }
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
