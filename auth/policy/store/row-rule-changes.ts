import { access } from './access-schema.js'
import { invalid, type StoreDeps } from './change-transaction.js'
import type { PolicyStore } from './policy-store.js'
import { roleNames } from './policy-rows.js'
import { validateRoleName, validateRowRule, validateRowRuleCoordinate } from './validate-policy.js'

/** Row rules: one condition per role and type. */
export function rowRuleChanges({ tx }: StoreDeps): Pick<PolicyStore, 'setRowRule' | 'removeRowRule'> {
  return {
    setRowRule: input =>
      tx.change(input, 'rowRule.set', async trx => {
        const names = await roleNames(trx)
        const rule = validateRowRule(input.rule, '/rule', n => names.has(n))
        const a = access(trx)
        const previous = await a
          .selectFrom('row_rule')
          .select('condition')
          .where('role', '=', rule.role)
          .where('coordinate', '=', rule.coordinate)
          .executeTakeFirst()
        const condition = JSON.stringify(rule.condition)
        await a
          .insertInto('row_rule')
          .values({ role: rule.role, coordinate: rule.coordinate, condition })
          .onConflict(oc => oc.columns(['role', 'coordinate']).doUpdateSet({ condition }))
          .execute()
        return { rule, previous: previous ? previous.condition : null }
      }),

    removeRowRule: input =>
      tx.change(input, 'rowRule.remove', async trx => {
        const role = validateRoleName(input.role, '/role')
        const coordinate = validateRowRuleCoordinate(input.coordinate, '/coordinate')
        const removed = await access(trx)
          .deleteFrom('row_rule')
          .where('role', '=', role)
          .where('coordinate', '=', coordinate)
          .returning('condition')
          .executeTakeFirst()
        if (!removed) invalid('/coordinate', `role ${role} has no row rule on ${coordinate}`)
        return { removed: { role, coordinate, condition: removed.condition } }
      }),
  }
}
