import { sql, type Kysely } from 'kysely'
import { createDatasetTable } from '../../../lib/service/provenance.js'

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table edu.school (
    id text primary key check (id ~ '^[A-Z]+-[0-9]{2}$'),
    official_number char(5) unique check (official_number ~ '^[0-9]{5}$'),
    name text not null,
    school_type text not null check (school_type in ('GS', 'RSPLUS', 'IGS', 'GYM', 'FOES', 'BBS')),
    operator text not null check (operator in ('STADT', 'LAND', 'KIRCHE', 'PRIVAT')),
    ags char(8) not null default '07312000' check (ags ~ '^[0-9]{8}$'),
    district_code char(2) not null check (district_code ~ '^[0-9]{2}$'),
    product_code text
  )`.execute(db)
  await sql`create index school_district_idx on edu.school (ags, district_code)`.execute(db)

  await sql`create table edu.school_year_stat (
    school_id text not null references edu.school,
    school_year char(7) not null check (school_year ~ '^[0-9]{4}/[0-9]{2}$'),
    grade smallint not null check (grade between 1 and 13),
    sex char(1) not null check (sex in ('M', 'W')),
    nationality_group text not null check (nationality_group in ('DEU', 'AUSL')),
    pupils integer not null check (pupils >= 0),
    primary key (school_id, school_year, grade, sex, nationality_group)
  )`.execute(db)
  // City-wide first graders per school year.
  await sql`create index school_year_stat_year_grade_idx on edu.school_year_stat (school_year, grade)`.execute(db)

  await sql`create table edu.school_class (
    school_id text not null references edu.school,
    school_year char(7) not null check (school_year ~ '^[0-9]{4}/[0-9]{2}$'),
    grade smallint not null check (grade between 1 and 13),
    classes smallint not null check (classes > 0),
    primary key (school_id, school_year, grade)
  )`.execute(db)

  await sql`create table edu.transition (
    school_year char(7) not null check (school_year ~ '^[0-9]{4}/[0-9]{2}$'),
    to_school_type text not null check (to_school_type in ('RSPLUS', 'IGS', 'GYM', 'FOES')),
    residence text not null check (residence in ('STADT', 'LANDKREIS', 'SONSTIGE')),
    applications integer check (applications >= admissions),
    admissions integer not null check (admissions >= 0),
    primary key (school_year, to_school_type, residence)
  )`.execute(db)

  await sql`create table edu.graduate (
    school_year char(7) not null check (school_year ~ '^[0-9]{4}/[0-9]{2}$'),
    school_id text not null references edu.school,
    qualification text not null check (qualification in ('OHNE_BR', 'BERUFSREIFE', 'QUAL_SEK1', 'FHR_SCHUL', 'AHR')),
    sex char(1) not null check (sex in ('M', 'W')),
    n integer not null check (n >= 0),
    primary key (school_year, school_id, qualification, sex)
  )`.execute(db)

  await sql`create table edu.kita (
    id text primary key check (id ~ '^KITA-[0-9]{2}$'),
    name text not null,
    operator_type text not null check (operator_type in ('STADT', 'KIRCHE', 'FREI', 'BETRIEB')),
    ags char(8) not null default '07312000' check (ags ~ '^[0-9]{8}$'),
    district_code char(2) not null check (district_code ~ '^[0-9]{2}$')
  )`.execute(db)
  await sql`create index kita_district_idx on edu.kita (ags, district_code)`.execute(db)

  await sql`create table edu.kita_stat (
    kita_id text not null references edu.kita,
    stichtag date not null check (extract(month from stichtag) = 3 and extract(day from stichtag) = 1),
    places_total integer not null check (places_total >= 0),
    places_u3 integer not null check (places_u3 between 0 and places_total),
    children_u3 integer not null check (children_u3 >= 0),
    children_3_6 integer not null check (children_3_6 >= 0),
    staff_total integer not null check (staff_total >= 0),
    staff_pedagogical integer not null check (staff_pedagogical between 0 and staff_total),
    primary key (kita_id, stichtag)
  )`.execute(db)
  await sql`create index kita_stat_stichtag_idx on edu.kita_stat (stichtag)`.execute(db)

  await createDatasetTable(db, 'edu')
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table edu.dataset, edu.kita_stat, edu.kita, edu.graduate, edu.transition, edu.school_class,
    edu.school_year_stat, edu.school`.execute(db)
}
