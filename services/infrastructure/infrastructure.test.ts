import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import pg from 'pg'
import { CITY_AGS, DISTRICTS } from '../../platform/city.js'
import { graphql, startSubgraphs, type RunningSubgraphs } from '../../test/helpers/start-subgraphs.js'
import { LED_MEASURES } from './street-lights.js'

let subgraphs: RunningSubgraphs
let url: string
const db = new pg.Pool({ connectionString: inject('cityDatabaseUrl'), max: 2 })

beforeAll(async () => {
  subgraphs = await startSubgraphs(inject('cityDatabaseUrl'), ['infrastructure'])
  url = subgraphs.byName.get('infrastructure')!.server.url
})
afterAll(async () => {
  await subgraphs.stop()
  await db.end()
})

async function rows<T = any>(text: string, values: unknown[] = []): Promise<T[]> {
  return (await db.query(text, values)).rows as T[]
}

/** Independent oracle: register counts at a day, energy of a year from the district table, the year's price. */
async function expectedLighting(year: number, district: string | null) {
  const day = year === 2026 ? '2026-10-31' : `${year}-12-31`
  const [l] = await rows(
    `select count(*)::int as lights, count(*) filter (where converted_to_led <= $1)::int as led,
      count(*) filter (where converted_to_led between make_date($2, 1, 1) and $1)::int as converted,
      sum(case when converted_to_led <= $1 then watt else coalesce(previous_watt, watt) end)::float8 / 1000 as kw
    from infra.street_light where ($3::text is null or district_code = $3)`,
    [day, year, district],
  )
  const [e] = await rows(
    `select sum(kwh)::float8 as kwh, count(distinct month)::int as months from infra.district_energy_month
    where extract(year from month) = $1 and ($2::text is null or district_code = $2)`,
    [year, district],
  )
  const [p] = await rows('select eur_per_kwh::float8 as price from infra.energy_price where year = $1', [year])
  return { day, ...l, ...e, price: p.price }
}

const SUMMARY =
  'year district { code } stichtag lights ledLights ledShare convertedInYear installedKw energyKwh months energyCost { amount } provenance { datasetId ownerDepartment }'

