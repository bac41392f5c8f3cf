import { describe, expect, it } from 'vitest'
import { feasibleIntervals, integersIn } from './lp-interval.js'

describe('feasibleIntervals', () => {
  it('pins a cell that two exact figures difference out, and leaves a perturbed one open', async () => {
    const bounds = new Map([
      ['a', { lower: 0, upper: Infinity }],
      ['b', { lower: 0, upper: Infinity }],
    ])
    // a + b = 7 and b = 5 (both exact): a = 2 exactly.
    const exact = await feasibleIntervals(
      bounds,
      [
        { terms: { a: 1, b: 1 }, lower: 7, upper: 7 },
        { terms: { b: 1 }, lower: 5, upper: 5 },
      ],
      ['a'],
    )
    expect(integersIn(exact.get('a')!)).toBe(1)
    expect(exact.get('a')!.min).toBeCloseTo(2)
    // The same figures each perturbed by at most 2: a ∈ [0, 6].
    const banded = await feasibleIntervals(
      bounds,
      [
        { terms: { a: 1, b: 1 }, lower: 5, upper: 9 },
        { terms: { b: 1 }, lower: 3, upper: 7 },
      ],
      ['a'],
    )
    expect(banded.get('a')).toEqual({ min: 0, max: 6 })
    expect(integersIn(banded.get('a')!)).toBe(7)
  })

  it('reports an unbounded side as infinite and refuses infeasible models', async () => {
    const bounds = new Map([['a', { lower: 1, upper: Infinity }]])
    expect(await feasibleIntervals(bounds, [], ['a'])).toEqual(new Map([['a', { min: 1, max: Infinity }]]))
    await expect(feasibleIntervals(bounds, [{ terms: { a: 1 }, lower: 0, upper: 0 }], ['a'])).rejects.toThrow(/Infeasible/)
  })
})
