import { describe, expect, it } from 'vitest'
import { graphql } from '../helpers/start-subgraphs.js'
import { bearer } from '../helpers/start-city.js'
import { useCityQuestions } from '../helpers/city-questions.js'

// Questions that join the social and infrastructure departments with the others, one query each through the
// gateway. Every expected number is computed here with SQL against the seeded database.

const { city: currentCity, one, all, ask } = useCityQuestions()

describe('questions across social, infrastructure and the other departments', () => {
  it('LED programme: what each measure cost (finance), how many lights it converted and what it saves (infrastructure)', async () => {
    const data = await ask(`{
      investmentMeasures(category: "LED") { id name totalCost { amount } fundingShare values { year ist { amount } }
        convertedLights estimatedSavingKwh convertedStreetLights(first: 2) { district { code } convertedToLed } }
      years(from: 2015, to: 2025) { year streetLighting { ledLights convertedInYear energyKwh energyCost { amount } } }
    }`)
    const measures = await all(`select m.id, m.total_cost::float8 as cost, count(l.id)::int as lights,
        sum((l.previous_watt - l.watt) * 4.1)::float8 as saving
      from fin.investment_measure m left join infra.street_light l on l.measure_id = m.id
      where m.category = 'LED' group by m.id, m.total_cost order by m.id`)
    expect(data.investmentMeasures.map((m: any) => m.id).sort()).toEqual(measures.map(m => m.id))
    for (const m of data.investmentMeasures) {
      const e = measures.find(x => x.id === m.id)
      expect(m.totalCost.amount).toBeCloseTo(e.cost, 2)
      expect(m.convertedLights).toBe(e.lights || null)
      if (e.lights) expect(m.estimatedSavingKwh).toBeCloseTo(e.saving, 0)
    }
    // "LED Hauptverkehrsstraßen Teil I": € 366k for 488 lights [V] — € 750 per light, ≈ 377,000 kWh a year.
    const teilI = data.investmentMeasures.find((m: any) => m.name === 'LED Hauptverkehrsstraßen Teil I')
    expect(teilI.totalCost.amount / teilI.convertedLights).toBe(750)
    expect(teilI.estimatedSavingKwh).toBeGreaterThan(360_000)
    expect(teilI.estimatedSavingKwh).toBeLessThan(395_000)
    // Lights a measure paid for were converted in the measure's own district (district measures) and years.
    const west = data.investmentMeasures.find((m: any) => m.name === 'LED Umrüstung Kaiserslautern-West')
    expect(west.convertedStreetLights.every((l: any) => l.district.code === '09')).toBe(true)

    // Spending (Ist of the LED measures) against the conversions of the year and the energy bill.
    const [ist2019] =
      await all(`select sum(v.amount)::float8 as ist from fin.investment_value v join fin.investment_measure m on m.id = v.measure_id
      where m.category = 'LED' and v.year = 2019 and v.version = 'IST'`)
    const spent2019 = data.investmentMeasures
      .flatMap((m: any) => m.values)
      .filter((v: any) => v.year === 2019)
      .reduce((s: number, v: any) => s + (v.ist?.amount ?? 0), 0)
    expect(spent2019).toBeCloseTo(ist2019.ist, 0)
    const y = Object.fromEntries(data.years.map((x: any) => [x.year, x.streetLighting]))
    const conversions = await all<{ year: number; n: number }>(`select extract(year from converted_to_led)::int as year, count(*)::int as n
      from infra.street_light where converted_to_led >= '2015-01-01' group by 1`)
    for (const c of conversions.filter(c => c.year <= 2025)) expect(y[c.year].convertedInYear).toBe(c.n)
    expect(y[2015].energyKwh).toBeGreaterThan(y[2025].energyKwh * 1.4)
    // The 2022 price spike makes the bill rise while consumption falls.
    expect(y[2022].energyCost.amount).toBeGreaterThan(y[2021].energyCost.amount)
    expect(y[2022].energyKwh).toBeLessThan(y[2021].energyKwh)
  })

  it('Eingliederungshilfe recipients per 1,000 inhabitants by district (population × social)', async () => {
    const data = await ask(
      `{ districts { code name population(year: 2025) { total { value } } eingliederungshilfeRecipients(year: 2025) { value status } } }`,
    )
    const expected = await all<{ code: string; recipients: number; residents: number }>(`
      select d.code, (select count(*)::int from soc.egh_case c where c.district_code = d.code and c.start_date <= '2025-12-31'
          and (c.end_date is null or c.end_date >= '2025-01-01')) as recipients,
        (select sum(n)::int from pop.stock s where s.district_code = d.code and s.basis = 'REGISTER_MAIN' and s.stichtag = '2025-12-31') as residents
      from geo.district d where d.ags = '07312000' order by d.code`)
    expect(data.districts.map((d: any) => d.code)).toEqual(expected.map(e => e.code))
    const rates = data.districts.map((d: any, i: number) => {
      expect(d.eingliederungshilfeRecipients).toEqual({ value: expected[i].recipients, status: 'EXACT' })
      expect(d.population.total.value).toBe(expected[i].residents)
      return (1000 * d.eingliederungshilfeRecipients.value) / d.population.total.value
    })
    // About 1 % of the residents everywhere: between 5 and 20 per 1,000 in every district.
    for (const r of rates) expect(r).toBeGreaterThan(5)
    for (const r of rates) expect(r).toBeLessThan(20)
  })

  it('the warning-gauge inputs: incidence from the cases over the official population, hospital and ICU figures', async () => {
    const data = await ask(`{ municipality(ags: "07312000") { name officialPopulation(year: 2020) { value }
      healthDay(day: "2021-09-20") { day incidence7 hospitalization7 icuShare recent { day incidence7 } provenance { ownerDepartment } }
      dailySeries(metric: COVID_CASES, from: "2021-09-14", to: "2021-09-20") { day value } } }`)
    const m = data.municipality
    const { total } = await one(
      `select total from pop.official_total where ags = '07312000' and basis = 'OFFICIAL_UPDATE' and stichtag = '2020-12-31'`,
    )
    expect(m.officialPopulation.value).toBe(total)
    const week = m.dailySeries.reduce((s: number, p: any) => s + p.value, 0)
    expect(m.dailySeries).toHaveLength(7)
    expect(m.healthDay.incidence7).toBeCloseTo((week * 100_000) / m.officialPopulation.value, 1)
    expect(m.healthDay.recent.at(-1)).toEqual({ day: '2021-09-20', incidence7: m.healthDay.incidence7 })
    expect(m.healthDay.provenance.ownerDepartment).toMatch(/Gesundheitsamt/)
  })

  it('who sees Eingliederungshilfe: the public gets perturbed tables, only social staff with a purpose get case rows', async () => {
    const table = `{ districts { code eingliederungshilfe(year: 2022) { benefitGroup recipients { value status } cost { amount status } } } }`
    const published = await currentCity().query(table)
    expect(published.errors).toBeUndefined()
    const exact = await ask(table)
    const cells = published.data.districts.flatMap((d: any) => d.eingliederungshilfe)
    const exactCells = exact.districts.flatMap((d: any) => d.eingliederungshilfe)
    // Cell Key Method: every count within ±2 of the exact one (PERTURBED), zero as zero, nothing SECRET;
    // every cost with cases moved (never published exactly), an empty cell's cost zero.
    cells.forEach((c: any, i: number) => {
      const e = exactCells[i]
      if (e.recipients.value === 0) {
        expect(c.recipients).toEqual({ value: 0, status: 'ZERO' })
        expect(c.cost).toEqual({ amount: 0, status: 'ZERO' })
        return
      }
      expect(c.recipients.status).toBe('PERTURBED')
      expect(Math.abs(c.recipients.value - e.recipients.value)).toBeLessThanOrEqual(2)
      expect(c.recipients.value).toBeGreaterThanOrEqual(1)
      expect(c.cost.status).toBe('PERTURBED')
      expect(c.cost.amount).not.toBe(e.cost.amount)
    })
    expect(exactCells.some((c: any) => c.recipients.value === 1 || c.recipients.value === 2)).toBe(true)

    const cases = '{ eghCases(from: "2025-01-01", to: "2025-12-31", first: 3) { id benefitGroup district { code } } }'
    for (const [roles, department] of [
      ['public', undefined],
      ['controlling', undefined],
      ['staff', 'asylum'],
    ] as const) {
      const res = await currentCity().queryAs(roles, cases, undefined, { department })
      expect(res.errors?.[0].extensions?.code, `${roles} ${department ?? ''}`).toBe('GRAPHQL_VALIDATION_FAILED')
    }
    const noPurpose = await currentCity().queryAs('staff', cases, undefined, { department: 'social' })
    expect(noPurpose.errors?.[0].extensions?.code).toBe('PURPOSE_REQUIRED')
    const before = (await one('select count(*)::int as n from access.access_log')).n
    const own = await graphql(currentCity().gateway.url, cases, undefined, {
      ...bearer('staff', { department: 'social', sub: 'eingliederungshilfe-3' }),
      'x-stadtgraph-purpose': 'Hilfeplanung',
    })
    expect(own.errors).toBeUndefined()
    const expected = await all(
      `select id from soc.egh_case where start_date <= '2025-12-31' and (end_date is null or end_date >= '2025-01-01') order by start_date, id limit 3`,
    )
    expect(own.data.eghCases.map((c: any) => c.id)).toEqual(expected.map(e => e.id))
    const log = await one(`select subject, department, purpose, coordinates from access.access_log order by id desc limit 1`)
    expect((await one('select count(*)::int as n from access.access_log')).n).toBe(before + 1)
    expect(log).toMatchObject({ subject: 'eingliederungshilfe-3', department: 'social', purpose: 'Hilfeplanung' })
    expect(log.coordinates).toContain('Query.eghCases')
  })

  it('a district comes back when the infrastructure department is down; only its fields are null', async () => {
    await currentCity().subgraphs.byName.get('infrastructure')!.server.close()
    const res = await currentCity().queryAs(
      'controlling',
      `{ district(code: "06") { name eingliederungshilfeRecipients(year: 2024) { value } streetLighting(year: 2024) { lights } }
      investmentMeasure(id: "7.541001") { name convertedLights } }`,
    )
    expect(res.data.district.name).toBe('Betzenberg')
    expect(res.data.district.eingliederungshilfeRecipients.value).toBeGreaterThan(0)
    expect(res.data.district.streetLighting).toBeNull()
    expect(res.data.investmentMeasure).toEqual({ name: 'LED Hauptverkehrsstraßen Teil I', convertedLights: null })
    expect(res.errors?.map(e => [e.extensions?.code, e.extensions?.serviceName])).toContainEqual(['SUBGRAPH_UNAVAILABLE', 'infrastructure'])
  })
})
