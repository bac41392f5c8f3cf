import DataLoader from 'dataloader'
import { sql, type Kysely } from 'kysely'
import { createProvenanceLoader } from '../../lib/service/provenance.js'
import { NO_CACHE, type LoaderCache } from '../../lib/cache/create-service-cache.js'
import { keySum } from '../../platform/db/record-keys.js'
import type { KeyedAmount, KeyedCount } from '../../lib/service/disclosure-cells.js'
import type { DailyMetric, EghBenefitGroup, SocDatabase } from './db.js'

/** The scope of an EGH aggregate: the whole city or one district of it. */
export const CITY_SCOPE = '*'
/** Days a HealthDay looks back, the day itself included. */
export const RECENT_DAYS = 14

/** One benefit group's exact figures with their key sums; perturbed per request (lib/service/disclosure-cells.ts). */
export interface EghGroupTotal {
  benefitGroup: EghBenefitGroup
  recipients: KeyedCount
  cost: KeyedAmount
}
export interface HealthValues {
  day: string
  incidence7: number | null
  hospitalization7: number | null
  icuShare: number | null
}
export interface HealthDayRow extends HealthValues {
  ags: string
  recent: HealthValues[]
}

/** Cached loads name the datasets they read; a write invalidates them (the case register itself is never cached). */
const EGH = { datasets: ['soc.egh_case', 'soc.egh_statistics'] } as const
const HEALTH = { datasets: ['soc.daily_metric'] } as const

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v))

