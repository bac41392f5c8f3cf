import type { StatCount } from '../../platform/stat.js'
import { isSmallCount, KL_STAT_2, type DisclosureRule } from './disclosure-rules.js'

/**
 * Primary suppression of one cell: a count of 1 … minCount−1 (1–2 under KL-STAT-2) becomes
 * `{ value: null, status: 'SECRET' }`; 0 is a true zero and stays `ZERO`; a cell without a value keeps
 * its status; anything else is published unchanged.
 *
 * Always returns a new object with its own `flags` array: the input may be a cached object shared
 * with other principals (async-cache-dedupe keeps references), so it is never mutated or aliased.
 */
export function suppressCell(cell: StatCount, rule: DisclosureRule = KL_STAT_2): StatCount {
  const flags = [...cell.flags]
  if (cell.value === null) return { value: null, status: cell.status, flags }
  if (isSmallCount(cell.value, rule)) return { value: null, status: 'SECRET', flags }
  if (cell.value === 0) return { value: 0, status: 'ZERO', flags }
  return { value: cell.value, status: cell.status, flags }
}
