import { createHash } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { createDb, type DbHandle } from '../../../platform/db/create-db.js'
import { createDatabase } from '../../../test/helpers/test-database.js'
import { createPolicyStore, type PolicyStore } from './create-policy-store.js'

let database: Awaited<ReturnType<typeof createDatabase>>
let handle: DbHandle<any>
let store: PolicyStore
let ids: number[]

/** Written independently of audit-hash.ts: sorted keys at every level, no whitespace. */
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

const run = (statement: string) => sql.raw(statement).execute(handle.db)

beforeAll(async () => {
  database = await createDatabase(inject('adminUrl'), 'sg_policy_audit')
  handle = createDb(database.url)
  store = createPolicyStore(handle.db)
  await store.migrate()
  let { version } = await store.seedDefaults()
  for (const name of ['one', 'two', 'three', 'four']) {
    ;({ version } = await store.upsertRole({
      role: {
        name,
        description: `Role "${name}" — ünïcode`,
        scopes: ['open'],
        aggregateOnly: false,
        admin: false,
        validFrom: null,
        validUntil: null,
      },
      expectedVersion: version,
      actor: `admin-${name}`,
    }))
  }
  ids = (await store.auditLog({ limit: 100 })).map(e => e.id).reverse()
})
afterAll(async () => {
  await handle?.close()
  await database?.drop()
})

describe('audit log', () => {
  it('chains every entry: hash = sha256(prev_hash || canonical {at, actor, action, payload})', async () => {
    const entries = (await store.auditLog({ limit: 100 })).reverse()
    expect(entries.map(e => e.action)).toEqual(['policy.seed', 'role.upsert', 'role.upsert', 'role.upsert', 'role.upsert'])
    let prev = '0'.repeat(64)
    for (const e of entries) {
      expect(e.prevHash).toBe(prev)
      const content = sortedJson({ at: e.at.toISOString(), actor: e.actor, action: e.action, payload: e.payload })
      expect(e.hash).toBe(
        createHash('sha256')
          .update(prev + content)
          .digest('hex'),
      )
      prev = e.hash
    }
    expect(await store.verifyAuditChain()).toMatchObject({ ok: true, state: 'ok', brokenAt: null, checked: 5 })
  })

  it('pages newest first', async () => {
    const page1 = await store.auditLog({ limit: 2 })
    const page2 = await store.auditLog({ limit: 2, before: page1[1].id })
    expect([...page1, ...page2].map(e => e.id)).toEqual([...ids].reverse().slice(0, 4))
    expect(page1[0].payload).toMatchObject({ version: 5, role: { name: 'four' }, previous: null })
    await expect(store.auditLog({ limit: 0 })).rejects.toMatchObject({ code: 'INVALID_POLICY', pointer: '/limit' })
  })

  it.each([
    ['update', `update access.audit_log set actor = 'mallory'`],
    ['delete', `delete from access.audit_log where id = (select max(id) from access.audit_log)`],
    ['truncate', 'truncate access.audit_log'],
  ])('refuses a direct %s in SQL', async (_op, statement) => {
    await expect(run(statement)).rejects.toThrow(/append-only/)
    expect((await store.auditLog({ limit: 100 })).map(e => e.id)).toEqual([...ids].reverse())
    expect((await store.verifyAuditChain()).ok).toBe(true)
  })

  it('reports a deleted entry at the entry after the gap', async () => {
    await run('alter table access.audit_log disable trigger audit_log_append_only')
    try {
      await run(`delete from access.audit_log where id = ${ids[3]}`)
    } finally {
      await run('alter table access.audit_log enable trigger audit_log_append_only')
    }
    expect(await store.verifyAuditChain()).toMatchObject({ ok: false, state: 'broken', brokenAt: ids[4], checked: 3 })
  })

  it('reports an edited payload at the edited entry (the first break wins)', async () => {
    await run('alter table access.audit_log disable trigger audit_log_append_only')
    try {
      await run(`update access.audit_log set payload = jsonb_set(payload, '{role,scopes}', '["open","personal"]') where id = ${ids[1]}`)
    } finally {
      await run('alter table access.audit_log enable trigger audit_log_append_only')
    }
    expect(await store.verifyAuditChain()).toMatchObject({ ok: false, state: 'broken', brokenAt: ids[1], checked: 1 })
    // The trigger is back on.
    await expect(run(`update access.audit_log set actor = 'mallory' where id = ${ids[0]}`)).rejects.toThrow(/append-only/)
  })
})
