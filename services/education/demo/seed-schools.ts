import type { Kysely } from 'kysely'
import { CITY_AGS, DISTRICTS, REFERENCE_DATE } from '../../../platform/city.js'
import { insertRows } from '../../../platform/db/insert-rows.js'
import { seededRecordKey } from '../../../lib/disclosure/cell-key.js'
import { createRng, type Rng } from '../../../lib/seed/prng.js'
import { apportion } from '../../../lib/seed/apportion.js'
import type {
  GraduateTable,
  NationalityGroup,
  Residence,
  Row,
  SchoolClassTable,
  SchoolQualification,
  SchoolType,
  SchoolYearStatTable,
  Sex,
  TransitionTable,
} from '../db.js'
import { GRADES, SCHOOLS, SCHOOL_PRODUCT, type SchoolFact } from './school-catalog.js'
import { schoolYearOf } from '../school-year.js'

/** City-wide first graders at the städtische Grundschulen by school-year start [V 2023: 864, 2024: 816 — §1.4]. */
const FIRST_GRADERS: Readonly<Record<number, number>> = {
  2012: 836,
  2013: 829,
  2014: 841,
  2015: 845,
  2016: 852,
  2017: 858,
  2018: 866,
  2019: 871,
  2020: 861,
  2021: 869,
  2022: 877,
  2023: 864,
  2024: 816,
  2025: 838,
  2026: 829,
}

/** Admissions into grade 5 at the city's schools, city and Umland [V 2015, 2017–2020 — §1.4]. */
const TRANSITIONS: Readonly<Record<number, number>> = {
  2007: 992,
  2008: 985,
  2009: 978,
  2010: 981,
  2011: 969,
  2012: 972,
  2013: 980,
  2014: 968,
  2015: 974,
  2016: 1003,
  2017: 1021,
  2018: 997,
  2019: 1025,
  2020: 1030,
  2021: 1012,
  2022: 1026,
  2023: 1018,
  2024: 1004,
  2025: 1009,
  2026: 1015,
}
const FIRST_SIMULATED_YEAR = 2007

/** Share of each secondary type in grade-5 admissions (GYM ≈ 62 % [V]) and of city residents among its entrants (GYM 58–62 % [V]). */
const SECONDARY: ReadonlyArray<{ type: TransitionTable['to_school_type']; share: number; cityShare: number; applicationFactor: number }> = [
  { type: 'GYM', share: 0.63, cityShare: 0.6, applicationFactor: 1.01 },
  // IGS are oversubscribed: Goetheschule 141 applications for 84 places [V].
  { type: 'IGS', share: 0.185, cityShare: 0.72, applicationFactor: 1.6 },
  { type: 'FOES', share: 0.02, cityShare: 0.85, applicationFactor: 1 },
  { type: 'RSPLUS', share: 0, cityShare: 0.68, applicationFactor: 1.02 }, // takes the rest
]

/** Pupils of grade g relative to the grade-5 intake of their cohort (switchers, leavers after 9/10, Oberstufe). */
function cohortFactor(type: SchoolType, grade: number): number {
  if (type === 'GYM') return grade <= 10 ? 1 - 0.025 * (grade - 5) : [0.86, 0.84, 0.81][grade - 11]
  if (type === 'IGS') return grade <= 10 ? 1 + 0.01 * (grade - 5) : [0.5, 0.48, 0.46][grade - 11]
  return grade <= 9 ? 1 + 0.04 * (grade - 5) : 0.85 // RSPLUS: takes in Gymnasium leavers, many leave after grade 9
}

/** Typical and maximum class size per type (RLP Klassenmesszahlen); Oberstufe courses have no classes. */
const CLASS_SIZE: Readonly<Record<SchoolType, [typical: number, max: number]>> = {
  GS: [19, 24],
  RSPLUS: [23, 25],
  IGS: [26, 28],
  GYM: [27, 30],
  FOES: [10, 12],
  BBS: [22, 24],
}

