import type { TypedDocumentNode } from '@graphql-typed-document-node/core'
import { CITY } from '../../config'
import { graphql } from '../../gql'

// The data of the open datasets as tables, read from the graph with the caller's token: a citizen gets what the
// public may see (perturbed counts, no internal fields), a leader what leadership may see. Only fields every role
// sees are asked for, so each query is valid in every role's schema; the values are the role's own.
// A statistical cell becomes two columns: the value and its status (SECRET has no value).

export type Cell = string | number | boolean | null
export interface Table {
  columns: string[]
  rows: Cell[][]
}

/** Runs one operation with the caller's token; rejects on any error (a partial file is no download). */
export type Run = <Q, V extends Record<string, unknown>>(query: TypedDocumentNode<Q, V>, variables: V) => Promise<Q>

/** Builds a dataset's table from one or more requests to the graph. */
export type Download = (run: Run, thisYear: number) => Promise<Table>

/** The first year of the city's data in the graph. */
const FIRST = 2015

interface StatCell {
  value?: number | null
  status: string
}
interface MoneyCell {
  amount?: number | null
  status: string
}
const sv = (s: StatCell | null | undefined): Cell[] => [s?.value ?? null, s?.status ?? 'NOT_AVAILABLE']
const mv = (m: MoneyCell | null | undefined): Cell[] => [m?.amount ?? null, m?.status ?? 'NOT_AVAILABLE']

/** A download from one request. */
const spec =
  <Q, V extends Record<string, unknown>>(s: {
    query: TypedDocumentNode<Q, V>
    variables: (thisYear: number) => V
    table: (data: Q) => Table
  }): Download =>
  async (run, thisYear) =>
    s.table(await run(s.query, s.variables(thisYear)))

/** Years FIRST..last, one request each (fields that take one year), rows in year order. */
const perYear =
  <Q>(
    last: (thisYear: number) => number,
    load: (run: Run, year: number) => Promise<Q>,
    columns: string[],
    rows: (data: Q, year: number) => Cell[][],
  ): Download =>
  async (run, thisYear) => {
    const years = Array.from({ length: last(thisYear) - FIRST + 1 }, (_, i) => FIRST + i)
    const answers = await Promise.all(years.map(y => load(run, y)))
    return { columns, rows: answers.flatMap((a, i) => rows(a, years[i])) }
  }

const BudgetSeriesQuery = graphql(`
  query CatalogBudgetSeries($from: Int!, $to: Int!, $version: BudgetVersion!) {
    products {
      code
      name
      level
      series(from: $from, to: $to, version: $version) {
        year
        version
        ordinaryIncome {
          amount
          status
        }
        ordinaryExpense {
          amount
          status
        }
        ordinaryResult {
          amount
          status
        }
      }
    }
  }
`)

const budgetTable = (data: {
  products: Array<{
    code: string
    name: string
    level: number
    series: Array<{ year: number; version: string; ordinaryIncome: MoneyCell; ordinaryExpense: MoneyCell; ordinaryResult: MoneyCell }>
  }>
}): Table => ({
  columns: [
    'product',
    'name',
    'level',
    'year',
    'version',
    'ordinaryIncome',
    'ordinaryIncome_status',
    'ordinaryExpense',
    'ordinaryExpense_status',
    'ordinaryResult',
    'ordinaryResult_status',
  ],
  rows: data.products.flatMap(p =>
    p.series.map(s => [
      p.code,
      p.name,
      p.level,
      s.year,
      s.version,
      ...mv(s.ordinaryIncome),
      ...mv(s.ordinaryExpense),
      ...mv(s.ordinaryResult),
    ]),
  ),
})

const DebtQuery = graphql(`
  query CatalogDebt($from: Int!, $to: Int!) {
    years(from: $from, to: $to) {
      year
      debt {
        stichtag
        total {
          amount
          status
        }
        investmentCredits {
          amount
          status
        }
        liquidityCredits {
          amount
          status
        }
      }
    }
  }
`)

const InvestmentsQuery = graphql(`
  query CatalogInvestments {
    investmentMeasures {
      id
      name
      category
      status
      startYear
      endYear
      fundingShare
      fundingSource
      totalCost {
        amount
        status
      }
      district {
        code
      }
      product {
        code
      }
      values {
        year
        ansatz {
          amount
          status
        }
        ist {
          amount
          status
        }
      }
    }
  }
`)

const DistrictsQuery = graphql(`
  query CatalogDistricts {
    districts {
      ags
      code
      name
      kind
      areaKm2
      hasOrtsbeirat
      postalCodes
      centroid {
        lat
        lon
      }
    }
  }
`)

