import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { createDb, type DbHandle } from '../../../platform/db/create-db.js'
import { createDatabase } from '../../../test/helpers/test-database.js'
import { waitFor } from '../../../test/helpers/wait-for.js'
import { createPolicyStore, type PolicyStore } from './create-policy-store.js'
import { LISTEN_APPLICATION_NAME } from './subscribe-policy-version.js'

let database: Awaited<ReturnType<typeof createDatabase>>
let replicaDb: DbHandle<any>
let adminDb: DbHandle<any>
/** The replica that subscribes, and a second instance on its own pool standing in for another replica's admin API. */
let replica: PolicyStore
let admin: PolicyStore

const NEVER = 600_000 // a poll interval no test waits for: whatever arrives came by NOTIFY

async function change(): Promise<number> {
  const v = await admin.version()
  const { version } = await admin.setGrant({
    grant: { role: 'staff', coordinate: 'District.name', effect: v % 2 ? 'ALLOW' : 'DENY', validUntil: null },
    expectedVersion: v,
    actor: 'admin',
  })
  return version
}

async function listenBackends(): Promise<number[]> {
  const { rows } = await sql<{ pid: number }>`select pid from pg_stat_activity
    where datname = ${database.name} and application_name = ${LISTEN_APPLICATION_NAME}`.execute(adminDb.db)
  return rows.map(r => r.pid)
}

beforeAll(async () => {
  database = await createDatabase(inject('adminUrl'), 'sg_policy_notify')
  replicaDb = createDb(database.url, { max: 2 })
  adminDb = createDb(database.url, { max: 2 })
  replica = createPolicyStore(replicaDb.db, { connectionString: database.url })
  admin = createPolicyStore(adminDb.db, { connectionString: database.url })
  await admin.migrate()
  await admin.seedDefaults()
})
afterAll(async () => {
  await replicaDb?.close()
  await adminDb?.close()
  await database?.drop()
})

describe('subscribe', () => {
  it('delivers a change made through another instance within 1 s by NOTIFY', async () => {
    const seen: number[] = []
    const sub = await replica.subscribe(v => seen.push(v), { pollMs: NEVER })
    try {
      const version = await change()
      await waitFor(`version ${version} by NOTIFY`, () => seen.includes(version), { timeoutMs: 1_000 })
      expect(seen).toEqual([version])
    } finally {
      await sub.close()
    }
  })

  it('delivers increasing versions only once each, whichever of NOTIFY and polling comes first', async () => {
    const seen: number[] = []
    const start = await replica.version()
    const sub = await replica.subscribe(v => seen.push(v), { pollMs: 20 })
    try {
      let last = start
      for (let i = 0; i < 5; i++) last = await change()
      await waitFor(`version ${last}`, () => seen.at(-1) === last)
      expect(seen.every((v, i) => v > start && (i === 0 || v > seen[i - 1]))).toBe(true)
    } finally {
      await sub.close()
    }
  })

  it('falls back to polling when LISTEN is unavailable', async () => {
    const warnings: string[] = []
    const noListen = createPolicyStore(replicaDb.db, {
      connectionString: 'postgres://nobody:nothing@127.0.0.1:1/none',
      logger: { warn: m => warnings.push(m) },
    })
    const seen: number[] = []
    const sub = await noListen.subscribe(v => seen.push(v), { pollMs: 200 })
    try {
      expect(warnings.join('\n')).toMatch(/LISTEN stadtgraph_policy unavailable/)
      const version = await change()
      await waitFor(`version ${version} by polling`, () => seen.includes(version))
      expect(seen).toEqual([version])
    } finally {
      await sub.close()
    }
  })

  it('catches up from `since` right away', async () => {
    const current = await replica.version()
    const seen: number[] = []
    const sub = await replica.subscribe(v => seen.push(v), { pollMs: NEVER, since: current - 1 })
    try {
      expect(seen).toEqual([current])
    } finally {
      await sub.close()
    }
  })

  it('reconnects the LISTEN connection after the server drops it', async () => {
    const warnings: string[] = []
    const store = createPolicyStore(replicaDb.db, { connectionString: database.url, logger: { warn: m => warnings.push(m) } })
    const seen: number[] = []
    const sub = await store.subscribe(v => seen.push(v), { pollMs: NEVER })
    try {
      // Earlier tests' connections may still be on their way out.
      await waitFor('exactly one LISTEN connection', async () => (await listenBackends()).length === 1)
      const [pid] = await listenBackends()
      await sql`select pg_terminate_backend(${pid})`.execute(adminDb.db)
      await waitFor(
        'a new LISTEN connection',
        async () => {
          const pids = await listenBackends()
          return pids.length === 1 && pids[0] !== pid
        },
        { timeoutMs: 10_000 },
      )
      await waitFor('LISTEN restored', () => warnings.some(w => /restored/.test(w)), { timeoutMs: 10_000 })
      const version = await change()
      await waitFor(`version ${version} by NOTIFY after reconnecting`, () => seen.includes(version), { timeoutMs: 1_000 })
    } finally {
      await sub.close()
    }
  })

  it('close() ends the LISTEN connection and stops delivery', async () => {
    const seen: number[] = []
    const sub = await replica.subscribe(v => seen.push(v), { pollMs: 20 })
    await waitFor('exactly one LISTEN connection', async () => (await listenBackends()).length === 1)
    await sub.close()
    await waitFor('LISTEN connection gone', async () => (await listenBackends()).length === 0)
    await change()
    await new Promise(r => setTimeout(r, 200)) // ten poll intervals: the silence is what is tested, not a wait
    expect(seen).toEqual([])
  })
})
