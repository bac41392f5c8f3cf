import { assertDistrictCode, assertYear, badUserInput } from '../../platform/errors.js'
import { ratio, statCount } from '../../platform/stat.js'
import { familyCell, keyedCell, visibleCount } from '../../lib/service/disclosure-cells.js'
import type { KitaStatTable, KitaTable, SchoolTable, SchoolType } from './db.js'
import { key, type KitaSupplyRow, type PupilGrade, type PupilStats, type QualificationCount, type TransitionCount } from './loaders.js'
import { assertSchoolYear, kitaStichtag, schoolStatStichtag, schoolYearOf } from './school-year.js'
import { enterRows } from '../../lib/data-entry/enter-rows.js'
import { datasets } from './datasets.js'
import { provenanceOf } from '../../lib/service/provenance.js'
import type { Resolvers } from './generated/resolvers.js'
import type { Context } from './mappers.js'

type Ctx = Context
type DistrictRef = { ags: string; code: string }

const ENTITY_ID = /^[A-Za-z0-9._-]{1,40}$/

/** Ids are opaque, but only plausible ones reach SQL; a well-formed unknown id answers null. */
function assertEntityId(id: string, arg = 'id'): string {
  if (typeof id !== 'string' || !ENTITY_ID.test(id)) {
    throw badUserInput(`Argument "${arg}" must be an id of letters, digits, ".", "_" or "-" (e.g. "GS-03"), got ${JSON.stringify(id)}`, { argumentName: arg })
  }
  return id
}

/** Provenance of a dataset, narrowed to the reference date of the figure at hand. */
async function provenance(ctx: Ctx, datasetId: string, stichtag: string) {
  return { ...(await provenanceOf(ctx.loaders.provenance, datasetId)), stichtag }
}

/** Leavers under the Cell Key Method: perturbed per request for aggregate-only roles (loaders are shared). */
const qualificationCounts = (ctx: Ctx, rows: QualificationCount[]) => rows.map(r => ({ qualification: r.qualification, count: keyedCell(ctx, r) }))

