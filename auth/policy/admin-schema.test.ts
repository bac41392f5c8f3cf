import { beforeEach, describe, expect, it } from 'vitest'
import { buildSchema, graphql, type ExecutionResult } from 'graphql'
import { printSchemaWithDirectives } from '@graphql-tools/utils'
import type { Principal } from '../principal.js'
import {
  createAdminSchema,
  type AdminContext,
  type AdminStore,
  type AuditChainStatus,
  type AuditEntry,
  type PendingChange,
  type WriteMeta,
} from './admin-schema.js'
import { fieldOwners, readRequirements } from './requirements.js'
import { PolicyError, type CoordinateGrant, type PolicySnapshot, type RoleDefinition, type RowRule } from './types.js'

// A plain API schema (no supergraph): unclassified fields need the bare `internal` scope.
const apiSchema = buildSchema(`
  directive @requiresScopes(scopes: [[String!]!]!) on FIELD_DEFINITION | OBJECT
  type Query { accommodations: [Accommodation!]! @requiresScopes(scopes: [["open"]]) note: String }
  type Accommodation { id: ID! @requiresScopes(scopes: [["open"]]) operator: String @requiresScopes(scopes: [["internal"], ["asylum:internal"]]) religion: String @requiresScopes(scopes: [["special"], ["asylum:special"]]) }
`)
const sdl = printSchemaWithDirectives(apiSchema)
const supergraph = () => ({ sdl, apiSchema, requirements: readRequirements(sdl), owners: fieldOwners(sdl) })

const role = (name: string, scopes: string[], flags: Partial<RoleDefinition> = {}): RoleDefinition => ({
  name,
  description: name,
  scopes,
  aggregateOnly: false,
  admin: false,
  validFrom: null,
  validUntil: null,
  ...flags,
})

/** In-memory AdminStore: the same contract as the Postgres store (optimistic version, actor, PolicyError). */
class FakeStore implements AdminStore {
  version = 4
  roles = new Map<string, RoleDefinition>([
    ['public', role('public', ['open'], { aggregateOnly: true })],
    ['staff', role('staff', ['open', '{department}:internal', '{department}:personal', '{department}:special'])],
    ['admin', role('admin', [], { admin: true })],
  ])
  grants: CoordinateGrant[] = [{ role: 'public', coordinate: 'Query.note', effect: 'ALLOW', validUntil: null }]
  rowRules: RowRule[] = [{ role: 'staff', coordinate: 'Accommodation', condition: { column: 'department', claim: 'department' } }]
  calls: Array<{ method: string; input: unknown }> = []
  audit: AuditEntry[] = [
    { id: 1, at: new Date('2026-01-01T00:00:00Z'), actor: 'a', action: 'seed', payload: { n: 1 }, prevHash: '0', hash: 'h1' },
    {
      id: 2,
      at: new Date('2026-01-02T00:00:00.000Z'),
      actor: 'b',
      action: 'setGrant',
      payload: { role: 'public' },
      prevHash: 'h1',
      hash: 'h2',
    },
  ]

