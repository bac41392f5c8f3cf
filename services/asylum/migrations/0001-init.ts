import { sql, type Kysely } from 'kysely'
import { createDatasetTable } from '../../../lib/service/provenance.js'

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table asy.accommodation (
    id text primary key check (id ~ '^ACC-[A-Z0-9-]+$'),
    name text not null,
    kind text not null check (kind in ('ERSTAUFNAHME', 'GU', 'NOTUNTERKUNFT', 'WOHNUNG_ANGEMIETET', 'CONTAINER')),
    operator text,
    district_code char(2) not null check (district_code ~ '^[0-9]{2}$'),
    address text,
    capacity integer not null check (capacity >= 0),
    opened date not null,
    closed date check (closed > opened)
  )`.execute(db)
  await sql`create index accommodation_district_idx on asy.accommodation (district_code)`.execute(db)
  // Month-end figures in small, daily in large; "of_which_recognised" are the Fehlbeleger.
  await sql`create table asy.occupancy (
    accommodation_id text not null references asy.accommodation,
    day date not null,
    occupied integer not null check (occupied >= 0),
    of_which_recognised integer not null default 0 check (of_which_recognised between 0 and occupied),
    capacity integer not null check (capacity >= 0),
    primary key (accommodation_id, day)
  )`.execute(db)
  // Person-level and restricted (religion: Art. 9 GDPR); the API only ever aggregates it.
  await sql`create table asy.allocation (
    id bigint primary key,
    allocation_date date not null,
    route text not null check (route in ('ZUWEISUNG', 'UKRAINE_24', 'FAMILIENNACHZUG', 'SONSTIGE')),
    age_at_allocation smallint not null check (age_at_allocation between 0 and 110),
    sex char(1) not null check (sex in ('M', 'W', 'D')),
    country_of_origin char(3) not null check (country_of_origin ~ '^[A-Z]{3}$'),
    religion text,
    first_accommodation_id text references asy.accommodation
  )`.execute(db)
  await sql`create index allocation_date_idx on asy.allocation (allocation_date)`.execute(db)
  await sql`create index allocation_first_accommodation_idx on asy.allocation (first_accommodation_id)`.execute(db)
  await createDatasetTable(db, 'asy')
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table asy.dataset, asy.allocation, asy.occupancy, asy.accommodation`.execute(db)
}
