import { describe, expect, it } from 'vitest'
import { cellKeyOf, RECORD_KEY_MODULUS, seededRecordKey } from './cell-key.js'
import { KL_CKM_2, noiseFor } from './perturbation-table.js'
import {
  KL_MAGNITUDE,
  magnitudeKeySum,
  magnitudeNoiseShare,
  magnitudeRecordTerm,
  magnitudeRule,
  perturbMagnitude,
} from './perturb-magnitude.js'

const keys = (n: number, ...parts: string[]) => Array.from({ length: n }, (_, i) => seededRecordKey('test', ...parts, i))

describe('magnitude perturbation (KL-CKM-M-10-40)', () => {
  it('moves a cell by 10–40 % of its largest contribution, up or down with equal chance, never by nothing', () => {
    const shares = keys(20_000, 'shares').map(k => magnitudeNoiseShare(KL_MAGNITUDE, cellKeyOf(k)))
    for (const s of shares) {
      expect(Math.abs(s)).toBeGreaterThanOrEqual(0.1)
      expect(Math.abs(s)).toBeLessThanOrEqual(0.4)
    }
    const up = shares.filter(s => s > 0).length / shares.length
    expect(up).toBeGreaterThan(0.48)
    expect(up).toBeLessThan(0.52)
    // Mean zero (unbiased); the shares fill their range.
    expect(Math.abs(shares.reduce((a, b) => a + b, 0) / shares.length)).toBeLessThan(0.01)
    expect(Math.min(...shares.map(Math.abs))).toBeLessThan(0.11)
    expect(Math.max(...shares.map(Math.abs))).toBeGreaterThan(0.39)
    // The ends of the key range: 0 → −10 %, just below ½ → −40 %, ½ → +10 %, just below 1 → +40 %.
    expect(magnitudeNoiseShare(KL_MAGNITUDE, 0)).toBeCloseTo(-0.1, 12)
    expect(magnitudeNoiseShare(KL_MAGNITUDE, 0.5 - 1e-12)).toBeCloseTo(-0.4, 9)
    expect(magnitudeNoiseShare(KL_MAGNITUDE, 0.5)).toBeCloseTo(0.1, 12)
    expect(magnitudeNoiseShare(KL_MAGNITUDE, 1 - 1e-12)).toBeCloseTo(0.4, 9)
    expect(() => magnitudeNoiseShare(KL_MAGNITUDE, 1)).toThrow(RangeError)
    expect(() => magnitudeNoiseShare(KL_MAGNITUDE, Number.NaN)).toThrow(RangeError)
  })

  it('keeps zero at zero, a positive sum positive, and never publishes a cell with a contribution exactly', () => {
    expect(perturbMagnitude(KL_MAGNITUDE, 0, 0, 0.3)).toBe(0)
    for (const k of keys(2_000, 'sums')) {
      const u = cellKeyOf(k)
      for (const [value, largest] of [
        [20_000, 20_000],
        [45_000, 20_000],
        [1_000_000, 50_000],
      ]) {
        const p = perturbMagnitude(KL_MAGNITUDE, value, largest, u)
        expect(Math.abs(p - value)).toBeGreaterThanOrEqual(0.1 * largest - 1e-9)
        expect(Math.abs(p - value)).toBeLessThanOrEqual(0.4 * largest + 1e-9)
        expect(p).toBeGreaterThanOrEqual(0.6 * value - 1e-9)
        // Deterministic: the same key gives the same figure.
        expect(perturbMagnitude(KL_MAGNITUDE, value, largest, u)).toBe(p)
      }
    }
  })

  it('leaves no estimate of one case within ±10 % of every cost the published figure allows, even knowing the sign', () => {
    // One case of cost c, published P = c·(1 + s). The costs consistent with P are P / (1 + s') for every
    // share s' of the rule; with the sign known, those on one side. One estimate e is within ±10 % of a
    // cost c' iff c' ∈ [e / 1.1, e / 0.9]: a set of costs fits iff max / min ≤ 1.1 / 0.9.
    const fits = 1.1 / 0.9
    const { minShare: a, maxShare: b } = KL_MAGNITUDE
    for (const c of [4_000, 19_500, 52_000]) {
      for (const k of keys(500, 'estimate', String(c))) {
        const s = magnitudeNoiseShare(KL_MAGNITUDE, cellKeyOf(k))
        const published = c * (1 + s)
        const consistent = s > 0 ? [published / (1 + b), published / (1 + a)] : [published / (1 - a), published / (1 - b)]
        expect(consistent[0]).toBeLessThanOrEqual(c * (1 + 1e-12))
        expect(consistent[1]).toBeGreaterThanOrEqual(c * (1 - 1e-12))
        expect(consistent[1] / consistent[0]).toBeGreaterThan(fits)
        // The published figure itself is never within 10 % of the cost.
        expect(Math.abs(published - c) / c).toBeGreaterThanOrEqual(0.1 - 1e-12)
      }
    }
    // A narrower rule would not do: 10–30 % leaves the upper side at 1.3 / 1.1 < 1.1 / 0.9.
    expect(1.3 / 1.1).toBeLessThan(fits)
  })

  it('computes the magnitude key like the SQL: Σ rkey × (2 × cents + 1) mod 2³²', () => {
    const k = RECORD_KEY_MODULUS - 1
    expect(magnitudeRecordTerm(k, 0)).toBe(BigInt(k))
    expect(magnitudeRecordTerm(k, 1)).toBe(BigInt(RECORD_KEY_MODULUS - 3)) // −1 × 3 mod 2³²
    expect(magnitudeRecordTerm('123456789', 5_200_000)).toBe((123456789n * 10_400_001n) % 4294967296n)
    const records = keys(50, 'cells').map((recordKey, i) => ({ recordKey, cents: 400_000 + 37 * i }))
    const sum = magnitudeKeySum(records)
    expect(sum).toBe(Number(records.reduce((s, r) => s + BigInt(r.recordKey) * BigInt(2 * r.cents + 1), 0n) % 4294967296n))
    expect(sum).toBeGreaterThanOrEqual(0)
    expect(sum).toBeLessThan(RECORD_KEY_MODULUS)
    // Order does not matter; the same records with one contribution changed get another key.
    expect(magnitudeKeySum([...records].reverse())).toBe(sum)
    expect(magnitudeKeySum(records.map((r, i) => (i === 7 ? { ...r, cents: r.cents - 1_000 } : r)))).not.toBe(sum)
  })

  it('gives a noise that knowing the count noise does not narrow down', () => {
    // Someone who knows a true count of 3 learns from a published 1 that the count key lies in the
    // rarest interval of KL-CKM-2. The magnitude noise of such cells still covers its whole range.
    const row = KL_CKM_2.rows[2]
    const rare = row.noise.indexOf(-2)
    const lo = rare === 0 ? 0 : row.upper[rare - 1]
    const hi = row.upper[rare]
    const shares: number[] = []
    for (const [i, k1] of keys(60_000, 'rare').entries()) {
      const k2 = seededRecordKey('test', 'rare-2', i)
      const k3 = seededRecordKey('test', 'rare-3', i)
      const countKey = (k1 + k2 + k3) % RECORD_KEY_MODULUS
      if (noiseFor(KL_CKM_2, 3, cellKeyOf(countKey)) !== -2) continue
      expect(cellKeyOf(countKey)).toBeGreaterThanOrEqual(lo)
      expect(cellKeyOf(countKey)).toBeLessThan(hi)
      const m = magnitudeKeySum([
        { recordKey: k1, cents: 2_100_000 },
        { recordKey: k2, cents: 1_950_012 },
        { recordKey: k3, cents: 3_075_450 },
      ])
      shares.push(magnitudeNoiseShare(KL_MAGNITUDE, cellKeyOf(m)))
    }
    expect(shares.length).toBeGreaterThan(200)
    const up = shares.filter(s => s > 0).length / shares.length
    expect(up).toBeGreaterThan(0.4)
    expect(up).toBeLessThan(0.6)
    expect(Math.min(...shares.map(Math.abs))).toBeLessThan(0.15)
    expect(Math.max(...shares.map(Math.abs))).toBeGreaterThan(0.35)
  })

  it('refuses rules that cannot protect', () => {
    expect(() => magnitudeRule({ id: 'x', minShare: 0, maxShare: 0.4 })).toThrow(/minShare/)
    expect(() => magnitudeRule({ id: 'x', minShare: 0.3, maxShare: 0.2 })).toThrow(/minShare/)
    expect(() => magnitudeRule({ id: 'x', minShare: 0.1, maxShare: 1 })).toThrow(/maxShare/)
    expect(() => magnitudeRule({ id: '', minShare: 0.1, maxShare: 0.4 })).toThrow(/id/)
    expect(Object.isFrozen(KL_MAGNITUDE)).toBe(true)
  })
})
