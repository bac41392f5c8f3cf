import { addKeys } from '../../lib/disclosure/cell-key.js'
import { CITY_AGS, REFERENCE_DATE } from '../../platform/city.js'
import { aggregateNotPublished, assertPositiveInt, assertYear, assertYearRange, badUserInput } from '../../platform/errors.js'
import { exactCell, isAggregateOnly, keyedBalance, keyedCell, visibleCount } from '../../lib/service/disclosure-cells.js'
import { ratio, round, statValue, type CellFlag } from '../../platform/stat.js'
import { AGE_GROUPS, MAX_AGE, type PopulationAgeScheme } from './age-groups.js'
import { stockKey, type KeyedN, type RegisterBasis, type StockScope } from './loaders.js'
import { provenanceOf } from '../../lib/service/provenance.js'
import { derivedOf } from '../../lib/cache/derived.js'
import type { Resolvers } from './generated/resolvers.js'
import type { Context, Stock } from './mappers.js'

type Ctx = Context
type Basis = RegisterBasis | 'OFFICIAL_UPDATE' | 'CENSUS'

/** A Stichtag after the reference date cannot be observed yet: its stock is an estimate. */
const flagsFor = (date: string): CellFlag[] => (date > REFERENCE_DATE ? ['ESTIMATED'] : [])
const isRegister = (basis: Basis): basis is RegisterBasis => basis === 'REGISTER_MAIN' || basis === 'REGISTER_ALL'

function assertDistrictBasis(basis: Basis): RegisterBasis {
  if (!isRegister(basis)) {
    throw badUserInput(
      `Argument "basis" ${basis} is only for the whole municipality; districts exist only in the register (REGISTER_MAIN, REGISTER_ALL)`,
      { argumentName: 'basis' },
    )
  }
  return basis
}

function assertAge(value: number, arg: string): number {
  if (!Number.isInteger(value) || value < 0 || value > MAX_AGE) {
    throw badUserInput(`Argument "${arg}" must be an age between 0 and ${MAX_AGE} (100 = 100 and older), got ${value}`, {
      argumentName: arg,
    })
  }
  return value
}

async function loadStock(scope: StockScope, ctx: Ctx): Promise<Stock | null> {
  const summary = await ctx.loaders.stockSummary.load(stockKey(scope))
  if (!summary) return null
  const stichtag = `${scope.year}-12-31`
  return { ...scope, stichtag, summary, flags: flagsFor(stichtag) }
}

async function totalOf(scope: StockScope, ctx: Ctx): Promise<KeyedN | null> {
  return (await ctx.loaders.stockSummary.load(stockKey(scope)))?.total ?? null
}

/**
 * A register total. REGISTER_MAIN totals of the districts and the city are the population of an
 * administrative area: exact for every role by policy. REGISTER_ALL totals are perturbed for
 * aggregate-only roles, otherwise REGISTER_ALL − REGISTER_MAIN would give the exact number of
 * secondary residents of a district.
 */
function registerTotal(ctx: Ctx, basis: RegisterBasis, total: KeyedN, flags: CellFlag[]) {
  return basis === 'REGISTER_MAIN' ? exactCell(total.n, flags) : keyedCell(ctx, total, flags)
}

/** The total the caller may see (the denominator of shares). */
const visibleTotal = (ctx: Ctx, basis: RegisterBasis, total: KeyedN) => (basis === 'REGISTER_MAIN' ? total.n : visibleCount(ctx, total))

/** City or municipality figure for any basis: register bases from the stock, official ones from the Landesamt (exact by policy). */
async function municipalityCount(ags: string, year: number, basis: Basis, ctx: Ctx) {
  if (isRegister(basis)) {
    const total = await totalOf({ year, basis, ags, code: null }, ctx)
    return total && registerTotal(ctx, basis, total, flagsFor(`${year}-12-31`))
  }
  const official = await ctx.loaders.officialTotal.load(`${year}|${ags}|${basis}`)
  return official ? exactCell(official.total) : null
}

const NO_RECORDS: KeyedN = { n: 0, key: 0 }

/** The union of disjoint keyed counts: counts add up, key sums add up modulo 2³². */
const union = (...counts: KeyedN[]): KeyedN => ({ n: counts.reduce((a, c) => a + c.n, 0), key: addKeys(counts.map(c => c.key)) })