const EnergyQuery = graphql(`
  query CatalogEnergy($from: Int!, $to: Int!) {
    years(from: $from, to: $to) {
      year
      streetLighting {
        monthly {
          month
          energyKwh
          lights
          ledLights
        }
      }
    }
  }
`)

const PopulationQuery = graphql(`
  query CatalogPopulation($from: Int!, $to: Int!) {
    districts {
      code
      name
      populationSeries(from: $from, to: $to) {
        stichtag
        basis
        total {
          value
          status
        }
        foreigners {
          value
          status
        }
        meanAge {
          value
          status
        }
      }
    }
  }
`)

const KitaQuery = graphql(`
  query CatalogKita($year: Int!) {
    kitas {
      id
      name
      operatorType
      district {
        code
      }
      stats(year: $year) {
        stichtag
        placesTotal
        placesU3
        staffTotal
        staffPedagogical
      }
    }
  }
`)

const GraduatesQuery = graphql(`
  query CatalogGraduates($from: Int!, $to: Int!) {
    years(from: $from, to: $to) {
      year
      graduates {
        qualification
        count {
          value
          status
        }
      }
    }
  }
`)

const TransitionsQuery = graphql(`
  query CatalogTransitions($from: Int!, $to: Int!) {
    years(from: $from, to: $to) {
      year
      transitions {
        toSchoolType
        residence
        applications {
          value
          status
        }
        admissions {
          value
          status
        }
      }
    }
  }
`)

const EghQuery = graphql(`
  query CatalogEgh($from: Int!, $to: Int!) {
    years(from: $from, to: $to) {
      year
      eingliederungshilfe {
        benefitGroup
        recipients {
          value
          status
        }
        cost {
          amount
          status
        }
      }
    }
  }
`)

const AccommodationsQuery = graphql(`
  query CatalogAccommodations {
    accommodations {
      id
      name
      kind
      district {
        code
      }
      capacity
      opened
      closed
    }
  }
`)

const IndicatorsQuery = graphql(`
  query CatalogIndicators {
    indicators {
      id
      title
      unit
      description
      sourceDatasetIds
    }
  }
`)

const OfficialPopulationQuery = graphql(`
  query CatalogOfficialPopulation($year: Int!) {
    municipalities {
      ags
      name
      officialPopulation(year: $year) {
        value
        status
      }
    }
  }
`)

const MovementsQuery = graphql(`
  query CatalogMovements($year: Int!) {
    districts {
      code
      name
      movements(year: $year) {
        births {
          value
          status
        }
        deaths {
          value
          status
        }
        inMoves {
          value
          status
        }
        outMoves {
          value
          status
        }
        naturalBalance {
          value
          status
        }
        netMigration {
          value
          status
        }
      }
    }
  }
`)

const DailyRangeQuery = graphql(`
  query CatalogDailyRange {
    dataset(id: "soc.daily_metric") {
      temporalStart
      temporalEnd
      stichtag
    }
  }
`)

const DailyQuery = graphql(`
  query CatalogDaily($ags: ID!, $from: Date!, $to: Date!) {
    municipality(ags: $ags) {
      cases: dailySeries(from: $from, to: $to, metric: COVID_CASES) {
        day
        value
      }
      inc7: dailySeries(from: $from, to: $to, metric: COVID_INC7) {
        day
        value
      }
      inc7Usaf: dailySeries(from: $from, to: $to, metric: COVID_INC7_USAF) {
        day
        value
      }
      hospInc7: dailySeries(from: $from, to: $to, metric: HOSP_INC7) {
        day
        value
      }
      icuShare: dailySeries(from: $from, to: $to, metric: ICU_SHARE) {
        day
        value
      }
    }
  }
`)

/** The daily figures over the period the catalogue gives for them, one row per day, one column per metric. */
const daily: Download = async run => {
  const range = await run(DailyRangeQuery, {})
  const to = range.dataset?.temporalEnd ?? range.dataset?.stichtag
  const from = range.dataset?.temporalStart
  if (!from || !to) return { columns: [], rows: [] }
  const m = (await run(DailyQuery, { ags: CITY.ags, from, to })).municipality
  const metrics = ['cases', 'inc7', 'inc7Usaf', 'hospInc7', 'icuShare'] as const
  const byDay = new Map<string, Cell[]>()
  metrics.forEach((k, i) => {
    for (const p of m?.[k] ?? []) {
      const row = byDay.get(p.day) ?? [p.day, null, null, null, null, null]
      row[i + 1] = p.value
      byDay.set(p.day, row)
    }
  })
  return {
    columns: ['day', 'COVID_CASES', 'COVID_INC7', 'COVID_INC7_USAF', 'HOSP_INC7', 'ICU_SHARE'],
    rows: [...byDay.values()].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
  }
}

