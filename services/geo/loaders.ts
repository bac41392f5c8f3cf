import DataLoader from 'dataloader'
import { sql, type Kysely } from 'kysely'
import { createProvenanceLoader } from '../../lib/service/provenance.js'
import type { CountryTable, DistrictTable, GeoDatabase, MunicipalityTable } from './db.js'

export const districtKey = (ags: string, code: string) => `${ags}|${code}`

/** Per-request loaders: one SQL statement per entity type per plan step. */
export function createLoaders(db: Kysely<GeoDatabase>) {
  return {
    district: new DataLoader<string, DistrictTable | null>(async keys => {
      const pairs = keys.map(k => k.split('|'))
      const rows = await db.selectFrom('geo.district').selectAll()
        .where(sql<boolean>`(ags, code) in (select * from unnest(${pairs.map(p => p[0])}::text[], ${pairs.map(p => p[1])}::text[]))`)
        .execute()
      const byKey = new Map(rows.map(r => [districtKey(r.ags, r.code), r]))
      return keys.map(k => byKey.get(k) ?? null)
    }),
    districtsByAgs: new DataLoader<string, DistrictTable[]>(async agsList => {
      const rows = await db.selectFrom('geo.district').selectAll().where('ags', 'in', [...agsList]).orderBy('code').execute()
      return agsList.map(ags => rows.filter(r => r.ags === ags))
    }),
    municipality: new DataLoader<string, MunicipalityTable | null>(async agsList => {
      const rows = await db.selectFrom('geo.municipality').selectAll().where('ags', 'in', [...agsList]).execute()
      const byAgs = new Map(rows.map(r => [r.ags, r]))
      return agsList.map(a => byAgs.get(a) ?? null)
    }),
    country: new DataLoader<string, CountryTable | null>(async codes => {
      const rows = await db.selectFrom('geo.country').selectAll().where('code', 'in', [...codes]).execute()
      const byCode = new Map(rows.map(r => [r.code, r]))
      return codes.map(c => byCode.get(c) ?? null)
    }),
    provenance: createProvenanceLoader(db, 'geo'),
  }
}

export type GeoLoaders = ReturnType<typeof createLoaders>