async function movementSummary(year: number, ags: string, code: string | null, ctx: Ctx) {
  const totals = await ctx.loaders.movements.load(`${year}|${ags}|${code ?? ''}`)
  if (!totals) return null
  const k = (kind: string) => totals.byKind[kind] ?? NO_RECORDS
  // Moves between districts are migration for a district but not for the city; a cell's key covers exactly the moves it counts.
  const inMoves = code ? union(k('IN_EXTERNAL'), k('IN_INTERNAL')) : k('IN_EXTERNAL')
  const outMoves = code ? union(k('OUT_EXTERNAL'), k('OUT_INTERNAL')) : k('OUT_EXTERNAL')
  const flags: CellFlag[] = totals.lastMonthEnd < `${year}-12-31` ? ['PROVISIONAL'] : []
  return {
    births: keyedCell(ctx, k('BIRTH'), flags),
    deaths: keyedCell(ctx, k('DEATH'), flags),
    inMoves: keyedCell(ctx, inMoves, flags),
    outMoves: keyedCell(ctx, outMoves, flags),
    // Balances of the published (for aggregate-only roles: perturbed) parts, so they reveal nothing more.
    netMigration: keyedBalance(ctx, inMoves, outMoves, flags),
    naturalBalance: keyedBalance(ctx, k('BIRTH'), k('DEATH'), flags),
    stichtag: totals.lastMonthEnd,
  }
}

/**
 * Persons aged from..to out of the single ages of a stock: counts add up, key sums add up modulo 2³², so a
 * band has the key of exactly its records, the same key the cohort of that range gets from SQL.
 */
function ageBand(byAge: readonly KeyedN[], from: number, to: number): KeyedN {
  return union(...byAge.slice(from, to + 1))
}

/** The keyed counts of a scheme's age groups, folded once per cached stock summary (derivedOf: shared by every caller). */
const ageBandsOf = (byAge: readonly KeyedN[], scheme: PopulationAgeScheme): readonly KeyedN[] =>
  derivedOf(byAge, `ageBands:${scheme}`, ages => AGE_GROUPS[scheme].map(group => ageBand(ages, group.from, group.to ?? MAX_AGE)))

/** The published age bands: for aggregate-only roles a cohort must be one of them. */
function publishedBand(from: number, to: number) {
  for (const groups of Object.values(AGE_GROUPS)) {
    const band = groups.find(g => g.from === from && (g.to ?? MAX_AGE) === to)
    if (band) return band
  }
  return null
}

/**
 * The `top` nationality groups by the counts the caller may see (perturbed for aggregate-only roles, so the
 * order reveals no exact count), then OTHER: the keyed cell of all persons outside the top. A group's cell
 * is the same whatever `top` is; OTHER is the cell of exactly the records it counts.
 */
function nationalityTable(ctx: Ctx, groups: ReadonlyArray<KeyedN & { group: string }>, top: number, flags: CellFlag[]) {
  // The ranking and the records outside the top depend on the groups, `top` and whether the caller sees perturbed
  // values, nothing else: derived once per cached value (derivedOf), the cells still per caller.
  const { head, other } = derivedOf(groups, `nationalities:${top}:${isAggregateOnly(ctx) ? 'perturbed' : 'exact'}`, all => {
    const ranked = all
      .filter(g => g.group !== 'OTHER')
      .map(g => ({ g, visible: visibleCount(ctx, g) }))
      .sort((a, b) => b.visible - a.visible || (a.g.group < b.g.group ? -1 : a.g.group > b.g.group ? 1 : 0))
      .map(r => r.g)
    const rest = [...ranked.slice(top), ...all.filter(g => g.group === 'OTHER')]
    return { head: ranked.slice(0, top), other: rest.length ? union(...rest) : null }
  })
  const rows: Array<{ group: string; country: { code: string } | null; count: ReturnType<typeof keyedCell> }> = head.map(g => ({
    group: g.group,
    country: { code: g.group },
    count: keyedCell(ctx, g, flags),
  }))
  if (other) rows.push({ group: 'OTHER', country: null, count: keyedCell(ctx, other, flags) })
  return rows
}

