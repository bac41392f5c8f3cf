import { describe, expect, it } from 'vitest'
import { createRateLimiter } from './rate-limiter.js'

describe('rate limiter', () => {
  it('allows the budget per minute, then asks to retry after the refill time', () => {
    let t = 0
    const limiter = createRateLimiter(6, { now: () => t })
    for (let i = 0; i < 6; i++) expect(limiter.take('u1')).toBeNull()
    expect(limiter.take('u1')).toBe(10)
    expect(limiter.take('u2')).toBeNull()
    t += 10_000
    expect(limiter.take('u1')).toBeNull()
    expect(limiter.take('u1')).toBe(10)
  })

  it('forgets keys that are full again', () => {
    let t = 0
    const limiter = createRateLimiter(60, { now: () => t })
    for (let i = 0; i < 100; i++) limiter.take(`k${i}`)
    t += 120_000
    limiter.take('fresh')
    expect(limiter.size()).toBe(1)
  })

  it('holds at most maxKeys buckets however many keys arrive between sweeps', () => {
    const t = 0
    const limiter = createRateLimiter(60, { now: () => t, maxKeys: 100 })
    // Rotating addresses within one instant: no bucket is full again, so no sweep could drop any.
    for (let i = 0; i < 10_000; i++) {
      expect(limiter.take(`addr-${i}`)).toBeNull()
      expect(limiter.size()).toBeLessThanOrEqual(100)
    }
    expect(limiter.size()).toBe(100)
  })

  it('keeps the budget of a key in use while other keys come and go', () => {
    let t = 0
    const limiter = createRateLimiter(6, { now: () => t, maxKeys: 10 })
    for (let i = 0; i < 6; i++) expect(limiter.take('caller')).toBeNull()
    expect(limiter.take('caller')).toBe(10)
    for (let round = 0; round < 50; round++) {
      // Nine other keys at a time leave room for the caller's bucket, which each of its requests makes the most recent.
      for (let i = 0; i < 9; i++) limiter.take(`other-${round}-${i}`)
      expect(limiter.take('caller')).toBe(10)
    }
    t += 10_000
    expect(limiter.take('caller')).toBeNull()
    expect(limiter.take('caller')).toBe(10)
  })
})
