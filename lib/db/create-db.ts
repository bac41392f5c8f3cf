import pg from 'pg'
import { Kysely, PostgresDialect } from 'kysely'
import { preparingClient, readPreparedStatements } from './prepared-statements.js'

// numeric and bigint arrive as JS numbers (our magnitudes fit in a double); `date` stays a
// 'YYYY-MM-DD' string so no time zone can shift a Stichtag.
pg.types.setTypeParser(pg.types.builtins.NUMERIC, v => Number.parseFloat(v))
pg.types.setTypeParser(pg.types.builtins.INT8, v => Number.parseInt(v, 10))
pg.types.setTypeParser(pg.types.builtins.DATE, v => v)

export interface DbStats { statements: number }

/** Told of every statement after it ran (metrics, trace spans): its text, parameters, duration, and whether it failed. */
export type QueryObserver = (sql: string, parameters: readonly unknown[], durationMs: number, failed: boolean) => void

export interface DbHandle<DB> {
  db: Kysely<DB>
  /** Counts SQL statements sent, for tests that prove batching (no N+1). */
  stats: DbStats
  /** The pool (its totalCount, idleCount and waitingCount feed the pool metrics). */
  pool?: pg.Pool
  /** Sets the one observer of this handle's statements (null: none). */
  observe?(observer: QueryObserver | null): void
  close(): Promise<void>
}

export interface CreateDbOptions {
  max?: number
  applicationName?: string
  /**
   * Send queries as named prepared statements (lib/db/prepared-statements.ts); default: the
   * `DB_PREPARED_STATEMENTS` setting (on unless `off`).
   */
  preparedStatements?: boolean
  /** Distinct statement texts named per connection (default 256); later ones go unnamed. */
  preparedStatementsPerConnection?: number
}

export function createDb<DB>(url: string, opts: CreateDbOptions = {}): DbHandle<DB> {
  const stats: DbStats = { statements: 0 }
  const prepared = opts.preparedStatements ?? readPreparedStatements(process.env)
  const pool = new pg.Pool({
    connectionString: url, max: opts.max ?? 10, application_name: opts.applicationName ?? 'stadtgraph',
    ...(prepared ? { Client: preparingClient(opts.preparedStatementsPerConnection) } : {}),
  })
  // Named statements keep their parse and analysis, but each execution is planned for its own parameter
  // values: after five executions PostgreSQL may otherwise settle on one generic plan per statement, and
  // a loader statement that serves both one district and all eighteen got a generic plan that made the
  // district profile 3× and the deep cross-department query 4× slower once the 18-district comparison had
  // run on the same connections (npm run bench, departments uncached). Queued before any other query of
  // the connection; a server without the setting (PostgreSQL < 12) keeps its default.
  if (prepared) pool.on('connect', client => { client.query('set plan_cache_mode = force_custom_plan').catch(() => {}) })
  // An idle client that loses its server (restart, network) must not crash the process.
  pool.on('error', err => console.error(`[db] idle connection error: ${err.message}`))
  let observer: QueryObserver | null = null
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool }),
    log: event => {
      if (event.level === 'query') stats.statements++
      observer?.(event.query.sql, event.query.parameters, event.queryDurationMillis, event.level === 'error')
    },
  })
  return { db, stats, pool, observe: o => { observer = o }, close: () => db.destroy() }
}
