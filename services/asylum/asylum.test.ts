import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import pg from 'pg'
import { CITY_AGS, DISTRICTS } from '../../lib/city.js'
import { graphql, internalHeaders, startSubgraphs, TEST_IDENTITY, type RunningSubgraphs } from '../../test/helpers/start-subgraphs.js'

let subgraphs: RunningSubgraphs
let url: string
const db = new pg.Pool({ connectionString: inject('cityDatabaseUrl'), max: 2 })
const ENTITIES = 'query ($r: [_Any!]!) { _entities(representations: $r) { __typename ... on Year { year } ... on District { code } ... on Accommodation { id } ... on Product { code } } }'

beforeAll(async () => {
  subgraphs = await startSubgraphs(inject('cityDatabaseUrl'), ['asylum'])
  url = subgraphs.byName.get('asylum')!.server.url
})
afterAll(async () => { await subgraphs.stop(); await db.end() })

async function rows<T = any>(text: string, values: unknown[] = []): Promise<T[]> {
  return (await db.query(text, values)).rows as T[]
}

/** Independent oracle: per open accommodation its latest figure ≤ day (lateral), arrivals counted over the 3 months before. */
async function expectedCapacity(day: string, districtCode?: string) {
  const [beds] = await rows<{ capacity: number; occupied: number }>(`
    select sum(o.capacity)::int as capacity, sum(o.occupied)::int as occupied
    from asy.accommodation a cross join lateral (
      select capacity, occupied from asy.occupancy where accommodation_id = a.id and day <= $1 order by day desc limit 1) o
    where a.opened <= $1 and (a.closed is null or a.closed > $1) and ($2::text is null or a.district_code = $2)`, [day, districtCode ?? null])
  const [y, m] = day.split('-').map(Number)
  const monthStart = (yy: number, mm: number) => new Date(Date.UTC(yy, mm - 1, 1)).toISOString().slice(0, 10)
  const [{ n }] = await rows<{ n: number }>(`
    select count(*)::int as n from asy.allocation al left join asy.accommodation a on a.id = al.first_accommodation_id
    where al.allocation_date >= $1 and al.allocation_date < $2 and ($3::text is null or a.district_code = $3)`,
  [monthStart(y, m - 3), monthStart(y, m), districtCode ?? null])
  return { ...beds, arrivals: n }
}

const STATUS = 'day capacity occupied free occupancyRate { value status } arrivalsPerMonth monthsOfHeadroom sufficient provenance { datasetId ownerDepartment stichtag }'

