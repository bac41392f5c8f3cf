import DataLoader from 'dataloader'
import { sql, type Kysely } from 'kysely'
import { DISTRICTS } from '../../platform/city.js'
import { createProvenanceLoader } from '../../lib/service/provenance.js'
import { NO_CACHE, type LoaderCache } from '../../lib/cache/create-service-cache.js'
import { keySum } from '../../platform/db/record-keys.js'
import { MAX_AGE } from './age-groups.js'
import type { PopDatabase } from './db.js'

export type RegisterBasis = 'REGISTER_MAIN' | 'REGISTER_ALL'

/**
 * A stock scope: one district, or the whole municipality when `code` is null. Keys are strings
 * so DataLoader dedupes them; every batch function answers all its keys with ONE statement.
 */
export interface StockScope {
  year: number
  basis: RegisterBasis
  ags: string
  code: string | null
}
export const stockKey = (s: StockScope) => `${s.year}|${s.basis}|${s.ags}|${s.code ?? ''}`

function parseStockKey(key: string) {
  const [year, basis, ags, code] = key.split('|')
  return { year: Number(year), basis, ags, code }
}

const DISTRICT_CODES = DISTRICTS.map(d => d.code)

/**
 * FROM clause joining stock scopes `k(year, basis, ags, code, idx)` to their stock rows `s`. A
 * whole-municipality scope (code '') expands to its districts so every lookup is an equality on the
 * primary-key columns; keys are bpchar like the columns. Each scope reads its rows through the primary
 * key (a lateral subquery the planner cannot flatten into a join): joined plainly, a batch of the 18
 * districts was planned as a hash join over the whole table, 3–5× slower than 18 index lookups.
 */
function stockOfScopes(keys: readonly string[]) {
  const scopes = keys.map(parseStockKey)
  // offset 0 keeps the expanded keys a separate step, so the planner hashes all four key columns.
  return sql`(select k.idx, make_date(k.year, 12, 31) as stichtag, k.basis, k.ags, d.code
      from unnest(${scopes.map(s => s.year)}::int[], ${scopes.map(s => s.basis)}::text[], ${scopes.map(s => s.ags)}::bpchar[],
        ${scopes.map(s => s.code)}::bpchar[]) with ordinality k(year, basis, ags, code, idx)
      cross join lateral unnest(case when k.code = '' then ${DISTRICT_CODES}::bpchar[] else array[k.code] end) d(code)
      offset 0) k
    cross join lateral (
      select s.* from pop.stock s
      where s.stichtag = k.stichtag and s.basis = k.basis and s.ags = k.ags and s.district_code = k.code
      order by s.age, s.sex, s.nationality_group) s`
}

/**
 * Counts come with the key sum of their records (Cell Key Method), computed in the same statement; the
 * loaders stay exact and shareable across callers, resolvers perturb per caller.
 */
export interface KeyedN {
  n: number
  key: number
}

export interface StockSummary {
  total: KeyedN
  foreigners: KeyedN
  ageSum: number
  bySex: Record<string, KeyedN>
  /** Persons per single age 0…MAX_AGE (index = age; ages without persons count 0), to fold into any age-group scheme. */
  byAge: KeyedN[]
}

export interface NationalityCount extends KeyedN {
  group: string
}
export interface MovementTotals {
  byKind: Record<string, KeyedN>
  lastMonthEnd: string
}
export interface OfficialTotal {
  stichtag: string
  total: number
  male: number
  female: number
}

/** Groups rows by the 1-based ordinality of their key; returns a lookup by 0-based key position. */
const index = <T extends { idx: number }>(rows: T[]) => {
  const byIdx = new Map<number, T[]>()
  for (const r of rows) {
    const list = byIdx.get(Number(r.idx))
    if (list) list.push(r)
    else byIdx.set(Number(r.idx), [r])
  }
  return (i: number) => byIdx.get(i + 1) ?? []
}

