import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { createDatabase } from '../helpers/test-database.js'
import { bearer, startCity, type RunningCity } from '../helpers/start-city.js'
import { graphql } from '../helpers/start-subgraphs.js'
import { waitFor } from '../helpers/wait-for.js'

// Four-eyes approval end to end (docs/access-control.md#four-eyes, case T45): a grant that opens personal or
// special data is pending until a second administrator approves it; an expired grant gives nothing.
// The policy lives in its own database so these grants never leak into other test files.

let city: RunningCity
let policyDb: Awaited<ReturnType<typeof createDatabase>>

beforeAll(async () => {
  policyDb = await createDatabase(inject('adminUrl'), 'sg_four_eyes')
  city = await startCity(inject('cityDatabaseUrl'), { policyDatabaseUrl: policyDb.url, replicaId: 'four-eyes' })
})
afterAll(async () => {
  await city?.stop()
  await policyDb?.drop()
})

const adminAs = (sub: string) => (query: string, variables?: Record<string, unknown>) =>
  graphql(city.gateway.url.replace(/\/graphql$/, '/admin/graphql'), query, variables, bearer('admin', { sub }))
const adminA = adminAs('admin-a')
const adminB = adminAs('admin-b')

const version = async (): Promise<number> => (await adminA('{ policy { version } }')).data.policy.version
const setGrant = (as: typeof adminA, role: string, coordinate: string, v: number, validUntil: string | null = null) =>
  as(
    'mutation ($r: String!, $c: String!, $u: String, $v: Int!) { setGrant(input: { role: $r, coordinate: $c, effect: ALLOW, validUntil: $u }, expectedVersion: $v) }',
    { r: role, c: coordinate, u: validUntil, v },
  )
const approve = (as: typeof adminA, id: number, v: number) =>
  as('mutation ($id: Int!, $v: Int!) { approveChange(id: $id, expectedVersion: $v) }', { id, v })

/**
 * A controller reading person-level records, with a declared purpose (personal data needs one). The
 * asylum subgraph hands rows only to principals of its own department (defence in depth below the
 * gateway), so this controller sits in asylum; the role itself holds no `{department}` scope, so the
 * department claim alone opens nothing — only the approved grants do.
 */
const asControlling = (fields: string) =>
  graphql(city.gateway.url, `{ allocationRecords(from: "2022-03-01", to: "2022-03-31", first: 5) { ${fields} } }`, undefined, {
    ...bearer('controlling', { sub: 'controller-1', department: 'asylum' }),
    'x-stadtgraph-purpose': 'Haushaltscontrolling Unterbringung',
  })

/** Until the gateway enforces policy version `v` (it learns of changes by NOTIFY). */
async function gatewayAt(v: number): Promise<void> {
  await waitFor(`the gateway to enforce policy version ${v}`, () => city.gateway.policyVersion() >= v)
}

const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10)