describe('asylum subgraph', () => {
  it('counts allocations per year, quarter and month exactly as the table holds them', async () => {
    const expected = await rows<{ year: number; n: number; ukr: number }>(`
      select extract(year from allocation_date)::int as year, count(*)::int as n, count(*) filter (where route = 'UKRAINE_24')::int as ukr
      from asy.allocation group by 1 order by 1`)
    const res = await graphql(url, `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Year { year
        y: allocations(grain: YEAR) { period count { value status } }
        q: allocations(grain: QUARTER) { period count { value } }
        m: allocations { period count { value } }
        ukr: allocations(grain: YEAR, route: [UKRAINE_24]) { count { value } } } } }`,
    { r: expected.map(e => ({ __typename: 'Year', year: e.year })) })
    expect(res.errors).toBeUndefined()
    const sum = (list: Array<{ count: { value: number } }>) => list.reduce((s, b) => s + b.count.value, 0)
    res.data._entities.forEach((y: any, i: number) => {
      expect(y.y).toEqual([{ period: String(expected[i].year), count: { value: expected[i].n, status: 'EXACT' } }])
      expect(sum(y.q)).toBe(expected[i].n)
      expect(sum(y.m)).toBe(expected[i].n)
      expect(y.ukr[0].count.value).toBe(expected[i].ukr)
    })
    const y2022 = res.data._entities.find((y: any) => y.year === 2022)
    // ≈ 1,750 taken in 2022 (≈ 1,550 Ukraine + ≈ 200 others) [V], Mar–May the peak.
    expect(y2022.y[0].count.value).toBeGreaterThan(1700)
    expect(y2022.y[0].count.value).toBeLessThan(1800)
    expect(y2022.q.map((b: any) => b.period)).toEqual(['2022-Q1', '2022-Q2', '2022-Q3', '2022-Q4'])
    expect(y2022.m).toHaveLength(12)
    const months = await rows<{ period: string; n: number }>(`
      select to_char(allocation_date, 'YYYY-MM') as period, count(*)::int as n from asy.allocation
      where allocation_date between '2022-01-01' and '2022-12-31' group by 1`)
    for (const b of y2022.m) expect(b.count.value).toBe(months.find(m => m.period === b.period)?.n ?? 0)
    const peak = Math.max(...y2022.m.map((b: any) => b.count.value))
    expect(['2022-03', '2022-04', '2022-05']).toContain(y2022.m.find((b: any) => b.count.value === peak).period)
  })

  it('lists the top countries of origin per month like SQL does', async () => {
    const counts = await rows<{ period: string; country: string; n: number }>(`
      select to_char(allocation_date, 'YYYY-MM') as period, country_of_origin as country, count(*)::int as n
      from asy.allocation where extract(year from allocation_date) = 2015 group by 1, 2`)
    subgraphs.resetStatements()
    const res = await graphql(url, `{ _entities(representations: [{ __typename: "Year", year: 2015 }]) { ... on Year {
      allocations(grain: MONTH) { period byOrigin { country { code } count { value } } top3: byOrigin(top: 3) { country { code } } } } } }`)
    expect(res.errors).toBeUndefined()
    const buckets = res.data._entities[0].allocations
    expect(buckets).toHaveLength(12)
    for (const b of buckets) {
      const top5 = counts.filter(c => c.period === b.period).sort((x, y) => y.n - x.n || x.country.localeCompare(y.country)).slice(0, 5)
      expect(b.byOrigin).toEqual(top5.map(c => ({ country: { code: c.country }, count: { value: c.n } })))
      expect(b.top3).toEqual(top5.slice(0, 3).map(c => ({ country: { code: c.country } })))
    }
    expect(buckets[9].byOrigin[0].country.code).toBe('SYR')
    // Buckets once, then one statement per distinct `top` for all twelve months.
    expect(subgraphs.statements().asylum).toBe(3)
  })

  it.each([
    ['2019-03-15', (rate: number) => rate > 0.6 && rate < 0.75],
    ['2022-12-15', (rate: number) => rate >= 0.95],
  ])('reports capacity, occupancy and headroom on %s as SQL computes them', async (day, plausible) => {
    const expected = await expectedCapacity(day)
    const res = await graphql(url, `query ($day: Date!) { asylumCapacity(day: $day) { ${STATUS} } }`, { day })
    expect(res.errors).toBeUndefined()
    const s = res.data.asylumCapacity
    expect(s).toMatchObject({ day, capacity: expected.capacity, occupied: expected.occupied, free: expected.capacity - expected.occupied })
    expect(s.occupancyRate.value).toBeCloseTo(expected.occupied / expected.capacity, 4)
    expect(plausible(s.occupancyRate.value)).toBe(true)
    expect(s.arrivalsPerMonth).toBeCloseTo(expected.arrivals / 3, 2)
    if (expected.arrivals === 0) expect(s.monthsOfHeadroom).toBeNull()
    else expect(s.monthsOfHeadroom).toBeCloseTo(s.free / (expected.arrivals / 3), 1)
    expect(s.sufficient).toBe(s.free >= expected.arrivals)
    expect(s.provenance).toMatchObject({ datasetId: 'asy.occupancy', ownerDepartment: 'Referat Soziales / Stabsstelle Asyl und Integration' })
  })

  it('gives each year its status at 31.12. or at the last data day, and counts cases on product 313 only', async () => {
    const [{ stichtag }] = await rows<{ stichtag: string }>(`select stichtag::text from asy.dataset where id = 'asy.occupancy'`)
    const lastYear = Number(stichtag.slice(0, 4))
    const res = await graphql(url, ENTITIES.replace('... on Product { code }', `... on Product { code asylumCaseCount(year: 2022) { value } }
      ... on Year { asylumCapacity { day capacity occupied } }`), {
      r: [{ __typename: 'Year', year: 2019 }, { __typename: 'Year', year: lastYear }, { __typename: 'Product', code: '313' }, { __typename: 'Product', code: '111' }],
    })
    expect(res.errors).toBeUndefined()
    const [y2019, yLast, p313, p111] = res.data._entities
    const e2019 = await expectedCapacity('2019-12-31')
    expect(y2019.asylumCapacity).toEqual({ day: '2019-12-31', capacity: e2019.capacity, occupied: e2019.occupied })
    expect(yLast.asylumCapacity.day).toBe(stichtag)
    const [{ n }] = await rows<{ n: number }>(`select count(*)::int as n from asy.allocation where allocation_date between '2022-01-01' and '2022-12-31'`)
    expect(p313.asylumCaseCount).toEqual({ value: n })
    expect(p111.asylumCaseCount).toBeNull()
  })

  it('serves accommodations with their month-end Belegung', async () => {
    const [asternweg] = await rows(`select o.* from asy.occupancy o where accommodation_id = 'ACC-ASTERNWEG' and day <= '2019-03-15' order by day desc limit 1`)
    const series = await rows(`select day::text from asy.occupancy where accommodation_id = 'ACC-ASTERNWEG' and day between '2019-01-01' and '2019-12-31' order by day`)
    const res = await graphql(url, `{
      a: accommodation(id: "ACC-ASTERNWEG") { name kind capacity district { ags code } opened closed
        occupancy(day: "2019-03-15") { day occupied { value } capacity free rate { value } recognisedResidents { value } provenance { datasetId } }
        occupancySeries(from: "2019-01-01", to: "2019-12-31") { day } }
      thw: accommodation(id: "ACC-THW-HALLE") { closed before: occupancy(day: "2019-05-31") { day } after: occupancy(day: "2020-01-15") { day } }
      active2022: accommodations(activeOn: "2022-12-15") { id }
      west: accommodations(districtCode: "09") { id district { code } }
      unknown: accommodation(id: "ACC-NOWHERE") { id } }`)
    expect(res.errors).toBeUndefined()
    const a = res.data.a
    expect(a).toMatchObject({ name: 'Asternweg I+II', kind: 'GU', district: { ags: CITY_AGS, code: '05' }, closed: null })
    expect(a.occupancy).toEqual({
      day: asternweg.day, occupied: { value: asternweg.occupied }, capacity: asternweg.capacity, free: asternweg.capacity - asternweg.occupied,
      rate: { value: Math.round((asternweg.occupied / asternweg.capacity) * 1e4) / 1e4 }, recognisedResidents: { value: asternweg.of_which_recognised },
      provenance: { datasetId: 'asy.occupancy' },
    })
    expect(a.occupancySeries.map((o: { day: string }) => o.day)).toEqual(series.map(s => s.day))
    expect(res.data.thw).toEqual({ closed: '2019-06-30', before: { day: '2019-05-31' }, after: null })
    const active = await rows(`select id from asy.accommodation where opened <= '2022-12-15' and (closed is null or closed > '2022-12-15') order by id`)
    expect(res.data.active2022.map((x: { id: string }) => x.id)).toEqual(active.map(x => x.id))
    expect(res.data.west.length).toBeGreaterThan(0)
    expect(res.data.west.every((x: any) => x.district.code === '09')).toBe(true)
    expect(res.data.unknown).toBeNull()
  })

  it('resolves 18 districts with accommodations, occupancy and capacity in one statement per field family', async () => {
    const day = '2022-12-15'
    const expected = await rows<{ code: string; ids: string[] }>(`
      select district_code as code, array_agg(id order by id) as ids from asy.accommodation
      where opened <= $1 and (closed is null or closed > $1) group by 1`, [day])
    const representations = DISTRICTS.map(d => ({ __typename: 'District', ags: CITY_AGS, code: d.code }))
    subgraphs.resetStatements()
    const res = await graphql(url, `query ($r: [_Any!]!, $day: Date!) { _entities(representations: $r) { ... on District { code
      accommodations(activeOn: $day) { id occupancy(day: $day) { occupied { value } } } } } }`, { r: representations, day })
    expect(res.errors).toBeUndefined()
    expect(subgraphs.statements().asylum).toBeLessThanOrEqual(2)
    for (const d of res.data._entities) {
      expect(d.accommodations.map((a: { id: string }) => a.id)).toEqual(expected.find(e => e.code === d.code)?.ids ?? [])
    }
    const total = res.data._entities.flatMap((d: any) => d.accommodations).reduce((s: number, a: any) => s + a.occupancy.occupied.value, 0)
    expect(total).toBe((await expectedCapacity(day)).occupied)

    subgraphs.resetStatements()
    const caps = await graphql(url, `query ($r: [_Any!]!) { _entities(representations: $r) { ... on District { code asylumCapacity(day: "${day}") { capacity occupied arrivalsPerMonth } } } }`,
      { r: representations })
    expect(caps.errors).toBeUndefined()
    expect(subgraphs.statements().asylum).toBe(1)
    for (const d of caps.data._entities) {
      const e = await expectedCapacity(day, d.code)
      if (e.capacity === null) expect(d.asylumCapacity).toBeNull()
      else expect(d.asylumCapacity).toMatchObject({ capacity: e.capacity, occupied: e.occupied, arrivalsPerMonth: Math.round((e.arrivals / 3) * 100) / 100 })
    }
  })

  it('resolves accommodation representations in one statement and unknown ids to null', async () => {
    const ids = (await rows<{ id: string }>('select id from asy.accommodation order by id')).map(r => r.id)
    subgraphs.resetStatements()
    const res = await graphql(url, `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Accommodation { id name } } }`,
      { r: [...ids, 'ACC-UNKNOWN'].map(id => ({ __typename: 'Accommodation', id })) })
    expect(res.errors).toBeUndefined()
    expect(res.data._entities.slice(0, ids.length).map((a: { id: string }) => a.id)).toEqual(ids)
    expect(res.data._entities[ids.length]).toBeNull()
    expect(subgraphs.statements().asylum).toBe(1)
  })

  it.each([
    ['a malformed date', 'query ($d: Date!) { asylumCapacity(day: $d) { day } }', { d: '2022-13-01' }, /YYYY-MM-DD/],
    ['year 1700', '{ _entities(representations: [{ __typename: "Product", code: "313" }]) { ... on Product { asylumCaseCount(year: 1700) { value } } } }', {}, /between 1950 and 2100/],
    ['from after to', '{ accommodation(id: "ACC-ASTERNWEG") { occupancySeries(from: "2020-01-01", to: "2019-01-01") { day } } }', {}, /must not be after/],
    ['a malformed district code', '{ accommodations(districtCode: "5") { id } }', {}, /two-digit district number/],
    ['top 0', '{ _entities(representations: [{ __typename: "Year", year: 2022 }]) { ... on Year { allocations(grain: YEAR) { byOrigin(top: 0) { count { value } } } } } }', {}, /"top" must be an integer/],
  ])('rejects %s with BAD_USER_INPUT', async (_, query, variables, message) => {
    const res = await graphql(url, query, variables)
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT')
    expect(res.errors?.[0].message).toMatch(message)
    expect(JSON.stringify(res)).not.toMatch(/stacktrace|at .*\.ts:/)
  })

  it('classifies person-level records as personal (religion as special) and serves rows only to its own staff', async () => {
    const res = await graphql(url, '{ _service { sdl } }')
    const sdl: string = res.data._service.sdl
    expect(sdl).toMatch(/allocationRecords\(.*\): \[AllocationRecord!\] @requiresScopes\(scopes: \[\["personal"\], \["asylum:personal"\]\]\)/)
    expect(sdl).toMatch(/religion: String @requiresScopes\(scopes: \[\["special"\], \["asylum:special"\]\]\)/)
    const query = '{ allocationRecords(from: "2022-03-01", to: "2022-03-31", first: 5) { id allocationDate route countryOfOrigin { code } religion } }'
    const { rows } = await db.query(`select id::text, allocation_date from asy.allocation where allocation_date between '2022-03-01' and '2022-03-31'
      order by allocation_date, id limit 5`)
    const own = await graphql(url, query, undefined, internalHeaders('asylum', { ...TEST_IDENTITY, roles: ['staff'], department: 'asylum' }))
    expect(own.errors).toBeUndefined()
    expect(own.data.allocationRecords.map((r: { id: string }) => r.id)).toEqual(rows.map(r => r.id))
    const other = await graphql(url, query, undefined, internalHeaders('asylum', { ...TEST_IDENTITY, roles: ['staff'], department: 'finance' }))
    expect(other.data.allocationRecords).toEqual([])
    const tooMany = await graphql(url, '{ allocationRecords(from: "2022-01-01", to: "2022-12-31", first: 5000) { id } }')
    expect(tooMany.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT')
  })
})
