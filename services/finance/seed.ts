import type { Kysely } from 'kysely'
import { REFERENCE_DATE, profileYears, type SeedProfile } from '../../platform/city.js'
import { insertRows } from '../../platform/db/insert-rows.js'
import { upsertDatasets } from '../../lib/service/provenance.js'
import { ACCOUNT_LINES } from './account-lines.js'
import { budgetRows } from './demo/budget-rows.js'
import { investmentRows } from './demo/investment-rows.js'
import { TEILHAUSHALTE, productRows } from './demo/product-catalog.js'

/** Liquiditäts- and Investitionskredite, M€: ≈ 814 in 2021 [V], KEF repayment until 2023, rising again since [S]. */
const DEBT: ReadonlyArray<[stichtag: string, liquidity: number, investment: number]> = [
  ['2015-12-31', 612, 230],
  ['2016-12-31', 621, 231],
  ['2017-12-31', 617, 229],
  ['2018-12-31', 609, 229],
  ['2019-12-31', 598, 231],
  ['2020-12-31', 604, 232],
  ['2021-12-31', 583, 231],
  ['2022-12-31', 571, 232],
  ['2023-12-31', 561, 235],
  ['2024-12-31', 598, 244],
  ['2025-12-31', 651, 254],
  ['2026-09-30', 689, 262],
]

/** Table interfaces carry no index signature; insertRows only reads the named columns. */
const records = <T extends object>(rows: readonly T[]) => rows as unknown as ReadonlyArray<Record<string, unknown>>

const OWNER = 'Referat Finanzen'
const AS_OF = `${REFERENCE_DATE}T06:00:00Z`

export async function seed(db: Kysely<any>, profile: SeedProfile): Promise<void> {
  const firstYear = profileYears(profile)[0]
  await insertRows(
    db,
    'fin.teilhaushalt',
    { code: 'text', name: 'text', kind: 'text', responsible_department: 'text' },
    records(TEILHAUSHALTE),
  )
  // One statement: the foreign key on parent_code is checked at its end, so row order does not matter.
  await insertRows(
    db,
    'fin.product',
    { code: 'text', level: 'smallint', parent_code: 'text', name: 'text', teilhaushalt_code: 'text' },
    records(productRows()),
  )
  await insertRows(
    db,
    'fin.account_line',
    { code: 'text', statement: 'text', name: 'text', kind: 'text', sign: 'smallint', sort: 'smallint' },
    records(ACCOUNT_LINES),
  )
  await insertRows(
    db,
    'fin.budget_value',
    { year: 'smallint', version: 'text', product_code: 'text', account_line: 'text', amount: 'numeric' },
    records(budgetRows(profile)),
  )
  const { measures, values } = investmentRows(profile)
  await insertRows(
    db,
    'fin.investment_measure',
    {
      id: 'text',
      name: 'text',
      product_code: 'text',
      ags: 'text',
      district_code: 'text',
      category: 'text',
      status: 'text',
      total_cost: 'numeric',
      start_year: 'smallint',
      end_year: 'smallint',
      funding_share: 'numeric',
      funding_source: 'text',
    },
    records(measures),
  )
  await insertRows(
    db,
    'fin.investment_value',
    { measure_id: 'text', year: 'smallint', version: 'text', amount: 'numeric' },
    records(values),
  )
  await insertRows(
    db,
    'fin.debt',
    { stichtag: 'date', liquidity_credits: 'numeric', investment_credits: 'numeric' },
    DEBT.filter(([d]) => Number(d.slice(0, 4)) >= firstYear).map(([stichtag, l, i]) => ({
      stichtag,
      liquidity_credits: l * 1e6,
      investment_credits: i * 1e6,
    })),
  )
  await upsertDatasets(db, 'fin', [
    {
      id: 'fin.budget',
      title: 'Haushaltsplan: Ergebnishaushalt nach Produkten',
      ownerDepartment: OWNER,
      sourceSystem: 'FAZIT',
      description:
        'Ansatz, Nachtrag, fortgeschriebener Ansatz, Prognose und mittelfristige Finanzplanung je Produkt und Zeile des Ergebnishaushalts.',
      stichtag: REFERENCE_DATE,
      asOf: AS_OF,
      refreshCadence: 'MONTHLY',
    },
    {
      id: 'fin.actuals',
      title: 'Jahresabschluss: Ist-Ergebnisse nach Produkten',
      ownerDepartment: OWNER,
      sourceSystem: 'FAZIT',
      description: 'Ist-Werte des Ergebnishaushalts je Produkt aus den Jahresabschlüssen.',
      stichtag: '2025-12-31',
      asOf: AS_OF,
      refreshCadence: 'ANNUAL',
    },
    {
      id: 'fin.investments',
      title: 'Investitionsübersicht',
      ownerDepartment: OWNER,
      sourceSystem: 'FAZIT',
      description: 'Investitionsmaßnahmen mit Standort, Kosten, Förderung sowie Ansatz und Ist je Jahr.',
      stichtag: REFERENCE_DATE,
      asOf: AS_OF,
      refreshCadence: 'MONTHLY',
    },
    {
      id: 'fin.debt',
      title: 'Kreditstand',
      ownerDepartment: OWNER,
      sourceSystem: 'FAZIT',
      description: 'Liquiditäts- und Investitionskredite je Stichtag.',
      stichtag: DEBT[DEBT.length - 1][0],
      asOf: AS_OF,
      refreshCadence: 'QUARTERLY',
    },
  ])
}
