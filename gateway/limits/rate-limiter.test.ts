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
})
