import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { createDb, type DbHandle } from '../../../platform/db/create-db.js'
import { migrateSchema } from '../../../platform/db/migrate.js'
import { createDatabase } from '../../../test/helpers/test-database.js'
import { ACCESS_SCHEMA, createPolicyStore } from './create-policy-store.js'
import { DEFAULT_ROLES, WRITE_SCOPE } from './default-roles.js'
import { migrations } from './migrations/index.js'

// Data entry needs `{department}:write` on staff: fresh databases get it from the default roles,
// existing ones from migration 0005 — as an audited, versioned policy change.
const databases: Array<Awaited<ReturnType<typeof createDatabase>>> = []
const handles: DbHandle<any>[] = []
async function freshStore() {
  const database = await createDatabase(inject('adminUrl'), 'sg_write_scope')
  const handle = createDb(database.url, { max: 2 })
  databases.push(database)
  handles.push(handle)
  return { handle, store: createPolicyStore(handle.db) }
}
afterAll(async () => {
  for (const h of handles) await h.close()
  for (const d of databases) await d.drop()
})

describe('the write scope of department staff', () => {
  it('only staff holds it among the default roles: never public, committee, admin or department heads', () => {
    expect(DEFAULT_ROLES.filter(r => r.scopes.some(s => s.endsWith(':write'))).map(r => r.name)).toEqual(['staff'])
    expect(DEFAULT_ROLES.find(r => r.name === 'staff')!.scopes).toContain(WRITE_SCOPE)
  })

  let seeded: Awaited<ReturnType<typeof freshStore>>
  beforeAll(async () => {
    seeded = await freshStore()
  })

  it('a fresh database: staff has it once after migrate and seed', async () => {
    await seeded.store.migrate()
    await seeded.store.seedDefaults()
    const staff = (await seeded.store.exportPolicy()).roles.find(r => r.name === 'staff')!
    expect(staff.scopes.filter(s => s === WRITE_SCOPE)).toHaveLength(1)
  })

  it('an existing database: migration 0005 adds it as a policy change (version + 1, audit entry, chain intact)', async () => {
    const { handle, store } = await freshStore()
    // The schema as it was before 0005 (later migrations come after it, as in a real upgrade).
    const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '0005'))
    await migrateSchema(handle.db, ACCESS_SCHEMA, before)
    let { version } = await store.seedDefaults()
    // The staff role as databases before data entry held it.
    const staff = DEFAULT_ROLES.find(r => r.name === 'staff')!
    ;({ version } = await store.upsertRole({
      role: { ...staff, scopes: staff.scopes.filter(s => s !== WRITE_SCOPE) },
      expectedVersion: version,
      actor: 'test',
    }))
    expect(await store.migrate()).toEqual(Object.keys(migrations).filter(name => name >= '0005'))
    const policy = await store.exportPolicy()
    expect(policy.version).toBe(version + 1)
    expect(policy.roles.find(r => r.name === 'staff')!.scopes).toEqual([...staff.scopes.filter(s => s !== WRITE_SCOPE), WRITE_SCOPE])
    const [last] = await store.auditLog({ limit: 1 })
    expect(last).toMatchObject({
      actor: 'migration:0005-write-scope',
      action: 'role.upsert',
      payload: { version: version + 1, role: 'staff', addedScopes: [WRITE_SCOPE] },
    })
    expect((await store.verifyAuditChain()).ok).toBe(true)
    // Other roles untouched.
    expect(policy.roles.find(r => r.name === 'department_head')!.scopes).not.toContain(WRITE_SCOPE)
  })
})
