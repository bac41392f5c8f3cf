import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { createDb, type DbHandle } from '../../../platform/db/create-db.js'
import { createDatabase } from '../../../test/helpers/test-database.js'
import { waitFor } from '../../../test/helpers/wait-for.js'
import type { SensitivityClass } from '../../classes.js'
import { PolicyError, type CoordinateGrant, type RoleDefinition } from '../types.js'
import { createPolicyStore, type PolicyStore } from './create-policy-store.js'
import { DEFAULT_ROLES } from './default-roles.js'

// Four-eyes approval (docs/access-control.md#four-eyes, case T45) against a real Postgres: a change that opens
// personal or special data waits for a second administrator; everything else is applied at once.

const CLASSES: Record<string, SensitivityClass> = {
  'District.name': 'open',
  'Accommodation.operator': 'internal',
  'AllocationRecord.id': 'personal',
  'AllocationRecord.religion': 'special',
  'AllocationRecord.*': 'special',
  'Query.allocationRecords': 'personal',
}
const classify = (coordinate: string) => CLASSES[coordinate]

let database: Awaited<ReturnType<typeof createDatabase>>
let handle: DbHandle<any>
let store: PolicyStore

/** A second admin approves; the new version arrives by NOTIFY alone (no polling within the test). */
async function approveAndHearIt(id: number, version: number): Promise<void> {
  const seen: number[] = []
  const sub = await store.subscribe(v => seen.push(v), { pollMs: 600_000 })
  try {
    const result = await store.approveChange({ id, expectedVersion: version, actor: 'bernd' })
    expect(result).toEqual({ version: version + 1 })
    await waitFor(`version ${result.version} by NOTIFY`, () => seen.includes(result.version))
    expect(seen).toEqual([result.version])
  } finally {
    await sub.close()
  }
}

beforeAll(async () => {
  database = await createDatabase(inject('adminUrl'), 'sg_four_eyes')
  handle = createDb(database.url)
  store = createPolicyStore(handle.db, { connectionString: database.url, classify })
  await store.migrate()
  await store.seedDefaults()
})
afterAll(async () => {
  await handle?.close()
  await database?.drop()
})

const role = (name: string, scopes: string[]): RoleDefinition => ({
  name,
  description: `${name} role`,
  scopes,
  aggregateOnly: false,
  admin: false,
  validFrom: null,
  validUntil: null,
})
const grant = (r: string, coordinate: string, effect: 'ALLOW' | 'DENY' = 'ALLOW'): CoordinateGrant => ({
  role: r,
  coordinate,
  effect,
  validUntil: null,
})
const controlling = DEFAULT_ROLES.find(r => r.name === 'controlling')!

/** The policy, the number of audit rows and the open pending changes. */
async function state() {
  const [policy, audit, pending] = await Promise.all([
    store.exportPolicy(),
    sql<{ n: number }>`select count(*)::int as n from access.audit_log`.execute(handle.db),
    store.pendingChanges(),
  ])
  return { policy, audit: audit.rows[0].n, pending: pending.map(p => p.id) }
}

async function refusal(p: Promise<unknown>): Promise<PolicyError & { changeId?: number }> {
  try {
    await p
  } catch (e) {
    if (e instanceof PolicyError) return e
    throw e
  }
  throw new Error('expected a PolicyError')
}

/** Requests a change that must wait; returns the pending change id after checking nothing took effect. */
async function request(run: (v: number) => Promise<unknown>, actor: string): Promise<number> {
  const before = await state()
  const err = await refusal(run(before.policy.version))
  expect(err.code).toBe('PENDING_APPROVAL')
  expect(typeof err.changeId).toBe('number')
  expect(err.message).toContain(`pending change ${err.changeId}`)
  const after = await state()
  expect(after.policy).toEqual(before.policy)
  expect(after.audit).toBe(before.audit + 1)
  expect(after.pending).toEqual([...before.pending, err.changeId])
  const [entry] = await store.auditLog({ limit: 1 })
  expect(entry).toMatchObject({ actor, action: 'change.requested', payload: { version: before.policy.version, changeId: err.changeId } })
  return err.changeId!
}

