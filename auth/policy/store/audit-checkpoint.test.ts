import { createHash, createPublicKey, generateKeyPairSync } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { createDb, type DbHandle } from '../../../platform/db/create-db.js'
import { createDatabase } from '../../../test/helpers/test-database.js'
import { createAccessLog, type AccessLogEntry } from '../../audit/access-log.js'
import { loadAuditKeys, parsePrivateKey, type AuditKeys } from './audit-keys.js'
import { createPolicyStore, type PolicyStore } from './create-policy-store.js'

/**
 * Tamper evidence against someone who can write the database (case T42, docs/access-control.md#audit-log-and-checkpoints): the hash
 * chains are recomputable by anyone, the checkpoint signatures are not.
 */

let database: Awaited<ReturnType<typeof createDatabase>>
let handle: DbHandle<any>

const rawKey = () => generateKeyPairSync('ed25519').privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(-32).toString('base64')
const EVERY = 4
const signingKey = rawKey()
const keys: AuditKeys = loadAuditKeys({ AUDIT_SIGNING_KEY: signingKey, AUDIT_CHECKPOINT_EVERY: String(EVERY), NODE_ENV: 'production' })

const run = (statement: string) => sql.raw(statement).execute(handle.db)
const rows = async <T>(statement: string) => (await sql.raw<T>(statement).execute(handle.db)).rows

/** As a superuser: with the append-only trigger off for the duration of `fn`. */
async function asSuperuser(table: string, trigger: string, fn: () => Promise<unknown>) {
  await run(`alter table access.${table} disable trigger ${trigger}`)
  try {
    await fn()
  } finally {
    await run(`alter table access.${table} enable trigger ${trigger}`)
  }
}

/** Written independently of audit-chain.ts: sorted keys at every level, no whitespace. */
function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map(k => `${JSON.stringify(k)}:${sortedJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`
  }
  return JSON.stringify(value)
}
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')
const ISO_AT = `to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`

/** The attack on the audit log: edit entry `id`, then recompute the hash of it and of every following entry. */
async function rewriteAuditLog(id: number, edit: string) {
  await asSuperuser('audit_log', 'audit_log_append_only', async () => {
    await run(`update access.audit_log set ${edit} where id = ${id}`)
    let prev = (await rows<{ prev_hash: string }>(`select prev_hash from access.audit_log where id = ${id}`))[0].prev_hash
    for (const r of await rows<{ id: string; at: string; actor: string; action: string; payload: unknown }>(
      `select id, ${ISO_AT} as at, actor, action, payload from access.audit_log where id >= ${id} order by id`,
    )) {
      const hash = sha256(prev + sortedJson({ at: r.at, actor: r.actor, action: r.action, payload: r.payload }))
      await run(`update access.audit_log set prev_hash = '${prev}', hash = '${hash}' where id = ${r.id}`)
      prev = hash
    }
  })
}

/** The same attack on the access log (format 2 entries). */
async function rewriteAccessLog(id: number, edit: string) {
  await asSuperuser('access_log', 'access_log_append_only', async () => {
    await run(`update access.access_log set ${edit} where id = ${id}`)
    let prev = (await rows<{ prev_hash: string | null }>(`select prev_hash from access.access_log where id = ${id}`))[0].prev_hash
    for (const r of await rows<any>(`select id, ${ISO_AT} as at, subject, roles, department, purpose, operation_hash, coordinates, policy_version
        from access.access_log where id >= ${id} order by id`)) {
      const hash = sha256(
        (prev ?? '0'.repeat(64)) +
          sortedJson({
            at: r.at,
            subject: r.subject,
            roles: r.roles,
            department: r.department,
            purpose: r.purpose,
            operationHash: r.operation_hash,
            coordinates: r.coordinates,
            policyVersion: Number(r.policy_version),
          }),
      )
      await run(`update access.access_log set prev_hash = ${prev === null ? 'null' : `'${prev}'`}, hash = '${hash}' where id = ${r.id}`)
      prev = hash
    }
  })
}

const entry = (i: number): AccessLogEntry => ({
  subject: `caseworker-${i}`,
  roles: ['staff'],
  department: 'asylum',
  purpose: 'Unterbringungsplanung',
  operationHash: sha256(`query ${i}`),
  coordinates: ['AllocationRecord.religion'],
  policyVersion: 3,
})

