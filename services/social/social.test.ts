import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import pg from 'pg'
import { Kysely, PostgresDialect, type CompiledQuery } from 'kysely'
import { CITY_AGS, DISTRICTS } from '../../platform/city.js'
import { graphql, internalHeaders, startSubgraphs, TEST_IDENTITY, type RunningSubgraphs } from '../../test/helpers/start-subgraphs.js'
import { INCIDENCE_DENOMINATOR } from './daily-metrics.js'
import { CITY_SCOPE, createLoaders } from './loaders.js'
import { addKeys, cellKeyOf, seededRecordKey } from '../../lib/disclosure/cell-key.js'
import { KL_CKM_2, perturbCount } from '../../lib/disclosure/perturbation-table.js'
import { KL_MAGNITUDE, magnitudeKeySum, perturbMagnitude } from '../../lib/disclosure/perturb-magnitude.js'
import type { SocDatabase } from './db.js'

let subgraphs: RunningSubgraphs
let url: string
const db = new pg.Pool({ connectionString: inject('cityDatabaseUrl'), max: 2 })
const GROUPS = [
  'SOZIALE_TEILHABE_WOHNEN',
  'SOZIALE_TEILHABE_ASSISTENZ',
  'ARBEITSLEBEN_WFBM',
  'BILDUNG_SCHULBEGLEITUNG',
  'MED_REHA',
  'FRUEHFOERDERUNG',
]

beforeAll(async () => {
  subgraphs = await startSubgraphs(inject('cityDatabaseUrl'), ['social'])
  url = subgraphs.byName.get('social')!.server.url
})
afterAll(async () => {
  await subgraphs.stop()
  await db.end()
})

async function rows<T = any>(text: string, values: unknown[] = []): Promise<T[]> {
  return (await db.query(text, values)).rows as T[]
}

/** Independent oracle: cases open at some time of the year, cost pro rata of their days in the year. */
async function expectedStats(year: number, district: string | null) {
  return rows<{ benefit_group: string; n: number; cost: number }>(
    `
    select benefit_group, count(*)::int as n,
      sum(yearly_cost * (least(coalesce(end_date, make_date($1, 12, 31)), make_date($1, 12, 31)) - greatest(start_date, make_date($1, 1, 1)) + 1)
        / (make_date($1 + 1, 1, 1) - make_date($1, 1, 1)))::float8 as cost
    from soc.egh_case where start_date <= make_date($1, 12, 31) and (end_date is null or end_date >= make_date($1, 1, 1))
      and ($2::text is null or district_code = $2) group by 1`,
    [year, district],
  )
}

const STAT =
  'year benefitGroup district { code } recipients { value status } cost { amount status } costPerRecipient { amount } provenance { datasetId ownerDepartment stichtag }'
/** Fresh headers per call: an internal token is accepted once. */
const aggregateOnly = () =>
  internalHeaders('social', { ...TEST_IDENTITY, roles: ['public'], scopes: ['open'], aggregateOnly: true, authenticated: false })
const committee = () =>
  internalHeaders('social', { ...TEST_IDENTITY, roles: ['committee'], scopes: ['open', 'finance:internal'], aggregateOnly: true })

/**
 * Independent oracle of what disclosure control needs, per cell `district|group` (and `*|group` for the
 * city) and per district total: the count, the key sum of its cases (the seed's keys, checked against
 * seededRecordKey), the exact cost, the largest single cost and the magnitude key (computed here in JS).
 */
