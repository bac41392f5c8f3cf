import pg from 'pg'
import { afterAll, describe, expect, inject, it } from 'vitest'

// Consistency of the demo data across departments (docs/data-model.md#invariants), checked in the seeded city
// database where every department is present.
const db = new pg.Pool({ connectionString: inject('cityDatabaseUrl'), max: 2 })
afterAll(async () => {
  await db.end()
})

describe('demo data across education and population', () => {
  it('keeps invariants 2–3: Kita children vs population cohorts, first graders vs births', async () => {
    // (2) children under three in a district's Kitas on 1 March ≤ its 0–2 cohort on 31.12. of the prior year + 15 %.
    const { rows: u3 } = await db.query(`
      with k as (select k.ags, k.district_code, extract(year from s.stichtag)::int as y, sum(s.children_u3) as u3
                 from edu.kita_stat s join edu.kita k on k.id = s.kita_id group by 1, 2, 3),
           p as (select ags, district_code, extract(year from stichtag)::int + 1 as y, sum(n) as cohort from pop.stock
                 where basis = 'REGISTER_MAIN' and age between 0 and 2 and to_char(stichtag, 'MM-DD') = '12-31' group by 1, 2, 3)
      select k.district_code, k.y, k.u3::int, p.cohort::int from k join p using (ags, district_code, y)`)
    expect(u3.length).toBeGreaterThan(0)
    for (const r of u3) expect(r.u3, `district ${r.district_code} ${r.y}`).toBeLessThanOrEqual(r.cohort * 1.15)
    // (3) first graders of the school year starting in y ≈ births of y − 6. City-wide, because school districts
    // are not city districts (Erfenbach's Grundschule also serves Siegelbach). The domain model asks ≥ 85 %, but its
    // real anchors (816 first graders 2024/25, 900–980 births a year) already sit at 83–90 %, so the bound is 80 %.
    const { rows: cohorts } = await db.query(`
      with f as (select left(s.school_year, 4)::int as y, sum(s.pupils) as first_graders from edu.school_year_stat s
                 join edu.school sc on sc.id = s.school_id where sc.school_type = 'GS' and s.grade = 1 group by 1),
           b as (select extract(year from month::date)::int + 6 as y, sum(n) as births from pop.movement where kind = 'BIRTH' group by 1)
      select y, first_graders::int, births::int from f join b using (y)`)
    for (const r of cohorts) {
      expect(r.first_graders, `school year ${r.y}`).toBeGreaterThanOrEqual(0.8 * r.births)
      expect(r.first_graders, `school year ${r.y}`).toBeLessThanOrEqual(1.15 * r.births)
    }
  })
})
