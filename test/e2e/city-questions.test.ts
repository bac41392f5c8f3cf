import { describe, expect, it } from 'vitest'
import { useCityQuestions } from '../helpers/city-questions.js'

// The cross-department questions the dashboards ask (schema/operations/), each one query through the gateway. Every expected
// number is computed here with SQL against the seeded database, independently of the departments' code.

const { city: currentCity, one, all, ask } = useCityQuestions()

/** Ordinary expense (E9–E14) of a product and all its descendants in one year and version. */
const PRODUCT_EXPENSE = `
  with recursive tree as (select code from fin.product where code = $1
                          union all select p.code from fin.product p join tree t on p.parent_code = t.code)
  select coalesce(sum(v.amount), 0)::float as amount from fin.budget_value v
  join fin.account_line l on l.code = v.account_line and l.kind = 'EXPENSE'
  where v.product_code in (select code from tree) and v.year = $2 and v.version = $3`

const popTotal = (district: string, year: number) =>
  one<{ n: number }>(
    `select sum(n)::int as n from pop.stock where basis = 'REGISTER_MAIN' and district_code = $1 and stichtag = make_date($2, 12, 31)`,
    [district, year],
  )

describe('cross-department questions, one query each', () => {
  it('Q1 district profile card: population, schools, Kitas, asylum housing, investments', async () => {
    const data = await ask(
      `query DistrictCard($code: ID!) {
      district(code: $code) {
        name kind
        population(year: 2025) {
          total { value status } foreignerShare { value }
          byAgeGroup(scheme: FUNCTIONAL) { group { label } count { value } }
          provenance { ownerDepartment stichtag }
        }
        schools { id type }
        kitas { id stats(year: 2025) { placesTotal placesU3 } }
        accommodations(activeOn: "2025-12-31") { id capacity occupancy(day: "2025-12-31") { occupied { value } } }
        investments(from: 2024, to: 2026) { id category }
      }
    }`,
      { code: '09' },
    )
    const d = data.district
    const { n: total } = await popTotal('09', 2025)
    const { foreign } = await one(`select sum(n)::int as foreign from pop.stock where basis = 'REGISTER_MAIN' and district_code = '09'
      and stichtag = '2025-12-31' and nationality_group <> 'DEU'`)
    expect(d.name).toBe('Kaiserslautern-West')
    expect(d.population.total).toEqual({ value: total, status: 'EXACT' })
    expect(d.population.foreignerShare.value).toBeCloseTo(foreign / total, 3)
    expect(d.population.byAgeGroup.reduce((s: number, g: any) => s + g.count.value, 0)).toBe(total)
    expect(d.population.provenance.stichtag).toBe('2025-12-31')

    const schools = await all(`select id, school_type from edu.school where district_code = '09' order by id`)
    expect(d.schools.map((s: any) => s.id).sort()).toEqual(schools.map(s => s.id))
    const kitas = await all(`select k.id, s.places_total, s.places_u3 from edu.kita k join edu.kita_stat s on s.kita_id = k.id
      where k.district_code = '09' and s.stichtag = '2025-03-01' order by k.id`)
    expect(d.kitas.map((k: any) => [k.id, k.stats.placesTotal, k.stats.placesU3]).sort()).toEqual(
      kitas.map(k => [k.id, k.places_total, k.places_u3]),
    )
    const housing =
      await all(`select a.id, (select o.occupied from asy.occupancy o where o.accommodation_id = a.id and o.day <= '2025-12-31'
        order by o.day desc limit 1) as occupied from asy.accommodation a
      where a.district_code = '09' and a.opened <= '2025-12-31' and (a.closed is null or a.closed > '2025-12-31') order by a.id`)
    expect(d.accommodations.map((a: any) => [a.id, a.occupancy?.occupied.value ?? null]).sort()).toEqual(
      housing.map(a => [a.id, a.occupied]),
    )
    const measures = await all(`select id from fin.investment_measure where district_code = '09'
      and coalesce(start_year, 0) <= 2026 and coalesce(end_year, 9999) >= 2024 order by id`)
    expect(d.investments.map((m: any) => m.id).sort()).toEqual(measures.map(m => m.id))
  })

  it('Q2 Kita supply vs demand by district: cohorts from population, places from education', async () => {
    const data = await ask(`{ districts { code
      u3: cohort(ageFrom: 0, ageTo: 2, year: 2024) { value }
      ue3: cohort(ageFrom: 3, ageTo: 5, year: 2024) { value }
      kitaPlaces(year: 2025) { placesU3 placesTotal } } }`)
    const cohorts = await all(`select district_code,
        sum(n) filter (where age between 0 and 2)::int as u3, sum(n) filter (where age between 3 and 5)::int as ue3
      from pop.stock where basis = 'REGISTER_MAIN' and stichtag = '2024-12-31' group by 1 order by 1`)
    const places = await all(`select k.district_code, sum(s.places_u3)::int as u3, sum(s.places_total)::int as total
      from edu.kita k join edu.kita_stat s on s.kita_id = k.id where s.stichtag = '2025-03-01' group by 1`)
    const placesBy = new Map(places.map(p => [p.district_code, p]))
    expect(data.districts).toHaveLength(18)
    for (const d of data.districts) {
      const c = cohorts.find(r => r.district_code === d.code)
      expect([d.code, d.u3.value, d.ue3.value]).toEqual([d.code, c.u3, c.ue3])
      const p = placesBy.get(d.code)
      expect(d.kitaPlaces ? [d.kitaPlaces.placesU3, d.kitaPlaces.placesTotal] : null).toEqual(p ? [p.u3, p.total] : null)
    }
    const cityU3 = cohorts.reduce((s, c) => s + c.u3, 0)
    const cityPlacesU3 = places.reduce((s, p) => s + p.u3, 0)
    // A plausible U3 coverage for a German city, not a hard-coded figure.
    expect(cityPlacesU3 / cityU3).toBeGreaterThan(0.15)
    expect(cityPlacesU3 / cityU3).toBeLessThan(0.6)
  })

  it('Q3 asylum 2022: monthly allocations, capacity, and the budget product that pays for it', async () => {
    const data = await ask(`{
      year(year: 2022) { allocations(grain: MONTH) { period count { value } byOrigin(top: 3) { country { code nameDe } count { value } } } }
      asylumCapacity(day: "2022-12-31") { capacity occupied free sufficient monthsOfHeadroom }
      product(code: "313") { name comparison(year: 2022) { ansatz { amount } ist { amount } } asylumCaseCount(year: 2022) { value } }
    }`)
    const months = await all(`select to_char(allocation_date, 'YYYY-MM') as period, count(*)::int as n from asy.allocation
      where extract(year from allocation_date) = 2022 group by 1 order by 1`)
    const byPeriod = new Map(data.year.allocations.map((b: any) => [b.period, b.count.value]))
    for (const m of months) expect(byPeriod.get(m.period)).toBe(m.n)
    expect(data.year.allocations.reduce((s: number, b: any) => s + b.count.value, 0)).toBe(months.reduce((s, m) => s + m.n, 0))
    const march = data.year.allocations.find((b: any) => b.period === '2022-03')
    const [top] = await all(`select country_of_origin as code, count(*)::int as n from asy.allocation
      where to_char(allocation_date, 'YYYY-MM') = '2022-03' group by 1 order by 2 desc, 1 limit 1`)
    expect(march.byOrigin[0].count.value).toBe(top.n)
    expect(march.byOrigin[0].country.code).toBe(top.code)
    expect(march.byOrigin[0].country.nameDe).toBe((await one(`select name_de from geo.country where code = $1`, [top.code])).name_de)

    const cap = await one(`select sum(a.capacity)::int as capacity, sum(o.occupied)::int as occupied from asy.accommodation a
      join lateral (select occupied from asy.occupancy o where o.accommodation_id = a.id and o.day <= '2022-12-31' order by o.day desc limit 1) o on true
      where a.opened <= '2022-12-31' and (a.closed is null or a.closed > '2022-12-31')`)
    expect(data.asylumCapacity.occupied).toBe(cap.occupied)
    expect(data.asylumCapacity.free).toBe(data.asylumCapacity.capacity - data.asylumCapacity.occupied)

    const ansatz = await one(PRODUCT_EXPENSE, ['313', 2022, 'ANSATZ'])
    const ist = await one(PRODUCT_EXPENSE, ['313', 2022, 'IST'])
    expect(data.product.comparison.ansatz.amount).toBeCloseTo(ansatz.amount, 2)
    expect(data.product.comparison.ist.amount).toBeCloseTo(ist.amount, 2)
    expect(data.product.asylumCaseCount.value).toBe(months.reduce((s, m) => s + m.n, 0))
  })

  it('Q4 FAZIT for the committee: social budget 2015–2025 and expense per resident through federation', async () => {
    const data = await ask(`{
      product(code: "3") { name series(from: 2015, to: 2025, version: IST) { year ordinaryExpense { amount } } }
      municipality(ags: "07312000") { name officialPopulation(year: 2024) { value } }
      year(year: 2024) { residents budget(version: IST) { ordinaryExpense { amount } } expensePerCapita(version: IST) { amount } }
    }`)
    expect(data.product.series.map((r: any) => r.year)).toEqual([2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025])
    for (const r of data.product.series) {
      expect(r.ordinaryExpense.amount).toBeCloseTo((await one(PRODUCT_EXPENSE, ['3', r.year, 'IST'])).amount, 2)
    }
    const official = await one(`select total from pop.official_total where ags = '07312000' and basis = 'OFFICIAL_UPDATE'
      and stichtag = '2024-12-31'`)
    expect(data.municipality.officialPopulation.value).toBe(official.total)
    const { n: residents } = await one(`select sum(n)::int as n from pop.stock where basis = 'REGISTER_MAIN' and stichtag = '2024-12-31'`)
    const expense = await one(`select sum(v.amount)::float as amount from fin.budget_value v
      join fin.account_line l on l.code = v.account_line and l.kind = 'EXPENSE' where v.year = 2024 and v.version = 'IST'`)
    expect(data.year.residents).toBe(residents)
    expect(data.year.budget.ordinaryExpense.amount).toBeCloseTo(expense.amount, 2)
    // population's residents reach finance through @requires: no copy of population data in finance
    expect(data.year.expensePerCapita.amount).toBeCloseTo(expense.amount / residents, 2)
  })

  it('Q5 integration report: foreigner share, non-German pupils at Grundschulen, accommodations', async () => {
    const data = await ask(`{ districts { code
      population(year: 2025) { foreignerShare { value } byNationality(top: 3) { group count { value } } }
      schools(type: GS) { id pupils(schoolYear: "2025/26") { total { value } nonGerman { value } } }
      accommodations(activeOn: "2025-12-31") { kind capacity } } }`)
    const shares = await all(`select district_code, (sum(n) filter (where nationality_group <> 'DEU'))::float / sum(n) as share
      from pop.stock where basis = 'REGISTER_MAIN' and stichtag = '2025-12-31' group by 1`)
    const pupils =
      await all(`select s.school_id, sum(s.pupils)::int as total, (sum(s.pupils) filter (where s.nationality_group = 'AUSL'))::int as foreign
      from edu.school_year_stat s join edu.school sc on sc.id = s.school_id where sc.school_type = 'GS' and s.school_year = '2025/26' group by 1`)
    const pupilsBy = new Map(pupils.map(p => [p.school_id, p]))
    const beds = await all(`select district_code, sum(capacity)::int as capacity from asy.accommodation
      where opened <= '2025-12-31' and (closed is null or closed > '2025-12-31') group by 1`)
    let gs = 0
    for (const d of data.districts) {
      expect(d.population.foreignerShare.value).toBeCloseTo(shares.find(s => s.district_code === d.code).share, 3)
      for (const s of d.schools) {
        gs++
        expect([s.id, s.pupils.total.value, s.pupils.nonGerman.value]).toEqual([
          s.id,
          pupilsBy.get(s.id).total,
          pupilsBy.get(s.id).foreign ?? 0,
        ])
      }
      const capacity = d.accommodations.reduce((sum: number, a: any) => sum + a.capacity, 0)
      expect(capacity).toBe(beds.find(b => b.district_code === d.code)?.capacity ?? 0)
    }
    expect(gs).toBe(pupils.length)
  })

  it('Q6 school planning: first graders per district vs births six years earlier', async () => {
    const data = await ask(
      `{ districts { code movements(year: 2018) { births { value } } schools(type: GS) { firstGraders(schoolYear: "2024/25") { value } } } }`,
    )
    const births = await all(`select district_code, sum(n)::int as n from pop.movement where kind = 'BIRTH'
      and month >= '2018-01-01' and month < '2019-01-01' group by 1`)
    const firstGraders = await one(`select sum(s.pupils)::int as n from edu.school_year_stat s join edu.school sc on sc.id = s.school_id
      where sc.school_type = 'GS' and s.grade = 1 and s.school_year = '2024/25'`)
    for (const d of data.districts) expect(d.movements.births.value).toBe(births.find(b => b.district_code === d.code)?.n ?? 0)
    const totalFirst = data.districts.flatMap((d: any) => d.schools).reduce((s: number, g: any) => s + g.firstGraders.value, 0)
    expect(totalFirst).toBe(firstGraders.n)
    const totalBirths = births.reduce((s, b) => s + b.n, 0)
    expect(totalFirst / totalBirths).toBeGreaterThan(0.75)
    expect(totalFirst / totalBirths).toBeLessThan(1.1)
  })

  it('Q7 transitions into secondary schools with the cost of Gymnasien and IGS', async () => {
    const data = await ask(`{
      year(year: 2024) { transitions { toSchoolType residence applications { value } admissions { value } } }
      gym: product(code: "217") { comparison(year: 2024) { ist { amount } } }
      igs: product(code: "218") { comparison(year: 2024) { ist { amount } } }
    }`)
    const rows = await all(`select to_school_type, residence, coalesce(applications, 0)::int as applications, admissions::int
      from edu.transition where school_year = '2024/25' order by 1, 2`)
    const got = data.year.transitions
      .map((t: any) => [t.toSchoolType, t.residence, t.admissions.value])
      .sort((a: any[], b: any[]) => `${a[0]}${a[1]}`.localeCompare(`${b[0]}${b[1]}`))
    expect(got).toEqual(rows.map(r => [r.to_school_type, r.residence, r.admissions]))
    expect(data.gym.comparison.ist.amount).toBeCloseTo((await one(PRODUCT_EXPENSE, ['217', 2024, 'IST'])).amount, 2)
    expect(data.igs.comparison.ist.amount).toBeCloseTo((await one(PRODUCT_EXPENSE, ['218', 2024, 'IST'])).amount, 2)
  })

  it('Q10 investment map: measures by district with population and investment per resident', async () => {
    const data = await ask(`{ districts { code residents population(year: 2025) { total { value } }
      investments(from: 2024, to: 2026) { id totalCost { amount } } investmentPerCapita(from: 2024, to: 2026) { amount } } }`)
    const planned = await all(`select m.district_code, sum(v.amount)::float as amount from fin.investment_measure m
      join fin.investment_value v on v.measure_id = m.id where v.version = 'ANSATZ' and v.year between 2024 and 2026
      group by 1`)
    for (const d of data.districts) {
      const { n } = await popTotal(d.code, 2025)
      expect(d.population.total.value).toBe(n)
      expect(d.residents).toBe(n)
      const amount = planned.find(p => p.district_code === d.code)?.amount ?? 0
      expect(d.investmentPerCapita.amount).toBeCloseTo(amount / n, 2)
    }
  })

  it('Q12 peer comparison: the city and the other kreisfreie Städte of Rhineland-Palatinate', async () => {
    const data = await ask(
      `{ municipalities(stateCode: "07", kind: KREISFREIE_STADT) { ags name officialPopulation(year: 2024) { value } } }`,
    )
    const peers = await all(`select m.ags, o.total from geo.municipality m left join pop.official_total o
      on o.ags = m.ags and o.basis = 'OFFICIAL_UPDATE' and o.stichtag = '2024-12-31' where m.kind = 'KREISFREIE_STADT' order by m.ags`)
    expect(data.municipalities.map((m: any) => [m.ags, m.officialPopulation?.value ?? null])).toEqual(
      peers.map(p => [p.ags.trim(), p.total]),
    )
    expect(peers.length).toBe(12)
  })

  it('Q14 year summary across departments (Jahresbericht)', async () => {
    const data = await ask(`{ year(year: 2024) {
      population(basis: OFFICIAL_UPDATE) { value }
      movements { births { value } deaths { value } }
      budget(version: IST) { ordinaryResult { amount } }
      allocations(grain: YEAR) { period count { value } }
      graduates { qualification count { value } }
      firstGraders { value }
    } }`)
    const y = data.year
    const births = await one(
      `select sum(n)::int as n from pop.movement where kind = 'BIRTH' and month >= '2024-01-01' and month < '2025-01-01'`,
    )
    const deaths = await one(
      `select sum(n)::int as n from pop.movement where kind = 'DEATH' and month >= '2024-01-01' and month < '2025-01-01'`,
    )
    expect(y.movements.births.value).toBe(births.n)
    expect(y.movements.deaths.value).toBe(deaths.n)
    const result = await one(`select sum(case when l.kind = 'INCOME' then v.amount else -v.amount end)::float as amount
      from fin.budget_value v join fin.account_line l on l.code = v.account_line and l.kind in ('INCOME', 'EXPENSE')
      where v.year = 2024 and v.version = 'IST'`)
    expect(y.budget.ordinaryResult.amount).toBeCloseTo(result.amount, 2)
    const allocations = await one(`select count(*)::int as n from asy.allocation where extract(year from allocation_date) = 2024`)
    expect(y.allocations).toEqual([{ period: '2024', count: { value: allocations.n } }])
    const graduates = await all(`select qualification, sum(n)::int as n from edu.graduate where school_year = '2024/25' group by 1`)
    for (const g of y.graduates) expect(g.count.value).toBe(graduates.find(r => r.qualification === g.qualification)?.n ?? 0)
    const first = await one(`select sum(s.pupils)::int as n from edu.school_year_stat s join edu.school sc on sc.id = s.school_id
      where sc.school_type = 'GS' and s.grade = 1 and s.school_year = '2024/25'`)
    expect(y.firstGraders.value).toBe(first.n)
  })
})

