import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import pg from 'pg'
import { CITY_AGS, CITY_POPULATION, DISTRICTS, REFERENCE_DATE, profileYears } from '../../platform/city.js'
import { KL_CKM_2, perturbCount } from '../../lib/disclosure/perturbation-table.js'
import { addKeys, cellKeyOf, seededRecordKey } from '../../lib/disclosure/cell-key.js'
import { graphql, internalHeaders, startSubgraphs, TEST_IDENTITY, type RunningSubgraphs } from '../../test/helpers/start-subgraphs.js'
import { createDatabase } from '../../test/helpers/test-database.js'
import { readCacheConfig } from '../../lib/cache/cache-config.js'
import { createDb } from '../../platform/db/create-db.js'
import { migrateSchema } from '../../platform/db/migrate.js'
import { migrations } from './migrations/index.js'
import { insertStock, seedMicrodata } from './seed.js'
import { generateStock } from './demo/stock-generator.js'

let subgraphs: RunningSubgraphs
let url: string
const db = new pg.Pool({ connectionString: inject('cityDatabaseUrl'), max: 2 })
const years = profileYears(inject('seedProfile'))
const lastFullYear = Number(REFERENCE_DATE.slice(0, 4)) - 1
const districtReps = DISTRICTS.map(d => ({ __typename: 'District', ags: CITY_AGS, code: d.code }))

/** One scalar per row from an independent SQL oracle. */
async function sqlMap(query: string, params: unknown[] = []): Promise<Map<string, number>> {
  const { rows } = await db.query(query, params)
  return new Map(rows.map(r => [String(r.k), Number(r.v)]))
}

const entities = (selection: string, reps: unknown[], headers: Record<string, string> = {}) =>
  graphql(url, `query ($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`, { r: reps }, headers)

/** Aggregate-only callers as the gateway vouches for them. */
const PUBLIC = () =>
  internalHeaders('population', { ...TEST_IDENTITY, roles: ['public'], scopes: ['open'], aggregateOnly: true, authenticated: false })
const COMMITTEE = () =>
  internalHeaders('population', {
    ...TEST_IDENTITY,
    subject: 'ratsmitglied-1',
    roles: ['committee'],
    scopes: ['open'],
    aggregateOnly: true,
  })

/** What KL-CKM-2 publishes for `n` records with key sum `key` (the oracle, from SQL). */
const published = (n: number, key: number | string) => (n === 0 ? 0 : perturbCount(KL_CKM_2, n, cellKeyOf(key)))

beforeAll(async () => {
  subgraphs = await startSubgraphs(inject('cityDatabaseUrl'), ['population'])
  url = subgraphs.byName.get('population')!.server.url
})
afterAll(async () => {
  await subgraphs.stop()
  await db.end()
})

