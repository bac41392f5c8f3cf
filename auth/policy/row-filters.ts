import type { Principal } from '../principal.js'
import { activeRoles } from './effective-access.js'
import type { PolicySnapshot } from './types.js'

/**
 * Row rules (`access.row_rule`) resolved for one principal, for the departments to apply in SQL.
 * A rule's condition names a field of the rule's type and where its value comes from:
 *   { "column": "route", "equals": "UKRAINE_24" }        a fixed value
 *   { "column": "district", "claim": "department" }      a verified claim (department, sub, purpose)
 * Roles combine as a union: a role without a rule on a type sees all its rows, so the type is
 * then unrestricted; otherwise a row is visible when it matches the rules of at least one role.
 * A claim the principal does not carry resolves to null, which matches no row (fail closed).
 */
/** The verified claims a condition may compare with (`{ "claim": … }`); anything else would match no row. */
export const ROW_RULE_CLAIMS = ['department', 'sub', 'purpose'] as const

export interface RowCondition {
  field: string
  value: string | null
}
export interface RowFilter {
  coordinate: string
  anyOf: RowCondition[][]
}

export function rowFilters(snapshot: PolicySnapshot, principal: Principal, now: Date = new Date()): RowFilter[] {
  const roles = activeRoles(snapshot, principal, now)
  const byType = new Map<string, Map<string, RowCondition[]>>()
  for (const rule of snapshot.rowRules) {
    if (!roles.some(r => r.name === rule.role)) continue
    const perRole = byType.get(rule.coordinate) ?? new Map<string, RowCondition[]>()
    const conditions = perRole.get(rule.role) ?? []
    conditions.push({ field: rule.condition.column ?? '', value: conditionValue(rule.condition, principal) })
    perRole.set(rule.role, conditions)
    byType.set(rule.coordinate, perRole)
  }
  const filters: RowFilter[] = []
  for (const [coordinate, perRole] of byType) {
    if (perRole.size < roles.length) continue // some active role sees every row of this type
    filters.push({ coordinate, anyOf: [...perRole.values()] })
  }
  return filters.sort((a, b) => a.coordinate.localeCompare(b.coordinate))
}

function conditionValue(condition: Readonly<Record<string, string>>, principal: Principal): string | null {
  if (typeof condition.equals === 'string') return condition.equals
  switch (condition.claim) {
    case 'department':
      return principal.department
    case 'sub':
      return principal.subject
    case 'purpose':
      return principal.purpose
    default:
      return null
  }
}
