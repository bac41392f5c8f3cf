import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest'
import { createDb, type DbHandle } from '../../platform/db/create-db.js'
import { createPolicyStore, type PolicyStore } from '../../auth/policy/store/create-policy-store.js'
import { createDatabase } from '../../test/helpers/test-database.js'
import { createPolicyRuntime } from './policy-runtime.js'

// A replica's heartbeat against a real policy database: it reports while the replica runs, and once
// close() has resolved nothing reports any more — no beat, no supergraph report, no error about a closed pool.

let database: Awaited<ReturnType<typeof createDatabase>>
let handle: DbHandle<any>
let store: PolicyStore

beforeAll(async () => {
  database = await createDatabase(inject('adminUrl'), 'sg_policy_runtime')
  handle = createDb(database.url)
  store = createPolicyStore(handle.db)
})
afterAll(async () => {
  await handle?.close()
  await database?.drop()
})

const seenAt = async (id: string) => (await store.replicas()).find(r => r.id === id)?.seenAt.getTime()

describe('policy runtime: the replica heartbeat', () => {
  it('beats while the replica runs and stops with close(): nothing reports afterwards', async () => {
    const runtime = await createPolicyRuntime({ databaseUrl: database.url, replicaId: 'beat', heartbeatMs: 20 })
    const first = await seenAt('beat')
    expect(first).toBeDefined()
    await expect.poll(() => seenAt('beat'), { timeout: 5_000 }).toBeGreaterThan(first!)

    const errors = vi.spyOn(console, 'error')
    try {
      await runtime.close()
      const closedAt = await seenAt('beat')
      runtime.reportSupergraph({ hash: 'after-close', loadedAt: new Date() })
      await new Promise(resolve => setTimeout(resolve, 150))
      const after = (await store.replicas()).find(r => r.id === 'beat')!
      expect(after.seenAt.getTime()).toBe(closedAt)
      expect(after.supergraphHash).toBeNull()
      expect(errors).not.toHaveBeenCalled()
    } finally {
      errors.mockRestore()
    }
  })
})