export const resolvers = {
  District: {
    population: (d, args, ctx) =>
      loadStock({ year: assertYear(args.year), basis: assertDistrictBasis(args.basis), ags: d.ags, code: d.code }, ctx),
    populationSeries: async (d, args, ctx) => {
      assertYearRange(args.from, args.to)
      const basis = assertDistrictBasis(args.basis)
      const years = Array.from({ length: args.to - args.from + 1 }, (_, i) => args.from + i)
      const stocks = await Promise.all(years.map(year => loadStock({ year, basis, ags: d.ags, code: d.code }, ctx)))
      return stocks.filter(s => s !== null)
    },
    movements: (d, args, ctx) => movementSummary(assertYear(args.year), d.ags, d.code, ctx),
    cohort: async (d, args, ctx) => {
      const year = assertYear(args.year)
      const from = assertAge(args.ageFrom, 'ageFrom')
      const to = assertAge(args.ageTo, 'ageTo')
      if (from > to)
        throw badUserInput(`Argument "ageFrom" (${from}) must not be greater than "ageTo" (${to})`, { argumentName: 'ageFrom' })
      // Free ranges would let overlapping cohorts average the noise away ([a..x] − [a..x−1] for every a).
      if (isAggregateOnly(ctx) && !publishedBand(from, to)) {
        throw aggregateNotPublished(
          `Cohort ${from}–${to} is not a published age band; without exact access ask for one band of byAgeGroup (FUNCTIONAL, FIVE_YEAR or TEN_YEAR)`,
          {
            argumentName: 'ageFrom',
            published:
              'ageFrom..ageTo = one band of byAgeGroup: FUNCTIONAL (0–2 … 80+), FIVE_YEAR (0–4 … 95+) or TEN_YEAR (0–9 … 90+); 100 = open end',
          },
        )
      }
      // A cohort that equals a band covers the same records as that band in byAgeGroup: the same key, the same value.
      return keyedCell(ctx, await ctx.loaders.cohort.load(`${year}|${d.ags}|${d.code}|${from}|${to}`), flagsFor(`${year}-12-31`))
    },
    residents: async (d, _, ctx) => {
      const year = await ctx.loaders.latestStockYear.load(`REGISTER_MAIN|${REFERENCE_DATE}`)
      return year === null ? null : ((await totalOf({ year, basis: 'REGISTER_MAIN', ags: d.ags, code: d.code }, ctx))?.n ?? null)
    },
  },
  Year: {
    population: (y, args, ctx) => municipalityCount(CITY_AGS, y.year, args.basis, ctx),
    movements: (y, _, ctx) => movementSummary(y.year, CITY_AGS, null, ctx),
    residents: async (y, _, ctx) => (await totalOf({ year: y.year, basis: 'REGISTER_MAIN', ags: CITY_AGS, code: null }, ctx))?.n ?? null,
  },
  Municipality: {
    officialPopulation: (m, args, ctx) => municipalityCount(m.ags, assertYear(args.year), args.basis, ctx),
  },
  PopulationStock: {
    total: (s, _, ctx) => registerTotal(ctx, s.basis, s.summary.total, s.flags),
    bySex: (s, _, ctx) => ['M', 'W', 'D', 'X'].map(sex => ({ sex, count: keyedCell(ctx, s.summary.bySex[sex] ?? NO_RECORDS, s.flags) })),
    byAgeGroup: (s, args, ctx) => {
      const bands = ageBandsOf(s.summary.byAge, args.scheme)
      return AGE_GROUPS[args.scheme].map((group, i) => ({ group, count: keyedCell(ctx, bands[i], s.flags) }))
    },
    foreigners: (s, _, ctx) => keyedCell(ctx, s.summary.foreigners, s.flags),
    // From the values the caller may see, so the share reveals no exact count that policy perturbs.
    foreignerShare: (s, _, ctx) => ({
      ...ratio(visibleCount(ctx, s.summary.foreigners), visibleTotal(ctx, s.basis, s.summary.total)),
      flags: s.flags,
    }),
    byNationality: async (s, args, ctx) => {
      const top = assertPositiveInt(args.top, 'top', 100)
      return nationalityTable(ctx, await ctx.loaders.stockByNationality.load(stockKey(s)), top, s.flags)
    },
    meanAge: s => statValue(s.summary.total.n ? round(s.summary.ageSum / s.summary.total.n, 1) : null, 'years', s.flags),
    provenance: async (s, _, ctx) => {
      return { ...(await provenanceOf(ctx.loaders.provenance, 'pop.stock')), stichtag: s.stichtag }
    },
  },
  PopulationMovementSummary: {
    provenance: async (m, _, ctx) => {
      return { ...(await provenanceOf(ctx.loaders.provenance, 'pop.movement')), stichtag: m.stichtag }
    },
  },
} satisfies Resolvers