beforeAll(async () => {
  database = await createDatabase(inject('adminUrl'), 'sg_audit_checkpoint')
  handle = createDb(database.url, { max: 4 })
  await createPolicyStore(handle.db).migrate()
})
afterAll(async () => {
  await handle?.close()
  await database?.drop()
})

/** A fresh start for each scenario: the logs are append-only, so the tables go and come back. */
async function resetLogs() {
  await asSuperuser('audit_log', 'audit_log_no_truncate', () => run('truncate access.audit_log restart identity'))
  await asSuperuser('access_log', 'access_log_no_truncate', () => run('truncate access.access_log restart identity'))
  await asSuperuser('audit_checkpoint', 'audit_checkpoint_no_truncate', () => run('truncate access.audit_checkpoint restart identity'))
  await run('delete from access.role')
  await run('update access.policy_version set version = 0')
}

async function policyChanges(store: PolicyStore, n: number) {
  let version = await store.version()
  for (let i = 0; i < n; i++) {
    ;({ version } = await store.upsertRole({
      role: { name: `role_${i}`, description: '', scopes: ['open'], aggregateOnly: false, admin: false, validFrom: null, validUntil: null },
      expectedVersion: version,
      actor: 'admin-a',
    }))
  }
}
async function adminReads(store: PolicyStore, n: number) {
  for (let i = 0; i < n; i++) await store.recordAdminRead({ actor: 'admin-a', action: 'read.exportPolicy', payload: { i } })
}
const checkpointSeqs = async (log: string) =>
  (await rows<{ seq: string }>(`select seq from access.audit_checkpoint where log = '${log}' order by seq`)).map(r => Number(r.seq))
const auditIds = async () => (await rows<{ id: string }>('select id from access.audit_log order by id')).map(r => Number(r.id))

