import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { createDb, type DbHandle } from '../../../platform/db/create-db.js'
import { createDatabase } from '../../../test/helpers/test-database.js'
import type { SensitivityClass } from '../../classes.js'
import { PolicyError } from '../types.js'
import { createPolicyStore, type PolicyStore } from './create-policy-store.js'

// previewImport against a real Postgres: the diff an import would make, with what needs a second
// administrator, computed by the same rule importPolicy applies — and nothing written.

const CLASSES: Record<string, SensitivityClass> = {
  'District.name': 'open',
  'Accommodation.operator': 'internal',
  'AllocationRecord.id': 'personal',
  'AllocationRecord.religion': 'special',
}
const classify = (coordinate: string) => CLASSES[coordinate]

let database: Awaited<ReturnType<typeof createDatabase>>
let handle: DbHandle<any>
let store: PolicyStore

beforeAll(async () => {
  database = await createDatabase(inject('adminUrl'), 'sg_policy_diff')
  handle = createDb(database.url)
  store = createPolicyStore(handle.db, { classify })
  await store.migrate()
  let { version } = await store.seedDefaults()
  ;({ version } = await store.setGrant({
    grant: { role: 'committee', coordinate: 'Accommodation.operator', effect: 'ALLOW', validUntil: null },
    expectedVersion: version,
    actor: 'anna',
  }))
  await store.setRowRule({
    rule: { role: 'staff', coordinate: 'Accommodation', condition: { column: 'district', claim: 'department' } },
    expectedVersion: version,
    actor: 'anna',
  })
})
afterAll(async () => {
  await handle?.close()
  await database?.drop()
})

/** The policy, the version and the audit rows: what a dry run must leave alone. */
async function state() {
  const audit = await sql<{ n: number }>`select count(*)::int as n from access.audit_log`.execute(handle.db)
  return { policy: await store.exportPolicy(), audit: audit.rows[0].n, pending: (await store.pendingChanges()).length }
}

async function refusal(p: Promise<unknown>): Promise<PolicyError> {
  try {
    await p
  } catch (e) {
    if (e instanceof PolicyError) return e
    throw e
  }
  throw new Error('expected a PolicyError')
}

