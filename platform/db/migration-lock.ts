import pg from 'pg'

/**
 * The advisory lock a migration run (`npm run db:migrate`, `db:seed`, the Kubernetes migration Job)
 * holds for its whole length: two runs started together (two Jobs of overlapping releases, a Job and an
 * operator at a shell) run one after the other instead of interleaving their migrations and seeds.
 * Kysely's migrator locks each migration batch on its own; this lock covers the run.
 *
 * A session lock on a connection of its own, so it needs a direct connection (or PgBouncer in session
 * mode): a transaction-mode pooler would hand the session to someone else (docs/kubernetes.md). When
 * that connection breaks, PostgreSQL releases the lock; the run then fails on its next statement
 * anyway, since it uses the same server.
 */
export const MIGRATION_LOCK_KEY = '7304159230152848121'

export interface MigrationLockOptions {
  /** Told once when another run holds the lock and this one waits for it. */
  onWait?: () => void
  applicationName?: string
}

/** Runs `fn` while holding the migration lock on the database at `url`; waits for another run to finish first. */
export async function withMigrationLock<T>(url: string, fn: () => Promise<T>, opts: MigrationLockOptions = {}): Promise<T> {
  const client = new pg.Client({ connectionString: url, application_name: opts.applicationName ?? 'stadtgraph-migration-lock' })
  // An error on an idle client (the server went away) must not crash the process; the run notices it.
  client.on('error', () => {})
  await client.connect()
  try {
    const { rows } = await client.query<{ locked: boolean }>('select pg_try_advisory_lock($1::bigint) as locked', [MIGRATION_LOCK_KEY])
    if (!rows[0].locked) {
      opts.onWait?.()
      await client.query('select pg_advisory_lock($1::bigint)', [MIGRATION_LOCK_KEY])
    }
    try {
      return await fn()
    } finally {
      await client.query('select pg_advisory_unlock($1::bigint)', [MIGRATION_LOCK_KEY]).catch(() => {})
    }
  } finally {
    await client.end().catch(() => {})
  }
}
