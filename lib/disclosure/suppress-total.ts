import type { StatCount } from '../../platform/stat.js'
import { applyDisclosureRule } from './apply-rule.js'
import { KL_STAT_2 } from './disclosure-rules.js'
import { planSuppression } from './suppression-plan.js'
import type { SuppressTableOptions } from './suppress-table.js'

/**
 * The published total of a table, consistent with `suppressTable` on the same rows and options (it
 * replays the same deterministic plan). The total is SECRET when
 * - it is a small count itself (a table of zeros and one 1 has total 1), or
 * - publishing it would let a hidden cell be solved and no other cell was left to hide
 *   (zeros with 1 + 1, or 2 + 2: the sum pins both).
 * Otherwise it is published (rounded when the rule rounds). `opts.total: null` (not available) gives a
 * NOT_AVAILABLE total, or SECRET when it would have had to be hidden anyway.
 *
 * A total published elsewhere unperturbed (official population totals) cannot be hidden here; when this
 * returns SECRET for such a total, the caller must withhold the breakdown instead.
 */
export function suppressTotal<T>(rows: readonly T[], cellOf: (row: T) => StatCount, opts: SuppressTableOptions<T> = {}): StatCount {
  const cells = rows.map(cellOf)
  const plan = planSuppression(cells, { total: opts.total, keys: opts.keyOf ? rows.map(opts.keyOf) : undefined, rule: opts.rule })
  if (plan.totalSuppressed) return { value: null, status: 'SECRET', flags: [] }
  if (opts.total === null) return { value: null, status: 'NOT_AVAILABLE', flags: [] }
  const total = opts.total ?? cells.reduce((sum, c) => sum + (c.value ?? 0), 0)
  return applyDisclosureRule(opts.rule ?? KL_STAT_2, { value: total, status: total === 0 ? 'ZERO' : 'EXACT', flags: [] })
}
