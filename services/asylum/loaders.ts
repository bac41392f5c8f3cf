import DataLoader from 'dataloader'
import { sql, type Kysely } from 'kysely'
import { createProvenanceLoader } from '../../lib/service/provenance.js'
import { NO_CACHE, type LoaderCache } from '../../lib/cache/create-service-cache.js'
import { keySum } from '../../platform/db/record-keys.js'
import type { KeyedCount } from '../../lib/service/disclosure-cells.js'
import type { AccommodationTable, AllocationRoute, AsyDatabase, OccupancyTable } from './db.js'

export type AsylumGrain = 'MONTH' | 'QUARTER' | 'YEAR'

/** Closed map from the GraphQL enum to SQL fragments; no client string ever reaches the SQL text. */
const GRAIN_SQL: Record<AsylumGrain, { unit: string; format: string; step: string }> = {
  MONTH: { unit: 'month', format: 'YYYY-MM', step: '1 month' },
  QUARTER: { unit: 'quarter', format: 'YYYY-"Q"Q', step: '3 months' },
  YEAR: { unit: 'year', format: 'YYYY', step: '1 year' },
}

/** The scope of a capacity status: the whole city or one district of it. */
export const CITY_SCOPE = '*'

export interface CapacityKey {
  scope: string
  day: string
  /** Year summaries: a day after the data's Stichtag in the Stichtag's year moves back to the Stichtag. */
  clampToData: boolean
}

const capacityKey = (k: CapacityKey) => `${k.scope}|${k.day}|${k.clampToData}`

export interface CapacityStatus {
  day: string
  capacity: number
  occupied: number
  /** Free beds summed per accommodation (never negative: one facility's overflow frees none elsewhere). */
  free: number
  /** Persons housed above capacity, summed per accommodation (acknowledged over-occupancy). */
  aboveCapacity: number
  /** Exact allocations in the 3 calendar months before the day's month. */
  arrivals: number
  /**
   * The same arrivals per month with allocations (oldest first; a month without any adds nothing) with
   * their key sums: for the city the very month cells of Year.allocations(grain: MONTH), so aggregate-only
   * roles get a mean of the published (perturbed) months.
   */
  arrivalMonths: KeyedCount[]
}

/** A period's allocations: exact count `n` and the key sum of its records (Cell Key Method). */
export interface AllocationBucket extends KeyedCount {
  year: number
  grain: AsylumGrain
  routes: AllocationRoute[] | null
  period: string
}
/** A country's allocations in a period: exact count and key sum of its records. */
export interface OriginCount extends KeyedCount {
  country: string
}

export const routesKey = (routes: readonly AllocationRoute[] | null) => (routes ? [...new Set(routes)].sort().join(',') : '*')
const parseRoutes = (key: string) => (key === '*' ? null : (key.split(',') as AllocationRoute[]))

/** Runs `batch` once per group of keys that share `groupOf(key)` (grain, routes, top) and answers in key order. */
async function grouped<K, V>(
  keys: readonly K[],
  groupOf: (k: K) => string,
  batch: (group: string, keys: K[]) => Promise<Map<K, V>>,
  missing: V,
): Promise<V[]> {
  const groups = new Map<string, K[]>()
  for (const k of keys) {
    const list = groups.get(groupOf(k))
    if (list) list.push(k)
    else groups.set(groupOf(k), [k])
  }
  const results = new Map<K, V>()
  for (const [g, ks] of groups) for (const [k, v] of await batch(g, ks)) results.set(k, v)
  return keys.map(k => results.get(k) ?? missing)
}

