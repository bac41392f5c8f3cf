/**
 * Perturbation tables of the Cell Key Method (Thompson, Broadfoot & Elazar 2013; Giessing & Tent 2019).
 *
 * A table maps (true count i, cell key u ∈ [0, 1)) to a noise v, published as i + v. For each i it holds a
 * discrete distribution over the noises −D … +D, laid out as consecutive intervals of [0, 1); the cell key
 * picks the interval. Because the cell key is a function of the records in a cell, the same records always
 * get the same noise, whatever query produced the cell.
 *
 * The tables built here keep these rules:
 * - a true zero is published as zero, and no positive count is published as zero (i + v ≥ 1 for i ≥ 1), so
 *   a published 0 means exactly "nobody";
 * - |v| ≤ D (the maximum deviation);
 * - for i ≥ 2 the noise is unbiased (mean 0) with variance V; for i = 1 the noise cannot be negative, so
 *   it is biased upwards by `meanForOne`;
 * - every distribution is the one of maximum entropy under those constraints (p(v) ∝ exp(a·v + b·v²)),
 *   so no noise value is preferred beyond what the constraints demand;
 * - no small count maps to itself with certainty: a published 1 or 2 can stand for several true counts.
 * Counts from D + 1 on share one distribution.
 */

export interface PerturbationRow {
  /** The true count this row applies to; the last row applies to every count ≥ its value. */
  readonly value: number
  /** The possible noises, ascending. */
  readonly noise: readonly number[]
  /** Probability of each noise (same order); they sum to 1. */
  readonly probability: readonly number[]
  /** Upper bounds of the cell-key intervals: noise[k] is chosen for keys in [upper[k−1], upper[k]). */
  readonly upper: readonly number[]
}

export interface PerturbationTable {
  /** Names the parameters in the docs and the audit log, e.g. `KL-CKM-2`. */
  readonly id: string
  readonly maxDeviation: number
  readonly variance: number
  readonly meanForOne: number
  /** Rows for 1 … maxDeviation + 1; 0 has no row (zero stays zero). */
  readonly rows: readonly PerturbationRow[]
}

export interface PerturbationTableSpec {
  id: string
  /** D: the largest |noise|. An integer ≥ 1. */
  maxDeviation: number
  /** V: the variance of the noise for counts ≥ 2. */
  variance: number
  /** Mean noise of a true 1 (which cannot move down without becoming a false zero). */
  meanForOne: number
}

export class PerturbationTableError extends Error {
  readonly code = 'INVALID_PERTURBATION_TABLE'
}

/**
 * Maximum-entropy distribution over `support` with the given mean and, when `variance` is given, that
 * variance: p(v) ∝ exp(a·v + b·v²), solved by Newton's method on the moment equations.
 */
export function maxEntropyDistribution(support: readonly number[], mean: number, variance?: number): number[] {
  const withVariance = variance !== undefined
  let a = 0
  let b = 0
  const moments = (a: number, b: number) => {
    const w = support.map(v => Math.exp(a * v + b * v * v))
    const z = w.reduce((s, x) => s + x, 0)
    const p = w.map(x => x / z)
    const m1 = p.reduce((s, x, k) => s + x * support[k], 0)
    const m2 = p.reduce((s, x, k) => s + x * support[k] ** 2, 0)
    const m3 = p.reduce((s, x, k) => s + x * support[k] ** 3, 0)
    const m4 = p.reduce((s, x, k) => s + x * support[k] ** 4, 0)
    return { p, m1, m2, m3, m4 }
  }
  const target2 = withVariance ? variance + mean * mean : 0
  for (let step = 0; step < 200; step++) {
    const { m1, m2, m3, m4 } = moments(a, b)
    const f1 = m1 - mean
    const f2 = withVariance ? m2 - target2 : 0
    if (Math.abs(f1) < 1e-13 && Math.abs(f2) < 1e-13) break
    // Jacobian of (m1, m2) in (a, b) is the covariance matrix of (v, v²).
    const j11 = m2 - m1 * m1
    const j12 = m3 - m1 * m2
    const j22 = m4 - m2 * m2
    let da: number
    let db: number
    if (withVariance) {
      const det = j11 * j22 - j12 * j12
      if (!(Math.abs(det) > 1e-15))
        throw new PerturbationTableError(`No distribution on ${support} with mean ${mean} and variance ${variance}`)
      da = (j22 * f1 - j12 * f2) / det
      db = (j11 * f2 - j12 * f1) / det
    } else {
      da = f1 / j11
      db = 0
    }
    // Damped: a step never moves a parameter by more than 2, which keeps the exponentials finite.
    const scale = Math.min(1, 2 / Math.max(Math.abs(da), Math.abs(db)))
    a -= da * scale
    b -= db * scale
  }
  const { p, m1, m2 } = moments(a, b)
  const ok = Math.abs(m1 - mean) < 1e-9 && (!withVariance || Math.abs(m2 - target2) < 1e-9)
  if (!ok || p.some(x => !Number.isFinite(x))) {
    throw new PerturbationTableError(`No distribution on ${support} with mean ${mean}${withVariance ? ` and variance ${variance}` : ''}`)
  }
  return p
}

