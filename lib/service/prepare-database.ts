import { sql, type Kysely } from 'kysely'
import type { SeedProfile } from '../../platform/city.js'
import type { AnyDatabase, ServiceDefinition } from './define-service.js'
import { migrateSchema } from '../../platform/db/migrate.js'

export interface PrepareResult {
  service: string
  migrated: string[]
  seeded: boolean
  ms: number
}

export interface PrepareOptions {
  /** Called as each department is ready (migrated, and seeded if asked), in the order they finish. */
  onPrepared?: (result: PrepareResult) => void
}

/**
 * Migrates every department's schema and seeds each one once with `profile`. The seed runs in one
 * transaction together with its bookkeeping row (kept in the department's own schema, so a
 * department's database role needs no rights elsewhere): a crash never leaves half a seed.
 *
 * Departments are prepared concurrently, each on a connection of its own (as many at once as the
 * pool of `db` allows): a department's migrations and seed touch only its own schema, and a seed
 * draws its numbers from streams of its own (lib/seed/prng.ts), so the order in which they run
 * changes nothing. Migrations still apply one department at a time (the migrator's lock). Results
 * come back in the order of `services`; if any department fails, the others still finish and the
 * first failure (in that order) is thrown.
 */
export async function prepareDatabase(
  db: Kysely<AnyDatabase>,
  services: readonly ServiceDefinition[],
  profile: SeedProfile | null,
  opts: PrepareOptions = {},
): Promise<PrepareResult[]> {
  const settled = await Promise.allSettled(
    services.map(async s => {
      const result = await prepareService(db, s, profile)
      opts.onPrepared?.(result)
      return result
    }),
  )
  const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected')
  if (failed) throw failed.reason
  return settled.map(r => (r as PromiseFulfilledResult<PrepareResult>).value)
}

async function prepareService(db: Kysely<AnyDatabase>, s: ServiceDefinition, profile: SeedProfile | null): Promise<PrepareResult> {
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
  return { service: s.name, migrated, seeded, ms: Math.round(performance.now() - t0) }
}