describe('population subgraph', () => {
  it('seeds district stocks that sum exactly to the city total of every year', async () => {
    const sums = await sqlMap(
      `select extract(year from stichtag)::int as k, sum(n) as v from pop.stock where basis = 'REGISTER_MAIN' group by 1`,
    )
    for (const y of years) expect(sums.get(String(y))).toBe(CITY_POPULATION[y])
    const res = await entities(
      '... on Year { year residents population(basis: REGISTER_MAIN) { value status } }',
      years.map(year => ({ __typename: 'Year', year })),
    )
    expect(res.errors).toBeUndefined()
    for (const [i, y] of years.entries()) {
      expect(res.data._entities[i].residents).toBe(CITY_POPULATION[y])
      expect(res.data._entities[i].population.value).toBe(CITY_POPULATION[y])
    }
    // REGISTER_ALL adds secondary residences on top of every district's main residents.
    const all = await sqlMap(
      `select district_code || '|' || stichtag as k, sum(n) filter (where basis = 'REGISTER_ALL') - sum(n) filter (where basis = 'REGISTER_MAIN') as v from pop.stock group by 1`,
    )
    expect([...all.values()].every(v => v >= 0)).toBe(true)
  })

  it('answers a district stock with sex, age groups, nationalities and mean age that match SQL', async () => {
    const year = lastFullYear
    const res = await entities(
      `... on District { code population(year: ${year}) {
        stichtag basis total { value status } bySex { sex count { value } } foreigners { value } foreignerShare { value unit } meanAge { value unit }
        functional: byAgeGroup { group { from to label } count { value } } ten: byAgeGroup(scheme: TEN_YEAR) { count { value } }
        five: byAgeGroup(scheme: FIVE_YEAR) { count { value } } byNationality(top: 3) { group country { code } count { value } }
        provenance { stichtag ownerDepartment datasetId } } }`,
      [districtReps[6]],
    )
    expect(res.errors).toBeUndefined()
    const p = res.data._entities[0].population
    const {
      rows: [o],
    } = await db.query(
      `select sum(n)::int as total, sum(n) filter (where nationality_group <> 'DEU')::int as foreigners,
        round(sum(n * (age + 0.5)) / sum(n), 1)::float8 as mean_age,
        sum(n) filter (where age between 19 and 24)::int as students, sum(n) filter (where age >= 80)::int as old
      from pop.stock where stichtag = $1 and basis = 'REGISTER_MAIN' and district_code = '07'`,
      [`${year}-12-31`],
    )
    expect(p).toMatchObject({
      stichtag: `${year}-12-31`,
      basis: 'REGISTER_MAIN',
      total: { value: o.total, status: 'EXACT' },
      foreigners: { value: o.foreigners },
    })
    expect(p.foreignerShare.value).toBeCloseTo(o.foreigners / o.total, 4)
    expect(p.meanAge).toEqual({ value: o.mean_age, unit: 'years' })
    const sum = (list: Array<{ count: { value: number } }>) => list.reduce((a, x) => a + x.count.value, 0)
    for (const list of [p.bySex, p.functional, p.ten, p.five, p.byNationality]) expect(sum(list)).toBe(o.total)
    expect(p.functional.map((g: { group: { label: string } }) => g.group.label)).toEqual([
      '0–2',
      '3–5',
      '6–9',
      '10–15',
      '16–18',
      '19–24',
      '25–44',
      '45–64',
      '65–79',
      '80+',
    ])
    expect(p.functional[5].count.value).toBe(o.students)
    expect(p.functional[9]).toMatchObject({ group: { from: 80, to: null }, count: { value: o.old } })
    expect(p.byNationality).toHaveLength(4)
    expect(p.byNationality[3]).toMatchObject({ group: 'OTHER', country: null })
    expect(p.byNationality[0]).toMatchObject({ group: 'DEU', country: { code: 'DEU' } })
    expect(p.provenance).toMatchObject({
      stichtag: `${year}-12-31`,
      datasetId: 'pop.stock',
      ownerDepartment: expect.stringContaining('Statistik'),
    })
  })

  it('counts cohorts like SQL and marks years without data NOT_AVAILABLE', async () => {
    const year = lastFullYear
    const expected = await sqlMap(
      `select district_code as k, sum(n) as v from pop.stock
      where stichtag = $1 and basis = 'REGISTER_MAIN' and age between 0 and 2 group by 1`,
      [`${year}-12-31`],
    )
    const res = await entities(
      `... on District { code u3: cohort(ageFrom: 0, ageTo: 2, year: ${year}) { value status }
      old: cohort(ageFrom: 100, ageTo: 100, year: ${year}) { value status } none: cohort(ageFrom: 0, ageTo: 5, year: 2014) { value status } }`,
      districtReps,
    )
    expect(res.errors).toBeUndefined()
    for (const d of res.data._entities) {
      expect(d.u3).toEqual({ value: expected.get(d.code), status: 'EXACT' })
      expect(['EXACT', 'ZERO']).toContain(d.old.status)
      expect(d.none).toEqual({ value: null, status: 'NOT_AVAILABLE' })
    }
  })

  it('balances movements against the stock change of every district (invariant 1)', async () => {
    const change = await sqlMap(`select district_code || '|' || extract(year from stichtag) as k,
        sum(n) - lag(sum(n)) over (partition by district_code order by stichtag) as v
      from pop.stock where basis = 'REGISTER_MAIN' group by district_code, stichtag`)
    const flows = await sqlMap(`select district_code || '|' || extract(year from month) as k,
        sum(case when kind in ('BIRTH', 'IN_EXTERNAL', 'IN_INTERNAL') then n when kind in ('DEATH', 'OUT_EXTERNAL', 'OUT_INTERNAL') then -n else 0 end) as v
      from pop.movement group by 1`)
    const balanced = years.filter(y => y > years[0] && y <= lastFullYear)
    for (const y of balanced) for (const d of DISTRICTS) expect(flows.get(`${d.code}|${y}`)).toBe(change.get(`${d.code}|${y}`))
    const internal = await sqlMap(
      `select extract(year from month) as k, sum(n) filter (where kind = 'IN_INTERNAL') - sum(n) filter (where kind = 'OUT_INTERNAL') as v from pop.movement group by 1`,
    )
    expect([...internal.values()].every(v => v === 0)).toBe(true)

    const year = balanced[balanced.length - 1]
    const kinds = await sqlMap(`select kind as k, sum(n) as v from pop.movement where extract(year from month) = $1 group by 1`, [year])
    const res = await graphql(
      url,
      `query ($r: [_Any!]!) { _entities(representations: $r) {
        ... on Year { movements { births { value } deaths { value } inMoves { value } outMoves { value } netMigration { value } naturalBalance { value status flags } provenance { stichtag } } }
        ... on District { code movements(year: ${year}) { inMoves { value } } } } }`,
      { r: [{ __typename: 'Year', year }, districtReps[0]] },
    )
    expect(res.errors).toBeUndefined()
    const city = res.data._entities[0].movements
    expect(city.births.value).toBe(kinds.get('BIRTH'))
    expect(city.births.value).toBeGreaterThan(850)
    expect(city.deaths.value).toBeGreaterThan(city.births.value)
    expect(city.inMoves.value).toBe(kinds.get('IN_EXTERNAL'))
    expect(city.netMigration.value).toBe(kinds.get('IN_EXTERNAL')! - kinds.get('OUT_EXTERNAL')!)
    expect(city.naturalBalance).toEqual({ value: kinds.get('BIRTH')! - kinds.get('DEATH')!, status: 'EXACT', flags: [] })
    expect(city.provenance.stichtag).toBe(`${year}-12-31`)
    const inner = await sqlMap(
      `select 'x' as k, sum(n) as v from pop.movement where extract(year from month) = $1 and district_code = '01' and kind in ('IN_EXTERNAL', 'IN_INTERNAL')`,
      [year],
    )
    expect(res.data._entities[1].movements.inMoves.value).toBe(inner.get('x'))
  })

  it('serves official totals for the city and its peers, and null for unknown keys', async () => {
    const official = await sqlMap(
      `select ags || '|' || basis as k, total as v from pop.official_total where extract(year from stichtag) = 2023`,
    )
    const res = await graphql(
      url,
      `
        query ($r: [_Any!]!) {
          _entities(representations: $r) {
            ... on Municipality {
              ags
              officialPopulation(year: 2023) {
                value
                status
              }
            }
            ... on Year {
              year
              population {
                value
              }
              census: population(basis: CENSUS) {
                value
              }
            }
            ... on District {
              code
              population(year: 2023) {
                total {
                  value
                }
              }
              movements(year: 2040) {
                births {
                  value
                }
              }
            }
          }
        }
      `,
      {
        r: [
          { __typename: 'Municipality', ags: CITY_AGS },
          { __typename: 'Municipality', ags: '07315000' },
          { __typename: 'Municipality', ags: '09162000' },
          { __typename: 'Year', year: 2022 },
          { __typename: 'Year', year: 2014 },
          { __typename: 'District', ags: CITY_AGS, code: '77' },
        ],
      },
    )
    expect(res.errors).toBeUndefined()
    const [kl, mainz, munich, y2022, y2014, unknown] = res.data._entities
    if (years.includes(2023)) {
      expect(kl.officialPopulation).toEqual({ value: official.get(`${CITY_AGS}|OFFICIAL_UPDATE`), status: 'EXACT' })
      expect(kl.officialPopulation.value).toBe(101486)
      expect(mainz.officialPopulation.value).toBe(official.get('07315000|OFFICIAL_UPDATE'))
    }
    if (years.includes(2022)) expect(y2022).toEqual({ year: 2022, population: { value: 101228 }, census: { value: 99687 } })
    expect(munich.officialPopulation).toBeNull()
    expect(y2014).toEqual({ year: 2014, population: null, census: null })
    expect(unknown).toEqual({ code: '77', population: null, movements: null })
  })

  it('rejects malformed arguments with BAD_USER_INPUT', async () => {
    const cases: Array<[string, RegExp]> = [
      ['population(year: 2023, basis: OFFICIAL_UPDATE) { stichtag }', /only for the whole municipality/],
      ['cohort(ageFrom: 10, ageTo: 5, year: 2023) { value }', /must not be greater/],
      ['cohort(ageFrom: 0, ageTo: 101, year: 2023) { value }', /between 0 and 100/],
      ['population(year: 1700) { stichtag }', /between 1950 and 2100/],
      ['populationSeries(from: 2025, to: 2020) { stichtag }', /must not be after/],
      ['population(year: 2025) { byNationality(top: 0) { group } }', /between 1 and 100/],
    ]
    for (const [field, message] of cases) {
      const res = await entities(`... on District { ${field} }`, [districtReps[0]])
      expect(res.errors?.[0].extensions?.code, field).toBe('BAD_USER_INPUT')
      expect(res.errors?.[0].message, field).toMatch(message)
      expect(JSON.stringify(res)).not.toMatch(/stacktrace|at .*\.ts:/)
    }
  })

  it("reads a district's stock summary and its age groups in every scheme with one statement", async () => {
    subgraphs.resetStatements()
    const res = await entities(
      `... on District { population(year: ${lastFullYear}) { total { value } foreignerShare { value } meanAge { value }
        byAgeGroup { group { label } count { value } } five: byAgeGroup(scheme: FIVE_YEAR) { count { value } } } }`,
      [districtReps[3]],
    )
    expect(res.errors).toBeUndefined()
    // The age groups come from the same statement as the total: one round trip, not two in a row.
    expect(subgraphs.statements().population).toBe(1)
    const p = res.data._entities[0].population
    const bands = await sqlMap(
      `select (age / 5) * 5 as k, sum(n) as v from pop.stock where stichtag = $1 and basis = 'REGISTER_MAIN' and district_code = $2 group by 1`,
      [`${lastFullYear}-12-31`, DISTRICTS[3].code],
    )
    const five = p.five.map((g: { count: { value: number } }) => g.count.value)
    // FIVE_YEAR: 0–4 … 90–94, then 95+ (ages 95–100).
    for (let i = 0; i < 19; i++) expect(five[i]).toBe(bands.get(String(i * 5)) ?? 0)
    expect(five[19]).toBe((bands.get('95') ?? 0) + (bands.get('100') ?? 0))
  })

  it('loads 18 districts with stock, age groups and nationalities in a handful of statements (no N+1)', async () => {
    subgraphs.resetStatements()
    const res = await entities(
      `... on District { code residents population(year: ${lastFullYear}) { total { value } byAgeGroup { count { value } } byNationality { group count { value } } } }`,
      districtReps,
    )
    expect(res.errors).toBeUndefined()
    expect(res.data._entities).toHaveLength(18)
    expect(subgraphs.statements().population).toBeLessThanOrEqual(4)
    const totals = await sqlMap(
      `select district_code as k, sum(n) as v from pop.stock where stichtag = $1 and basis = 'REGISTER_MAIN' group by 1`,
      [`${lastFullYear}-12-31`],
    )
    for (const d of res.data._entities) {
      expect(d.population.total.value).toBe(totals.get(d.code))
      expect(d.residents).toBe(totals.get(d.code))
    }
    subgraphs.resetStatements()
    const series = await entities(
      `... on District { populationSeries(from: ${years[0]}, to: ${years[years.length - 1]}) { stichtag total { value flags } } }`,
      districtReps,
    )
    expect(series.errors).toBeUndefined()
    expect(subgraphs.statements().population).toBe(1)
    const lastStock = series.data._entities[0].populationSeries.at(-1)
    expect(lastStock.total.flags).toEqual(lastStock.stichtag > REFERENCE_DATE ? ['ESTIMATED'] : [])
  })

  it('keeps small cells at district × nationality level for disclosure tests (invariant 7)', async () => {
    const {
      rows: [r],
    } = await db.query(`select count(*)::int as small from (select sum(n) as n from pop.stock
      where basis = 'REGISTER_MAIN' group by stichtag, district_code, nationality_group) c where n between 1 and 2`)
    expect(r.small).toBeGreaterThanOrEqual(years.length > 3 ? 50 : 5)
  })
})

