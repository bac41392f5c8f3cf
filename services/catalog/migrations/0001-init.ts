import { sql, type Kysely } from 'kysely'
import { createDatasetTable } from '../../../lib/service/provenance.js'

export async function up(db: Kysely<any>): Promise<void> {
  // The departments whose `<schema>.dataset` the catalog reads (seeded from the departments the platform discovers).
  await sql`create table cat.department (
    name text primary key check (name ~ '^[a-z][a-z0-9_-]*$'),
    db_schema text not null unique check (db_schema ~ '^[a-z_][a-z0-9_]*$')
  )`.execute(db)
  await sql`create table cat.dataset_dcat (
    dataset_id text primary key,
    publisher text,
    contact_name text,
    contact_email text,
    themes text[] not null default '{}' check (themes <@ array['AGRI','ECON','EDUC','ENER','ENVI','GOVE','HEAL','INTR','JUST','REGI','SOCI','TECH','TRAN']::text[]),
    keywords text[] not null default '{}',
    license text check (license like 'http://dcat-ap.de/def/licenses/%'),
    temporal_start date,
    temporal_end date check (temporal_end >= temporal_start)
  )`.execute(db)
  await sql`create table cat.indicator (
    id text primary key,
    title text not null,
    description text not null default '',
    unit text not null,
    input_field text not null check (input_field in ('incidence7', 'hospitalization7', 'icuShare')),
    source_dataset_ids text[] not null default '{}'
  )`.execute(db)
  await sql`create table cat.rule_set (
    id text primary key check (id in ('RLP_AKTIONSPLAN_2020', 'RLP_WARNSTUFEN_2021')),
    title text not null,
    valid_from date not null,
    valid_to date check (valid_to >= valid_from),
    primary_indicator_id text not null references cat.indicator,
    quorum smallint not null check (quorum >= 1),
    confirm_days smallint not null check (confirm_days >= 1),
    counted_weekdays smallint[] not null check (counted_weekdays <@ array[1,2,3,4,5,6,7]::smallint[] and cardinality(counted_weekdays) > 0),
    confirm_from_level smallint not null,
    effective_after_days smallint not null default 0 check (effective_after_days >= 0)
  )`.execute(db)
  await sql`create table cat.rule_level (
    rule_set_id text not null references cat.rule_set on delete cascade,
    level smallint not null,
    label text not null,
    color text not null check (color ~ '^#[0-9a-f]{6}$'),
    primary key (rule_set_id, level)
  )`.execute(db)
  // A value is in the highest band whose lower bound it meets; lower null = the open bottom band.
  await sql`create table cat.rule_band (
    rule_set_id text not null,
    indicator_id text not null references cat.indicator,
    level smallint not null,
    lower numeric,
    lower_inclusive boolean not null default true,
    primary key (rule_set_id, indicator_id, level),
    foreign key (rule_set_id, level) references cat.rule_level on delete cascade
  )`.execute(db)
  await createDatasetTable(db, 'cat')

  // Every registered department's dataset rows in one statement, read at query time so a department's write shows
  // at once. Runs with the caller's rights: the catalog's role needs USAGE on each department schema and SELECT on
  // its `dataset` table only (docker/postgres-init.sh). A department whose table is missing or not granted is
  // skipped, so one department cannot take the catalog down.
  await sql`create function cat.department_datasets()
    returns table (department text, id text, title text, description text, owner_department text, source_system text,
      stichtag date, as_of timestamptz, refresh_cadence text, open_data boolean)
    language plpgsql stable as $fn$
    declare
      r record;
      rel regclass;
    begin
      for r in select d.name, d.db_schema from cat.department d
        join pg_namespace n on n.nspname = d.db_schema
        where has_schema_privilege(n.oid, 'USAGE') order by d.name
      loop
        rel := to_regclass(format('%I.dataset', r.db_schema));
        if rel is not null and has_table_privilege(rel, 'SELECT') then
          return query execute format(
            'select %L::text, id, title, description, owner_department, source_system, stichtag, as_of, refresh_cadence, open_data from %s',
            r.name, rel);
        end if;
      end loop;
    end
    $fn$`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop function cat.department_datasets()`.execute(db)
  await sql`drop table cat.dataset, cat.rule_band, cat.rule_level, cat.rule_set, cat.indicator, cat.dataset_dcat, cat.department`.execute(
    db,
  )
}