/** Per-request loaders: one SQL statement per entity type / field family per plan step. */
export function createLoaders(db: Kysely<AsyDatabase>, cache: LoaderCache = NO_CACHE) {
  return {
    accommodation: new DataLoader<string, AccommodationTable | null>(
      cache.loader(
        'accommodation',
        async ids => {
          const rows = await db
            .selectFrom('asy.accommodation')
            .selectAll()
            .where('id', 'in', [...ids])
            .execute()
          const byId = new Map(rows.map(r => [r.id, r]))
          return ids.map(id => byId.get(id) ?? null)
        },
        { datasets: ['asy.accommodation'] },
      ),
    ),

    /** Key `code|activeOn` (activeOn may be empty): accommodations of a district of the city. */
    accommodationsByDistrict: new DataLoader<string, AccommodationTable[]>(
      cache.loader(
        'accommodationsByDistrict',
        async keys => {
          const pairs = keys.map(k => k.split('|'))
          const { rows } = await sql<AccommodationTable & { i: number }>`
        select k.i, a.* from unnest(${pairs.map(p => p[0])}::text[], ${pairs.map(p => p[1] || null)}::date[]) with ordinality as k(code, day, i)
        join asy.accommodation a on a.district_code = k.code
          and (k.day is null or (a.opened <= k.day and (a.closed is null or a.closed > k.day)))
        order by k.i, a.id`.execute(db)
          return keys.map((_, i) => rows.filter(r => r.i === i + 1).map(({ i: _i, ...a }) => a))
        },
        { datasets: ['asy.accommodation'] },
      ),
    ),

    /** Key `id|day`: the latest month-end figure ≤ day while the accommodation is open on day. */
    occupancyOn: new DataLoader<string, OccupancyTable | null>(
      cache.loader(
        'occupancyOn',
        async keys => {
          const pairs = keys.map(k => k.split('|'))
          const { rows } = await sql<OccupancyTable & { i: number }>`
        select distinct on (k.i) k.i, o.* from unnest(${pairs.map(p => p[0])}::text[], ${pairs.map(p => p[1])}::date[]) with ordinality as k(id, day, i)
        join asy.accommodation a on a.id = k.id and a.opened <= k.day and (a.closed is null or a.closed > k.day)
        join asy.occupancy o on o.accommodation_id = a.id and o.day <= k.day
        order by k.i, o.day desc`.execute(db)
          const byIndex = new Map(rows.map(({ i, ...o }) => [i, o]))
          return keys.map((_, i) => byIndex.get(i + 1) ?? null)
        },
        { datasets: ['asy.accommodation', 'asy.occupancy'] },
      ),
    ),

    /** Key `id|from|to`: month-end figures in [from, to]. */
    occupancySeries: new DataLoader<string, OccupancyTable[]>(
      cache.loader(
        'occupancySeries',
        async keys => {
          const parts = keys.map(k => k.split('|'))
          const { rows } = await sql<OccupancyTable & { i: number }>`
        select k.i, o.* from unnest(${parts.map(p => p[0])}::text[], ${parts.map(p => p[1])}::date[], ${parts.map(p => p[2])}::date[]) with ordinality as k(id, f, t, i)
        join asy.occupancy o on o.accommodation_id = k.id and o.day between k.f and k.t
        order by k.i, o.day`.execute(db)
          return keys.map((_, i) => rows.filter(r => r.i === i + 1).map(({ i: _i, ...o }) => o))
        },
        { datasets: ['asy.accommodation', 'asy.occupancy'] },
      ),
    ),

    /**
     * Capacity and occupancy summed over the accommodations open on the day (each with its latest
     * month-end figure ≤ day) plus allocations in the 3 calendar months before the day's month. A
     * district's arrivals are the persons first housed there. Null when no figure exists, or when
     * the arrival window reaches past the data's Stichtag.
     */
    capacityStatus: new DataLoader<CapacityKey, CapacityStatus | null, string>(
      cache.loader(
        'capacityStatus',
        async keys => {
          const { rows } = await sql<{
            i: number
            day: string
            capacity: number
            occupied: number
            free: number
            above: number
            arrivals: number
            ns: number[]
            keys: string[]
          }>`
        with k as (
          select * from unnest(${keys.map(k => k.day)}::date[], ${keys.map(k => k.scope)}::text[], ${keys.map(k => k.clampToData)}::boolean[])
            with ordinality as k(req_day, scope, clamp, i)),
        h as (select stichtag from asy.dataset where id = 'asy.occupancy'),
        d as (
          select k.i, k.scope,
            case when k.clamp and k.req_day > h.stichtag and extract(year from k.req_day) = extract(year from h.stichtag)
              then h.stichtag else k.req_day end as day
          from k cross join h),
        latest as (
          select distinct on (d.i, a.id) d.i, o.occupied, o.capacity
          from d
          join asy.accommodation a on a.opened <= d.day and (a.closed is null or a.closed > d.day)
            and (d.scope = ${CITY_SCOPE} or a.district_code = d.scope)
          join asy.occupancy o on o.accommodation_id = a.id and o.day <= d.day
          order by d.i, a.id, o.day desc),
        beds as (
          select i, sum(capacity)::int as capacity, sum(occupied)::int as occupied,
            sum(greatest(capacity - occupied, 0))::int as free, sum(greatest(occupied - capacity, 0))::int as above
          from latest group by i),
        arrivals_m as (
          select d.i, date_trunc('month', al.allocation_date)::date as month, count(*)::int as n, ${keySum('al.rkey')} as key
          from d join asy.allocation al
            on al.allocation_date >= (date_trunc('month', d.day) - interval '3 months')::date
            and al.allocation_date < date_trunc('month', d.day)::date
            and (d.scope = ${CITY_SCOPE} or exists (
              select 1 from asy.accommodation fa where fa.id = al.first_accommodation_id and fa.district_code = d.scope))
          group by 1, 2),
        arrivals as (
          select d.i, coalesce(sum(m.n), 0)::int as arrivals,
            coalesce(array_agg(m.n order by m.month) filter (where m.n is not null), '{}') as ns,
            coalesce(array_agg(m.key order by m.month) filter (where m.n is not null), '{}') as keys
          from d left join arrivals_m m using (i) group by d.i)
        select d.i, d.day, b.capacity, b.occupied, b.free, b.above, ar.arrivals, ar.ns, ar.keys
        from d join beds b using (i) join arrivals ar using (i) cross join h
        where date_trunc('month', d.day)::date <= h.stichtag + 1`.execute(db)
          const byIndex = new Map(rows.map(r => [r.i, r]))
          return keys.map((_, i) => {
            const r = byIndex.get(i + 1)
            return r
              ? {
                  day: r.day,
                  capacity: r.capacity,
                  occupied: r.occupied,
                  free: r.free,
                  aboveCapacity: r.above,
                  arrivals: r.arrivals,
                  arrivalMonths: r.ns.map((n, m) => ({ n, key: r.keys[m] })),
                }
              : null
          })
        },
        { datasets: ['asy.accommodation', 'asy.occupancy', 'asy.allocation'], key: capacityKey },
      ),
      { cacheKeyFn: capacityKey },
    ),

    /**
     * Key `year|grain|routes`: allocation counts per period of the year, zero periods up to the Stichtag,
     * each with the key sum of its records (perturbed per request for aggregate-only roles).
     */
    allocationBuckets: new DataLoader<string, AllocationBucket[]>(
      cache.loader(
        'allocationBuckets',
        keys =>
          grouped(
            keys,
            k => k.slice(k.indexOf('|') + 1),
            async (group, ks) => {
              const [grain, rk] = group.split('|') as [AsylumGrain, string]
              const g = GRAIN_SQL[grain]
              const routes = parseRoutes(rk)
              const { rows } = await sql<{ year: number; period: string; n: number; key: string }>`
        with y as (select unnest(${ks.map(k => Number(k.split('|')[0]))}::int[]) as year),
        h as (select stichtag from asy.dataset where id = 'asy.allocation'),
        periods as (
          select y.year, to_char(s, ${sql.lit(g.format)}) as period, s as start
          from y cross join h
          cross join lateral generate_series(make_date(y.year, 1, 1)::timestamp, least(make_date(y.year, 12, 31), h.stichtag)::timestamp, interval ${sql.lit(g.step)}) as s),
        counts as (
          select y.year, to_char(date_trunc(${sql.lit(g.unit)}, a.allocation_date::timestamp), ${sql.lit(g.format)}) as period, count(*)::int as n,
            ${keySum('a.rkey')} as key
          from y join asy.allocation a on a.allocation_date >= make_date(y.year, 1, 1) and a.allocation_date < make_date(y.year + 1, 1, 1)
          where ${routes}::text[] is null or a.route = any(${routes}::text[])
          group by 1, 2)
        select p.year, p.period, coalesce(c.n, 0)::int as n, coalesce(c.key, 0)::int8 as key from periods p left join counts c using (year, period)
        order by p.year, p.start`.execute(db)
              return new Map(
                ks.map(k => {
                  const year = Number(k.split('|')[0])
                  return [k, rows.filter(r => r.year === year).map(r => ({ year, grain, routes, period: r.period, n: r.n, key: r.key }))]
                }),
              )
            },
            [],
          ),
        { datasets: ['asy.allocation'] },
      ),
    ),

    /**
     * Key `year|grain|routes`: every country of origin with allocations per period of the year, with the
     * key sums of its records. The resolver ranks and cuts to `top` per request: aggregate-only roles rank
     * by the perturbed counts, so the order reveals no exact count.
     */
    allocationOrigins: new DataLoader<string, Map<string, OriginCount[]>>(
      cache.loader(
        'allocationOrigins',
        keys =>
          grouped(
            keys,
            k => k.slice(k.indexOf('|') + 1),
            async (group, ks) => {
              const [grain, rk] = group.split('|') as [AsylumGrain, string]
              const g = GRAIN_SQL[grain]
              const routes = parseRoutes(rk)
              const { rows } = await sql<{ year: number; period: string; country: string; n: number; key: string }>`
        with y as (select unnest(${ks.map(k => Number(k.split('|')[0]))}::int[]) as year)
        select y.year, to_char(date_trunc(${sql.lit(g.unit)}, a.allocation_date::timestamp), ${sql.lit(g.format)}) as period,
          a.country_of_origin as country, count(*)::int as n, ${keySum('a.rkey')} as key
        from y join asy.allocation a on a.allocation_date >= make_date(y.year, 1, 1) and a.allocation_date < make_date(y.year + 1, 1, 1)
        where ${routes}::text[] is null or a.route = any(${routes}::text[])
        group by 1, 2, 3 order by 1, 2, 3`.execute(db)
              return new Map(
                ks.map(k => {
                  const year = Number(k.split('|')[0])
                  const byPeriod = new Map<string, OriginCount[]>()
                  for (const r of rows)
                    if (r.year === year)
                      byPeriod.set(r.period, [...(byPeriod.get(r.period) ?? []), { country: r.country, n: r.n, key: r.key }])
                  return [k, byPeriod]
                }),
              )
            },
            new Map(),
          ),
        { datasets: ['asy.allocation'] },
      ),
    ),

    /** Allocations per calendar year (asylum cases booked on product 313), with the key sum of the records. */
    allocationsPerYear: new DataLoader<number, KeyedCount>(
      cache.loader(
        'allocationsPerYear',
        async years => {
          const { rows } = await sql<{ year: number; n: number; key: string }>`
        select y.year, count(a.id)::int as n, ${keySum('a.rkey')} as key from unnest(${[...years]}::int[]) as y(year)
        left join asy.allocation a on a.allocation_date >= make_date(y.year, 1, 1) and a.allocation_date < make_date(y.year + 1, 1, 1)
        group by y.year`.execute(db)
          const byYear = new Map(rows.map(r => [r.year, { n: r.n, key: r.key }]))
          return years.map(y => byYear.get(y) ?? { n: 0, key: 0 })
        },
        { datasets: ['asy.allocation'] },
      ),
    ),

    provenance: createProvenanceLoader(db, cache, 'asy'),
  }
}

export type AsylumLoaders = ReturnType<typeof createLoaders>