describe('four-eyes: what waits for a second administrator', () => {
  const waits: Array<[string, (v: number) => Promise<unknown>]> = [
    [
      'ALLOW on a personal field',
      v => store.setGrant({ grant: grant('controlling', 'AllocationRecord.id'), expectedVersion: v, actor: 'anna' }),
    ],
    [
      'ALLOW on a special field',
      v => store.setGrant({ grant: grant('controlling', 'AllocationRecord.religion'), expectedVersion: v, actor: 'anna' }),
    ],
    [
      'ALLOW on a whole type holding special data',
      v => store.setGrant({ grant: grant('leadership', 'AllocationRecord.*'), expectedVersion: v, actor: 'anna' }),
    ],
    [
      'ALLOW on a personal root field, with an end date',
      v =>
        store.setGrant({
          grant: { ...grant('controlling', 'Query.allocationRecords'), validUntil: '2099-01-01' },
          expectedVersion: v,
          actor: 'anna',
        }),
    ],
    [
      'a new role holding personal',
      v => store.upsertRole({ role: role('auditor', ['open', 'personal']), expectedVersion: v, actor: 'anna' }),
    ],
    [
      'a role gaining x:special',
      v =>
        store.upsertRole({
          role: { ...controlling, scopes: [...controlling.scopes, 'asylum:special'] },
          expectedVersion: v,
          actor: 'anna',
        }),
    ],
    [
      'a role gaining {department}:personal',
      v =>
        store.upsertRole({
          role: { ...controlling, scopes: [...controlling.scopes, '{department}:personal'] },
          expectedVersion: v,
          actor: 'anna',
        }),
    ],
  ]
  it.each(waits)('%s: PENDING_APPROVAL, policy and version unchanged, change.requested audited', async (_name, run) => {
    const id = await request(run, 'anna')
    const listed = (await store.pendingChanges()).find(p => p.id === id)!
    expect(listed).toMatchObject({ requestedBy: 'anna' })
    expect(listed.requestedAt).toBeInstanceOf(Date)
    expect(['grant.set', 'role.upsert']).toContain(listed.kind)
  })

  const immediate: Array<[string, (v: number) => Promise<{ version: number }>]> = [
    [
      'DENY on special data',
      v => store.setGrant({ grant: grant('staff', 'AllocationRecord.religion', 'DENY'), expectedVersion: v, actor: 'anna' }),
    ],
    [
      'ALLOW on internal data',
      v => store.setGrant({ grant: grant('controlling', 'Accommodation.operator'), expectedVersion: v, actor: 'anna' }),
    ],
    [
      'editing a role that already holds personal scopes',
      v =>
        store.upsertRole({
          role: { ...DEFAULT_ROLES.find(r => r.name === 'staff')!, description: 'edited' },
          expectedVersion: v,
          actor: 'anna',
        }),
    ],
    [
      'dropping a personal scope',
      v =>
        store.upsertRole({
          role: { ...DEFAULT_ROLES.find(r => r.name === 'statistics_office')!, scopes: ['open', 'population:internal'] },
          expectedVersion: v,
          actor: 'anna',
        }),
    ],
    [
      'a new role without personal data',
      v => store.upsertRole({ role: role('reader', ['open', 'finance:internal']), expectedVersion: v, actor: 'anna' }),
    ],
  ]
  it.each(immediate)('%s: applied at once', async (_name, run) => {
    const before = await state()
    expect(await run(before.policy.version)).toEqual({ version: before.policy.version + 1 })
    expect((await state()).pending).toEqual(before.pending)
  })

  it('checks a request like a write: a stale version conflicts and an invalid grant is invalid, and neither is stored', async () => {
    const before = await state()
    expect(
      (
        await refusal(
          store.setGrant({ grant: grant('controlling', 'AllocationRecord.id'), expectedVersion: before.policy.version - 1, actor: 'anna' }),
        )
      ).code,
    ).toBe('VERSION_CONFLICT')
    expect(
      (
        await refusal(
          store.setGrant({ grant: grant('nobody', 'AllocationRecord.id'), expectedVersion: before.policy.version, actor: 'anna' }),
        )
      ).code,
    ).toBe('INVALID_POLICY')
    expect(
      (
        await refusal(
          store.setGrant({ grant: grant('public', 'AllocationRecord.id'), expectedVersion: before.policy.version, actor: 'anna' }),
        )
      ).code,
    ).toBe('INVALID_POLICY')
    expect(await state()).toEqual(before)
  })
})

