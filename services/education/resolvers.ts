import { assertDistrictCode, assertYear, badUserInput } from '../../platform/errors.js'
import { ratio, statCount } from '../../platform/stat.js'
import { familyCell, keyedCell, visibleCount } from '../../lib/service/disclosure-cells.js'
import { key, type QualificationCount } from './loaders.js'
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
    throw badUserInput(`Argument "${arg}" must be an id of letters, digits, ".", "_" or "-" (e.g. "GS-03"), got ${JSON.stringify(id)}`, {
      argumentName: arg,
    })
  }
  return id
}

/** Provenance of a dataset, narrowed to the reference date of the figure at hand. */
async function provenance(ctx: Ctx, datasetId: string, stichtag: string) {
  return { ...(await provenanceOf(ctx.loaders.provenance, datasetId)), stichtag }
}

/** Leavers under the Cell Key Method: perturbed per request for aggregate-only roles (loaders are shared). */
const qualificationCounts = (ctx: Ctx, rows: QualificationCount[]) =>
  rows.map(r => ({ qualification: r.qualification, count: keyedCell(ctx, r) }))

export const resolvers = {
  Mutation: {
    recordPupilCounts: (_, { input }, ctx) => enterRows(ctx, datasets.pupils, input),
  },
  Query: {
    school: (_, { id }, ctx) => ctx.loaders.school.load(assertEntityId(id)),
    schools: (_, args, ctx) => {
      let q = ctx.db.selectFrom('edu.school').selectAll().orderBy('id')
      if (args.type) q = q.where('school_type', '=', args.type)
      if (args.districtCode != null) q = q.where('district_code', '=', assertDistrictCode(args.districtCode, 'districtCode'))
      return q.execute()
    },
    kita: (_, { id }, ctx) => ctx.loaders.kita.load(assertEntityId(id)),
    kitas: (_, args, ctx) => {
      let q = ctx.db.selectFrom('edu.kita').selectAll().orderBy('id')
      if (args.districtCode != null) q = q.where('district_code', '=', assertDistrictCode(args.districtCode, 'districtCode'))
      return q.execute()
    },
  },
  School: {
    __resolveReference: (ref, ctx) => ctx.loaders.school.load(String(ref.id)),
    officialNumber: s => s.official_number,
    type: s => s.school_type,
    district: (s): DistrictRef => ({ ags: s.ags, code: s.district_code }),
    product: s => (s.product_code ? { code: s.product_code } : null),
    pupils: (s, { schoolYear }, ctx) => ctx.loaders.pupils.load(key(s.id, assertSchoolYear(schoolYear))),
    firstGraders: async (s, { schoolYear }, ctx) => {
      assertSchoolYear(schoolYear)
      if (s.school_type !== 'GS') return null
      const stats = await ctx.loaders.pupils.load(key(s.id, schoolYear))
      // The same cell as byGrade grade 1 (same records, same key sum): the same noise.
      return keyedCell(ctx, stats ? (stats.byGrade.find(g => g.grade === 1)?.pupils ?? { n: 0, key: 0 }) : null)
    },
    graduates: async (s, { schoolYear }, ctx) =>
      qualificationCounts(ctx, await ctx.loaders.schoolGraduates.load(key(s.id, assertSchoolYear(schoolYear)))),
  },
  SchoolPupilStats: {
    total: (p, _, ctx) => keyedCell(ctx, p.pupils),
    nonGerman: (p, _, ctx) => keyedCell(ctx, p.nonGerman),
    // From the counts the caller sees, so that the share gives away no exact count.
    nonGermanShare: (p, _, ctx) => ratio(visibleCount(ctx, p.nonGerman), visibleCount(ctx, p.pupils)),
    provenance: (p, _, ctx) => provenance(ctx, 'edu.pupils', schoolStatStichtag(p.schoolYear)),
  },
  SchoolGradeCount: {
    count: (g, _, ctx) => keyedCell(ctx, g.pupils),
  },
  Kita: {
    __resolveReference: (ref, ctx) => ctx.loaders.kita.load(String(ref.id)),
    operatorType: k => k.operator_type,
    district: (k): DistrictRef => ({ ags: k.ags, code: k.district_code }),
    stats: (k, { year }, ctx) => ctx.loaders.kitaStats.load(key(k.id, kitaStichtag(assertYear(year)))),
  },
  KitaStats: {
    placesTotal: s => s.places_total,
    placesU3: s => s.places_u3,
    childrenU3: s => statCount(s.children_u3),
    children3to6: s => statCount(s.children_3_6),
    staffTotal: s => s.staff_total,
    staffPedagogical: s => s.staff_pedagogical,
    provenance: (s, _, ctx) => provenance(ctx, 'edu.kita', s.stichtag),
  },
  KitaSupply: {
    childrenU3: (s, _, ctx) => familyCell(ctx, s.childrenU3, s.hidden.childrenU3),
    children3to6: (s, _, ctx) => familyCell(ctx, s.children3to6, s.hidden.children3to6),
    provenance: (s, _, ctx) => provenance(ctx, 'edu.kita', kitaStichtag(s.year)),
  },
  SchoolTransitionCount: {
    applications: (t, _, ctx) => familyCell(ctx, t.applications, t.hidden.applications),
    admissions: (t, _, ctx) => familyCell(ctx, t.admissions, t.hidden.admissions),
  },
  // District and Year are geo's entities: the representation is the parent, so no reference resolver.
  District: {
    schools: async (d, { type }, ctx) => {
      const schools = await ctx.loaders.schoolsByDistrict.load(key(d.ags, d.code))
      return type ? schools.filter(s => s.school_type === type) : schools
    },
    kitas: (d, _, ctx) => ctx.loaders.kitasByDistrict.load(key(d.ags, d.code)),
    kitaPlaces: (d, { year }, ctx) => ctx.loaders.kitaPlaces.load(key(d.ags, d.code, kitaStichtag(assertYear(year)))),
  },
  Year: {
    transitions: (y, _, ctx) => ctx.loaders.transitions.load(schoolYearOf(y.year)),
    graduates: async (y, _, ctx) => qualificationCounts(ctx, await ctx.loaders.cityGraduates.load(schoolYearOf(y.year))),
    firstGraders: async (y, _, ctx) => keyedCell(ctx, await ctx.loaders.cityFirstGraders.load(schoolYearOf(y.year))),
  },
} satisfies Resolvers