/** Leavers by qualification as shares of the pupils in the grade they leave from [S]; shares are of RLP magnitude. */
const LEAVERS: Readonly<Partial<Record<SchoolType, ReadonlyArray<[SchoolQualification, grade: number, share: number]>>>> = {
  GYM: [
    ['AHR', 13, 0.95],
    ['FHR_SCHUL', 12, 0.03],
    ['QUAL_SEK1', 10, 0.04],
    ['BERUFSREIFE', 9, 0.01],
  ],
  IGS: [
    ['AHR', 13, 0.92],
    ['FHR_SCHUL', 12, 0.07],
    ['QUAL_SEK1', 10, 0.55],
    ['BERUFSREIFE', 9, 0.15],
    ['OHNE_BR', 9, 0.06],
  ],
  RSPLUS: [
    ['QUAL_SEK1', 10, 0.9],
    ['BERUFSREIFE', 9, 0.28],
    ['OHNE_BR', 9, 0.08],
  ],
  FOES: [
    ['BERUFSREIFE', 9, 0.3],
    ['OHNE_BR', 9, 0.65],
  ],
}
const FEMALE_SHARE: Readonly<Record<SchoolQualification, number>> = {
  AHR: 0.56,
  FHR_SCHUL: 0.48,
  QUAL_SEK1: 0.5,
  BERUFSREIFE: 0.4,
  OHNE_BR: 0.37,
}

/** Mittlere Reife 2021/22 per school [V §1.4]: Kurpfalz 60, St.-Franziskus-RS 50, IGS Goetheschule 68, Lina-Pfaff 22. */
const QUAL_SEK1_2021: Readonly<Record<string, number>> = { 'RSPLUS-01': 60, 'RSPLUS-03': 50, 'IGS-01': 68, 'RSPLUS-02': 22 }

/** Non-German share of pupils in 2025 per type [S]; Grundschulen follow their district's foreigner share. */
const NON_GERMAN_2025: Readonly<Record<SchoolType, number>> = { GS: 0, RSPLUS: 0.26, IGS: 0.22, GYM: 0.09, FOES: 0.3, BBS: 0.17 }

/** Growth of the non-German share since 2015, with the step of 2022 (refugees from Ukraine). */
const nonGermanTrend = (year: number) => 0.7 + 0.026 * (year - 2015) + (year >= 2022 ? 0.04 : 0)

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v))

/** A binomial-like draw: n·p with its natural spread, kept within [0, n]. */
function draw(rng: Rng, n: number, p: number): number {
  return clamp(Math.round(rng.normal(n * p, Math.sqrt(n * p * (1 - p)))), 0, n)
}

function classesFor(n: number, type: SchoolType, typical = CLASS_SIZE[type][0]): number {
  return Math.max(1, Math.ceil(n / CLASS_SIZE[type][1]), Math.round(n / typical))
}

interface SchoolsRows {
  stats: Array<Row<SchoolYearStatTable>>
  classes: Array<Row<SchoolClassTable>>
  transitions: Array<Row<TransitionTable>>
  graduates: Array<Row<GraduateTable>>
}

/**
 * Simulates the cohorts of every school from 2007 on (so the upper grades of 2015 have an intake to
 * follow) and returns the rows of the requested school years. Grade-5 pupils per type equal the
 * transition admissions of that type; leavers derive from the pupils of the grade they leave from.
 */
