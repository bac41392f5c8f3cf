import { sql, type Kysely } from 'kysely'
import type { SeedProfile } from '../city.js'
import type { ServiceDefinition } from '../service/define-service.js'
import { migrateSchema } from './migrate.js'

export interface PrepareResult { service: string; migrated: string[]; seeded: boolean; ms: number }

/**
 * Migrates every department's schema and seeds each one once with `profile`. A department's seed
 * runs in one transaction together with its bookkeeping row, so a crash never leaves half a seed.
 */
export async function prepareDatabase(db: Kysely<any>, services: readonly ServiceDefinition[], profile: SeedProfile | null): Promise<PrepareResult[]> {
  await sql`create table if not exists public.stadtgraph_seed (
    service text primary key, profile text not null, seeded_at timestamptz not null default now())`.execute(db)
  const results: PrepareResult[] = []
  for (const s of services) {
    const t0 = performance.now()
    const migrated = await migrateSchema(db, s.dbSchema, s.migrations)
    let seeded = false
    if (profile) {
      seeded = await db.transaction().execute(async trx => {
        await sql`lock table public.stadtgraph_seed in exclusive mode`.execute(trx)
        const done = await sql`select 1 from public.stadtgraph_seed where service = ${s.name}`.execute(trx)
        if (done.rows.length) return false
        await s.seed(trx, profile)
        await sql`insert into public.stadtgraph_seed (service, profile) values (${s.name}, ${profile})`.execute(trx)
        return true
      })
    }
    results.push({ service: s.name, migrated, seeded, ms: Math.round(performance.now() - t0) })
  }
  return results
}
