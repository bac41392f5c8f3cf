import { sql, type Kysely } from 'kysely'
import { createWriteAuditTable, dropWriteAuditTable } from '../../../lib/data-entry/write-audit-table.js'

/** Daily figures entered by the health office: the write audit, and the source every entered row gets. */
export async function up(db: Kysely<any>): Promise<void> {
  await createWriteAuditTable(db, 'soc')
  await sql`alter table soc.daily_metric alter column source set default 'Gesundheitsamt Kaiserslautern (Dateneingabe)'`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table soc.daily_metric alter column source drop default`.execute(db)
  await dropWriteAuditTable(db, 'soc')
}
