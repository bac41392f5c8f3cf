import { sql, type Kysely } from 'kysely'
import { createDatasetTable } from '../../../lib/service/provenance.js'

export async function up(db: Kysely<any>): Promise<void> {
  // One row per non-empty cell; age 100 stands for 100 and older.
  await sql`create table pop.stock (
    stichtag date not null check (extract(month from stichtag) = 12 and extract(day from stichtag) = 31),
    basis text not null check (basis in ('REGISTER_MAIN', 'REGISTER_ALL')),
    ags char(8) not null check (ags ~ '^[0-9]{8}$'),
    district_code char(2) not null check (district_code ~ '^[0-9]{2}$'),
    age smallint not null check (age between 0 and 100),
    sex char(1) not null check (sex in ('M', 'W', 'D', 'X')),
    nationality_group text not null check (nationality_group ~ '^([A-Z]{3}|OTHER)$'),
    n integer not null check (n > 0),
    primary key (stichtag, basis, ags, district_code, age, sex, nationality_group)
  )`.execute(db)
  await sql`create table pop.movement (
    month date not null check (extract(day from month) = 1),
    ags char(8) not null check (ags ~ '^[0-9]{8}$'),
    district_code char(2) not null check (district_code ~ '^[0-9]{2}$'),
    kind text not null check (kind in ('BIRTH', 'DEATH', 'IN_EXTERNAL', 'OUT_EXTERNAL', 'IN_INTERNAL', 'OUT_INTERNAL', 'NATURALISATION')),
    age_group text not null,
    sex char(1) not null check (sex in ('M', 'W', 'D', 'X')),
    nationality_group text not null check (nationality_group ~ '^([A-Z]{3}|OTHER)$'),
    n integer not null check (n > 0),
    primary key (month, ags, district_code, kind, age_group, sex, nationality_group)
  )`.execute(db)
  await sql`create table pop.official_total (
    stichtag date not null,
    ags char(8) not null check (ags ~ '^[0-9]{8}$'),
    basis text not null check (basis in ('OFFICIAL_UPDATE', 'CENSUS')),
    total integer not null check (total >= 0),
    male integer not null check (male >= 0),
    female integer not null check (female >= 0),
    primary key (ags, basis, stichtag),
    check (male + female <= total)
  )`.execute(db)
  await createDatasetTable(db, 'pop')
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table pop.dataset, pop.official_total, pop.movement, pop.stock`.execute(db)
}
