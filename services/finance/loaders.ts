import DataLoader from 'dataloader'
import { sql, type Kysely } from 'kysely'
import { createProvenanceLoader } from '../../lib/service/provenance.js'
import { NO_CACHE, type LoaderCache } from '../../lib/cache/create-service-cache.js'
import type { LineAmount } from './account-lines.js'
import type { DebtTable, FinDatabase, InvestmentMeasureTable, ProductTable, TeilhaushaltTable } from './db.js'

/** Composite DataLoader keys: the parts never contain '|'. */
export const key = (...parts: Array<string | number | null | undefined>) => parts.map(p => p ?? '').join('|')
const split = (k: string) => k.split('|')

/** An open year range ("all years") as bounds SQL can compare with. */
export const OPEN_FROM = 0
export const OPEN_TO = 9999

export interface TeilhaushaltLine {
  teilhaushalt: string
  name: string
  line: string
  amount: number
}
export interface MeasureYearValue {
  year: number
  ansatz: number | null
  ist: number | null
}

/** Rows of a batch, grouped back onto the keys that asked for them (in key order). */
function byKey<R extends { k: string }>(keys: readonly string[], rows: R[]): R[][] {
  const groups = new Map<string, R[]>(keys.map(k => [k, []]))
  for (const r of rows) groups.get(r.k)?.push(r)
  return keys.map(k => groups.get(k)!)
}

