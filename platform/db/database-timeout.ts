/**
 * A database that did not answer in time: a statement cancelled by `statement_timeout`, a lock not
 * granted within `lock_timeout`, a server that sent nothing back (frozen, partitioned), or no
 * connection to be had from the pool within its bound. Callers turn these into a clear, retryable
 * error (`DATABASE_TIMEOUT`, `AUDIT_UNAVAILABLE`) instead of an internal one.
 */
export class DatabaseTimeoutError extends Error {
  override readonly name = 'DatabaseTimeoutError'
}

/** Messages of `pg` and `pg-pool` for their client-side bounds. */
const CLIENT_TIMEOUTS = new Set([
  'Query read timeout',
  'timeout exceeded when trying to connect',
  'Connection terminated due to connection timeout',
])

export function isDatabaseTimeout(err: unknown): boolean {
  if (err instanceof DatabaseTimeoutError) return true
  if (!(err instanceof Error)) return false
  const code = (err as { code?: unknown }).code
  // 57014 query_canceled is also what pg_cancel_backend causes; only the timeout is ours to report.
  if (code === '57014') return /statement timeout/.test(err.message)
  if (code === '55P03') return /lock timeout/.test(err.message)
  return CLIENT_TIMEOUTS.has(err.message)
}
