import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { createDb, type DbHandle } from '../../../platform/db/create-db.js'
import { createDatabase } from '../../../test/helpers/test-database.js'
import { createPolicyStore, type PolicyStore } from './create-policy-store.js'

// The audit log's filters and keyset pages (audit-query.ts) against a real Postgres.

let database: Awaited<ReturnType<typeof createDatabase>>
let handle: DbHandle<any>
let store: PolicyStore
/** Every entry, oldest first, as the store wrote them. */
let all: Awaited<ReturnType<PolicyStore['auditLog']>>

const role = (name: string, description: string) => ({
  name,
  description,
  scopes: ['open'],
  aggregateOnly: false,
  admin: false,
  validFrom: null,
  validUntil: null,
})

beforeAll(async () => {
  database = await createDatabase(inject('adminUrl'), 'sg_audit_query')
  handle = createDb(database.url)
  store = createPolicyStore(handle.db)
  await store.migrate()
  let { version } = await store.seedDefaults({ actor: 'setup' })
  const descriptions = ['Prüfer 100% sicher', 'a_b wildcard', "O'Brien \\ backslash", 'Zweite Rolle', '=HYPERLINK("x")']
  for (const [i, d] of descriptions.entries()) {
    ;({ version } = await store.upsertRole({ role: role(`r${i}`, d), expectedVersion: version, actor: i % 2 ? 'bernd' : 'anna' }))
  }
  await store.recordAdminRead({ actor: 'anna', action: 'read.coordinates', payload: {} })
  await store.recordAdminRead({ actor: 'clara', action: 'read.exportPolicy', payload: {} })
  all = (await store.auditLog({ limit: 1000 })).reverse()
})
afterAll(async () => {
  await handle?.close()
  await database?.drop()
})

const ids = (entries: Array<{ id: number }>) => entries.map(e => e.id)
const newestFirst = (pred: (e: (typeof all)[number]) => boolean) => ids(all.filter(pred)).reverse()

