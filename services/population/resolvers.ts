import { CITY_AGS, REFERENCE_DATE } from '../../lib/city.js'
import { assertPositiveInt, assertYear, assertYearRange, badUserInput } from '../../lib/errors.js'
import type { ServiceContext } from '../../lib/service/define-service.js'
import { ratio, round, statCount, statValue, type CellFlag } from '../../lib/stat.js'
import { AGE_GROUPS, MAX_AGE, type PopulationAgeScheme } from './age-groups.js'
import type { PopDatabase } from './db.js'
import { stockKey, type PopLoaders, type RegisterBasis, type StockScope, type StockSummary } from './loaders.js'

type Ctx = ServiceContext<PopDatabase, PopLoaders>
type Basis = RegisterBasis | 'OFFICIAL_UPDATE' | 'CENSUS'

interface DistrictRef { ags: string; code: string }
interface Stock extends StockScope { stichtag: string; summary: StockSummary; flags: CellFlag[] }

/** A Stichtag after the reference date cannot be observed yet: its stock is an estimate. */
const flagsFor = (date: string): CellFlag[] => (date > REFERENCE_DATE ? ['ESTIMATED'] : [])
const isRegister = (basis: Basis): basis is RegisterBasis => basis === 'REGISTER_MAIN' || basis === 'REGISTER_ALL'

function assertDistrictBasis(basis: Basis): RegisterBasis {
  if (!isRegister(basis)) {
    throw badUserInput(`Argument "basis" ${basis} is only for the whole municipality; districts exist only in the register (REGISTER_MAIN, REGISTER_ALL)`, { argumentName: 'basis' })
  }
  return basis
}

function assertAge(value: number, arg: string): number {
  if (!Number.isInteger(value) || value < 0 || value > MAX_AGE) {
    throw badUserInput(`Argument "${arg}" must be an age between 0 and ${MAX_AGE} (100 = 100 and older), got ${value}`, { argumentName: arg })
  }
  return value
}

async function loadStock(scope: StockScope, ctx: Ctx): Promise<Stock | null> {
  const summary = await ctx.loaders.stockSummary.load(stockKey(scope))
  if (!summary) return null
  const stichtag = `${scope.year}-12-31`
  return { ...scope, stichtag, summary, flags: flagsFor(stichtag) }
}

async function totalOf(scope: StockScope, ctx: Ctx): Promise<number | null> {
  return (await ctx.loaders.stockSummary.load(stockKey(scope)))?.total ?? null
}

/** City or municipality figure for any basis: register bases from the stock, official ones from the Landesamt. */
async function municipalityCount(ags: string, year: number, basis: Basis, ctx: Ctx) {
  if (isRegister(basis)) {
    const total = await totalOf({ year, basis, ags, code: null }, ctx)
    return total === null ? null : statCount(total, flagsFor(`${year}-12-31`))
  }
  const official = await ctx.loaders.officialTotal.load(`${year}|${ags}|${basis}`)
  return official ? statCount(official.total) : null
}

async function movementSummary(year: number, ags: string, code: string | null, ctx: Ctx) {
  const totals = await ctx.loaders.movements.load(`${year}|${ags}|${code ?? ''}`)
  if (!totals) return null
  const k = (kind: string) => totals.byKind[kind] ?? 0
  // Moves between districts are migration for a district but not for the city.
  const inMoves = k('IN_EXTERNAL') + (code ? k('IN_INTERNAL') : 0)
  const outMoves = k('OUT_EXTERNAL') + (code ? k('OUT_INTERNAL') : 0)
  const flags: CellFlag[] = totals.lastMonthEnd < `${year}-12-31` ? ['PROVISIONAL'] : []
  return {
    births: statCount(k('BIRTH'), flags),
    deaths: statCount(k('DEATH'), flags),
    inMoves: statCount(inMoves, flags),
    outMoves: statCount(outMoves, flags),
    netMigration: statCount(inMoves - outMoves, flags),
    naturalBalance: statCount(k('BIRTH') - k('DEATH'), flags),
    stichtag: totals.lastMonthEnd,
  }
}