describe('previewImport', () => {
  it('an exported policy imports as no change at all', async () => {
    const before = await state()
    const diff = await store.previewImport({ json: JSON.stringify(before.policy) })
    const { roles, grants, rowRules } = before.policy
    expect(diff).toEqual({
      baseVersion: before.policy.version,
      changes: [],
      unchanged: roles.length + grants.length + rowRules.length,
      needsApproval: false,
      opens: [],
    })
  })

  it('lists every role, grant and row rule added, removed or changed, marks what opens personal or special data, writes nothing', async () => {
    const before = await state()
    const doc = structuredClone(before.policy)
    doc.roles.find(r => r.name === 'committee')!.description = 'Ausschüsse des Stadtrats'
    const leadership = doc.roles.find(r => r.name === 'leadership')!
    leadership.scopes = [...leadership.scopes, 'asylum:special']
    doc.roles.push({
      name: 'auditor',
      description: 'Rechnungsprüfung',
      scopes: ['open', 'personal'],
      aggregateOnly: false,
      admin: false,
      validFrom: null,
      validUntil: null,
    })
    doc.grants = [
      { role: 'committee', coordinate: 'Accommodation.operator', effect: 'ALLOW', validUntil: '2027-12-31' },
      { role: 'controlling', coordinate: 'AllocationRecord.id', effect: 'ALLOW', validUntil: null },
      { role: 'controlling', coordinate: 'District.name', effect: 'DENY', validUntil: null },
    ]
    doc.rowRules = []
    const diff = await store.previewImport({ json: JSON.stringify(doc) })
    expect(await state()).toEqual(before)
    expect(diff.baseVersion).toBe(before.policy.version)
    expect(diff.needsApproval).toBe(true)
    expect(diff.changes.map(c => [c.part, c.change, c.role, c.coordinate, c.fields, c.opens.length])).toEqual([
      ['role', 'changed', 'committee', null, ['description'], 0],
      ['role', 'changed', 'leadership', null, ['scopes'], 1],
      ['role', 'added', 'auditor', null, [], 1],
      ['grant', 'changed', 'committee', 'Accommodation.operator', ['validUntil'], 0],
      ['grant', 'added', 'controlling', 'AllocationRecord.id', [], 1],
      ['grant', 'added', 'controlling', 'District.name', [], 0],
      ['rowRule', 'removed', 'staff', 'Accommodation', [], 0],
    ])
    expect(diff.opens).toEqual([
      { kind: 'scope', role: 'leadership', scope: 'asylum:special', cls: 'special' },
      { kind: 'scope', role: 'auditor', scope: 'personal', cls: 'personal' },
      { kind: 'grant', role: 'controlling', coordinate: 'AllocationRecord.id', cls: 'personal', validUntil: null },
    ])
    const removed = diff.changes.find(c => c.change === 'removed')!
    expect(removed.before).toEqual({ role: 'staff', coordinate: 'Accommodation', condition: { column: 'district', claim: 'department' } })
    expect(removed.after).toBeNull()
    expect(diff.unchanged).toBe(before.policy.roles.length - 2)

    // importPolicy agrees: the same document waits for a second administrator, and the pending
    // change says it opens exactly what the preview said.
    const err = (await refusal(
      store.importPolicy({ json: JSON.stringify(doc), expectedVersion: before.policy.version, actor: 'anna' }),
    )) as PolicyError & {
      changeId: number
    }
    expect(err.code).toBe('PENDING_APPROVAL')
    const pending = (await store.pendingChanges()).find(p => p.id === err.changeId)!
    expect(pending).toMatchObject({ kind: 'policy.import', requestedBy: 'anna' })
    expect(pending.opens).toEqual(diff.opens)
    await store.rejectChange({ id: err.changeId, actor: 'anna', reason: 'nur Test' })
  })

  it('an import that opens nothing applies at once, as its preview says', async () => {
    const before = await state()
    const doc = structuredClone(before.policy)
    doc.grants = []
    const diff = await store.previewImport({ json: JSON.stringify(doc) })
    expect(diff.needsApproval).toBe(false)
    expect(diff.changes).toEqual([
      expect.objectContaining({ part: 'grant', change: 'removed', role: 'committee', coordinate: 'Accommodation.operator', opens: [] }),
    ])
    const { version } = await store.importPolicy({ json: JSON.stringify(doc), expectedVersion: before.policy.version, actor: 'anna' })
    expect(version).toBe(before.policy.version + 1)
    expect((await store.previewImport({ json: JSON.stringify(doc) })).changes).toEqual([])
  })

  it.each([
    ['not JSON', '{"roles": [', ''],
    ['not an object', '[]', ''],
    ['roles missing', '{"grants": [], "rowRules": []}', '/roles'],
    [
      'a bad scope',
      '{"roles":[{"name":"x","scopes":["Open!"],"aggregateOnly":false,"admin":false}],"grants":[],"rowRules":[]}',
      '/roles/0/scopes/0',
    ],
    [
      'an unknown coordinate',
      '{"roles":[{"name":"x","scopes":[],"aggregateOnly":false,"admin":false}],"grants":[{"role":"x","coordinate":"Nope.field","effect":"ALLOW"}],"rowRules":[]}',
      '/grants/0/coordinate',
    ],
    [
      'public gets personal data',
      '{"roles":[{"name":"public","scopes":["open"],"aggregateOnly":true,"admin":false}],"grants":[{"role":"public","coordinate":"AllocationRecord.id","effect":"ALLOW"}],"rowRules":[]}',
      '/grants/0/coordinate',
    ],
    [
      'a grant for an unknown role',
      '{"roles":[],"grants":[{"role":"ghost","coordinate":"District.name","effect":"ALLOW"}],"rowRules":[]}',
      '/grants/0/role',
    ],
  ])('refuses %s exactly as importPolicy does (INVALID_POLICY at the same pointer)', async (_name, json, pointer) => {
    const before = await state()
    const preview = await refusal(store.previewImport({ json }))
    const imported = await refusal(store.importPolicy({ json, expectedVersion: before.policy.version, actor: 'anna' }))
    expect(preview).toMatchObject({ code: 'INVALID_POLICY', pointer })
    expect(imported).toMatchObject({ code: preview.code, pointer: preview.pointer, message: preview.message })
    expect(await state()).toEqual(before)
  })
})
