import { sql, type Transaction } from 'kysely'
import { PolicyError } from '../types.js'
import { access } from './access-schema.js'
import { checkActor, checkContext, invalid, type StoreDeps } from './change-transaction.js'
import { checkChangeId, checkReason, grantOpenings, importOpenings, roleOpenings, type Opening } from './four-eyes.js'
import { applyGrant } from './grant-changes.js'
import { applyImport } from './policy-document.js'
import type { PolicyStore } from './policy-store.js'
import { readPolicy, readRole, roleNames } from './policy-rows.js'
import { applyRole } from './role-changes.js'
import { validateGrant, validatePolicy, validateRole, type Classify } from './validate-policy.js'
import type { PolicyExport } from './policy-store.js'

/** Runs `validate` on a pending change's payload; an INVALID_POLICY pointer then points into `/payload`. */
function atPayload<T>(validate: () => T): T {
  try {
    return validate()
  } catch (err) {
    if (err instanceof PolicyError && err.code === 'INVALID_POLICY')
      throw new PolicyError(err.code, err.message, `/payload${err.pointer ?? ''}`)
    throw err
  }
}

/** The open pending change `id`, locked; INVALID_POLICY if unknown or already decided. */
async function openChange(trx: Transaction<any>, id: number) {
  const row = await access(trx)
    .selectFrom('pending_change')
    .select(['id', 'kind', 'payload', 'requested_by', 'approved_by', 'rejected'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst()
  if (!row) invalid('/id', `unknown pending change ${id}`)
  if (row.approved_by !== null) invalid('/id', `pending change ${id} was already approved by ${row.approved_by}`)
  if (row.rejected) invalid('/id', `pending change ${id} was rejected`)
  return row
}

/** What a stored pending change would open over `current`; a payload that no longer validates opens nothing shown here (approval re-validates). */
function openingsOf(kind: string, payload: Record<string, unknown>, current: PolicyExport, classify: Classify | undefined): Opening[] {
  try {
    if (kind === 'grant.set')
      return grantOpenings(
        validateGrant(payload.grant, '/grant', () => true, classify),
        classify,
      )
    if (kind === 'role.upsert') {
      const role = validateRole(payload.role, '/role')
      return roleOpenings(role, current.roles.find(r => r.name === role.name) ?? null)
    }
    if (kind === 'policy.import') return importOpenings(validatePolicy(payload, classify), current, classify)
  } catch (err) {
    if (!(err instanceof PolicyError)) throw err
  }
  return []
}

/** Four eyes (four-eyes.ts): the changes waiting for a second administrator, and their approval or rejection. */
export function approvalChanges({ db, options, tx }: StoreDeps): Pick<PolicyStore, 'pendingChanges' | 'approveChange' | 'rejectChange'> {
  return {
    pendingChanges: async () => {
      const rows = await access(db)
        .selectFrom('pending_change')
        .select(['id', 'kind', 'payload', 'requested_by', 'requested_at'])
        .where('approved_by', 'is', null)
        .where('rejected', '=', false)
        .orderBy('id')
        .execute()
      const current = rows.length ? await readPolicy(db) : null
      return rows.map(r => ({
        id: Number(r.id),
        kind: r.kind,
        payload: r.payload,
        requestedBy: r.requested_by,
        requestedAt: new Date(r.requested_at),
        opens: openingsOf(r.kind, r.payload, current!, options.classify),
      }))
    },

    approveChange: async input => {
      const { expectedVersion, actor } = checkContext(input)
      const id = checkChangeId((input as { id?: unknown }).id)
      return db.transaction().execute(async trx => {
        const current = await tx.lockVersion(trx)
        const pending = await openChange(trx, id)
        if (pending.requested_by === actor) {
          throw new PolicyError(
            'FORBIDDEN',
            `four-eyes: pending change ${id} was requested by ${actor}; a second administrator must approve it`,
            '/id',
          )
        }
        tx.checkVersion(current, expectedVersion)
        // Validated again against the policy as it is now: the role may have gone, the graph changed.
        let result: Record<string, unknown>
        if (pending.kind === 'grant.set') {
          const names = await roleNames(trx)
          result = await applyGrant(
            trx,
            validateGrant(pending.payload.grant, '/payload/grant', n => names.has(n), options.classify),
          )
        } else if (pending.kind === 'policy.import') {
          const policy = atPayload(() => validatePolicy(pending.payload, options.classify))
          result = await applyImport(trx, policy, await readPolicy(trx))
        } else {
          const role = validateRole(pending.payload.role, '/payload/role')
          result = await applyRole(trx, role, await readRole(trx, role.name))
        }
        await access(trx)
          .updateTable('pending_change')
          .set({ approved_by: actor, approved_at: sql<string>`now()` })
          .where('id', '=', id)
          .execute()
        return tx.commit(trx, current + 1, actor, 'change.approved', {
          changeId: id,
          kind: pending.kind,
          requestedBy: pending.requested_by,
          approvedBy: actor,
          ...result,
        })
      })
    },

    rejectChange: async input => {
      const actor = checkActor(input)
      const id = checkChangeId((input as { id?: unknown }).id)
      const reason = checkReason((input as { reason?: unknown }).reason)
      await db.transaction().execute(async trx => {
        // The version lock serialises audit appends; the version itself does not change.
        const current = await tx.lockVersion(trx)
        const pending = await openChange(trx, id)
        await access(trx).updateTable('pending_change').set({ rejected: true }).where('id', '=', id).execute()
        await tx.appendUnversioned(trx, {
          actor,
          action: 'change.rejected',
          payload: { version: current, changeId: id, kind: pending.kind, requestedBy: pending.requested_by, rejectedBy: actor, reason },
        })
      })
    },
  }
}
