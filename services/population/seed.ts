import { sql, type Kysely } from 'kysely'
import { seededRecordKey } from '../../lib/disclosure/cell-key.js'
import { CITY_AGS, REFERENCE_DATE, profileYears, type SeedProfile } from '../../platform/city.js'
import { MAX_AGE } from './age-groups.js'
import { insertColumns, insertRows } from '../../platform/db/insert-rows.js'
import { upsertDatasets } from '../../lib/service/provenance.js'
import { generateMovements } from './demo/movement-generator.js'
import { generateOfficialTotals } from './demo/official-totals.js'
import { generateMicrodata } from './demo/micro-generator.js'
import { NATIONALITY_GROUPS } from './demo/nationality-groups.js'
import { generateStock, type StockRow } from './demo/stock-generator.js'

export const OWNER = 'Referat Organisationsmanagement, Statistik und Wahlen (Statistikstelle)'

/**
 * Register stock, monthly movements and official totals. `large` adds the microdata behind the stock
 * (pop_micro.person_year, ≈ 1.2 M rows) and derives pop.stock from it; the aggregates are the same
 * cells as in `small`, so every figure agrees across profiles.
 */
export async function seed(db: Kysely<any>, profile: SeedProfile): Promise<void> {
  const years = profileYears(profile)
  const stock = generateStock(years)
  if (profile === 'large') await seedMicrodata(db, stock.main, stock.secondary)
  else await insertStock(db, stock.main, stock.secondary)
  // A movement row is a finest cell; its record key stands for the key sum of its movements (deterministic per row).
  await insertRows(
    db,
    'pop.movement',
    {
      month: 'date',
      ags: 'text',
      district_code: 'text',
      kind: 'text',
      age_group: 'text',
      sex: 'text',
      nationality_group: 'text',
      n: 'int',
      rkey: 'int8',
    },
    generateMovements(years, stock.districts, REFERENCE_DATE).map(r => ({
      ...r,
      rkey: seededRecordKey('pop.movement', r.month, r.ags, r.district_code, r.kind, r.age_group, r.sex, r.nationality_group),
    })),
  )
  await insertRows(
    db,
    'pop.official_total',
    { stichtag: 'date', ags: 'text', basis: 'text', total: 'int', male: 'int', female: 'int' },
    generateOfficialTotals(years, REFERENCE_DATE),
  )
  const asOf = `${REFERENCE_DATE}T06:00:00Z`
  const lastYear = years[years.length - 1]
  await upsertDatasets(db, 'pop', [
    {
      id: 'pop.stock',
      title: 'Einwohner nach Stadtteil, Alter, Geschlecht und Staatsangehörigkeit',
      description:
        'Bestand des Melderegisters am 31.12. (Haupt- sowie Haupt- und Nebenwohnsitz); der Stichtag nach dem Referenzdatum ist eine Schätzung.',
      ownerDepartment: OWNER,
      sourceSystem: 'Melderegister (Auszug der Statistikstelle)',
      stichtag: `${lastYear}-12-31`,
      asOf,
      refreshCadence: 'ANNUAL',
    },
    {
      id: 'pop.movement',
      title: 'Bevölkerungsbewegungen nach Stadtteil und Monat',
      description: 'Geburten, Sterbefälle, Zu- und Fortzüge über die Stadtgrenze, Umzüge zwischen Stadtteilen, Einbürgerungen.',
      ownerDepartment: OWNER,
      sourceSystem: 'Melderegister (Bewegungsdaten der Statistikstelle)',
      stichtag: lastMonthEnd(REFERENCE_DATE),
      asOf,
      refreshCadence: 'MONTHLY',
    },
    {
      id: 'pop.official_total',
      title: 'Amtliche Einwohnerzahlen der kreisfreien Städte in Rheinland-Pfalz',
      description: 'Bevölkerungsfortschreibung am 31.12. und Zensus 2022 (Stichtag 15.5.2022).',
      ownerDepartment: OWNER,
      sourceSystem: 'Statistisches Landesamt Rheinland-Pfalz',
      stichtag: `${lastYear - 1}-12-31`,
      asOf,
      refreshCadence: 'ANNUAL',
    },
  ])
}

/**
 * Without microdata a stock row is a finest cell whose key stands for the key sum of its persons: the main
 * residents of a REGISTER_MAIN row get a seeded key of the row's primary key; a REGISTER_ALL row holds the
 * same main residents plus the cell's secondary residents (keyed like a row of their own), so its key is the
 * sum of both, as the microdata of the `large` profile would give it. The same persons, the same key.
 */