/** Per-request loaders: one SQL statement per entity type or field family per plan step. */
export function createLoaders(db: Kysely<FinDatabase>, cache: LoaderCache = NO_CACHE) {
  return {
    product: new DataLoader<string, ProductTable | null>(
      cache.loader(
        'product',
        async codes => {
          const rows = await db
            .selectFrom('fin.product')
            .selectAll()
            .where('code', 'in', [...codes])
            .execute()
          const byCode = new Map(rows.map(r => [r.code, r]))
          return codes.map(c => byCode.get(c) ?? null)
        },
        { datasets: ['fin.budget'] },
      ),
    ),
    children: new DataLoader<string, ProductTable[]>(
      cache.loader(
        'children',
        async codes => {
          const rows = await db
            .selectFrom('fin.product')
            .selectAll()
            .where('parent_code', 'in', [...codes])
            .orderBy('code')
            .execute()
          return codes.map(c => rows.filter(r => r.parent_code === c))
        },
        { datasets: ['fin.budget'] },
      ),
    ),
    teilhaushalt: new DataLoader<string, TeilhaushaltTable | null>(
      cache.loader(
        'teilhaushalt',
        async codes => {
          const rows = await db
            .selectFrom('fin.teilhaushalt')
            .selectAll()
            .where('code', 'in', [...codes])
            .execute()
          const byCode = new Map(rows.map(r => [r.code, r]))
          return codes.map(c => byCode.get(c) ?? null)
        },
        { datasets: ['fin.budget'] },
      ),
    ),
    /**
     * key(product, year, version) → summed detail lines of the product's leaf descendants. Results,
     * comparisons and series of any number of products share this one statement; the descent runs
     * in SQL (recursive CTE), the sums too.
     */
    productLines: new DataLoader<string, LineAmount[]>(
      cache.loader(
        'productLines',
        async keys => {
          const parts = keys.map(split)
          const { rows } = await sql<{ k: string; line: string; amount: number }>`
        with recursive k(k, root, year, version) as (
          select * from unnest(${[...keys]}::text[], ${parts.map(p => p[0])}::text[], ${parts.map(p => Number(p[1]))}::int[], ${parts.map(p => p[2])}::text[])
        ), tree(root, code) as (
          select p.code, p.code from fin.product p where p.code in (select root from k)
          union all
          select t.root, c.code from fin.product c join tree t on c.parent_code = t.code
        )
        select k.k, v.account_line as line, sum(v.amount) as amount
        from k
        join tree t on t.root = k.root
        join fin.budget_value v on v.product_code = t.code and v.year = k.year and v.version = k.version
        group by k.k, v.account_line`.execute(db)
          return byKey(keys, rows)
        },
        { datasets: ['fin.budget', 'fin.actuals'] },
      ),
    ),
    /** key(year, version) → detail lines of the whole budget summed per Teilhaushalt. */
    budgetLines: new DataLoader<string, TeilhaushaltLine[]>(
      cache.loader(
        'budgetLines',
        async keys => {
          const parts = keys.map(split)
          const { rows } = await sql<{ k: string } & TeilhaushaltLine>`
        select k.k, th.code as teilhaushalt, th.name, v.account_line as line, sum(v.amount) as amount
        from unnest(${[...keys]}::text[], ${parts.map(p => Number(p[0]))}::int[], ${parts.map(p => p[1])}::text[]) as k(k, year, version)
        join fin.budget_value v on v.year = k.year and v.version = k.version
        join fin.product p on p.code = v.product_code
        join fin.teilhaushalt th on th.code = p.teilhaushalt_code
        group by k.k, th.code, th.name, v.account_line
        order by length(th.code), th.code`.execute(db)
          return byKey(keys, rows)
        },
        { datasets: ['fin.budget', 'fin.actuals'] },
      ),
    ),
    /** key(year, 'ANSATZ' | 'IST') → Σ investment payments of all measures, null when there are none. */
    investmentPayments: new DataLoader<string, number | null>(
      cache.loader(
        'investmentPayments',
        async keys => {
          const parts = keys.map(split)
          const { rows } = await sql<{ k: string; amount: number }>`
        select k.k, sum(v.amount) as amount
        from unnest(${[...keys]}::text[], ${parts.map(p => Number(p[0]))}::int[], ${parts.map(p => p[1])}::text[]) as k(k, year, version)
        join fin.investment_value v on v.year = k.year and v.version = k.version
        group by k.k`.execute(db)
          const byK = new Map(rows.map(r => [r.k, r.amount]))
          return keys.map(k => byK.get(k) ?? null)
        },
        { datasets: ['fin.investments'] },
      ),
    ),
    measure: new DataLoader<string, InvestmentMeasureTable | null>(
      cache.loader(
        'measure',
        async ids => {
          const rows = await db
            .selectFrom('fin.investment_measure')
            .selectAll()
            .where('id', 'in', [...ids])
            .execute()
          const byId = new Map(rows.map(r => [r.id, r]))
          return ids.map(id => byId.get(id) ?? null)
        },
        { datasets: ['fin.investments'] },
      ),
    ),
    /** key(ags, district, from, to) → measures located in the district and active in [from, to]. */
    districtMeasures: new DataLoader<string, InvestmentMeasureTable[]>(
      cache.loader(
        'districtMeasures',
        async keys => {
          const parts = keys.map(split)
          const { rows } = await sql<{ k: string } & InvestmentMeasureTable>`
        select k.k, m.*
        from unnest(${[...keys]}::text[], ${parts.map(p => p[0])}::text[], ${parts.map(p => p[1])}::text[], ${parts.map(p => Number(p[2]))}::int[], ${parts.map(p => Number(p[3]))}::int[])
          as k(k, ags, district, y_from, y_to)
        join fin.investment_measure m on m.ags = k.ags and m.district_code = k.district
          and coalesce(m.start_year, ${OPEN_FROM}) <= k.y_to and coalesce(m.end_year, ${OPEN_TO}) >= k.y_from
        order by m.start_year, m.id`.execute(db)
          return byKey(keys, rows)
        },
        { datasets: ['fin.investments'] },
      ),
    ),
    /** key(ags, district, from, to) → Σ Ansatz payments in [from, to] of the district's measures. */
    districtInvestmentAnsatz: new DataLoader<string, number>(
      cache.loader(
        'districtInvestmentAnsatz',
        async keys => {
          const parts = keys.map(split)
          const { rows } = await sql<{ k: string; amount: number }>`
        select k.k, sum(v.amount) as amount
        from unnest(${[...keys]}::text[], ${parts.map(p => p[0])}::text[], ${parts.map(p => p[1])}::text[], ${parts.map(p => Number(p[2]))}::int[], ${parts.map(p => Number(p[3]))}::int[])
          as k(k, ags, district, y_from, y_to)
        join fin.investment_measure m on m.ags = k.ags and m.district_code = k.district
        join fin.investment_value v on v.measure_id = m.id and v.version = 'ANSATZ' and v.year between k.y_from and k.y_to
        group by k.k`.execute(db)
          const byK = new Map(rows.map(r => [r.k, r.amount]))
          return keys.map(k => byK.get(k) ?? 0)
        },
        { datasets: ['fin.investments'] },
      ),
    ),
    /** key(product, year) → measures booked on the product or a descendant (active in the year, if given). */
    productMeasures: new DataLoader<string, InvestmentMeasureTable[]>(
      cache.loader(
        'productMeasures',
        async keys => {
          const parts = keys.map(split)
          const { rows } = await sql<{ k: string } & InvestmentMeasureTable>`
        with recursive k(k, root, year) as (
          select * from unnest(${[...keys]}::text[], ${parts.map(p => p[0])}::text[], ${parts.map(p => (p[1] === '' ? null : Number(p[1])))}::int[])
        ), tree(root, code) as (
          select p.code, p.code from fin.product p where p.code in (select root from k)
          union all
          select t.root, c.code from fin.product c join tree t on c.parent_code = t.code
        )
        select k.k, m.*
        from k
        join tree t on t.root = k.root
        join fin.investment_measure m on m.product_code = t.code
          and (k.year is null or (coalesce(m.start_year, ${OPEN_FROM}) <= k.year and coalesce(m.end_year, ${OPEN_TO}) >= k.year))
        order by m.start_year, m.id`.execute(db)
          return byKey(keys, rows)
        },
        { datasets: ['fin.investments'] },
      ),
    ),
    /** key(measure, from, to) → Ansatz and Ist per year in [from, to], ordered by year. */
    measureValues: new DataLoader<string, MeasureYearValue[]>(
      cache.loader(
        'measureValues',
        async keys => {
          const parts = keys.map(split)
          const { rows } = await sql<{ k: string } & MeasureYearValue>`
        select k.k, v.year,
          sum(v.amount) filter (where v.version = 'ANSATZ') as ansatz,
          sum(v.amount) filter (where v.version = 'IST') as ist
        from unnest(${[...keys]}::text[], ${parts.map(p => p[0])}::text[], ${parts.map(p => Number(p[1]))}::int[], ${parts.map(p => Number(p[2]))}::int[])
          as k(k, measure, y_from, y_to)
        join fin.investment_value v on v.measure_id = k.measure and v.year between k.y_from and k.y_to
        group by k.k, v.year
        order by v.year`.execute(db)
          return byKey(keys, rows)
        },
        { datasets: ['fin.investments'] },
      ),
    ),
    /** year → the last debt Stichtag within the year. */
    debt: new DataLoader<number, DebtTable | null>(
      cache.loader(
        'debt',
        async years => {
          const { rows } = await sql<DebtTable & { year: number }>`
        select distinct on (extract(year from stichtag)) extract(year from stichtag)::int as year, stichtag, liquidity_credits, investment_credits
        from fin.debt where extract(year from stichtag)::int = any(${[...years]}::int[])
        order by extract(year from stichtag), stichtag desc`.execute(db)
          const byYear = new Map(rows.map(r => [r.year, r]))
          return years.map(y => byYear.get(y) ?? null)
        },
        { datasets: ['fin.debt'] },
      ),
    ),
    provenance: createProvenanceLoader(db, cache, 'fin'),
  }
}

export type FinLoaders = ReturnType<typeof createLoaders>
