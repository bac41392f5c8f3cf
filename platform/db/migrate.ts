import { Migrator, sql, type Kysely, type Migration } from 'kysely'

/**
 * Applies a department's migrations inside its own Postgres schema; the migration bookkeeping
 * tables live in that schema too, so departments never share state.
 */
export async function migrateSchema(db: Kysely<any>, schema: string, migrations: Record<string, Migration>): Promise<string[]> {
  await sql`create schema if not exists ${sql.id(schema)}`.execute(db)
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
