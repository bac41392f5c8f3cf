import type { StatCount } from '../../platform/stat.js'
import { applyDisclosureRule } from './apply-rule.js'
import { KL_STAT_2, type DisclosureRule } from './disclosure-rules.js'
import { planSuppression } from './suppression-plan.js'

export interface SuppressTableOptions<T> {
  /**
   * The total this table breaks down, when it is published elsewhere (e.g. the district's population
   * for a nationality breakdown). Absent or null: the sum of the cells, which a reader can always form.
   */
  total?: number | null
  /** Stable identity of a row (e.g. the country code): breaks ties so the same cell is always chosen. */
  keyOf?: (row: T) => string
  /** Default KL-STAT-2. */
  rule?: DisclosureRule
}

/**
 * Disclosure control for one published table (one dimension of one aggregate): primary suppression of
 * every small cell, then at most one secondary cell so no hidden cell can be recovered from the total
 * and the published cells (rules and attacker model: `planSuppression`, README.md). Published cells
 * are rounded when the rule rounds.
 *
 * Rules:
 * - 1 … minCount−1 → SECRET; 0 stays ZERO; cells without a value keep their status.
 * - Exactly one hidden cell → also hide the smallest remaining non-zero cell (ties: `keyOf`, then
 *   position), so at least two unknowns remain.
 * - Two or more small hidden cells are enough on their own — two unknowns, one equation — unless their
 *   sum pins them (1 + 1, 2 + 2): then one more cell is hidden as above.
 * - A hidden pair that is the whole non-zero content of the table (e.g. 1 and 2, total 3 published) is
 *   acceptable for the same reason. When nothing is left to hide, `suppressTotal` hides the total.
 *
 * Apply it to the whole predefined table before the client's selection is applied, so that a cell's
 * status never depends on which sibling cells a request happened to ask for (differencing across
 * requests, T39). Returns new rows built by `withCell`; neither rows nor cells are mutated.
 */
export function suppressTable<T>(
  rows: readonly T[],
  cellOf: (row: T) => StatCount,
  withCell: (row: T, cell: StatCount) => T,
  opts: SuppressTableOptions<T> = {},
): T[] {
  const cells = rows.map(cellOf)
  const plan = planSuppression(cells, { total: opts.total, keys: opts.keyOf ? rows.map(opts.keyOf) : undefined, rule: opts.rule })
  const hidden = new Set([...plan.primary, ...plan.secondary])
  const rule = opts.rule ?? KL_STAT_2
  return rows.map((row, i) => {
    const cell = cells[i]
    // Cells outside the plan are not small, so the rule leaves them as they are (or rounds them).
    const published: StatCount = hidden.has(i) ? { value: null, status: 'SECRET', flags: [...cell.flags] } : applyDisclosureRule(rule, cell)
    return withCell(row, published)
  })
}
