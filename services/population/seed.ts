import { sql, type Kysely } from 'kysely'
import { REFERENCE_DATE, profileYears, type SeedProfile } from '../../lib/city.js'
import { insertRows } from '../../lib/db/insert-rows.js'
import { upsertDatasets } from '../../lib/service/provenance.js'
import { generateMovements } from './movement-generator.js'
import { generateOfficialTotals } from './official-totals.js'
import { generateStock, type StockRow } from './stock-generator.js'

export const OWNER = 'Referat Organisationsmanagement, Statistik und Wahlen (Statistikstelle)'

/** Register stock, monthly movements and official totals; `large` reuses `small` (aggregates do not grow). */
export async function seed(db: Kysely<any>, profile: SeedProfile): Promise<void> {
  const years = profileYears(profile)
  const stock = generateStock(years)
  const stockColumns = { stichtag: 'date', ags: 'text', district_code: 'text', age: 'smallint', sex: 'text', nationality_group: 'text', n: 'int' }
  await insertRows(db, 'pop.stock', { ...stockColumns, basis: 'text' }, stock.main.map(r => ({ ...r, basis: 'REGISTER_MAIN' })))
  // REGISTER_ALL = main residents + secondary residences, added up in the database instead of shipping every cell twice.
  const extra = (col: keyof StockRow, type: string) => sql`${stock.secondary.map(r => r[col])}::${sql.raw(type)}[]`
  await sql`insert into pop.stock (stichtag, basis, ags, district_code, age, sex, nationality_group, n)
    select stichtag, 'REGISTER_ALL', ags, district_code, age, sex, nationality_group, sum(n)
    from (select stichtag, ags, district_code, age, sex, nationality_group, n from pop.stock where basis = 'REGISTER_MAIN'
          union all select * from unnest(${extra('stichtag', 'date')}, ${extra('ags', 'text')}, ${extra('district_code', 'text')},
            ${extra('age', 'smallint')}, ${extra('sex', 'text')}, ${extra('nationality_group', 'text')}, ${extra('n', 'int')})) cells
    group by stichtag, ags, district_code, age, sex, nationality_group
    order by stichtag, ags, district_code, age, sex, nationality_group`.execute(db)
  await insertRows(db, 'pop.movement', { month: 'date', ags: 'text', district_code: 'text', kind: 'text', age_group: 'text', sex: 'text', nationality_group: 'text', n: 'int' },
    generateMovements(years, stock.districts, REFERENCE_DATE))
  await insertRows(db, 'pop.official_total', { stichtag: 'date', ags: 'text', basis: 'text', total: 'int', male: 'int', female: 'int' },
    generateOfficialTotals(years, REFERENCE_DATE))
  const asOf = `${REFERENCE_DATE}T06:00:00Z`
  const lastYear = years[years.length - 1]
  await upsertDatasets(db, 'pop', [
    {
      id: 'pop.stock', title: 'Einwohner nach Stadtteil, Alter, Geschlecht und Staatsangehörigkeit',
      description: 'Bestand des Melderegisters am 31.12. (Haupt- sowie Haupt- und Nebenwohnsitz); der Stichtag nach dem Referenzdatum ist eine Schätzung.',
      ownerDepartment: OWNER, sourceSystem: 'Melderegister (Auszug der Statistikstelle)', stichtag: `${lastYear}-12-31`, asOf, refreshCadence: 'ANNUAL',
    },
    {
      id: 'pop.movement', title: 'Bevölkerungsbewegungen nach Stadtteil und Monat',
      description: 'Geburten, Sterbefälle, Zu- und Fortzüge über die Stadtgrenze, Umzüge zwischen Stadtteilen, Einbürgerungen.',
      ownerDepartment: OWNER, sourceSystem: 'Melderegister (Bewegungsdaten der Statistikstelle)', stichtag: lastMonthEnd(REFERENCE_DATE), asOf, refreshCadence: 'MONTHLY',
    },
    {
      id: 'pop.official_total', title: 'Amtliche Einwohnerzahlen der kreisfreien Städte in Rheinland-Pfalz',
      description: 'Bevölkerungsfortschreibung am 31.12. und Zensus 2022 (Stichtag 15.5.2022).',
      ownerDepartment: OWNER, sourceSystem: 'Statistisches Landesamt Rheinland-Pfalz', stichtag: `${lastYear - 1}-12-31`, asOf, refreshCadence: 'ANNUAL',
    },
  ])
}

/** Last day of the month before the reference date's month: the newest complete month of movements. */
export function lastMonthEnd(referenceDate: string): string {
  const d = new Date(`${referenceDate.slice(0, 7)}-01T00:00:00Z`)
  d.setUTCDate(0)
  return d.toISOString().slice(0, 10)
}
