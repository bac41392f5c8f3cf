import { assertAgs, assertDistrictCode, assertYear, assertYearRange, badUserInput } from '../../platform/errors.js'
import { FIRST_DATA_YEAR, LAST_DATA_YEAR } from '../../platform/city.js'
import { provenanceOf } from '../../lib/service/provenance.js'
import { present } from '../../lib/subgraph/present.js'
import type { CountryTable, DistrictTable, MunicipalityTable } from './db.js'
import type { Resolvers } from './generated/resolvers.js'
import { districtKey } from './loaders.js'
import type { Context } from './mappers.js'

type Ctx = Context

const COUNTRY_CODE = /^[A-Z]{3}$/

function assertCountryCode(code: string): string {
  if (!COUNTRY_CODE.test(code)) throw badUserInput(`Argument "code" must be an ISO 3166-1 alpha-3 code (e.g. "SYR"), got ${JSON.stringify(code)}`, { argumentName: 'code' })
  return code
}

/** Years are entry points for yearly summaries; only years the city holds data for exist. */
function yearEntity(year: number) {
  assertYear(year)
  return year >= FIRST_DATA_YEAR && year <= LAST_DATA_YEAR ? { year } : null
}

export const resolvers = {
  Query: {
    municipality: (_: unknown, { ags }: { ags: string }, ctx: Ctx) => ctx.loaders.municipality.load(assertAgs(ags)),
    municipalities: async (_, args, ctx) => {
      let q = ctx.db.selectFrom('geo.municipality').selectAll().orderBy('ags')
      if (args.stateCode) q = q.where('state_code', '=', args.stateCode)
      if (args.kind) q = q.where('kind', '=', args.kind)
      return q.execute()
    },
    district: (_: unknown, { ags, code }: { ags: string; code: string }, ctx: Ctx) =>
      ctx.loaders.district.load(districtKey(assertAgs(ags), assertDistrictCode(code))),
    districts: (_: unknown, { ags }: { ags: string }, ctx: Ctx) => ctx.loaders.districtsByAgs.load(assertAgs(ags)),
    year: (_: unknown, { year }: { year: number }) => yearEntity(year),
    years: (_: unknown, { from, to }: { from: number; to: number }) => {
      assertYearRange(from, to)
      const years: Array<{ year: number }> = []
      for (let y = Math.max(from, FIRST_DATA_YEAR); y <= Math.min(to, LAST_DATA_YEAR); y++) years.push({ year: y })
      return years
    },
    country: (_: unknown, { code }: { code: string }, ctx: Ctx) => ctx.loaders.country.load(assertCountryCode(code)),
    countries: (_: unknown, __: unknown, ctx: Ctx) => ctx.db.selectFrom('geo.country').selectAll().orderBy('code').execute(),
  },
  Municipality: {
    __resolveReference: (ref, ctx) => ctx.loaders.municipality.load(ref.ags),
    stateCode: (m: MunicipalityTable) => m.state_code,
    areaKm2: (m: MunicipalityTable) => m.area_km2,
    districts: (m: MunicipalityTable, _: unknown, ctx: Ctx) => ctx.loaders.districtsByAgs.load(m.ags),
  },
  District: {
    __resolveReference: (ref, ctx) => ctx.loaders.district.load(districtKey(ref.ags, ref.code)),
    kind: (d: DistrictTable) => (d.kind === 'kernstadt' ? 'KERNSTADT' : 'ORTSBEZIRK'),
    hasOrtsbeirat: (d: DistrictTable) => d.has_ortsbeirat,
    areaKm2: (d: DistrictTable) => d.area_km2,
    postalCodes: (d: DistrictTable) => d.postal_codes,
    centroid: (d: DistrictTable) => (d.centroid_lat === null || d.centroid_lon === null ? null : { lat: d.centroid_lat, lon: d.centroid_lon }),
    municipality: (d: DistrictTable, _: unknown, ctx: Ctx) => present(ctx.loaders.municipality.load(d.ags), `municipality ${d.ags} of district ${d.code}`),
    provenance: (_: DistrictTable, __: unknown, ctx: Ctx) => provenanceOf(ctx.loaders.provenance, 'geo.districts'),
  },
  Year: {
    __resolveReference: (ref) => (ref.year >= FIRST_DATA_YEAR && ref.year <= LAST_DATA_YEAR ? { year: ref.year } : null),
  },
  Country: {
    __resolveReference: (ref, ctx) => ctx.loaders.country.load(ref.code),
    nameDe: (c: CountryTable) => c.name_de,
    destatisCode: (c: CountryTable) => c.destatis_code,
  },
} satisfies Resolvers
