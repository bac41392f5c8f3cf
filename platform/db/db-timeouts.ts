/**
 * Bounds on a serving pool's work, read once from the environment:
 * - `DB_STATEMENT_TIMEOUT_MS` (default 5000): PostgreSQL cancels a statement that runs longer; a
 *   server that sends nothing back at all (frozen, unreachable) is given up on client-side a second
 *   later, and that connection is dropped.
 * - `DB_CONNECT_TIMEOUT_MS` (default 5000): getting a connection, waiting for a free one in the pool
 *   included.
 * Both stay below the gateway's subgraph timeout (`SUBGRAPH_TIMEOUT_MS`, default 15 s), so a slow
 * database surfaces as `DATABASE_TIMEOUT` from the department rather than as a timed-out subgraph.
 * Migrations, seeds and imports run on pools without these bounds.
 */
export interface DbTimeouts {
  statementTimeoutMs: number
  connectTimeoutMs: number
}

export const DEFAULT_DB_TIMEOUTS: DbTimeouts = Object.freeze({ statementTimeoutMs: 5_000, connectTimeoutMs: 5_000 })

const MIN_MS = 100
const MAX_MS = 600_000

function milliseconds(env: Readonly<Record<string, string | undefined>>, name: string, fallback: number): number {
  const raw = env[name]?.trim()
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < MIN_MS || value > MAX_MS) {
    throw new Error(`${name} must be a whole number of milliseconds between ${MIN_MS} and ${MAX_MS}, got ${JSON.stringify(env[name])}`)
  }
  return value
}

export function readDbTimeouts(env: Readonly<Record<string, string | undefined>> = process.env): DbTimeouts {
  return Object.freeze({
    statementTimeoutMs: milliseconds(env, 'DB_STATEMENT_TIMEOUT_MS', DEFAULT_DB_TIMEOUTS.statementTimeoutMs),
    connectTimeoutMs: milliseconds(env, 'DB_CONNECT_TIMEOUT_MS', DEFAULT_DB_TIMEOUTS.connectTimeoutMs),
  })
}
