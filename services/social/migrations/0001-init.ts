import { sql, type Kysely } from 'kysely'
import { createDatasetTable } from '../../../lib/service/provenance.js'

export async function up(db: Kysely<any>): Promise<void> {
  // Pseudonymised case rows (personal data): the API serves them to the department's own staff only.
  await sql`create table soc.egh_case (
    id text primary key check (id ~ '^EGH-[0-9]{6}$'),
    benefit_group text not null check (benefit_group in ('SOZIALE_TEILHABE_WOHNEN', 'SOZIALE_TEILHABE_ASSISTENZ', 'ARBEITSLEBEN_WFBM',
      'BILDUNG_SCHULBEGLEITUNG', 'MED_REHA', 'FRUEHFOERDERUNG')),
    district_code char(2) not null check (district_code ~ '^[0-9]{2}$'),
    age_group text not null check (age_group in ('0-6', '7-17', '18-29', '30-49', '50-64', '65+')),
    sex char(1) not null check (sex in ('M', 'W', 'D')),
    start_date date not null,
    end_date date check (end_date >= start_date),
    yearly_cost numeric(10, 2) not null check (yearly_cost >= 0)
  )`.execute(db)
  await sql`create index egh_case_period_idx on soc.egh_case (start_date, end_date)`.execute(db)
  await sql`create index egh_case_district_idx on soc.egh_case (district_code)`.execute(db)
  await sql`create table soc.daily_metric (
    day date not null,
    ags char(8) not null check (ags ~ '^[0-9]{8}$'),
    metric text not null check (metric in ('COVID_CASES', 'COVID_INC7', 'COVID_INC7_USAF', 'HOSP_INC7', 'ICU_SHARE')),
    value numeric(12, 3) not null check (value >= 0),
    source text not null,
    primary key (ags, metric, day)
  )`.execute(db)
  await sql`create index daily_metric_day_idx on soc.daily_metric (ags, day)`.execute(db)
  await createDatasetTable(db, 'soc')
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table soc.dataset, soc.daily_metric, soc.egh_case`.execute(db)
}
