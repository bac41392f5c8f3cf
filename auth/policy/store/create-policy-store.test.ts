import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { createDb, type DbHandle } from '../../../platform/db/create-db.js'
import { createDatabase } from '../../../test/helpers/test-database.js'
import type { SensitivityClass } from '../../classes.js'
import { PolicyError, type RoleDefinition } from '../types.js'
import { createPolicyStore, type PolicyStore } from './create-policy-store.js'
import { DEFAULT_ROLES } from './default-roles.js'

const CLASSES: Record<string, SensitivityClass> = {
  'District.name': 'open',
  'Accommodation.operator': 'internal',
  'Accommodation.*': 'internal',
  'AllocationRecord.id': 'personal',
  'AllocationRecord.religion': 'special',
  'AllocationRecord.*': 'special',
  'BudgetLine.forecast': 'internal',
}
const classify = (coordinate: string) => CLASSES[coordinate]

let database: Awaited<ReturnType<typeof createDatabase>>
let handle: DbHandle<any>
let store: PolicyStore

beforeAll(async () => {
  database = await createDatabase(inject('adminUrl'), 'sg_policy_store')
  handle = createDb(database.url)
  store = createPolicyStore(handle.db, { connectionString: database.url, classify })
  await store.migrate()
})
afterAll(async () => {
  await handle?.close()
  await database?.drop()
})

const role = (name: string, over: Partial<RoleDefinition> = {}): RoleDefinition => ({
  name,
  description: `${name} role`,
  scopes: ['open'],
  aggregateOnly: false,
  admin: false,
  validFrom: null,
  validUntil: null,
  ...over,
})

/** Everything a change could touch: the policy (with its version) and the audit log. */
async function state() {
  const [policy, audit] = await Promise.all([
    store.exportPolicy(),
    sql<{ n: number; last: number | null }>`select count(*)::int as n, max(id)::int as last from access.audit_log`.execute(handle.db),
  ])
  return { policy, audit: audit.rows[0] }
}

async function refusal(p: Promise<unknown>): Promise<{ code: string; pointer?: string }> {
  try {
    await p
  } catch (e) {
    if (e instanceof PolicyError) return { code: e.code, pointer: e.pointer }
    throw e
  }
  throw new Error('expected a PolicyError')
}

