import { sql, type Kysely } from 'kysely'
import { createDatasetTable } from '../../../lib/service/provenance.js'

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table fin.teilhaushalt (
    code text primary key,
    name text not null,
    kind text not null check (kind in ('functional', 'institutional')),
    responsible_department text not null
  )`.execute(db)
  await sql`create table fin.product (
    code text primary key check (code ~ '^[0-9]{1,8}$'),
    level smallint not null check (level between 1 and 4),
    parent_code text references fin.product,
    name text not null,
    teilhaushalt_code text references fin.teilhaushalt,
    check ((level = 1) = (parent_code is null))
  )`.execute(db)
  // Children lookups and the recursive descent from a product to its leaves walk this index.
  await sql`create index product_parent_idx on fin.product (parent_code)`.execute(db)
  await sql`create index product_teilhaushalt_idx on fin.product (teilhaushalt_code)`.execute(db)
  await sql`create table fin.account_line (
    code text primary key,
    statement text not null check (statement in ('ERGEBNIS')),
    name text not null,
    kind text not null check (kind in ('INCOME', 'EXPENSE', 'SUM', 'RESULT')),
    sign smallint not null check (sign in (-1, 1)),
    sort smallint not null unique
  )`.execute(db)
  // Only detail lines of leaf products are stored; sums over lines and products are computed.
  await sql`create table fin.budget_value (
    year smallint not null check (year between 2000 and 2100),
    version text not null check (version in ('ANSATZ', 'NACHTRAG', 'FORTGESCHRIEBEN', 'IST', 'PROGNOSE', 'FINANZPLAN')),
    product_code text not null references fin.product,
    account_line text not null references fin.account_line,
    amount numeric(14, 2) not null,
    primary key (product_code, year, version, account_line)
  )`.execute(db)
  await sql`create index budget_value_year_version_idx on fin.budget_value (year, version)`.execute(db)
  await sql`create table fin.investment_measure (
    id text primary key,
    name text not null,
    product_code text references fin.product,
    ags char(8) not null default '07312000',
    district_code char(2) check (district_code ~ '^[0-9]{2}$'),
    category text not null check (category in ('SCHULE', 'STRASSE', 'LED', 'KITA', 'IT', 'SONSTIGE')),
    status text not null check (status in ('GEPLANT', 'LAUFEND', 'ABGESCHLOSSEN', 'GESTOPPT')),
    total_cost numeric(14, 2) not null check (total_cost >= 0),
    start_year smallint,
    end_year smallint,
    funding_share numeric(5, 4) check (funding_share between 0 and 1),
    funding_source text,
    check (start_year <= end_year)
  )`.execute(db)
  await sql`create index investment_measure_district_idx on fin.investment_measure (ags, district_code)`.execute(db)
  await sql`create index investment_measure_product_idx on fin.investment_measure (product_code)`.execute(db)
  await sql`create table fin.investment_value (
    measure_id text not null references fin.investment_measure,
    year smallint not null,
    version text not null check (version in ('ANSATZ', 'IST')),
    amount numeric(14, 2) not null,
    primary key (measure_id, year, version)
  )`.execute(db)
  await sql`create index investment_value_year_idx on fin.investment_value (year, version)`.execute(db)
  await sql`create table fin.debt (
    stichtag date primary key,
    liquidity_credits numeric(14, 2) not null,
    investment_credits numeric(14, 2) not null
  )`.execute(db)
  await createDatasetTable(db, 'fin')
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table fin.dataset, fin.debt, fin.investment_value, fin.investment_measure, fin.budget_value,
    fin.account_line, fin.product, fin.teilhaushalt`.execute(db)
}
