import DataLoader from 'dataloader'
import { sql, type Kysely } from 'kysely'
import { createProvenanceLoader } from '../../lib/service/provenance.js'
import { NO_CACHE, type LoaderCache } from '../../lib/cache/create-service-cache.js'
import { keySum } from '../../platform/db/record-keys.js'
import type { KeyedCount } from '../../lib/service/disclosure-cells.js'
import type { EducationDatabase, KitaStatTable, KitaTable, Residence, SchoolQualification, SchoolTable, SchoolType } from './db.js'
import { kitaFamilyPlan, transitionFamilyPlan } from './families.js'

/** Composite DataLoader keys; every part is validated (or comes from our own rows) before it is joined. */
export const key = (...parts: Array<string | number>) => parts.join('|')
const split = (keys: readonly string[]) => keys.map(k => k.split('|'))
const column = (pairs: string[][], i: number) => pairs.map(p => p[i])

/**
 * Counts of pupil records come with the key sum of their records (`KeyedCount`, Cell Key Method): loaders are
 * cached across callers, so they return exact counts and keys; resolvers perturb per request.
 */
export interface PupilGrade {
  grade: number
  pupils: KeyedCount
  nonGerman: KeyedCount
  classes: number | null
}
export interface PupilStats extends Omit<PupilGrade, 'grade'> {
  schoolYear: string
  byGrade: PupilGrade[]
}
export interface QualificationCount extends KeyedCount {
  qualification: SchoolQualification
}
/** Entered totals (no records behind them): `hidden` is the family-wide suppression plan of the school year. */
export interface TransitionCount {
  toSchoolType: SchoolType
  residence: Residence
  applications: number | null
  admissions: number
  hidden: { applications: boolean; admissions: boolean }
}
export interface KitaSupplyRow {
  year: number
  kitas: number
  placesTotal: number
  placesU3: number
  childrenU3: number
  children3to6: number
  /** The family-wide suppression plan of the year (all districts). */
  hidden: { childrenU3: boolean; children3to6: boolean }
}

const QUALIFICATION_ORDER: readonly SchoolQualification[] = ['OHNE_BR', 'BERUFSREIFE', 'QUAL_SEK1', 'FHR_SCHUL', 'AHR']
const TYPE_ORDER: readonly string[] = ['GS', 'RSPLUS', 'IGS', 'GYM', 'FOES', 'BBS']
const RESIDENCE_ORDER: readonly string[] = ['STADT', 'LANDKREIS', 'SONSTIGE']
const byQualification = (a: QualificationCount, b: QualificationCount) =>
  QUALIFICATION_ORDER.indexOf(a.qualification) - QUALIFICATION_ORDER.indexOf(b.qualification)

function groupBy<T>(rows: readonly T[], keyOf: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const row of rows) {
    const k = keyOf(row)
    const list = groups.get(k)
    if (list) list.push(row)
    else groups.set(k, [row])
  }
  return groups
}

