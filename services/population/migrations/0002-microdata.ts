import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  // Pseudonymised register microdata (class personal, statistics_office only; docs/data-model.md#classification).
  // A schema of its own, so that a database role can be granted the aggregates in `pop` without it.
  // Filled by the `large` seed only; the aggregates in pop.stock are derived from it there.
  await sql`create schema if not exists pop_micro`.execute(db)
  await sql`create table pop_micro.person_year (
    person_pid bigint not null,
    stichtag date not null check (extract(month from stichtag) = 12 and extract(day from stichtag) = 31),
    district_code char(2) not null check (district_code ~ '^[0-9]{2}$'),
    birth_year smallint not null,
    sex char(1) not null check (sex in ('M', 'W', 'D', 'X')),
    nationality char(3) not null check (nationality ~ '^[A-Z]{3}$'),
    second_nationality char(3) check (second_nationality ~ '^[A-Z]{3}$'),
    born_abroad boolean not null,
    naturalised_year smallint,
    main_residence boolean not null,
    constraint person_year_pkey primary key (person_pid, stichtag)
  )`.execute(db)
  await sql`create index person_year_stichtag_district_idx on pop_micro.person_year (stichtag, district_code)`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop schema pop_micro cascade`.execute(db)
}
