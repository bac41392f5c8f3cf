import { sql, type Kysely, type QueryCreator } from 'kysely'
import type { AccessTables } from './db.js'
import type { AuditKeys, AuditVerifier } from './audit-keys.js'

/**
 * Signed checkpoints of the hash-chained logs (`access.audit_log`, `access.access_log`). A
 * checkpoint is an Ed25519 signature over one entry's sequence number (its id) and hash, so it
 * vouches for that entry and, through the chain, for every entry before it. The key is not in the
 * database: whoever rewrites entries and recomputes the chain cannot re-sign the head.
 */

export type ChainLog = 'audit_log' | 'access_log'

type Access = QueryCreator<AccessTables>

/** The exact bytes signed; the log's name keeps a checkpoint from being moved to the other log. */
export function checkpointMessage(log: ChainLog, seq: number, hash: string): string {
  return `stadtgraph-audit-checkpoint/1\n${log}\n${seq}\n${hash}`
}

/**
 * Called by a writer that holds its log's append lock, right after appending entry `head`:
 * signs a checkpoint when `force` (a policy change) or when `head` is at least `keys.every`
 * sequence numbers past the log's newest checkpoint (`lastSeq`, 0 without one). Sequence gaps
 * only make checkpoints come earlier, so at most `every - 1` entries ever wait for one. Without a
 * signing key nothing is written (the verifier then reports the entries as unsigned).
 */
export async function checkpointIfDue(
  a: Access,
  log: ChainLog,
  head: { seq: number; hash: string },
  lastSeq: number,
  keys: AuditKeys | null | undefined,
  force: boolean,
): Promise<boolean> {
  const signer = keys?.signer
  if (!signer || (!force && head.seq - lastSeq < keys.every)) return false
  await a
    .insertInto('audit_checkpoint')
    .values({
      log,
      seq: head.seq,
      head_hash: head.hash,
      key_id: signer.keyId,
      signature: signer.sign(checkpointMessage(log, head.seq, head.hash)),
    })
    .execute()
  return true
}

/** One entry as read for verification: its link, its stored hash and the hash recomputed from its content. */
export interface ChainRow {
  id: number
  prevHash: string | null
  hash: string
  computed: string
}

export type ChainState = 'ok' | 'broken' | 'bad-signature' | 'unsigned'

export interface ChainStatus {
  log: ChainLog
  /** True only for `ok`: the chain links, every checkpoint verifies, fewer than `every` entries wait for one. */
  ok: boolean
  state: ChainState
  /** Entries verified before the first problem (all of them when ok). */
  checked: number
  /** Id of the first entry whose link or hash does not match. */
  brokenAt: number | null
  /** Sequence number of the first checkpoint that does not vouch for the chain as it is. */
  badSignatureAt: number | null
  /** Sequence number of the newest checkpoint verified, null without one. */
  signedThrough: number | null
  /** Entries after `signedThrough` (no checkpoint covers them yet). */
  unsigned: number
  /** Checkpoints verified. */
  checkpoints: number
  /** One line for people: what was checked, what failed and where. */
  message: string
}

const BATCH = 1000

/**
 * Walks `log` in id order (`readBatch(after, limit)` gives the entries with id > after) and its
 * checkpoints alongside. The first problem in sequence order is reported: a broken link or hash,
 * a checkpoint whose signature does not verify over the entry's *current* hash (a rewritten and
 * re-chained entry lands here), a checkpoint naming an entry that is gone, or more unsigned
 * entries at the end than writers leave (`every - 1`: checkpoints were removed or not written).
 */