/** Per-request loaders: one SQL statement per entity type or field family per plan step; sums happen in SQL. */
export function createLoaders(db: Kysely<EducationDatabase>, cache: LoaderCache = NO_CACHE) {
  return {
    school: new DataLoader<string, SchoolTable | null>(
      cache.loader(
        'school',
        async ids => {
          const rows = await db
            .selectFrom('edu.school')
            .selectAll()
            .where('id', 'in', [...ids])
            .execute()
          const byId = new Map(rows.map(r => [r.id, r]))
          return ids.map(id => byId.get(id) ?? null)
        },
        { datasets: ['edu.pupils', 'edu.transitions', 'edu.graduates'] },
      ),
    ),
    /** Key: ags|districtCode → the district's schools, ordered by id. */
    schoolsByDistrict: new DataLoader<string, SchoolTable[]>(
      cache.loader(
        'schoolsByDistrict',
        async keys => {
          const pairs = split(keys)
          const rows = await db
            .selectFrom('edu.school')
            .selectAll()
            .where(sql<boolean>`(ags, district_code) in (select * from unnest(${column(pairs, 0)}::text[], ${column(pairs, 1)}::text[]))`)
            .orderBy('id')
            .execute()
          const groups = groupBy(rows, r => key(r.ags, r.district_code))
          return keys.map(k => groups.get(k) ?? [])
        },
        { datasets: ['edu.pupils', 'edu.transitions', 'edu.graduates'] },
      ),
    ),
    /** Key: schoolId|schoolYear → pupils per grade and in total (grouping sets), classes per grade; null without data. */
    pupils: new DataLoader<string, PupilStats | null>(
      cache.loader(
        'pupils',
        async keys => {
          const pairs = split(keys)
          // Rows with 0 pupils stand for nobody: their keys stay out of the key sums.
          const { rows } = await sql<{
            school_id: string
            school_year: string
            grade: number | null
            pupils: number
            pupils_key: string
            non_german: number
            non_german_key: string
            classes: number | null
          }>`
        with g as (
          select school_id, school_year, grade, sum(pupils) as pupils, sum(rkey) filter (where pupils > 0) as pupils_key,
            sum(pupils) filter (where nationality_group = 'AUSL') as non_german, sum(rkey) filter (where nationality_group = 'AUSL' and pupils > 0) as non_german_key
          from edu.school_year_stat
          where (school_id, school_year) in (select * from unnest(${column(pairs, 0)}::text[], ${column(pairs, 1)}::text[]))
          group by school_id, school_year, grade)
        select g.school_id, g.school_year, case when grouping(g.grade) = 0 then g.grade end as grade,
          sum(g.pupils)::int as pupils, ${keySum('g.pupils_key')} as pupils_key,
          coalesce(sum(g.non_german), 0)::int as non_german, ${keySum('g.non_german_key')} as non_german_key, sum(c.classes)::int as classes
        from g left join edu.school_class c on c.school_id = g.school_id and c.school_year = g.school_year and c.grade = g.grade
        group by grouping sets ((g.school_id, g.school_year, g.grade), (g.school_id, g.school_year))
        order by g.school_id, g.school_year, g.grade nulls first`.execute(db)
          const stats = new Map<string, PupilStats>()
          for (const r of rows) {
            const k = key(r.school_id, r.school_year)
            const pupils = { n: r.pupils, key: r.pupils_key }
            const nonGerman = { n: r.non_german, key: r.non_german_key }
            if (r.grade === null) stats.set(k, { schoolYear: r.school_year, pupils, nonGerman, classes: r.classes, byGrade: [] })
            else stats.get(k)!.byGrade.push({ grade: r.grade, pupils, nonGerman, classes: r.classes })
          }
          return keys.map(k => stats.get(k) ?? null)
        },
        { datasets: ['edu.pupils'] },
      ),
    ),
    /** Key: schoolId|schoolYear → leavers by qualification. */
    schoolGraduates: new DataLoader<string, QualificationCount[]>(
      cache.loader(
        'schoolGraduates',
        async keys => {
          const pairs = split(keys)
          const rows = await db
            .selectFrom('edu.graduate')
            .select(['school_id', 'school_year', 'qualification', sql<number>`sum(n)::int`.as('n'), keySum('rkey', sql`n > 0`).as('key')])
            .where(
              sql<boolean>`(school_id, school_year) in (select * from unnest(${column(pairs, 0)}::text[], ${column(pairs, 1)}::text[]))`,
            )
            .groupBy(['school_id', 'school_year', 'qualification'])
            .execute()
          const groups = groupBy(rows, r => key(r.school_id, r.school_year))
          return keys.map(k =>
            (groups.get(k) ?? []).map(r => ({ qualification: r.qualification, n: r.n, key: r.key })).sort(byQualification),
          )
        },
        { datasets: ['edu.graduates'] },
      ),
    ),
    /**
     * Key: schoolYear → city-wide admissions into grade 5 by school type × residence, with the suppression plan
     * of the school year's whole family (every type × residence, applications and admissions) for aggregate roles.
     */
    transitions: new DataLoader<string, TransitionCount[]>(
      cache.loader(
        'transitions',
        async years => {
          const rows = await db
            .selectFrom('edu.transition')
            .select([
              'school_year',
              'to_school_type',
              'residence',
              sql<number | null>`sum(applications)::int`.as('applications'),
              sql<number>`sum(admissions)::int`.as('admissions'),
            ])
            .where('school_year', 'in', [...years])
            .groupBy(['school_year', 'to_school_type', 'residence'])
            .execute()
          const groups = groupBy(rows, r => r.school_year)
          return years.map(y => {
            const family = (groups.get(y) ?? []).map(r => ({
              toSchoolType: r.to_school_type,
              residence: r.residence,
              applications: r.applications,
              admissions: r.admissions,
            }))
            const plan = transitionFamilyPlan(family)
            return family
              .map(t => ({ ...t, hidden: plan.hiddenOf(t) }))
              .sort(
                (a, b) =>
                  TYPE_ORDER.indexOf(a.toSchoolType) - TYPE_ORDER.indexOf(b.toSchoolType) ||
                  RESIDENCE_ORDER.indexOf(a.residence) - RESIDENCE_ORDER.indexOf(b.residence),
              )
          })
        },
        { datasets: ['edu.transitions'] },
      ),
    ),
    /** Key: schoolYear → city-wide leavers by qualification. */
    cityGraduates: new DataLoader<string, QualificationCount[]>(
      cache.loader(
        'cityGraduates',
        async years => {
          const rows = await db
            .selectFrom('edu.graduate')
            .select(['school_year', 'qualification', sql<number>`sum(n)::int`.as('n'), keySum('rkey', sql`n > 0`).as('key')])
            .where('school_year', 'in', [...years])
            .groupBy(['school_year', 'qualification'])
            .execute()
          const groups = groupBy(rows, r => r.school_year)
          return years.map(y =>
            (groups.get(y) ?? []).map(r => ({ qualification: r.qualification, n: r.n, key: r.key })).sort(byQualification),
          )
        },
        { datasets: ['edu.graduates'] },
      ),
    ),
    /** Key: schoolYear → city-wide first graders at Grundschulen with their key sum; null without data. */
    cityFirstGraders: new DataLoader<string, KeyedCount | null>(
      cache.loader(
        'cityFirstGraders',
        async years => {
          const rows = await db
            .selectFrom('edu.school_year_stat as s')
            .innerJoin('edu.school as sc', 'sc.id', 's.school_id')
            .select(['s.school_year', sql<number>`sum(s.pupils)::int`.as('pupils'), keySum('s.rkey', sql`s.pupils > 0`).as('key')])
            .where('sc.school_type', '=', 'GS')
            .where('s.grade', '=', 1)
            .where('s.school_year', 'in', [...years])
            .groupBy('s.school_year')
            .execute()
          const byYear = new Map(rows.map(r => [r.school_year, { n: r.pupils, key: r.key }]))
          return years.map(y => byYear.get(y) ?? null)
        },
        { datasets: ['edu.pupils'] },
      ),
    ),
    kita: new DataLoader<string, KitaTable | null>(
      cache.loader(
        'kita',
        async ids => {
          const rows = await db
            .selectFrom('edu.kita')
            .selectAll()
            .where('id', 'in', [...ids])
            .execute()
          const byId = new Map(rows.map(r => [r.id, r]))
          return ids.map(id => byId.get(id) ?? null)
        },
        { datasets: ['edu.kita'] },
      ),
    ),
    /** Key: ags|districtCode → the district's Kitas, ordered by id. */
    kitasByDistrict: new DataLoader<string, KitaTable[]>(
      cache.loader(
        'kitasByDistrict',
        async keys => {
          const pairs = split(keys)
          const rows = await db
            .selectFrom('edu.kita')
            .selectAll()
            .where(sql<boolean>`(ags, district_code) in (select * from unnest(${column(pairs, 0)}::text[], ${column(pairs, 1)}::text[]))`)
            .orderBy('id')
            .execute()
          const groups = groupBy(rows, r => key(r.ags, r.district_code))
          return keys.map(k => groups.get(k) ?? [])
        },
        { datasets: ['edu.kita'] },
      ),
    ),
    /** Key: kitaId|stichtag. */
    kitaStats: new DataLoader<string, KitaStatTable | null>(
      cache.loader(
        'kitaStats',
        async keys => {
          const pairs = split(keys)
          const rows = await db
            .selectFrom('edu.kita_stat')
            .selectAll()
            .where(sql<boolean>`(kita_id, stichtag) in (select * from unnest(${column(pairs, 0)}::text[], ${column(pairs, 1)}::date[]))`)
            .execute()
          const byKey = new Map(rows.map(r => [key(r.kita_id, r.stichtag), r]))
          return keys.map(k => byKey.get(k) ?? null)
        },
        { datasets: ['edu.kita'] },
      ),
    ),
    /**
     * Key: ags|districtCode|stichtag → sums over the district's Kitas; null without data. The statement sums every
     * district of the asked Stichtage: the suppression plan of the children counts is decided over that whole
     * family (all districts of the year), so a district's status never depends on which districts were asked.
     */
    kitaPlaces: new DataLoader<string, KitaSupplyRow | null>(
      cache.loader(
        'kitaPlaces',
        async keys => {
          const parts = split(keys)
          const stichtage = [...new Set(column(parts, 2))]
          const { rows } = await sql<{
            ags: string
            district_code: string
            stichtag: string
            kitas: number
            places_total: number
            places_u3: number
            children_u3: number
            children_3_6: number
          }>`
        select k.ags, k.district_code, s.stichtag, count(*)::int as kitas, sum(s.places_total)::int as places_total, sum(s.places_u3)::int as places_u3,
          sum(s.children_u3)::int as children_u3, sum(s.children_3_6)::int as children_3_6
        from edu.kita_stat s join edu.kita k on k.id = s.kita_id
        where s.stichtag = any(${stichtage}::date[])
        group by k.ags, k.district_code, s.stichtag`.execute(db)
          const byKey = new Map<string, KitaSupplyRow>()
          for (const [, family] of groupBy(rows, r => key(r.ags, r.stichtag))) {
            const plan = kitaFamilyPlan(
              family.map(r => ({
                districtCode: r.district_code,
                childrenU3: r.children_u3,
                children3to6: r.children_3_6,
                placesU3: r.places_u3,
                placesTotal: r.places_total,
              })),
            )
            for (const r of family) {
              byKey.set(key(r.ags, r.district_code, r.stichtag), {
                year: Number(r.stichtag.slice(0, 4)),
                kitas: r.kitas,
                placesTotal: r.places_total,
                placesU3: r.places_u3,
                childrenU3: r.children_u3,
                children3to6: r.children_3_6,
                hidden: plan.hiddenOf(r.district_code),
              })
            }
          }
          return keys.map(k => byKey.get(k) ?? null)
        },
        { datasets: ['edu.kita'] },
      ),
    ),
    provenance: createProvenanceLoader(db, cache, 'edu'),
  }
}

export type EducationLoaders = ReturnType<typeof createLoaders>
