import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import pg from 'pg'
import { DISTRICTS } from '../../lib/city.js'
import { graphql, startSubgraphs, type RunningSubgraphs } from '../../test/helpers/start-subgraphs.js'

let subgraphs: RunningSubgraphs
let url: string
const db = new pg.Pool({ connectionString: inject('cityDatabaseUrl'), max: 2 })
const AGS = '07312000'

/** One SQL row set as a map key → number, for comparisons independent of order. */
async function sqlMap(query: string, params: unknown[] = []): Promise<Map<string, number>> {
  const { rows } = await db.query<{ k: string; v: number }>(query, params)
  return new Map(rows.map(r => [r.k, Number(r.v)]))
}

const entities = (selection: string) => `query ($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`

beforeAll(async () => {
  subgraphs = await startSubgraphs(inject('cityDatabaseUrl'), ['education'])
  url = subgraphs.byName.get('education')!.server.url
})
afterAll(async () => { await subgraphs.stop(); await db.end() })

describe('education subgraph', () => {
  it('lists the schools with type, operator, district and budget product', async () => {
    const res = await graphql(url, '{ schools { id name type operator district { ags code } product { code } } gs09: schools(type: GS, districtCode: "09") { id } }')
    expect(res.errors).toBeUndefined()
    const { rows } = await db.query('select id, school_type, district_code, product_code from edu.school order by id')
    expect(res.data.schools.map((s: { id: string }) => s.id)).toEqual(rows.map(r => r.id))
    expect(res.data.schools.filter((s: { type: string }) => s.type === 'GS')).toHaveLength(19)
    const kotten = res.data.schools.find((s: { name: string }) => s.name === 'Kottenschule')
    expect(kotten).toMatchObject({ type: 'GS', operator: 'STADT', district: { ags: AGS, code: '03' }, product: { code: '211' } })
    expect(res.data.schools.find((s: { name: string }) => s.name === 'Heinrich-Heine-Gymnasium')).toMatchObject({ operator: 'LAND', product: null })
    expect(res.data.gs09.map((s: { id: string }) => s.id)).toEqual(rows.filter(r => r.school_type === 'GS' && r.district_code === '09').map(r => r.id))
  })

  it('sums pupils per school in SQL, by grade and nationality, with classes and provenance', async () => {
    const res = await graphql(url, `{ schools { id pupils(schoolYear: "2024/25") { schoolYear total { value status } nonGerman { value } nonGermanShare { value unit }
      classes byGrade { grade count { value } classes } provenance { stichtag ownerDepartment datasetId } } } }`)
    expect(res.errors).toBeUndefined()
    const total = await sqlMap(`select school_id as k, sum(pupils) as v from edu.school_year_stat where school_year = '2024/25' group by school_id`)
    const nonGerman = await sqlMap(`select school_id as k, sum(pupils) as v from edu.school_year_stat where school_year = '2024/25' and nationality_group = 'AUSL' group by school_id`)
    const classes = await sqlMap(`select school_id as k, sum(classes) as v from edu.school_class where school_year = '2024/25' group by school_id`)
    const byGrade = await sqlMap(`select school_id || '|' || grade as k, sum(pupils) as v from edu.school_year_stat where school_year = '2024/25' group by school_id, grade`)
    expect(total.size).toBeGreaterThan(30)
    for (const s of res.data.schools) {
      const p = s.pupils
      expect(p.total).toEqual({ value: total.get(s.id), status: 'EXACT' })
      expect(p.nonGerman.value).toBe(nonGerman.get(s.id) ?? 0)
      expect(p.nonGermanShare.value).toBeCloseTo((nonGerman.get(s.id) ?? 0) / total.get(s.id)!, 4)
      expect(p.classes).toBe(classes.get(s.id) ?? null)
      for (const g of p.byGrade) expect(g.count.value).toBe(byGrade.get(`${s.id}|${g.grade}`))
      expect(p.provenance).toEqual({ stichtag: '2024-09-15', ownerDepartment: 'Referat Schulen', datasetId: 'edu.pupils' })
    }
    const gym = res.data.schools.find((s: { id: string }) => s.id === 'GYM-01').pupils
    expect(gym.byGrade.map((g: { grade: number }) => g.grade)).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13])
    expect(gym.byGrade.find((g: { grade: number }) => g.grade === 12).classes).toBeNull()
  })

  it('counts first graders per Grundschule and city-wide (816 in 43 classes in 2024/25)', async () => {
    const res = await graphql(url, `query ($r: [_Any!]!) {
      schools { id type firstGraders(schoolYear: "2024/25") { value status } }
      _entities(representations: $r) { ... on Year { year firstGraders { value status } } } }`,
    { r: [{ __typename: 'Year', year: 2024 }, { __typename: 'Year', year: 1990 }] })
    expect(res.errors).toBeUndefined()
    const perSchool = await sqlMap(`select s.school_id as k, sum(s.pupils) as v from edu.school_year_stat s join edu.school sc on sc.id = s.school_id
      where sc.school_type = 'GS' and s.grade = 1 and s.school_year = '2024/25' group by s.school_id`)
    const city = [...perSchool.values()].reduce((a, b) => a + b, 0)
    for (const s of res.data.schools) {
      if (s.type === 'GS') expect(s.firstGraders.value).toBe(perSchool.get(s.id))
      else expect(s.firstGraders).toBeNull()
    }
    expect(res.data._entities[0]).toEqual({ year: 2024, firstGraders: { value: city, status: 'EXACT' } })
    expect(city).toBeGreaterThanOrEqual(780)
    expect(city).toBeLessThanOrEqual(900)
    expect(res.data._entities[1].firstGraders).toEqual({ value: null, status: 'NOT_AVAILABLE' })
  })

  it('groups transitions into grade 5 by school type and residence, and leavers by qualification', async () => {
    const res = await graphql(url, entities(`... on Year { transitions { toSchoolType residence applications { value } admissions { value } } graduates { qualification count { value } } }`),
      { r: [{ __typename: 'Year', year: 2024 }] })
    expect(res.errors).toBeUndefined()
    const [year] = res.data._entities
    const admissions = await sqlMap(`select to_school_type || '|' || residence as k, sum(admissions) as v from edu.transition where school_year = '2024/25' group by 1`)
    const applications = await sqlMap(`select to_school_type || '|' || residence as k, sum(applications) as v from edu.transition where school_year = '2024/25' group by 1`)
    expect(year.transitions).toHaveLength(admissions.size)
    for (const t of year.transitions) {
      expect(t.admissions.value).toBe(admissions.get(`${t.toSchoolType}|${t.residence}`))
      expect(t.applications.value).toBe(applications.get(`${t.toSchoolType}|${t.residence}`))
    }
    const sum = (type?: string) => year.transitions.filter((t: { toSchoolType: string }) => !type || t.toSchoolType === type)
      .reduce((a: number, t: { admissions: { value: number } }) => a + t.admissions.value, 0)
    const { rows: [{ total }] } = await db.query(`select sum(admissions)::int as total from edu.transition where school_year = '2024/25'`)
    expect(sum()).toBe(total)
    expect(total).toBeGreaterThan(950)
    expect(total).toBeLessThan(1060)
    expect(sum('GYM') / total).toBeGreaterThan(0.58)
    const igs = year.transitions.filter((t: { toSchoolType: string }) => t.toSchoolType === 'IGS')
    expect(igs.reduce((a: number, t: { applications: { value: number } }) => a + t.applications.value, 0)).toBeGreaterThan(sum('IGS'))

    const graduates = await sqlMap(`select qualification as k, sum(n) as v from edu.graduate where school_year = '2024/25' group by qualification`)
    expect(year.graduates.map((g: { qualification: string }) => g.qualification)).toEqual(['OHNE_BR', 'BERUFSREIFE', 'QUAL_SEK1', 'FHR_SCHUL', 'AHR'])
    for (const g of year.graduates) expect(g.count.value).toBe(graduates.get(g.qualification))
    const school = await graphql(url, '{ school(id: "RSPLUS-01") { graduates(schoolYear: "2024/25") { qualification count { value } } } }')
    const perSchool = await sqlMap(`select qualification as k, sum(n) as v from edu.graduate where school_year = '2024/25' and school_id = 'RSPLUS-01' group by qualification`)
    expect(school.data.school.graduates).toHaveLength(perSchool.size)
    for (const g of school.data.school.graduates) expect(g.count.value).toBe(perSchool.get(g.qualification))
  })

  it('sums Kita places per district at 1 March, for 18 districts in three statements', async () => {
    const reps = DISTRICTS.map(d => ({ __typename: 'District', ags: AGS, code: d.code }))
    subgraphs.resetStatements()
    const res = await graphql(url, entities(`... on District { code schools { id pupils(schoolYear: "2024/25") { total { value } } } kitaPlaces(year: 2025) { year kitas placesTotal placesU3 childrenU3 { value } children3to6 { value } } }`), { r: reps })
    expect(res.errors).toBeUndefined()
    expect(subgraphs.statements().education).toBeLessThanOrEqual(3)
    const places = await db.query(`select k.district_code as code, count(*)::int as kitas, sum(s.places_total)::int as places_total, sum(s.places_u3)::int as places_u3,
      sum(s.children_u3)::int as children_u3, sum(s.children_3_6)::int as children_3_6
      from edu.kita_stat s join edu.kita k on k.id = s.kita_id where s.stichtag = '2025-03-01' group by k.district_code`)
    const byCode = new Map(places.rows.map(r => [r.code, r]))
    const pupils = await sqlMap(`select school_id as k, sum(pupils) as v from edu.school_year_stat where school_year = '2024/25' group by school_id`)
    let schools = 0
    for (const d of res.data._entities) {
      const r = byCode.get(d.code)
      expect(d.kitaPlaces).toEqual({ year: 2025, kitas: r.kitas, placesTotal: r.places_total, placesU3: r.places_u3, childrenU3: { value: r.children_u3 }, children3to6: { value: r.children_3_6 } })
      for (const s of d.schools) expect(s.pupils.total.value).toBe(pupils.get(s.id))
      schools += d.schools.length
    }
    expect(schools).toBe(pupils.size)
    const city = res.data._entities.reduce((a: number, d: { kitaPlaces: { placesTotal: number } }) => a + d.kitaPlaces.placesTotal, 0)
    expect(city).toBeGreaterThan(4000)
    expect(city).toBeLessThan(4300)
  })

  it('resolves School and Kita representations in one statement per type, unknown ones as null', async () => {
    const { rows: schools } = await db.query('select id, name from edu.school order by id limit 6')
    const { rows: kitas } = await db.query('select id, name from edu.kita order by id desc limit 4')
    subgraphs.resetStatements()
    const res = await graphql(url, entities('... on School { id name } ... on Kita { id name operatorType district { code } }'), {
      r: [...schools.map(s => ({ __typename: 'School', id: s.id })), { __typename: 'School', id: 'GS-99' },
        ...kitas.map(k => ({ __typename: 'Kita', id: k.id })), { __typename: 'Kita', id: 'KITA-99' }],
    })
    expect(res.errors).toBeUndefined()
    expect(subgraphs.statements().education).toBe(2)
    expect(res.data._entities.slice(0, 6).map((s: { name: string }) => s.name)).toEqual(schools.map(s => s.name))
    expect(res.data._entities[6]).toBeNull()
    expect(res.data._entities.slice(7, 11).map((k: { name: string }) => k.name)).toEqual(kitas.map(k => k.name))
    expect(res.data._entities[11]).toBeNull()
  })

  it('answers Kita statistics per facility against SQL', async () => {
    const res = await graphql(url, `{ kitas(districtCode: "03") { id stats(year: 2025) { stichtag placesTotal placesU3 childrenU3 { value } children3to6 { value }
      staffTotal staffPedagogical provenance { stichtag ownerDepartment } } } }`)
    expect(res.errors).toBeUndefined()
    const { rows } = await db.query(`select s.* from edu.kita_stat s join edu.kita k on k.id = s.kita_id where k.district_code = '03' and s.stichtag = '2025-03-01' order by k.id`)
    expect(res.data.kitas.map((k: { id: string }) => k.id)).toEqual(rows.map(r => r.kita_id))
    res.data.kitas.forEach((k: { stats: Record<string, unknown> }, i: number) => expect(k.stats).toEqual({
      stichtag: '2025-03-01', placesTotal: rows[i].places_total, placesU3: rows[i].places_u3, childrenU3: { value: rows[i].children_u3 },
      children3to6: { value: rows[i].children_3_6 }, staffTotal: rows[i].staff_total, staffPedagogical: rows[i].staff_pedagogical,
      provenance: { stichtag: '2025-03-01', ownerDepartment: 'Referat Jugend' },
    }))
  })

  it('rejects malformed school years, districts and years with BAD_USER_INPUT', async () => {
    for (const schoolYear of ['2025/27', '2025-26', '25/26', '2025/2026', '1700/01']) {
      const res = await graphql(url, 'query ($y: String!) { school(id: "GS-01") { pupils(schoolYear: $y) { total { value } } } }', { y: schoolYear })
      expect(res.errors?.[0].extensions?.code, schoolYear).toBe('BAD_USER_INPUT')
      expect(res.errors?.[0].message).toMatch(/schoolYear/)
    }
    const bad = await graphql(url, '{ school(id: "GS-01") { graduates(schoolYear: "2024/26") { qualification } } }')
    expect(bad.errors?.[0].message).toMatch(/two consecutive years like "2025\/26"/)
    const district = await graphql(url, '{ schools(districtCode: "9") { id } }')
    expect(district.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT')
    expect(district.errors?.[0].message).toMatch(/two-digit district number/)
    const year = await graphql(url, '{ kita(id: "KITA-01") { stats(year: 1700) { placesTotal } } }')
    expect(year.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT')
    const id = await graphql(url, '{ school(id: "GS-01\'; drop table edu.school; --") { name } }')
    expect(id.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT')
    expect(JSON.stringify(id)).not.toMatch(/stacktrace|at .*\.ts:/)
  })

  it('answers unknown keys and missing data with null', async () => {
    const res = await graphql(url, `query ($r: [_Any!]!) { school(id: "GS-99") { name } kita(id: "KITA-99") { name }
      gs: school(id: "GS-01") { pupils(schoolYear: "2005/06") { total { value } } firstGraders(schoolYear: "2005/06") { value status } graduates(schoolYear: "2026/27") { qualification } }
      _entities(representations: $r) { ... on District { code schools { id } kitaPlaces(year: 2010) { placesTotal } } } }`,
    { r: [{ __typename: 'District', ags: AGS, code: '77' }] })
    expect(res.errors).toBeUndefined()
    expect(res.data.school).toBeNull()
    expect(res.data.kita).toBeNull()
    expect(res.data.gs).toEqual({ pupils: null, firstGraders: { value: null, status: 'NOT_AVAILABLE' }, graduates: [] })
    expect(res.data._entities[0]).toEqual({ code: '77', schools: [], kitaPlaces: null })
  })

  // Cross-checks against the population department's tables; they run when `population` is seeded too.
  it('serves its SDL with the shared value types', async () => {
    const res = await graphql(url, '{ _service { sdl } }')
    expect(res.data._service.sdl).toContain('type School @key(fields: "id")')
    expect(res.data._service.sdl).toContain('type Product @key(fields: "code", resolvable: false)')
    expect(res.data._service.sdl).toContain('type StatCount @shareable')
  })
})