/** Per-request loaders: one SQL statement per field family per plan step. */
export function createLoaders(db: Kysely<SocDatabase>, cache: LoaderCache = NO_CACHE) {
  return {
    /**
     * Key `scope|year`: recipients (cases open at some time of the year) and gross cost (each case's
     * yearly cost for its days in the year) per benefit group; null for a year after the Stichtag.
     * Exact figures with what disclosure control needs, in the same statement (the result is cached
     * across callers; resolvers perturb per request): the key sum of the cases (Cell Key Method for the
     * count), the largest single case's cost and the magnitude key sum Σ rkey × (2 × cents + 1) of the
     * costs (lib/disclosure/perturb-magnitude.ts). Sums of int8 are numeric: no overflow.
     */
    eghTotals: new DataLoader<string, EghGroupTotal[] | null>(
      cache.loader(
        'eghTotals',
        async keys => {
          const parts = keys.map(k => k.split('|'))
          const { rows } = await sql<{
            i: number
            benefit_group: EghBenefitGroup | null
            n: number
            cost: number | null
            largest: number | null
            key: string
            mkey: string
          }>`
        with k as (
          select k.*, make_date(k.year, 1, 1) as y0, make_date(k.year, 12, 31) as y1
          from unnest(${parts.map(p => p[0])}::text[], ${parts.map(p => Number(p[1]))}::int[]) with ordinality as k(scope, year, i)),
        h as (select stichtag from soc.dataset where id = 'soc.egh_statistics'),
        x as (
          select k.i, c.id, c.benefit_group, c.rkey,
            c.yearly_cost * (least(coalesce(c.end_date, k.y1), k.y1) - greatest(c.start_date, k.y0) + 1) / (k.y1 - k.y0 + 1) as amount
          from k join h on k.y0 <= h.stichtag
          left join soc.egh_case c on c.start_date <= k.y1 and (c.end_date is null or c.end_date >= k.y0)
            and (k.scope = ${CITY_SCOPE} or c.district_code = k.scope))
        select x.i, x.benefit_group, count(x.id)::int as n, sum(x.amount)::float8 as cost, max(x.amount)::float8 as largest,
          ${keySum('x.rkey')} as key,
          (coalesce(sum((x.rkey::numeric * (2 * round(x.amount * 100) + 1)) % 4294967296), 0) % 4294967296)::int8 as mkey
        from x
        group by x.i, x.benefit_group`.execute(db)
          const byIndex = new Map<number, EghGroupTotal[]>()
          for (const r of rows) {
            const list = byIndex.get(Number(r.i)) ?? []
            if (r.benefit_group) {
              list.push({
                benefitGroup: r.benefit_group,
                recipients: { n: r.n, key: Number(r.key) },
                cost: { amount: r.cost ?? 0, largest: r.largest ?? 0, key: Number(r.mkey) },
              })
            }
            byIndex.set(Number(r.i), list)
          }
          return keys.map((_, i) => byIndex.get(i + 1) ?? null)
        },
        EGH,
      ),
    ),

    /** Key `ags|metric|from|to`: the reported values in [from, to], oldest first. */
    dailySeries: new DataLoader<string, Array<{ day: string; value: number }>>(
      cache.loader(
        'dailySeries',
        async keys => {
          const parts = keys.map(k => k.split('|'))
          // Each key reads its range from the primary key (ags, metric, day). As a lateral subquery (its
          // `order by` keeps it from being flattened into a join) this holds for the generic plan of the
          // prepared statement too, which cannot see how few keys a batch has and would otherwise hash
          // the whole table.
          const { rows } = await sql<{ i: number; day: string; value: number }>`
        select k.i, m.day::text as day, m.value::float8 as value
        from unnest(${parts.map(p => p[0])}::bpchar[], ${parts.map(p => p[1])}::text[], ${parts.map(p => p[2])}::date[], ${parts.map(p => p[3])}::date[])
          with ordinality as k(ags, metric, f, t, i)
        cross join lateral (
          select d.day, d.value from soc.daily_metric d
          where d.ags = k.ags and d.metric = k.metric and d.day between k.f and k.t
          order by d.day) m
        order by k.i, m.day`.execute(db)
          const byIndex = new Map<number, Array<{ day: string; value: number }>>()
          for (const r of rows) {
            const list = byIndex.get(Number(r.i)) ?? []
            list.push({ day: r.day, value: r.value })
            byIndex.set(Number(r.i), list)
          }
          return keys.map((_, i) => byIndex.get(i + 1) ?? [])
        },
        HEALTH,
      ),
    ),

    /**
     * Key `ags|day`: the three lead indicators of the day and of the 13 days before it (every calendar
     * day, null where nothing was reported); null when nothing at all was reported on the day itself.
     */
    healthDay: new DataLoader<string, HealthDayRow | null>(
      cache.loader(
        'healthDay',
        async keys => {
          const parts = keys.map(k => k.split('|'))
          const { rows } = await sql<{ i: number; day: string; reported: boolean; inc: unknown; hosp: unknown; icu: unknown }>`
        select k.i, d::date::text as day, count(m.metric) > 0 as reported,
          max(m.value) filter (where m.metric = 'COVID_INC7')::float8 as inc,
          max(m.value) filter (where m.metric = 'HOSP_INC7')::float8 as hosp,
          max(m.value) filter (where m.metric = 'ICU_SHARE')::float8 as icu
        from unnest(${parts.map(p => p[0])}::bpchar[], ${parts.map(p => p[1])}::date[]) with ordinality as k(ags, day, i)
        cross join lateral generate_series(k.day - ${RECENT_DAYS - 1}::int, k.day, interval '1 day') as d
        left join soc.daily_metric m on m.ags = k.ags and m.day = d::date
        group by k.i, d order by k.i, d`.execute(db)
          const byIndex = new Map<number, typeof rows>()
          for (const r of rows) byIndex.set(Number(r.i), [...(byIndex.get(Number(r.i)) ?? []), r])
          return keys.map((_, i) => {
            const window = byIndex.get(i + 1) ?? []
            const today = window[window.length - 1]
            if (!today?.reported) return null
            const recent = window.map(r => ({ day: r.day, incidence7: num(r.inc), hospitalization7: num(r.hosp), icuShare: num(r.icu) }))
            return { ags: parts[i][0], ...recent[recent.length - 1], recent }
          })
        },
        HEALTH,
      ),
    ),

    provenance: createProvenanceLoader(db, cache, 'soc'),
  }
}

export type SocialLoaders = ReturnType<typeof createLoaders>
export type { DailyMetric }