describe('infrastructure subgraph', () => {
  it('summarises the city per year as the register and the energy table say, around the real anchors', async () => {
    const years = [2015, 2022, 2025, 2026, 2014, 2027]
    const res = await graphql(
      url,
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Year { year streetLighting { ${SUMMARY} } } } }`,
      { r: years.map(year => ({ __typename: 'Year', year })) },
    )
    expect(res.errors).toBeUndefined()
    const [y2015, y2022, y2025, y2026, y2014, y2027] = res.data._entities.map((y: any) => y.streetLighting)
    for (const s of [y2015, y2022, y2025, y2026]) {
      const e = await expectedLighting(s.year, null)
      expect(s).toMatchObject({
        district: null,
        stichtag: e.day,
        lights: e.lights,
        ledLights: e.led,
        convertedInYear: e.converted,
        months: e.months,
      })
      expect(s.installedKw).toBeCloseTo(e.kw, 1)
      expect(s.energyKwh).toBeCloseTo(e.kwh, 2)
      expect(s.energyCost.amount).toBeCloseTo(e.kwh * e.price, 1)
      expect(s.ledShare).toBeCloseTo(e.led / e.lights, 4)
      expect(s.provenance).toEqual({ datasetId: 'infra.energy', ownerDepartment: 'Referat Tiefbau, Abteilung Straßenbeleuchtung' })
    }
    // ≈ 17,500 lights, 6,500 LED by 2022 [V]; 6+ GWh (2015) → ≈ 4.5 GWh (2022) [V] → ≈ 3.9 GWh (2025).
    expect(y2022).toMatchObject({ lights: 17_500, ledLights: 6_500, months: 12 })
    expect(y2015.energyKwh).toBeGreaterThan(5.8e6)
    expect(y2022.energyKwh).toBeGreaterThan(4.2e6)
    expect(y2022.energyKwh).toBeLessThan(4.9e6)
    expect(y2025.energyKwh).toBeGreaterThan(3.6e6)
    expect(y2025.energyKwh).toBeLessThan(4.2e6)
    expect(y2026).toMatchObject({ stichtag: '2026-10-31', months: 10 })
    expect(y2014).toBeNull()
    expect(y2027).toBeNull()
  })

  it('computes each month as watts × burning hours, the old lamp until the conversion day (checked in SQL)', async () => {
    const expected = await rows<{ district_code: string; month: string; kwh: number; lights: number; led: number }>(`
      with m as (select make_date(2022, mm, 1) as month, (make_date(2022, mm, 1) + interval '1 month')::date as next, h.hours
                 from generate_series(1, 12) mm join infra.burn_hours h on h.month = mm)
      select l.district_code, to_char(m.month, 'YYYY-MM') as month, count(*)::int as lights,
        count(*) filter (where l.converted_to_led < m.next)::int as led,
        sum(round((case when l.converted_to_led is null or l.converted_to_led >= m.next then coalesce(l.previous_watt, l.watt)
                        when l.converted_to_led <= m.month then l.watt
                        else (coalesce(l.previous_watt, l.watt) * (l.converted_to_led - m.month) + l.watt * (m.next - l.converted_to_led))::numeric / (m.next - m.month) end)
                  * m.hours / 1000, 2))::float8 as kwh
      from infra.street_light l cross join m where l.district_code in ('06', '09') and l.installed < m.next group by 1, 2 order by 1, 2`)
    const res = await graphql(
      url,
      `{ _entities(representations: [{ __typename: "District", ags: "${CITY_AGS}", code: "06" }, { __typename: "District", ags: "${CITY_AGS}", code: "09" }]) {
      ... on District { code streetLighting(year: 2022) { energyKwh monthly { month energyKwh lights ledLights } } } } }`,
    )
    expect(res.errors).toBeUndefined()
    for (const d of res.data._entities) {
      const mine = expected.filter(e => e.district_code === d.code)
      expect(d.streetLighting.monthly.map((m: any) => m.month)).toEqual(mine.map(e => e.month))
      d.streetLighting.monthly.forEach((m: any, i: number) => {
        expect(m.energyKwh).toBeCloseTo(mine[i].kwh, 2)
        expect([m.lights, m.ledLights]).toEqual([mine[i].lights, mine[i].led])
      })
      expect(d.streetLighting.energyKwh).toBeCloseTo(
        mine.reduce((s, e) => s + e.kwh, 0),
        2,
      )
    }
    // Winter nights are long: December takes about twice the energy of June.
    const months = res.data._entities[0].streetLighting.monthly
    expect(months[11].energyKwh / months[5].energyKwh).toBeGreaterThan(1.7)
  })

  it('answers 18 districts in one statement per field family, and the districts add up to the city', async () => {
    subgraphs.resetStatements()
    const res = await graphql(
      url,
      `
        query ($r: [_Any!]!) {
          _entities(representations: $r) {
            ... on District {
              code
              streetLighting(year: 2023) {
                lights
                ledLights
                energyKwh
                installedKw
              }
            }
          }
        }
      `,
      { r: DISTRICTS.map(d => ({ __typename: 'District', ags: CITY_AGS, code: d.code })) },
    )
    expect(res.errors).toBeUndefined()
    expect(subgraphs.statements().infrastructure).toBe(1)
    const city = await expectedLighting(2023, null)
    const sum = (f: string) => res.data._entities.reduce((s: number, d: any) => s + d.streetLighting[f], 0)
    expect(sum('lights')).toBe(city.lights)
    expect(sum('ledLights')).toBe(city.led)
    expect(sum('energyKwh')).toBeCloseTo(city.kwh, 1)
    for (const d of res.data._entities) expect(d.streetLighting.lights).toBeGreaterThan(0)
  })

  it('links conversions to the finance measures that paid for them (Teil I: 488 lights, −377,000 kWh a year [V])', async () => {
    const ids = [...Object.values(LED_MEASURES), '3.211001']
    subgraphs.resetStatements()
    const res = await graphql(
      url,
      `
        query ($r: [_Any!]!) {
          _entities(representations: $r) {
            ... on InvestmentMeasure {
              id
              convertedLights
              estimatedSavingKwh
              convertedStreetLights(first: 3) {
                id
                lampType
                previousLampType
                convertedToLed
                measure {
                  id
                }
              }
            }
          }
        }
      `,
      { r: ids.map(id => ({ __typename: 'InvestmentMeasure', id })) },
    )
    expect(res.errors).toBeUndefined()
    expect(subgraphs.statements().infrastructure).toBe(2)
    const counts = await rows<{ measure_id: string; n: number; saving: number }>(`select measure_id, count(*)::int as n,
      sum((previous_watt - watt) * 4.1)::float8 as saving from infra.street_light where measure_id is not null group by 1`)
    const byId = new Map(res.data._entities.map((m: any) => [m.id, m]))
    for (const c of counts) {
      expect(byId.get(c.measure_id)).toMatchObject({ convertedLights: c.n })
      expect((byId.get(c.measure_id) as any).estimatedSavingKwh).toBeCloseTo(c.saving, 0)
    }
    const teilI = byId.get(LED_MEASURES.HAUPTVERKEHRSSTRASSEN_I) as any
    expect(teilI.convertedLights).toBe(488)
    expect(Math.abs(teilI.estimatedSavingKwh - 377_000) / 377_000).toBeLessThan(0.05)
    expect(teilI.convertedStreetLights).toHaveLength(3)
    for (const l of teilI.convertedStreetLights)
      expect(l).toMatchObject({ lampType: 'LED', previousLampType: 'HQL', measure: { id: LED_MEASURES.HAUPTVERKEHRSSTRASSEN_I } })
    expect((byId.get(LED_MEASURES.KOFFERLEUCHTEN) as any).convertedLights).toBe(469)
    // A school measure paid for no street lights.
    expect(byId.get('3.211001')).toEqual({ id: '3.211001', convertedLights: null, estimatedSavingKwh: null, convertedStreetLights: null })
  })

  it("lists a district's lights page by page and serves one light by id", async () => {
    const page1 = await graphql(
      url,
      '{ streetLights(districtCode: "14", first: 5) { id district { code } street lampType watt location { lat lon } } }',
    )
    expect(page1.errors).toBeUndefined()
    const all = await rows<{ id: string }>(`select id from infra.street_light where district_code = '14' order by id limit 10`)
    expect(page1.data.streetLights.map((l: any) => l.id)).toEqual(all.slice(0, 5).map(r => r.id))
    const page2 = await graphql(url, `{ streetLights(districtCode: "14", first: 5, after: "${all[4].id}") { id } }`)
    expect(page2.data.streetLights.map((l: any) => l.id)).toEqual(all.slice(5, 10).map(r => r.id))
    const led = await graphql(url, '{ streetLights(districtCode: "14", lampType: LED, first: 1000) { lampType convertedToLed } }')
    expect(led.data.streetLights.every((l: any) => l.lampType === 'LED' && l.convertedToLed)).toBe(true)
    const one = await graphql(
      url,
      `{ streetLight(id: "${all[0].id}") { id district { code } } unknown: streetLight(id: "SL-14-99999") { id } }`,
    )
    expect(one.data).toEqual({ streetLight: { id: all[0].id, district: { code: '14' } }, unknown: null })
  })

  it('records its datasets with their refresh cadence', async () => {
    expect(await rows('select id, refresh_cadence, stichtag::text from infra.dataset order by id')).toEqual([
      { id: 'infra.energy', refresh_cadence: 'MONTHLY', stichtag: '2026-10-31' },
      { id: 'infra.street_light', refresh_cadence: 'MONTHLY', stichtag: '2026-10-31' },
    ])
  })

  it.each([
    ['a malformed district code', '{ streetLights(districtCode: "1") { id } }', /two-digit district number/],
    ['first 0', '{ streetLights(districtCode: "01", first: 0) { id } }', /"first" must be an integer between 1 and 1000/],
    ['a malformed light id', '{ streetLight(id: "lamp 1") { id } }', /street-light id/],
    [
      'year 1700',
      `{ _entities(representations: [{ __typename: "District", ags: "${CITY_AGS}", code: "01" }]) { ... on District { streetLighting(year: 1700) { lights } } } }`,
      /between 1950 and 2100/,
    ],
  ])('rejects %s with BAD_USER_INPUT', async (_, query, message) => {
    const res = await graphql(url, query)
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT')
    expect(res.errors?.[0].message).toMatch(message)
  })
})
