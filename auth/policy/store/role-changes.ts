import type { Transaction } from 'kysely'
import type { RoleDefinition } from '../types.js'
import { access } from './access-schema.js'
import { invalid, NeedsApproval, type StoreDeps } from './change-transaction.js'
import { DEFAULT_ROLES } from './default-roles.js'
import { addedSensitiveScopes } from './four-eyes.js'
import type { PolicyStore } from './policy-store.js'
import { readRole, roleNames, roleRow } from './policy-rows.js'
import { validateRole, validateRoleName } from './validate-policy.js'

/** Writes `role` over `previous` (null: a new role); the audit payload. */
export async function applyRole(
  trx: Transaction<any>,
  role: RoleDefinition,
  previous: RoleDefinition | null,
): Promise<Record<string, unknown>> {
  const row = roleRow(role)
  await access(trx)
    .insertInto('role')
    .values(row)
    .onConflict(oc =>
      oc.column('name').doUpdateSet({
        description: row.description,
        scopes: row.scopes,
        aggregate_only: row.aggregate_only,
        admin: row.admin,
        valid_from: row.valid_from,
        valid_until: row.valid_until,
      }),
    )
    .execute()
  return { role, previous }
}

/** Roles: the defaults, upserts (four-eyes for personal/special scopes) and deletes. */
export function roleChanges({ db, tx }: StoreDeps): Pick<PolicyStore, 'seedDefaults' | 'upsertRole' | 'deleteRole'> {
  return {
    seedDefaults: async (opts = {}) =>
      db.transaction().execute(async trx => {
        const current = await tx.lockVersion(trx)
        const existing = await roleNames(trx)
        const missing = DEFAULT_ROLES.filter(r => !existing.has(r.name))
        if (missing.length === 0) return { version: current, inserted: [] }
        await access(trx).insertInto('role').values(missing.map(roleRow)).execute()
        const { version } = await tx.commit(trx, current + 1, opts.actor ?? 'system', 'policy.seed', { roles: missing })
        return { version, inserted: missing.map(r => r.name) }
      }),

    upsertRole: input =>
      tx.change(input, 'role.upsert', async trx => {
        const role = validateRole(input.role, '/role')
        const previous = await readRole(trx, role.name)
        const added = addedSensitiveScopes(role, previous)
        if (added.length) return new NeedsApproval('role.upsert', { role }, `role ${role.name} gaining scope ${added.join(', ')}`)
        return applyRole(trx, role, previous)
      }),

    deleteRole: input =>
      tx.change(input, 'role.delete', async trx => {
        const name = validateRoleName(input.name, '/name')
        const a = access(trx)
        const grants = await a
          .selectFrom('coordinate_grant')
          .select(['coordinate', 'effect'])
          .where('role', '=', name)
          .orderBy('coordinate')
          .execute()
        const rules = await a
          .selectFrom('row_rule')
          .select(['coordinate', 'condition'])
          .where('role', '=', name)
          .orderBy('coordinate')
          .execute()
        const deleted = await a.deleteFrom('role').where('name', '=', name).returning('name').executeTakeFirst()
        if (!deleted) invalid('/name', `unknown role ${JSON.stringify(name)}`)
        return { name, removedGrants: grants, removedRowRules: rules }
      }),
  }
}