async function keyedOracle(year: number) {
  const cases = await rows<{ id: string; district_code: string; benefit_group: string; rkey: string; amount: number; cents: string }>(
    `
    select id, district_code, benefit_group, rkey::text,
      (yearly_cost * (least(coalesce(end_date, make_date($1, 12, 31)), make_date($1, 12, 31)) - greatest(start_date, make_date($1, 1, 1)) + 1)
        / (make_date($1 + 1, 1, 1) - make_date($1, 1, 1)))::float8 as amount,
      round(yearly_cost * 100 * (least(coalesce(end_date, make_date($1, 12, 31)), make_date($1, 12, 31)) - greatest(start_date, make_date($1, 1, 1)) + 1)
        / (make_date($1 + 1, 1, 1) - make_date($1, 1, 1)))::text as cents
    from soc.egh_case where start_date <= make_date($1, 12, 31) and (end_date is null or end_date >= make_date($1, 1, 1))`,
    [year],
  )
  const cells = new Map<
    string,
    { n: number; key: number; cost: number; largest: number; mkey: number; records: Array<{ recordKey: string; cents: string }> }
  >()
  const totals = new Map<string, { n: number; key: number }>()
  for (const d of DISTRICTS) totals.set(d.code, { n: 0, key: 0 })
  for (const c of cases) {
    expect(Number(c.rkey)).toBe(seededRecordKey('soc.egh_case', c.id))
    for (const scope of [c.district_code, CITY_SCOPE]) {
      const k = `${scope}|${c.benefit_group}`
      const cell = cells.get(k) ?? { n: 0, key: 0, cost: 0, largest: 0, mkey: 0, records: [] }
      cell.n++
      cell.key = addKeys([cell.key, Number(c.rkey)])
      cell.cost += c.amount
      cell.largest = Math.max(cell.largest, c.amount)
      cell.records.push({ recordKey: c.rkey, cents: c.cents })
      cells.set(k, cell)
    }
    const t = totals.get(c.district_code)!
    t.n++
    t.key = addKeys([t.key, Number(c.rkey)])
  }
  for (const cell of cells.values())
    cell.mkey = magnitudeKeySum(cell.records.map(r => ({ recordKey: r.recordKey, cents: BigInt(r.cents) })))
  return { cells, totals }
}