export function generateSchoolRows(years: readonly number[]): SchoolsRows {
  const lastYear = Math.max(...years)
  const intake = new Map<string, number>() // `${school}|${startYear}` → pupils entering grade 1 (GS) or 5
  const rows: SchoolsRows = { stats: [], classes: [], transitions: [], graduates: [] }

  for (let y = FIRST_SIMULATED_YEAR; y <= lastYear; y++) {
    const gs = SCHOOLS.filter(s => s.type === 'GS')
    if (FIRST_GRADERS[y]) {
      const rng = createRng('edu', 'school_year_stat', 'intake', y)
      // 2024/25 is anchored school by school; other years scatter around it.
      const weights = gs.map(s => s.intake2024!.pupils * (y === 2024 ? 1 : Math.exp(rng.normal(0, 0.06))))
      apportion(FIRST_GRADERS[y], weights).forEach((n, i) => intake.set(`${gs[i].id}|${y}`, n))
    }
    const admissions = transitionsOf(y)
    if (years.includes(y)) rows.transitions.push(...admissions.rows)
    // Förderschulen take most pupils from grade 1 on, so their grades are drawn directly (pupilsOf).
    for (const { type } of SECONDARY.filter(t => t.type !== 'FOES')) {
      const schools = SCHOOLS.filter(s => s.type === type)
      const rng = createRng('edu', 'school_year_stat', 'intake', type, y)
      apportion(
        admissions.byType.get(type)!,
        schools.map(s => s.intakeWeight! * Math.exp(rng.normal(0, 0.05))),
      ).forEach((n, i) => intake.set(`${schools[i].id}|${y}`, n))
    }
  }

  for (const y of years) {
    const schoolYear = schoolYearOf(y)
    for (const school of SCHOOLS) {
      const rng = createRng('edu', 'school_year_stat', school.id, y)
      const pupils = new Map<number, number>()
      for (const grade of GRADES[school.type]) {
        const n = pupilsOf(school, y, grade, intake, rng)
        pupils.set(grade, n)
        if (n > 0 && !(grade >= 11 && (school.type === 'GYM' || school.type === 'IGS'))) {
          const anchored = school.intake2024 && y === 2024 && grade === 1
          const typical = school.intake2024 ? school.intake2024.pupils / school.intake2024.classes : undefined
          rows.classes.push({
            school_id: school.id,
            school_year: schoolYear,
            grade,
            classes: anchored ? school.intake2024!.classes : classesFor(n, school.type, typical),
          })
        }
        rows.stats.push(...cells(school, schoolYear, y, grade, n, rng))
      }
      // A school year's leavers are known once it has ended (July of its second year).
      if (y + 1 <= Number(REFERENCE_DATE.slice(0, 4))) rows.graduates.push(...leavers(school, schoolYear, y, pupils))
    }
  }
  return rows
}

function transitionsOf(y: number): { byType: Map<string, number>; rows: Array<Row<TransitionTable>> } {
  const rng = createRng('edu', 'transition', y)
  const total = TRANSITIONS[y]
  const byType = new Map<string, number>()
  let rest = total
  for (const t of SECONDARY.filter(s => s.share > 0)) {
    const n = Math.round(total * t.share * (1 + rng.normal(0, 0.012)))
    byType.set(t.type, n)
    rest -= n
  }
  byType.set('RSPLUS', rest)
  const rows: Array<Row<TransitionTable>> = []
  for (const t of SECONDARY) {
    const city = clamp(t.cityShare + rng.normal(0, 0.012), 0, 1)
    const split = apportion(byType.get(t.type)!, [city, 0.97 - city, 0.03])
    const residences: Residence[] = ['STADT', 'LANDKREIS', 'SONSTIGE']
    residences.forEach((residence, i) => {
      const admissions = split[i]
      const applications = Math.max(
        admissions,
        Math.round(admissions * t.applicationFactor * (1 + (t.applicationFactor > 1.1 ? rng.normal(0, 0.05) : 0))),
      )
      rows.push({ school_year: schoolYearOf(y), to_school_type: t.type, residence, applications, admissions })
    })
  }
  return { byType, rows }
}

function pupilsOf(school: SchoolFact, y: number, grade: number, intake: Map<string, number>, rng: Rng): number {
  if (school.type === 'BBS') {
    return Math.round(school.gradeSize! * (1 - 0.12 * (grade - 11)) * (1 - 0.006 * (y - 2015)) * (1 + rng.normal(0, 0.03)))
  }
  if (school.type === 'FOES') return Math.max(0, Math.round(school.gradeSize! * (0.6 + 0.08 * grade) * (1 + rng.normal(0, 0.1))))
  if (school.type === 'GS') {
    const first = intake.get(`${school.id}|${y - grade + 1}`)!
    // Grade 1 is the intake itself; later grades drift with moves and repeaters.
    return grade === 1 ? first : Math.max(0, Math.round(first * (1 + 0.01 * (grade - 1) + rng.normal(0, 0.02))))
  }
  const first = intake.get(`${school.id}|${y - grade + 5}`)!
  return grade === 5 ? first : Math.max(0, Math.round(first * cohortFactor(school.type, grade) * (1 + rng.normal(0, 0.02))))
}