describe('four-eyes: approving and rejecting', () => {
  it('refuses the requester approving their own change (FORBIDDEN, four-eyes), and writes nothing', async () => {
    const id = await request(
      v => store.setGrant({ grant: grant('committee', 'AllocationRecord.id'), expectedVersion: v, actor: 'anna' }),
      'anna',
    )
    const before = await state()
    const err = await refusal(store.approveChange({ id, expectedVersion: before.policy.version, actor: 'anna' }))
    expect(err.code).toBe('FORBIDDEN')
    expect(err.message).toMatch(/^four-eyes: /)
    expect(await state()).toEqual(before)
  })

  it('applies an approved grant like a direct write: version + 1, change.approved naming both, NOTIFY, closed', async () => {
    const id = await request(
      v => store.setGrant({ grant: grant('controlling', 'AllocationRecord.religion'), expectedVersion: v, actor: 'anna' }),
      'anna',
    )
    const before = await state()
    expect((await refusal(store.approveChange({ id, expectedVersion: before.policy.version - 1, actor: 'bernd' }))).code).toBe(
      'VERSION_CONFLICT',
    )
    expect(await state()).toEqual(before)

    await approveAndHearIt(id, before.policy.version)
    const after = await state()
    expect(after.policy.version).toBe(before.policy.version + 1)
    expect(after.policy.grants).toContainEqual(grant('controlling', 'AllocationRecord.religion'))
    expect((await store.load()).grants).toContainEqual(grant('controlling', 'AllocationRecord.religion'))
    expect(after.audit).toBe(before.audit + 1)
    expect(after.pending).toEqual(before.pending.filter(p => p !== id))
    const [entry] = await store.auditLog({ limit: 1 })
    expect(entry).toMatchObject({
      actor: 'bernd',
      action: 'change.approved',
      payload: {
        version: after.policy.version,
        changeId: id,
        kind: 'grant.set',
        requestedBy: 'anna',
        approvedBy: 'bernd',
        grant: grant('controlling', 'AllocationRecord.religion'),
      },
    })
    const { rows } = await sql<{
      approved_by: string
      approved: boolean
    }>`select approved_by, approved_at is not null as approved from access.pending_change where id = ${id}`.execute(handle.db)
    expect(rows).toEqual([{ approved_by: 'bernd', approved: true }])

    // Decided is decided: a second approval, by anyone, is refused.
    for (const actor of ['bernd', 'clara']) {
      const again = await refusal(store.approveChange({ id, expectedVersion: after.policy.version, actor }))
      expect({ code: again.code, pointer: again.pointer }).toEqual({ code: 'INVALID_POLICY', pointer: '/id' })
    }
    expect(await state()).toEqual(after)
  })

  it('applies an approved role change with its personal scope', async () => {
    const id = await request(
      v => store.upsertRole({ role: role('census', ['open', 'population:personal']), expectedVersion: v, actor: 'anna' }),
      'anna',
    )
    expect((await store.load()).roles.has('census')).toBe(false)
    const { version } = await store.approveChange({ id, expectedVersion: await store.version(), actor: 'bernd' })
    const snapshot = await store.load()
    expect(snapshot.version).toBe(version)
    expect(snapshot.roles.get('census')).toEqual(role('census', ['open', 'population:personal']))
    expect((await store.auditLog({ limit: 1 }))[0]).toMatchObject({
      action: 'change.approved',
      payload: { kind: 'role.upsert', requestedBy: 'anna', approvedBy: 'bernd', previous: null },
    })
  })

  it.each([
    ['an unknown id', 999_999],
    ['id 0', 0],
    ['a fractional id', 1.5],
  ])('refuses approving or rejecting %s with INVALID_POLICY at /id', async (_name, id) => {
    const before = await state()
    expect(await refusal(store.approveChange({ id, expectedVersion: before.policy.version, actor: 'bernd' }))).toMatchObject({
      code: 'INVALID_POLICY',
      pointer: '/id',
    })
    expect(await refusal(store.rejectChange({ id, actor: 'bernd', reason: 'test' }))).toMatchObject({
      code: 'INVALID_POLICY',
      pointer: '/id',
    })
    expect(await state()).toEqual(before)
  })

  it('rejects: closed without effect or version bump, change.rejected audited; it cannot be approved afterwards', async () => {
    const id = await request(
      v => store.setGrant({ grant: grant('leadership', 'AllocationRecord.id'), expectedVersion: v, actor: 'anna' }),
      'anna',
    )
    const before = await state()
    // What it would open, for the screen that lists it.
    expect((await store.pendingChanges()).find(p => p.id === id)?.opens).toEqual([
      { kind: 'grant', role: 'leadership', coordinate: 'AllocationRecord.id', cls: 'personal', validUntil: null },
    ])
    // A rejection says why.
    for (const reason of [undefined, '', '   ', 'x'.repeat(1001), 'a\u0000b']) {
      expect(await refusal(store.rejectChange({ id, actor: 'bernd', reason } as never))).toMatchObject({
        code: 'INVALID_POLICY',
        pointer: '/reason',
      })
    }
    expect(await state()).toEqual(before)
    await store.rejectChange({ id, actor: 'bernd', reason: '  Kein Auftrag der Amtsleitung  ' })
    const after = await state()
    expect(after.policy).toEqual(before.policy)
    expect(after.audit).toBe(before.audit + 1)
    expect(after.pending).toEqual(before.pending.filter(p => p !== id))
    expect((await store.auditLog({ limit: 1 }))[0]).toMatchObject({
      actor: 'bernd',
      action: 'change.rejected',
      payload: {
        version: before.policy.version,
        changeId: id,
        requestedBy: 'anna',
        rejectedBy: 'bernd',
        reason: 'Kein Auftrag der Amtsleitung',
      },
    })
    expect(await refusal(store.approveChange({ id, expectedVersion: after.policy.version, actor: 'clara' }))).toMatchObject({
      code: 'INVALID_POLICY',
      pointer: '/id',
    })
    expect(await refusal(store.rejectChange({ id, actor: 'clara', reason: 'x' }))).toMatchObject({ code: 'INVALID_POLICY', pointer: '/id' })
    expect(await refusal(store.rejectChange({ id, actor: ' ', reason: 'x' }))).toMatchObject({ code: 'INVALID_POLICY', pointer: '/actor' })
  })

  it('lets the requester withdraw their own change', async () => {
    const id = await request(
      v => store.setGrant({ grant: grant('leadership', 'AllocationRecord.religion'), expectedVersion: v, actor: 'anna' }),
      'anna',
    )
    await store.rejectChange({ id, actor: 'anna', reason: 'zurückgezogen' })
    expect((await store.pendingChanges()).map(p => p.id)).not.toContain(id)
  })

  it('validates again on approval: a change whose role is gone is refused and stays open', async () => {
    await store.upsertRole({ role: role('temp', ['open']), expectedVersion: await store.version(), actor: 'anna' })
    const id = await request(
      v => store.setGrant({ grant: grant('temp', 'AllocationRecord.id'), expectedVersion: v, actor: 'anna' }),
      'anna',
    )
    await store.deleteRole({ name: 'temp', expectedVersion: await store.version(), actor: 'anna' })
    const before = await state()
    expect(await refusal(store.approveChange({ id, expectedVersion: before.policy.version, actor: 'bernd' }))).toMatchObject({
      code: 'INVALID_POLICY',
      pointer: '/payload/grant/role',
    })
    expect(await state()).toEqual(before)
    expect(before.pending).toContain(id)
  })

  it('lets exactly one of two concurrent approvals of the same change win', async () => {
    const id = await request(
      v => store.setGrant({ grant: grant('committee', 'AllocationRecord.religion'), expectedVersion: v, actor: 'anna' }),
      'anna',
    )
    const v = await store.version()
    const results = await Promise.allSettled(['bernd', 'clara'].map(actor => store.approveChange({ id, expectedVersion: v, actor })))
    expect(results.filter(r => r.status === 'fulfilled')).toEqual([{ status: 'fulfilled', value: { version: v + 1 } }])
    expect(results.filter(r => r.status === 'rejected').map(r => (r as PromiseRejectedResult).reason.code)).toEqual(['INVALID_POLICY'])
    expect(await store.version()).toBe(v + 1)
  })

  it('keeps four eyes in the database too: a row approved by its requester is refused', async () => {
    const id = await request(
      v => store.setGrant({ grant: grant('leadership', 'Query.allocationRecords'), expectedVersion: v, actor: 'anna' }),
      'anna',
    )
    await expect(
      sql`update access.pending_change set approved_by = requested_by, approved_at = now() where id = ${id}`.execute(handle.db),
    ).rejects.toThrow(/check constraint/)
  })

  it('leaves an intact audit chain', async () => {
    expect(await store.verifyAuditChain()).toMatchObject({ ok: true, brokenAt: null })
  })
})

