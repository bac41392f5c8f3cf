import type { Transaction } from 'kysely'
import { access } from './access-schema.js'
import { invalid, NeedsApproval, type StoreDeps } from './change-transaction.js'
import { importAdditions } from './four-eyes.js'
import type { PolicyExport, PolicyParts, PolicyStore } from './policy-store.js'
import { diffPolicy } from './policy-diff.js'
import { readPolicy, roleRow } from './policy-rows.js'
import { validatePolicy, type PolicyInput } from './validate-policy.js'

/** The parts of an import, from a JSON document or given directly; a document that is not JSON is INVALID_POLICY. */
export function policyDocument(input: Partial<PolicyParts> & { json?: unknown }): unknown {
  if (!('json' in input)) return { roles: input.roles, grants: input.grants, rowRules: input.rowRules }
  if (typeof input.json !== 'string') invalid('/json', 'json must be a string')
  try {
    return JSON.parse(input.json)
  } catch (err) {
    return invalid('', `the policy document is not JSON: ${(err as Error).message}`)
  }
}

/** Replaces the whole policy with `policy` (validated); `before` is the policy it replaces, for the audit row. */
export async function applyImport(trx: Transaction<any>, policy: PolicyInput, before: PolicyExport): Promise<Record<string, unknown>> {
  const a = access(trx)
  // Children first; the cascade would do it, but explicit deletes keep the statement order obvious.
  await a.deleteFrom('row_rule').execute()
  await a.deleteFrom('coordinate_grant').execute()
  await a.deleteFrom('role').execute()
  if (policy.roles.length) await a.insertInto('role').values(policy.roles.map(roleRow)).execute()
  if (policy.grants.length) {
    await a
      .insertInto('coordinate_grant')
      .values(policy.grants.map(g => ({ role: g.role, coordinate: g.coordinate, effect: g.effect, valid_until: g.validUntil })))
      .execute()
  }
  if (policy.rowRules.length) {
    await a
      .insertInto('row_rule')
      .values(policy.rowRules.map(r => ({ role: r.role, coordinate: r.coordinate, condition: JSON.stringify(r.condition) })))
      .execute()
  }
  return {
    ...policy,
    replaced: { roles: before.roles.length, grants: before.grants.length, rowRules: before.rowRules.length },
  }
}

/** The policy as a whole: its version, a frozen snapshot, export and import. */
export function policyDocumentMethods({
  db,
  options,
  tx,
}: StoreDeps): Pick<PolicyStore, 'load' | 'version' | 'importPolicy' | 'exportPolicy' | 'previewImport'> {
  return {
    load: async () => {
      const p = await db
        .transaction()
        .setIsolationLevel('repeatable read')
        .setAccessMode('read only')
        .execute(trx => readPolicy(trx))
      const freeze = <T extends object>(o: T): T => Object.freeze(o)
      return freeze({
        version: p.version,
        roles: new Map(p.roles.map(r => [r.name, freeze({ ...r, scopes: freeze([...r.scopes]) })])),
        grants: freeze(p.grants.map(freeze)),
        rowRules: freeze(p.rowRules.map(r => freeze({ ...r, condition: freeze({ ...r.condition }) }))),
        loadedAt: new Date(),
      })
    },

    version: async () => Number((await access(db).selectFrom('policy_version').select('version').executeTakeFirstOrThrow()).version),

    importPolicy: input =>
      tx.change(input, 'policy.import', async trx => {
        const policy = validatePolicy(policyDocument(input), options.classify)
        const before = await readPolicy(trx)
        // Four eyes for the import as a whole: it opens nothing setGrant/upsertRole would hold back for a second administrator.
        const added = importAdditions(policy, before, options.classify)
        if (added.length) {
          const shown = added.length > 5 ? `${added.slice(0, 5).join(', ')} and ${added.length - 5} more` : added.join(', ')
          return new NeedsApproval(
            'policy.import',
            { roles: policy.roles, grants: policy.grants, rowRules: policy.rowRules },
            `an import adding ${shown}`,
          )
        }
        return applyImport(trx, policy, before)
      }),

    // The same parsing and validation as importPolicy, then a diff against the policy as it is; writes nothing.
    previewImport: async input => {
      const policy = validatePolicy(policyDocument((input ?? {}) as Partial<PolicyParts> & { json?: unknown }), options.classify)
      const current = await db
        .transaction()
        .setIsolationLevel('repeatable read')
        .setAccessMode('read only')
        .execute(trx => readPolicy(trx))
      return diffPolicy(current, policy, options.classify)
    },

    exportPolicy: () =>
      db
        .transaction()
        .setIsolationLevel('repeatable read')
        .setAccessMode('read only')
        .execute(trx => readPolicy(trx)),
  }
}