/** Splits a grade's pupils into sex × nationality cells. */
function cells(school: SchoolFact, schoolYear: string, y: number, grade: number, n: number, rng: Rng): Array<Row<SchoolYearStatTable>> {
  const district = DISTRICTS.find(d => d.code === school.districtCode)!
  const base = school.type === 'GS' ? district.foreignShare2025 * 1.15 : NON_GERMAN_2025[school.type] * (school.girlsOnly ? 0.7 : 1)
  const ausl = draw(rng, n, clamp(base * nonGermanTrend(y), 0, 1))
  const male = school.girlsOnly ? 0 : school.type === 'BBS' ? 0.56 : 0.51
  const out: Array<Row<SchoolYearStatTable>> = []
  for (const [group, count] of [
    ['DEU', n - ausl],
    ['AUSL', ausl],
  ] as Array<[NationalityGroup, number]>) {
    const m = draw(rng, count, male)
    const bySex: Array<[Sex, number]> = school.girlsOnly
      ? [['W', count]]
      : [
          ['M', m],
          ['W', count - m],
        ]
    for (const [sex, pupils] of bySex)
      out.push({
        school_id: school.id,
        school_year: schoolYear,
        grade,
        sex,
        nationality_group: group,
        pupils,
        rkey: seededRecordKey('edu.school_year_stat', school.id, schoolYear, grade, sex, group),
      })
  }
  return out
}

function leavers(school: SchoolFact, schoolYear: string, y: number, pupils: Map<number, number>): Array<Row<GraduateTable>> {
  const rng = createRng('edu', 'graduate', school.id, y)
  const out: Array<Row<GraduateTable>> = []
  for (const [qualification, grade, share] of LEAVERS[school.type] ?? []) {
    const anchored = y === 2021 && qualification === 'QUAL_SEK1' ? QUAL_SEK1_2021[school.id] : undefined
    const n = anchored ?? Math.max(0, Math.round(pupils.get(grade)! * share * (1 + rng.normal(0, 0.05))))
    const w = school.girlsOnly ? n : draw(rng, n, FEMALE_SHARE[qualification])
    const rkey = (sex: Sex) => seededRecordKey('edu.graduate', schoolYear, school.id, qualification, sex)
    if (!school.girlsOnly) out.push({ school_year: schoolYear, school_id: school.id, qualification, sex: 'M', n: n - w, rkey: rkey('M') })
    out.push({ school_year: schoolYear, school_id: school.id, qualification, sex: 'W', n: w, rkey: rkey('W') })
  }
  return out
}

export async function seedSchools(db: Kysely<any>, years: readonly number[]): Promise<void> {
  await insertRows(
    db,
    'edu.school',
    {
      id: 'text',
      official_number: 'text',
      name: 'text',
      school_type: 'text',
      operator: 'text',
      ags: 'text',
      district_code: 'text',
      product_code: 'text',
    },
    SCHOOLS.map(s => ({
      id: s.id,
      official_number: s.officialNumber,
      name: s.name,
      school_type: s.type,
      operator: s.operator,
      ags: CITY_AGS,
      district_code: s.districtCode,
      product_code: s.operator === 'STADT' ? SCHOOL_PRODUCT[s.type] : null,
    })),
  )
  const rows = generateSchoolRows(years)
  await insertRows(
    db,
    'edu.school_year_stat',
    { school_id: 'text', school_year: 'text', grade: 'int', sex: 'text', nationality_group: 'text', pupils: 'int', rkey: 'int8' },
    rows.stats,
  )
  await insertRows(db, 'edu.school_class', { school_id: 'text', school_year: 'text', grade: 'int', classes: 'int' }, rows.classes)
  await insertRows(
    db,
    'edu.transition',
    { school_year: 'text', to_school_type: 'text', residence: 'text', applications: 'int', admissions: 'int' },
    rows.transitions,
  )
  await insertRows(
    db,
    'edu.graduate',
    { school_year: 'text', school_id: 'text', qualification: 'text', sex: 'text', n: 'int', rkey: 'int8' },
    rows.graduates,
  )
}
