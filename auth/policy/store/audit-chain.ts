import { createHash } from 'node:crypto'
import { sql, type QueryCreator } from 'kysely'
import { checkpointIfDue, verifyChain, type ChainStatus } from './audit-checkpoint.js'
import { DEFAULT_CHECKPOINT_EVERY, type AuditKeys } from './audit-keys.js'
import type { AccessTables } from './db.js'
import { canonicalJson } from '../../../platform/canonical-json.js'

/**
 * The audit log of policy changes as a hash chain: each entry's hash covers its predecessor's, so
 * an edited, removed or reordered entry breaks every check from there on.
 */

/** `prev_hash` of the first audit row. */
export const GENESIS_HASH = '0'.repeat(64)

export interface AuditContent {
  /** ISO timestamp with milliseconds, as `Date#toISOString` writes it. */
  at: string
  actor: string
  action: string
  payload: unknown
}

/** `sha256(prev_hash || canonical JSON of {at, actor, action, payload})`, hex. */
export function auditHash(prevHash: string, content: AuditContent): string {
  const { at, actor, action, payload } = content
  return createHash('sha256').update(prevHash).update(canonicalJson({ at, actor, action, payload })).digest('hex')
}

export interface AuditEntry {
  id: number
  at: Date
  actor: string
  action: string
  payload: unknown
  prevHash: string
  hash: string
}
/** The chain and its signed checkpoints (audit-checkpoint.ts); `checked`: entries verified before the first problem. */
export type AuditChainStatus = ChainStatus

type Access = QueryCreator<AccessTables>

/**
 * Appends one entry linked to the newest one, and signs a checkpoint over it when `checkpoint`
 * forces one (a policy change) or one is due (audit-checkpoint.ts). The caller holds the
 * policy_version row lock, which serialises appends, so "newest" cannot change under us.
 */
export async function appendAuditEntry(
  a: Access,
  entry: { actor: string; action: string; payload: Record<string, unknown> },
  checkpoint: { keys: AuditKeys | null | undefined; force: boolean } = { keys: null, force: false },
): Promise<void> {
  // Without a signer the checkpoint table is not read: migration 0005 appends before 0006 creates it.
  const checkpointed = checkpoint.keys?.signer
    ? sql<string | null>`(select max(seq) from access.audit_checkpoint where log = 'audit_log')`
    : sql<null>`null`
  const last = await a
    .selectFrom('audit_log')
    .select(['hash', checkpointed.as('checkpointed')])
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
  const prevHash = last?.hash ?? GENESIS_HASH
  const at = new Date().toISOString()
  // Hash what jsonb will give back: plain JSON, no undefined members.
  const payload = JSON.parse(JSON.stringify(entry.payload)) as unknown
  const hash = auditHash(prevHash, { at, actor: entry.actor, action: entry.action, payload })
  const row = await a
    .insertInto('audit_log')
    .values({ at, actor: entry.actor, action: entry.action, payload: JSON.stringify(payload), prev_hash: prevHash, hash })
    .returning('id')
    .executeTakeFirstOrThrow()
  await checkpointIfDue(a, 'audit_log', { seq: Number(row.id), hash }, Number(last?.checkpointed ?? 0), checkpoint.keys, checkpoint.force)
}

/**
 * Walks the chain in id order with its checkpoints: the first entry whose link or hash does not
 * match, or the first checkpoint whose signature does not vouch for the chain as it is, is the
 * break. Without `keys` no checkpoint can be verified (each one is reported as signed by an
 * unknown key).
 */
export async function verifyAuditChain(a: Access, keys?: Pick<AuditKeys, 'verifier' | 'every'> | null): Promise<AuditChainStatus> {
  return verifyChain(a, 'audit_log', {
    genesis: GENESIS_HASH,
    verifier: keys?.verifier ?? null,
    every: keys?.every ?? DEFAULT_CHECKPOINT_EVERY,
    readBatch: async (after, limit) => {
      // `at` rendered exactly as toISOString wrote it when the entry was hashed.
      const rows = await a
        .selectFrom('audit_log')
        .select([
          'id',
          sql<string>`to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`.as('at'),
          'actor',
          'action',
          'payload',
          'prev_hash',
          'hash',
        ])
        .where('id', '>', after)
        .orderBy('id')
        .limit(limit)
        .execute()
      return rows.map(r => ({
        id: Number(r.id),
        prevHash: r.prev_hash,
        hash: r.hash,
        computed: auditHash(r.prev_hash, { at: r.at, actor: r.actor, action: r.action, payload: r.payload }),
      }))
    },
  })
}
