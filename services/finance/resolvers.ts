import { graphqlError } from '../../platform/errors.js'
import { money } from '../../platform/stat.js'
import { provenanceOf } from '../../lib/service/provenance.js'
import { lineTotals } from './account-lines.js'
import {
  assertCategory,
  assertDistrictCode,
  assertLevel,
  assertMeasureId,
  assertProductCode,
  assertTeilhaushaltCode,
  assertYear,
  assertYearRange,
  yearWindow,
} from './arguments.js'
import { COMPARED_VERSIONS, budgetSummary, perCapita, planActual, productResult } from './budget-results.js'
import type { BudgetVersion, DebtTable } from './db.js'
import { key } from './loaders.js'
import { enterRows } from '../../lib/data-entry/enter-rows.js'
import { datasets } from './datasets.js'
import type { Resolvers } from './generated/resolvers.js'
import type { Context } from './mappers.js'

type Ctx = Context

const provenance = (parent: { datasetId: string }, _: unknown, ctx: Ctx) => provenanceOf(ctx.loaders.provenance, parent.datasetId)

/** Forecasts and the running plan are internal (PlanActual.prognose / .fortgeschrieben are classified so). */
const FORECAST_VERSIONS: ReadonlySet<BudgetVersion> = new Set(['PROGNOSE', 'FORTGESCHRIEBEN'])
const forecastsVisible = (ctx: Ctx) => ctx.principal.scopes.includes('internal') || ctx.principal.scopes.includes('finance:internal')

/**
 * A version argument is an instance-level decision the schema cannot make: asking for a forecast
 * without internal access gives `null` with FORBIDDEN_FIELD at the field, never the figures.
 */
function assertVersionAllowed(version: BudgetVersion, ctx: Ctx): BudgetVersion {
  if (FORECAST_VERSIONS.has(version) && !forecastsVisible(ctx)) {
    throw graphqlError('FORBIDDEN_FIELD', `Budget version ${version} is internal to the finance department`)
  }
  return version
}

async function wholeBudget(year: number, version: BudgetVersion, ctx: Ctx) {
  const [lines, payments] = await Promise.all([
    ctx.loaders.budgetLines.load(key(year, version)),
    // Investments carry only Ansatz and Ist: every plan version reports the Ansatz.
    ctx.loaders.investmentPayments.load(key(year, version === 'IST' ? 'IST' : 'ANSATZ')),
  ])
  return lines.length ? budgetSummary(year, version, lines, payments) : null
}