  private async write(method: string, input: WriteMeta, change: () => void) {
    this.calls.push({ method, input })
    if (input.expectedVersion !== this.version) throw new PolicyError('VERSION_CONFLICT', `policy is at version ${this.version}`)
    change()
    return { version: ++this.version }
  }
  async load(): Promise<PolicySnapshot> {
    return {
      version: this.version,
      roles: new Map(this.roles),
      grants: [...this.grants],
      rowRules: [...this.rowRules],
      loadedAt: new Date(),
    }
  }
  upsertRole(input: WriteMeta & { role: RoleDefinition }) {
    return this.write('upsertRole', input, () => {
      if (!/^[a-z_]+$/.test(input.role.name)) throw new PolicyError('INVALID_POLICY', 'bad role name', '/name')
      this.roles.set(input.role.name, input.role)
    })
  }
  deleteRole(input: WriteMeta & { name: string }) {
    return this.write('deleteRole', input, () => this.roles.delete(input.name))
  }
  pending: PendingChange[] = []
  setGrant(input: WriteMeta & { grant: CoordinateGrant }) {
    // As the Postgres store does with classify: an ALLOW on special data waits for a second administrator.
    if (input.grant.effect === 'ALLOW' && input.grant.coordinate === 'Accommodation.religion') {
      this.calls.push({ method: 'setGrant', input })
      const id = this.pending.length + 1
      this.pending.push({
        id,
        kind: 'grant.set',
        payload: { grant: input.grant },
        requestedBy: input.actor,
        requestedAt: new Date('2026-02-01T00:00:00Z'),
        opens: [{ kind: 'grant', role: input.grant.role, coordinate: input.grant.coordinate, cls: 'special', validUntil: null }],
      })
      return Promise.reject(Object.assign(new PolicyError('PENDING_APPROVAL', `pending change ${id} awaits approval`), { changeId: id }))
    }
    return this.write('setGrant', input, () => this.grants.push(input.grant))
  }
  async pendingChanges() {
    return this.pending
  }
  approveChange(input: WriteMeta & { id: number }) {
    const change = this.pending.find(c => c.id === input.id)
    if (!change) return Promise.reject(new PolicyError('INVALID_POLICY', 'unknown pending change', '/id'))
    if (change.requestedBy === input.actor)
      return Promise.reject(new PolicyError('FORBIDDEN', 'four-eyes: requested by the same actor', '/id'))
    return this.write('approveChange', input, () => {
      this.pending = this.pending.filter(c => c !== change)
      this.grants.push((change.payload as { grant: CoordinateGrant }).grant)
    })
  }
  async previewImport(input: { json: string } | object) {
    this.calls.push({ method: 'previewImport', input })
    return { baseVersion: this.version, changes: [], unchanged: 0, needsApproval: false, opens: [] }
  }
  async rejectChange(input: { id: number; actor: string; reason: string }) {
    this.calls.push({ method: 'rejectChange', input })
    this.pending = this.pending.filter(c => c.id !== input.id)
  }
  removeGrant(input: WriteMeta & { role: string; coordinate: string }) {
    return this.write('removeGrant', input, () => {
      this.grants = this.grants.filter(g => g.role !== input.role || g.coordinate !== input.coordinate)
    })
  }
  setRowRule(input: WriteMeta & { rule: RowRule }) {
    return this.write('setRowRule', input, () => this.rowRules.push(input.rule))
  }
  removeRowRule(input: WriteMeta & { role: string; coordinate: string }) {
    return this.write('removeRowRule', input, () => {})
  }
  importPolicy(input: WriteMeta & { json: string }) {
    return this.write('importPolicy', input, () => {})
  }
  async exportPolicy() {
    return { version: this.version, roles: [...this.roles.values()], grants: this.grants, rowRules: this.rowRules }
  }
  async auditLog(input: { limit: number; before: number | null }) {
    this.calls.push({ method: 'auditLog', input })
    return this.audit
      .filter(e => input.before === null || e.id < input.before)
      .reverse()
      .slice(0, input.limit)
  }
  async verifyAuditChain(): Promise<AuditChainStatus> {
    return {
      log: 'audit_log',
      ok: false,
      state: 'broken',
      checked: 2,
      brokenAt: 2,
      badSignatureAt: null,
      signedThrough: null,
      unsigned: 2,
      checkpoints: 0,
      message: 'audit_log: broken at seq 2',
    }
  }
  reads: Array<{ actor: string; action: string; payload: Record<string, unknown> }> = []
  /** Set to make the audit sink fail. */
  auditDown = false
  async recordAdminRead(input: { actor: string; action: string; payload: Record<string, unknown> }) {
    if (this.auditDown) throw new Error('audit sink down')
    this.reads.push(input)
  }
  async replicas() {
    return [
      {
        id: 'gw-1',
        policyVersion: 4,
        seenAt: new Date('2026-01-03T00:00:00Z'),
        supergraphHash: '0123456789abcdef',
        supergraphLoadedAt: new Date(Date.now() - 90_000),
      },
    ]
  }
}