describe('audit log checkpoints', () => {
  it('signs at every policy change and at least every N entries otherwise; verify reports ok with the newest checkpoint', async () => {
    await resetLogs()
    const store = createPolicyStore(handle.db, { audit: keys })
    await policyChanges(store, 2)
    await adminReads(store, 9)
    const ids = await auditIds()
    expect(ids).toHaveLength(11)
    // Two policy changes signed at once; then a read every EVERY entries past the newest checkpoint.
    expect(await checkpointSeqs('audit_log')).toEqual([ids[0], ids[1], ids[5], ids[9]])
    expect(await store.verifyAuditChain()).toEqual({
      log: 'audit_log',
      ok: true,
      state: 'ok',
      checked: 11,
      brokenAt: null,
      badSignatureAt: null,
      signedThrough: ids[9],
      unsigned: 1,
      checkpoints: 4,
      message: `audit_log: ok, 11 entries, 4 checkpoints verified (newest at seq ${ids[9]}), 1 newest entries not yet signed`,
    })
  })

  it('the attack: a row rewritten and the whole chain recomputed passes the chain check but not the signature', async () => {
    const store = createPolicyStore(handle.db, { audit: keys })
    const ids = await auditIds()
    await rewriteAuditLog(ids[3], `actor = 'mallory'`)
    // Without the signatures the rewrite is invisible: every link and hash matches.
    const chainOnly = createPolicyStore(handle.db, { audit: { ...keys, verifier: { keyIds: [], verify: () => true } } })
    expect(await chainOnly.verifyAuditChain()).toMatchObject({ ok: true, checked: 11 })
    // The first checkpoint at or after the rewritten entry no longer vouches for the chain.
    expect(await store.verifyAuditChain()).toMatchObject({
      ok: false,
      state: 'bad-signature',
      badSignatureAt: ids[5],
      brokenAt: null,
      checked: 6,
      signedThrough: ids[1],
      message: `audit_log: checkpoint at seq ${ids[5]} has a BAD SIGNATURE: entry ${ids[5]} no longer has the hash that was signed: entries up to it were rewritten`,
    })
  })

  it("an attacker who also rewrites the checkpoint's head hash or signs with a key of their own still fails", async () => {
    const store = createPolicyStore(handle.db, { audit: keys })
    const ids = await auditIds()
    const head = (await rows<{ hash: string }>(`select hash from access.audit_log where id = ${ids[5]}`))[0].hash
    await asSuperuser('audit_checkpoint', 'audit_checkpoint_append_only', () =>
      run(`update access.audit_checkpoint set head_hash = '${head}' where seq = ${ids[5]}`),
    )
    expect(await store.verifyAuditChain()).toMatchObject({
      state: 'bad-signature',
      badSignatureAt: ids[5],
      message: expect.stringMatching(/the signature does not match \(forged or altered checkpoint\)$/),
    })
    // Re-signed with the attacker's key: not among the verify keys.
    const mallory = loadAuditKeys({ AUDIT_SIGNING_KEY: rawKey() })
    await asSuperuser('audit_checkpoint', 'audit_checkpoint_append_only', async () => {
      for (const seq of await checkpointSeqs('audit_log')) {
        const { hash } = (await rows<{ hash: string }>(`select hash from access.audit_log where id = ${seq}`))[0]
        const signature = mallory.signer!.sign(`stadtgraph-audit-checkpoint/1\naudit_log\n${seq}\n${hash}`)
        await run(
          `update access.audit_checkpoint set head_hash = '${hash}', key_id = '${mallory.signer!.keyId}', signature = '${signature}' where log = 'audit_log' and seq = ${seq}`,
        )
      }
    })
    expect(await store.verifyAuditChain()).toMatchObject({
      state: 'bad-signature',
      badSignatureAt: ids[0],
      checked: 1,
      message: `audit_log: checkpoint at seq ${ids[0]} has a BAD SIGNATURE: signed with key ${mallory.signer!.keyId}, which is not among the verify keys (AUDIT_VERIFY_KEY)`,
    })
  })

  it('an attacker who deletes the checkpoints leaves the entries unsigned, and verify says how many', async () => {
    const store = createPolicyStore(handle.db, { audit: keys })
    await asSuperuser('audit_checkpoint', 'audit_checkpoint_append_only', () =>
      run(`delete from access.audit_checkpoint where log = 'audit_log'`),
    )
    expect(await store.verifyAuditChain()).toMatchObject({
      ok: false,
      state: 'unsigned',
      unsigned: 11,
      signedThrough: null,
      checked: 11,
      message: `audit_log: 11 entries after no checkpoint are UNSIGNED (writers leave at most ${EVERY - 1}): checkpoints were removed or a writer has no signing key`,
    })
  })

  it('a checkpoint naming an entry that was deleted is reported (a removed tail too)', async () => {
    await resetLogs()
    const store = createPolicyStore(handle.db, { audit: keys })
    await policyChanges(store, 3)
    const ids = await auditIds()
    await asSuperuser('audit_log', 'audit_log_append_only', () => run(`delete from access.audit_log where id = ${ids[2]}`))
    expect(await store.verifyAuditChain()).toMatchObject({
      ok: false,
      state: 'bad-signature',
      badSignatureAt: ids[2],
      checked: 2,
      message: `audit_log: checkpoint at seq ${ids[2]} has a BAD SIGNATURE: it names entry ${ids[2]}, which is missing`,
    })
  })

  it('a broken link is reported as the break, before any checkpoint after it', async () => {
    await resetLogs()
    const store = createPolicyStore(handle.db, { audit: keys })
    await policyChanges(store, 3)
    const ids = await auditIds()
    await asSuperuser('audit_log', 'audit_log_append_only', () => run(`update access.audit_log set actor = 'mallory' where id = ${ids[1]}`))
    expect(await store.verifyAuditChain()).toMatchObject({
      ok: false,
      state: 'broken',
      brokenAt: ids[1],
      checked: 1,
      signedThrough: ids[0],
      message: `audit_log: chain BROKEN at seq ${ids[1]} (1 entries verified before it)`,
    })
  })

  it('after a key rotation old checkpoints verify with the old public key kept in AUDIT_VERIFY_KEY', async () => {
    await resetLogs()
    const oldKeys = keys
    await policyChanges(createPolicyStore(handle.db, { audit: oldKeys }), 2)
    const oldPublic = createPublicKey(parsePrivateKey(signingKey)).export({ format: 'pem', type: 'spki' }).toString()
    const newKey = rawKey()
    const rotated = loadAuditKeys({ AUDIT_SIGNING_KEY: newKey, AUDIT_VERIFY_KEY: oldPublic, AUDIT_CHECKPOINT_EVERY: String(EVERY) })
    const store = createPolicyStore(handle.db, { audit: rotated })
    await policyChanges(store, 1)
    expect(new Set((await rows<{ key_id: string }>('select key_id from access.audit_checkpoint')).map(r => r.key_id))).toEqual(
      new Set([oldKeys.signer!.keyId, rotated.signer!.keyId]),
    )
    expect(await store.verifyAuditChain()).toMatchObject({ ok: true, checkpoints: 3 })
    // Without the old public key the old checkpoints cannot be trusted.
    const forgetful = createPolicyStore(handle.db, { audit: loadAuditKeys({ AUDIT_SIGNING_KEY: newKey }) })
    expect(await forgetful.verifyAuditChain()).toMatchObject({
      ok: false,
      state: 'bad-signature',
      message: expect.stringContaining(`signed with key ${oldKeys.signer!.keyId}`),
    })
  })

  it('checkpointNow signs the heads of both logs once', async () => {
    await resetLogs()
    const unsignedStore = createPolicyStore(handle.db)
    await adminReads(unsignedStore, EVERY + 1)
    const log = createAccessLog(handle.db)
    for (let i = 0; i < EVERY + 2; i++) await log.write(entry(i))
    const store = createPolicyStore(handle.db, { audit: keys })
    expect(await store.verifyAuditChain()).toMatchObject({ state: 'unsigned', unsigned: EVERY + 1 })
    expect(await store.verifyAccessLogChain()).toMatchObject({ state: 'unsigned', unsigned: EVERY + 2 })
    const ids = await auditIds()
    const accessHead = Number((await rows<{ id: string }>('select max(id) as id from access.access_log'))[0].id)
    expect(await store.checkpointNow()).toEqual({ auditLog: ids.at(-1), accessLog: accessHead })
    expect(await store.checkpointNow()).toEqual({ auditLog: ids.at(-1), accessLog: accessHead })
    expect(await rows('select log, seq::int from access.audit_checkpoint order by log')).toEqual([
      { log: 'access_log', seq: accessHead },
      { log: 'audit_log', seq: ids.at(-1) },
    ])
    expect(await store.verifyAuditChain()).toMatchObject({ ok: true, unsigned: 0 })
    expect(await store.verifyAccessLogChain()).toMatchObject({ ok: true, unsigned: 0 })
  })
})

