import { sql, type Transaction } from 'kysely'
import type { CoordinateGrant } from '../types.js'
import { access } from './access-schema.js'
import { invalid, NeedsApproval, type StoreDeps } from './change-transaction.js'
import { grantNeedsApproval } from './four-eyes.js'
import type { PolicyStore } from './policy-store.js'
import { roleNames } from './policy-rows.js'
import { validateCoordinate, validateGrant, validateRoleName } from './validate-policy.js'

/** Writes `grant` over the role's grant on the same coordinate, if any; the audit payload. */
export async function applyGrant(trx: Transaction<any>, grant: CoordinateGrant): Promise<Record<string, unknown>> {
  const a = access(trx)
  const previous = await a
    .selectFrom('coordinate_grant')
    .select(['effect', sql<string | null>`valid_until::text`.as('valid_until')])
    .where('role', '=', grant.role)
    .where('coordinate', '=', grant.coordinate)
    .executeTakeFirst()
  await a
    .insertInto('coordinate_grant')
    .values({ role: grant.role, coordinate: grant.coordinate, effect: grant.effect, valid_until: grant.validUntil })
    .onConflict(oc => oc.columns(['role', 'coordinate']).doUpdateSet({ effect: grant.effect, valid_until: grant.validUntil }))
    .execute()
  return { grant, previous: previous ? { effect: previous.effect, validUntil: previous.valid_until } : null }
}

/** Coordinate grants and denies (four-eyes for an ALLOW on personal/special data). */
export function grantChanges({ options, tx }: StoreDeps): Pick<PolicyStore, 'setGrant' | 'removeGrant'> {
  return {
    setGrant: input =>
      tx.change(input, 'grant.set', async trx => {
        const names = await roleNames(trx)
        const grant = validateGrant(input.grant, '/grant', n => names.has(n), options.classify)
        if (grantNeedsApproval(grant, options.classify)) {
          return new NeedsApproval('grant.set', { grant }, `ALLOW of ${grant.coordinate} to role ${grant.role}`)
        }
        return applyGrant(trx, grant)
      }),

    removeGrant: input =>
      tx.change(input, 'grant.remove', async trx => {
        const role = validateRoleName(input.role, '/role')
        const coordinate = validateCoordinate(input.coordinate, '/coordinate')
        const removed = await access(trx)
          .deleteFrom('coordinate_grant')
          .where('role', '=', role)
          .where('coordinate', '=', coordinate)
          .returning(['effect', sql<string | null>`valid_until::text`.as('valid_until')])
          .executeTakeFirst()
        if (!removed) invalid('/coordinate', `role ${role} has no grant on ${coordinate}`)
        return { removed: { role, coordinate, effect: removed.effect, validUntil: removed.valid_until } }
      }),
  }
}