const adminPrincipal: Principal = { subject: 'alice', roles: ['admin'], department: null, purpose: null, authenticated: true }
const ADMIN: AdminContext = { principal: adminPrincipal, isAdmin: true, actor: 'alice' }
const STAFF: AdminContext = { principal: { ...adminPrincipal, subject: 'bob', roles: ['staff'] }, isAdmin: false, actor: 'bob' }

let store: FakeStore
const run = (source: string, ctx: AdminContext = ADMIN, variableValues?: Record<string, unknown>) =>
  graphql({ schema: createAdminSchema({ store, supergraph }), source, contextValue: ctx, variableValues }) as Promise<ExecutionResult<any>>
const codes = (res: ExecutionResult) => res.errors?.map(e => e.extensions?.code)

beforeEach(() => {
  store = new FakeStore()
})

describe('admin schema: access', () => {
  it.each([
    ['policy', '{ policy { version } }'],
    ['explain', '{ explain(roles: ["public"], coordinate: "Query.note") { decision } }'],
    ['effectiveSchema', '{ effectiveSchema(roles: ["staff"], department: "asylum") }'],
    ['coordinates', '{ coordinates { coordinate } }'],
    ['auditLog', '{ auditLog { id } }'],
    ['auditChain', '{ auditChain { ok } }'],
    ['replicas', '{ replicas { id } }'],
    ['exportPolicy', '{ exportPolicy }'],
    ['upsertRole', 'mutation { upsertRole(input: { name: "x", scopes: [] }, expectedVersion: 4) }'],
    ['deleteRole', 'mutation { deleteRole(name: "public", expectedVersion: 4) }'],
    ['setGrant', 'mutation { setGrant(input: { role: "public", coordinate: "A.b", effect: ALLOW }, expectedVersion: 4) }'],
    ['removeGrant', 'mutation { removeGrant(role: "public", coordinate: "Query.note", expectedVersion: 4) }'],
    ['setRowRule', 'mutation { setRowRule(input: { role: "staff", coordinate: "A", condition: "{}" }, expectedVersion: 4) }'],
    ['removeRowRule', 'mutation { removeRowRule(role: "staff", coordinate: "A", expectedVersion: 4) }'],
    ['importPolicy', 'mutation { importPolicy(json: "{}", expectedVersion: 4) }'],
    ['pendingChanges', '{ pendingChanges { id } }'],
    ['approveChange', 'mutation { approveChange(id: 1, expectedVersion: 4) }'],
    ['rejectChange', 'mutation { rejectChange(id: 1, reason: "nein") }'],
    ['previewImport', '{ previewImport(json: "{}") { baseVersion } }'],
  ])('%s as non-admin → FORBIDDEN, store untouched', async (_name, source) => {
    const res = await run(source, STAFF)
    expect(codes(res)).toEqual(['FORBIDDEN'])
    expect(res.data).toBeNull()
    expect(store.calls).toEqual([])
    expect(store.version).toBe(4)
  })

  it('without a context at all → FORBIDDEN', async () => {
    const res = await graphql({ schema: createAdminSchema({ store, supergraph }), source: '{ policy { version } }' })
    expect(codes(res)).toEqual(['FORBIDDEN'])
  })
})

