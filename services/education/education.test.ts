import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import pg from 'pg'
import { DISTRICTS } from '../../platform/city.js'
import { graphql, internalHeaders, startSubgraphs, TEST_IDENTITY, type RunningSubgraphs } from '../../test/helpers/start-subgraphs.js'
import { feasibleIntervals, integersIn, type AtomBounds, type Constraint } from '../../test/helpers/lp-interval.js'
import {
  GRADE5_INTAKE_TYPES,
  kitaCellId,
  kitaFamily,
  kitaFamilyPlan,
  transitionCellId,
  transitionFamily,
  transitionFamilyPlan,
  type TransitionCell,
} from './families.js'
import { disclosure } from './disclosure.js'
import { KL_CKM_2, perturbCount } from '../../lib/disclosure/perturbation-table.js'
import { cellKeyOf } from '../../lib/disclosure/cell-key.js'

let subgraphs: RunningSubgraphs
let url: string
const db = new pg.Pool({ connectionString: inject('cityDatabaseUrl'), max: 2 })
const AGS = '07312000'

/** One SQL row set as a map key → number, for comparisons independent of order. */
async function sqlMap(query: string, params: unknown[] = []): Promise<Map<string, number>> {
  const { rows } = await db.query<{ k: string; v: number }>(query, params)
  return new Map(rows.map(r => [r.k, Number(r.v)]))
}

/** Aggregate-only callers (disclosure control applies) and an exact role, as the gateway would sign them (one token per call). */
const PUBLIC = () =>
  internalHeaders('education', {
    ...TEST_IDENTITY,
    subject: 'anonymous',
    roles: ['public'],
    scopes: ['open'],
    aggregateOnly: true,
    authenticated: false,
  })
const COMMITTEE = () =>
  internalHeaders('education', { ...TEST_IDENTITY, subject: 'council', roles: ['committee'], scopes: ['open'], aggregateOnly: true })
const LEADERSHIP = () =>
  internalHeaders('education', {
    ...TEST_IDENTITY,
    subject: 'mayor',
    roles: ['leadership'],
    scopes: ['open', 'internal'],
    aggregateOnly: false,
  })

const entities = (selection: string) => `query ($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`

beforeAll(async () => {
  subgraphs = await startSubgraphs(inject('cityDatabaseUrl'), ['education'])
  url = subgraphs.byName.get('education')!.server.url
})
afterAll(async () => {
  await subgraphs.stop()
  await db.end()
})