export const resolvers = {
  Mutation: {
    recordBudgetActuals: (_, { input }, ctx) => enterRows(ctx, datasets.actuals, input),
  },
  Query: {
    product: (_, { code }, ctx) => ctx.loaders.product.load(assertProductCode(code)),
    products: (_, args, ctx) => {
      let q = ctx.db.selectFrom('fin.product').selectAll().orderBy('code')
      if (args.level != null) q = q.where('level', '=', assertLevel(args.level))
      if (args.teilhaushalt != null) q = q.where('teilhaushalt_code', '=', assertTeilhaushaltCode(args.teilhaushalt))
      return q.execute()
    },
    teilhaushalte: (_, __, ctx) =>
      ctx.db
        .selectFrom('fin.teilhaushalt')
        .selectAll()
        .orderBy(eb => eb.cast('code', 'integer'))
        .execute(),
    investmentMeasures: (_, args, ctx) => {
      const [from, to] = yearWindow(args.from, args.to)
      let q = ctx.db
        .selectFrom('fin.investment_measure')
        .selectAll()
        .where(eb => eb.or([eb('start_year', 'is', null), eb('start_year', '<=', to)]))
        .where(eb => eb.or([eb('end_year', 'is', null), eb('end_year', '>=', from)]))
        .orderBy('start_year')
        .orderBy('id')
      if (args.category != null) q = q.where('category', '=', assertCategory(args.category))
      if (args.districtCode != null) q = q.where('district_code', '=', assertDistrictCode(args.districtCode, 'districtCode'))
      return q.execute()
    },
    investmentMeasure: (_, { id }, ctx) => ctx.loaders.measure.load(assertMeasureId(id)),
  },
  Product: {
    __resolveReference: (ref, ctx) => ctx.loaders.product.load(String(ref.code)),
    parent: (p, _, ctx) => (p.parent_code ? ctx.loaders.product.load(p.parent_code) : null),
    children: (p, _, ctx) => ctx.loaders.children.load(p.code),
    teilhaushalt: (p, _, ctx) => (p.teilhaushalt_code ? ctx.loaders.teilhaushalt.load(p.teilhaushalt_code) : null),
    result: async (p, { year, version }, ctx) => {
      const lines = await ctx.loaders.productLines.load(key(p.code, assertYear(year), assertVersionAllowed(version, ctx)))
      return lines.length ? productResult(year, version, lines) : null
    },
    comparison: async (p, { year }, ctx) => {
      assertYear(year)
      const lines = await ctx.loaders.productLines.loadMany(COMPARED_VERSIONS.map(v => key(p.code, year, v)))
      return planActual(
        year,
        lines.map(l => {
          if (l instanceof Error) throw l
          return l
        }),
        forecastsVisible(ctx),
      )
    },
    series: async (p, { from, to, version }, ctx) => {
      assertYearRange(from, to)
      assertVersionAllowed(version, ctx)
      const years = Array.from({ length: to - from + 1 }, (_, i) => from + i)
      const lines = await ctx.loaders.productLines.loadMany(years.map(y => key(p.code, y, version)))
      return years.flatMap((year, i) => {
        const l = lines[i]
        if (l instanceof Error) throw l
        return l.length ? [productResult(year, version, l)] : []
      })
    },
    investments: (p, { year }, ctx) => ctx.loaders.productMeasures.load(key(p.code, year == null ? null : assertYear(year))),
  },
  Teilhaushalt: {
    responsibleDepartment: t => t.responsible_department,
  },
  ProductResult: { provenance },
  PlanActual: { provenance },
  BudgetSummary: { provenance },
  InvestmentMeasure: {
    __resolveReference: (ref, ctx) => ctx.loaders.measure.load(String(ref.id)),
    product: (m, _, ctx) => (m.product_code ? ctx.loaders.product.load(m.product_code) : null),
    district: m => (m.district_code ? { ags: m.ags, code: m.district_code } : null),
    totalCost: m => money(m.total_cost),
    startYear: m => m.start_year,
    endYear: m => m.end_year,
    fundingShare: m => m.funding_share,
    fundingSource: m => m.funding_source,
    values: async (m, args, ctx) => {
      const [from, to] = yearWindow(args.from, args.to)
      const rows = await ctx.loaders.measureValues.load(key(m.id, from, to))
      return rows.map(v => ({
        year: v.year,
        ansatz: v.ansatz === null ? null : money(v.ansatz),
        ist: v.ist === null ? null : money(v.ist),
      }))
    },
  },
  District: {
    investments: (d, args, ctx) => {
      const [from, to] = yearWindow(args.from, args.to)
      return ctx.loaders.districtMeasures.load(key(d.ags, d.code, from, to))
    },
    investmentPerCapita: async (d, { from, to }, ctx) => {
      assertYearRange(from, to)
      return perCapita(await ctx.loaders.districtInvestmentAnsatz.load(key(d.ags, d.code, from, to)), d.residents)
    },
  },
  Year: {
    budget: (y, { version }, ctx) => wholeBudget(y.year, assertVersionAllowed(version, ctx), ctx),
    expensePerCapita: async (y, { version }, ctx) => {
      const lines = await ctx.loaders.budgetLines.load(key(y.year, assertVersionAllowed(version, ctx)))
      return lines.length ? perCapita(lineTotals(lines).expense, y.residents) : null
    },
    debt: async (y, _, ctx) => {
      const d: DebtTable | null = await ctx.loaders.debt.load(y.year)
      return (
        d && {
          stichtag: d.stichtag,
          liquidityCredits: money(d.liquidity_credits),
          investmentCredits: money(d.investment_credits),
          total: money(d.liquidity_credits + d.investment_credits),
          datasetId: 'fin.debt',
        }
      )
    },
  },
  FinanceDebt: { provenance },
} satisfies Resolvers