describe('admin schema: reads', () => {
  it('policy returns roles, grants and row rules of the current version', async () => {
    const res = await run(
      '{ policy { version roles { name scopes aggregateOnly admin validFrom validUntil } grants { role coordinate effect validUntil } rowRules { role coordinate condition } } }',
    )
    expect(res.errors).toBeUndefined()
    expect(res.data.policy.version).toBe(4)
    expect(res.data.policy.roles.map((r: any) => r.name)).toEqual(['public', 'staff', 'admin'])
    expect(res.data.policy.grants).toEqual([{ role: 'public', coordinate: 'Query.note', effect: 'ALLOW', validUntil: null }])
    expect(JSON.parse(res.data.policy.rowRules[0].condition)).toEqual({ column: 'department', claim: 'department' })
  })

  it('explain answers for roles and department, from the current store version', async () => {
    const res = await run(`{
      a: explain(roles: ["public"], coordinate: "Accommodation.operator") { decision class requirement heldScopes reasons policyVersion }
      b: explain(roles: ["staff"], department: "asylum", coordinate: "Accommodation.religion") { decision class matchedGrants { role } }
      c: explain(roles: ["public"], coordinate: "Query.note") { decision matchedGrants { role coordinate effect } }
      d: explain(roles: ["public"], coordinate: "Query.nothing") { decision reasons }
    }`)
    expect(res.errors).toBeUndefined()
    expect(res.data.a).toMatchObject({
      decision: 'DENY',
      class: 'internal',
      requirement: [['internal'], ['asylum:internal']],
      heldScopes: ['open'],
      policyVersion: 4,
    })
    expect(res.data.a.reasons).toContain('class internal not granted to role public: held scopes [open] do not satisfy the requirement')
    expect(res.data.b).toEqual({ decision: 'ALLOW', class: 'special', matchedGrants: [] })
    expect(res.data.c).toEqual({ decision: 'ALLOW', matchedGrants: [{ role: 'public', coordinate: 'Query.note', effect: 'ALLOW' }] })
    expect(res.data.d).toEqual({ decision: 'DENY', reasons: ['unknown coordinate'] })
  })

  it('effectiveSchema prints the projection, without scopes', async () => {
    const res = await run(
      '{ p: effectiveSchema(roles: ["public"]) s: effectiveSchema(roles: ["staff"], department: "asylum") n: effectiveSchema(roles: []) }',
    )
    expect(res.errors).toBeUndefined()
    expect(res.data.p).toContain('note: String')
    expect(res.data.p).not.toContain('operator')
    expect(res.data.s).toContain('religion: String')
    expect(res.data.s).not.toContain('note') // unclassified outside a supergraph: bare `internal`, which staff lacks
    expect(res.data.n).toContain('stadtgraph: String')
    for (const printed of [res.data.p, res.data.s]) expect(printed).not.toContain('requiresScopes')
  })

  it('coordinates lists every field with class, requirement and whether it was declared', async () => {
    const res = await run('{ coordinates { coordinate class requirement declared owners } }')
    expect(res.data.coordinates).toEqual([
      { coordinate: 'Accommodation.id', class: 'open', requirement: [['open']], declared: true, owners: [] },
      {
        coordinate: 'Accommodation.operator',
        class: 'internal',
        requirement: [['internal'], ['asylum:internal']],
        declared: true,
        owners: [],
      },
      {
        coordinate: 'Accommodation.religion',
        class: 'special',
        requirement: [['special'], ['asylum:special']],
        declared: true,
        owners: [],
      },
      { coordinate: 'Query.accommodations', class: 'open', requirement: [['open']], declared: true, owners: [] },
      { coordinate: 'Query.note', class: 'internal', requirement: [['internal']], declared: false, owners: [] },
    ])
  })

  it('auditLog passes limit and before, newest first, payload as JSON', async () => {
    const res = await run('{ all: auditLog { id at actor action payload prevHash hash } older: auditLog(limit: 5, before: 2) { id } }')
    expect(res.errors).toBeUndefined()
    expect(res.data.all.map((e: any) => e.id)).toEqual([2, 1])
    expect(res.data.all[1]).toEqual({
      id: 1,
      at: '2026-01-01T00:00:00.000Z',
      actor: 'a',
      action: 'seed',
      payload: '{"n":1}',
      prevHash: '0',
      hash: 'h1',
    })
    expect(res.data.older).toEqual([{ id: 1 }])
    expect(store.calls).toEqual([
      { method: 'auditLog', input: { limit: 50, before: null } },
      { method: 'auditLog', input: { limit: 5, before: 2 } },
    ])
  })

  it.each([0, -1, 1001])('auditLog(limit: %i) → BAD_USER_INPUT', async limit => {
    expect(codes(await run(`{ auditLog(limit: ${limit}) { id } }`))).toEqual(['BAD_USER_INPUT'])
  })

  it('auditChain, replicas and exportPolicy come from the store; replicas can be overridden', async () => {
    const res = await run('{ auditChain { ok checked brokenAt } replicas { id policyVersion seenAt } exportPolicy }')
    expect(res.data.auditChain).toEqual({ ok: false, checked: 2, brokenAt: 2 })
    expect(res.data.replicas).toEqual([{ id: 'gw-1', policyVersion: 4, seenAt: '2026-01-03T00:00:00.000Z' }])
    expect(JSON.parse(res.data.exportPolicy)).toMatchObject({ version: 4, grants: [{ role: 'public', coordinate: 'Query.note' }] })
    const schema = createAdminSchema({
      store,
      supergraph,
      replicas: async () => [{ id: 'live', policyVersion: 5, seenAt: new Date(), supergraphHash: null, supergraphLoadedAt: null }],
    })
    const live = (await graphql({
      schema,
      source: '{ replicas { id supergraphHash supergraphAgeSeconds } }',
      contextValue: ADMIN,
    })) as ExecutionResult<any>
    expect(live.data.replicas).toEqual([{ id: 'live', supergraphHash: null, supergraphAgeSeconds: null }])
  })

  it('replicas name the served supergraph, when it was loaded and its age in seconds', async () => {
    const res = await run('{ replicas { supergraphHash supergraphLoadedAt supergraphAgeSeconds } }')
    const [r] = res.data.replicas
    expect(r.supergraphHash).toBe('0123456789abcdef')
    expect(Date.parse(r.supergraphLoadedAt)).toBeGreaterThan(Date.now() - 100_000)
    expect(r.supergraphAgeSeconds).toBeGreaterThanOrEqual(90)
    expect(r.supergraphAgeSeconds).toBeLessThan(100)
  })

  it('auditChain and accessLogChain report the checkpoint verdict of each log; accessLogChain is null for a store without one', async () => {
    const query = '{ auditChain { ok state badSignatureAt signedThrough unsigned message } accessLogChain { ok state unsigned message } }'
    expect((await run(query)).data).toMatchObject({ auditChain: { ok: false, state: 'BROKEN' }, accessLogChain: null })
    Object.assign(store, {
      verifyAuditChain: async () => ({
        ok: false,
        state: 'bad-signature',
        checked: 6,
        brokenAt: null,
        badSignatureAt: 7,
        signedThrough: 3,
        unsigned: 3,
        checkpoints: 1,
        message: 'audit_log: checkpoint at seq 7 has a BAD SIGNATURE: …',
      }),
      verifyAccessLogChain: async () => ({
        ok: false,
        state: 'unsigned',
        checked: 250,
        brokenAt: null,
        badSignatureAt: null,
        signedThrough: null,
        unsigned: 250,
        checkpoints: 0,
        message: 'access_log: 250 entries … UNSIGNED',
      }),
    })
    const res = await run(query)
    expect(res.errors).toBeUndefined()
    expect(res.data).toEqual({
      auditChain: {
        ok: false,
        state: 'BAD_SIGNATURE',
        badSignatureAt: 7,
        signedThrough: 3,
        unsigned: 3,
        message: 'audit_log: checkpoint at seq 7 has a BAD SIGNATURE: …',
      },
      accessLogChain: { ok: false, state: 'UNSIGNED', unsigned: 250, message: 'access_log: 250 entries … UNSIGNED' },
    })
    expect(codes(await run('{ accessLogChain { ok } }', STAFF))).toEqual(['FORBIDDEN'])
  })
})