describe('social subgraph: Eingliederungshilfe', () => {
  it('counts recipients and cost per benefit group city-wide as SQL does, ≈ 1 % of the population', async () => {
    const res = await graphql(
      url,
      `{ _entities(representations: [{ __typename: "Year", year: 2019 }, { __typename: "Year", year: 2025 },
      { __typename: "Year", year: 2026 }, { __typename: "Year", year: 2014 }]) { ... on Year { year eingliederungshilfe { ${STAT} } } } }`,
    )
    expect(res.errors).toBeUndefined()
    const [y2019, y2025, y2026, y2014] = res.data._entities
    for (const [y, year] of [
      [y2019, 2019],
      [y2025, 2025],
    ] as const) {
      const expected = await expectedStats(year, null)
      expect(y.eingliederungshilfe.map((s: any) => s.benefitGroup)).toEqual(GROUPS)
      for (const s of y.eingliederungshilfe) {
        const e = expected.find(x => x.benefit_group === s.benefitGroup)
        expect(s.recipients).toEqual(e ? { value: e.n, status: 'EXACT' } : { value: 0, status: 'ZERO' })
        expect(s.cost.amount).toBeCloseTo(e?.cost ?? 0, 1)
        expect(s.district).toBeNull()
        expect(s.provenance).toEqual({ datasetId: 'soc.egh_statistics', ownerDepartment: 'Referat Soziales', stichtag: '2025-12-31' })
      }
      const total = y.eingliederungshilfe.reduce((n: number, s: any) => n + s.recipients.value, 0)
      expect(total).toBeGreaterThan(950)
      expect(total).toBeLessThan(1350)
      // Werkstatt cost per case around the national 19–21 k€ [V].
      const wfbm = y.eingliederungshilfe.find((s: any) => s.benefitGroup === 'ARBEITSLEBEN_WFBM')
      expect(wfbm.cost.amount / wfbm.recipients.value).toBeGreaterThan(15_000)
      expect(wfbm.cost.amount / wfbm.recipients.value).toBeLessThan(21_500)
      expect(wfbm.costPerRecipient.amount).toBeCloseTo(wfbm.cost.amount / wfbm.recipients.value, 1)
    }
    // After the Stichtag and before the first data year: no table.
    expect(y2026.eingliederungshilfe).toEqual([])
    expect(y2014.eingliederungshilfe).toEqual([])
  })

  it('answers 18 districts per benefit group in one statement, and the districts add up to the city', async () => {
    subgraphs.resetStatements()
    const res = await graphql(
      url,
      `
        query ($r: [_Any!]!) {
          _entities(representations: $r) {
            ... on District {
              code
              eingliederungshilfe(year: 2022) {
                benefitGroup
                recipients {
                  value
                }
                cost {
                  amount
                }
              }
              eingliederungshilfeRecipients(year: 2022) {
                value
                status
              }
            }
          }
        }
      `,
      { r: DISTRICTS.map(d => ({ __typename: 'District', ags: CITY_AGS, code: d.code })) },
    )
    expect(res.errors).toBeUndefined()
    expect(subgraphs.statements().social).toBe(1)
    const city = await expectedStats(2022, null)
    for (const group of GROUPS) {
      const sum = res.data._entities.reduce(
        (n: number, d: any) => n + d.eingliederungshilfe.find((s: any) => s.benefitGroup === group).recipients.value,
        0,
      )
      expect(sum).toBe(city.find(c => c.benefit_group === group)?.n ?? 0)
    }
    for (const d of res.data._entities) {
      const expected = await expectedStats(2022, d.code)
      expect(d.eingliederungshilfeRecipients).toEqual({ value: expected.reduce((n, e) => n + e.n, 0), status: 'EXACT' })
    }
  })

  it('publishes every recipients count to public and committee perturbed by at most ±2 with the cell key of its cases, zeros as zero', async () => {
    const { cells, totals } = await keyedOracle(2022)
    const query = `query ($r: [_Any!]!) { _entities(representations: $r) {
      ... on District { code eingliederungshilfe(year: 2022) { benefitGroup recipients { value status } } eingliederungshilfeRecipients(year: 2022) { value status } }
      ... on Year { eingliederungshilfe { benefitGroup recipients { value status } } } } }`
    const r = [...DISTRICTS.map(d => ({ __typename: 'District', ags: CITY_AGS, code: d.code })), { __typename: 'Year', year: 2022 }]
    subgraphs.resetStatements()
    const pub = await graphql(url, query, { r }, aggregateOnly())
    expect(pub.errors).toBeUndefined()
    expect(subgraphs.statements().social).toBe(1) // keys, largest cost and magnitude key come with the counts
    const com = await graphql(url, query, { r }, committee())
    expect(com.data).toEqual(pub.data) // committee: the same protection, the same figures
    const exact = await graphql(url, query, { r })
    let perturbed = 0
    let small = 0
    const check = (published: { value: number; status: string }, cell: { n: number; key: number }, exactCell: unknown) => {
      expect(exactCell).toEqual(cell.n ? { value: cell.n, status: 'EXACT' } : { value: 0, status: 'ZERO' })
      if (cell.n === 0) return expect(published).toEqual({ value: 0, status: 'ZERO' })
      // The published value is n + the noise KL-CKM-2 gives the cell key of exactly these cases.
      expect(published).toEqual({ value: perturbCount(KL_CKM_2, cell.n, cellKeyOf(cell.key)), status: 'PERTURBED' })
      expect(Math.abs(published.value - cell.n)).toBeLessThanOrEqual(2)
      expect(published.value).toBeGreaterThanOrEqual(1)
      if (published.value !== cell.n) perturbed++
      if (cell.n <= 2) small++
    }
    pub.data._entities.forEach((e: any, i: number) => {
      const code = e.code ?? CITY_SCOPE
      expect(e.eingliederungshilfe.map((s: any) => s.benefitGroup)).toEqual(GROUPS)
      e.eingliederungshilfe.forEach((s: any, j: number) =>
        check(
          s.recipients,
          cells.get(`${code}|${s.benefitGroup}`) ?? { n: 0, key: 0 },
          exact.data._entities[i].eingliederungshilfe[j].recipients,
        ),
      )
      if (e.code) check(e.eingliederungshilfeRecipients, totals.get(code)!, exact.data._entities[i].eingliederungshilfeRecipients)
    })
    expect(small).toBeGreaterThan(0) // small cells exist and are published (never as 0)
    expect(perturbed).toBeGreaterThan(20) // and the noise is not idle
    // Asked again, alone: the same figures.
    const again = await graphql(
      url,
      `{ _entities(representations: [{ __typename: "District", ags: "${CITY_AGS}", code: "${DISTRICTS[3].code}" }]) {
      ... on District { code eingliederungshilfe(year: 2022) { benefitGroup recipients { value status } } eingliederungshilfeRecipients(year: 2022) { value status } } } }`,
      undefined,
      aggregateOnly(),
    )
    expect(again.data._entities[0]).toEqual(pub.data._entities[3])
  })

  it('publishes costs moved by 10–40 % of the largest case in the cell, never exactly, the same for the same cases; exact roles unchanged', async () => {
    const { cells } = await keyedOracle(2023)
    const query = `query ($r: [_Any!]!) { _entities(representations: $r) {
      ... on District { code eingliederungshilfe(year: 2023) { benefitGroup recipients { value } cost { amount status currency } } }
      ... on Year { eingliederungshilfe { benefitGroup recipients { value } cost { amount status currency } } } } }`
    const r = [...DISTRICTS.map(d => ({ __typename: 'District', ags: CITY_AGS, code: d.code })), { __typename: 'Year', year: 2023 }]
    const pub = await graphql(url, query, { r }, aggregateOnly())
    expect(pub.errors).toBeUndefined()
    const leadership = () => internalHeaders('social', { ...TEST_IDENTITY, roles: ['leadership'], scopes: ['open', 'internal'] })
    const socialStaff = () =>
      internalHeaders('social', {
        ...TEST_IDENTITY,
        roles: ['staff'],
        department: 'social',
        scopes: ['open', 'social:internal', 'social:personal'],
      })
    const [lead, staff] = await Promise.all([graphql(url, query, { r }, leadership()), graphql(url, query, { r }, socialStaff())])
    expect(staff.data).toEqual(lead.data)
    let smallCells = 0
    pub.data._entities.forEach((e: any, i: number) => {
      e.eingliederungshilfe.forEach((s: any, j: number) => {
        const cell = cells.get(`${e.code ?? CITY_SCOPE}|${s.benefitGroup}`)
        const exactCost = lead.data._entities[i].eingliederungshilfe[j].cost
        if (!cell) {
          expect(s.cost).toEqual({ amount: 0, status: 'ZERO', currency: 'EUR' })
          return expect(exactCost).toEqual({ amount: 0, status: 'ZERO', currency: 'EUR' })
        }
        expect(exactCost.status).toBe('EXACT')
        expect(exactCost.amount).toBeCloseTo(cell.cost, 1)
        expect(s.cost.status).toBe('PERTURBED')
        const moved = Math.abs(s.cost.amount - cell.cost)
        expect(moved).toBeGreaterThanOrEqual(0.1 * cell.largest - 0.01)
        expect(moved).toBeLessThanOrEqual(0.4 * cell.largest + 0.01)
        expect(s.cost.amount).not.toBe(exactCost.amount)
        // Exactly what the magnitude key of these cases with these amounts gives.
        expect(s.cost.amount).toBeCloseTo(perturbMagnitude(KL_MAGNITUDE, cell.cost, cell.largest, cellKeyOf(cell.mkey)), 1)
        if (cell.n <= 2) {
          smallCells++
          // A cell of one or two cases: its figure is never within 10 % of the largest case's cost.
          expect(moved / cell.largest).toBeGreaterThanOrEqual(0.1 - 1e-6)
        }
      })
    })
    expect(smallCells).toBeGreaterThan(0)
    // Cost per recipient stays internal: public and committee cannot select it.
    const sdl: string = (await graphql(url, '{ _service { sdl } }')).data._service.sdl
    expect(sdl).toMatch(/costPerRecipient: Money @requiresScopes\(scopes: \[\["internal"\], \["social:internal"\]\]\)/)
  })

  it('gives an aggregate-only role that was granted cost per recipient only the ratio of the figures it sees', async () => {
    const granted = internalHeaders('social', { ...TEST_IDENTITY, roles: ['committee'], scopes: ['open', 'internal'], aggregateOnly: true })
    const res = await graphql(
      url,
      `
        {
          _entities(representations: [{ __typename: "Year", year: 2021 }]) {
            ... on Year {
              eingliederungshilfe {
                recipients {
                  value
                  status
                }
                cost {
                  amount
                }
                costPerRecipient {
                  amount
                  status
                }
              }
            }
          }
        }
      `,
      undefined,
      granted,
    )
    expect(res.errors).toBeUndefined()
    for (const s of res.data._entities[0].eingliederungshilfe) {
      if (s.recipients.status === 'ZERO') {
        expect(s.costPerRecipient).toBeNull()
        continue
      }
      expect(s.costPerRecipient.status).toBe('PERTURBED')
      expect(s.costPerRecipient.amount).toBeCloseTo(s.cost.amount / s.recipients.value, 1)
    }
  })

  it('classifies case rows as personal and serves them only to its own staff, under their row rules', async () => {
    const sdl: string = (await graphql(url, '{ _service { sdl } }')).data._service.sdl
    expect(sdl).toMatch(/eghCases\(.*\): \[EghCase!\] @requiresScopes\(scopes: \[\["personal"\], \["social:personal"\]\]\)/)
    expect(sdl).toMatch(/yearlyCost: Money @requiresScopes\(scopes: \[\["personal"\], \["social:personal"\]\]\)/)
    const query =
      '{ eghCases(from: "2024-01-01", to: "2024-12-31", first: 5) { id benefitGroup district { code } start end yearlyCost { amount } } }'
    const expected =
      await rows(`select id, benefit_group, district_code, start_date::text as start, end_date::text as end, yearly_cost::float8 as cost
      from soc.egh_case where start_date <= '2024-12-31' and (end_date is null or end_date >= '2024-01-01') order by start_date, id limit 5`)
    const staff = { ...TEST_IDENTITY, roles: ['staff'], department: 'social', scopes: ['open', 'social:internal', 'social:personal'] }
    const own = await graphql(url, query, undefined, internalHeaders('social', staff))
    expect(own.errors).toBeUndefined()
    expect(own.data.eghCases).toEqual(
      expected.map(e => ({
        id: e.id,
        benefitGroup: e.benefit_group,
        district: { code: e.district_code },
        start: e.start,
        end: e.end,
        yearlyCost: { amount: e.cost },
      })),
    )
    const other = await graphql(url, query, undefined, internalHeaders('social', { ...staff, department: 'asylum' }))
    expect(other.data.eghCases).toEqual([])
    // A row rule for the staff role (e.g. one team sees its district only) is applied in SQL.
    const ruled = await graphql(
      url,
      '{ eghCases(from: "2024-01-01", to: "2024-12-31", first: 1000) { district { code } } }',
      undefined,
      internalHeaders('social', { ...staff, rowFilters: [{ coordinate: 'EghCase', anyOf: [[{ field: 'district', value: '09' }]] }] }),
    )
    const [{ n }] = await rows<{ n: number }>(`select count(*)::int as n from soc.egh_case where district_code = '09'
      and start_date <= '2024-12-31' and (end_date is null or end_date >= '2024-01-01')`)
    expect(ruled.data.eghCases).toHaveLength(n)
    expect(ruled.data.eghCases.every((c: any) => c.district.code === '09')).toBe(true)
  })
})

