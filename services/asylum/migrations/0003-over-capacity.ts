import { sql, type Kysely } from 'kysely'
import { addAcknowledgedColumn, dropAcknowledgedColumn } from '../../../lib/data-entry/write-audit-table.js'

/**
 * Over-occupancy only on purpose: a Belegung above the day's capacity is stored only with the
 * row's `over_capacity` acknowledgement (an emergency shelter with field beds), and the write audit
 * counts such rows per write. `not valid`: rows already stored are not re-checked; every new or
 * changed row is.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table asy.occupancy add column over_capacity boolean not null default false`.execute(db)
  await sql`alter table asy.occupancy add constraint occupancy_within_capacity
    check (occupied <= capacity or over_capacity) not valid`.execute(db)
  await addAcknowledgedColumn(db, 'asy')
}

export async function down(db: Kysely<any>): Promise<void> {
  await dropAcknowledgedColumn(db, 'asy')
  await sql`alter table asy.occupancy drop constraint occupancy_within_capacity`.execute(db)
  await sql`alter table asy.occupancy drop column over_capacity`.execute(db)
}
