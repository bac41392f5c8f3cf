/**
 * Named operations for the cache measurements and the cached-vs-uncached equality tests: the
 * questions dashboards ask every morning. `variables(i)` gives the i-th distinct variant.
 */
export interface NamedOperation {
  name: string
  query: string
  variables(i: number): Record<string, unknown>
}

const CODES = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '13', '14', '15', '16', '17', '18']

export const OPERATIONS: readonly NamedOperation[] = [
  {
    name: 'district profile (5 subgraphs)',
    query: `query DistrictProfile($code: ID!) { district(code: $code) { name
      population(year: 2025) { total { value status } foreignerShare { value } byAgeGroup { group { label } count { value status } } }
      schools { name type } kitaPlaces(year: 2025) { placesTotal placesU3 }
      accommodations(activeOn: "2025-12-31") { name capacity } investments(from: 2024, to: 2026) { name totalCost { amount } } } }`,
    variables: i => ({ code: CODES[i % CODES.length] }),
  },
  {
    name: 'budget overview by product area over 10 years',
    query: `query BudgetOverview($from: Int!, $to: Int!) { products(level: 1) { code name
      series(from: $from, to: $to, version: ANSATZ) { year ordinaryResult { amount } ordinaryExpense { amount } } } }`,
    variables: i => ({ from: 2015 + (i % 2), to: 2024 + (i % 2) }),
  },
  {
    name: 'asylum monthly series with capacity',
    query: `query AsylumSeries($year: Int!) { year(year: $year) { year allocations(grain: MONTH) { period count { value status } byOrigin(top: 3) { country { code } count { value status } } }
      asylumCapacity { day capacity occupied free occupancyRate { value } arrivalsPerMonth } } }`,
    variables: i => ({ year: 2016 + (i % 10) }),
  },
  {
    name: 'all-18-districts comparison',
    query: `query DistrictComparison($year: Int!) { districts { code name population(year: $year) { total { value status } foreignerShare { value } }
      kitaPlaces(year: $year) { placesTotal placesU3 } } }`,
    variables: i => ({ year: 2016 + (i % 10) }),
  },
  {
    name: 'deep cross-department query',
    query: `query Deep($year: Int!) { years(from: $year, to: $year) { year population { value status } firstGraders { value status } budget { ordinaryResult { amount } }
      allocations(grain: QUARTER) { period count { value status } } asylumCapacity { capacity free } }
      districts { code population(year: $year) { total { value } } accommodations { name district { name } } schools { name } } }`,
    variables: i => ({ year: 2016 + (i % 10) }),
  },
]
