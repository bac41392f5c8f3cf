import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { createDb, type DbHandle } from '../../../lib/db/create-db.js'
import { createDatabase } from '../../../test/helpers/test-database.js'
import { createPolicyStore, type PolicyStore } from './create-policy-store.js'
import { LISTEN_APPLICATION_NAME } from './subscribe-policy-version.js'

let database: Awaited<ReturnType<typeof createDatabase>>
let replicaDb: DbHandle<any>
let adminDb: DbHandle<any>
/** The replica that subscribes, and a second instance on its own pool standing in for another replica's admin API. */
let replica: PolicyStore
let admin: PolicyStore

const NEVER = 600_000 // a poll interval no test waits for: whatever arrives came by NOTIFY

async function waitFor(check: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms: ${what}`)
    await new Promise(r => setTimeout(r, 10))
  }
}

async function change(): Promise<number> {
  const v = await admin.version()
  const { version } = await admin.setGrant({ grant: { role: 'staff', coordinate: 'District.name', effect: v % 2 ? 'ALLOW' : 'DENY', validUntil: null }, expectedVersion: v, actor: 'admin' })
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
      await waitFor(() => seen.includes(version), 1000, `version ${version} by NOTIFY`)
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
      await waitFor(() => seen.at(-1) === last, 5000, `version ${last}`)
      expect(seen.every((v, i) => v > start && (i === 0 || v > seen[i - 1]))).toBe(true)
    } finally {
      await sub.close()
    }
  })

  it('falls back to polling when LISTEN is unavailable', async () => {
    const warnings: string[] = []
    const noListen = createPolicyStore(replicaDb.db, { connectionString: 'postgres://nobody:nothing@127.0.0.1:1/none', logger: { warn: m => warnings.push(m) } })
    const seen: number[] = []
    const sub = await noListen.subscribe(v => seen.push(v), { pollMs: 200 })
    try {
      expect(warnings.join('\n')).toMatch(/LISTEN stadtgraph_policy unavailable/)
      const version = await change()
      await waitFor(() => seen.includes(version), 5000, `version ${version} by polling`)
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
      await waitFor(async () => (await listenBackends()).length === 1, 5000, 'exactly one LISTEN connection')
      const [pid] = await listenBackends()
      await sql`select pg_terminate_backend(${pid})`.execute(adminDb.db)
      await waitFor(async () => { const pids = await listenBackends(); return pids.length === 1 && pids[0] !== pid }, 10_000, 'a new LISTEN connection')
      await waitFor(() => warnings.some(w => /restored/.test(w)), 10_000, 'LISTEN restored')
      const version = await change()
      await waitFor(() => seen.includes(version), 1000, `version ${version} by NOTIFY after reconnecting`)
    } finally {
      await sub.close()
    }
  })

  it('close() ends the LISTEN connection and stops delivery', async () => {
    const seen: number[] = []
    const sub = await replica.subscribe(v => seen.push(v), { pollMs: 20 })
    await waitFor(async () => (await listenBackends()).length === 1, 5000, 'exactly one LISTEN connection')
    await sub.close()
    await waitFor(async () => (await listenBackends()).length === 0, 5000, 'LISTEN connection gone')
    await change()
    await new Promise(r => setTimeout(r, 200)) // ten poll intervals
    expect(seen).toEqual([])
  })
})
