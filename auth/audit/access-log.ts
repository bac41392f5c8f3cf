import { createHash } from 'node:crypto'
import { sql, type Kysely } from 'kysely'

/**
 * Field-level access log for personal and special data (DSGVO Art. 5, 15, 32): who read which
 * coordinates, in which role, for which purpose, under which policy version. Append-only (a
 * trigger refuses updates and deletes); each entry carries the hash of its predecessor so an edit
 * breaks the chain.
 */
export interface AccessLogEntry {
  subject: string | null
  roles: readonly string[]
  department: string | null
  purpose: string
  operationHash: string
  coordinates: readonly string[]
  policyVersion: number
}

export interface AccessLog {
  /** Rejects (a DatabaseTimeoutError-like pg error on a timeout) when the entry cannot be written within the log's bounds. */
  write(entry: AccessLogEntry): Promise<void>
}

export interface AccessLogOptions {
  /**
   * How long a write waits for the log's table lock (default 1500 ms): a table locked by someone
   * else (a long report, a stuck migration, `LOCK TABLE`) then refuses personal data at once with
   * AUDIT_UNAVAILABLE instead of holding the request until the lock is gone.
   */
  lockTimeoutMs?: number
  /** Bound on each statement of the write (default 2000 ms). */
  statementTimeoutMs?: number
}

export async function createAccessLogTable(db: Kysely<any>): Promise<void> {
  await sql`create table access.access_log (
    id bigserial primary key,
    at timestamptz not null default now(),
    subject text,
    roles text[] not null,
    department text,
    purpose text not null,
    operation_hash text not null,
    coordinates text[] not null,
    policy_version bigint not null,
    prev_hash text,
    hash text not null
  )`.execute(db)
  await sql`create function access.access_log_append_only() returns trigger language plpgsql as $$
    begin raise exception 'access.access_log is append-only'; end $$`.execute(db)
  await sql`create trigger access_log_append_only before update or delete on access.access_log
    for each row execute function access.access_log_append_only()`.execute(db)
  await sql`create index access_log_subject_idx on access.access_log (subject, at)`.execute(db)
}

export function operationHash(document: string): string {
  return createHash('sha256').update(document).digest('hex')
}

export function createAccessLog(db: Kysely<any>, opts: AccessLogOptions = {}): AccessLog {
  const lockTimeout = `${opts.lockTimeoutMs ?? 1_500}ms`
  const statementTimeout = `${opts.statementTimeoutMs ?? 2_000}ms`
  return {
    async write(entry) {
      await db.transaction().execute(async trx => {
        // Local to this transaction: the pool's other work keeps its own bounds.
        await sql`select set_config('lock_timeout', ${lockTimeout}, true), set_config('statement_timeout', ${statementTimeout}, true)`.execute(trx)
        // Serialise writers so the chain has one predecessor per entry.
        await sql`lock table access.access_log in share row exclusive mode`.execute(trx)
        const { rows } = await sql<{ hash: string }>`select hash from access.access_log order by id desc limit 1`.execute(trx)
        const prev = rows[0]?.hash ?? null
        const body = JSON.stringify([entry.subject, entry.roles, entry.department, entry.purpose, entry.operationHash, entry.coordinates, entry.policyVersion])
        const hash = createHash('sha256').update(`${prev ?? ''}|${body}`).digest('hex')
        await sql`insert into access.access_log (subject, roles, department, purpose, operation_hash, coordinates, policy_version, prev_hash, hash)
          values (${entry.subject}, ${entry.roles as string[]}, ${entry.department}, ${entry.purpose}, ${entry.operationHash},
                  ${entry.coordinates as string[]}, ${entry.policyVersion}, ${prev}, ${hash})`.execute(trx)
      })
    },
  }
}
