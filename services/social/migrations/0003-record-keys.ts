import { sql, type Kysely } from 'kysely'
import { addRecordKeyColumn } from '../../../platform/db/record-keys.js'

/**
 * Record keys of the Cell Key Method (lib/disclosure/cell-key.ts) on the case register: every case keeps
 * one for life. Cases already stored get a random key; cases inserted without one (a register import) get
 * one from the column default; an update never touches it. The demo seed writes deterministic keys.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await addRecordKeyColumn(db, 'soc.egh_case')
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table soc.egh_case drop column rkey`.execute(db)
}
