import DataLoader from 'dataloader'
import { sql, type Kysely } from 'kysely'
import { createProvenanceLoader } from '../../lib/service/provenance.js'
import { NO_CACHE, type LoaderCache } from '../../lib/cache/create-service-cache.js'
import type { InfraDatabase, StreetLightTable } from './db.js'
import { BURN_HOURS_PER_YEAR } from './street-lights.js'

/** The scope of a lighting summary: the whole city or one district of it. */
export const CITY_SCOPE = '*'

export interface LightingFigures {
  year: number
  districtCode: string | null
  stichtag: string
  lights: number
  ledLights: number
  convertedInYear: number
  installedKw: number
  energyKwh: number
  months: number
  price: number | null
}
export interface LightingMonth {
  month: string
  energyKwh: number
  lights: number
  ledLights: number
}
export interface MeasureLights {
  count: number
  savingKwh: number
}

/** Groups rows by the 1-based ordinality `i` of their key; returns the list of each key in key order. */
function byKey<T extends { i: number }>(keys: readonly unknown[], rows: T[]): Array<Array<Omit<T, 'i'>>> {
  const lists = keys.map(() => [] as Array<Omit<T, 'i'>>)
  for (const { i, ...rest } of rows) lists[Number(i) - 1].push(rest)
  return lists
}

const scopesAndYears = (keys: readonly string[]) => {
  const parts = keys.map(k => k.split('|'))
  return sql`unnest(${parts.map(p => p[0])}::text[], ${parts.map(p => Number(p[1]))}::int[]) with ordinality as k(scope, year, i)`
}

/** Cached loads name the datasets they read; a conversion writes both, so every load references both. */
const LIGHTS = { datasets: ['infra.street_light', 'infra.energy'] } as const

/** Per-request loaders: one SQL statement per field family per plan step; the cache spans requests. */
export function createLoaders(db: Kysely<InfraDatabase>, cache: LoaderCache = NO_CACHE) {
  return {
    light: new DataLoader<string, StreetLightTable | null>(
      cache.loader(
        'light',
        async ids => {
          const rows = await db
            .selectFrom('infra.street_light')
            .selectAll()
            .where('id', 'in', [...ids])
            .execute()
          const byId = new Map(rows.map(r => [r.id, r]))
          return ids.map(id => byId.get(id) ?? null)
        },
        LIGHTS,
      ),
    ),

    /**
     * Key `scope|year`: lights and LED lights at 31.12. (or the Stichtag), conversions of the year, connected
     * load, energy of the year's months; null for a year after the Stichtag or without energy figures.
     */
    lighting: new DataLoader<string, LightingFigures | null>(
      cache.loader(
        'lighting',
        async keys => {
          const { rows } = await sql<Omit<LightingFigures, 'year' | 'districtCode'> & { i: number }>`
        with k as (select * from ${scopesAndYears(keys)}),
        h as (select stichtag from infra.dataset where id = 'infra.street_light'),
        d as (select k.i, k.scope, k.year, least(make_date(k.year, 12, 31), h.stichtag) as day from k cross join h where make_date(k.year, 1, 1) <= h.stichtag),
        e as (
          select d.i, sum(m.kwh)::float8 as energy, count(distinct m.month)::int as months
          from d join infra.district_energy_month m on (d.scope = ${CITY_SCOPE} or m.district_code = d.scope)
            and m.month >= make_date(d.year, 1, 1) and m.month <= d.day
          group by d.i),
        l as (
          select d.i, count(*)::int as lights, count(*) filter (where s.converted_to_led <= d.day)::int as led,
            count(*) filter (where s.converted_to_led between make_date(d.year, 1, 1) and d.day)::int as converted,
            (sum(case when s.converted_to_led <= d.day then s.watt else coalesce(s.previous_watt, s.watt) end) / 1000.0)::float8 as kw
          from d join infra.street_light s on (d.scope = ${CITY_SCOPE} or s.district_code = d.scope) and s.installed <= d.day
          group by d.i)
        select d.i, d.day::text as stichtag, l.lights, l.led as "ledLights", l.converted as "convertedInYear", l.kw as "installedKw",
          e.energy as "energyKwh", e.months, p.eur_per_kwh::float8 as price
        from d join e using (i) join l using (i) left join infra.energy_price p on p.year = d.year`.execute(db)
          return byKey(keys, rows).map((list, i) => {
            const [scope, year] = keys[i].split('|')
            return list[0] ? { ...list[0], year: Number(year), districtCode: scope === CITY_SCOPE ? null : scope } : null
          })
        },
        LIGHTS,
      ),
    ),

    /** Key `scope|year`: energy and lights per month of the year, oldest first. */
    lightingMonths: new DataLoader<string, LightingMonth[]>(
      cache.loader(
        'lightingMonths',
        async keys => {
          const { rows } = await sql<LightingMonth & { i: number }>`
        select k.i, to_char(m.month, 'YYYY-MM') as month, sum(m.kwh)::float8 as "energyKwh", sum(m.lights)::int as lights, sum(m.led_lights)::int as "ledLights"
        from ${scopesAndYears(keys)}
        join infra.district_energy_month m on (k.scope = ${CITY_SCOPE} or m.district_code = k.scope)
          and m.month >= make_date(k.year, 1, 1) and m.month < make_date(k.year + 1, 1, 1)
        group by k.i, m.month order by k.i, m.month`.execute(db)
          return byKey(keys, rows)
        },
        LIGHTS,
      ),
    ),

    /** Key: measure id → lights it converted and their yearly saving; null when it converted none. */
    measureLights: new DataLoader<string, MeasureLights | null>(
      cache.loader(
        'measureLights',
        async ids => {
          const { rows } = await sql<{ id: string; n: number; saving: number }>`
        select measure_id as id, count(*)::int as n, (sum(greatest(previous_watt - watt, 0)) * ${BURN_HOURS_PER_YEAR} / 1000.0)::float8 as saving
        from infra.street_light where measure_id = any(${[...ids]}::text[]) group by measure_id`.execute(db)
          const byId = new Map(rows.map(r => [r.id, { count: r.n, savingKwh: r.saving }]))
          return ids.map(id => byId.get(id) ?? null)
        },
        LIGHTS,
      ),
    ),

    /** Key `id|first`: the first lights (by id) a measure converted. */
    measureLightList: new DataLoader<string, StreetLightTable[]>(
      cache.loader(
        'measureLightList',
        async keys => {
          const parts = keys.map(k => k.split('|'))
          const { rows } = await sql<StreetLightTable & { i: number }>`
        select k.i, s.* from unnest(${parts.map(p => p[0])}::text[], ${parts.map(p => Number(p[1]))}::int[]) with ordinality as k(id, first, i)
        cross join lateral (select * from infra.street_light where measure_id = k.id order by id limit k.first) s
        order by k.i, s.id`.execute(db)
          return byKey(keys, rows) as StreetLightTable[][]
        },
        LIGHTS,
      ),
    ),

    provenance: createProvenanceLoader(db, cache, 'infra'),
  }
}

export type InfraLoaders = ReturnType<typeof createLoaders>
