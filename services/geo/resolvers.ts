import { assertAgs, assertDistrictCode, assertYear, assertYearRange, badUserInput } from '../../platform/errors.js'
import { FIRST_DATA_YEAR, LAST_DATA_YEAR } from '../../platform/city.js'
import { provenanceOf } from '../../lib/service/provenance.js'
import { present } from '../../lib/subgraph/present.js'
import type { DistrictTable } from './db.js'
import type { Resolvers } from './generated/resolvers.js'
import { districtKey } from './loaders.js'

const COUNTRY_CODE = /^[A-Z]{3}$/

function assertCountryCode(code: string): string {
  if (!COUNTRY_CODE.test(code))
    throw badUserInput(`Argument "code" must be an ISO 3166-1 alpha-3 code (e.g. "SYR"), got ${JSON.stringify(code)}`, {
      argumentName: 'code',
    })
  return code
}

/** Years are entry points for yearly summaries; only years the city holds data for exist. */
function yearEntity(year: number) {
  assertYear(year)
  return year >= FIRST_DATA_YEAR && year <= LAST_DATA_YEAR ? { year } : null
}

export const resolvers = {
  Query: {
    municipality: (_, { ags }, ctx) => ctx.loaders.municipality.load(assertAgs(ags)),
    municipalities: async (_, args, ctx) => {
      let q = ctx.db.selectFrom('geo.municipality').selectAll().orderBy('ags')
      if (args.stateCode) q = q.where('state_code', '=', args.stateCode)
      if (args.kind) q = q.where('kind', '=', args.kind)
      return q.execute()
    },
    district: (_, { ags, code }, ctx) => ctx.loaders.district.load(districtKey(assertAgs(ags), assertDistrictCode(code))),
    districts: (_, { ags }, ctx) => ctx.loaders.districtsByAgs.load(assertAgs(ags)),
    year: (_, { year }) => yearEntity(year),
    years: (_, { from, to }) => {
      assertYearRange(from, to)
      const years: Array<{ year: number }> = []
      for (let y = Math.max(from, FIRST_DATA_YEAR); y <= Math.min(to, LAST_DATA_YEAR); y++) years.push({ year: y })
      return years
    },
    country: (_, { code }, ctx) => ctx.loaders.country.load(assertCountryCode(code)),
    countries: (_, __, ctx) => ctx.db.selectFrom('geo.country').selectAll().orderBy('code').execute(),
  },
  Municipality: {
    __resolveReference: (ref, ctx) => ctx.loaders.municipality.load(ref.ags),
    stateCode: m => m.state_code,
    areaKm2: m => m.area_km2,
    districts: (m, _, ctx) => ctx.loaders.districtsByAgs.load(m.ags),
  },
  District: {
    __resolveReference: (ref, ctx) => ctx.loaders.district.load(districtKey(ref.ags, ref.code)),
    kind: d => (d.kind === 'kernstadt' ? 'KERNSTADT' : 'ORTSBEZIRK'),
    hasOrtsbeirat: d => d.has_ortsbeirat,
    areaKm2: d => d.area_km2,
    postalCodes: d => d.postal_codes,
    centroid: d => (d.centroid_lat === null || d.centroid_lon === null ? null : { lat: d.centroid_lat, lon: d.centroid_lon }),
    municipality: (d, _, ctx) => present(ctx.loaders.municipality.load(d.ags), `municipality ${d.ags} of district ${d.code}`),
    provenance: (_: DistrictTable, __, ctx) => provenanceOf(ctx.loaders.provenance, 'geo.districts'),
  },
  Year: {
    __resolveReference: ref => (ref.year >= FIRST_DATA_YEAR && ref.year <= LAST_DATA_YEAR ? { year: ref.year } : null),
  },
  Country: {
    __resolveReference: (ref, ctx) => ctx.loaders.country.load(ref.code),
    nameDe: c => c.name_de,
    destatisCode: c => c.destatis_code,
  },
} satisfies Resolvers