describe('four-eyes for whole-policy imports', () => {
  /** The current policy as an import document (parts only), edited by `edit`. */
  async function edited(edit: (doc: { roles: RoleDefinition[]; grants: CoordinateGrant[]; rowRules: any[] }) => void) {
    const { roles, grants, rowRules } = structuredClone(await store.exportPolicy())
    const doc = { roles, grants, rowRules }
    edit(doc)
    return doc
  }
  /** Sets `g` in the document's grants, replacing one on the same (role, coordinate). */
  const put = (d: { grants: CoordinateGrant[] }, ...gs: CoordinateGrant[]) => {
    for (const g of gs) d.grants.splice(0, d.grants.length, ...d.grants.filter(x => x.role !== g.role || x.coordinate !== g.coordinate), g)
  }
  const gain = (d: { roles: RoleDefinition[] }, name: string, scope: string) => {
    const r = d.roles.find(x => x.name === name)!
    r.scopes = [...r.scopes, scope]
  }
  const importing =
    (doc: object, actor = 'anna') =>
    (v: number) =>
      store.importPolicy({ json: JSON.stringify(doc), expectedVersion: v, actor })

  it('holds back an import adding an ALLOW on personal data: one pending policy.import with the validated import, nothing applied', async () => {
    // validUntil left out on purpose: the stored payload is the validated (normalised) import.
    const doc = await edited(d => {
      d.grants.push({ role: 'committee', coordinate: 'AllocationRecord.id', effect: 'ALLOW' } as CoordinateGrant)
    })
    const id = await request(importing(doc), 'anna')
    const listed = (await store.pendingChanges()).find(p => p.id === id)!
    expect(listed).toMatchObject({ kind: 'policy.import', requestedBy: 'anna' })
    expect(listed.payload).toEqual({ ...doc, grants: doc.grants.map(g => ({ ...g, validUntil: g.validUntil ?? null })) })
    expect((await store.load()).grants).not.toContainEqual(grant('committee', 'AllocationRecord.id'))
    const err = await refusal(importing(doc)(await store.version()))
    expect(err.message).toMatch(
      /\(policy\.import\): an import adding ALLOW of AllocationRecord\.id to role committee opens personal or special data/,
    )
  })

  type Doc = { roles: RoleDefinition[]; grants: CoordinateGrant[] }
  /** [name, what is applied at once first (an import without additions), the import that must wait]. */
  const waits: Array<[string, ((d: Doc) => void) | null, (d: Doc) => void]> = [
    [
      'an ALLOW on special data among harmless edits',
      null,
      d => {
        put(
          d,
          grant('controlling', 'Accommodation.operator'),
          grant('staff', 'AllocationRecord.religion', 'DENY'),
          grant('leadership', 'AllocationRecord.religion'),
        )
      },
    ],
    [
      'a personal scope gained by an existing role',
      null,
      d => {
        gain(d, 'controlling', 'asylum:personal')
      },
    ],
    [
      'a new role holding special',
      null,
      d => {
        d.roles.push(role('inspector', ['open', 'health:special']))
      },
    ],
    [
      'an existing personal ALLOW whose end date is lifted',
      d => {
        put(d, { ...grant('controlling', 'AllocationRecord.religion'), validUntil: '2030-01-01' })
      },
      d => {
        put(d, grant('controlling', 'AllocationRecord.religion'))
      },
    ],
    [
      'an existing personal ALLOW whose end date is moved later',
      d => {
        put(d, { ...grant('controlling', 'AllocationRecord.religion'), validUntil: '2030-01-01' })
      },
      d => {
        put(d, { ...grant('controlling', 'AllocationRecord.religion'), validUntil: '2031-01-01' })
      },
    ],
    [
      'a DENY on personal data turned into an ALLOW',
      d => {
        put(d, grant('leadership', 'AllocationRecord.id', 'DENY'))
      },
      d => {
        put(d, grant('leadership', 'AllocationRecord.id'))
      },
    ],
  ]
  it.each(waits)('holds back an import with %s', async (_name, first, edit) => {
    if (first) {
      const v = await store.version()
      expect(await importing(await edited(first))(v)).toEqual({ version: v + 1 })
    }
    await request(importing(await edited(edit)), 'anna')
  })

  const immediate: Array<[string, (d: Doc) => void]> = [
    ['the current policy as it is (its personal ALLOWs included)', () => {}],
    [
      'only open/internal ALLOWs, DENYs and a role without personal scopes',
      d => {
        put(d, grant('committee', 'District.name'), grant('committee', 'AllocationRecord.religion', 'DENY'))
        d.roles.push(role('viewer', ['open', 'asylum:internal']))
      },
    ],
    [
      'a personal ALLOW shortened and a personal scope dropped',
      d => {
        d.grants.find(g => g.role === 'controlling' && g.coordinate === 'AllocationRecord.religion')!.validUntil = '2029-12-31'
        const staff = d.roles.find(r => r.name === 'staff')!
        staff.scopes = staff.scopes.filter(s => !s.endsWith(':special'))
      },
    ],
    [
      'personal grants and roles removed',
      d => {
        d.grants.splice(0, d.grants.length, ...d.grants.filter(g => !g.coordinate.startsWith('AllocationRecord.')))
        d.roles.splice(0, d.roles.length, ...d.roles.filter(r => r.name !== 'census'))
      },
    ],
  ]
  it.each(immediate)('applies an import with %s at once', async (_name, edit) => {
    const before = await state()
    const doc = await edited(edit)
    expect(await importing(doc)(before.policy.version)).toEqual({ version: before.policy.version + 1 })
    const after = await state()
    expect(after.pending).toEqual(before.pending)
    expect(after.audit).toBe(before.audit + 1)
    const { version: _v, ...parts } = after.policy
    expect(parts).toEqual({
      roles: [...doc.roles].sort((a, b) => a.name.localeCompare(b.name)),
      grants: [...doc.grants].sort((a, b) => (a.role === b.role ? (a.coordinate < b.coordinate ? -1 : 1) : a.role < b.role ? -1 : 1)),
      rowRules: after.policy.rowRules,
    })
    expect((await store.auditLog({ limit: 1 }))[0]).toMatchObject({
      actor: 'anna',
      action: 'policy.import',
      payload: { version: after.policy.version },
    })
  })

  it('checks a held-back import like a write: a stale version conflicts and nothing is stored', async () => {
    const before = await state()
    const doc = await edited(d => {
      put(d, grant('committee', 'AllocationRecord.id'))
    })
    expect((await refusal(importing(doc)(before.policy.version - 1))).code).toBe('VERSION_CONFLICT')
    expect(await state()).toEqual(before)
  })

  it('refuses self-approval (FORBIDDEN); a second administrator applies it like a direct import: one version, change.approved, NOTIFY', async () => {
    const doc = await edited(d => {
      put(d, grant('committee', 'AllocationRecord.id'), grant('committee', 'District.name'))
      gain(d, 'committee', 'asylum:personal')
    })
    const requestedAt = await store.version()
    const id = await request(importing(doc), 'anna')

    let before = await state()
    const own = await refusal(store.approveChange({ id, expectedVersion: before.policy.version, actor: 'anna' }))
    expect(own.code).toBe('FORBIDDEN')
    expect(own.message).toMatch(/^four-eyes: /)
    expect(await state()).toEqual(before)

    // Another change lands meanwhile: approveChange checks the version the approver passes, not the request's.
    await store.setGrant({ grant: grant('committee', 'Accommodation.operator'), expectedVersion: requestedAt, actor: 'clara' })
    before = await state()
    expect((await refusal(store.approveChange({ id, expectedVersion: requestedAt, actor: 'bernd' }))).code).toBe('VERSION_CONFLICT')
    expect(await state()).toEqual(before)

    await approveAndHearIt(id, before.policy.version)
    const after = await state()
    // The import replaced the whole policy, clara's grant (made after the request) included.
    const { version, ...parts } = after.policy
    expect(version).toBe(before.policy.version + 1)
    expect(parts.grants).toContainEqual(grant('committee', 'AllocationRecord.id'))
    expect(parts.grants).not.toContainEqual(grant('committee', 'Accommodation.operator'))
    expect(parts.roles.find(r => r.name === 'committee')!.scopes).toContain('asylum:personal')
    expect(parts).toEqual(await store.exportPolicy().then(({ version: _v, ...p }) => p))
    expect(new Set(parts.grants.map(g => `${g.role} ${g.coordinate} ${g.effect}`))).toEqual(
      new Set(doc.grants.map(g => `${g.role} ${g.coordinate} ${g.effect}`)),
    )
    expect(after.audit).toBe(before.audit + 1)
    expect(after.pending).toEqual(before.pending.filter(p => p !== id))
    expect((await store.auditLog({ limit: 1 }))[0]).toMatchObject({
      actor: 'bernd',
      action: 'change.approved',
      payload: {
        version,
        changeId: id,
        kind: 'policy.import',
        requestedBy: 'anna',
        approvedBy: 'bernd',
        replaced: { roles: before.policy.roles.length, grants: before.policy.grants.length },
      },
    })
    expect(await refusal(store.approveChange({ id, expectedVersion: version, actor: 'clara' }))).toMatchObject({
      code: 'INVALID_POLICY',
      pointer: '/id',
    })
  })

  it('validates a held-back import again on approval (against the graph as it is then); refused, it stays open', async () => {
    const doc = await edited(d => {
      put(d, grant('leadership', 'AllocationRecord.religion', 'ALLOW'))
    })
    const id = await request(importing(doc), 'anna')
    // The graph changed: AllocationRecord.religion is gone.
    const later = createPolicyStore(handle.db, { classify: c => (c === 'AllocationRecord.religion' ? undefined : CLASSES[c]) })
    const before = await state()
    const err = await refusal(later.approveChange({ id, expectedVersion: before.policy.version, actor: 'bernd' }))
    expect(err.code).toBe('INVALID_POLICY')
    expect(err.pointer).toMatch(/^\/payload\/grants\/\d+\/coordinate$/)
    expect(await state()).toEqual(before)
    expect(before.pending).toContain(id)
    await store.rejectChange({ id, actor: 'anna', reason: 'zurückgezogen' })
  })

  it('keeps the kind check: policy.import is accepted by the table, unknown kinds are not', async () => {
    await expect(
      sql`insert into access.pending_change (kind, payload, requested_by) values ('policy.bogus', '{}', 'x')`.execute(handle.db),
    ).rejects.toThrow(/check constraint/)
  })

  it('leaves an intact audit chain', async () => {
    expect(await store.verifyAuditChain()).toMatchObject({ ok: true, brokenAt: null })
  })
})

describe('four-eyes without a classifier', () => {
  it('still holds back roles gaining personal scopes (no graph needed for that)', async () => {
    const bare = createPolicyStore(handle.db)
    const err = await refusal(bare.upsertRole({ role: role('bare', ['special']), expectedVersion: await bare.version(), actor: 'anna' }))
    expect(err.code).toBe('PENDING_APPROVAL')
  })
})
