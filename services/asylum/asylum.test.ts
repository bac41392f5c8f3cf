import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import pg from 'pg'
import { CITY_AGS, DISTRICTS } from '../../platform/city.js'
import { graphql, internalHeaders, startSubgraphs, TEST_IDENTITY, type RunningSubgraphs } from '../../test/helpers/start-subgraphs.js'
import { createDatabase } from '../../test/helpers/test-database.js'
import { createDb } from '../../platform/db/create-db.js'
import { prepareDatabase } from '../../lib/service/prepare-database.js'
import { loadServices } from '../../lib/service/discover-services.js'
import { KL_CKM_2, perturbCount } from '../../lib/disclosure/perturbation-table.js'
import { cellKeyOf, seededRecordKey } from '../../lib/disclosure/cell-key.js'

let subgraphs: RunningSubgraphs
let url: string
const db = new pg.Pool({ connectionString: inject('cityDatabaseUrl'), max: 2 })
const ENTITIES =
  'query ($r: [_Any!]!) { _entities(representations: $r) { __typename ... on Year { year } ... on District { code } ... on Accommodation { id } ... on Product { code } } }'

beforeAll(async () => {
  subgraphs = await startSubgraphs(inject('cityDatabaseUrl'), ['asylum'])
  url = subgraphs.byName.get('asylum')!.server.url
})
afterAll(async () => {
  await subgraphs.stop()
  await db.end()
})

async function rows<T = any>(text: string, values: unknown[] = []): Promise<T[]> {
  return (await db.query(text, values)).rows as T[]
}

/** Independent oracle: per open accommodation its latest figure ≤ day (lateral), arrivals counted over the 3 months before. */
async function expectedCapacity(day: string, districtCode?: string) {
  const [beds] = await rows<{ capacity: number; occupied: number }>(
    `
    select sum(o.capacity)::int as capacity, sum(o.occupied)::int as occupied
    from asy.accommodation a cross join lateral (
      select capacity, occupied from asy.occupancy where accommodation_id = a.id and day <= $1 order by day desc limit 1) o
    where a.opened <= $1 and (a.closed is null or a.closed > $1) and ($2::text is null or a.district_code = $2)`,
    [day, districtCode ?? null],
  )
  const [y, m] = day.split('-').map(Number)
  const monthStart = (yy: number, mm: number) => new Date(Date.UTC(yy, mm - 1, 1)).toISOString().slice(0, 10)
  const [{ n }] = await rows<{ n: number }>(
    `
    select count(*)::int as n from asy.allocation al left join asy.accommodation a on a.id = al.first_accommodation_id
    where al.allocation_date >= $1 and al.allocation_date < $2 and ($3::text is null or a.district_code = $3)`,
    [monthStart(y, m - 3), monthStart(y, m), districtCode ?? null],
  )
  return { ...beds, arrivals: n }
}

const STATUS =
  'day capacity occupied free occupancyRate { value status } arrivalsPerMonth monthsOfHeadroom sufficient provenance { datasetId ownerDepartment stichtag }'

