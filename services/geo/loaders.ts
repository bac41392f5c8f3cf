import DataLoader from 'dataloader'
import { sql, type Kysely } from 'kysely'
import { createProvenanceLoader } from '../../lib/service/provenance.js'
import { NO_CACHE, type LoaderCache } from '../../lib/cache/create-service-cache.js'
import type { CountryTable, DistrictTable, GeoDatabase, MunicipalityTable } from './db.js'

/** District and municipality master data changes a few times a decade: an hour, unless a write invalidates sooner. */
const GEOMETRY = { datasets: ['geo.districts'], ttl: 3600 } as const

export const districtKey = (ags: string, code: string) => `${ags}|${code}`

/** Per-request loaders: one SQL statement per entity type per plan step. */
export function createLoaders(db: Kysely<GeoDatabase>, cache: LoaderCache = NO_CACHE) {
  return {
    district: new DataLoader<string, DistrictTable | null>(
      cache.loader(
        'district',
        async keys => {
          const pairs = keys.map(k => k.split('|'))
          const rows = await db
            .selectFrom('geo.district')
            .selectAll()
            .where(sql<boolean>`(ags, code) in (select * from unnest(${pairs.map(p => p[0])}::text[], ${pairs.map(p => p[1])}::text[]))`)
            .execute()
          const byKey = new Map(rows.map(r => [districtKey(r.ags, r.code), r]))
          return keys.map(k => byKey.get(k) ?? null)
        },
        GEOMETRY,
      ),
    ),
    districtsByAgs: new DataLoader<string, DistrictTable[]>(
      cache.loader(
        'districtsByAgs',
        async agsList => {
          const rows = await db
            .selectFrom('geo.district')
            .selectAll()
            .where('ags', 'in', [...agsList])
            .orderBy('code')
            .execute()
          return agsList.map(ags => rows.filter(r => r.ags === ags))
        },
        GEOMETRY,
      ),
    ),
    municipality: new DataLoader<string, MunicipalityTable | null>(
      cache.loader(
        'municipality',
        async agsList => {
          const rows = await db
            .selectFrom('geo.municipality')
            .selectAll()
            .where('ags', 'in', [...agsList])
            .execute()
          const byAgs = new Map(rows.map(r => [r.ags, r]))
          return agsList.map(a => byAgs.get(a) ?? null)
        },
        GEOMETRY,
      ),
    ),
    country: new DataLoader<string, CountryTable | null>(
      cache.loader(
        'country',
        async codes => {
          const rows = await db
            .selectFrom('geo.country')
            .selectAll()
            .where('code', 'in', [...codes])
            .execute()
          const byCode = new Map(rows.map(r => [r.code, r]))
          return codes.map(c => byCode.get(c) ?? null)
        },
        GEOMETRY,
      ),
    ),
    provenance: createProvenanceLoader(db, cache, 'geo'),
  }
}

export type GeoLoaders = ReturnType<typeof createLoaders>