describe('policy store', () => {
  it('migrates idempotently and starts empty at version 0', async () => {
    expect(await store.migrate()).toEqual([])
    expect(await store.version()).toBe(0)
    expect((await store.load()).roles.size).toBe(0)
  })

  it('seeds the eight default roles once: a second seed bumps nothing', async () => {
    const first = await store.seedDefaults()
    expect(first).toEqual({ version: 1, inserted: DEFAULT_ROLES.map(r => r.name) })
    const after = await state()
    const second = await store.seedDefaults()
    expect(second).toEqual({ version: 1, inserted: [] })
    expect(await state()).toEqual(after)
    expect(after.audit.n).toBe(1)
    const snapshot = await store.load()
    expect(snapshot.version).toBe(1)
    expect([...snapshot.roles.values()].sort((a, b) => a.name.localeCompare(b.name))).toEqual(
      [...DEFAULT_ROLES].sort((a, b) => a.name.localeCompare(b.name)),
    )
    expect(snapshot.roles.get('admin')).toMatchObject({ admin: true, scopes: [] })
    expect(snapshot.roles.get('public')).toMatchObject({ aggregateOnly: true, scopes: ['open'] })
  })

  it('seeds only missing defaults and never overwrites an edited one', async () => {
    const v = await store.version()
    await store.upsertRole({ role: { ...DEFAULT_ROLES[1], description: 'edited' }, expectedVersion: v, actor: 'alice' })
    await store.deleteRole({ name: 'controlling', expectedVersion: v + 1, actor: 'alice' })
    expect(await store.seedDefaults({ actor: 'boot' })).toEqual({ version: v + 3, inserted: ['controlling'] })
    const snapshot = await store.load()
    expect(snapshot.roles.get('committee')!.description).toBe('edited')
    expect(snapshot.roles.get('controlling')).toEqual(DEFAULT_ROLES.find(r => r.name === 'controlling'))
    const [entry] = await store.auditLog({ limit: 1 })
    expect(entry).toMatchObject({ actor: 'boot', action: 'policy.seed' })
  })

  // Each step runs against the state the previous one left.
  const steps: Array<[string, string, (v: number) => Promise<{ version: number }>, () => Promise<void>]> = [
    [
      'upsertRole (new)',
      'role.upsert',
      v =>
        store.upsertRole({
          role: role('auditor', { scopes: ['open', 'finance:internal'], validFrom: '2025-01-01', validUntil: '2026-12-31' }),
          expectedVersion: v,
          actor: 'alice',
        }),
      async () =>
        expect((await store.load()).roles.get('auditor')).toMatchObject({
          scopes: ['open', 'finance:internal'],
          validFrom: '2025-01-01',
          validUntil: '2026-12-31',
        }),
    ],
    [
      'upsertRole (update)',
      'role.upsert',
      v => store.upsertRole({ role: role('auditor', { scopes: ['open'], aggregateOnly: true }), expectedVersion: v, actor: 'alice' }),
      async () =>
        expect((await store.load()).roles.get('auditor')).toMatchObject({ scopes: ['open'], aggregateOnly: true, validFrom: null }),
    ],
    [
      'setGrant (new)',
      'grant.set',
      v =>
        store.setGrant({
          grant: { role: 'auditor', coordinate: 'BudgetLine.forecast', effect: 'ALLOW', validUntil: '2026-01-31' },
          expectedVersion: v,
          actor: 'alice',
        }),
      async () =>
        expect((await store.load()).grants).toContainEqual({
          role: 'auditor',
          coordinate: 'BudgetLine.forecast',
          effect: 'ALLOW',
          validUntil: '2026-01-31',
        }),
    ],
    [
      'setGrant (update)',
      'grant.set',
      v =>
        store.setGrant({
          grant: { role: 'auditor', coordinate: 'BudgetLine.forecast', effect: 'DENY', validUntil: null },
          expectedVersion: v,
          actor: 'bob',
        }),
      async () =>
        expect((await store.load()).grants.filter(g => g.role === 'auditor')).toEqual([
          { role: 'auditor', coordinate: 'BudgetLine.forecast', effect: 'DENY', validUntil: null },
        ]),
    ],
    [
      'setGrant (type-wide)',
      'grant.set',
      v =>
        store.setGrant({
          grant: { role: 'auditor', coordinate: 'Accommodation.*', effect: 'ALLOW', validUntil: null },
          expectedVersion: v,
          actor: 'bob',
        }),
      async () => expect((await store.load()).grants.filter(g => g.role === 'auditor')).toHaveLength(2),
    ],
    [
      'removeGrant',
      'grant.remove',
      v => store.removeGrant({ role: 'auditor', coordinate: 'BudgetLine.forecast', expectedVersion: v, actor: 'bob' }),
      async () => expect((await store.load()).grants.map(g => g.coordinate)).toEqual(['Accommodation.*']),
    ],
    [
      'setRowRule (new)',
      'rowRule.set',
      v =>
        store.setRowRule({
          rule: { role: 'staff', coordinate: 'Accommodation', condition: { column: 'department', claim: 'department' } },
          expectedVersion: v,
          actor: 'bob',
        }),
      async () =>
        expect((await store.load()).rowRules).toEqual([
          { role: 'staff', coordinate: 'Accommodation', condition: { column: 'department', claim: 'department' } },
        ]),
    ],
    [
      'setRowRule (update)',
      'rowRule.set',
      v =>
        store.setRowRule({
          rule: { role: 'staff', coordinate: 'Accommodation', condition: { column: 'district', claim: 'sub' } },
          expectedVersion: v,
          actor: 'bob',
        }),
      async () =>
        expect((await store.load()).rowRules).toEqual([
          { role: 'staff', coordinate: 'Accommodation', condition: { column: 'district', claim: 'sub' } },
        ]),
    ],
    [
      'removeRowRule',
      'rowRule.remove',
      v => store.removeRowRule({ role: 'staff', coordinate: 'Accommodation', expectedVersion: v, actor: 'bob' }),
      async () => expect((await store.load()).rowRules).toEqual([]),
    ],
    [
      'deleteRole (with its grants)',
      'role.delete',
      v => store.deleteRole({ name: 'auditor', expectedVersion: v, actor: 'carol' }),
      async () => {
        const snapshot = await store.load()
        expect(snapshot.roles.has('auditor')).toBe(false)
        expect(snapshot.grants.filter(g => g.role === 'auditor')).toEqual([])
      },
    ],
    [
      'importPolicy',
      'policy.import',
      async v => {
        const p = await store.exportPolicy()
        return store.importPolicy({
          roles: [...p.roles, role('guest')],
          grants: p.grants,
          rowRules: p.rowRules,
          expectedVersion: v,
          actor: 'carol',
        })
      },
      async () => expect((await store.load()).roles.has('guest')).toBe(true),
    ],
  ]

  it.each(steps)('%s bumps the version once and appends one audit row', async (_name, action, run, check) => {
    const before = await state()
    const result = await run(before.policy.version)
    expect(result).toEqual({ version: before.policy.version + 1 })
    expect(await store.version()).toBe(before.policy.version + 1)
    const after = await state()
    expect(after.audit.n).toBe(before.audit.n + 1)
    const [entry] = await store.auditLog({ limit: 1 })
    expect(entry.id).toBe(after.audit.last)
    expect(entry.action).toBe(action)
    expect(entry.prevHash).toBe((await store.auditLog({ limit: 1, before: entry.id }))[0].hash)
    expect((entry.payload as { version: number }).version).toBe(result.version)
    await check()
  })

  it('refuses a stale expectedVersion with VERSION_CONFLICT and writes nothing', async () => {
    const before = await state()
    const stale = before.policy.version - 1
    const attempts = [
      () => store.upsertRole({ role: role('late'), expectedVersion: stale, actor: 'alice' }),
      () => store.deleteRole({ name: 'guest', expectedVersion: stale, actor: 'alice' }),
      () =>
        store.setGrant({
          grant: { role: 'staff', coordinate: 'District.name', effect: 'ALLOW', validUntil: null },
          expectedVersion: stale,
          actor: 'alice',
        }),
      () => store.removeGrant({ role: 'staff', coordinate: 'District.name', expectedVersion: stale, actor: 'alice' }),
      () =>
        store.setRowRule({
          rule: { role: 'staff', coordinate: 'Accommodation', condition: { column: 'd', claim: 'd' } },
          expectedVersion: stale,
          actor: 'alice',
        }),
      () => store.removeRowRule({ role: 'staff', coordinate: 'Accommodation', expectedVersion: stale, actor: 'alice' }),
      () => store.importPolicy({ roles: [], grants: [], rowRules: [], expectedVersion: stale, actor: 'alice' }),
      () => store.upsertRole({ role: role('future'), expectedVersion: before.policy.version + 1, actor: 'alice' }),
    ]
    for (const attempt of attempts) expect(await refusal(attempt())).toEqual({ code: 'VERSION_CONFLICT', pointer: '/expectedVersion' })
    expect(await state()).toEqual(before)
  })

  it('lets exactly one of two concurrent writers from the same version win, and loses nothing', async () => {
    for (let round = 0; round < 5; round++) {
      const before = await state()
      const v = before.policy.version
      const names = [`writer_a_${round}`, `writer_b_${round}`]
      const results = await Promise.allSettled(names.map(n => store.upsertRole({ role: role(n), expectedVersion: v, actor: n })))
      const won = results.findIndex(r => r.status === 'fulfilled')
      const lost = 1 - won
      expect(won).toBeGreaterThanOrEqual(0)
      expect(results[won]).toEqual({ status: 'fulfilled', value: { version: v + 1 } })
      expect(results[lost].status).toBe('rejected')
      expect((results[lost] as PromiseRejectedResult).reason).toMatchObject({ code: 'VERSION_CONFLICT' })
      const after = await state()
      expect(after.policy.version).toBe(v + 1)
      expect(after.audit.n).toBe(before.audit.n + 1)
      expect(after.policy.roles.map(r => r.name)).toEqual([...before.policy.roles.map(r => r.name), names[won]].sort())
      expect((await store.auditLog({ limit: 1 }))[0].actor).toBe(names[won])
    }
  })

  it('lets exactly one of five concurrent grant writers win', async () => {
    const before = await state()
    const coords = ['District.name', 'Accommodation.operator', 'BudgetLine.forecast', 'AllocationRecord.id', 'AllocationRecord.religion']
    const results = await Promise.allSettled(
      coords.map(coordinate =>
        store.setGrant({
          grant: { role: 'staff', coordinate, effect: 'DENY', validUntil: null },
          expectedVersion: before.policy.version,
          actor: 'race',
        }),
      ),
    )
    expect(results.filter(r => r.status === 'fulfilled')).toHaveLength(1)
    expect(results.filter(r => r.status === 'rejected').map(r => (r as PromiseRejectedResult).reason.code)).toEqual(
      Array(4).fill('VERSION_CONFLICT'),
    )
    const after = await state()
    expect(after.policy.grants.length).toBe(before.policy.grants.length + 1)
    expect(after.audit.n).toBe(before.audit.n + 1)
  })

  const invalidCases: Array<[string, (v: number) => Promise<unknown>, string]> = [
    [
      'grant to an unknown role',
      v =>
        store.setGrant({
          grant: { role: 'nobody', coordinate: 'District.name', effect: 'ALLOW', validUntil: null },
          expectedVersion: v,
          actor: 'a',
        }),
      '/grant/role',
    ],
    [
      'row rule for an unknown role',
      v =>
        store.setRowRule({
          rule: { role: 'nobody', coordinate: 'Accommodation', condition: { column: 'd', claim: 'd' } },
          expectedVersion: v,
          actor: 'a',
        }),
      '/rule/role',
    ],
    ['deleting an unknown role', v => store.deleteRole({ name: 'nobody', expectedVersion: v, actor: 'a' }), '/name'],
    [
      'malformed coordinate (lower-case type)',
      v =>
        store.setGrant({
          grant: { role: 'staff', coordinate: 'district.name', effect: 'ALLOW', validUntil: null },
          expectedVersion: v,
          actor: 'a',
        }),
      '/grant/coordinate',
    ],
    [
      'malformed coordinate (no field)',
      v =>
        store.setGrant({
          grant: { role: 'staff', coordinate: 'District.', effect: 'ALLOW', validUntil: null },
          expectedVersion: v,
          actor: 'a',
        }),
      '/grant/coordinate',
    ],
    [
      'coordinate the supergraph does not have',
      v =>
        store.setGrant({
          grant: { role: 'staff', coordinate: 'District.secret', effect: 'ALLOW', validUntil: null },
          expectedVersion: v,
          actor: 'a',
        }),
      '/grant/coordinate',
    ],
    [
      'public role with scope personal',
      v => store.upsertRole({ role: { ...DEFAULT_ROLES[0], scopes: ['open', 'personal'] }, expectedVersion: v, actor: 'a' }),
      '/role/scopes/1',
    ],
    [
      'public role with scope asylum:special',
      v => store.upsertRole({ role: { ...DEFAULT_ROLES[0], scopes: ['open', 'asylum:special'] }, expectedVersion: v, actor: 'a' }),
      '/role/scopes/1',
    ],
    [
      'public role with scope {department}:personal',
      v => store.upsertRole({ role: { ...DEFAULT_ROLES[0], scopes: ['{department}:personal'] }, expectedVersion: v, actor: 'a' }),
      '/role/scopes/0',
    ],
    [
      'public ALLOW on a personal coordinate',
      v =>
        store.setGrant({
          grant: { role: 'public', coordinate: 'AllocationRecord.id', effect: 'ALLOW', validUntil: null },
          expectedVersion: v,
          actor: 'a',
        }),
      '/grant/coordinate',
    ],
    [
      'public ALLOW on a special type',
      v =>
        store.setGrant({
          grant: { role: 'public', coordinate: 'AllocationRecord.*', effect: 'ALLOW', validUntil: null },
          expectedVersion: v,
          actor: 'a',
        }),
      '/grant/coordinate',
    ],
    [
      'bad scope string (upper case)',
      v => store.upsertRole({ role: role('x', { scopes: ['Open'] }), expectedVersion: v, actor: 'a' }),
      '/role/scopes/0',
    ],
    [
      'bad scope string (wildcard)',
      v => store.upsertRole({ role: role('x', { scopes: ['*:personal'] }), expectedVersion: v, actor: 'a' }),
      '/role/scopes/0',
    ],
    [
      'validUntil before validFrom',
      v => store.upsertRole({ role: role('x', { validFrom: '2025-06-01', validUntil: '2025-01-01' }), expectedVersion: v, actor: 'a' }),
      '/role/validUntil',
    ],
    [
      'grant effect not ALLOW/DENY',
      v =>
        store.setGrant({
          grant: { role: 'staff', coordinate: 'District.name', effect: 'MAYBE' as 'ALLOW', validUntil: null },
          expectedVersion: v,
          actor: 'a',
        }),
      '/grant/effect',
    ],
    [
      'empty row rule condition',
      v => store.setRowRule({ rule: { role: 'staff', coordinate: 'Accommodation', condition: {} }, expectedVersion: v, actor: 'a' }),
      '/rule/condition',
    ],
    [
      'removing a grant that does not exist',
      v => store.removeGrant({ role: 'staff', coordinate: 'District.nothing', expectedVersion: v, actor: 'a' }),
      '/coordinate',
    ],
    [
      'removing a row rule that does not exist',
      v => store.removeRowRule({ role: 'staff', coordinate: 'Nothing', expectedVersion: v, actor: 'a' }),
      '/coordinate',
    ],
    ['no actor', v => store.upsertRole({ role: role('x'), expectedVersion: v, actor: ' ' }), '/actor'],
    [
      'import: grant to a role the import does not define',
      v =>
        store.importPolicy({
          roles: [role('a')],
          grants: [{ role: 'b', coordinate: 'District.name', effect: 'ALLOW', validUntil: null }],
          rowRules: [],
          expectedVersion: v,
          actor: 'a',
        }),
      '/grants/0/role',
    ],
    [
      'import: public with personal data, after valid parts',
      v =>
        store.importPolicy({
          roles: [...DEFAULT_ROLES.slice(1), { ...DEFAULT_ROLES[0], scopes: ['open', 'population:personal'] }],
          grants: [],
          rowRules: [],
          expectedVersion: v,
          actor: 'a',
        }),
      '/roles/7/scopes/1',
    ],
    [
      'import: public ALLOW on a special coordinate',
      v =>
        store.importPolicy({
          roles: [...DEFAULT_ROLES],
          grants: [{ role: 'public', coordinate: 'AllocationRecord.religion', effect: 'ALLOW', validUntil: null }],
          rowRules: [],
          expectedVersion: v,
          actor: 'a',
        }),
      '/grants/0/coordinate',
    ],
    ['import: a document that is not JSON', v => store.importPolicy({ json: '{"roles": [', expectedVersion: v, actor: 'a' }), ''],
  ]

  it.each(invalidCases)('refuses %s with INVALID_POLICY and writes nothing', async (_name, run, at) => {
    const before = await state()
    expect(await refusal(run(before.policy.version))).toEqual({ code: 'INVALID_POLICY', pointer: at })
    expect(await state()).toEqual(before)
  })

  it('accepts narrowing the public role: a DENY on personal data, an ALLOW on open data', async () => {
    let { version } = await store.setGrant({
      grant: { role: 'public', coordinate: 'AllocationRecord.id', effect: 'DENY', validUntil: null },
      expectedVersion: await store.version(),
      actor: 'a',
    })
    ;({ version } = await store.setGrant({
      grant: { role: 'public', coordinate: 'District.name', effect: 'ALLOW', validUntil: null },
      expectedVersion: version,
      actor: 'a',
    }))
    expect(
      (await store.load()).grants
        .filter(g => g.role === 'public')
        .map(g => `${g.effect} ${g.coordinate}`)
        .sort(),
    ).toEqual(['ALLOW District.name', 'DENY AllocationRecord.id'])
  })

  it('round-trips export → import: the import replaces whatever changed in between', async () => {
    const exported = await store.exportPolicy()
    let { version } = await store.setGrant({
      grant: { role: 'staff', coordinate: 'Accommodation.operator', effect: 'ALLOW', validUntil: '2030-01-01' },
      expectedVersion: exported.version,
      actor: 'a',
    })
    ;({ version } = await store.deleteRole({ name: 'committee', expectedVersion: version, actor: 'a' }))
    ;({ version } = await store.setRowRule({
      rule: { role: 'staff', coordinate: 'Query.allocationRecords', condition: { column: 'department', claim: 'department' } },
      expectedVersion: version,
      actor: 'a',
    }))
    expect(await store.exportPolicy()).not.toEqual({ ...exported, version })

    ;({ version } = await store.importPolicy({ json: JSON.stringify(exported), expectedVersion: version, actor: 'restore' }))
    expect(await store.exportPolicy()).toEqual({ ...exported, version })
    const snapshot = await store.load()
    expect(snapshot.version).toBe(version)
    expect([...snapshot.roles.values()]).toEqual(exported.roles)
    expect(snapshot.grants).toEqual(exported.grants)
    expect(snapshot.rowRules).toEqual(exported.rowRules)
    expect(Object.isFrozen(snapshot.grants)).toBe(true)
  })

  it('records replica versions and lists them', async () => {
    await store.reportReplica('gateway-b', 3)
    await store.reportReplica('gateway-a', 4)
    const first = await store.replicas()
    expect(first.map(r => [r.id, r.policyVersion])).toEqual([
      ['gateway-a', 4],
      ['gateway-b', 3],
    ])
    await store.reportReplica('gateway-b', 7)
    const second = await store.replicas()
    expect(second.map(r => [r.id, r.policyVersion])).toEqual([
      ['gateway-a', 4],
      ['gateway-b', 7],
    ])
    expect(second[1].seenAt).toBeInstanceOf(Date)
    expect(second[1].seenAt.getTime()).toBeGreaterThanOrEqual(first[1].seenAt.getTime())
    expect(await refusal(store.reportReplica('', 1))).toEqual({ code: 'INVALID_POLICY', pointer: '/id' })
    expect(await refusal(store.reportReplica('x', -1))).toEqual({ code: 'INVALID_POLICY', pointer: '/version' })
  })

  it('records the supergraph a replica serves and keeps it across heartbeats that do not name one', async () => {
    const loadedAt = new Date('2026-12-06T01:00:00.123Z')
    await store.reportReplica('gateway-c', 2)
    expect((await store.replicas()).find(r => r.id === 'gateway-c')).toMatchObject({ supergraphHash: null, supergraphLoadedAt: null })
    await store.reportReplica('gateway-c', 2, { hash: '00ff00ff00ff00ff', loadedAt })
    const before = (await store.replicas()).find(r => r.id === 'gateway-c')!
    expect(before).toMatchObject({ policyVersion: 2, supergraphHash: '00ff00ff00ff00ff', supergraphLoadedAt: loadedAt })
    await new Promise(r => setTimeout(r, 5))
    await store.reportReplica('gateway-c', 3)
    const after = (await store.replicas()).find(r => r.id === 'gateway-c')!
    expect(after).toMatchObject({ policyVersion: 3, supergraphHash: '00ff00ff00ff00ff', supergraphLoadedAt: loadedAt })
    expect(after.seenAt.getTime()).toBeGreaterThan(before.seenAt.getTime())
    expect(await refusal(store.reportReplica('x', 1, { hash: 'not hex', loadedAt }))).toEqual({
      code: 'INVALID_POLICY',
      pointer: '/supergraph/hash',
    })
    expect(await refusal(store.reportReplica('x', 1, { hash: 'abc', loadedAt: new Date(NaN) }))).toEqual({
      code: 'INVALID_POLICY',
      pointer: '/supergraph/loadedAt',
    })
  })
})
