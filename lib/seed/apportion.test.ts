import { describe, expect, it } from 'vitest'
import { apportion } from './apportion.js'
import { createRng } from './prng.js'

describe('apportion', () => {
  it('splits exactly, proportionally, largest remainders first', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3])
    expect(apportion(7, [0, 2, 5])).toEqual([0, 2, 5])
    expect(apportion(5, [-3, 1])).toEqual([0, 5])
    expect(apportion(0, [1, 2])).toEqual([0, 0])
    expect(apportion(3, [0, 0])).toEqual([0, 0])
  })

  it('always adds up to the total', () => {
    const rng = createRng('apportion-test')
    for (let i = 0; i < 200; i++) {
      const weights = Array.from({ length: rng.int(1, 30) }, () => rng.next() * 100)
      const total = rng.int(0, 100_000)
      const parts = apportion(total, weights)
      expect(parts.reduce((a, b) => a + b, 0)).toBe(total)
      expect(parts.every(p => Number.isInteger(p) && p >= 0)).toBe(true)
    }
  })
})

describe('createRng', () => {
  it('is deterministic per path and independent across paths', () => {
    const a = createRng('pop', 'stock', '01')
    const b = createRng('pop', 'stock', '01')
    const c = createRng('pop', 'stock', '02')
    const seqA = Array.from({ length: 5 }, () => a.next())
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA)
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA)
    expect(seqA.every(x => x >= 0 && x < 1)).toBe(true)
  })
})