describe('admin schema: reads that reveal policy are audited', () => {
  it('explain, explainOperation, effectiveSchema, the permission matrix and the export each leave a row naming who asked what', async () => {
    const res = await run(`{
      explain(roles: ["public"], coordinate: "Accommodation.operator") { decision }
      explainOperation(roles: ["staff"], department: "asylum", operation: "{ accommodations { id } }") { decision }
      effectiveSchema(roles: ["public"])
      coordinates { coordinate }
      exportPolicy
      policy { version }
      auditLog { id }
    }`)
    expect(res.errors).toBeUndefined()
    expect(store.reads).toEqual([
      { actor: 'alice', action: 'read.explain', payload: { roles: ['public'], department: null, coordinate: 'Accommodation.operator' } },
      {
        actor: 'alice',
        action: 'read.explainOperation',
        payload: {
          roles: ['staff'],
          department: 'asylum',
          operation: '{ accommodations { id } }',
          operationHash: expect.stringMatching(/^[0-9a-f]{64}$/),
        },
      },
      { actor: 'alice', action: 'read.effectiveSchema', payload: { roles: ['public'], department: null } },
      { actor: 'alice', action: 'read.coordinates', payload: {} },
      { actor: 'alice', action: 'read.exportPolicy', payload: {} },
    ])
  })

  it('reveals nothing when the audit row cannot be written', async () => {
    store.auditDown = true
    const res = await run('{ explain(roles: ["public"], coordinate: "Accommodation.operator") { decision } }')
    expect(res.data).toBeNull()
    expect(res.errors).toHaveLength(1)
  })

  it('does not audit refused callers (they are refused before anything is read)', async () => {
    await graphql({ schema: createAdminSchema({ store, supergraph }), source: '{ exportPolicy }', contextValue: STAFF })
    expect(store.reads).toEqual([])
  })
})