describe('asylum subgraph', () => {
  it('counts allocations per year, quarter and month exactly as the table holds them', async () => {
    const expected = await rows<{ year: number; n: number; ukr: number }>(`
      select extract(year from allocation_date)::int as year, count(*)::int as n, count(*) filter (where route = 'UKRAINE_24')::int as ukr
      from asy.allocation group by 1 order by 1`)
    const res = await graphql(
      url,
      `
        query ($r: [_Any!]!) {
          _entities(representations: $r) {
            ... on Year {
              year
              y: allocations(grain: YEAR) {
                period
                count {
                  value
                  status
                }
              }
              q: allocations(grain: QUARTER) {
                period
                count {
                  value
                }
              }
              m: allocations {
                period
                count {
                  value
                }
              }
              ukr: allocations(grain: YEAR, route: [UKRAINE_24]) {
                count {
                  value
                }
              }
            }
          }
        }
      `,
      { r: expected.map(e => ({ __typename: 'Year', year: e.year })) },
    )
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
    const res = await graphql(
      url,
      `
        {
          _entities(representations: [{ __typename: "Year", year: 2015 }]) {
            ... on Year {
              allocations(grain: MONTH) {
                period
                byOrigin {
                  country {
                    code
                  }
                  count {
                    value
                  }
                }
                top3: byOrigin(top: 3) {
                  country {
                    code
                  }
                }
              }
            }
          }
        }
      `,
    )
    expect(res.errors).toBeUndefined()
    const buckets = res.data._entities[0].allocations
    expect(buckets).toHaveLength(12)
    for (const b of buckets) {
      const top5 = counts
        .filter(c => c.period === b.period)
        .sort((x, y) => y.n - x.n || x.country.localeCompare(y.country))
        .slice(0, 5)
      expect(b.byOrigin).toEqual(top5.map(c => ({ country: { code: c.country }, count: { value: c.n } })))
      expect(b.top3).toEqual(top5.slice(0, 3).map(c => ({ country: { code: c.country } })))
    }
    expect(buckets[9].byOrigin[0].country.code).toBe('SYR')
    // Buckets once, then one statement for the countries of all twelve months (ranked and cut per `top` in the resolver).
    expect(subgraphs.statements().asylum).toBe(2)
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
    expect(s.provenance).toMatchObject({
      datasetId: 'asy.occupancy',
      ownerDepartment: 'Referat Soziales / Stabsstelle Asyl und Integration',
    })
  })

  it('gives each year its status at 31.12. or at the last data day, and counts cases on product 313 only', async () => {
    const [{ stichtag }] = await rows<{ stichtag: string }>(`select stichtag::text from asy.dataset where id = 'asy.occupancy'`)
    const lastYear = Number(stichtag.slice(0, 4))
    const res = await graphql(
      url,
      ENTITIES.replace(
        '... on Product { code }',
        `... on Product { code asylumCaseCount(year: 2022) { value } }
      ... on Year { asylumCapacity { day capacity occupied } }`,
      ),
      {
        r: [
          { __typename: 'Year', year: 2019 },
          { __typename: 'Year', year: lastYear },
          { __typename: 'Product', code: '313' },
          { __typename: 'Product', code: '111' },
        ],
      },
    )
    expect(res.errors).toBeUndefined()
    const [y2019, yLast, p313, p111] = res.data._entities
    const e2019 = await expectedCapacity('2019-12-31')
    expect(y2019.asylumCapacity).toEqual({ day: '2019-12-31', capacity: e2019.capacity, occupied: e2019.occupied })
    expect(yLast.asylumCapacity.day).toBe(stichtag)
    const [{ n }] = await rows<{ n: number }>(
      `select count(*)::int as n from asy.allocation where allocation_date between '2022-01-01' and '2022-12-31'`,
    )
    expect(p313.asylumCaseCount).toEqual({ value: n })
    expect(p111.asylumCaseCount).toBeNull()
  })

  it('serves accommodations with their month-end Belegung', async () => {
    const [asternweg] = await rows(
      `select o.* from asy.occupancy o where accommodation_id = 'ACC-ASTERNWEG' and day <= '2019-03-15' order by day desc limit 1`,
    )
    const series = await rows(
      `select day::text from asy.occupancy where accommodation_id = 'ACC-ASTERNWEG' and day between '2019-01-01' and '2019-12-31' order by day`,
    )
    const res = await graphql(
      url,
      `
        {
          a: accommodation(id: "ACC-ASTERNWEG") {
            name
            kind
            capacity
            district {
              ags
              code
            }
            opened
            closed
            occupancy(day: "2019-03-15") {
              day
              occupied {
                value
              }
              capacity
              free
              rate {
                value
              }
              recognisedResidents {
                value
              }
              provenance {
                datasetId
              }
            }
            occupancySeries(from: "2019-01-01", to: "2019-12-31") {
              day
            }
          }
          thw: accommodation(id: "ACC-THW-HALLE") {
            closed
            before: occupancy(day: "2019-05-31") {
              day
            }
            after: occupancy(day: "2020-01-15") {
              day
            }
          }
          active2022: accommodations(activeOn: "2022-12-15") {
            id
          }
          west: accommodations(districtCode: "09") {
            id
            district {
              code
            }
          }
          unknown: accommodation(id: "ACC-NOWHERE") {
            id
          }
        }
      `,
    )
    expect(res.errors).toBeUndefined()
    const a = res.data.a
    expect(a).toMatchObject({ name: 'Asternweg I+II', kind: 'GU', district: { ags: CITY_AGS, code: '05' }, closed: null })
    expect(a.occupancy).toEqual({
      day: asternweg.day,
      occupied: { value: asternweg.occupied },
      capacity: asternweg.capacity,
      free: asternweg.capacity - asternweg.occupied,
      rate: { value: Math.round((asternweg.occupied / asternweg.capacity) * 1e4) / 1e4 },
      recognisedResidents: { value: asternweg.of_which_recognised },
      provenance: { datasetId: 'asy.occupancy' },
    })
    expect(a.occupancySeries.map((o: { day: string }) => o.day)).toEqual(series.map(s => s.day))
    expect(res.data.thw).toEqual({ closed: '2019-06-30', before: { day: '2019-05-31' }, after: null })
    const active = await rows(
      `select id from asy.accommodation where opened <= '2022-12-15' and (closed is null or closed > '2022-12-15') order by id`,
    )
    expect(res.data.active2022.map((x: { id: string }) => x.id)).toEqual(active.map(x => x.id))
    expect(res.data.west.length).toBeGreaterThan(0)
    expect(res.data.west.every((x: any) => x.district.code === '09')).toBe(true)
    expect(res.data.unknown).toBeNull()
  })

  it('resolves 18 districts with accommodations, occupancy and capacity in one statement per field family', async () => {
    const day = '2022-12-15'
    const expected = await rows<{ code: string; ids: string[] }>(
      `
      select district_code as code, array_agg(id order by id) as ids from asy.accommodation
      where opened <= $1 and (closed is null or closed > $1) group by 1`,
      [day],
    )
    const representations = DISTRICTS.map(d => ({ __typename: 'District', ags: CITY_AGS, code: d.code }))
    subgraphs.resetStatements()
    const res = await graphql(
      url,
      `
        query ($r: [_Any!]!, $day: Date!) {
          _entities(representations: $r) {
            ... on District {
              code
              accommodations(activeOn: $day) {
                id
                occupancy(day: $day) {
                  occupied {
                    value
                  }
                }
              }
            }
          }
        }
      `,
      { r: representations, day },
    )
    expect(res.errors).toBeUndefined()
    expect(subgraphs.statements().asylum).toBeLessThanOrEqual(2)
    for (const d of res.data._entities) {
      expect(d.accommodations.map((a: { id: string }) => a.id)).toEqual(expected.find(e => e.code === d.code)?.ids ?? [])
    }
    const total = res.data._entities.flatMap((d: any) => d.accommodations).reduce((s: number, a: any) => s + a.occupancy.occupied.value, 0)
    expect(total).toBe((await expectedCapacity(day)).occupied)

    subgraphs.resetStatements()
    const caps = await graphql(
      url,
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on District { code asylumCapacity(day: "${day}") { capacity occupied arrivalsPerMonth } } } }`,
      { r: representations },
    )
    expect(caps.errors).toBeUndefined()
    expect(subgraphs.statements().asylum).toBe(1)
    for (const d of caps.data._entities) {
      const e = await expectedCapacity(day, d.code)
      if (e.capacity === null) expect(d.asylumCapacity).toBeNull()
      else
        expect(d.asylumCapacity).toMatchObject({
          capacity: e.capacity,
          occupied: e.occupied,
          arrivalsPerMonth: Math.round((e.arrivals / 3) * 100) / 100,
        })
    }
  })

  it('resolves accommodation representations in one statement and unknown ids to null', async () => {
    const ids = (await rows<{ id: string }>('select id from asy.accommodation order by id')).map(r => r.id)
    subgraphs.resetStatements()
    const res = await graphql(
      url,
      `
        query ($r: [_Any!]!) {
          _entities(representations: $r) {
            ... on Accommodation {
              id
              name
            }
          }
        }
      `,
      { r: [...ids, 'ACC-UNKNOWN'].map(id => ({ __typename: 'Accommodation', id })) },
    )
    expect(res.errors).toBeUndefined()
    expect(res.data._entities.slice(0, ids.length).map((a: { id: string }) => a.id)).toEqual(ids)
    expect(res.data._entities[ids.length]).toBeNull()
    expect(subgraphs.statements().asylum).toBe(1)
  })

  it.each([
    ['a malformed date', 'query ($d: Date!) { asylumCapacity(day: $d) { day } }', { d: '2022-13-01' }, /YYYY-MM-DD/],
    [
      'year 1700',
      '{ _entities(representations: [{ __typename: "Product", code: "313" }]) { ... on Product { asylumCaseCount(year: 1700) { value } } } }',
      {},
      /between 1950 and 2100/,
    ],
    [
      'from after to',
      '{ accommodation(id: "ACC-ASTERNWEG") { occupancySeries(from: "2020-01-01", to: "2019-01-01") { day } } }',
      {},
      /must not be after/,
    ],
    ['a malformed district code', '{ accommodations(districtCode: "5") { id } }', {}, /two-digit district number/],
    [
      'top 0',
      '{ _entities(representations: [{ __typename: "Year", year: 2022 }]) { ... on Year { allocations(grain: YEAR) { byOrigin(top: 0) { count { value } } } } } }',
      {},
      /"top" must be an integer/,
    ],
  ])('rejects %s with BAD_USER_INPUT', async (_, query, variables, message) => {
    const res = await graphql(url, query, variables)
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT')
    expect(res.errors?.[0].message).toMatch(message)
    expect(JSON.stringify(res)).not.toMatch(/stacktrace|at .*\.ts:/)
  })

  it('classifies person-level records as personal (religion as special) and serves rows only to its own staff', async () => {
    const res = await graphql(url, '{ _service { sdl } }')
    const sdl: string = res.data._service.sdl
    expect(sdl).toMatch(
      /allocationRecords\(.*\): \[AllocationRecord!\] @requiresScopes\(scopes: \[\["personal"\], \["asylum:personal"\]\]\)/,
    )
    expect(sdl).toMatch(/religion: String @requiresScopes\(scopes: \[\["special"\], \["asylum:special"\]\]\)/)
    const query =
      '{ allocationRecords(from: "2022-03-01", to: "2022-03-31", first: 5) { id allocationDate route countryOfOrigin { code } religion } }'
    const { rows } =
      await db.query(`select id::text, allocation_date from asy.allocation where allocation_date between '2022-03-01' and '2022-03-31'
      order by allocation_date, id limit 5`)
    const own = await graphql(
      url,
      query,
      undefined,
      internalHeaders('asylum', { ...TEST_IDENTITY, roles: ['staff'], department: 'asylum' }),
    )
    expect(own.errors).toBeUndefined()
    expect(own.data.allocationRecords.map((r: { id: string }) => r.id)).toEqual(rows.map(r => r.id))
    const other = await graphql(
      url,
      query,
      undefined,
      internalHeaders('asylum', { ...TEST_IDENTITY, roles: ['staff'], department: 'finance' }),
    )
    expect(other.data.allocationRecords).toEqual([])
    const tooMany = await graphql(url, '{ allocationRecords(from: "2022-01-01", to: "2022-12-31", first: 5000) { id } }')
    expect(tooMany.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT')
  })
})

// Aggregate-only roles (public, committee) as the gateway vouches for them, and the department's own staff.
// Internal tokens are short-lived: each call signs a fresh one.
const PUBLIC = () =>
  internalHeaders('asylum', {
    ...TEST_IDENTITY,
    subject: 'anonymous',
    roles: ['public'],
    aggregateOnly: true,
    authenticated: false,
    scopes: ['open'],
  })
const COMMITTEE = () =>
  internalHeaders('asylum', {
    ...TEST_IDENTITY,
    subject: 'rat',
    roles: ['committee'],
    aggregateOnly: true,
    scopes: ['open', 'finance:internal'],
  })
const STAFF = () =>
  internalHeaders('asylum', {
    ...TEST_IDENTITY,
    subject: 'anna.asyl',
    roles: ['staff'],
    department: 'asylum',
    scopes: ['open', 'internal', 'asylum:internal', 'asylum:write'],
  })

type Cell = { value: number | null; status: string }
/** Independent oracle of the Cell Key Method: what a cell of `n` records with key sum `key` publishes to aggregate-only roles. */
const published = (n: number, key: string | number): Cell =>
  n === 0 ? { value: 0, status: 'ZERO' } : { value: perturbCount(KL_CKM_2, n, cellKeyOf(key)), status: 'PERTURBED' }
const exact = (n: number): Cell => ({ value: n, status: n === 0 ? 'ZERO' : 'EXACT' })

/** Counts and key sums of the stored records per `group` (a SQL expression), straight from the table. */
async function cells(group: string, where = 'true'): Promise<Map<string, { n: number; key: string }>> {
  const list = await rows<{
    g: string
    n: number
    key: string
  }>(`select ${group} as g, count(*)::int as n, (sum(rkey) % 4294967296)::text as key
    from asy.allocation where ${where} group by 1`)
  return new Map(list.map(r => [r.g, { n: r.n, key: r.key }]))
}
const cellOf = (m: Map<string, { n: number; key: string }>, g: string) => m.get(g) ?? { n: 0, key: '0' }
const YEARS = Array.from({ length: 12 }, (_, i) => 2015 + i)
const ROUTE_LIST = ['ZUWEISUNG', 'UKRAINE_24', 'FAMILIENNACHZUG', 'SONSTIGE'] as const

describe('asylum counts for aggregate-only roles (Cell Key Method)', () => {
  const BUCKETS = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Year { year
    m: allocations(grain: MONTH) { period count { value status } }
    q: allocations(grain: QUARTER) { period count { value status } }
    y: allocations(grain: YEAR) { period count { value status } }
    ${ROUTE_LIST.map(r => `${r}: allocations(grain: MONTH, route: [${r}]) { period count { value status } }`).join('\n')} } } }`
  const years = { r: YEARS.map(year => ({ __typename: 'Year', year })) }

  it('publishes every bucket perturbed within ±2 for public and committee, zeros as ZERO, in as many statements as exact roles', async () => {
    const month = await cells(`to_char(allocation_date, 'YYYY-MM')`)
    const quarter = await cells(`to_char(allocation_date, 'YYYY-"Q"Q')`)
    const year = await cells(`to_char(allocation_date, 'YYYY')`)
    const routeMonth = await cells(`route || '|' || to_char(allocation_date, 'YYYY-MM')`)
    subgraphs.resetStatements()
    const exactRes = await graphql(url, BUCKETS, years)
    const exactStatements = subgraphs.statements().asylum
    subgraphs.resetStatements()
    const pub = await graphql(url, BUCKETS, years, PUBLIC())
    expect(subgraphs.statements().asylum).toBe(exactStatements)
    const committee = await graphql(url, BUCKETS, years, COMMITTEE())
    for (const res of [exactRes, pub, committee]) expect(res.errors).toBeUndefined()
    expect(committee.data).toEqual(pub.data)

    let compared = 0
    let moved = 0
    let zeros = 0
    pub.data._entities.forEach((y: any, i: number) => {
      const e = exactRes.data._entities[i]
      const check = (
        list: Array<{ period: string; count: Cell }>,
        exactList: typeof list,
        oracle: (p: string) => { n: number; key: string },
      ) => {
        expect(list.map(b => b.period)).toEqual(exactList.map(b => b.period))
        list.forEach((b, k) => {
          const { n, key } = oracle(b.period)
          expect(exactList[k].count).toEqual(exact(n))
          expect(b.count).toEqual(published(n, key))
          expect(Math.abs(b.count.value! - n)).toBeLessThanOrEqual(2)
          compared++
          if (b.count.value !== n) moved++
          if (n === 0) zeros++
        })
      }
      check(y.m, e.m, p => cellOf(month, p))
      check(y.q, e.q, p => cellOf(quarter, p))
      check(y.y, e.y, p => cellOf(year, p))
      for (const r of ROUTE_LIST) check(y[r], e[r], p => cellOf(routeMonth, `${r}|${p}`))
    })
    // ≈ 12 years × (12 + 4 + 1 + 4 × 12) buckets; the noise is real, and routes without persons (Ukraine before 2022) stay ZERO.
    expect(compared).toBeGreaterThan(700)
    expect(moved).toBeGreaterThan(compared / 4)
    expect(zeros).toBeGreaterThanOrEqual(7 * 12)
  })

  it('gives the same records the same noise whichever field or argument reaches them', async () => {
    const res = await graphql(
      url,
      `
        query ($r: [_Any!]!) {
          _entities(representations: $r) {
            ... on Year {
              year
              y: allocations(grain: YEAR) {
                count {
                  value
                  status
                }
              }
              ukr: allocations(grain: MONTH, route: [UKRAINE_24]) {
                period
                count {
                  value
                  status
                }
                byOrigin {
                  country {
                    code
                  }
                  count {
                    value
                    status
                  }
                }
              }
              ukr2: allocations(grain: MONTH, route: [UKRAINE_24, UKRAINE_24]) {
                period
                count {
                  value
                  status
                }
              }
            }
            ... on Product {
              asylumCaseCount(year: 2022) {
                value
                status
              }
            }
          }
        }
      `,
      { r: [...YEARS.map(year => ({ __typename: 'Year', year })), { __typename: 'Product', code: '313' }] },
      PUBLIC(),
    )
    expect(res.errors).toBeUndefined()
    const ys = res.data._entities.slice(0, YEARS.length)
    const product = res.data._entities[YEARS.length]
    // Product 313's cases of 2022 are the persons of the 2022 bucket: the same cell, the same published value.
    const y2022 = ys.find((y: any) => y.year === 2022)
    expect(product.asylumCaseCount).toEqual(y2022.y[0].count)
    expect(product.asylumCaseCount.status).toBe('PERTURBED')
    const perYear = await cells(`to_char(allocation_date, 'YYYY')`)
    expect(product.asylumCaseCount).toEqual(published(perYear.get('2022')!.n, perYear.get('2022')!.key))
    let same = 0
    for (const y of ys) {
      // A route named twice is the same single route; every § 24 person comes from Ukraine, so the month's only
      // country of origin is the very cell of the month.
      expect(y.ukr2).toEqual(y.ukr.map(({ period, count }: any) => ({ period, count })))
      for (const b of y.ukr) {
        if (b.count.status === 'ZERO') {
          expect(b.byOrigin).toEqual([])
          continue
        }
        expect(b.byOrigin).toEqual([{ country: { code: 'UKR' }, count: b.count }])
        same++
      }
    }
    expect(same).toBeGreaterThan(40)
  })

  it('refuses a route list of two or more routes (or none) for aggregate-only roles with AGGREGATE_NOT_PUBLISHED; exact roles keep any list', async () => {
    const query = `{ _entities(representations: [{ __typename: "Year", year: 2022 }]) { ... on Year {
      two: allocations(grain: YEAR, route: [ZUWEISUNG, FAMILIENNACHZUG]) { count { value status } }
      none: allocations(grain: YEAR, route: []) { count { value } }
      one: allocations(grain: YEAR, route: [FAMILIENNACHZUG]) { count { value status } } } } }`
    const [y] = await cells(
      `'2022'`,
      `allocation_date between '2022-01-01' and '2022-12-31' and route in ('ZUWEISUNG', 'FAMILIENNACHZUG')`,
    ).then(m => [...m.values()])
    const family = cellOf(await cells(`'x'`, `allocation_date between '2022-01-01' and '2022-12-31' and route = 'FAMILIENNACHZUG'`), 'x')
    for (const headers of [PUBLIC, COMMITTEE]) {
      const res = await graphql(url, query, undefined, headers())
      const entity = res.data._entities[0]
      expect(entity.two).toBeNull()
      expect(entity.none).toBeNull()
      // The rest of the answer stays intact.
      expect(entity.one).toEqual([{ count: published(family.n, family.key) }])
      const refused = res.errors!.filter(e => (e.path as string[]).includes('two'))
      expect(refused).toHaveLength(1)
      expect(refused[0].extensions).toMatchObject({ code: 'AGGREGATE_NOT_PUBLISHED', argumentName: 'route' })
      expect(refused[0].extensions!.published).toContain('[ZUWEISUNG]')
      expect(refused[0].message).toMatch(/exactly one route/)
      expect(res.errors!.map(e => e.extensions?.code)).toEqual(['AGGREGATE_NOT_PUBLISHED', 'AGGREGATE_NOT_PUBLISHED'])
    }
    for (const headers of [STAFF, () => internalHeaders('asylum')]) {
      const res = await graphql(url, query, undefined, headers())
      expect(res.errors).toBeUndefined()
      expect(res.data._entities[0]).toEqual({
        two: [{ count: exact(y.n) }],
        none: [{ count: { value: 0 } }],
        one: [{ count: exact(family.n) }],
      })
    }
  })

  it('ranks countries of origin by the published counts, each country its own cell whatever `top` is', async () => {
    const byCountry = await cells(
      `to_char(allocation_date, 'YYYY-MM') || '|' || country_of_origin`,
      `allocation_date between '2015-01-01' and '2016-12-31'`,
    )
    const res = await graphql(
      url,
      `
        query ($r: [_Any!]!) {
          _entities(representations: $r) {
            ... on Year {
              allocations(grain: MONTH) {
                period
                all: byOrigin(top: 50) {
                  country {
                    code
                  }
                  count {
                    value
                    status
                  }
                }
                top5: byOrigin {
                  country {
                    code
                  }
                  count {
                    value
                    status
                  }
                }
                top2: byOrigin(top: 2) {
                  country {
                    code
                  }
                  count {
                    value
                    status
                  }
                }
              }
            }
          }
        }
      `,
      {
        r: [
          { __typename: 'Year', year: 2015 },
          { __typename: 'Year', year: 2016 },
        ],
      },
      PUBLIC(),
    )
    expect(res.errors).toBeUndefined()
    let reordered = 0
    for (const y of res.data._entities) {
      for (const b of y.allocations) {
        const countries = [...byCountry.entries()]
          .filter(([g]) => g.startsWith(`${b.period}|`))
          .map(([g, c]) => ({ code: g.slice(8), n: c.n, count: published(c.n, c.key) }))
        const expected = [...countries].sort((x, z) => z.count.value! - x.count.value! || (x.code < z.code ? -1 : 1))
        expect(b.all).toEqual(expected.slice(0, 50).map(c => ({ country: { code: c.code }, count: c.count })))
        expect(b.top5).toEqual(b.all.slice(0, 5))
        expect(b.top2).toEqual(b.all.slice(0, 2))
        const byExact = [...countries].sort((x, z) => z.n - x.n || (x.code < z.code ? -1 : 1)).map(c => c.code)
        if (byExact.join() !== expected.map(c => c.code).join()) reordered++
      }
    }
    // The published order follows the perturbed values, which differ from the exact order in some months.
    expect(reordered).toBeGreaterThan(0)
  })

  it('derives arrivalsPerMonth from the published month cells for aggregate-only roles, exactly for the others', async () => {
    const days = ['2015-12-15', '2016-03-31', '2022-06-01', '2022-12-15', '2023-01-15']
    const months = await graphql(
      url,
      `
        query ($r: [_Any!]!) {
          _entities(representations: $r) {
            ... on Year {
              year
              allocations(grain: MONTH) {
                period
                count {
                  value
                }
              }
            }
          }
        }
      `,
      { r: [2015, 2016, 2022, 2023].map(year => ({ __typename: 'Year', year })) },
      PUBLIC(),
    )
    expect(months.errors).toBeUndefined()
    const visible = new Map<string, number>(
      months.data._entities.flatMap((y: any) => y.allocations.map((b: any) => [b.period, b.count.value])),
    )
    const status = 'query ($d: Date!) { asylumCapacity(day: $d) { arrivalsPerMonth capacity occupied free } }'
    let differs = 0
    for (const day of days) {
      const [yy, mm] = day.split('-').map(Number)
      const previous = [3, 2, 1].map(k => new Date(Date.UTC(yy, mm - 1 - k, 1)).toISOString().slice(0, 7))
      const pub = await graphql(url, status, { d: day }, PUBLIC())
      const ex = await graphql(url, status, { d: day })
      expect(pub.errors).toBeUndefined()
      const mean = Math.round((previous.reduce((s, p) => s + visible.get(p)!, 0) / 3) * 100) / 100
      expect(pub.data.asylumCapacity.arrivalsPerMonth).toBe(mean)
      const e = await expectedCapacity(day)
      expect(ex.data.asylumCapacity.arrivalsPerMonth).toBe(Math.round((e.arrivals / 3) * 100) / 100)
      expect(Math.abs(pub.data.asylumCapacity.arrivalsPerMonth - e.arrivals / 3)).toBeLessThanOrEqual(2)
      if (pub.data.asylumCapacity.arrivalsPerMonth !== ex.data.asylumCapacity.arrivalsPerMonth) differs++
      // City-wide beds and residents are entered totals, exact by policy for every role.
      expect(pub.data.asylumCapacity).toMatchObject({ capacity: e.capacity, occupied: e.occupied })
    }
    expect(differs).toBeGreaterThan(0)
  })

  it('keeps the seeded record keys deterministic and hides occupancy per accommodation from aggregate-only roles', async () => {
    const sample = await rows<{ id: string; rkey: string }>('select id::text, rkey::text from asy.allocation order by id limit 5')
    expect(sample.map(r => Number(r.rkey))).toEqual(sample.map(r => seededRecordKey('asy.allocation', Number(r.id))))
    const res = await graphql(
      url,
      '{ accommodation(id: "ACC-ASTERNWEG") { id occupancy(day: "2019-03-15") { occupied { value status } } } }',
      undefined,
      PUBLIC(),
    )
    // The gateway keeps the internal field from them; should the subgraph ever be asked, it answers SECRET.
    expect(res.errors).toBeUndefined()
    expect(res.data.accommodation.occupancy.occupied).toEqual({ value: null, status: 'SECRET' })
  })
})

describe('record keys of data entry', () => {
  it('gives a record entered through data entry a random key from the column default and keeps it on update', async () => {
    const database = await createDatabase(inject('adminUrl'), 'sg_asy_keys')
    const handle = createDb(database.url, { max: 2 })
    let own: RunningSubgraphs | undefined
    try {
      await prepareDatabase(
        handle.db,
        (await loadServices()).filter(s => s.name === 'asylum'),
        'tiny',
      )
      own = await startSubgraphs(database.url, ['asylum'])
      const ownUrl = own.byName.get('asylum')!.server.url
      const input = {
        clientKey: 'keys-2026-11',
        rows: ['SYR', 'AFG', 'SYR'].map((c, i) => ({
          allocationDate: `2026-11-0${i + 2}`,
          route: 'ZUWEISUNG',
          ageAtAllocation: 30 + i,
          sex: 'M',
          countryOfOrigin: c,
          firstAccommodationId: 'ACC-ASTERNWEG',
        })),
      }
      const written = await graphql(
        ownUrl,
        'mutation ($input: AsylumAllocationEntryInput!) { recordAsylumAllocations(input: $input) { rowCount } }',
        { input },
        STAFF(),
      )
      expect(written.errors).toBeUndefined()
      const pool = new pg.Pool({ connectionString: database.url, max: 1 })
      try {
        const entered = (await pool.query(`select id, rkey::text from asy.allocation where allocation_date >= '2026-11-01' order by id`))
          .rows
        expect(entered).toHaveLength(3)
        for (const r of entered) {
          expect(Number(r.rkey)).toBeGreaterThanOrEqual(0)
          expect(Number(r.rkey)).toBeLessThan(2 ** 32)
          // Not a seeded key: drawn at random by the column default.
          expect(Number(r.rkey)).not.toBe(seededRecordKey('asy.allocation', Number(r.id)))
        }
        expect(new Set(entered.map(r => r.rkey)).size).toBe(3)
        const sum = entered.reduce((s, r) => s + BigInt(r.rkey), 0n) % 2n ** 32n
        const ask = (headers: () => Record<string, string>) =>
          graphql(
            ownUrl,
            '{ _entities(representations: [{ __typename: "Year", year: 2026 }]) { ... on Year { allocations { period count { value status } } } } }',
            undefined,
            headers(),
          )
        const november = async (headers: () => Record<string, string>) =>
          (await ask(headers)).data._entities[0].allocations.find((b: any) => b.period === '2026-11').count
        expect(await november(PUBLIC)).toEqual(published(3, sum.toString()))
        expect(await november(STAFF)).toEqual(exact(3))
        // A correction of a record keeps its key, and so the published cell of the same persons.
        await pool.query(`update asy.allocation set age_at_allocation = age_at_allocation + 1, country_of_origin = 'IRQ' where id = $1`, [
          entered[0].id,
        ])
        const after = (await pool.query(`select id, rkey::text from asy.allocation where allocation_date >= '2026-11-01' order by id`)).rows
        expect(after).toEqual(entered)
        expect(await november(PUBLIC)).toEqual(published(3, sum.toString()))
      } finally {
        await pool.end()
      }
    } finally {
      await own?.stop()
      await handle.close()
      await database.drop()
    }
  })
})