const years = (to: number) => ({ from: FIRST, to })

/** Downloadable datasets by id; other open datasets are served by the API only (too large for a browser file). */
export const DOWNLOADS: Record<string, Download> = {
  'fin.actuals': spec({ query: BudgetSeriesQuery, variables: to => ({ ...years(to), version: 'IST' as const }), table: budgetTable }),
  'fin.budget': spec({ query: BudgetSeriesQuery, variables: to => ({ ...years(to + 1), version: 'ANSATZ' as const }), table: budgetTable }),
  'fin.debt': spec({
    query: DebtQuery,
    variables: years,
    table: d => ({
      columns: [
        'year',
        'stichtag',
        'total',
        'total_status',
        'investmentCredits',
        'investmentCredits_status',
        'liquidityCredits',
        'liquidityCredits_status',
      ],
      rows: d.years
        .filter(y => y.debt)
        .map(y => [y.year, y.debt!.stichtag, ...mv(y.debt!.total), ...mv(y.debt!.investmentCredits), ...mv(y.debt!.liquidityCredits)]),
    }),
  }),
  'fin.investments': spec({
    query: InvestmentsQuery,
    variables: () => ({}),
    table: d => ({
      columns: [
        'id',
        'name',
        'category',
        'status',
        'district',
        'product',
        'startYear',
        'endYear',
        'totalCost',
        'fundingShare',
        'fundingSource',
        'year',
        'ansatz',
        'ansatz_status',
        'ist',
        'ist_status',
      ],
      rows: d.investmentMeasures.flatMap(m =>
        m.values.map(v => [
          m.id,
          m.name,
          m.category,
          m.status,
          m.district?.code ?? null,
          m.product?.code ?? null,
          m.startYear ?? null,
          m.endYear ?? null,
          m.totalCost.amount ?? null,
          m.fundingShare ?? null,
          m.fundingSource ?? null,
          v.year,
          ...mv(v.ansatz),
          ...mv(v.ist),
        ]),
      ),
    }),
  }),
  'geo.districts': spec({
    query: DistrictsQuery,
    variables: () => ({}),
    table: d => ({
      columns: ['ags', 'code', 'name', 'kind', 'areaKm2', 'hasOrtsbeirat', 'postalCodes', 'lat', 'lon'],
      rows: d.districts.map(x => [
        x.ags,
        x.code,
        x.name,
        x.kind,
        x.areaKm2 ?? null,
        x.hasOrtsbeirat,
        x.postalCodes.join(' '),
        x.centroid?.lat ?? null,
        x.centroid?.lon ?? null,
      ]),
    }),
  }),
  'infra.energy': spec({
    query: EnergyQuery,
    variables: years,
    table: d => ({
      columns: ['month', 'energyKwh', 'lights', 'ledLights'],
      rows: d.years.flatMap(y => (y.streetLighting?.monthly ?? []).map(m => [m.month, m.energyKwh, m.lights, m.ledLights])),
    }),
  }),
  'pop.stock': spec({
    query: PopulationQuery,
    variables: years,
    table: d => ({
      columns: [
        'district',
        'name',
        'stichtag',
        'basis',
        'total',
        'total_status',
        'foreigners',
        'foreigners_status',
        'meanAge',
        'meanAge_status',
      ],
      rows: d.districts.flatMap(x =>
        (x.populationSeries ?? []).map(p => [x.code, x.name, p.stichtag, p.basis, ...sv(p.total), ...sv(p.foreigners), ...sv(p.meanAge)]),
      ),
    }),
  }),
  'pop.official_total': perYear(
    to => to - 1,
    (run, year) => run(OfficialPopulationQuery, { year }),
    ['ags', 'name', 'year', 'population', 'population_status'],
    (d, year) => d.municipalities.filter(m => m.officialPopulation).map(m => [m.ags, m.name, year, ...sv(m.officialPopulation)]),
  ),
  'pop.movement': perYear(
    to => to,
    (run, year) => run(MovementsQuery, { year }),
    [
      'district',
      'name',
      'year',
      ...['births', 'deaths', 'inMoves', 'outMoves', 'naturalBalance', 'netMigration'].flatMap(c => [c, `${c}_status`]),
    ],
    (d, year) =>
      d.districts
        .filter(x => x.movements)
        .map(x => {
          const m = x.movements!
          return [
            x.code,
            x.name,
            year,
            ...sv(m.births),
            ...sv(m.deaths),
            ...sv(m.inMoves),
            ...sv(m.outMoves),
            ...sv(m.naturalBalance),
            ...sv(m.netMigration),
          ]
        }),
  ),
  'soc.daily_metric': daily,
  'edu.kita': spec({
    query: KitaQuery,
    variables: to => ({ year: to }),
    table: d => ({
      columns: ['id', 'name', 'operatorType', 'district', 'stichtag', 'placesTotal', 'placesU3', 'staffTotal', 'staffPedagogical'],
      rows: d.kitas.map(k => [
        k.id,
        k.name,
        k.operatorType,
        k.district?.code ?? null,
        k.stats?.stichtag ?? null,
        k.stats?.placesTotal ?? null,
        k.stats?.placesU3 ?? null,
        k.stats?.staffTotal ?? null,
        k.stats?.staffPedagogical ?? null,
      ]),
    }),
  }),
  'edu.graduates': spec({
    query: GraduatesQuery,
    variables: years,
    table: d => ({
      columns: ['year', 'qualification', 'count', 'count_status'],
      rows: d.years.flatMap(y => (y.graduates ?? []).map(g => [y.year, g.qualification, ...sv(g.count)])),
    }),
  }),
  'edu.transitions': spec({
    query: TransitionsQuery,
    variables: years,
    table: d => ({
      columns: ['year', 'toSchoolType', 'residence', 'applications', 'applications_status', 'admissions', 'admissions_status'],
      rows: d.years.flatMap(y =>
        (y.transitions ?? []).map(x => [y.year, x.toSchoolType, x.residence, ...sv(x.applications), ...sv(x.admissions)]),
      ),
    }),
  }),
  'soc.egh_statistics': spec({
    query: EghQuery,
    variables: years,
    table: d => ({
      columns: ['year', 'benefitGroup', 'recipients', 'recipients_status', 'cost', 'cost_status'],
      rows: d.years.flatMap(y => (y.eingliederungshilfe ?? []).map(e => [y.year, e.benefitGroup, ...sv(e.recipients), ...mv(e.cost)])),
    }),
  }),
  'asy.accommodation': spec({
    query: AccommodationsQuery,
    variables: () => ({}),
    table: d => ({
      columns: ['id', 'name', 'kind', 'district', 'capacity', 'opened', 'closed'],
      rows: d.accommodations.map(a => [a.id, a.name, a.kind, a.district?.code ?? null, a.capacity, a.opened, a.closed ?? null]),
    }),
  }),
  'cat.indicator': spec({
    query: IndicatorsQuery,
    variables: () => ({}),
    table: d => ({
      columns: ['id', 'title', 'unit', 'description', 'sourceDatasetIds'],
      rows: d.indicators.map(i => [i.id, i.title, i.unit, i.description, i.sourceDatasetIds.join(' ')]),
    }),
  }),
}

