import { readFileSync } from 'node:fs'
import { DISTRICTS } from '../platform/city.js'

/**
 * The named operations of the benchmark (`bench/operations/*.graphql`) and the variables each request
 * sends. "distinct" requests walk through `variables(i)` for i = 0, 1, 2, …: more combinations than
 * connections, so no two requests in flight are identical and no deduplication can answer one from
 * another. "identical" requests all send `variables(0)`.
 */
export interface BenchOperation {
  name: string
  file: string
  query: string
  /** What it asks, for the report. */
  description: string
  /** Subgraphs it touches; an operation of one subgraph is also sent to that subgraph directly. */
  subgraphs: string[]
  /** Number of distinct variable sets before `variables(i)` repeats. */
  distinct: number
  variables(i: number): Record<string, unknown>
}

const CODES = DISTRICTS.map(d => d.code)
/** Years with final figures in every department (profile small and large). */
const YEARS = [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]
const yearEnd = (y: number) => `${y}-12-31`
/** Product areas (Produktbereiche) of the budget: level-2 codes of the Produktrahmen. */
const PRODUCT_AREAS = [
  '11',
  '12',
  '21',
  '22',
  '23',
  '24',
  '25',
  '26',
  '27',
  '31',
  '36',
  '41',
  '42',
  '51',
  '52',
  '54',
  '55',
  '56',
  '57',
  '61',
]

function load(file: string): { query: string; description: string } {
  const text = readFileSync(new URL(`./operations/${file}`, import.meta.url), 'utf8')
  const description = text
    .split('\n')
    .filter(l => l.startsWith('#'))
    .map(l => l.replace(/^#\s?/, ''))
    .join(' ')
  return { query: text, description }
}

const op = (
  name: string,
  file: string,
  subgraphs: string[],
  distinct: number,
  variables: (i: number) => Record<string, unknown>,
): BenchOperation => ({ name, file, ...load(file), subgraphs, distinct, variables })

export const OPERATIONS: readonly BenchOperation[] = [
  op(
    'DistrictProfile',
    'district-profile.graphql',
    ['geo', 'population', 'education', 'asylum', 'finance'],
    CODES.length * YEARS.length,
    i => {
      const y = YEARS[Math.floor(i / CODES.length) % YEARS.length]
      return { code: CODES[i % CODES.length], year: y, day: yearEnd(y) }
    },
  ),
  op('BudgetOverview', 'budget-overview.graphql', ['finance'], PRODUCT_AREAS.length * 2, i => {
    const from = 2015 + (Math.floor(i / PRODUCT_AREAS.length) % 2)
    return { code: PRODUCT_AREAS[i % PRODUCT_AREAS.length], from, to: from + 9 }
  }),
  op('AsylumMonthly', 'asylum-monthly.graphql', ['geo', 'asylum'], YEARS.length * 12, i => {
    const y = YEARS[i % YEARS.length]
    const m = 1 + (Math.floor(i / YEARS.length) % 12)
    return { year: y, day: new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10) }
  }),
  op(
    'DistrictsComparison',
    'districts-comparison.graphql',
    ['geo', 'population', 'education', 'asylum', 'finance'],
    YEARS.length * 3,
    i => {
      const y = YEARS[i % YEARS.length]
      const span = Math.floor(i / YEARS.length) % 3
      return { year: y, day: yearEnd(y), from: y - span, to: y }
    },
  ),
  op(
    'DeepCrossDepartment',
    'deep-cross-department.graphql',
    ['geo', 'population', 'education', 'asylum', 'finance'],
    CODES.length * 6,
    i => {
      const y = 2020 + (Math.floor(i / CODES.length) % 6)
      return { code: CODES[i % CODES.length], year: y, day: yearEnd(y), schoolYear: `${y}/${String((y + 1) % 100).padStart(2, '0')}` }
    },
  ),
]
