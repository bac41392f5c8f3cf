import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import pg from 'pg'
import { CITY_AGS, CITY_POPULATION, DISTRICTS, REFERENCE_DATE, profileYears } from '../../lib/city.js'
import { graphql, startSubgraphs, type RunningSubgraphs } from '../../test/helpers/start-subgraphs.js'

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

const entities = (selection: string, reps: unknown[]) =>
  graphql(url, `query ($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`, { r: reps })

beforeAll(async () => {
  subgraphs = await startSubgraphs(inject('cityDatabaseUrl'), ['population'])
  url = subgraphs.byName.get('population')!.server.url
})
afterAll(async () => { await subgraphs.stop(); await db.end() })

describe('population subgraph', () => {
  it('seeds district stocks that sum exactly to the city total of every year', async () => {
    const sums = await sqlMap(`select extract(year from stichtag)::int as k, sum(n) as v from pop.stock where basis = 'REGISTER_MAIN' group by 1`)
    for (const y of years) expect(sums.get(String(y))).toBe(CITY_POPULATION[y])
    const res = await entities('... on Year { year residents population(basis: REGISTER_MAIN) { value status } }', years.map(year => ({ __typename: 'Year', year })))
    expect(res.errors).toBeUndefined()
    for (const [i, y] of years.entries()) {
      expect(res.data._entities[i].residents).toBe(CITY_POPULATION[y])
      expect(res.data._entities[i].population.value).toBe(CITY_POPULATION[y])
    }
    // REGISTER_ALL adds secondary residences on top of every district's main residents.
    const all = await sqlMap(`select district_code || '|' || stichtag as k, sum(n) filter (where basis = 'REGISTER_ALL') - sum(n) filter (where basis = 'REGISTER_MAIN') as v from pop.stock group by 1`)
    expect([...all.values()].every(v => v >= 0)).toBe(true)
  })

  it('answers a district stock with sex, age groups, nationalities and mean age that match SQL', async () => {
    const year = lastFullYear
    const res = await entities(`... on District { code population(year: ${year}) {
        stichtag basis total { value status } bySex { sex count { value } } foreigners { value } foreignerShare { value unit } meanAge { value unit }
        functional: byAgeGroup { group { from to label } count { value } } ten: byAgeGroup(scheme: TEN_YEAR) { count { value } }
        five: byAgeGroup(scheme: FIVE_YEAR) { count { value } } byNationality(top: 3) { group country { code } count { value } }
        provenance { stichtag ownerDepartment datasetId } } }`, [districtReps[6]])
    expect(res.errors).toBeUndefined()
    const p = res.data._entities[0].population
    const { rows: [o] } = await db.query(`select sum(n)::int as total, sum(n) filter (where nationality_group <> 'DEU')::int as foreigners,
        round(sum(n * (age + 0.5)) / sum(n), 1)::float8 as mean_age,
        sum(n) filter (where age between 19 and 24)::int as students, sum(n) filter (where age >= 80)::int as old
      from pop.stock where stichtag = $1 and basis = 'REGISTER_MAIN' and district_code = '07'`, [`${year}-12-31`])
    expect(p).toMatchObject({ stichtag: `${year}-12-31`, basis: 'REGISTER_MAIN', total: { value: o.total, status: 'EXACT' }, foreigners: { value: o.foreigners } })
    expect(p.foreignerShare.value).toBeCloseTo(o.foreigners / o.total, 4)
    expect(p.meanAge).toEqual({ value: o.mean_age, unit: 'years' })
    const sum = (list: Array<{ count: { value: number } }>) => list.reduce((a, x) => a + x.count.value, 0)
    for (const list of [p.bySex, p.functional, p.ten, p.five, p.byNationality]) expect(sum(list)).toBe(o.total)
    expect(p.functional.map((g: { group: { label: string } }) => g.group.label)).toEqual(['0–2', '3–5', '6–9', '10–15', '16–18', '19–24', '25–44', '45–64', '65–79', '80+'])
    expect(p.functional[5].count.value).toBe(o.students)
    expect(p.functional[9]).toMatchObject({ group: { from: 80, to: null }, count: { value: o.old } })
    expect(p.byNationality).toHaveLength(4)
    expect(p.byNationality[3]).toMatchObject({ group: 'OTHER', country: null })
    expect(p.byNationality[0]).toMatchObject({ group: 'DEU', country: { code: 'DEU' } })
    expect(p.provenance).toMatchObject({ stichtag: `${year}-12-31`, datasetId: 'pop.stock', ownerDepartment: expect.stringContaining('Statistik') })
  })

  it('counts cohorts like SQL and marks years without data NOT_AVAILABLE', async () => {
    const year = lastFullYear
    const expected = await sqlMap(`select district_code as k, sum(n) as v from pop.stock
      where stichtag = $1 and basis = 'REGISTER_MAIN' and age between 0 and 2 group by 1`, [`${year}-12-31`])
    const res = await entities(`... on District { code u3: cohort(ageFrom: 0, ageTo: 2, year: ${year}) { value status }
      old: cohort(ageFrom: 100, ageTo: 100, year: ${year}) { value status } none: cohort(ageFrom: 0, ageTo: 5, year: 2014) { value status } }`, districtReps)
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
    const internal = await sqlMap(`select extract(year from month) as k, sum(n) filter (where kind = 'IN_INTERNAL') - sum(n) filter (where kind = 'OUT_INTERNAL') as v from pop.movement group by 1`)
    expect([...internal.values()].every(v => v === 0)).toBe(true)

    const year = balanced[balanced.length - 1]
    const kinds = await sqlMap(`select kind as k, sum(n) as v from pop.movement where extract(year from month) = $1 group by 1`, [year])
    const res = await graphql(url, `query ($r: [_Any!]!) { _entities(representations: $r) {
        ... on Year { movements { births { value } deaths { value } inMoves { value } outMoves { value } netMigration { value } naturalBalance { value status flags } provenance { stichtag } } }
        ... on District { code movements(year: ${year}) { inMoves { value } } } } }`, { r: [{ __typename: 'Year', year }, districtReps[0]] })
    expect(res.errors).toBeUndefined()
    const city = res.data._entities[0].movements
    expect(city.births.value).toBe(kinds.get('BIRTH'))
    expect(city.births.value).toBeGreaterThan(850)
    expect(city.deaths.value).toBeGreaterThan(city.births.value)
    expect(city.inMoves.value).toBe(kinds.get('IN_EXTERNAL'))
    expect(city.netMigration.value).toBe(kinds.get('IN_EXTERNAL')! - kinds.get('OUT_EXTERNAL')!)
    expect(city.naturalBalance).toEqual({ value: kinds.get('BIRTH')! - kinds.get('DEATH')!, status: 'EXACT', flags: [] })
    expect(city.provenance.stichtag).toBe(`${year}-12-31`)
    const inner = await sqlMap(`select 'x' as k, sum(n) as v from pop.movement where extract(year from month) = $1 and district_code = '01' and kind in ('IN_EXTERNAL', 'IN_INTERNAL')`, [year])
    expect(res.data._entities[1].movements.inMoves.value).toBe(inner.get('x'))
  })

  it('serves official totals for the city and its peers, and null for unknown keys', async () => {
    const official = await sqlMap(`select ags || '|' || basis as k, total as v from pop.official_total where extract(year from stichtag) = 2023`)
    const res = await graphql(url, `query ($r: [_Any!]!) { _entities(representations: $r) {
        ... on Municipality { ags officialPopulation(year: 2023) { value status } }
        ... on Year { year population { value } census: population(basis: CENSUS) { value } }
        ... on District { code population(year: 2023) { total { value } } movements(year: 2040) { births { value } } } } }`, {
      r: [{ __typename: 'Municipality', ags: CITY_AGS }, { __typename: 'Municipality', ags: '07315000' }, { __typename: 'Municipality', ags: '09162000' },
        { __typename: 'Year', year: 2022 }, { __typename: 'Year', year: 2014 }, { __typename: 'District', ags: CITY_AGS, code: '77' }],
    })
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

  it('loads 18 districts with stock, age groups and nationalities in a handful of statements (no N+1)', async () => {
    subgraphs.resetStatements()
    const res = await entities(`... on District { code residents population(year: ${lastFullYear}) { total { value } byAgeGroup { count { value } } byNationality { group count { value } } } }`, districtReps)
    expect(res.errors).toBeUndefined()
    expect(res.data._entities).toHaveLength(18)
    expect(subgraphs.statements().population).toBeLessThanOrEqual(4)
    const totals = await sqlMap(`select district_code as k, sum(n) as v from pop.stock where stichtag = $1 and basis = 'REGISTER_MAIN' group by 1`, [`${lastFullYear}-12-31`])
    for (const d of res.data._entities) {
      expect(d.population.total.value).toBe(totals.get(d.code))
      expect(d.residents).toBe(totals.get(d.code))
    }
    subgraphs.resetStatements()
    const series = await entities(`... on District { populationSeries(from: ${years[0]}, to: ${years[years.length - 1]}) { stichtag total { value flags } } }`, districtReps)
    expect(series.errors).toBeUndefined()
    expect(subgraphs.statements().population).toBe(1)
    const lastStock = series.data._entities[0].populationSeries.at(-1)
    expect(lastStock.total.flags).toEqual(lastStock.stichtag > REFERENCE_DATE ? ['ESTIMATED'] : [])
  })

  it('keeps small cells at district × nationality level for disclosure tests (invariant 7)', async () => {
    const { rows: [r] } = await db.query(`select count(*)::int as small from (select sum(n) as n from pop.stock
      where basis = 'REGISTER_MAIN' group by stichtag, district_code, nationality_group) c where n between 1 and 2`)
    expect(r.small).toBeGreaterThanOrEqual(years.length > 3 ? 50 : 5)
  })
})
