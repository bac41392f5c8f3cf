import { sql, type Kysely } from 'kysely'
import { addRecordKeyColumn } from '../../../platform/db/record-keys.js'

/**
 * Record keys of the Cell Key Method (lib/disclosure/cell-key.ts), so that counts for aggregate-only roles
 * (public, committee) are perturbed the same way whenever they cover the same persons or events:
 * - `pop_micro.person_year.rkey`: one key per person-year record;
 * - `pop.stock.rkey` and `pop.movement.rkey`: a row is a finest cell ("n persons of this age, sex and
 *   nationality group"), its key the sum modulo 2³² of the keys of its records.
 * Existing rows get random keys; rows inserted without a key get one from the CSPRNG; updates keep it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await addRecordKeyColumn(db, 'pop_micro.person_year')
  await addRecordKeyColumn(db, 'pop.stock')
  await addRecordKeyColumn(db, 'pop.movement')
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table pop.movement drop column rkey`.execute(db)
  await sql`alter table pop.stock drop column rkey`.execute(db)
  await sql`alter table pop_micro.person_year drop column rkey`.execute(db)
}