describe('population disclosure control for aggregate-only roles (Cell Key Method)', () => {
  type Cell = { value: number | null; status: string }
  const year = lastFullYear
  const stichtag = `${year}-12-31`

  /** A cell public or committee get, against the exact one: within ±2, zero exactly when zero, never 0 otherwise. */
  function expectPerturbed(pub: Cell, exact: Cell, what: string): void {
    expect(exact.status, what).not.toBe('PERTURBED')
    if (exact.value === 0) {
      expect(pub, what).toMatchObject({ value: 0, status: 'ZERO' })
      return
    }
    expect(pub.status, what).toBe('PERTURBED')
    expect(Math.abs(pub.value! - exact.value!), what).toBeLessThanOrEqual(2)
    expect(pub.value!, what).toBeGreaterThan(0)
  }

  const STOCK = `... on District { code residents population(year: ${year}) { total { value status } bySex { sex count { value status } }
    foreigners { value status } foreignerShare { value }
    functional: byAgeGroup { group { label } count { value status } } five: byAgeGroup(scheme: FIVE_YEAR) { group { label } count { value status } }
    ten: byAgeGroup(scheme: TEN_YEAR) { group { label } count { value status } } byNationality(top: 12) { group count { value status } } } }`

  it('perturbs sex, age bands, foreigners and nationalities within ±2, keeps zeros ZERO and REGISTER_MAIN totals exact', async () => {
    const exact = await entities(STOCK, districtReps)
    subgraphs.resetStatements()
    const pub = await entities(STOCK, districtReps, PUBLIC())
    expect(pub.errors).toBeUndefined()
    // No extra statements or round trips for aggregate-only callers: the key sums come with the counts.
    expect(subgraphs.statements().population).toBeLessThanOrEqual(4)
    const oracle = await db.query(
      `select district_code as k, sum(n)::int as n, sum(rkey) % 4294967296 as key from pop.stock
      where stichtag = $1 and basis = 'REGISTER_MAIN' and nationality_group <> 'DEU' group by 1`,
      [stichtag],
    )
    const foreigners = new Map(oracle.rows.map(r => [r.k, published(r.n, r.key)]))
    let cells = 0
    let changed = 0
    let small = 0
    let zeros = 0
    let deviation = 0
    pub.data._entities.forEach((d: any, i: number) => {
      const e = exact.data._entities[i]
      const p = d.population
      const x = e.population
      expect(d.residents).toBe(e.residents)
      expect(p.total).toEqual(x.total)
      expect(p.total.status).toBe('EXACT')
      expect(p.foreigners.value).toBe(foreigners.get(d.code))
      expect(p.foreignerShare.value).toBeCloseTo(p.foreigners.value / p.total.value, 4)
      const pairs: Array<[string, Cell, Cell]> = [[`${d.code} foreigners`, p.foreigners, x.foreigners]]
      p.bySex.forEach((c: any, j: number) => pairs.push([`${d.code} sex ${c.sex}`, c.count, x.bySex[j].count]))
      for (const scheme of ['functional', 'five', 'ten']) {
        p[scheme].forEach((c: any, j: number) => pairs.push([`${d.code} ${scheme} ${c.group.label}`, c.count, x[scheme][j].count]))
      }
      const byGroup = new Map(x.byNationality.map((c: any) => [c.group, c.count]))
      expect(p.byNationality.map((c: any) => c.group).sort()).toEqual([...byGroup.keys()].sort())
      for (const c of p.byNationality) pairs.push([`${d.code} ${c.group}`, c.count, byGroup.get(c.group) as Cell])
      for (const [what, cell, truth] of pairs) {
        expectPerturbed(cell, truth, what)
        cells++
        if (truth.value === 0) zeros++
        if (truth.value === 1 || truth.value === 2) small++
        if (cell.value !== truth.value) changed++
        deviation += Math.abs(cell.value! - truth.value!)
      }
    })
    expect(cells).toBeGreaterThan(18 * 40)
    expect(small).toBeGreaterThan(0)
    expect(zeros).toBeGreaterThan(0)
    // The noise is there, and small on average (KL-CKM-2: variance 1, so a mean absolute deviation below 1).
    expect(changed).toBeGreaterThan(cells / 3)
    expect(deviation / cells).toBeGreaterThan(0.3)
    expect(deviation / cells).toBeLessThan(1)
    // The exact caller still gets exact values and statuses.
    expect(JSON.stringify(exact.data)).not.toContain('PERTURBED')
  })

  it('gives the same noise to the same records, whichever field, argument, request or aggregate role reached them', async () => {
    const q = `... on District { code population(year: ${year}) { foreigners { value status }
        functional: byAgeGroup { count { value status } } five: byAgeGroup(scheme: FIVE_YEAR) { count { value status } } ten: byAgeGroup(scheme: TEN_YEAR) { count { value status } }
        top1: byNationality(top: 1) { group count { value status } } top3: byNationality(top: 3) { group count { value status } } top12: byNationality(top: 12) { group count { value status } } }
      students: cohort(ageFrom: 19, ageTo: 24, year: ${year}) { value status } old: cohort(ageFrom: 80, ageTo: 100, year: ${year}) { value status }
      u5: cohort(ageFrom: 0, ageTo: 4, year: ${year}) { value status } o95: cohort(ageFrom: 95, ageTo: 100, year: ${year}) { value status }
      thirties: cohort(ageFrom: 30, ageTo: 39, year: ${year}) { value status }
      all: population(year: ${year}, basis: REGISTER_ALL) { total { value status } }
      series: populationSeries(from: ${years[0]}, to: ${year}, basis: REGISTER_ALL) { stichtag total { value status } } }`
    const a = await entities(q, districtReps, PUBLIC())
    expect(a.errors).toBeUndefined()
    expect((await entities(q, districtReps, PUBLIC())).data).toEqual(a.data)
    expect((await entities(q, districtReps, COMMITTEE())).data).toEqual(a.data)
    let compared = 0
    for (const d of a.data._entities) {
      const p = d.population
      // A cohort equal to a published band covers the same persons as the band: the same value.
      expect(d.students).toEqual(p.functional[5].count)
      expect(d.old).toEqual(p.functional[9].count)
      expect(d.u5).toEqual(p.five[0].count)
      expect(d.o95).toEqual(p.five[19].count)
      expect(d.thirties).toEqual(p.ten[3].count)
      // A group's cell does not depend on `top`; OTHER of top 1 (Germans first) is every foreigner: the foreigners cell.
      const cellsOf = (list: any[]) => new Map(list.filter(c => c.group !== 'OTHER').map(c => [c.group, c.count]))
      const top12 = cellsOf(p.top12)
      for (const list of [p.top1, p.top3])
        for (const [group, cell] of cellsOf(list)) {
          expect(cell, `${d.code} ${group}`).toEqual(top12.get(group))
          compared++
        }
      expect(p.top1[0].group).toBe('DEU')
      expect(p.top1[1]).toEqual({ group: 'OTHER', count: p.foreigners })
      // The ranking follows the published values.
      const shown = p.top3.slice(0, 3).map((c: any) => c.count.value)
      expect(shown).toEqual([...shown].sort((x: number, y: number) => y - x))
      // Stocks of a series are the same cells as the single stocks.
      expect(d.series.at(-1)).toEqual({ stichtag, total: d.all.total })
      expect(d.all.total.status).toBe('PERTURBED')
    }
    expect(compared).toBeGreaterThan(18 * 3)
  })

  it('refuses free cohort ranges to aggregate-only roles with AGGREGATE_NOT_PUBLISHED, and keeps them for exact roles', async () => {
    const expected = await sqlMap(
      `select district_code as k, sum(n) as v from pop.stock where stichtag = $1 and basis = 'REGISTER_MAIN' and age between 0 and 3 group by 1`,
      [stichtag],
    )
    for (const [range, headers] of [
      ['ageFrom: 0, ageTo: 3', PUBLIC()],
      ['ageFrom: 0, ageTo: 3', COMMITTEE()],
      ['ageFrom: 18, ageTo: 64', PUBLIC()],
      ['ageFrom: 1, ageTo: 2', PUBLIC()],
      ['ageFrom: 80, ageTo: 99', PUBLIC()],
      ['ageFrom: 0, ageTo: 100', PUBLIC()],
    ] as const) {
      const res = await entities(
        `... on District { code free: cohort(${range}, year: ${year}) { value status } band: cohort(ageFrom: 0, ageTo: 2, year: ${year}) { value status } }`,
        [districtReps[0]],
        headers,
      )
      expect(res.errors, range).toHaveLength(1)
      expect(res.errors![0].extensions).toMatchObject({
        code: 'AGGREGATE_NOT_PUBLISHED',
        argumentName: 'ageFrom',
        published: expect.stringContaining('FUNCTIONAL'),
      })
      expect(res.errors![0].message).toMatch(/not a published age band/)
      // Only the refused field is null; the rest of the answer stands.
      expect(res.data._entities[0]).toMatchObject({ code: '01', free: null, band: { status: 'PERTURBED' } })
    }
    const exact = await entities(
      `... on District { code free: cohort(ageFrom: 0, ageTo: 3, year: ${year}) { value status } }`,
      districtReps,
    )
    expect(exact.errors).toBeUndefined()
    for (const d of exact.data._entities) expect(d.free).toEqual({ value: expected.get(d.code), status: 'EXACT' })
    // Bad input stays BAD_USER_INPUT for everyone, before any question of publication.
    const bad = await entities(`... on District { cohort(ageFrom: 10, ageTo: 5, year: ${year}) { value } }`, [districtReps[0]], PUBLIC())
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT')
  })

  it('keeps main-residence and official totals exact for the public, and perturbs REGISTER_ALL totals', async () => {
    const q = `... on Year { year residents main: population(basis: REGISTER_MAIN) { value status } official: population { value status }
        all: population(basis: REGISTER_ALL) { value status } }
      ... on Municipality { ags main: officialPopulation(year: ${year}, basis: REGISTER_MAIN) { value status }
        all: officialPopulation(year: ${year}, basis: REGISTER_ALL) { value status } official: officialPopulation(year: ${year}) { value status } }`
    const reps = [...years.map(y => ({ __typename: 'Year', year: y })), { __typename: 'Municipality', ags: CITY_AGS }]
    const [pub, exact] = [await entities(q, reps, PUBLIC()), await entities(q, reps)]
    expect(pub.errors).toBeUndefined()
    const official = await sqlMap(
      `select extract(year from stichtag)::int as k, total as v from pop.official_total where ags = $1 and basis = 'OFFICIAL_UPDATE'`,
      [CITY_AGS],
    )
    const all = await db.query(
      `select extract(year from stichtag)::int as k, sum(n)::int as n, sum(rkey) % 4294967296 as key from pop.stock where basis = 'REGISTER_ALL' group by 1`,
    )
    const allOf = new Map(all.rows.map(r => [String(r.k), published(r.n, r.key)]))
    years.forEach((y, i) => {
      const p = pub.data._entities[i]
      expect(p.residents).toBe(CITY_POPULATION[y])
      expect(p.main).toEqual({ value: CITY_POPULATION[y], status: 'EXACT' })
      expect(p.official).toEqual(official.has(String(y)) ? { value: official.get(String(y)), status: 'EXACT' } : null)
      expect(p.all).toEqual({ value: allOf.get(String(y)), status: 'PERTURBED' })
      expectPerturbed(p.all, exact.data._entities[i].all, `REGISTER_ALL ${y}`)
    })
    const m = pub.data._entities[years.length]
    const y = pub.data._entities[years.indexOf(year)]
    expect(m).toEqual({ ags: CITY_AGS, main: y.main, all: y.all, official: y.official })
  })

  it("perturbs movements; balances are differences of the published parts; a district's moves are keyed over exactly the moves counted", async () => {
    const q = `... on Year { movements { births { value status } deaths { value status } inMoves { value status } outMoves { value status }
        netMigration { value status } naturalBalance { value status } } }
      ... on District { code movements(year: ${year}) { births { value status } deaths { value status } inMoves { value status } outMoves { value status }
        netMigration { value status } naturalBalance { value status } } }`
    const reps = [{ __typename: 'Year', year }, ...districtReps]
    const [pub, exact] = [await entities(q, reps, PUBLIC()), await entities(q, reps)]
    expect(pub.errors).toBeUndefined()
    const { rows } = await db.query(
      `select coalesce(district_code, '') as code, kind, sum(n)::int as n, sum(rkey) % 4294967296 as key from pop.movement
      where month >= make_date($1, 1, 1) and month < make_date($1 + 1, 1, 1)
      group by grouping sets ((kind), (district_code, kind))`,
      [year],
    )
    const kindOf = (code: string, kinds: string[]) => {
      const parts = rows.filter(r => r.code === code && kinds.includes(r.kind))
      return published(
        parts.reduce((a, r) => a + r.n, 0),
        parts.reduce((a, r) => (a + Number(r.key)) % 4294967296, 0),
      )
    }
    pub.data._entities.forEach((e: any, i: number) => {
      const code = e.code ?? ''
      const m = e.movements
      const x = exact.data._entities[i].movements
      for (const f of ['births', 'deaths', 'inMoves', 'outMoves']) expectPerturbed(m[f], x[f], `${code} ${f}`)
      expect(m.births.value).toBe(kindOf(code, ['BIRTH']))
      expect(m.deaths.value).toBe(kindOf(code, ['DEATH']))
      // The city counts moves across its boundary only; a district also moves between districts.
      expect(m.inMoves.value).toBe(kindOf(code, code ? ['IN_EXTERNAL', 'IN_INTERNAL'] : ['IN_EXTERNAL']))
      expect(m.outMoves.value).toBe(kindOf(code, code ? ['OUT_EXTERNAL', 'OUT_INTERNAL'] : ['OUT_EXTERNAL']))
      expect(m.netMigration).toEqual({ value: m.inMoves.value - m.outMoves.value, status: 'PERTURBED' })
      expect(m.naturalBalance).toEqual({ value: m.births.value - m.deaths.value, status: 'PERTURBED' })
      expect(Math.abs(m.netMigration.value - x.netMigration.value)).toBeLessThanOrEqual(4)
      expect(x.netMigration.status).not.toBe('PERTURBED')
    })
  })
})