describe('bad input through the gateway', () => {
  it.each([
    ['year 1700', '{ year(year: 1700) { year } }', /year between 1950 and 2100/],
    ['malformed AGS', '{ district(ags: "73120", code: "05") { name } }', /8-digit/],
    ['malformed district number', '{ district(code: "5a") { name } }', /two-digit/],
    ['population in year 1700', '{ district(code: "05") { population(year: 1700) { total { value } } } }', /year/],
    ['from after to', '{ product(code: "3") { series(from: 2025, to: 2015) { year } } }', /from/],
    ['bad school year', '{ school(id: "GS-01") { pupils(schoolYear: "2025/2027") { total { value } } } }', /school year/],
  ])('%s → BAD_USER_INPUT with a clear message, no stack trace', async (_name, query, message) => {
    const res = await currentCity().queryAs('controlling', query)
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT')
    expect(res.errors?.[0].message).toMatch(message)
    expect(JSON.stringify(res)).not.toMatch(/stacktrace|\.ts:\d+|node_modules/)
  })

  it('answers an unknown district with null', async () => {
    const res = await currentCity().queryAs(
      'controlling',
      '{ district(code: "99") { name population(year: 2025) { total { value } } schools { name } } }',
    )
    expect(res.errors).toBeUndefined()
    expect(res.data.district).toBeNull()
  })
})
