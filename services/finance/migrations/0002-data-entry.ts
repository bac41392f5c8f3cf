import type { Kysely } from 'kysely'
import { createWriteAuditTable, dropWriteAuditTable } from '../../../lib/data-entry/write-audit-table.js'

/** Data entry: the department's append-only write audit. */
export async function up(db: Kysely<any>): Promise<void> {
  await createWriteAuditTable(db, 'fin')
}

export async function down(db: Kysely<any>): Promise<void> {
  await dropWriteAuditTable(db, 'fin')
}
