import pg from 'pg'
import { afterAll, describe, expect, inject, it } from 'vitest'

// Consistency of the social and infrastructure demo data (docs/data-model.md#invariants, invariant 6) and of their links
// into other departments, checked in the seeded city database where every department is present.
const db = new pg.Pool({ connectionString: inject('cityDatabaseUrl'), max: 2 })
const all = async <T = any>(text: string, params: unknown[] = []): Promise<T[]> => (await db.query(text, params)).rows
afterAll(async () => {
  await db.end()
})

describe('street lighting (invariant 6)', () => {
  it('never loses an LED light: the LED count per district and city never falls from one month to the next', async () => {
    const drops = await all(`
      with city as (select '**' as district_code, month, sum(led_lights) as led, sum(lights) as lights from infra.district_energy_month group by month),
      series as (select district_code, month, led_lights as led, lights from infra.district_energy_month union all select * from city)
      select district_code, month::text, led, prev from (
        select district_code, month, led, lag(led) over (partition by district_code order by month) as prev from series) s
      where led < prev`)
    expect(drops).toEqual([])
    const [{ months, districts }] = await all(
      `select count(distinct month)::int as months, count(distinct district_code)::int as districts from infra.district_energy_month`,
    )
    expect(districts).toBe(18)
    expect(months).toBeGreaterThanOrEqual(34)
  })

  it('uses energy(y) ≈ Σ lights × watt × 4,100 h, with the watts in place at mid-year', async () => {
    const years = await all<{ year: number; energy: number; expected: number }>(`
      with e as (select extract(year from month)::int as year, sum(kwh)::float8 as energy, count(distinct month) as months
                 from infra.district_energy_month group by 1)
      select e.year, e.energy, (select sum(case when l.converted_to_led <= make_date(e.year, 7, 1) then l.watt else coalesce(l.previous_watt, l.watt) end)
                                 * 4100 / 1000.0 from infra.street_light l where l.installed <= make_date(e.year, 7, 1))::float8 as expected
      from e where e.months = 12 order by 1`)
    expect(years.length).toBeGreaterThanOrEqual(2)
    for (const y of years) expect(Math.abs(y.energy - y.expected) / y.expected, `year ${y.year}`).toBeLessThan(0.03)
    // The yearly burning hours the energy rests on.
    expect((await all(`select sum(hours)::float8 as h from infra.burn_hours`))[0].h).toBe(4100)
  })

  it("links every conversion to an LED measure finance really has, inside the measure's years", async () => {
    const orphans = await all(`select l.measure_id, count(*)::int as n from infra.street_light l
      left join fin.investment_measure m on m.id = l.measure_id
      where l.measure_id is not null and (m.id is null or m.category <> 'LED'
        or extract(year from l.converted_to_led) not between m.start_year and m.end_year) group by 1`)
    expect(orphans).toEqual([])
    const unknownDistricts = await all(`select distinct district_code from infra.street_light
      except select code from geo.district where ags = '07312000'`)
    expect(unknownDistricts).toEqual([])
  })
})

describe('social and health', () => {
  it("keeps EGH cases in the city's districts and recipients near 1 % of the population", async () => {
    expect(
      await all(`select distinct district_code from soc.egh_case except select code from geo.district where ags = '07312000'`),
    ).toEqual([])
    const shares = await all<{ year: number; share: number }>(`
      select y as year, (select count(*) from soc.egh_case where start_date <= make_date(y, 12, 31) and (end_date is null or end_date >= make_date(y, 1, 1)))::float8
        / (select sum(n) from pop.stock where basis = 'REGISTER_MAIN' and stichtag = make_date(y, 12, 31)) as share
      from generate_series(2015, 2025) y where exists (select 1 from pop.stock where stichtag = make_date(y, 12, 31))`)
    expect(shares.length).toBeGreaterThan(0)
    for (const s of shares) {
      expect(s.share, String(s.year)).toBeGreaterThan(0.009)
      expect(s.share, String(s.year)).toBeLessThan(0.014)
    }
  })

  it('computes the 7-day incidence over the official population the population department publishes', async () => {
    // COVID_INC7 on 7 Jan of each year = Σ cases of 1–7 Jan × 100,000 ÷ OFFICIAL_UPDATE at 31.12. of the year before.
    const rows = await all<{ day: string; inc: number; expected: number }>(`
      select d::date::text as day, i.value::float8 as inc,
        (select sum(value) from soc.daily_metric c where c.ags = i.ags and c.metric = 'COVID_CASES' and c.day between d::date - 6 and d::date)
          * 100000.0 / o.total as expected
      from generate_series('2021-01-07'::date, '2023-01-07'::date, interval '1 year') d
      join soc.daily_metric i on i.day = d::date and i.metric = 'COVID_INC7' and i.ags = '07312000'
      join pop.official_total o on o.ags = i.ags and o.basis = 'OFFICIAL_UPDATE' and o.stichtag = make_date(extract(year from d)::int - 1, 12, 31)`)
    expect(rows.length).toBe(3)
    for (const r of rows) expect(r.inc, r.day).toBeCloseTo(r.expected, 1)
  })
})