describe('admin schema: writes', () => {
  it('each mutation passes expectedVersion and the actor, and returns the new version', async () => {
    const steps: Array<[string, string, Record<string, unknown>]> = [
      [
        'upsertRole',
        'mutation { upsertRole(input: { name: "auditor", scopes: ["open"], validUntil: "2027-01-01" }, expectedVersion: 4) }',
        {
          role: {
            name: 'auditor',
            description: '',
            scopes: ['open'],
            aggregateOnly: false,
            admin: false,
            validFrom: null,
            validUntil: '2027-01-01',
          },
        },
      ],
      [
        'setGrant',
        'mutation { setGrant(input: { role: "auditor", coordinate: "Accommodation.*", effect: DENY }, expectedVersion: 5) }',
        { grant: { role: 'auditor', coordinate: 'Accommodation.*', effect: 'DENY', validUntil: null } },
      ],
      [
        'removeGrant',
        'mutation { removeGrant(role: "auditor", coordinate: "Accommodation.*", expectedVersion: 6) }',
        { role: 'auditor', coordinate: 'Accommodation.*' },
      ],
      [
        'setRowRule',
        'mutation { setRowRule(input: { role: "auditor", coordinate: "Accommodation", condition: "{\\"column\\":\\"department\\",\\"claim\\":\\"department\\"}" }, expectedVersion: 7) }',
        { rule: { role: 'auditor', coordinate: 'Accommodation', condition: { column: 'department', claim: 'department' } } },
      ],
      [
        'removeRowRule',
        'mutation { removeRowRule(role: "auditor", coordinate: "Accommodation", expectedVersion: 8) }',
        { role: 'auditor', coordinate: 'Accommodation' },
      ],
      ['deleteRole', 'mutation { deleteRole(name: "auditor", expectedVersion: 9) }', { name: 'auditor' }],
      ['importPolicy', 'mutation { importPolicy(json: "{\\"roles\\":[]}", expectedVersion: 10) }', { json: '{"roles":[]}' }],
    ]
    let expected = 4
    for (const [method, source, input] of steps) {
      const res = await run(source)
      expect(res.errors, method).toBeUndefined()
      expect(res.data[method]).toBe(expected + 1)
      expect(store.calls.at(-1)).toEqual({ method, input: { ...input, expectedVersion: expected, actor: 'alice' } })
      expected++
    }
  })

  it('a stale expectedVersion surfaces as VERSION_CONFLICT', async () => {
    const res = await run('mutation { deleteRole(name: "public", expectedVersion: 3) }')
    expect(codes(res)).toEqual(['VERSION_CONFLICT'])
    expect(res.data).toBeNull()
    expect(store.roles.has('public')).toBe(true)
  })

  it('INVALID_POLICY carries its JSON pointer', async () => {
    const res = await run('mutation { upsertRole(input: { name: "Bad Name", scopes: [] }, expectedVersion: 4) }')
    expect(res.errors?.map(e => e.extensions)).toEqual([{ code: 'INVALID_POLICY', pointer: '/name', http: { status: 400 } }])
  })

  it.each(['not json', '[]', '{"column": 1}'])('a row rule condition %j is INVALID_POLICY before the store is called', async condition => {
    const res = await run(
      'mutation ($c: String!) { setRowRule(input: { role: "staff", coordinate: "A", condition: $c }, expectedVersion: 4) }',
      ADMIN,
      { c: condition },
    )
    expect(res.errors?.map(e => e.extensions)).toEqual([{ code: 'INVALID_POLICY', pointer: '/condition', http: { status: 400 } }])
    expect(store.calls).toEqual([])
  })

  it('an unexpected store failure is not turned into a policy code', async () => {
    store.load = async () => {
      throw new Error('connection refused')
    }
    const res = await run('{ policy { version } }')
    expect(res.errors?.[0].message).toBe('connection refused')
    expect(res.errors?.[0].extensions?.code).toBeUndefined() // the server's formatError masks it
  })
})

