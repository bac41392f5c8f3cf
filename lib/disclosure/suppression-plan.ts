import type { StatCount } from '../../platform/stat.js'
import { isSmallCount, KL_STAT_2, type DisclosureRule } from './disclosure-rules.js'

/**
 * Which cells of one published table are hidden, and why. The gateway writes it (with `ruleId`) to the
 * audit log; the response only carries `status: SECRET`.
 */
export interface SuppressionPlan {
  ruleId: string
  /** Indices of small cells (1 … minCount−1), ascending. */
  primary: readonly number[]
  /** Indices of cells hidden only to protect a primary cell (at most one), ascending. */
  secondary: readonly number[]
  /** The table's total must be hidden too: it would reveal a suppressed cell, or it is small itself. */
  totalSuppressed: boolean
}

export interface SuppressionPlanOptions {
  /** The table's total when it is a breakdown of a separately published total; else the sum of the cells. */
  total?: number | null
  /** Stable key per cell (same order as `cells`) for breaking ties between equal cells. */
  keys?: readonly string[]
  rule?: DisclosureRule
}

/**
 * Plans primary and secondary suppression for one table whose total is published.
 *
 * Attacker model (documented in README.md): the attacker sees the published cells and the total, so
 * the sum R of the hidden cells is known. Every hidden cell is ≥ 1 (true zeros are shown as ZERO).
 * When only small cells are hidden, we assume the attacker also knows each lies in 1 … minCount−1.
 * A hidden cell is recoverable when
 *   (a) it is the only hidden cell (R is its value), or
 *   (b) only small cells are hidden and R = k (all are 1) or R = k·(minCount−1) (all are at the maximum).
 * Either way we hide one more cell: the smallest non-zero published cell (ties: key, then position).
 * That cell is ≥ minCount, so R now exceeds the number of hidden cells and the attacker can no longer
 * tell which hidden cells are small: every hidden cell keeps at least two possible values.
 * (a) is the statistics office's "one star is never alone"; (b) closes the interval attack on pairs
 * such as 1 + 1 or 2 + 2, where "two unknowns, one equation" is not enough once the bounds are known.
 * When no cell is left to hide (all others are zero), the total itself is hidden instead.
 *
 * Not covered: an attacker who replays the selection order (smallest first, ties by key) to bound the
 * secondary cell from above. Closing that needs optimisation-based cell selection (τ-ARGUS) or
 * Cell-Key perturbation; see README.md.
 *
 * Deterministic: depends only on values, keys and positions. Cells without a value (null) take no
 * part: disclosure control runs once, on exact values.
 */
export function planSuppression(cells: readonly StatCount[], options: SuppressionPlanOptions = {}): SuppressionPlan {
  const rule = options.rule ?? KL_STAT_2
  const keys = options.keys
  if (keys && keys.length !== cells.length) throw new RangeError(`planSuppression: ${keys.length} keys for ${cells.length} cells`)

  const magnitude = (i: number): number => Math.abs(cells[i].value ?? 0)
  const primary: number[] = []
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i].value
    if (v !== null && isSmallCount(v, rule)) primary.push(i)
  }

  const secondary: number[] = []
  if (recoverable(primary.map(magnitude), rule)) {
    const hidden = new Set(primary)
    let best = -1
    for (let i = 0; i < cells.length; i++) {
      if (hidden.has(i) || cells[i].value === null || cells[i].value === 0) continue
      if (best < 0 || compareCandidates(i, best, magnitude, keys) < 0) best = i
    }
    if (best >= 0) secondary.push(best)
  }

  // With a secondary cell (≥ minCount) among the hidden ones the sum no longer pins any of them;
  // without one, a recoverable set can only be protected by hiding the total.
  const stillRecoverable = secondary.length === 0 && recoverable(primary.map(magnitude), rule)
  const total = options.total ?? cells.reduce((sum, c) => sum + (c.value ?? 0), 0)
  return {
    ruleId: rule.id,
    primary,
    secondary,
    totalSuppressed: stillRecoverable || isSmallCount(total, rule),
  }
}

/** Whether hidden small cells with these values could be solved from their sum (see planSuppression). */
function recoverable(smallValues: readonly number[], rule: DisclosureRule): boolean {
  const k = smallValues.length
  if (k === 0) return false
  if (k === 1) return true
  const sum = smallValues.reduce((a, b) => a + b, 0)
  return sum === k || sum === k * (rule.minCount - 1)
}

function compareCandidates(a: number, b: number, magnitude: (i: number) => number, keys: readonly string[] | undefined): number {
  const byValue = magnitude(a) - magnitude(b)
  if (byValue !== 0) return byValue
  if (keys) {
    // Plain code-unit order, not localeCompare: the result must not depend on the server's locale.
    if (keys[a] < keys[b]) return -1
    if (keys[a] > keys[b]) return 1
  }
  return a - b
}