describe('personal-data access log', () => {
  it('chains concurrent writes in one order and signs a checkpoint every N entries (one insert more per N reads)', async () => {
    await resetLogs()
    const log = createAccessLog(handle.db, keys)
    const n = 25
    // An anonymous caller without department among them: null, however the caller left it out.
    await Promise.all(
      Array.from({ length: n }, (_, i) =>
        log.write(i === 0 ? { ...entry(i), subject: undefined as unknown as null, department: undefined as unknown as null } : entry(i)),
      ),
    )
    const written = await rows<{ id: string; subject: string; prev_hash: string | null; hash: string; format: number }>(
      'select id, subject, prev_hash, hash, format from access.access_log order by id',
    )
    expect(written).toHaveLength(n)
    expect(new Set(written.map(r => r.subject)).size).toBe(n)
    expect(written.map(r => r.subject)).toContain(null)
    expect(written.every(r => r.format === 2)).toBe(true)
    expect(written[0].prev_hash).toBeNull()
    for (let i = 1; i < n; i++) expect(written[i].prev_hash).toBe(written[i - 1].hash)
    const ids = written.map(r => Number(r.id))
    // Ids are consecutive here, so exactly every EVERY-th entry carries a checkpoint.
    expect(await checkpointSeqs('access_log')).toEqual(ids.filter((_, i) => (i + 1) % EVERY === 0))
    const store = createPolicyStore(handle.db, { audit: keys })
    expect(await store.verifyAccessLogChain()).toMatchObject({
      log: 'access_log',
      ok: true,
      state: 'ok',
      checked: n,
      checkpoints: Math.floor(n / EVERY),
      unsigned: n % EVERY,
      signedThrough: ids[n - 1 - (n % EVERY)],
    })
  })

  it('hashes what it records, time included, as an independent computation gives it', async () => {
    const [r] =
      await rows<any>(`select ${ISO_AT} as at, subject, roles, department, purpose, operation_hash, coordinates, policy_version, prev_hash, hash
      from access.access_log order by id desc limit 1`)
    expect(r.hash).toBe(
      sha256(
        r.prev_hash +
          sortedJson({
            at: r.at,
            coordinates: r.coordinates,
            department: r.department,
            operationHash: r.operation_hash,
            policyVersion: Number(r.policy_version),
            purpose: r.purpose,
            roles: r.roles,
            subject: r.subject,
          }),
      ),
    )
  })

  it.each([
    ['update', `update access.access_log set purpose = 'none'`],
    ['delete', 'delete from access.access_log'],
    ['truncate', 'truncate access.access_log'],
    ['update of a checkpoint', `update access.audit_checkpoint set key_id = '0000000000000000'`],
    ['delete of a checkpoint', 'delete from access.audit_checkpoint'],
    ['truncate of the checkpoints', 'truncate access.audit_checkpoint'],
  ])('refuses a direct %s in SQL', async (_op, statement) => {
    const before = await rows(
      'select count(*)::int as n from access.access_log union all select count(*)::int from access.audit_checkpoint',
    )
    await expect(run(statement)).rejects.toThrow(/is append-only: (UPDATE|DELETE|TRUNCATE) refused/)
    expect(
      await rows('select count(*)::int as n from access.access_log union all select count(*)::int from access.audit_checkpoint'),
    ).toEqual(before)
  })

  it('the attack: an entry rewritten (who read, and when) and the chain recomputed fails on the signature', async () => {
    const store = createPolicyStore(handle.db, { audit: keys })
    const ids = (await rows<{ id: string }>('select id from access.access_log order by id')).map(r => Number(r.id))
    await rewriteAccessLog(ids[5], `subject = 'someone-else', at = at - interval '1 day'`)
    const chainOnly = createPolicyStore(handle.db, { audit: { ...keys, verifier: { keyIds: [], verify: () => true } } })
    expect(await chainOnly.verifyAccessLogChain()).toMatchObject({ ok: true, checked: 25 })
    expect(await store.verifyAccessLogChain()).toMatchObject({
      ok: false,
      state: 'bad-signature',
      badSignatureAt: ids[7],
      checked: 8,
      signedThrough: ids[3],
      message: `access_log: checkpoint at seq ${ids[7]} has a BAD SIGNATURE: entry ${ids[7]} no longer has the hash that was signed: entries up to it were rewritten`,
    })
  })

  it('verifies entries written before migration 0006 (format 1) and continues the chain from them', async () => {
    await resetLogs()
    // As the access log wrote them before: no `at` in the hash, `prev|json` of the fields.
    let prev: string | null = null
    for (let i = 0; i < 3; i++) {
      const e = entry(i)
      const hash = sha256(
        `${prev ?? ''}|${JSON.stringify([e.subject, e.roles, e.department, e.purpose, e.operationHash, e.coordinates, e.policyVersion])}`,
      )
      await sql`insert into access.access_log (subject, roles, department, purpose, operation_hash, coordinates, policy_version, prev_hash, hash)
        values (${e.subject}, ${e.roles as string[]}, ${e.department}, ${e.purpose}, ${e.operationHash}, ${e.coordinates as string[]}, ${e.policyVersion}, ${prev}, ${hash})`.execute(
        handle.db,
      )
      prev = hash
    }
    const log = createAccessLog(handle.db, keys)
    await log.write(entry(3))
    const store = createPolicyStore(handle.db, { audit: keys })
    expect(await rows('select format from access.access_log order by id')).toEqual([
      { format: 1 },
      { format: 1 },
      { format: 1 },
      { format: 2 },
    ])
    expect(await store.verifyAccessLogChain()).toMatchObject({ ok: true, checked: 4, checkpoints: 1, unsigned: 0 })
    // A format-1 entry edited without recomputing is a break there.
    const [first] = await rows<{ id: string }>('select min(id) as id from access.access_log')
    await asSuperuser('access_log', 'access_log_append_only', () =>
      run(`update access.access_log set purpose = 'other' where id = ${first.id}`),
    )
    expect(await store.verifyAccessLogChain()).toMatchObject({ ok: false, state: 'broken', brokenAt: Number(first.id), checked: 0 })
  })
})
