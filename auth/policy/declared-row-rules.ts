import { graphqlError } from '../../platform/errors.js'
import type { InternalIdentity } from '../internal/internal-identity.js'
import { PolicyError, type RowRule } from './types.js'

/** A type whose rows row rules may limit, as its department declares it (lib/service/row-filter.ts). */
export interface DeclaredRowRuleTarget {
  department: string
  coordinate: string
  field: string
  columns: string[]
}

/** What the admin API asks the departments about row rules. */
export interface RowRuleDepartments {
  /** Every department's declared targets; `unreachable`: departments that did not answer. */
  targets(): Promise<{ targets: DeclaredRowRuleTarget[]; unreachable: string[] }>
  /** Rows the department's root field for `coordinate` returns to `identity`; throws with `department` when it does not answer. */
  count(department: string, coordinate: string, identity: InternalIdentity): Promise<number>
}

type Declared = Awaited<ReturnType<RowRuleDepartments['targets']>>

/** The declared target of `coordinate`, or INVALID_POLICY at `at` (SUBGRAPH_UNAVAILABLE when its department may just be down). */
function targetIn({ targets, unreachable }: Declared, coordinate: string, at: string): DeclaredRowRuleTarget {
  const target = targets.find(t => t.coordinate === coordinate)
  if (target) return target
  if (unreachable.length) {
    throw graphqlError(
      'SUBGRAPH_UNAVAILABLE',
      `Cannot check the row rule: ${coordinate} is not declared by the departments that answered, and ${unreachable.join(', ')} did not answer`,
      { serviceName: unreachable[0] },
    )
  }
  const known = targets.map(t => t.coordinate).join(', ') || 'none'
  throw new PolicyError('INVALID_POLICY', `no department declares row rules on ${JSON.stringify(coordinate)} (declared: ${known})`, at)
}

/** A condition's column must be one its target's department maps to a column. */
export function checkColumn(target: DeclaredRowRuleTarget, condition: Readonly<Record<string, string>>, at: string): void {
  const column = condition.column
  if (column !== undefined && !target.columns.includes(column)) {
    throw new PolicyError(
      'INVALID_POLICY',
      `${target.coordinate} has no field ${JSON.stringify(column)} a row rule may name (${target.columns.join(', ')}); it would match no row`,
      at,
    )
  }
}

/** The declared target of `coordinate`, or INVALID_POLICY at `at`. */
export async function declaredTarget(departments: RowRuleDepartments, coordinate: string, at: string): Promise<DeclaredRowRuleTarget> {
  return targetIn(await departments.targets(), coordinate, at)
}

/**
 * Row rules (already valid in shape: validate-policy.ts) against what the owning departments
 * declare: the type and the field a condition names. Claims are checked with the shape. The one
 * check every way a row rule reaches the policy runs — setRowRule, importPolicy, previewImport and
 * approveChange — so none of them can store a rule that would silently match no row. `at(i)` is
 * the pointer of rule `i`; errors point at its `/coordinate` or `/condition/column`.
 */
export async function checkDeclaredRowRules(
  departments: RowRuleDepartments,
  rules: readonly RowRule[],
  at: (index: number) => string,
): Promise<void> {
  if (rules.length === 0) return
  const declared = await departments.targets()
  rules.forEach((rule, i) => {
    checkColumn(targetIn(declared, rule.coordinate, `${at(i)}/coordinate`), rule.condition, `${at(i)}/condition/column`)
  })
}
