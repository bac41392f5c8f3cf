import { sql, type Kysely } from 'kysely'
import { createDatasetTable } from '../../../lib/service/provenance.js'

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table geo.municipality (
    ags char(8) primary key check (ags ~ '^[0-9]{8}$'),
    ars char(12) not null,
    name text not null,
    kind text not null check (kind in ('KREISFREIE_STADT', 'LANDKREIS')),
    state_code char(2) not null,
    nuts3 text,
    area_km2 numeric(8, 2)
  )`.execute(db)
  await sql`create table geo.district (
    ags char(8) not null references geo.municipality,
    code char(2) not null check (code ~ '^[0-9]{2}$'),
    name text not null,
    kind text not null check (kind in ('kernstadt', 'ortsbezirk')),
    has_ortsbeirat boolean not null,
    area_km2 numeric(7, 2),
    postal_codes text[] not null default '{}',
    centroid_lat numeric(9, 6),
    centroid_lon numeric(9, 6),
    primary key (ags, code)
  )`.execute(db)
  await sql`create table geo.country (
    code char(3) primary key check (code ~ '^[A-Z]{3}$'),
    destatis_code char(3),
    name_de text not null,
    continent text
  )`.execute(db)
  await createDatasetTable(db, 'geo')
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table geo.dataset, geo.country, geo.district, geo.municipality`.execute(db)
}
