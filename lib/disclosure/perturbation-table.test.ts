import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  KL_CKM_2,
  PerturbationTableError,
  buildPerturbationTable,
  maxEntropyDistribution,
  noiseFor,
  perturbCount,
  perturbationTable,
} from './perturbation-table.js'

const moments = (noise: readonly number[], p: readonly number[]) => {
  const mean = p.reduce((s, q, k) => s + q * noise[k], 0)
  return { mean, variance: p.reduce((s, q, k) => s + q * (noise[k] - mean) ** 2, 0) }
}

describe('KL-CKM-2', () => {
  it('has rows for 1, 2 and ≥ 3 with the stated supports', () => {
    expect(KL_CKM_2.rows.map(r => [r.value, r.noise])).toEqual([
      [1, [0, 1, 2]],
      [2, [-1, 0, 1, 2]],
      [3, [-2, -1, 0, 1, 2]],
    ])
    expect(perturbationTable('KL-CKM-2')).toBe(KL_CKM_2)
    expect(() => perturbationTable('kl-ckm-2')).toThrow(PerturbationTableError)
  })

  it('every row is a distribution: probabilities sum to 1, intervals end at 1, mean 0 and variance 1 from 2 on', () => {
    for (const r of KL_CKM_2.rows) {
      expect(r.probability.reduce((s, q) => s + q, 0)).toBeCloseTo(1, 12)
      expect(r.upper.at(-1)).toBe(1)
      expect(r.probability.every(q => q > 0.01)).toBe(true)
      const m = moments(r.noise, r.probability)
      if (r.value === 1) expect(m.mean).toBeCloseTo(0.5, 9)
      else {
        expect(m.mean).toBeCloseTo(0, 9)
        expect(m.variance).toBeCloseTo(1, 9)
      }
    }
  })

  it('zero stays zero, no positive count becomes zero, |noise| ≤ 2, and no small count stays itself with certainty', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (n, key) => {
        const out = perturbCount(KL_CKM_2, n, key)
        if (n === 0) return out === 0
        return out >= 1 && Math.abs(out - n) <= 2
      }),
      { numRuns: 5000 },
    )
    for (const n of [1, 2]) {
      const outs = new Set(Array.from({ length: 1000 }, (_, k) => perturbCount(KL_CKM_2, n, k / 1000)))
      expect(outs.size).toBeGreaterThanOrEqual(3)
    }
  })

  it('the same cell key gives the same noise; the noise frequencies follow the table', () => {
    expect(noiseFor(KL_CKM_2, 57, 0.3)).toBe(noiseFor(KL_CKM_2, 57, 0.3))
    const counts = new Map<number, number>()
    const steps = 100_000
    for (let k = 0; k < steps; k++) {
      const v = noiseFor(KL_CKM_2, 40, (k + 0.5) / steps)
      counts.set(v, (counts.get(v) ?? 0) + 1)
    }
    const row = KL_CKM_2.rows[2]
    row.noise.forEach((v, k) => expect((counts.get(v) ?? 0) / steps).toBeCloseTo(row.probability[k], 3))
  })

  it('refuses cell keys outside [0, 1)', () => {
    for (const key of [-0.1, 1, Number.NaN]) expect(() => noiseFor(KL_CKM_2, 5, key)).toThrow(RangeError)
  })
})

describe('buildPerturbationTable', () => {
  it.each([
    [{ id: '', maxDeviation: 2, variance: 1, meanForOne: 0.5 }],
    [{ id: 'X', maxDeviation: 0, variance: 1, meanForOne: 0.5 }],
    [{ id: 'X', maxDeviation: 2.5, variance: 1, meanForOne: 0.5 }],
    [{ id: 'X', maxDeviation: 2, variance: 0, meanForOne: 0.5 }],
    [{ id: 'X', maxDeviation: 2, variance: 5, meanForOne: 0.5 }],
    [{ id: 'X', maxDeviation: 2, variance: 1, meanForOne: 0 }],
    [{ id: 'X', maxDeviation: 2, variance: 1, meanForOne: 2 }],
  ])('refuses parameters that cannot protect or cannot be met: %j', spec => {
    expect(() => buildPerturbationTable(spec)).toThrow(PerturbationTableError)
  })

  it('builds wider tables (D = 3, V = 2) with the same rules', () => {
    const t = buildPerturbationTable({ id: 'X', maxDeviation: 3, variance: 2, meanForOne: 1 })
    expect(t.rows.map(r => r.value)).toEqual([1, 2, 3, 4])
    expect(t.rows[3].noise).toEqual([-3, -2, -1, 0, 1, 2, 3])
    expect(moments(t.rows[3].noise, t.rows[3].probability).variance).toBeCloseTo(2, 9)
    expect(Object.isFrozen(t) && Object.isFrozen(t.rows[0])).toBe(true)
  })

  it('maximum entropy: with no variance constraint and mean 0 on a symmetric support the distribution is uniform', () => {
    maxEntropyDistribution([-1, 0, 1], 0).forEach(p => expect(p).toBeCloseTo(1 / 3, 9))
    expect(() => maxEntropyDistribution([0, 1], 0, 1)).toThrow(PerturbationTableError)
  })
})