export const resolvers = {
  District: {
    population: (d: DistrictRef, args: { year: number; basis: Basis }, ctx: Ctx) =>
      loadStock({ year: assertYear(args.year), basis: assertDistrictBasis(args.basis), ags: d.ags, code: d.code }, ctx),
    populationSeries: async (d: DistrictRef, args: { from: number; to: number; basis: Basis }, ctx: Ctx) => {
      assertYearRange(args.from, args.to)
      const basis = assertDistrictBasis(args.basis)
      const years = Array.from({ length: args.to - args.from + 1 }, (_, i) => args.from + i)
      const stocks = await Promise.all(years.map(year => loadStock({ year, basis, ags: d.ags, code: d.code }, ctx)))
      return stocks.filter(s => s !== null)
    },
    movements: (d: DistrictRef, args: { year: number }, ctx: Ctx) => movementSummary(assertYear(args.year), d.ags, d.code, ctx),
    cohort: async (d: DistrictRef, args: { ageFrom: number; ageTo: number; year: number }, ctx: Ctx) => {
      const year = assertYear(args.year)
      const from = assertAge(args.ageFrom, 'ageFrom')
      const to = assertAge(args.ageTo, 'ageTo')
      if (from > to) throw badUserInput(`Argument "ageFrom" (${from}) must not be greater than "ageTo" (${to})`, { argumentName: 'ageFrom' })
      return statCount(await ctx.loaders.cohort.load(`${year}|${d.ags}|${d.code}|${from}|${to}`), flagsFor(`${year}-12-31`))
    },
    residents: async (d: DistrictRef, _: unknown, ctx: Ctx) => {
      const year = await ctx.loaders.latestStockYear.load(`REGISTER_MAIN|${REFERENCE_DATE}`)
      return year === null ? null : totalOf({ year, basis: 'REGISTER_MAIN', ags: d.ags, code: d.code }, ctx)
    },
  },
  Year: {
    population: (y: { year: number }, args: { basis: Basis }, ctx: Ctx) => municipalityCount(CITY_AGS, y.year, args.basis, ctx),
    movements: (y: { year: number }, _: unknown, ctx: Ctx) => movementSummary(y.year, CITY_AGS, null, ctx),
    residents: (y: { year: number }, _: unknown, ctx: Ctx) => totalOf({ year: y.year, basis: 'REGISTER_MAIN', ags: CITY_AGS, code: null }, ctx),
  },
  Municipality: {
    officialPopulation: (m: { ags: string }, args: { year: number; basis: Basis }, ctx: Ctx) =>
      municipalityCount(m.ags, assertYear(args.year), args.basis, ctx),
  },
  PopulationStock: {
    total: (s: Stock) => statCount(s.summary.total, s.flags),
    bySex: (s: Stock) => ['M', 'W', 'D', 'X'].map(sex => ({ sex, count: statCount(s.summary.bySex[sex] ?? 0, s.flags) })),
    byAgeGroup: async (s: Stock, args: { scheme: PopulationAgeScheme }, ctx: Ctx) => {
      const counts = await ctx.loaders.stockByAgeGroup.load(`${stockKey(s)}|${args.scheme}`)
      const byFrom = new Map(counts.map(c => [c.from, c.n]))
      return AGE_GROUPS[args.scheme].map(group => ({ group, count: statCount(byFrom.get(group.from) ?? 0, s.flags) }))
    },
    foreigners: (s: Stock) => statCount(s.summary.foreigners, s.flags),
    foreignerShare: (s: Stock) => ({ ...ratio(s.summary.foreigners, s.summary.total), flags: s.flags }),
    byNationality: async (s: Stock, args: { top: number }, ctx: Ctx) => {
      const top = assertPositiveInt(args.top, 'top', 100)
      const groups = await ctx.loaders.stockByNationality.load(`${stockKey(s)}|${top}`)
      return groups.map(g => ({ group: g.group, country: g.group === 'OTHER' ? null : { code: g.group }, count: statCount(g.n, s.flags) }))
    },
    meanAge: (s: Stock) => statValue(s.summary.total ? round(s.summary.ageSum / s.summary.total, 1) : null, 'years', s.flags),
    provenance: async (s: Stock, _: unknown, ctx: Ctx) => {
      const p = await ctx.loaders.provenance.load('pop.stock')
      return p && { ...p, stichtag: s.stichtag }
    },
  },
  PopulationMovementSummary: {
    provenance: async (m: { stichtag: string }, _: unknown, ctx: Ctx) => {
      const p = await ctx.loaders.provenance.load('pop.movement')
      return p && { ...p, stichtag: m.stichtag }
    },
  },
}