export async function verifyChain(
  a: Access,
  log: ChainLog,
  opts: {
    genesis: string | null
    readBatch: (after: number, limit: number) => Promise<ChainRow[]>
    verifier: AuditVerifier | null
    every: number
  },
): Promise<ChainStatus> {
  let prev = opts.genesis
  let after = 0
  let checked = 0
  let signedThrough: number | null = null
  let unsigned = 0
  let checkpoints = 0
  const status = (state: ChainState, at: number | null, message: string): ChainStatus => ({
    log,
    ok: state === 'ok',
    state,
    checked,
    brokenAt: state === 'broken' ? at : null,
    badSignatureAt: state === 'bad-signature' ? at : null,
    signedThrough,
    unsigned,
    checkpoints,
    message: `${log}: ${message}`,
  })
  const badSignature = (seq: number, why: string) => status('bad-signature', seq, `checkpoint at seq ${seq} has a BAD SIGNATURE: ${why}`)

  for (;;) {
    const rows = await opts.readBatch(after, BATCH)
    let q = a
      .selectFrom('audit_checkpoint')
      .select(['seq', 'head_hash', 'key_id', 'signature'])
      .where('log', '=', log)
      .where('seq', '>', after)
    if (rows.length) q = q.where('seq', '<=', rows[rows.length - 1].id)
    const cps = (
      await q
        .orderBy('seq')
        .limit(rows.length ? BATCH : 1)
        .execute()
    ).map(c => ({ ...c, seq: Number(c.seq) }))
    let next = 0
    for (const row of rows) {
      const cp = cps[next]
      if (cp && cp.seq < row.id) return badSignature(cp.seq, `it names entry ${cp.seq}, which is missing`)
      if (row.prevHash !== prev || row.computed !== row.hash) {
        return status('broken', row.id, `chain BROKEN at seq ${row.id} (${checked} entries verified before it)`)
      }
      prev = row.hash
      after = row.id
      checked++
      unsigned++
      if (cp && cp.seq === row.id) {
        next++
        const valid = opts.verifier?.verify(cp.key_id, checkpointMessage(log, row.id, row.hash), cp.signature) ?? null
        if (valid === null)
          return badSignature(row.id, `signed with key ${cp.key_id}, which is not among the verify keys (AUDIT_VERIFY_KEY)`)
        if (!valid) {
          return badSignature(
            row.id,
            cp.head_hash !== row.hash
              ? `entry ${row.id} no longer has the hash that was signed: entries up to it were rewritten`
              : 'the signature does not match (forged or altered checkpoint)',
          )
        }
        signedThrough = row.id
        unsigned = 0
        checkpoints++
      }
    }
    if (rows.length === 0) {
      if (cps.length) return badSignature(cps[0].seq, `it names entry ${cps[0].seq}, which is missing`)
      break
    }
  }
  const since = signedThrough === null ? 'no checkpoint' : `the checkpoint at seq ${signedThrough}`
  if (unsigned >= opts.every) {
    return status(
      'unsigned',
      null,
      `${unsigned} entries after ${since} are UNSIGNED (writers leave at most ${opts.every - 1}): checkpoints were removed or a writer has no signing key`,
    )
  }
  return status(
    'ok',
    null,
    `ok, ${checked} entries, ${checkpoints} checkpoints verified${signedThrough === null ? '' : ` (newest at seq ${signedThrough})`}, ${unsigned} newest entries not yet signed`,
  )
}

/**
 * Signs the newest entry of `log` now, unless a checkpoint already covers it; returns the seq
 * covered (null for an empty log). The caller holds the log's append lock.
 */
export async function checkpointHead(trx: Kysely<any>, log: ChainLog, keys: AuditKeys): Promise<number | null> {
  const { rows } = await sql<{ id: string; hash: string; signed: boolean }>`select id, hash,
      exists (select 1 from access.audit_checkpoint c where c.log = ${log} and c.seq = l.id) as signed
    from ${sql.table(`access.${log}`)} l order by id desc limit 1`.execute(trx)
  if (rows.length === 0) return null
  const head = { seq: Number(rows[0].id), hash: rows[0].hash }
  if (!rows[0].signed) await checkpointIfDue(trx.withSchema('access') as unknown as Access, log, head, 0, keys, true)
  return head.seq
}
