import { sql, type Kysely } from 'kysely'
import { addRecordKeyColumn } from '../../../platform/db/record-keys.js'

/**
 * Record keys for the Cell Key Method (lib/disclosure/cell-key.ts). A row of edu.school_year_stat (pupils of
 * one school, school year, grade, sex and nationality group) and of edu.graduate (leavers of one school,
 * school year, qualification and sex) is a finest cell of pupil records: its `rkey` stands for the key sum
 * of the pupils in it. Existing rows get random keys; data entry inserts without a key (random default).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await addRecordKeyColumn(db, 'edu.school_year_stat')
  await addRecordKeyColumn(db, 'edu.graduate')
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table edu.school_year_stat drop column rkey`.execute(db)
  await sql`alter table edu.graduate drop column rkey`.execute(db)
}
