import { sql, type Kysely } from 'kysely'
import { appendAuditEntry } from '../audit-chain.js'
import type { AccessTables } from '../db.js'
import { POLICY_CHANNEL } from '../subscribe-policy-version.js'

const ROLE = 'staff'
const SCOPE = '{department}:write'

/**
 * Data entry: the `staff` role gains `{department}:write`, the scope every department's data-entry
 * mutations require. A fresh database gets it from the default roles; an existing one here, as a
 * policy change like any other (version + 1, audit entry, NOTIFY), so replicas and the audit
 * trail see it. A database whose staff role an administrator removed, or already gave the
 * scope, is left as it is.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const a = db.withSchema('access') as unknown as Kysely<AccessTables>
  const row = await a.selectFrom('role').select('scopes').where('name', '=', ROLE).executeTakeFirst()
  if (!row || row.scopes.includes(SCOPE)) return
  const { version } = await a.selectFrom('policy_version').select('version').forUpdate().executeTakeFirstOrThrow()
  const next = Number(version) + 1
  await a
    .updateTable('role')
    .set({ scopes: [...row.scopes, SCOPE] })
    .where('name', '=', ROLE)
    .execute()
  await a.updateTable('policy_version').set({ version: next }).execute()
  await appendAuditEntry(a, {
    actor: 'migration:0005-write-scope',
    action: 'role.upsert',
    payload: { version: next, role: ROLE, addedScopes: [SCOPE] },
  })
  await sql`select pg_notify(${POLICY_CHANNEL}, ${String(next)})`.execute(db)
}

/** Takes the scope away again (as a policy change too). */
export async function down(db: Kysely<any>): Promise<void> {
  const a = db.withSchema('access') as unknown as Kysely<AccessTables>
  const row = await a.selectFrom('role').select('scopes').where('name', '=', ROLE).executeTakeFirst()
  if (!row || !row.scopes.includes(SCOPE)) return
  const { version } = await a.selectFrom('policy_version').select('version').forUpdate().executeTakeFirstOrThrow()
  const next = Number(version) + 1
  await a
    .updateTable('role')
    .set({ scopes: row.scopes.filter(s => s !== SCOPE) })
    .where('name', '=', ROLE)
    .execute()
  await a.updateTable('policy_version').set({ version: next }).execute()
  await appendAuditEntry(a, {
    actor: 'migration:0005-write-scope',
    action: 'role.upsert',
    payload: { version: next, role: ROLE, removedScopes: [SCOPE] },
  })
  await sql`select pg_notify(${POLICY_CHANNEL}, ${String(next)})`.execute(db)
}