describe('audit log filters', () => {
  it('filters by actor exactly, by action exactly or by prefix', async () => {
    expect(all).toHaveLength(8)
    expect(ids(await store.auditLog({ limit: 100, actor: 'anna' }))).toEqual(newestFirst(e => e.actor === 'anna'))
    expect(ids(await store.auditLog({ limit: 100, actor: 'ann' }))).toEqual([])
    expect(ids(await store.auditLog({ limit: 100, action: 'role.upsert' }))).toEqual(newestFirst(e => e.action === 'role.upsert'))
    expect(ids(await store.auditLog({ limit: 100, action: 'read.*' }))).toEqual(newestFirst(e => e.action.startsWith('read.')))
    expect(ids(await store.auditLog({ limit: 100, action: 'read.*', actor: 'clara' }))).toEqual([all[7].id])
    // '_' and '%' in a prefix are letters, not wildcards.
    expect(await store.auditLog({ limit: 100, action: 'read_*' })).toEqual([])
  })

  it('finds text in the payload case-insensitively, taking % _ and \\ literally', async () => {
    expect(ids(await store.auditLog({ limit: 100, text: 'prüfer 100%' }))).toEqual([all[1].id])
    expect(ids(await store.auditLog({ limit: 100, text: '100%' }))).toEqual([all[1].id])
    expect(ids(await store.auditLog({ limit: 100, text: 'a_b' }))).toEqual([all[2].id])
    expect(await store.auditLog({ limit: 100, text: 'a%b' })).toEqual([])
    expect(ids(await store.auditLog({ limit: 100, text: "o'brien" }))).toEqual([all[3].id])
    // A quote or SQL in the text is only text.
    expect(await store.auditLog({ limit: 100, text: "'; drop table access.audit_log; --" })).toEqual([])
    expect((await store.auditLog({ limit: 1000 })).length).toBe(8)
  })

  it('filters by time: from inclusive, to exclusive, a bare date as a whole day', async () => {
    const middle = all[4].at.toISOString()
    expect(ids(await store.auditLog({ limit: 100, from: middle }))).toEqual(newestFirst(e => e.at.getTime() >= all[4].at.getTime()))
    expect(ids(await store.auditLog({ limit: 100, to: middle }))).toEqual(newestFirst(e => e.at.getTime() < all[4].at.getTime()))
    const today = all[0].at.toISOString().slice(0, 10)
    expect(ids(await store.auditLog({ limit: 100, from: today, to: today }))).toHaveLength(8)
    expect(await store.auditLog({ limit: 100, to: '2000-01-01' })).toEqual([])
    expect(await store.auditLog({ limit: 100, from: '9000-01-01T00:00:00+02:00' })).toEqual([])
  })

  it('pages by id in either direction with the filters applied, never skipping or repeating', async () => {
    const seen: number[] = []
    let before: number | null = null
    for (;;) {
      const page = await store.auditLog({ limit: 2, before, action: 'role.*' })
      if (!page.length) break
      seen.push(...ids(page))
      before = page.at(-1)!.id
    }
    expect(seen).toEqual(newestFirst(e => e.action.startsWith('role.')))
    const ascending: number[] = []
    let after: number | null = null
    for (;;) {
      const page = await store.auditLog({ limit: 3, after, order: 'asc' })
      if (!page.length) break
      ascending.push(...ids(page))
      after = page.at(-1)!.id
    }
    expect(ascending).toEqual(ids(all))
  })

  it.each([
    [{ limit: 0 }, '/limit'],
    [{ limit: 1001 }, '/limit'],
    [{ limit: 10, before: -1 }, '/before'],
    [{ limit: 10, after: 1.5 }, '/after'],
    [{ limit: 10, order: 'sideways' }, '/order'],
    [{ limit: 10, actor: 'x'.repeat(201) }, '/actor'],
    [{ limit: 10, action: "grant.set' or 1=1" }, '/action'],
    [{ limit: 10, action: 're*ad' }, '/action'],
    [{ limit: 10, text: 'x'.repeat(201) }, '/text'],
    [{ limit: 10, text: 'a\u0000b' }, '/text'],
    [{ limit: 10, from: 'yesterday' }, '/from'],
    [{ limit: 10, from: '2026-02-30' }, '/from'],
    [{ limit: 10, from: '2026-12-06T10:00:00' }, '/from'],
    [{ limit: 10, to: 42 }, '/to'],
    [{ limit: 10, from: '2026-12-06', to: '2026-12-05' }, '/to'],
  ])('refuses %j with INVALID_POLICY at %s', async (page, pointer) => {
    await expect(store.auditLog(page as never)).rejects.toMatchObject({ code: 'INVALID_POLICY', pointer })
  })

  it('answers a filtered page from 20 000 entries within bounds (keyset, filter in SQL)', async () => {
    // Appended around the store (the trigger allows inserts); the chain is irrelevant to reading.
    await sql`insert into access.audit_log (at, actor, action, payload, prev_hash, hash)
      select now(), 'bulk-' || (g % 50), 'read.coordinates', jsonb_build_object('n', g), 'x', md5(g::text) || md5((g + 1)::text)
      from generate_series(1, 20000) g`.execute(handle.db)
    const t0 = performance.now()
    const page = await store.auditLog({ limit: 500, actor: 'bulk-7', text: '"n": 1' })
    const ms = performance.now() - t0
    expect(page.length).toBeGreaterThan(0)
    expect(page.every(e => e.actor === 'bulk-7' && JSON.stringify(e.payload).startsWith('{"n":1'))).toBe(true)
    expect(ms).toBeLessThan(2000)
    const deep = await store.auditLog({ limit: 500, before: all[7].id + 1000 })
    expect(deep).toHaveLength(500)
    expect(deep[0].id).toBe(all[7].id + 999)
  })
})