describe('population: an attacker differencing what the public may see', () => {
  it('recovers no hidden count exactly from top-N remainders, repeated asks or district sums beyond what the noise allows', async () => {
    const year = lastFullYear
    const tops = Array.from({ length: 12 }, (_, i) => i + 1)
    const q = `... on District { code population(year: ${year}) { ${tops.map(n => `t${n}: byNationality(top: ${n}) { group count { value } }`).join(' ')} } }`
    const [pub, exact] = [await entities(q, districtReps, PUBLIC()), await entities(q, districtReps)]
    expect(pub.errors).toBeUndefined()
    let attempts = 0
    let exactHits = 0
    let smallAttempts = 0
    let smallHits = 0
    pub.data._entities.forEach((d: any, i: number) => {
      const truth = new Map<string, number>(exact.data._entities[i].population.t12.map((c: any) => [c.group, c.count.value]))
      const other = (n: number) => d.population[`t${n}`].find((c: any) => c.group === 'OTHER')?.count.value ?? 0
      for (const n of tops.slice(0, -1)) {
        // The group that leaves OTHER when N grows by one: OTHER(N) − OTHER(N+1), alone and averaged with its own published cell.
        const group = d.population[`t${n + 1}`][n].group
        const direct = d.population[`t${n + 1}`][n].count.value
        const remainder = other(n) - other(n + 1)
        const hidden = truth.get(group)!
        for (const estimate of [remainder, Math.round((remainder + direct) / 2)]) {
          attempts++
          if (estimate === hidden) exactHits++
          if (hidden <= 2) {
            smallAttempts++
            if (estimate === hidden) smallHits++
          }
        }
      }
    })
    // 18 districts × 11 values of N × 2 estimates (396 combinations); about a third come out right by chance, as
    // with any noisy guess, and the attacker cannot tell which.
    expect(attempts).toBe(18 * 11 * 2)
    expect(exactHits / attempts).toBeLessThan(0.6)
    expect(smallHits).toBeLessThan(smallAttempts)
    // Asking again, or as another aggregate-only role, gives the same values: nothing to average.
    expect((await entities(q, districtReps, COMMITTEE())).data).toEqual(pub.data)
    // The districts' births need not add up to the city's, and neither reveals the other.
    const births = await graphql(
      url,
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Year { movements { births { value } } } ... on District { movements(year: ${year}) { births { value } } } } }`,
      { r: [{ __typename: 'Year', year }, ...districtReps] },
      PUBLIC(),
    )
    const exactBirths = await sqlMap(
      `select 'x' as k, sum(n) as v from pop.movement where kind = 'BIRTH' and extract(year from month) = $1`,
      [year],
    )
    const [city, ...districts] = births.data._entities.map((e: any) => e.movements.births.value)
    expect(Math.abs(city - exactBirths.get('x')!)).toBeLessThanOrEqual(2)
    expect(Math.abs(districts.reduce((a: number, b: number) => a + b, 0) - exactBirths.get('x')!)).toBeLessThanOrEqual(2 * 18)
  })
})

describe('population record keys at the source', () => {
  // Both seed paths at reduced scale (one Stichtag, two districts), each in a database of its own.
  const stock = generateStock([2024])
  const some = (rows: typeof stock.main) => rows.filter(r => r.district_code === '07' || r.district_code === '11')

  async function withPopDatabase(fill: (db: ReturnType<typeof createDb>['db']) => Promise<void>, check: (sql: pg.Pool) => Promise<void>) {
    const database = await createDatabase(inject('adminUrl'), 'sg_pop_keys')
    const handle = createDb(database.url, { max: 2 })
    const client = new pg.Pool({ connectionString: database.url, max: 1 })
    try {
      await migrateSchema(handle.db, 'pop', migrations)
      await fill(handle.db)
      await check(client)
    } finally {
      await client.end()
      await handle.close()
      await database.drop()
    }
  }

  it("large: every stock row's key is the key sum of its persons, computed with the count", async () => {
    await withPopDatabase(
      db => seedMicrodata(db, some(stock.main), some(stock.secondary)),
      async client => {
        const {
          rows: [r],
        } = await client.query(`with persons as (
          select p.stichtag, b.basis, p.district_code, least(100, extract(year from p.stichtag)::int - p.birth_year) as age, p.sex,
            case when p.nationality in ('DEU', 'SYR', 'UKR', 'TUR', 'POL', 'ROU', 'BGR', 'IND', 'IDN', 'USA', 'ITA', 'AFG') then p.nationality else 'OTHER' end as grp,
            count(*)::int as n, sum(p.rkey) % 4294967296 as key
          from pop_micro.person_year p join (values ('REGISTER_MAIN'), ('REGISTER_ALL')) b(basis) on b.basis = 'REGISTER_ALL' or p.main_residence
          group by 1, 2, 3, 4, 5, 6)
        select count(*)::int as cells, count(*) filter (where s.n is distinct from c.n or s.rkey is distinct from c.key)::int as wrong,
          (select count(distinct rkey)::int from pop_micro.person_year) as distinct_keys, (select count(*)::int from pop_micro.person_year) as persons
        from persons c full join pop.stock s on s.stichtag = c.stichtag and s.basis = c.basis and s.district_code = c.district_code
          and s.age = c.age and s.sex = c.sex and s.nationality_group = c.grp`)
        expect(r.cells).toBeGreaterThan(1000)
        expect(r.wrong).toBe(0)
        expect(r.distinct_keys).toBeGreaterThan(r.persons * 0.999)
      },
    )
  })

  it("small: rows keyed by their primary key; a REGISTER_ALL row adds its secondary residents' key to its main residents' key", async () => {
    const main = some(stock.main)
    const secondary = some(stock.secondary)
    await withPopDatabase(
      db => insertStock(db, main, secondary),
      async client => {
        const { rows } =
          await client.query(`select m.rkey as main_key, a.rkey as all_key, m.n as main_n, a.n as all_n, a.age, a.sex, a.nationality_group, a.district_code
        from pop.stock a left join pop.stock m on m.basis = 'REGISTER_MAIN' and (m.stichtag, m.ags, m.district_code, m.age, m.sex, m.nationality_group)
          = (a.stichtag, a.ags, a.district_code, a.age, a.sex, a.nationality_group)
        where a.basis = 'REGISTER_ALL'`)
        const extra = new Map(secondary.map(r => [`${r.district_code}|${r.age}|${r.sex}|${r.nationality_group}`, r]))
        let same = 0
        let added = 0
        for (const r of rows) {
          const e = extra.get(`${r.district_code}|${r.age}|${r.sex}|${r.nationality_group}`)
          if (!e) {
            expect(r.all_key).toBe(r.main_key)
            expect(r.all_n).toBe(r.main_n)
            same++
            continue
          }
          // The same persons, the same key: without secondary residents the cell keeps its main residents' key.
          const secondaryKey = seededRecordKey(
            'pop.stock',
            e.stichtag,
            'SECONDARY',
            e.ags,
            e.district_code,
            e.age,
            e.sex,
            e.nationality_group,
          )
          expect(Number(r.all_key)).toBe(addKeys([Number(r.main_key ?? 0), secondaryKey]))
          added++
        }
        expect(same).toBeGreaterThan(500)
        expect(added).toBeGreaterThan(10)
        const {
          rows: [k],
        } = await client.query(`select count(*)::int as n, count(distinct rkey)::int as keys from pop.stock where basis = 'REGISTER_MAIN'`)
        expect(k.keys).toBeGreaterThan(k.n * 0.999)
      },
    )
  })

  it('gives rows inserted without a key a random one in [0, 2³²) and keeps it on update', async () => {
    await withPopDatabase(
      async () => {},
      async client => {
        await client.query(`insert into pop.movement (month, ags, district_code, kind, age_group, sex, nationality_group, n)
        select '2025-01-01', '07312000', '01', 'BIRTH', '0-17', s, 'DEU', 1 from unnest(array['M', 'W']) s`)
        const before = (await client.query(`select sex, rkey from pop.movement order by sex`)).rows
        expect(before.every(r => Number(r.rkey) >= 0 && Number(r.rkey) < 2 ** 32)).toBe(true)
        expect(before[0].rkey).not.toBe(before[1].rkey)
        await client.query(`update pop.movement set n = n + 1`)
        expect((await client.query(`select sex, rkey from pop.movement order by sex`)).rows).toEqual(before)
      },
    )
  })
})

describe('population derivations shared across requests (department cache on)', () => {
  const stock = generateStock([2024])
  const some = (rows: typeof stock.main) => rows.filter(r => r.district_code === '07' || r.district_code === '11')

  it('answers age groups and nationality tables like the uncached subgraph, for exact and aggregate-only callers, and sees a write', async () => {
    const database = await createDatabase(inject('adminUrl'), 'sg_pop_derived')
    const handle = createDb(database.url, { max: 2 })
    const client = new pg.Pool({ connectionString: database.url, max: 1 })
    let cached: RunningSubgraphs | undefined
    let uncached: RunningSubgraphs | undefined
    try {
      await migrateSchema(handle.db, 'pop', migrations)
      await insertStock(handle.db, some(stock.main), some(stock.secondary))
      cached = await startSubgraphs(database.url, ['population'], {
        cache: readCacheConfig({ CACHE: 'memory', CACHE_NAMESPACE: `derived-${process.pid}` }),
      })
      uncached = await startSubgraphs(database.url, ['population'])
      const at = (s: RunningSubgraphs) => s.byName.get('population')!.server.url
      const query = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on District { code
        population(year: 2024) { total { value status } foreigners { value status }
          functional: byAgeGroup(scheme: FUNCTIONAL) { group { label } count { value status flags } }
          five: byAgeGroup(scheme: FIVE_YEAR) { group { label } count { value status } }
          ten: byAgeGroup(scheme: TEN_YEAR) { group { label } count { value status } }
          top3: byNationality(top: 3) { group count { value status } }
          top5: byNationality(top: 5) { group count { value status } } } } } }`
      const reps = ['07', '11'].map(code => ({ __typename: 'District', ags: CITY_AGS, code }))
      const ask = async (s: RunningSubgraphs, headers: () => Record<string, string>) => {
        const res = await graphql(at(s), query, { r: reps }, headers())
        expect(res.errors).toBeUndefined()
        return res.data
      }
      // A fresh token per request (a department accepts each one once).
      const callers = [() => ({}), PUBLIC, COMMITTEE]
      const compare = async () => {
        const answers = []
        for (const headers of callers) {
          const expected = await ask(uncached!, headers)
          // Twice from the cached subgraph: the second answer comes from the shared derivations.
          expect(await ask(cached!, headers)).toEqual(expected)
          expect(await ask(cached!, headers)).toEqual(expected)
          answers.push(expected)
        }
        return answers
      }
      const before = await compare()
      // Exact and aggregate-only callers get different tables (perturbed values), so no derivation was shared between them.
      expect(before[1]).not.toEqual(before[0])

      // A write: 40 more persons aged 30 of the largest group in district 07; the department announces it (afterWrite).
      await client.query(
        `update pop.stock set n = n + 40 where district_code = '07' and age = 30 and sex = 'M' and nationality_group = 'DEU'`,
      )
      await client.query(`update pop.stock set n = n + 300 where district_code = '07' and nationality_group = 'POL'`)
      await cached.byName.get('population')!.server.cache.invalidate(['pop.stock'])
      const after = await compare()
      expect(after[0]).not.toEqual(before[0])
    } finally {
      await cached?.stop()
      await uncached?.stop()
      await client.end()
      await handle.close()
      await database.drop()
    }
  })
})
