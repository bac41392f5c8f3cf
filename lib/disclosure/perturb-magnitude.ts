import { RECORD_KEY_MODULUS } from './cell-key.js'

/**
 * Magnitude perturbation in the spirit of the Cell Key Method for magnitude tables (the ABS TableBuilder
 * method, Thompson, Broadfoot & Elazar 2013): a sum over records (a cost, an amount of money) is published
 * as sum + noise, where the noise
 * - is scaled by the LARGEST single contribution in the cell, so that it hides the largest contributor
 *   (and, a fortiori, every smaller one) whatever the size of the cell, while large cells barely move;
 * - is a deterministic function of a magnitude cell key: the same records with the same contributions
 *   always get the same noise, so asking again, or in another table that holds the same records, gives
 *   nothing new;
 * - is never zero for a cell with a positive largest contribution: its absolute value lies between
 *   `minShare` and `maxShare` of the largest contribution, up or down with equal chance (so the noise
 *   has mean zero and the published sum is unbiased).
 *
 * The magnitude cell key is not the count's cell key: each record adds `rkey × (2 × cents + 1)` (mod 2³²)
 * instead of `rkey`, where `cents` is its contribution to this cell in cents. Two reasons:
 * - the noise of a cell must not be predictable from the noise of its count (someone who knows a true
 *   count learns, from the published one, in which interval of the count table the cell key lies; a
 *   noise derived from that same key would then be pinned down to a slice of its range);
 * - the same cases with DIFFERENT contributions (the same cases in the year one of them starts or ends,
 *   costs counted for the days in the year) must not get the same noise: scaled by the same largest
 *   contribution it would cancel exactly in the difference of the two years and reveal the change.
 * The multiplier is odd, so each record's term is again uniform on [0, 2³²), and a change of one
 * contribution moves the key by a multiple of that record's secret key.
 */
export interface MagnitudeRule {
  /** Names the parameters in the docs, e.g. `KL-CKM-M-10-40`. */
  readonly id: string
  /** Smallest |noise| as a share of the largest contribution, > 0 (a cell is never published exact). */
  readonly minShare: number
  /** Largest |noise| as a share of the largest contribution, ≤ 1 (a positive sum never goes below 0). */
  readonly maxShare: number
}

export class MagnitudeRuleError extends Error {
  readonly code = 'INVALID_MAGNITUDE_RULE'
}

/** Checks and freezes a rule. */
export function magnitudeRule(rule: MagnitudeRule): MagnitudeRule {
  const { id, minShare, maxShare } = rule
  if (typeof id !== 'string' || id === '') throw new MagnitudeRuleError('A magnitude rule needs an id')
  if (!(minShare > 0) || !(maxShare > minShare) || !(maxShare < 1)) {
    throw new MagnitudeRuleError(`${id}: need 0 < minShare < maxShare < 1, got ${minShare} and ${maxShare}`)
  }
  return Object.freeze({ id, minShare, maxShare })
}

/**
 * The city's magnitude rule (`KL-CKM-M-10-40`): noise between 10 % and 40 % of the largest contribution,
 * up or down. Why these numbers (the goal: no single contribution can be estimated to within ±10 % from
 * any published cell or difference of cells):
 * - the case with the largest contribution c (in a cell of one case, the case itself) is published as
 *   c·(1 + s) plus the others, |s| ∈ [0.10, 0.40]: the published figure is never within 10 % of it;
 * - even an attacker who knows every other contribution of the cell AND the sign of the noise is left
 *   with the values c' = X / (1 + s'), s' ∈ [0.10, 0.40] (ratio of the largest to the smallest 1.40 / 1.10
 *   = 1.27) or s' ∈ [−0.40, −0.10] (0.90 / 0.60 = 1.5): both wider than 1.1 / 0.9 = 1.22, the widest set of
 *   values one estimate can hold within ±10 %. So no estimate is within ±10 % of every value the published
 *   figure allows. With minShare 0.10 the upper side needs maxShare > 1.1 × 1.1 / 0.9 − 1 ≈ 0.344; 0.40
 *   is the next round value;
 * - a smaller contributor is hidden by more than that, the noise being scaled by the largest;
 * - a difference of published cells (the city minus the published districts, one year minus another)
 *   keeps the noise of each cell that is not subtracted away, each of at least 10 % of a largest
 *   contribution that is at least the case's own, with a key of its own: the same bounds hold.
 */
export const KL_MAGNITUDE: MagnitudeRule = magnitudeRule({ id: 'KL-CKM-M-10-40', minShare: 0.1, maxShare: 0.4 })

/**
 * The signed noise share for a magnitude cell key u ∈ [0, 1): keys below ½ move the cell down, the others
 * up; within each half the share runs uniformly from minShare to maxShare.
 */
export function magnitudeNoiseShare(rule: MagnitudeRule, magnitudeKey: number): number {
  if (!(magnitudeKey >= 0 && magnitudeKey < 1)) throw new RangeError(`A cell key lies in [0, 1), got ${magnitudeKey}`)
  const up = magnitudeKey >= 0.5
  const w = up ? 2 * magnitudeKey - 1 : 2 * magnitudeKey
  const share = rule.minShare + (rule.maxShare - rule.minShare) * w
  return up ? share : -share
}

/**
 * The published value of a magnitude: value + share × largest. A cell without contribution (largest 0,
 * e.g. no records) is published unchanged: zero stays zero. `largest` is the largest single contribution
 * in the cell (never more than `value` for non-negative contributions, so the result stays ≥ 0.6 × value).
 */
export function perturbMagnitude(rule: MagnitudeRule, value: number, largest: number, magnitudeKey: number): number {
  if (!(largest > 0)) return value
  return value + magnitudeNoiseShare(rule, magnitudeKey) * largest
}

const MOD = BigInt(RECORD_KEY_MODULUS)

/**
 * One record's term of the magnitude key: rkey × (2 × cents + 1) mod 2³², `cents` its contribution to the
 * cell rounded to whole cents (half away from zero, as PostgreSQL's `round(numeric)`). The SQL computes
 * the same; this is its reference (tests, and departments that sum in JS).
 */
export function magnitudeRecordTerm(recordKey: number | bigint | string, cents: number | bigint): bigint {
  const k = BigInt(recordKey)
  const c = BigInt(cents)
  return (((k * (2n * c + 1n)) % MOD) + MOD) % MOD
}

/** The magnitude key sum of a cell from its records' (key, cents), as the SQL returns it (an integer < 2³²). */
export function magnitudeKeySum(records: Iterable<{ recordKey: number | bigint | string; cents: number | bigint }>): number {
  let sum = 0n
  for (const r of records) sum = (sum + magnitudeRecordTerm(r.recordKey, r.cents)) % MOD
  return Number(sum)
}
