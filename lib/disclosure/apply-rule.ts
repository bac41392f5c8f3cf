import type { StatCount } from '../../platform/stat.js'
import { disclosureRule, roundTo, type DisclosureRule } from './disclosure-rules.js'
import { suppressCell } from './suppress-cell.js'

/**
 * One cell under a rule: primary suppression, then rounding when the rule rounds.
 * Cells are judged one by one here; tables go through `suppressTable`, which adds secondary suppression.
 */
export function applyDisclosureRule(rule: DisclosureRule, cell: StatCount): StatCount {
  const suppressed = suppressCell(cell, rule)
  if (rule.roundTo === undefined || suppressed.value === null) return suppressed
  return roundTo(suppressed, rule.roundTo)
}

/** As `applyDisclosureRule`, with the rule named by id (e.g. from a policy); unknown ids throw. */
export function applyRule(ruleId: string, cell: StatCount): StatCount {
  return applyDisclosureRule(disclosureRule(ruleId), cell)
}