export async function insertStock(db: Kysely<any>, main: StockRow[], secondary: StockRow[]): Promise<void> {
  const stockColumns = {
    stichtag: 'date',
    ags: 'text',
    district_code: 'text',
    age: 'smallint',
    sex: 'text',
    nationality_group: 'text',
    n: 'int',
    rkey: 'int8',
  }
  const keyed = (basis: string) => (r: StockRow) => ({
    ...r,
    basis,
    rkey: seededRecordKey('pop.stock', r.stichtag, basis, r.ags, r.district_code, r.age, r.sex, r.nationality_group),
  })
  await insertRows(db, 'pop.stock', { ...stockColumns, basis: 'text' }, main.map(keyed('REGISTER_MAIN')))
  // REGISTER_ALL = main residents + secondary residences, added up in the database instead of shipping every cell twice.
  const extra = secondary.map(keyed('SECONDARY'))
  const col = (name: keyof ReturnType<ReturnType<typeof keyed>>, type: string) => sql`${extra.map(r => r[name])}::${sql.raw(type)}[]`
  await sql`insert into pop.stock (stichtag, basis, ags, district_code, age, sex, nationality_group, n, rkey)
    select stichtag, 'REGISTER_ALL', ags, district_code, age, sex, nationality_group, sum(n), sum(rkey) % 4294967296
    from (select stichtag, ags, district_code, age, sex, nationality_group, n, rkey from pop.stock where basis = 'REGISTER_MAIN'
          union all select * from unnest(${col('stichtag', 'date')}, ${col('ags', 'text')}, ${col('district_code', 'text')},
            ${col('age', 'smallint')}, ${col('sex', 'text')}, ${col('nationality_group', 'text')}, ${col('n', 'int')}, ${col('rkey', 'int8')})) cells
    group by stichtag, ags, district_code, age, sex, nationality_group
    order by stichtag, ags, district_code, age, sex, nationality_group`.execute(db)
}

/**
 * Loads the microdata at bulk speed (primary key and index dropped during the load, rebuilt after it)
 * and derives both register bases of pop.stock from it by aggregation (docs/data-model.md#invariants, invariant 9).
 */
export async function seedMicrodata(db: Kysely<any>, main: StockRow[], secondary: StockRow[]): Promise<void> {
  const micro = generateMicrodata(main, secondary)
  await sql`alter table pop_micro.person_year drop constraint person_year_pkey`.execute(db)
  await sql`drop index pop_micro.person_year_stichtag_district_idx`.execute(db)
  await insertColumns(
    db,
    'pop_micro.person_year',
    {
      person_pid: 'bigint',
      stichtag: 'date',
      district_code: 'text',
      birth_year: 'smallint',
      sex: 'text',
      nationality: 'text',
      second_nationality: 'text',
      born_abroad: 'boolean',
      naturalised_year: 'smallint',
      main_residence: 'boolean',
      rkey: 'int8',
    },
    micro as unknown as Record<string, unknown[]>,
  )
  await sql`alter table pop_micro.person_year add constraint person_year_pkey primary key (person_pid, stichtag)`.execute(db)
  await sql`create index person_year_stichtag_district_idx on pop_micro.person_year (stichtag, district_code)`.execute(db)
  const named = NATIONALITY_GROUPS.filter(g => g !== 'OTHER')
  // A stock row's key is the key sum (mod 2³²) of its persons' record keys, computed with the count.
  await sql`insert into pop.stock (stichtag, basis, ags, district_code, age, sex, nationality_group, n, rkey)
    select p.stichtag, b.basis, ${CITY_AGS}, p.district_code, least(${MAX_AGE}, extract(year from p.stichtag)::int - p.birth_year) as age, p.sex,
      case when p.nationality = any(${named}::text[]) then p.nationality else 'OTHER' end as nationality_group, count(*)::int,
      (sum(p.rkey) % 4294967296)::int8
    from pop_micro.person_year p
    join (values ('REGISTER_MAIN'), ('REGISTER_ALL')) as b(basis) on b.basis = 'REGISTER_ALL' or p.main_residence
    group by 1, 2, 3, 4, 5, 6, 7
    order by 1, 2, 3, 4, 5, 6, 7`.execute(db)
  await sql`analyze pop_micro.person_year`.execute(db)
  await sql`analyze pop.stock`.execute(db)
}

/** Last day of the month before the reference date's month: the newest complete month of movements. */
export function lastMonthEnd(referenceDate: string): string {
  const d = new Date(`${referenceDate.slice(0, 7)}-01T00:00:00Z`)
  d.setUTCDate(0)
  return d.toISOString().slice(0, 10)
}