const NEEDS_QUOTES = /[;"\r\n]/

/**
 * CSV as German spreadsheets read it: `;` between fields, decimal comma, no thousands separator, CRLF, UTF-8 with
 * byte order mark (so umlauts survive a double click in Excel), empty field for a missing value.
 */
export function toCsv(table: Table): string {
  const field = (c: Cell): string => {
    if (c == null) return ''
    if (typeof c === 'number') return Number.isFinite(c) ? String(c).replace('.', ',') : ''
    if (typeof c === 'boolean') return c ? 'true' : 'false'
    return NEEDS_QUOTES.test(c) ? `"${c.replace(/"/g, '""')}"` : c
  }
  const lines = [table.columns, ...table.rows].map(row => row.map(field).join(';'))
  return '\uFEFF' + lines.join('\r\n') + '\r\n'
}

/** JSON: the dataset's metadata and one object per row, keyed by column. */
export function toJson(meta: Record<string, unknown>, table: Table): string {
  const rows = table.rows.map(r => Object.fromEntries(table.columns.map((c, i) => [c, r[i] ?? null])))
  return JSON.stringify({ ...meta, columns: table.columns, rows }, null, 2) + '\n'
}

/** `<dataset>_<Stichtag>.<ext>`: which data and of which day, in the file name. */
export const fileName = (id: string, stichtag: string, ext: 'csv' | 'json') => `${id.replace(/[^\w.-]/g, '_')}_${stichtag}.${ext}`

/**
 * Saves text as a file. A Blob URL (not a data: URL, nothing inline) so the app's Content-Security-Policy holds;
 * the link is clicked programmatically and the URL released after the download has started.
 */
export function saveFile(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.rel = 'noopener'
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
