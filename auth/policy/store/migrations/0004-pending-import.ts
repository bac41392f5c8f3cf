import { sql, type Kysely } from 'kysely'

/**
 * Four eyes for whole-policy imports: an import that adds an ALLOW on personal/special data or a
 * personal/special scope waits in `access.pending_change` as kind `policy.import`. 0003 listed the
 * kinds in an (unnamed, so `pending_change_kind_check`) column check; this widens it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table access.pending_change
    drop constraint pending_change_kind_check,
    add constraint pending_change_kind_check check (kind in ('grant.set', 'role.upsert', 'policy.import'))`.execute(db)
}

/** Fails while `policy.import` rows exist: those are records of requests and decisions, not to be dropped silently. */
export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table access.pending_change
    drop constraint pending_change_kind_check,
    add constraint pending_change_kind_check check (kind in ('grant.set', 'role.upsert'))`.execute(db)
}