describe('four-eyes approval of personal and special grants', () => {
  const coordinates = ['Query.allocationRecords', 'AllocationRecord.religion']
  const pending: number[] = []

  it("stores admin A's grants as pending: PENDING_APPROVAL with the change id, no new version, no access", async () => {
    const before = await version()
    for (const coordinate of coordinates) {
      const res = await setGrant(adminA, 'controlling', coordinate, before)
      expect(res.data).toBeNull()
      expect(res.errors?.[0].extensions?.code, coordinate).toBe('PENDING_APPROVAL')
      const id = res.errors?.[0].extensions?.changeId as number
      expect(Number.isInteger(id)).toBe(true)
      expect(res.errors?.[0].message).toContain(`pending change ${id}`)
      pending.push(id)
    }
    expect(await version()).toBe(before)
    const policy = (await adminA('{ policy { grants { role coordinate } } }')).data.policy
    expect(policy.grants.filter((g: { role: string }) => g.role === 'controlling')).toEqual([])

    const list = await adminB('{ pendingChanges { id kind payload requestedBy requestedAt } }')
    expect(list.errors).toBeUndefined()
    expect(list.data.pendingChanges.map((c: { id: number }) => c.id)).toEqual(pending)
    for (const [i, c] of list.data.pendingChanges.entries()) {
      expect(c).toMatchObject({ kind: 'grant.set', requestedBy: 'admin-a' })
      expect(JSON.parse(c.payload)).toEqual({
        grant: { role: 'controlling', coordinate: coordinates[i], effect: 'ALLOW', validUntil: null },
      })
    }
    const audit = await adminA('{ auditLog(limit: 2) { actor action payload } }')
    expect(audit.data.auditLog.map((e: { actor: string; action: string }) => [e.actor, e.action])).toEqual([
      ['admin-a', 'change.requested'],
      ['admin-a', 'change.requested'],
    ])

    const denied = await asControlling('religion')
    expect(denied.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED')
    expect(denied.data).toBeUndefined()
  })

  it('refuses admin A approving their own change with FORBIDDEN (four-eyes)', async () => {
    const before = await version()
    const res = await approve(adminA, pending[0], before)
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN')
    expect(res.errors?.[0].message).toMatch(/^four-eyes: /)
    expect(await version()).toBe(before)
    expect((await adminB('{ pendingChanges { id } }')).data.pendingChanges).toHaveLength(2)
  })

  it('applies the grants once admin B approves them; audited with both names; controlling then reads religion', async () => {
    let v = await version()
    for (const id of pending) {
      const res = await approve(adminB, id, v)
      expect(res.errors).toBeUndefined()
      expect(res.data.approveChange).toBe(v + 1)
      v = res.data.approveChange
    }
    expect((await adminB('{ pendingChanges { id } }')).data.pendingChanges).toEqual([])
    const audit = await adminA('{ auditLog(limit: 2) { actor action payload } }')
    for (const entry of audit.data.auditLog) {
      expect(entry).toMatchObject({ actor: 'admin-b', action: 'change.approved' })
      expect(JSON.parse(entry.payload)).toMatchObject({ requestedBy: 'admin-a', approvedBy: 'admin-b', kind: 'grant.set' })
    }
    expect((await adminA('{ auditChain { ok } }')).data.auditChain.ok).toBe(true)

    await gatewayAt(v)
    const res = await asControlling('religion')
    expect(res.errors).toBeUndefined()
    expect(res.data.allocationRecords.length).toBeGreaterThan(0)
    expect(Object.keys(res.data.allocationRecords[0])).toEqual(['religion'])
    // Only what was approved: other personal fields stay hidden.
    expect((await asControlling('id')).errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED')

    const again = await approve(adminB, pending[0], v)
    expect(again.errors?.[0].extensions?.code).toBe('INVALID_POLICY')
  })

  it('does not make an approved grant effective once its validUntil has passed', async () => {
    const requested = await setGrant(adminA, 'controlling', 'AllocationRecord.route', await version(), isoDay(-1))
    expect(requested.errors?.[0].extensions?.code).toBe('PENDING_APPROVAL')
    const approved = await approve(adminB, requested.errors?.[0].extensions?.changeId as number, await version())
    expect(approved.errors).toBeUndefined()
    const v = approved.data.approveChange as number
    const grants = (await adminA('{ policy { grants { role coordinate validUntil } } }')).data.policy.grants
    expect(grants).toContainEqual({ role: 'controlling', coordinate: 'AllocationRecord.route', validUntil: isoDay(-1) })

    await gatewayAt(v)
    const expired = await asControlling('route')
    expect(expired.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED')
    expect((await asControlling('religion')).errors).toBeUndefined() // same version, unexpired grant: served
    const explained = await adminA('{ explain(roles: ["controlling"], coordinate: "AllocationRecord.route") { decision policyVersion } }')
    expect(explained.data.explain).toEqual({ decision: 'DENY', policyVersion: v })
  })

  it('lets a second admin reject a pending change: it never takes effect', async () => {
    const before = await version()
    const requested = await setGrant(adminA, 'leadership', 'AllocationRecord.religion', before)
    const id = requested.errors?.[0].extensions?.changeId as number
    expect(requested.errors?.[0].extensions?.code).toBe('PENDING_APPROVAL')
    const rejected = await adminB('mutation ($id: Int!) { rejectChange(id: $id, reason: "nicht beantragt") }', { id })
    expect(rejected).toMatchObject({ data: { rejectChange: true } })
    expect(await version()).toBe(before)
    expect((await adminB('{ pendingChanges { id } }')).data.pendingChanges).toEqual([])
    expect((await approve(adminB, id, before)).errors?.[0].extensions?.code).toBe('INVALID_POLICY')
  })
})
