import { assertAgs, assertDistrictCode, assertYear, badUserInput } from '../../platform/errors.js'
import { CITY_AGS, FIRST_DATA_YEAR } from '../../platform/city.js'
import { money, round, type Money } from '../../platform/stat.js'
import { addKeys } from '../../lib/disclosure/cell-key.js'
import {
  isAggregateOnly,
  keyedCell,
  keyedMoney,
  visibleAmount,
  visibleCount,
  type KeyedAmount,
  type KeyedCount,
} from '../../lib/service/disclosure-cells.js'
import { withRowFilter } from '../../lib/service/row-filter.js'
import { OWNER_DEPARTMENT, rowRules } from './row-rules.js'
import { enterRows } from '../../lib/data-entry/enter-rows.js'
import { datasets } from './datasets.js'
import { BENEFIT_GROUP_ORDER } from './egh-cases.js'
import { CITY_SCOPE, type HealthDayRow } from './loaders.js'
import { provenanceOf } from '../../lib/service/provenance.js'
import type { Resolvers } from './generated/resolvers.js'
import type { Context, DistrictMapper, EghBenefitStatMapper } from './mappers.js'

type Ctx = Context
type DistrictRef = DistrictMapper
type BenefitStat = EghBenefitStatMapper

/** Ten years of daily figures per request at most. */
const MAX_SERIES_DAYS = 3660

const isIsoDate = (v: unknown): v is string =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v

function assertDateRange(from: string, to: string, maxDays?: number): void {
  if (from > to) throw badUserInput(`Argument "from" (${from}) must not be after "to" (${to})`, { argumentName: 'from' })
  if (maxDays && (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1 > maxDays) {
    throw badUserInput(`The range from ${from} to ${to} is longer than ${maxDays} days`, { argumentName: 'to' })
  }
}

const NO_CASES: KeyedCount = Object.freeze({ n: 0, key: 0 })
const NO_COST: KeyedAmount = Object.freeze({ amount: 0, largest: 0, key: 0 })

/** One row per benefit group (zero groups included) in a fixed order: a published table. */
async function benefitStats(ctx: Ctx, year: number, district: DistrictRef | null): Promise<BenefitStat[]> {
  assertYear(year)
  if (year < FIRST_DATA_YEAR) return []
  const totals = await ctx.loaders.eghTotals.load(`${district?.code ?? CITY_SCOPE}|${year}`)
  if (!totals) return []
  return BENEFIT_GROUP_ORDER.map(benefitGroup => {
    const t = totals.find(x => x.benefitGroup === benefitGroup)
    return { year, benefitGroup, district, count: t?.recipients ?? NO_CASES, sum: t?.cost ?? NO_COST }
  })
}

/**
 * Recipients of all benefit groups: every case is in exactly one group, so the cases of the district
 * are the union of the groups' cases and its key sum is the sum of theirs — the same set of cases gets
 * the same noise as in a group cell that holds them all (a district with one group only).
 */
const allGroups = (stats: readonly BenefitStat[]): KeyedCount => ({
  n: stats.reduce((s, x) => s + x.count.n, 0),
  key: addKeys(stats.map(x => Number(x.count.key))),
})

export const resolvers = {
  Query: {
    eghCases: async (_, args, ctx) => {
      assertDateRange(args.from, args.to)
      if (!Number.isInteger(args.first) || args.first < 1 || args.first > 1000) {
        throw badUserInput(`Argument "first" must be between 1 and 1000, got ${args.first}`, { argumentName: 'first' })
      }
      // Row rule, enforced here as well as by the gateway's projection: case rows only for the social
      // department's own staff. Anyone else gets no rows — exactly as if there were none.
      if (ctx.principal.department !== OWNER_DEPARTMENT) return []
      // Never the record key: it is as secret as the noise it makes.
      let query = ctx.db
        .selectFrom('soc.egh_case')
        .select(['id', 'benefit_group', 'district_code', 'age_group', 'sex', 'start_date', 'end_date', 'yearly_cost'])
        .where('start_date', '<=', args.to)
        .where(eb => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', args.from)]))
      if (args.benefitGroup != null) query = query.where('benefit_group', '=', args.benefitGroup)
      if (args.districtCode != null) query = query.where('district_code', '=', assertDistrictCode(args.districtCode, 'districtCode'))
      // Row rules an administrator set for the caller's roles, on the fields a rule may name.
      return withRowFilter(query, ctx, 'EghCase', rowRules.EghCase.columns).orderBy('start_date').orderBy('id').limit(args.first).execute()
    },
  },

  Mutation: {
    recordDailyHealthFigures: (_, { input }, ctx) => enterRows(ctx, datasets.dailyMetrics, input),
  },

  EghCase: {
    benefitGroup: c => c.benefit_group,
    district: (c): DistrictRef => ({ ags: CITY_AGS, code: c.district_code }),
    ageGroup: c => c.age_group,
    start: c => c.start_date,
    end: c => c.end_date,
    yearlyCost: c => money(Number(c.yearly_cost)),
  },

  EghBenefitStat: {
    recipients: (s, _, ctx) => keyedCell(ctx, s.count),
    cost: (s, _, ctx) => keyedMoney(ctx, s.sum),
    // Internal (the scopes keep it from aggregate-only roles). Should such a role ever be granted it, it
    // gets the ratio of the two figures it sees anyway, never one derived from the exact ones.
    costPerRecipient: (s, _, ctx): Money | null => {
      if (!s.count.n) return null
      if (!isAggregateOnly(ctx)) return money(s.sum.amount / s.count.n)
      return { amount: round(visibleAmount(ctx, s.sum) / visibleCount(ctx, s.count), 2), status: 'PERTURBED', currency: 'EUR' }
    },
    provenance: (_: BenefitStat, __, ctx) => provenanceOf(ctx.loaders.provenance, 'soc.egh_statistics'),
  },

  HealthDay: {
    // A representation is not parsed by the Date scalar: a key that is no calendar date names no HealthDay.
    __resolveReference: (ref, ctx) => (isIsoDate(ref.day) ? ctx.loaders.healthDay.load(`${assertAgs(String(ref.ags))}|${ref.day}`) : null),
    provenance: (_: HealthDayRow, __, ctx) => provenanceOf(ctx.loaders.provenance, 'soc.daily_metric'),
  },

  Municipality: {
    healthDay: (m, { day }, ctx) => ctx.loaders.healthDay.load(`${assertAgs(String(m.ags))}|${day}`),
    dailySeries: (m, { metric, from, to }, ctx) => {
      assertDateRange(from, to, MAX_SERIES_DAYS)
      return ctx.loaders.dailySeries.load(`${assertAgs(String(m.ags))}|${metric}|${from}|${to}`)
    },
  },

  District: {
    eingliederungshilfe: (d, { year }, ctx) => (d.ags === CITY_AGS ? benefitStats(ctx, year, { ags: d.ags, code: String(d.code) }) : []),
    eingliederungshilfeRecipients: async (d, { year }, ctx) => {
      const stats = d.ags === CITY_AGS ? await benefitStats(ctx, year, { ags: d.ags, code: String(d.code) }) : []
      return keyedCell(ctx, stats.length ? allGroups(stats) : null)
    },
  },

  Year: {
    eingliederungshilfe: (y, _, ctx) => benefitStats(ctx, y.year, null),
  },
} satisfies Resolvers
