import { sql, type Kysely } from 'kysely'
import { createWriteAuditTable, dropWriteAuditTable } from '../../../lib/data-entry/write-audit-table.js'

/**
 * Data entry: the department's write audit, and ids for allocations entered after the seed (the
 * seed numbers its rows itself; the data-entry writer moves the sequence past them before inserting).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await createWriteAuditTable(db, 'asy')
  await sql`create sequence asy.allocation_id_seq owned by asy.allocation.id`.execute(db)
  await sql`alter table asy.allocation alter column id set default nextval('asy.allocation_id_seq')`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table asy.allocation alter column id drop default`.execute(db)
  await sql`drop sequence asy.allocation_id_seq`.execute(db)
  await dropWriteAuditTable(db, 'asy')
}
