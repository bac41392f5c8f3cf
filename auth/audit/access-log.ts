import { createHash } from 'node:crypto'
import { sql, type Kysely, type QueryCreator } from 'kysely'
import { canonicalJson } from '../../platform/canonical-json.js'
import { GENESIS_HASH } from '../policy/store/audit-chain.js'
import { checkpointIfDue, verifyChain, type ChainStatus } from '../policy/store/audit-checkpoint.js'
import { DEFAULT_CHECKPOINT_EVERY, type AuditKeys } from '../policy/store/audit-keys.js'
import type { AccessTables } from '../policy/store/db.js'

/**
 * Field-level access log for personal and special data (DSGVO Art. 5, 15, 32): who read which
 * coordinates, in which role, for which purpose, under which policy version. Append-only
 * (triggers refuse UPDATE, DELETE and, since migration 0006, TRUNCATE); each entry carries the
 * hash of its predecessor so an edit breaks the chain, and signed checkpoints over the chain
 * (auth/policy/store/audit-checkpoint.ts) catch an edit whose chain was recomputed.
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

/** What an entry's hash covers (format 2): everything it records, with the time as `Date#toISOString` wrote it. */
interface AccessLogContent {
  at: string
  subject: string | null
  roles: readonly string[]
  department: string | null
  purpose: string
  operationHash: string
  coordinates: readonly string[]
  policyVersion: number
}

/** Format 2, as the audit log: `sha256(prev_hash || canonical JSON of the content)`; the first entry links to 64 zeros. */
export function accessLogHash(prevHash: string | null, content: AccessLogContent): string {
  return createHash('sha256')
    .update(prevHash ?? GENESIS_HASH)
    .update(canonicalJson(content))
    .digest('hex')
}

/** Format 1 (entries before migration 0006): did not cover `at`. */
function legacyAccessLogHash(prevHash: string | null, c: AccessLogContent): string {
  const body = JSON.stringify([c.subject, c.roles, c.department, c.purpose, c.operationHash, c.coordinates, c.policyVersion])
  return createHash('sha256')
    .update(`${prevHash ?? ''}|${body}`)
    .digest('hex')
}

/**
 * `keys`: signs a checkpoint at least every `keys.every` entries (auth/policy/store/audit-checkpoint.ts);
 * without a signer entries are chained only.
 */
export function createAccessLog(db: Kysely<any>, keys?: AuditKeys | null, opts: AccessLogOptions = {}): AccessLog {
  const lockTimeout = `${opts.lockTimeoutMs ?? 1_500}ms`
  const statementTimeout = `${opts.statementTimeoutMs ?? 2_000}ms`
  return {
    async write(entry) {
      await db.transaction().execute(async trx => {
        // Local to this transaction: the pool's other work keeps its own bounds.
        await sql`select set_config('lock_timeout', ${lockTimeout}, true), set_config('statement_timeout', ${statementTimeout}, true)`.execute(
          trx,
        )
        // Serialise writers so the chain has one predecessor per entry.
        await sql`lock table access.access_log in share row exclusive mode`.execute(trx)
        // The newest checkpoint comes in the same round trip, from the (log, seq) index.
        const { rows } = await sql<{ hash: string; checkpointed: string | null }>`select hash,
            (select max(seq) from access.audit_checkpoint where log = 'access_log') as checkpointed
          from access.access_log order by id desc limit 1`.execute(trx)
        const prev = rows[0]?.hash ?? null
        const at = new Date().toISOString()
        // As the row will read back: a missing subject or department is null, which the hash must cover too.
        const hash = accessLogHash(prev, {
          at,
          subject: entry.subject ?? null,
          roles: entry.roles,
          department: entry.department ?? null,
          purpose: entry.purpose,
          operationHash: entry.operationHash,
          coordinates: entry.coordinates,
          policyVersion: entry.policyVersion,
        })
        const inserted = await sql<{
          id: string
        }>`insert into access.access_log (at, subject, roles, department, purpose, operation_hash, coordinates, policy_version, prev_hash, hash, format)
          values (${at}, ${entry.subject ?? null}, ${entry.roles as string[]}, ${entry.department ?? null}, ${entry.purpose}, ${entry.operationHash},
                  ${entry.coordinates as string[]}, ${entry.policyVersion}, ${prev}, ${hash}, 2) returning id`.execute(trx)
        await checkpointIfDue(
          trx.withSchema('access') as unknown as QueryCreator<AccessTables>,
          'access_log',
          { seq: Number(inserted.rows[0].id), hash },
          Number(rows[0]?.checkpointed ?? 0),
          keys,
          false,
        )
      })
    },
  }
}

/** The access log's chain (both formats) and its signed checkpoints, as verifyAuditChain does for the audit log. */
export async function verifyAccessLogChain(db: Kysely<any>, keys?: Pick<AuditKeys, 'verifier' | 'every'> | null): Promise<ChainStatus> {
  return verifyChain(db.withSchema('access') as unknown as QueryCreator<AccessTables>, 'access_log', {
    genesis: null,
    verifier: keys?.verifier ?? null,
    every: keys?.every ?? DEFAULT_CHECKPOINT_EVERY,
    readBatch: async (after, limit) => {
      const { rows } = await sql<{
        id: string
        at: string
        subject: string | null
        roles: string[]
        department: string | null
        purpose: string
        operation_hash: string
        coordinates: string[]
        policy_version: string
        prev_hash: string | null
        hash: string
        format: number
      }>`select id, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at, subject, roles, department, purpose,
            operation_hash, coordinates, policy_version, prev_hash, hash, format
          from access.access_log where id > ${after} order by id limit ${limit}`.execute(db)
      return rows.map(r => {
        const content: AccessLogContent = {
          at: r.at,
          subject: r.subject,
          roles: r.roles,
          department: r.department,
          purpose: r.purpose,
          operationHash: r.operation_hash,
          coordinates: r.coordinates,
          policyVersion: Number(r.policy_version),
        }
        const computed = Number(r.format) === 2 ? accessLogHash(r.prev_hash, content) : legacyAccessLogHash(r.prev_hash, content)
        return { id: Number(r.id), prevHash: r.prev_hash, hash: r.hash, computed }
      })
    },
  })
}