describe('social subgraph: daily health figures', () => {
  it('serves a HealthDay with its 14-day window, oldest first, nulls where nothing was reported', async () => {
    const res = await graphql(
      url,
      `{ _entities(representations: [
        { __typename: "Municipality", ags: "${CITY_AGS}" },
        { __typename: "HealthDay", ags: "${CITY_AGS}", day: "2021-09-20" },
        { __typename: "HealthDay", ags: "${CITY_AGS}", day: "2019-01-01" },
        { __typename: "HealthDay", ags: "${CITY_AGS}", day: "not-a-day" }]) {
      ... on Municipality { first: healthDay(day: "2020-03-05") { day incidence7 recent { day incidence7 hospitalization7 icuShare } }
        none: healthDay(day: "2024-01-01") { day } }
      ... on HealthDay { ags day incidence7 hospitalization7 icuShare recent { day incidence7 hospitalization7 icuShare } provenance { datasetId stichtag } } } }`,
    )
    expect(res.errors).toBeUndefined()
    const [m, sep, before, bad] = res.data._entities
    const values = await rows<{ day: string; metric: string; value: number }>(
      `select day::text, metric, value::float8 from soc.daily_metric
      where ags = $1 and day between '2021-09-07' and '2021-09-20' and metric in ('COVID_INC7', 'HOSP_INC7', 'ICU_SHARE')`,
      [CITY_AGS],
    )
    const v = (day: string, metric: string) => values.find(x => x.day === day && x.metric === metric)?.value ?? null
    expect(sep.recent.map((r: any) => r.day)).toEqual(Array.from({ length: 14 }, (_, i) => `2021-09-${String(7 + i).padStart(2, '0')}`))
    for (const r of sep.recent)
      expect(r).toEqual({
        day: r.day,
        incidence7: v(r.day, 'COVID_INC7'),
        hospitalization7: v(r.day, 'HOSP_INC7'),
        icuShare: v(r.day, 'ICU_SHARE'),
      })
    expect(sep).toMatchObject({
      ags: CITY_AGS,
      day: '2021-09-20',
      incidence7: v('2021-09-20', 'COVID_INC7'),
      icuShare: v('2021-09-20', 'ICU_SHARE'),
    })
    expect(sep.provenance).toEqual({ datasetId: 'soc.daily_metric', stichtag: '2023-04-07' })
    // The series starts on 2020-03-01: the days before are in the window, without figures.
    expect(m.first.recent).toHaveLength(14)
    expect(m.first.recent.slice(0, 9).every((r: any) => r.incidence7 === null && r.icuShare === null)).toBe(true)
    expect(m.first.recent.slice(9).every((r: any) => r.incidence7 !== null)).toBe(true)
    expect(m.none).toBeNull()
    expect(before).toBeNull()
    expect(bad).toBeNull()
  })

  it('serves daily series as stored; the incidence is reproducible from the cases and the declared denominator', async () => {
    const res = await graphql(
      url,
      `{ _entities(representations: [{ __typename: "Municipality", ags: "${CITY_AGS}" }, { __typename: "Municipality", ags: "07111000" }]) {
      ... on Municipality { cases: dailySeries(metric: COVID_CASES, from: "2021-01-01", to: "2021-03-31") { day value }
        inc: dailySeries(metric: COVID_INC7, from: "2021-01-01", to: "2021-03-31") { day value } } } }`,
    )
    expect(res.errors).toBeUndefined()
    const [city, koblenz] = res.data._entities
    const stored = await rows<{ day: string; value: number }>(
      `select day::text, value::float8 from soc.daily_metric
      where ags = $1 and metric = 'COVID_INC7' and day between '2021-01-01' and '2021-03-31' order by day`,
      [CITY_AGS],
    )
    expect(city.inc).toEqual(stored)
    const cases = await rows<{ day: string; value: number }>(
      `select day::text, value::float8 from soc.daily_metric
      where ags = $1 and metric = 'COVID_CASES' and day between '2020-12-26' and '2021-03-31' order by day`,
      [CITY_AGS],
    )
    for (const p of city.inc) {
      const i = cases.findIndex(c => c.day === p.day)
      const week = cases.slice(i - 6, i + 1).reduce((s, c) => s + c.value, 0)
      expect(p.value).toBeCloseTo((week * 100_000) / INCIDENCE_DENOMINATOR[2021], 1)
    }
    expect(city.cases.map((c: any) => c.day)).toEqual(city.inc.map((c: any) => c.day))
    expect(koblenz.cases).toEqual([])
  })

  it('follows the wave anchors: autumn 2020 through the Aktionsplan bands, Sep 2021 hospital and ICU figures', async () => {
    const res = await graphql(
      url,
      `{ municipality: _entities(representations: [{ __typename: "Municipality", ags: "${CITY_AGS}" }]) {
      ... on Municipality { oct: dailySeries(metric: COVID_INC7, from: "2020-10-01", to: "2020-10-31") { day value }
        hosp: dailySeries(metric: HOSP_INC7, from: "2021-09-01", to: "2021-09-30") { value }
        icu: dailySeries(metric: ICU_SHARE, from: "2021-09-01", to: "2021-09-30") { value } } } }`,
    )
    expect(res.errors).toBeUndefined()
    const { oct, hosp, icu } = res.data.municipality[0]
    const firstDay = (threshold: number) => oct.find((p: any) => p.value >= threshold)?.day
    // gelb ≥ 20, orange ≥ 35, rot > 50: crossed one after the other during October 2020 (22 → 36 → 65 → 87 [V]).
    expect(oct[0].value).toBeLessThan(20)
    expect(firstDay(20) < firstDay(35) && firstDay(35) < firstDay(50.1)).toBe(true)
    expect(Math.max(...oct.map((p: any) => p.value))).toBeGreaterThan(75)
    const median = (xs: Array<{ value: number }>) => xs.map(x => x.value).sort((a, b) => a - b)[Math.floor(xs.length / 2)]
    expect(median(hosp)).toBeGreaterThanOrEqual(2)
    expect(median(hosp)).toBeLessThanOrEqual(5)
    expect(median(icu)).toBeGreaterThanOrEqual(4)
    expect(median(icu)).toBeLessThanOrEqual(6)
  })

  it('records each dataset with its refresh cadence', async () => {
    expect(await rows('select id, refresh_cadence, open_data from soc.dataset order by id')).toEqual([
      { id: 'soc.daily_metric', refresh_cadence: 'DAILY', open_data: true },
      { id: 'soc.egh_case', refresh_cadence: 'ANNUAL', open_data: false },
      { id: 'soc.egh_statistics', refresh_cadence: 'ANNUAL', open_data: true },
    ])
  })

  it.each([
    [
      'from after to',
      `{ _entities(representations: [{ __typename: "Municipality", ags: "${CITY_AGS}" }]) { ... on Municipality { dailySeries(metric: COVID_INC7, from: "2021-02-01", to: "2021-01-01") { value } } } }`,
      /must not be after/,
    ],
    [
      'a range over ten years',
      `{ _entities(representations: [{ __typename: "Municipality", ags: "${CITY_AGS}" }]) { ... on Municipality { dailySeries(metric: COVID_INC7, from: "2000-01-01", to: "2021-01-01") { value } } } }`,
      /longer than 3660 days/,
    ],
    [
      'a malformed day',
      `query ($d: Date!) { _entities(representations: [{ __typename: "Municipality", ags: "${CITY_AGS}" }]) { ... on Municipality { healthDay(day: $d) { day } } } }`,
      /YYYY-MM-DD/,
    ],
    [
      'year 1700',
      `{ _entities(representations: [{ __typename: "District", ags: "${CITY_AGS}", code: "01" }]) { ... on District { eingliederungshilfe(year: 1700) { year } } } }`,
      /between 1950 and 2100/,
    ],
    ['first 0', '{ eghCases(from: "2024-01-01", to: "2024-12-31", first: 0) { id } }', /"first" must be between 1 and 1000/],
    [
      'a malformed district code',
      '{ eghCases(from: "2024-01-01", to: "2024-12-31", districtCode: "9") { id } }',
      /two-digit district number/,
    ],
  ])('rejects %s with BAD_USER_INPUT', async (_, query, message) => {
    const staff = internalHeaders('social', { ...TEST_IDENTITY, roles: ['staff'], department: 'social' })
    const res = await graphql(url, query, { d: '2021-02-30' }, staff)
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT')
    expect(res.errors?.[0].message).toMatch(message)
    expect(JSON.stringify(res)).not.toMatch(/stacktrace|at .*\.ts:/)
  })
})

