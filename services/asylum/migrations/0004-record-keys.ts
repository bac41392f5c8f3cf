import { sql, type Kysely } from 'kysely'
import { addRecordKeyColumn } from '../../../platform/db/record-keys.js'

/**
 * Record keys for the Cell Key Method (docs/disclosure.md): every allocation record (one person) carries a
 * fixed random key in [0, 2³²). Existing rows get a random key now; data entry and imports insert without
 * one and get a random key from the column default; no write path updates it, so a record keeps its key
 * for life. The demo seed inserts deterministic keys instead.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await addRecordKeyColumn(db, 'asy.allocation')
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table asy.allocation drop column rkey`.execute(db)
}
