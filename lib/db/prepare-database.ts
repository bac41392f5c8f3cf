import { sql, type Kysely } from 'kysely'
import type { SeedProfile } from '../city.js'
import type { ServiceDefinition } from '../service/define-service.js'
import { migrateSchema } from './migrate.js'

export interface PrepareResult { service: string; migrated: string[]; seeded: boolean; ms: number }

/**
 * Migrates every department's schema and seeds each one once with `profile`. The seed runs in one
 * transaction together with its bookkeeping row (kept in the department's own schema, so a
 * department's database role needs no rights elsewhere): a crash never leaves half a seed.
 */
export async function prepareDatabase(db: Kysely<any>, services: readonly ServiceDefinition[], profile: SeedProfile | null): Promise<PrepareResult[]> {
  const results: PrepareResult[] = []
  for (const s of services) {
    const t0 = performance.now()
    const migrated = await migrateSchema(db, s.dbSchema, s.migrations)
    let seeded = false
    if (profile) {
      const table = sql.id(s.dbSchema, 'seed_state')
      await sql`create table if not exists ${table} (profile text not null, seeded_at timestamptz not null default now())`.execute(db)
      seeded = await db.transaction().execute(async trx => {
        await sql`lock table ${table} in exclusive mode`.execute(trx)
        const done = await sql`select 1 from ${table}`.execute(trx)
        if (done.rows.length) return false
        await s.seed(trx, profile)
        await sql`insert into ${table} (profile) values (${profile})`.execute(trx)
        return true
      })
    }
    results.push({ service: s.name, migrated, seeded, ms: Math.round(performance.now() - t0) })
  }
  return results
}