interface PlanNode {
  'Node Type': string
  'Relation Name'?: string
  Plans?: PlanNode[]
}
const scans = (node: PlanNode): string[] => [
  ...(node['Relation Name'] ? [`${node['Node Type']} ${node['Relation Name']}`] : []),
  ...(node.Plans ?? []).flatMap(scans),
]

describe('social loaders as prepared statements', () => {
  it('read a daily series by the primary key in the generic plan too, never scanning the whole table', async () => {
    const sent: CompiledQuery[] = []
    const pool = new pg.Pool({ connectionString: inject('cityDatabaseUrl'), max: 1 })
    const kysely = new Kysely<SocDatabase>({
      dialect: new PostgresDialect({ pool }),
      log: e => {
        if (e.level === 'query') sent.push(e.query)
      },
    })
    try {
      const series = await createLoaders(kysely).dailySeries.load(`${CITY_AGS}|COVID_INC7|2021-09-01|2021-09-30`)
      expect(series).toHaveLength(30)
      const [{ sql: text, parameters }] = sent
      // The parameters are text arrays: as array literals they can be given to EXECUTE.
      const literal = (v: unknown) => `'{${(v as string[]).map(x => `"${x}"`).join(',')}}'`
      const client = await pool.connect()
      try {
        // With current statistics, as autovacuum keeps them in a running city.
        await client.query('analyze soc.daily_metric')
        await client.query('set plan_cache_mode = force_generic_plan')
        await client.query(`prepare daily_series as ${text}`)
        const { rows } = await client.query(`explain (format json) execute daily_series(${parameters.map(literal).join(', ')})`)
        const metricScans = scans(rows[0]['QUERY PLAN'][0].Plan).filter(s => s.endsWith('daily_metric'))
        expect(metricScans).toEqual(['Index Scan daily_metric'])
      } finally {
        client.release(true)
      }
    } finally {
      await kysely.destroy()
    }
  })
})
