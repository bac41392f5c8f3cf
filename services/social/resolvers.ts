import { assertAgs, assertDistrictCode, assertYear, badUserInput } from '../../lib/errors.js'
import { CITY_AGS, FIRST_DATA_YEAR } from '../../lib/city.js'
import { money, statCount, type Money, type StatCount } from '../../lib/stat.js'
import type { ServiceContext } from '../../lib/service/define-service.js'
import { withRowFilter } from '../../lib/service/row-filter.js'
import { enterRows, type EntryInput } from '../../lib/data-entry/enter-rows.js'
import { datasets } from './datasets.js'
import { BENEFIT_GROUP_ORDER } from './egh-cases.js'
import type { DailyMetric, EghBenefitGroup, EghCaseTable, SocDatabase } from './db.js'
import { CITY_SCOPE, type HealthDayRow, type SocialLoaders } from './loaders.js'

type Ctx = ServiceContext<SocDatabase, SocialLoaders>
type DistrictRef = { ags: string; code: string }

/** The department whose staff may read case rows. */
const OWNER_DEPARTMENT = 'social'
/** Ten years of daily figures per request at most. */
const MAX_SERIES_DAYS = 3660

interface BenefitStat { year: number; benefitGroup: EghBenefitGroup; district: DistrictRef | null; recipients: StatCount; cost: number }

const isIsoDate = (v: unknown): v is string =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v

function assertDateRange(from: string, to: string, maxDays?: number): void {
  if (from > to) throw badUserInput(`Argument "from" (${from}) must not be after "to" (${to})`, { argumentName: 'from' })
  if (maxDays && (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1 > maxDays) {
    throw badUserInput(`The range from ${from} to ${to} is longer than ${maxDays} days`, { argumentName: 'to' })
  }
}

/** One row per benefit group (zero groups included) in a fixed order: a published table. */
async function benefitStats(ctx: Ctx, year: number, district: DistrictRef | null): Promise<BenefitStat[]> {
  assertYear(year)
  if (year < FIRST_DATA_YEAR) return []
  const totals = await ctx.loaders.eghTotals.load(`${district?.code ?? CITY_SCOPE}|${year}`)
  if (!totals) return []
  return BENEFIT_GROUP_ORDER.map(benefitGroup => {
    const t = totals.find(x => x.benefitGroup === benefitGroup)
    return { year, benefitGroup, district, recipients: statCount(t?.recipients ?? 0), cost: t?.cost ?? 0 }
  })
}

/** A cost cell is as secret as the count of persons it belongs to (primary and secondary suppression alike). */
function costCell(s: BenefitStat, amount: number | null): Money {
  if (s.recipients.status === 'SECRET') return { amount: null, status: 'SECRET', currency: 'EUR' }
  return money(amount)
}

export const resolvers = {
  Query: {
    eghCases: async (_: unknown, args: { from: string; to: string; benefitGroup?: EghBenefitGroup | null; districtCode?: string | null; first: number }, ctx: Ctx) => {
      assertDateRange(args.from, args.to)
      if (!Number.isInteger(args.first) || args.first < 1 || args.first > 1000) {
        throw badUserInput(`Argument "first" must be between 1 and 1000, got ${args.first}`, { argumentName: 'first' })
      }
      // Row rule, enforced here as well as by the gateway's projection: case rows only for the social
      // department's own staff. Anyone else gets no rows — exactly as if there were none.
      if (ctx.principal.department !== OWNER_DEPARTMENT) return []
      let query = ctx.db.selectFrom('soc.egh_case').selectAll()
        .where('start_date', '<=', args.to).where(eb => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', args.from)]))
      if (args.benefitGroup != null) query = query.where('benefit_group', '=', args.benefitGroup)
      if (args.districtCode != null) query = query.where('district_code', '=', assertDistrictCode(args.districtCode, 'districtCode'))
      // Row rules an administrator set for the caller's roles, on the fields a rule may name.
      return withRowFilter(query, ctx, 'EghCase', {
        benefitGroup: 'benefit_group', district: 'district_code', ageGroup: 'age_group', sex: 'sex',
      }).orderBy('start_date').orderBy('id').limit(args.first).execute()
    },
  },

  Mutation: {
    recordDailyHealthFigures: (_: unknown, { input }: { input: EntryInput }, ctx: Ctx) => enterRows(ctx, datasets.dailyMetrics, input),
  },

  EghCase: {
    benefitGroup: (c: EghCaseTable) => c.benefit_group,
    district: (c: EghCaseTable): DistrictRef => ({ ags: CITY_AGS, code: c.district_code }),
    ageGroup: (c: EghCaseTable) => c.age_group,
    start: (c: EghCaseTable) => c.start_date,
    end: (c: EghCaseTable) => c.end_date,
    yearlyCost: (c: EghCaseTable) => money(Number(c.yearly_cost)),
  },

  EghBenefitStat: {
    cost: (s: BenefitStat) => costCell(s, s.cost),
    costPerRecipient: (s: BenefitStat) => (s.recipients.value ? costCell(s, s.cost / s.recipients.value) : null),
    provenance: (_: BenefitStat, __: unknown, ctx: Ctx) => ctx.loaders.provenance.load('soc.egh_statistics'),
  },

  HealthDay: {
    // A representation is not parsed by the Date scalar: a key that is no calendar date names no HealthDay.
    __resolveReference: (ref: { ags: string; day: string }, ctx: Ctx) =>
      (isIsoDate(ref.day) ? ctx.loaders.healthDay.load(`${assertAgs(String(ref.ags))}|${ref.day}`) : null),
    provenance: (_: HealthDayRow, __: unknown, ctx: Ctx) => ctx.loaders.provenance.load('soc.daily_metric'),
  },

  Municipality: {
    healthDay: (m: { ags: string }, { day }: { day: string }, ctx: Ctx) => ctx.loaders.healthDay.load(`${assertAgs(String(m.ags))}|${day}`),
    dailySeries: (m: { ags: string }, { metric, from, to }: { metric: DailyMetric; from: string; to: string }, ctx: Ctx) => {
      assertDateRange(from, to, MAX_SERIES_DAYS)
      return ctx.loaders.dailySeries.load(`${assertAgs(String(m.ags))}|${metric}|${from}|${to}`)
    },
  },

  District: {
    eingliederungshilfe: (d: DistrictRef, { year }: { year: number }, ctx: Ctx) =>
      (d.ags === CITY_AGS ? benefitStats(ctx, year, { ags: d.ags, code: String(d.code) }) : []),
    eingliederungshilfeRecipients: async (d: DistrictRef, { year }: { year: number }, ctx: Ctx) => {
      const stats = d.ags === CITY_AGS ? await benefitStats(ctx, year, { ags: d.ags, code: String(d.code) }) : []
      return stats.length ? statCount(stats.reduce((s, x) => s + (x.recipients.value ?? 0), 0)) : statCount(null)
    },
  },

  Year: {
    eingliederungshilfe: (y: { year: number }, _: unknown, ctx: Ctx) => benefitStats(ctx, y.year, null),
  },
}