export const resolvers = {
  Mutation: {
    recordPupilCounts: (_: unknown, { input }, ctx) => enterRows(ctx, datasets.pupils, input),
  },
  Query: {
    school: (_: unknown, { id }: { id: string }, ctx: Ctx) => ctx.loaders.school.load(assertEntityId(id)),
    schools: (_: unknown, args: { type?: SchoolType | null; districtCode?: string | null }, ctx: Ctx) => {
      let q = ctx.db.selectFrom('edu.school').selectAll().orderBy('id')
      if (args.type) q = q.where('school_type', '=', args.type)
      if (args.districtCode != null) q = q.where('district_code', '=', assertDistrictCode(args.districtCode, 'districtCode'))
      return q.execute()
    },
    kita: (_: unknown, { id }: { id: string }, ctx: Ctx) => ctx.loaders.kita.load(assertEntityId(id)),
    kitas: (_: unknown, args: { districtCode?: string | null }, ctx: Ctx) => {
      let q = ctx.db.selectFrom('edu.kita').selectAll().orderBy('id')
      if (args.districtCode != null) q = q.where('district_code', '=', assertDistrictCode(args.districtCode, 'districtCode'))
      return q.execute()
    },
  },
  School: {
    __resolveReference: (ref, ctx) => ctx.loaders.school.load(String(ref.id)),
    officialNumber: (s: SchoolTable) => s.official_number,
    type: (s: SchoolTable) => s.school_type,
    district: (s: SchoolTable): DistrictRef => ({ ags: s.ags, code: s.district_code }),
    product: (s: SchoolTable) => (s.product_code ? { code: s.product_code } : null),
    pupils: (s: SchoolTable, { schoolYear }: { schoolYear: string }, ctx: Ctx) => ctx.loaders.pupils.load(key(s.id, assertSchoolYear(schoolYear))),
    firstGraders: async (s: SchoolTable, { schoolYear }: { schoolYear: string }, ctx: Ctx) => {
      assertSchoolYear(schoolYear)
      if (s.school_type !== 'GS') return null
      const stats = await ctx.loaders.pupils.load(key(s.id, schoolYear))
      // The same cell as byGrade grade 1 (same records, same key sum): the same noise.
      return keyedCell(ctx, stats ? stats.byGrade.find(g => g.grade === 1)?.pupils ?? { n: 0, key: 0 } : null)
    },
    graduates: async (s: SchoolTable, { schoolYear }: { schoolYear: string }, ctx: Ctx) =>
      qualificationCounts(ctx, await ctx.loaders.schoolGraduates.load(key(s.id, assertSchoolYear(schoolYear)))),
  },
  SchoolPupilStats: {
    total: (p: PupilStats, _: unknown, ctx: Ctx) => keyedCell(ctx, p.pupils),
    nonGerman: (p: PupilStats, _: unknown, ctx: Ctx) => keyedCell(ctx, p.nonGerman),
    // From the counts the caller sees, so that the share gives away no exact count.
    nonGermanShare: (p: PupilStats, _: unknown, ctx: Ctx) => ratio(visibleCount(ctx, p.nonGerman), visibleCount(ctx, p.pupils)),
    provenance: (p: PupilStats, _: unknown, ctx: Ctx) => provenance(ctx, 'edu.pupils', schoolStatStichtag(p.schoolYear)),
  },
  SchoolGradeCount: {
    count: (g: PupilGrade, _: unknown, ctx: Ctx) => keyedCell(ctx, g.pupils),
  },
  Kita: {
    __resolveReference: (ref, ctx) => ctx.loaders.kita.load(String(ref.id)),
    operatorType: (k: KitaTable) => k.operator_type,
    district: (k: KitaTable): DistrictRef => ({ ags: k.ags, code: k.district_code }),
    stats: (k: KitaTable, { year }: { year: number }, ctx: Ctx) => ctx.loaders.kitaStats.load(key(k.id, kitaStichtag(assertYear(year)))),
  },
  KitaStats: {
    placesTotal: (s: KitaStatTable) => s.places_total,
    placesU3: (s: KitaStatTable) => s.places_u3,
    childrenU3: (s: KitaStatTable) => statCount(s.children_u3),
    children3to6: (s: KitaStatTable) => statCount(s.children_3_6),
    staffTotal: (s: KitaStatTable) => s.staff_total,
    staffPedagogical: (s: KitaStatTable) => s.staff_pedagogical,
    provenance: (s: KitaStatTable, _: unknown, ctx: Ctx) => provenance(ctx, 'edu.kita', s.stichtag),
  },
  KitaSupply: {
    childrenU3: (s: KitaSupplyRow, _: unknown, ctx: Ctx) => familyCell(ctx, s.childrenU3, s.hidden.childrenU3),
    children3to6: (s: KitaSupplyRow, _: unknown, ctx: Ctx) => familyCell(ctx, s.children3to6, s.hidden.children3to6),
    provenance: (s: KitaSupplyRow, _: unknown, ctx: Ctx) => provenance(ctx, 'edu.kita', kitaStichtag(s.year)),
  },
  SchoolTransitionCount: {
    applications: (t: TransitionCount, _: unknown, ctx: Ctx) => familyCell(ctx, t.applications, t.hidden.applications),
    admissions: (t: TransitionCount, _: unknown, ctx: Ctx) => familyCell(ctx, t.admissions, t.hidden.admissions),
  },
  // District and Year are geo's entities: the representation is the parent, so no reference resolver.
  District: {
    schools: async (d: DistrictRef, { type }: { type?: SchoolType | null }, ctx: Ctx) => {
      const schools = await ctx.loaders.schoolsByDistrict.load(key(d.ags, d.code))
      return type ? schools.filter(s => s.school_type === type) : schools
    },
    kitas: (d: DistrictRef, _: unknown, ctx: Ctx) => ctx.loaders.kitasByDistrict.load(key(d.ags, d.code)),
    kitaPlaces: (d: DistrictRef, { year }: { year: number }, ctx: Ctx) => ctx.loaders.kitaPlaces.load(key(d.ags, d.code, kitaStichtag(assertYear(year)))),
  },
  Year: {
    transitions: (y: { year: number }, _: unknown, ctx: Ctx) => ctx.loaders.transitions.load(schoolYearOf(y.year)),
    graduates: async (y: { year: number }, _: unknown, ctx: Ctx) => qualificationCounts(ctx, await ctx.loaders.cityGraduates.load(schoolYearOf(y.year))),
    firstGraders: async (y: { year: number }, _: unknown, ctx: Ctx) => keyedCell(ctx, await ctx.loaders.cityFirstGraders.load(schoolYearOf(y.year))),
  },
} satisfies Resolvers