/** Per-request loaders of the population subgraph. */
export function createLoaders(db: Kysely<PopDatabase>, cache: LoaderCache = NO_CACHE) {
  return {
    /**
     * Total, foreigners, age sum, sex split and persons per single age of stock scopes (null when the
     * Stichtag has no data), all from one statement: a stock's age groups (`byAgeGroup`, any scheme) are
     * folded from the single ages in the resolver, so a district profile reads its stock rows once and
     * waits for one round trip instead of two in a row (the age groups needed the summary first).
     */
    stockSummary: new DataLoader<string, StockSummary | null>(
      cache.loader(
        'stockSummary',
        async keys => {
          const { rows } = await sql<{
            idx: number
            sex: string | null
            age: number | null
            n: number
            key: string
            foreigners: number
            foreigners_key: string
            age_sum: number
          }>`
        select k.idx, s.sex, s.age, sum(s.n)::int as n, ${keySum('s.rkey')} as key,
          coalesce(sum(s.n) filter (where s.nationality_group <> 'DEU'), 0)::int as foreigners, ${keySum('s.rkey', sql`s.nationality_group <> 'DEU'`)} as foreigners_key,
          sum(s.n * (s.age + 0.5))::float8 as age_sum
        from ${stockOfScopes(keys)}
        group by grouping sets ((k.idx), (k.idx, s.sex), (k.idx, s.age))`.execute(db)
          const of = index(rows)
          return keys.map((_, i) => {
            const cells = of(i)
            const all = cells.find(r => r.sex === null && r.age === null)
            if (!all) return null
            const bySex = Object.fromEntries(cells.filter(r => r.sex !== null).map(r => [r.sex!, { n: r.n, key: Number(r.key) }]))
            const byAge = Array.from({ length: MAX_AGE + 1 }, (): KeyedN => ({ n: 0, key: 0 }))
            for (const r of cells) if (r.age !== null) byAge[r.age] = { n: r.n, key: Number(r.key) }
            return {
              total: { n: all.n, key: Number(all.key) },
              foreigners: { n: all.foreigners, key: Number(all.foreigners_key) },
              ageSum: all.age_sum,
              bySex,
              byAge,
            }
          })
        },
        { datasets: ['pop.stock'] },
      ),
    ),

    /**
     * Counts per nationality group (groups without persons left out), largest first; the resolver takes
     * the `top` and folds the rest into OTHER, ranking by the values the caller may see.
     */
    stockByNationality: new DataLoader<string, NationalityCount[]>(
      cache.loader(
        'stockByNationality',
        async keys => {
          const { rows } = await sql<{ idx: number; grp: string; n: number; key: string }>`
        select k.idx, s.nationality_group as grp, sum(s.n)::int as n, ${keySum('s.rkey')} as key
        from ${stockOfScopes(keys)}
        group by k.idx, s.nationality_group
        order by k.idx, n desc, grp`.execute(db)
          const of = index(rows)
          return keys.map((_, i) => of(i).map(r => ({ group: r.grp, n: r.n, key: Number(r.key) })))
        },
        { datasets: ['pop.stock'] },
      ),
    ),

    /** Persons aged from..to in a district, REGISTER_MAIN, with their key sum; key `year|ags|code|from|to`; null when the district has no Stichtag that year. */
    cohort: new DataLoader<string, KeyedN | null>(
      cache.loader(
        'cohort',
        async keys => {
          const parts = keys.map(k => k.split('|'))
          const { rows } = await sql<{ idx: number; n: number | null; key: string | null }>`
        select k.idx, case when has_stock then c.n end as n, case when has_stock then c.key end as key
        from unnest(${parts.map(p => Number(p[0]))}::int[], ${parts.map(p => p[1])}::bpchar[], ${parts.map(p => p[2])}::bpchar[],
          ${parts.map(p => Number(p[3]))}::int[], ${parts.map(p => Number(p[4]))}::int[]) with ordinality k(year, ags, code, age_from, age_to, idx)
        cross join lateral (select exists (
            select 1 from pop.stock s where s.stichtag = make_date(k.year, 12, 31) and s.basis = 'REGISTER_MAIN' and s.ags = k.ags and s.district_code = k.code
          ) as has_stock) e
        cross join lateral (
          select coalesce(sum(s.n), 0)::int as n, ${keySum('s.rkey')} as key
          from pop.stock s where s.stichtag = make_date(k.year, 12, 31) and s.basis = 'REGISTER_MAIN' and s.ags = k.ags
            and s.district_code = k.code and s.age between k.age_from and k.age_to
        ) c`.execute(db)
          const of = index(rows)
          return keys.map((_, i) => {
            const r = of(i)[0]
            return r && r.n !== null ? { n: r.n, key: Number(r.key) } : null
          })
        },
        { datasets: ['pop.stock'] },
      ),
    ),

    /** Movement totals per kind of a calendar year, with their key sums; key `year|ags|code` (code '' = whole municipality). */
    movements: new DataLoader<string, MovementTotals | null>(
      cache.loader(
        'movements',
        async keys => {
          const parts = keys.map(k => k.split('|'))
          const { rows } = await sql<{ idx: number; kind: string; n: number; key: string; last_month_end: string }>`
        select k.idx, m.kind, sum(m.n)::int as n, ${keySum('m.rkey')} as key, (max(max(m.month)) over (partition by k.idx) + interval '1 month' - interval '1 day')::date as last_month_end
        from (select k.idx, k.year, k.ags, d.code
            from unnest(${parts.map(p => Number(p[0]))}::int[], ${parts.map(p => p[1])}::bpchar[], ${parts.map(p => p[2])}::bpchar[]) with ordinality k(year, ags, code, idx)
            cross join lateral unnest(case when k.code = '' then ${DISTRICT_CODES}::bpchar[] else array[k.code] end) d(code)
            offset 0) k
        join pop.movement m on m.month >= make_date(k.year, 1, 1) and m.month < make_date(k.year + 1, 1, 1) and m.ags = k.ags and m.district_code = k.code
        group by k.idx, m.kind`.execute(db)
          const of = index(rows)
          return keys.map((_, i) => {
            const kinds = of(i)
            if (!kinds.length) return null
            return {
              byKind: Object.fromEntries(kinds.map(r => [r.kind, { n: r.n, key: Number(r.key) }])),
              lastMonthEnd: kinds[0].last_month_end,
            }
          })
        },
        { datasets: ['pop.movement'] },
      ),
    ),

    /** Official totals; key `year|ags|basis` (OFFICIAL_UPDATE or CENSUS). */
    officialTotal: new DataLoader<string, OfficialTotal | null>(
      cache.loader(
        'officialTotal',
        async keys => {
          const parts = keys.map(k => k.split('|'))
          const { rows } = await sql<OfficialTotal & { idx: number }>`
        select k.idx, o.stichtag, o.total, o.male, o.female
        from unnest(${parts.map(p => Number(p[0]))}::int[], ${parts.map(p => p[1])}::bpchar[], ${parts.map(p => p[2])}::text[]) with ordinality k(year, ags, basis, idx)
        join pop.official_total o on o.ags = k.ags and o.basis = k.basis
          and o.stichtag >= make_date(k.year, 1, 1) and o.stichtag <= make_date(k.year, 12, 31)`.execute(db)
          const of = index(rows)
          return keys.map((_, i) => of(i)[0] ?? null)
        },
        { datasets: ['pop.official_total'] },
      ),
    ),

    /** Latest year with a register Stichtag not after the given date; key `basis|date`. */
    latestStockYear: new DataLoader<string, number | null>(
      cache.loader(
        'latestStockYear',
        async keys => {
          const parts = keys.map(k => k.split('|'))
          const { rows } = await sql<{ idx: number; year: number | null }>`
        select k.idx, (select extract(year from max(s.stichtag))::int from pop.stock s where s.basis = k.basis and s.stichtag <= k.until) as year
        from unnest(${parts.map(p => p[0])}::text[], ${parts.map(p => p[1])}::date[]) with ordinality k(basis, until, idx)`.execute(db)
          const of = index(rows)
          return keys.map((_, i) => of(i)[0]?.year ?? null)
        },
        { datasets: ['pop.stock'] },
      ),
    ),

    provenance: createProvenanceLoader(db, cache, 'pop'),
  }
}

export type PopLoaders = ReturnType<typeof createLoaders>
