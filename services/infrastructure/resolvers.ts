import { assertDistrictCode, assertPositiveInt, assertYear, badUserInput } from '../../platform/errors.js'
import { CITY_AGS } from '../../platform/city.js'
import { money, round } from '../../platform/stat.js'
import { enterRows } from '../../lib/data-entry/enter-rows.js'
import { datasets } from './datasets.js'
import type { LampType, StreetLightTable } from './db.js'
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
    streetLight: (_: unknown, { id }: { id: string }, ctx: Ctx) => ctx.loaders.light.load(assertLightId(id, 'id')),
    streetLights: (_: unknown, args: { districtCode: string; lampType?: LampType | null; first: number; after?: string | null }, ctx: Ctx) => {
      assertPositiveInt(args.first, 'first', 1000)
      let q = ctx.db.selectFrom('infra.street_light').selectAll().where('district_code', '=', assertDistrictCode(args.districtCode, 'districtCode'))
      if (args.lampType != null) q = q.where('lamp_type', '=', args.lampType)
      if (args.after != null) q = q.where('id', '>', assertLightId(args.after, 'after'))
      return q.orderBy('id').limit(args.first).execute()
    },
  },

  Mutation: {
    recordLedConversions: (_: unknown, { input }, ctx) => enterRows(ctx, datasets.ledConversions, input),
  },

  StreetLight: {
    __resolveReference: (ref, ctx) => ctx.loaders.light.load(String(ref.id)),
    district: (l: StreetLightTable): DistrictRef => ({ ags: CITY_AGS, code: l.district_code }),
    lampType: (l: StreetLightTable) => l.lamp_type,
    convertedToLed: (l: StreetLightTable) => l.converted_to_led,
    previousLampType: (l: StreetLightTable) => l.previous_lamp_type,
    previousWatt: (l: StreetLightTable) => l.previous_watt,
    measure: (l: StreetLightTable) => (l.measure_id ? { id: l.measure_id } : null),
    location: (l: StreetLightTable) => ({ lat: Number(l.lat), lon: Number(l.lon) }),
  },

  LightingSummary: {
    district: (s: LightingFigures): DistrictRef | null => (s.districtCode ? { ags: CITY_AGS, code: s.districtCode } : null),
    ledShare: (s: LightingFigures) => (s.lights ? round(s.ledLights / s.lights, 4) : 0),
    installedKw: (s: LightingFigures) => round(s.installedKw, 2),
    energyKwh: (s: LightingFigures) => round(s.energyKwh, 2),
    energyCost: (s: LightingFigures) => (s.price === null ? null : money(s.energyKwh * s.price)),
    monthly: (s: LightingFigures, _: unknown, ctx: Ctx) => ctx.loaders.lightingMonths.load(`${s.districtCode ?? CITY_SCOPE}|${s.year}`),
    provenance: (_: LightingFigures, __: unknown, ctx: Ctx) => provenanceOf(ctx.loaders.provenance, 'infra.energy'),
  },

  District: {
    streetLighting: (d: DistrictRef, { year }: { year: number }, ctx: Ctx) => (d.ags === CITY_AGS ? lighting(ctx, String(d.code), year) : null),
  },

  Year: {
    streetLighting: (y: { year: number }, _: unknown, ctx: Ctx) => lighting(ctx, CITY_SCOPE, y.year),
  },

  InvestmentMeasure: {
    convertedLights: async (m: { id: string }, _: unknown, ctx: Ctx) => (await ctx.loaders.measureLights.load(String(m.id)))?.count ?? null,
    estimatedSavingKwh: async (m: { id: string }, _: unknown, ctx: Ctx) => {
      const lights = await ctx.loaders.measureLights.load(String(m.id))
      return lights ? round(lights.savingKwh, 1) : null
    },
    convertedStreetLights: async (m: { id: string }, { first }: { first: number }, ctx: Ctx) => {
      assertPositiveInt(first, 'first', 1000)
      if (!(await ctx.loaders.measureLights.load(String(m.id)))) return null
      return ctx.loaders.measureLightList.load(`${m.id}|${first}`)
    },
  },
} satisfies Resolvers
