import { Migrator, sql, type Kysely, type Migration } from 'kysely'

/**
 * Applies a department's migrations inside its own Postgres schema; the migration bookkeeping
 * tables live in that schema too, so departments never share state.
 */
export async function migrateSchema(db: Kysely<any>, schema: string, migrations: Record<string, Migration>): Promise<string[]> {
  // Only when missing: `create schema if not exists` asks for CREATE on the database even when the schema
  // exists, which a department role owning its schema (created for it, docker/postgres-init.sh,
  // deploy/kubernetes/base/database) does not have.
  const exists = await sql`select 1 from pg_namespace where nspname = ${schema}`.execute(db)
  if (!exists.rows.length) await sql`create schema if not exists ${sql.id(schema)}`.execute(db)
  const migrator = new Migrator({
    db,
    migrationTableSchema: schema,
    provider: { getMigrations: async () => migrations },
  })
  const { error, results } = await migrator.migrateToLatest()
  if (error) {
    const failed = results?.find(r => r.status === 'Error')?.migrationName ?? 'unknown'
    throw new Error(`migration ${schema}/${failed} failed: ${error instanceof Error ? error.message : String(error)}`)
  }
  return (results ?? []).filter(r => r.status === 'Success').map(r => r.migrationName)
}
