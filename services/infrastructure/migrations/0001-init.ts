import { sql, type Kysely } from 'kysely'
import { createDatasetTable } from '../../../lib/service/provenance.js'

const LAMP_TYPES = sql.raw(`('HQL', 'NAV', 'KOFFER_HQL', 'LED', 'OTHER')`)

export async function up(db: Kysely<any>): Promise<void> {
  // measure_id names the finance department's Investitionsnummer; no foreign key across department schemas.
  await sql`create table infra.street_light (
    id text primary key check (id ~ '^SL-[0-9]{2}-[0-9]{5}$'),
    district_code char(2) not null check (district_code ~ '^[0-9]{2}$'),
    street text not null,
    main_road boolean not null default false,
    lamp_type text not null check (lamp_type in ${LAMP_TYPES}),
    watt smallint not null check (watt > 0),
    previous_lamp_type text check (previous_lamp_type in ${LAMP_TYPES}),
    previous_watt smallint check (previous_watt > 0),
    installed date not null,
    converted_to_led date check (converted_to_led >= installed),
    measure_id text check (measure_id ~ '^[0-9]+\\.[0-9]+$'),
    lat numeric(9, 6) not null,
    lon numeric(9, 6) not null,
    check ((converted_to_led is null) = (previous_lamp_type is null) and (converted_to_led is null) = (previous_watt is null)),
    check (converted_to_led is null or lamp_type = 'LED'),
    check (measure_id is null or converted_to_led is not null)
  )`.execute(db)
  await sql`create index street_light_district_idx on infra.street_light (district_code)`.execute(db)
  await sql`create index street_light_measure_idx on infra.street_light (measure_id) where measure_id is not null`.execute(db)
  await sql`create table infra.burn_hours (
    month smallint primary key check (month between 1 and 12),
    hours numeric(5, 1) not null check (hours > 0)
  )`.execute(db)
  await sql`create table infra.energy_price (
    year smallint primary key,
    eur_per_kwh numeric(6, 4) not null check (eur_per_kwh > 0)
  )`.execute(db)
  await sql`create table infra.district_energy_month (
    district_code char(2) not null,
    month date not null check (extract(day from month) = 1),
    kwh numeric(12, 2) not null check (kwh >= 0),
    lights integer not null check (lights >= 0),
    led_lights integer not null check (led_lights between 0 and lights),
    primary key (district_code, month)
  )`.execute(db)
  // large profile only: ≈ 2.5 M rows. No foreign key, so the bulk load needs no per-row check.
  await sql`create table infra.light_energy_month (
    light_id text not null,
    month date not null,
    kwh numeric(8, 2) not null check (kwh >= 0),
    burn_hours numeric(6, 1) not null,
    primary key (light_id, month)
  )`.execute(db)
  await createDatasetTable(db, 'infra')
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table infra.dataset, infra.light_energy_month, infra.district_energy_month, infra.energy_price, infra.burn_hours, infra.street_light`.execute(
    db,
  )
}