describe('education subgraph', () => {
  it('lists the schools with type, operator, district and budget product', async () => {
    const res = await graphql(
      url,
      '{ schools { id name type operator district { ags code } product { code } } gs09: schools(type: GS, districtCode: "09") { id } }',
    )
    expect(res.errors).toBeUndefined()
    const { rows } = await db.query('select id, school_type, district_code, product_code from edu.school order by id')
    expect(res.data.schools.map((s: { id: string }) => s.id)).toEqual(rows.map(r => r.id))
    expect(res.data.schools.filter((s: { type: string }) => s.type === 'GS')).toHaveLength(19)
    const kotten = res.data.schools.find((s: { name: string }) => s.name === 'Kottenschule')
    expect(kotten).toMatchObject({ type: 'GS', operator: 'STADT', district: { ags: AGS, code: '03' }, product: { code: '211' } })
    expect(res.data.schools.find((s: { name: string }) => s.name === 'Heinrich-Heine-Gymnasium')).toMatchObject({
      operator: 'LAND',
      product: null,
    })
    expect(res.data.gs09.map((s: { id: string }) => s.id)).toEqual(
      rows.filter(r => r.school_type === 'GS' && r.district_code === '09').map(r => r.id),
    )
  })

  it('sums pupils per school in SQL, by grade and nationality, with classes and provenance', async () => {
    const res = await graphql(
      url,
      `
        {
          schools {
            id
            pupils(schoolYear: "2024/25") {
              schoolYear
              total {
                value
                status
              }
              nonGerman {
                value
              }
              nonGermanShare {
                value
                unit
              }
              classes
              byGrade {
                grade
                count {
                  value
                }
                classes
              }
              provenance {
                stichtag
                ownerDepartment
                datasetId
              }
            }
          }
        }
      `,
    )
    expect(res.errors).toBeUndefined()
    const total = await sqlMap(
      `select school_id as k, sum(pupils) as v from edu.school_year_stat where school_year = '2024/25' group by school_id`,
    )
    const nonGerman = await sqlMap(
      `select school_id as k, sum(pupils) as v from edu.school_year_stat where school_year = '2024/25' and nationality_group = 'AUSL' group by school_id`,
    )
    const classes = await sqlMap(
      `select school_id as k, sum(classes) as v from edu.school_class where school_year = '2024/25' group by school_id`,
    )
    const byGrade = await sqlMap(
      `select school_id || '|' || grade as k, sum(pupils) as v from edu.school_year_stat where school_year = '2024/25' group by school_id, grade`,
    )
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
    const res = await graphql(
      url,
      `
        query ($r: [_Any!]!) {
          schools {
            id
            type
            firstGraders(schoolYear: "2024/25") {
              value
              status
            }
          }
          _entities(representations: $r) {
            ... on Year {
              year
              firstGraders {
                value
                status
              }
            }
          }
        }
      `,
      {
        r: [
          { __typename: 'Year', year: 2024 },
          { __typename: 'Year', year: 1990 },
        ],
      },
    )
    expect(res.errors).toBeUndefined()
    const perSchool =
      await sqlMap(`select s.school_id as k, sum(s.pupils) as v from edu.school_year_stat s join edu.school sc on sc.id = s.school_id
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
    const res = await graphql(
      url,
      entities(
        `... on Year { transitions { toSchoolType residence applications { value } admissions { value } } graduates { qualification count { value } } }`,
      ),
      { r: [{ __typename: 'Year', year: 2024 }] },
    )
    expect(res.errors).toBeUndefined()
    const [year] = res.data._entities
    const admissions = await sqlMap(
      `select to_school_type || '|' || residence as k, sum(admissions) as v from edu.transition where school_year = '2024/25' group by 1`,
    )
    const applications = await sqlMap(
      `select to_school_type || '|' || residence as k, sum(applications) as v from edu.transition where school_year = '2024/25' group by 1`,
    )
    expect(year.transitions).toHaveLength(admissions.size)
    for (const t of year.transitions) {
      expect(t.admissions.value).toBe(admissions.get(`${t.toSchoolType}|${t.residence}`))
      expect(t.applications.value).toBe(applications.get(`${t.toSchoolType}|${t.residence}`))
    }
    const sum = (type?: string) =>
      year.transitions
        .filter((t: { toSchoolType: string }) => !type || t.toSchoolType === type)
        .reduce((a: number, t: { admissions: { value: number } }) => a + t.admissions.value, 0)
    const {
      rows: [{ total }],
    } = await db.query(`select sum(admissions)::int as total from edu.transition where school_year = '2024/25'`)
    expect(sum()).toBe(total)
    expect(total).toBeGreaterThan(950)
    expect(total).toBeLessThan(1060)
    expect(sum('GYM') / total).toBeGreaterThan(0.58)
    const igs = year.transitions.filter((t: { toSchoolType: string }) => t.toSchoolType === 'IGS')
    expect(igs.reduce((a: number, t: { applications: { value: number } }) => a + t.applications.value, 0)).toBeGreaterThan(sum('IGS'))

    const graduates = await sqlMap(
      `select qualification as k, sum(n) as v from edu.graduate where school_year = '2024/25' group by qualification`,
    )
    expect(year.graduates.map((g: { qualification: string }) => g.qualification)).toEqual([
      'OHNE_BR',
      'BERUFSREIFE',
      'QUAL_SEK1',
      'FHR_SCHUL',
      'AHR',
    ])
    for (const g of year.graduates) expect(g.count.value).toBe(graduates.get(g.qualification))
    const school = await graphql(url, '{ school(id: "RSPLUS-01") { graduates(schoolYear: "2024/25") { qualification count { value } } } }')
    const perSchool = await sqlMap(
      `select qualification as k, sum(n) as v from edu.graduate where school_year = '2024/25' and school_id = 'RSPLUS-01' group by qualification`,
    )
    expect(school.data.school.graduates).toHaveLength(perSchool.size)
    for (const g of school.data.school.graduates) expect(g.count.value).toBe(perSchool.get(g.qualification))
  })

  it('sums Kita places per district at 1 March, for 18 districts in three statements', async () => {
    const reps = DISTRICTS.map(d => ({ __typename: 'District', ags: AGS, code: d.code }))
    subgraphs.resetStatements()
    const res = await graphql(
      url,
      entities(
        `... on District { code schools { id pupils(schoolYear: "2024/25") { total { value } } } kitaPlaces(year: 2025) { year kitas placesTotal placesU3 childrenU3 { value } children3to6 { value } } }`,
      ),
      { r: reps },
    )
    expect(res.errors).toBeUndefined()
    expect(subgraphs.statements().education).toBeLessThanOrEqual(3)
    const places =
      await db.query(`select k.district_code as code, count(*)::int as kitas, sum(s.places_total)::int as places_total, sum(s.places_u3)::int as places_u3,
      sum(s.children_u3)::int as children_u3, sum(s.children_3_6)::int as children_3_6
      from edu.kita_stat s join edu.kita k on k.id = s.kita_id where s.stichtag = '2025-03-01' group by k.district_code`)
    const byCode = new Map(places.rows.map(r => [r.code, r]))
    const pupils = await sqlMap(
      `select school_id as k, sum(pupils) as v from edu.school_year_stat where school_year = '2024/25' group by school_id`,
    )
    let schools = 0
    for (const d of res.data._entities) {
      const r = byCode.get(d.code)
      expect(d.kitaPlaces).toEqual({
        year: 2025,
        kitas: r.kitas,
        placesTotal: r.places_total,
        placesU3: r.places_u3,
        childrenU3: { value: r.children_u3 },
        children3to6: { value: r.children_3_6 },
      })
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
      r: [
        ...schools.map(s => ({ __typename: 'School', id: s.id })),
        { __typename: 'School', id: 'GS-99' },
        ...kitas.map(k => ({ __typename: 'Kita', id: k.id })),
        { __typename: 'Kita', id: 'KITA-99' },
      ],
    })
    expect(res.errors).toBeUndefined()
    expect(subgraphs.statements().education).toBe(2)
    expect(res.data._entities.slice(0, 6).map((s: { name: string }) => s.name)).toEqual(schools.map(s => s.name))
    expect(res.data._entities[6]).toBeNull()
    expect(res.data._entities.slice(7, 11).map((k: { name: string }) => k.name)).toEqual(kitas.map(k => k.name))
    expect(res.data._entities[11]).toBeNull()
  })

  it('answers Kita statistics per facility against SQL', async () => {
    const res = await graphql(
      url,
      `
        {
          kitas(districtCode: "03") {
            id
            stats(year: 2025) {
              stichtag
              placesTotal
              placesU3
              childrenU3 {
                value
              }
              children3to6 {
                value
              }
              staffTotal
              staffPedagogical
              provenance {
                stichtag
                ownerDepartment
              }
            }
          }
        }
      `,
    )
    expect(res.errors).toBeUndefined()
    const { rows } = await db.query(
      `select s.* from edu.kita_stat s join edu.kita k on k.id = s.kita_id where k.district_code = '03' and s.stichtag = '2025-03-01' order by k.id`,
    )
    expect(res.data.kitas.map((k: { id: string }) => k.id)).toEqual(rows.map(r => r.kita_id))
    res.data.kitas.forEach((k: { stats: Record<string, unknown> }, i: number) =>
      expect(k.stats).toEqual({
        stichtag: '2025-03-01',
        placesTotal: rows[i].places_total,
        placesU3: rows[i].places_u3,
        childrenU3: { value: rows[i].children_u3 },
        children3to6: { value: rows[i].children_3_6 },
        staffTotal: rows[i].staff_total,
        staffPedagogical: rows[i].staff_pedagogical,
        provenance: { stichtag: '2025-03-01', ownerDepartment: 'Referat Jugend' },
      }),
    )
  })

  it('rejects malformed school years, districts and years with BAD_USER_INPUT', async () => {
    for (const schoolYear of ['2025/27', '2025-26', '25/26', '2025/2026', '1700/01']) {
      const res = await graphql(url, 'query ($y: String!) { school(id: "GS-01") { pupils(schoolYear: $y) { total { value } } } }', {
        y: schoolYear,
      })
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
    const res = await graphql(
      url,
      `
        query ($r: [_Any!]!) {
          school(id: "GS-99") {
            name
          }
          kita(id: "KITA-99") {
            name
          }
          gs: school(id: "GS-01") {
            pupils(schoolYear: "2005/06") {
              total {
                value
              }
            }
            firstGraders(schoolYear: "2005/06") {
              value
              status
            }
            graduates(schoolYear: "2026/27") {
              qualification
            }
          }
          _entities(representations: $r) {
            ... on District {
              code
              schools {
                id
              }
              kitaPlaces(year: 2010) {
                placesTotal
              }
            }
          }
        }
      `,
      { r: [{ __typename: 'District', ags: AGS, code: '77' }] },
    )
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

type Cell = { value: number | null; status: string }

/** A perturbed cell next to its exact one: zero stays ZERO, every other count moves by at most 2 and never to 0. */
function expectPerturbed(got: Cell, exact: number, where: string): number {
  if (exact === 0) {
    expect(got, where).toEqual({ value: 0, status: 'ZERO' })
    return 0
  }
  expect(got.status, where).toBe('PERTURBED')
  expect(Math.abs(got.value! - exact), where).toBeLessThanOrEqual(2)
  expect(got.value, where).toBeGreaterThanOrEqual(1)
  return Math.abs(got.value! - exact)
}

describe('education disclosure control for aggregate-only roles', () => {
  const PUPILS_QUERY = `{ schools { id type pupils(schoolYear: "2024/25") { total { value status } nonGerman { value status } nonGermanShare { value }
    byGrade { grade count { value status } } } firstGraders(schoolYear: "2024/25") { value status }
    graduates(schoolYear: "2023/24") { qualification count { value status } } } }`

  it('publishes pupil and leaver counts perturbed by at most 2 (Cell Key Method), the same for every aggregate role and every ask, in as many statements as exact ones', async () => {
    subgraphs.resetStatements()
    const exact = await graphql(url, PUPILS_QUERY)
    const exactStatements = subgraphs.statements().education
    subgraphs.resetStatements()
    const pub = await graphql(url, PUPILS_QUERY, undefined, PUBLIC())
    expect(subgraphs.statements().education).toBe(exactStatements)
    const committee = await graphql(url, PUPILS_QUERY, undefined, COMMITTEE())
    const again = await graphql(url, PUPILS_QUERY, undefined, PUBLIC())
    expect(exact.errors).toBeUndefined()
    expect(pub.errors).toBeUndefined()
    // Same records, same noise: asking again or as another aggregate-only role gives nothing new.
    expect(committee.data).toEqual(pub.data)
    expect(again.data).toEqual(pub.data)

    let cells = 0
    let zeros = 0
    let deviation = 0
    const check = (got: Cell, e: Cell, where: string) => {
      expect(e.status === 'EXACT' || e.status === 'ZERO', where).toBe(true)
      deviation += expectPerturbed(got, e.value!, where)
      cells++
      if (e.value === 0) zeros++
    }
    pub.data.schools.forEach((s: any, i: number) => {
      const e = exact.data.schools[i]
      expect(s.id).toBe(e.id)
      if (e.pupils) {
        check(s.pupils.total, e.pupils.total, `${s.id} total`)
        check(s.pupils.nonGerman, e.pupils.nonGerman, `${s.id} nonGerman`)
        // The share comes from the published counts, so it gives no exact count away.
        expect(s.pupils.nonGermanShare.value).toBeCloseTo(s.pupils.total.value ? s.pupils.nonGerman.value / s.pupils.total.value : NaN, 4)
        s.pupils.byGrade.forEach((g: any, j: number) => check(g.count, e.pupils.byGrade[j].count, `${s.id} grade ${g.grade}`))
      }
      if (s.type === 'GS') {
        check(s.firstGraders, e.firstGraders, `${s.id} firstGraders`)
        // firstGraders and byGrade grade 1 are the same records: the same published value.
        expect(s.firstGraders).toEqual(s.pupils.byGrade.find((g: any) => g.grade === 1).count)
      } else expect(s.firstGraders).toBeNull()
      s.graduates.forEach((g: any, j: number) => check(g.count, e.graduates[j].count, `${s.id} ${g.qualification}`))
    })
    console.info(
      `education CKM: ${cells} pupil and leaver cells of 2024/25 and 2023/24, mean absolute deviation ${(deviation / (cells - zeros)).toFixed(2)} on the non-zero ones`,
    )
    expect(cells).toBeGreaterThan(300)
    // Perturbed, not copied: a good part of the cells moved, by less than one pupil on average.
    expect(deviation).toBeGreaterThan(cells / 10)
    expect(deviation / (cells - zeros)).toBeLessThan(1.2)
  })

  it("perturbs each cell by its records' key sum from SQL; rows of 0 pupils add no key; zeros stay ZERO", async () => {
    // The published value is the ptable's answer for (count, key sum of the rows with pupils), nothing else.
    const expected =
      await db.query(`select school_id || '|' || grade as k, sum(pupils)::int as n, (coalesce(sum(rkey) filter (where pupils > 0), 0) % 4294967296)::text as key
      from edu.school_year_stat where school_year = '2024/25' group by school_id, grade`)
    const res = await graphql(
      url,
      '{ schools { id pupils(schoolYear: "2024/25") { byGrade { grade count { value } } } } }',
      undefined,
      PUBLIC(),
    )
    let compared = 0
    for (const s of res.data.schools)
      for (const g of s.pupils?.byGrade ?? []) {
        const e = expected.rows.find(r => r.k === `${s.id}|${g.grade}`)
        expect(g.count.value, `${s.id} grade ${g.grade}`).toBe(e.n === 0 ? 0 : perturbCount(KL_CKM_2, e.n, cellKeyOf(e.key)))
        compared++
      }
    expect(compared).toBeGreaterThan(200)

    // A school year entered like data entry does (no key: the column default draws one), with stored zeros.
    const rows: Array<[number, string, string, number]> = [
      [1, 'M', 'DEU', 0],
      [1, 'W', 'DEU', 5],
      [2, 'M', 'AUSL', 0],
      [2, 'W', 'DEU', 0],
    ]
    await db.query(
      `insert into edu.school_year_stat (school_id, school_year, grade, sex, nationality_group, pupils)
      select 'GS-01', '2001/02', g, s, n, p from unnest($1::int[], $2::text[], $3::text[], $4::int[]) as t(g, s, n, p)`,
      [rows.map(r => r[0]), rows.map(r => r[1]), rows.map(r => r[2]), rows.map(r => r[3])],
    )
    try {
      const { rows: keys } = await db.query(
        `select grade, sex, pupils, rkey::text as rkey from edu.school_year_stat where school_id = 'GS-01' and school_year = '2001/02' order by grade, sex`,
      )
      expect(keys.every(k => /^[0-9]+$/.test(k.rkey) && Number(k.rkey) < 2 ** 32)).toBe(true)
      const q =
        '{ school(id: "GS-01") { pupils(schoolYear: "2001/02") { total { value status } nonGerman { value status } byGrade { grade count { value status } } } firstGraders(schoolYear: "2001/02") { value status } } }'
      const pub = await graphql(url, q, undefined, PUBLIC())
      const p = pub.data.school.pupils
      expect(p.nonGerman).toEqual({ value: 0, status: 'ZERO' })
      expect(p.byGrade.find((g: any) => g.grade === 2).count).toEqual({ value: 0, status: 'ZERO' })
      // Grade 1 is the 5 pupils of the W row alone: the M row's key (0 pupils) stays out.
      const w = keys.find(k => k.grade === 1 && k.sex === 'W')!
      const grade1 = { value: perturbCount(KL_CKM_2, 5, cellKeyOf(w.rkey)), status: 'PERTURBED' }
      expect(p.byGrade.find((g: any) => g.grade === 1).count).toEqual(grade1)
      expect(pub.data.school.firstGraders).toEqual(grade1)
      expect(p.total).toEqual(grade1)
      const exact = await graphql(url, q)
      expect(exact.data.school.pupils.total).toEqual({ value: 5, status: 'EXACT' })
      expect(exact.data.school.pupils.nonGerman).toEqual({ value: 0, status: 'ZERO' })
    } finally {
      await db.query(`delete from edu.school_year_stat where school_id = 'GS-01' and school_year = '2001/02'`)
    }
  })

  it('perturbs city-wide first graders and leavers as one cell each, the same for public and committee', async () => {
    const q = entities('... on Year { year firstGraders { value status } graduates { qualification count { value status } } }')
    const r = {
      r: [
        { __typename: 'Year', year: 2023 },
        { __typename: 'Year', year: 2024 },
      ],
    }
    const exact = await graphql(url, q, r)
    const pub = await graphql(url, q, r, PUBLIC())
    const committee = await graphql(url, q, r, COMMITTEE())
    expect(pub.errors).toBeUndefined()
    expect(committee.data).toEqual(pub.data)
    pub.data._entities.forEach((y: any, i: number) => {
      const e = exact.data._entities[i]
      expectPerturbed(y.firstGraders, e.firstGraders.value, `${y.year} firstGraders`)
      y.graduates.forEach((g: any, j: number) => expectPerturbed(g.count, e.graduates[j].count.value, `${y.year} ${g.qualification}`))
    })
    // The exact roles see exactly what the database holds.
    const {
      rows: [{ n }],
    } = await db.query(`select sum(s.pupils)::int as n from edu.school_year_stat s join edu.school sc on sc.id = s.school_id
      where sc.school_type = 'GS' and s.grade = 1 and s.school_year = '2024/25'`)
    expect(exact.data._entities[1].firstGraders).toEqual({ value: n, status: 'EXACT' })
  })

  it('gives the same leavers the same noise whichever path reaches the school', async () => {
    const q = `{ school(id: "RSPLUS-01") { graduates(schoolYear: "2023/24") { qualification count { value status } } }
      schools(type: RSPLUS) { id graduates(schoolYear: "2023/24") { qualification count { value status } } } }`
    const pub = await graphql(url, q, undefined, PUBLIC())
    const viaList = pub.data.schools.find((s: any) => s.id === 'RSPLUS-01')
    expect(pub.data.school.graduates).toEqual(viaList.graduates)
    expect(pub.data.school.graduates.some((g: any) => g.count.status === 'PERTURBED')).toBe(true)
  })

  async function transitionRows(): Promise<Map<string, TransitionCell[]>> {
    const { rows } = await db.query(
      `select school_year, to_school_type, residence, applications, admissions from edu.transition order by 1, 2, 3`,
    )
    const byYear = new Map<string, TransitionCell[]>()
    for (const r of rows) {
      if (!byYear.has(r.school_year)) byYear.set(r.school_year, [])
      byYear
        .get(r.school_year)!
        .push({ toSchoolType: r.to_school_type, residence: r.residence, applications: r.applications, admissions: r.admissions })
    }
    return byYear
  }
  const TRANSITIONS = entities(
    '... on Year { year transitions { toSchoolType residence applications { value status } admissions { value status } } }',
  )
  const yearReps = (years: number[]) => ({ r: years.map(year => ({ __typename: 'Year', year })) })

  it("suppresses transitions by the school year's family plan, identical whichever years a request asks for; exact roles see everything", async () => {
    const byYear = await transitionRows()
    const years = [...byYear.keys()].map(y => Number(y.slice(0, 4)))
    expect(years.length).toBeGreaterThan(5)
    const all = await graphql(url, TRANSITIONS, yearReps(years), PUBLIC())
    const committee = await graphql(url, TRANSITIONS, yearReps([...years].reverse()), COMMITTEE())
    const leadership = await graphql(url, TRANSITIONS, yearReps(years), LEADERSHIP())
    expect(all.errors).toBeUndefined()
    expect([...committee.data._entities].reverse()).toEqual(all.data._entities)
    let secret = 0
    for (const [i, year] of years.entries()) {
      const one = await graphql(url, TRANSITIONS, yearReps([year]), PUBLIC())
      expect(one.data._entities[0]).toEqual(all.data._entities[i])
      const rows = byYear.get(`${year}/${String((year + 1) % 100).padStart(2, '0')}`)!
      const plan = transitionFamilyPlan(rows)
      expect(plan.unprotected).toEqual([])
      for (const t of all.data._entities[i].transitions) {
        const row = rows.find(r => r.toSchoolType === t.toSchoolType && r.residence === t.residence)!
        for (const field of ['applications', 'admissions'] as const) {
          const hidden = plan.hidden.has(transitionCellId(row, field))
          if (hidden) secret++
          expect(t[field], `${year} ${t.toSchoolType} ${t.residence} ${field}`).toEqual(
            hidden ? { value: null, status: 'SECRET' } : { value: row[field], status: row[field] === 0 ? 'ZERO' : 'EXACT' },
          )
        }
      }
      for (const t of leadership.data._entities[i].transitions) {
        const row = rows.find(r => r.toSchoolType === t.toSchoolType && r.residence === t.residence)!
        expect([t.applications.value, t.admissions.value]).toEqual([row.applications, row.admissions])
        expect(t.admissions.status).not.toBe('SECRET')
      }
    }
    expect(secret).toBeGreaterThan(0)
  })

  async function kitaRows() {
    const { rows } =
      await db.query(`select k.district_code, extract(year from s.stichtag)::int as year, sum(s.children_u3)::int as u3, sum(s.children_3_6)::int as c36,
      sum(s.places_u3)::int as places_u3, sum(s.places_total)::int as places_total
      from edu.kita_stat s join edu.kita k on k.id = s.kita_id group by 1, 2 order by 2, 1`)
    return rows as Array<{ district_code: string; year: number; u3: number; c36: number; places_u3: number; places_total: number }>
  }
  const KITA = (year: number) =>
    entities(
      `... on District { code kitaPlaces(year: ${year}) { placesU3 placesTotal childrenU3 { value status } children3to6 { value status } } }`,
    )

  it('decides Kita children per district over the whole year (all districts), the same for one district or all', async () => {
    const rows = await kitaRows()
    const years = [...new Set(rows.map(r => r.year))]
    const reps = DISTRICTS.map(d => ({ __typename: 'District', ags: AGS, code: d.code }))
    for (const year of years.slice(-3)) {
      const family = rows.filter(r => r.year === year)
      const plan = kitaFamilyPlan(
        family.map(r => ({
          districtCode: r.district_code,
          childrenU3: r.u3,
          children3to6: r.c36,
          placesU3: r.places_u3,
          placesTotal: r.places_total,
        })),
      )
      expect(plan.unprotected).toEqual([])
      const all = await graphql(url, KITA(year), { r: reps }, PUBLIC())
      expect(all.errors).toBeUndefined()
      for (const [i, d] of all.data._entities.entries()) {
        const one = await graphql(url, KITA(year), { r: [reps[i]] }, PUBLIC())
        expect(one.data._entities[0]).toEqual(d)
        const r = family.find(f => f.district_code === d.code)!
        const cell = (n: number, hidden: boolean) =>
          hidden ? { value: null, status: 'SECRET' } : { value: n, status: n === 0 ? 'ZERO' : 'EXACT' }
        expect(d.kitaPlaces.childrenU3).toEqual(cell(r.u3, plan.hidden.has(kitaCellId(d.code, 'childrenU3'))))
        expect(d.kitaPlaces.children3to6).toEqual(cell(r.c36, plan.hidden.has(kitaCellId(d.code, 'children3to6'))))
      }
    }
  })

  it('hides a small district sum of Kita children for public and committee, whichever districts are asked; leadership sees it', async () => {
    const { rows: kitas } = await db.query(`select s.kita_id, s.children_u3 from edu.kita_stat s join edu.kita k on k.id = s.kita_id
      where k.district_code = '03' and s.stichtag = '2025-03-01' order by s.kita_id`)
    expect(kitas.length).toBeGreaterThan(1)
    // Two children under three in the whole district (a small cell), as a department might enter it.
    await db.query(
      `update edu.kita_stat set children_u3 = case when kita_id = $1 then 2 else 0 end
      where stichtag = '2025-03-01' and kita_id = any($2::text[])`,
      [kitas[0].kita_id, kitas.map(k => k.kita_id)],
    )
    try {
      const reps = DISTRICTS.map(d => ({ __typename: 'District', ags: AGS, code: d.code }))
      const all = await graphql(url, KITA(2025), { r: reps }, PUBLIC())
      const one = await graphql(url, KITA(2025), { r: [{ __typename: 'District', ags: AGS, code: '03' }] }, COMMITTEE())
      const d03 = all.data._entities.find((d: any) => d.code === '03')
      expect(d03.kitaPlaces.childrenU3).toEqual({ value: null, status: 'SECRET' })
      expect(one.data._entities[0]).toEqual(d03)
      expect(d03.kitaPlaces.children3to6.status).toBe('EXACT')
      const lead = await graphql(url, KITA(2025), { r: [{ __typename: 'District', ags: AGS, code: '03' }] }, LEADERSHIP())
      expect(lead.data._entities[0].kitaPlaces.childrenU3).toEqual({ value: 2, status: 'EXACT' })
    } finally {
      for (const k of kitas)
        await db.query(`update edu.kita_stat set children_u3 = $2 where kita_id = $1 and stichtag = '2025-03-01'`, [
          k.kita_id,
          k.children_u3,
        ])
    }
  })

  /**
   * The attacker's LP over every published cell of a family (HiGHS): published cells are exact equalities, hidden
   * cells unknowns ≥ 1 (a true zero would be published as ZERO), plus everything else the attacker may know. A
   * suppressed cell is protected when its feasible interval holds at least 3 integers and reaches at least 2 below
   * or above its true value.
   */
  async function audit(published: Map<string, number>, hidden: Map<string, number>, constraints: Constraint[]) {
    const bounds = new Map<string, AtomBounds>()
    for (const [id, v] of published) bounds.set(id, { lower: v, upper: v })
    for (const id of hidden.keys()) bounds.set(id, { lower: 1, upper: Infinity })
    const intervals = await feasibleIntervals(bounds, constraints, [...hidden.keys()])
    for (const [id, v] of hidden) {
      const i = intervals.get(id)!
      expect(integersIn(i), `${id} = ${v} in ${JSON.stringify(i)}`).toBeGreaterThanOrEqual(3)
      expect(v - i.min >= 2 - 1e-6 || i.max - v >= 2 - 1e-6, `${id} = ${v} in ${JSON.stringify(i)}`).toBe(true)
      expect(i.min <= v + 1e-6 && v - 1e-6 <= i.max, `${id} true value inside`).toBe(true)
    }
    return hidden.size
  }

  it('LP audit: no suppressed transition or Kita cell of any year can be narrowed to fewer than 3 values or within ±2', async () => {
    let families = 0
    let publishedCells = 0
    let suppressed = 0
    // Transitions, every school year: as the public sees them, plus each intake type's exact admissions total.
    const byYear = await transitionRows()
    const years = [...byYear.keys()].map(y => Number(y.slice(0, 4)))
    const pub = await graphql(url, TRANSITIONS, yearReps(years), PUBLIC())
    for (const [i, year] of years.entries()) {
      const rows = byYear.get(`${year}/${String((year + 1) % 100).padStart(2, '0')}`)!
      const published = new Map<string, number>()
      const hidden = new Map<string, number>()
      for (const t of pub.data._entities[i].transitions) {
        const row = rows.find(r => r.toSchoolType === t.toSchoolType && r.residence === t.residence)!
        for (const field of ['applications', 'admissions'] as const) {
          if (t[field].status === 'NOT_AVAILABLE') continue
          if (t[field].status === 'SECRET') hidden.set(transitionCellId(row, field), row[field]!)
          else published.set(transitionCellId(row, field), t[field].value)
        }
      }
      const model = transitionFamily(rows)
      expect(model.relations).toHaveLength(GRADE5_INTAKE_TYPES.length)
      const constraints: Constraint[] = [
        ...model.relations.map(r => ({ terms: r.terms, lower: r.constant, upper: r.constant })),
        ...model.orders.map(o => ({ terms: { [o.below]: 1, [o.above]: -1 }, lower: -Infinity, upper: 0 })),
      ]
      families++
      publishedCells += published.size
      suppressed += await audit(published, hidden, constraints)
    }
    // Kita children, every year: as the public sees them, with the places (published) as upper bounds.
    const kita = await kitaRows()
    const reps = DISTRICTS.map(d => ({ __typename: 'District', ags: AGS, code: d.code }))
    for (const year of [...new Set(kita.map(r => r.year))]) {
      const res = await graphql(url, KITA(year), { r: reps }, PUBLIC())
      const published = new Map<string, number>()
      const hidden = new Map<string, number>()
      const constraints: Constraint[] = []
      for (const d of res.data._entities) {
        if (!d.kitaPlaces) continue
        const r = kita.find(k => k.year === year && k.district_code === d.code)!
        for (const [field, n] of [
          ['childrenU3', r.u3],
          ['children3to6', r.c36],
        ] as const) {
          const id = kitaCellId(d.code, field)
          if (d.kitaPlaces[field].status === 'SECRET') hidden.set(id, n)
          else published.set(id, d.kitaPlaces[field].value)
        }
        constraints.push({ terms: { [kitaCellId(d.code, 'childrenU3')]: 1 }, lower: -Infinity, upper: d.kitaPlaces.placesU3 })
        constraints.push({
          terms: { [kitaCellId(d.code, 'childrenU3')]: 1, [kitaCellId(d.code, 'children3to6')]: 1 },
          lower: -Infinity,
          upper: d.kitaPlaces.placesTotal,
        })
      }
      const model = kitaFamily(
        kita
          .filter(k => k.year === year)
          .map(k => ({
            districtCode: k.district_code,
            childrenU3: k.u3,
            children3to6: k.c36,
            placesU3: k.places_u3,
            placesTotal: k.places_total,
          })),
      )
      expect(model.cells.filter(c => !c.fixed).length).toBe(published.size + hidden.size)
      families++
      publishedCells += published.size
      suppressed += await audit(published, hidden, constraints)
    }
    console.info(
      `education LP audit: ${families} families, ${publishedCells} published cells, ${suppressed} suppressed cells proven protected`,
    )
    expect(families).toBeGreaterThan(10)
    expect(suppressed).toBeGreaterThan(0)
  })

  it('states a guarantee with a note for every count field', () => {
    for (const [field, g] of Object.entries(disclosure)) {
      expect(g.method, field).toMatch(/^(CELL_KEY|SUPPRESSION|NOT_FOR_AGGREGATE_ROLES)$/)
      expect('note' in g && (g.note ?? '').length > 40, field).toBe(true)
    }
  })
})