function row(value: number, support: number[], probability: number[]): PerturbationRow {
  let acc = 0
  const upper = probability.map(q => (acc += q))
  upper[upper.length - 1] = 1
  return Object.freeze({
    value,
    noise: Object.freeze(support),
    probability: Object.freeze(probability),
    upper: Object.freeze(upper),
  })
}

/** Builds and freezes a table; refuses parameters that cannot protect (D < 1) or cannot be met. */
export function buildPerturbationTable(spec: PerturbationTableSpec): PerturbationTable {
  const { id, maxDeviation: d, variance, meanForOne } = spec
  if (typeof id !== 'string' || id === '') throw new PerturbationTableError('A perturbation table needs an id')
  if (!Number.isInteger(d) || d < 1 || d > 10) throw new PerturbationTableError(`${id}: maxDeviation must be an integer 1–10, got ${d}`)
  if (!(variance > 0) || variance > d * d) throw new PerturbationTableError(`${id}: variance must be in (0, D²], got ${variance}`)
  if (!(meanForOne > 0) || meanForOne >= d) throw new PerturbationTableError(`${id}: meanForOne must be in (0, D), got ${meanForOne}`)
  const rows: PerturbationRow[] = []
  // A true 1 may only move up: noise 0 … D, maximum entropy for its mean.
  const one = Array.from({ length: d + 1 }, (_, k) => k)
  rows.push(row(1, one, maxEntropyDistribution(one, meanForOne)))
  for (let i = 2; i <= d + 1; i++) {
    const support = Array.from({ length: d + Math.min(i - 1, d) + 1 }, (_, k) => k - Math.min(i - 1, d))
    rows.push(row(i, support, maxEntropyDistribution(support, 0, variance)))
  }
  return Object.freeze({ id, maxDeviation: d, variance, meanForOne, rows: Object.freeze(rows) })
}

/**
 * The city's table (`KL-CKM-2`): maximum deviation 2, variance 1, a true 1 published as 1, 2 or 3 with
 * mean 1.5. Every count from 3 on: −2 … +2.
 */
export const KL_CKM_2: PerturbationTable = buildPerturbationTable({ id: 'KL-CKM-2', maxDeviation: 2, variance: 1, meanForOne: 0.5 })

const TABLES: ReadonlyMap<string, PerturbationTable> = new Map([[KL_CKM_2.id, KL_CKM_2]])

/** A table by id; an unknown id fails closed (a configuration error, never exact values). */
export function perturbationTable(id: string): PerturbationTable {
  const table = TABLES.get(id)
  if (!table) throw new PerturbationTableError(`Unknown perturbation table ${JSON.stringify(id)}`)
  return table
}

/**
 * The noise for a true count and a cell key in [0, 1). Zero (and anything not a positive integer, which a
 * count never is) gets no noise: zero stays zero.
 */
export function noiseFor(table: PerturbationTable, count: number, cellKey: number): number {
  if (!(count > 0)) return 0
  if (!(cellKey >= 0 && cellKey < 1)) throw new RangeError(`A cell key lies in [0, 1), got ${cellKey}`)
  const r = table.rows[Math.min(count, table.rows.length) - 1]
  for (let k = 0; k < r.upper.length; k++) if (cellKey < r.upper[k]) return r.noise[k]
  return r.noise[r.noise.length - 1]
}

/** The published value of a count: count + noise. */
export function perturbCount(table: PerturbationTable, count: number, cellKey: number): number {
  return count + noiseFor(table, count, cellKey)
}
