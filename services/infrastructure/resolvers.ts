import { assertDistrictCode, assertPositiveInt, assertYear, badUserInput } from '../../platform/errors.js'
import { CITY_AGS } from '../../platform/city.js'
import { money, round } from '../../platform/stat.js'
import { enterRows } from '../../lib/data-entry/enter-rows.js'
import { datasets } from './datasets.js'
import { CITY_SCOPE, type LightingFigures } from './loaders.js'
import { provenanceOf } from '../../lib/service/provenance.js'
import type { Resolvers } from './generated/resolvers.js'
import type { Context } from './mappers.js'

type Ctx = Context
type DistrictRef = { ags: string; code: string }

function assertLightId(id: unknown, arg: string): string {
  if (typeof id !== 'string' || !/^SL-\d{2}-\d{5}$/.test(id)) {
    throw badUserInput(`Argument "${arg}" must be a street-light id (e.g. "SL-01-00001"), got ${JSON.stringify(id)}`, { argumentName: arg })
  }
  return id
}

function lighting(ctx: Ctx, scope: string, year: number) {
  assertYear(year)
  return ctx.loaders.lighting.load(`${scope}|${year}`)
}

export const resolvers = {
  Query: {
    streetLight: (_, { id }, ctx) => ctx.loaders.light.load(assertLightId(id, 'id')),
    streetLights: (_, args, ctx) => {
      assertPositiveInt(args.first, 'first', 1000)
      let q = ctx.db
        .selectFrom('infra.street_light')
        .selectAll()
        .where('district_code', '=', assertDistrictCode(args.districtCode, 'districtCode'))
      if (args.lampType != null) q = q.where('lamp_type', '=', args.lampType)
      if (args.after != null) q = q.where('id', '>', assertLightId(args.after, 'after'))
      return q.orderBy('id').limit(args.first).execute()
    },
  },

  Mutation: {
    recordLedConversions: (_, { input }, ctx) => enterRows(ctx, datasets.ledConversions, input),
  },

  StreetLight: {
    __resolveReference: (ref, ctx) => ctx.loaders.light.load(String(ref.id)),
    district: (l): DistrictRef => ({ ags: CITY_AGS, code: l.district_code }),
    lampType: l => l.lamp_type,
    convertedToLed: l => l.converted_to_led,
    previousLampType: l => l.previous_lamp_type,
    previousWatt: l => l.previous_watt,
    measure: l => (l.measure_id ? { id: l.measure_id } : null),
    location: l => ({ lat: Number(l.lat), lon: Number(l.lon) }),
  },

  LightingSummary: {
    district: (s): DistrictRef | null => (s.districtCode ? { ags: CITY_AGS, code: s.districtCode } : null),
    ledShare: s => (s.lights ? round(s.ledLights / s.lights, 4) : 0),
    installedKw: s => round(s.installedKw, 2),
    energyKwh: s => round(s.energyKwh, 2),
    energyCost: s => (s.price === null ? null : money(s.energyKwh * s.price)),
    monthly: (s, _, ctx) => ctx.loaders.lightingMonths.load(`${s.districtCode ?? CITY_SCOPE}|${s.year}`),
    provenance: (_: LightingFigures, __, ctx) => provenanceOf(ctx.loaders.provenance, 'infra.energy'),
  },

  District: {
    streetLighting: (d, { year }, ctx) => (d.ags === CITY_AGS ? lighting(ctx, String(d.code), year) : null),
  },

  Year: {
    streetLighting: (y, _, ctx) => lighting(ctx, CITY_SCOPE, y.year),
  },

  InvestmentMeasure: {
    convertedLights: async (m, _, ctx) => (await ctx.loaders.measureLights.load(String(m.id)))?.count ?? null,
    estimatedSavingKwh: async (m, _, ctx) => {
      const lights = await ctx.loaders.measureLights.load(String(m.id))
      return lights ? round(lights.savingKwh, 1) : null
    },
    convertedStreetLights: async (m, { first }, ctx) => {
      assertPositiveInt(first, 'first', 1000)
      if (!(await ctx.loaders.measureLights.load(String(m.id)))) return null
      return ctx.loaders.measureLightList.load(`${m.id}|${first}`)
    },
  },
} satisfies Resolvers
