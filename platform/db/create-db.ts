import pg from 'pg'
import { Kysely, PostgresDialect } from 'kysely'
import { preparingClient, readPreparedStatements } from './prepared-statements.js'
import { DatabaseTimeoutError } from './database-timeout.js'

// numeric and bigint arrive as JS numbers (our magnitudes fit in a double); `date` stays a
// 'YYYY-MM-DD' string so no time zone can shift a Stichtag.
pg.types.setTypeParser(pg.types.builtins.NUMERIC, v => Number.parseFloat(v))
pg.types.setTypeParser(pg.types.builtins.INT8, v => Number.parseInt(v, 10))
pg.types.setTypeParser(pg.types.builtins.DATE, v => v)

export interface DbStats {
  statements: number
}

/** Told of every statement after it ran (metrics, trace spans): its text, parameters, duration, and whether it failed. */
export type QueryObserver = (sql: string, parameters: readonly unknown[], durationMs: number, failed: boolean) => void

export interface DbHandle<DB> {
  db: Kysely<DB>
  /** Counts SQL statements sent, for tests that prove batching (no N+1). */
  stats: DbStats
  /**
   * Resolves when the database answers a trivial query within `timeoutMs` (getting a connection
   * included); rejects otherwise (DatabaseTimeoutError when it did not answer). For readiness probes:
   * a frozen server fails it in `timeoutMs`, not after TCP gives up.
   */
  ping(timeoutMs: number): Promise<void>
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
   * Send queries as named prepared statements (platform/db/prepared-statements.ts); default: the
   * `DB_PREPARED_STATEMENTS` setting (on unless `off`).
   */
  preparedStatements?: boolean
  /** Distinct statement texts named per connection (default 256); later ones go unnamed. */
  preparedStatementsPerConnection?: number
  /**
   * `statement_timeout` of every statement on these connections; unbounded unless given (migrations,
   * seeds). A server that sends nothing back at all is given up on client-side QUERY_READ_GRACE_MS
   * later, and that connection is dropped so the pool does not hand it out again.
   */
  statementTimeoutMs?: number
  /** Bound on getting a connection: waiting for a free one in the pool plus connecting; unbounded unless given. */
  connectTimeoutMs?: number
}

/** How much longer than `statement_timeout` the client waits for an answer before it gives up on the server. */
export const QUERY_READ_GRACE_MS = 1_000

/**
 * A pg Client class that drops its connection when a query's client-side read timeout fires. pg
 * answers the query with an error but keeps the connection, whose server still owes that answer;
 * the next query on it would queue behind the lost one. Dropped, the pool opens a fresh one.
 */
function droppingClient(Base: typeof pg.Client): typeof pg.Client {
  return class DroppingClient extends Base {
    private dropped = false

    override query(config: any, values?: any, callback?: any): any {
      // What still comes on a dropped connection (kysely's rollback of the transaction the lost
      // query was in) fails as the timeout it is, not as a closed client.
      const promised =
        callback === undefined &&
        typeof values !== 'function' &&
        typeof config?.callback !== 'function' &&
        typeof config?.submit !== 'function'
      if (this.dropped && promised)
        return Promise.reject(new DatabaseTimeoutError('the connection was dropped: the server did not answer in time'))
      const result: unknown = super.query(config, values, callback)
      if (!(result instanceof Promise)) return result
      return result.catch((err: unknown) => {
        if (err instanceof Error && err.message === 'Query read timeout' && !this.dropped) {
          this.dropped = true
          // Ending first makes the close a deliberate one (no 'error' event on a checked-out client).
          this.end().catch(() => {})
          ;(this as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy()
        }
        throw err
      })
    }
  }
}

export function createDb<DB>(url: string, opts: CreateDbOptions = {}): DbHandle<DB> {
  const stats: DbStats = { statements: 0 }
  const prepared = opts.preparedStatements ?? readPreparedStatements(process.env)
  const base = prepared ? preparingClient(opts.preparedStatementsPerConnection) : pg.Client
  const statementTimeout = opts.statementTimeoutMs
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    application_name: opts.applicationName ?? 'stadtgraph',
    ...(statementTimeout
      ? { statement_timeout: statementTimeout, query_timeout: statementTimeout + QUERY_READ_GRACE_MS, Client: droppingClient(base) }
      : { Client: base }),
    ...(opts.connectTimeoutMs ? { connectionTimeoutMillis: opts.connectTimeoutMs } : {}),
  })
  // Named statements keep their parse and analysis, but each execution is planned for its own parameter
  // values: after five executions PostgreSQL may otherwise settle on one generic plan per statement, and
  // a loader statement that serves both one district and all eighteen got a generic plan that made the
  // district profile 3× and the deep cross-department query 4× slower once the 18-district comparison had
  // run on the same connections (npm run bench, departments uncached). Queued before any other query of
  // the connection; a server without the setting (PostgreSQL < 12) keeps its default.
  if (prepared)
    pool.on('connect', client => {
      client.query('set plan_cache_mode = force_custom_plan').catch(() => {})
    })
  // An idle client that loses its server (restart, network) must not crash the process.
  pool.on('error', err => console.error(`[db] idle connection error: ${err.message}`))
  // Nor one that is checked out: the pool stops listening to a client while it is lent, so a connection lost
  // mid-statement emitted an unhandled 'error' (the statement itself fails with it; the pool then drops the client).
  pool.on('connect', client => {
    client.on('error', () => {})
  })
  let observer: QueryObserver | null = null
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool }),
    log: event => {
      if (event.level === 'query') stats.statements++
      observer?.(event.query.sql, event.query.parameters, event.queryDurationMillis, event.level === 'error')
    },
  })
  const ping = async (timeoutMs: number): Promise<void> => {
    const attempt = (async () => {
      const client = await pool.connect()
      try {
        await client.query({ text: 'select 1', query_timeout: timeoutMs } as pg.QueryConfig)
      } catch (err) {
        client.release(err as Error)
        throw err
      }
      client.release()
    })()
    attempt.catch(() => {}) // still settles (bounded by the pool's own timeouts) after the race is lost
    let timer: NodeJS.Timeout | undefined
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new DatabaseTimeoutError(`the database did not answer within ${timeoutMs} ms`)), timeoutMs)
    })
    try {
      await Promise.race([attempt, deadline])
    } finally {
      clearTimeout(timer)
    }
  }
  return {
    db,
    stats,
    ping,
    pool,
    observe: o => {
      observer = o
    },
    close: () => db.destroy(),
  }
}