describe('admin schema: four-eyes approval', () => {
  const BOB: AdminContext = { principal: { ...adminPrincipal, subject: 'bob' }, isAdmin: true, actor: 'bob' }
  const request = 'mutation { setGrant(input: { role: "staff", coordinate: "Accommodation.religion", effect: ALLOW }, expectedVersion: 4) }'

  it('a grant that waits for approval answers PENDING_APPROVAL with the change id, and is listed', async () => {
    const res = await run(request)
    expect(res.data).toBeNull()
    expect(res.errors?.map(e => e.extensions)).toEqual([{ code: 'PENDING_APPROVAL', changeId: 1 }])
    expect(res.errors?.[0].message).toContain('pending change 1')
    const list = await run('{ pendingChanges { id kind payload requestedBy requestedAt } }')
    expect(list.errors).toBeUndefined()
    expect(list.data.pendingChanges).toEqual([
      {
        id: 1,
        kind: 'grant.set',
        requestedBy: 'alice',
        requestedAt: '2026-02-01T00:00:00.000Z',
        payload: JSON.stringify({ grant: { role: 'staff', coordinate: 'Accommodation.religion', effect: 'ALLOW', validUntil: null } }),
      },
    ])
    expect(store.version).toBe(4)
  })

  it('approveChange passes id, expectedVersion and the approving actor; the requester gets FORBIDDEN', async () => {
    await run(request)
    const own = await run('mutation { approveChange(id: 1, expectedVersion: 4) }')
    expect(codes(own)).toEqual(['FORBIDDEN'])
    expect(own.errors?.[0].message).toMatch(/^four-eyes:/)
    expect(store.version).toBe(4)
    const approved = await run('mutation { approveChange(id: 1, expectedVersion: 4) }', BOB)
    expect(approved.errors).toBeUndefined()
    expect(approved.data.approveChange).toBe(5)
    expect(store.calls.at(-1)).toEqual({ method: 'approveChange', input: { id: 1, expectedVersion: 4, actor: 'bob' } })
    expect(store.grants).toContainEqual({ role: 'staff', coordinate: 'Accommodation.religion', effect: 'ALLOW', validUntil: null })
    expect(codes(await run('mutation { approveChange(id: 1, expectedVersion: 5) }', BOB))).toEqual(['INVALID_POLICY'])
  })

  it('rejectChange passes the actor and answers true', async () => {
    await run(request)
    const res = await run('mutation { rejectChange(id: 1, reason: "nicht beantragt") }', BOB)
    expect(res).toEqual({ data: { rejectChange: true } })
    expect(store.calls.at(-1)).toEqual({ method: 'rejectChange', input: { id: 1, actor: 'bob', reason: 'nicht beantragt' } })
    expect((await run('mutation { rejectChange(id: 1) }', BOB)).errors?.[0].message).toMatch(
      /argument "reason" of type "String!" is required/,
    )
    expect((await run('{ pendingChanges { id } }')).data.pendingChanges).toEqual([])
  })
})
