/**
 * Deterministic pseudo-random numbers for seeds: one seed string plus a path of keys
 * (table, partition) gives an independent, reproducible stream (docs/data-model.md#demo-data).
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number
  /** Integer in [min, max]. */
  int(min: number, max: number): number
  /** Normally distributed (Box–Muller). */
  normal(mean?: number, sd?: number): number
  pick<T>(items: readonly T[]): T
  /** Poisson-distributed count; normal approximation for large means. */
  poisson(mean: number): number
  /** true with probability p. */
  chance(p: number): boolean
}

export const DEFAULT_SEED = process.env.KLAR_SEED ?? '07312000'

function hash32(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

export function createRng(...path: Array<string | number>): Rng {
  return rngFromSeed(hash32([DEFAULT_SEED, ...path].join('/')) || 1)
}

/** The stream of one 32-bit seed (mulberry32): the same seed replays the same numbers. */
export function rngFromSeed(seed: number): Rng {
  let state = seed >>> 0
  const next = () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const normal = (mean = 0, sd = 1) => {
    const u = Math.max(next(), 1e-12)
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next())
  }
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    normal,
    pick: items => items[Math.floor(next() * items.length)],
    poisson: mean => {
      if (mean <= 0) return 0
      if (mean > 30) return Math.max(0, Math.round(normal(mean, Math.sqrt(mean))))
      const limit = Math.exp(-mean)
      let k = 0
      let p = 1
      do {
        k++
        p *= next()
      } while (p > limit)
      return k - 1
    },
    chance: p => next() < p,
  }
}
