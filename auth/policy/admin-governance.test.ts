import { buildSchema, graphql, type ExecutionResult } from 'graphql'
import { printSchemaWithDirectives } from '@graphql-tools/utils'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { createDb, type DbHandle } from '../../platform/db/create-db.js'
import { createDatabase } from '../../test/helpers/test-database.js'
import { createAdminSchema, type AdminContext, type RowRuleDepartments } from './admin-schema.js'
import { classOfCoordinate, fieldOwners, readRequirements } from './requirements.js'
import { createPolicyStore, type PolicyStore } from './store/create-policy-store.js'

// The admin API's governance parts (Freigaben, Protokoll, Import/Export) over the real Postgres store:
// audit filters, rejecting with a reason, four eyes, and the import preview.

const apiSchema = buildSchema(`
  directive @requiresScopes(scopes: [[String!]!]!) on FIELD_DEFINITION | OBJECT
  type Query { accommodations: [Accommodation!]! @requiresScopes(scopes: [["open"]]) }
  type Accommodation { id: ID! @requiresScopes(scopes: [["open"]]) operator: String @requiresScopes(scopes: [["internal"], ["asylum:internal"]]) religion: String @requiresScopes(scopes: [["special"], ["asylum:special"]]) }
`)
const sdl = printSchemaWithDirectives(apiSchema)
const requirements = readRequirements(sdl)
const owners = fieldOwners(sdl)
const supergraph = () => ({ sdl, apiSchema, requirements, owners })
const classify = (coordinate: string) =>
  apiSchema.getType(coordinate.split('.')[0]) ? classOfCoordinate(coordinate, requirements, owners) : undefined

let database: Awaited<ReturnType<typeof createDatabase>>
let handle: DbHandle<any>
let store: PolicyStore

const as = (actor: string): AdminContext => ({
  principal: { subject: actor, roles: ['admin'], department: null, purpose: null, authenticated: true },
  isAdmin: true,
  actor,
})
const ANNA = as('anna')
const BERND = as('bernd')
const run = (ctx: AdminContext, source: string, variableValues?: Record<string, unknown>) =>
  graphql({ schema: createAdminSchema({ store, supergraph }), source, contextValue: ctx, variableValues }) as Promise<ExecutionResult<any>>
const version = async () => (await store.exportPolicy()).version

beforeAll(async () => {
  database = await createDatabase(inject('adminUrl'), 'sg_admin_gov')
  handle = createDb(database.url)
  store = createPolicyStore(handle.db, { classify })
  await store.migrate()
  await store.seedDefaults({ actor: 'setup' })
})
afterAll(async () => {
  await handle?.close()
  await database?.drop()
})

const REQUEST =
  'mutation ($v: Int!) { setGrant(input: { role: "controlling", coordinate: "Accommodation.religion", effect: ALLOW }, expectedVersion: $v) }'

describe('admin API: Freigaben', () => {
  it('lists a pending change with what it opens and whose it is; the proposer gets FORBIDDEN, a second admin approves', async () => {
    const v = await version()
    const req = await run(ANNA, REQUEST, { v })
    expect(req.errors?.[0].extensions).toMatchObject({ code: 'PENDING_APPROVAL', changeId: expect.any(Number) })
    const id = req.errors![0].extensions!.changeId as number
    const list = '{ pendingChanges { id kind requestedBy mine opens { role coordinate scope class validUntil text } } }'
    expect((await run(ANNA, list)).data.pendingChanges).toEqual([
      {
        id,
        kind: 'grant.set',
        requestedBy: 'anna',
        mine: true,
        opens: [
          {
            role: 'controlling',
            coordinate: 'Accommodation.religion',
            scope: null,
            class: 'special',
            validUntil: null,
            text: 'ALLOW of Accommodation.religion to role controlling',
          },
        ],
      },
    ])
    expect((await run(BERND, list)).data.pendingChanges[0].mine).toBe(false)
    const own = await run(ANNA, 'mutation ($id: Int!, $v: Int!) { approveChange(id: $id, expectedVersion: $v) }', { id, v })
    expect(own.errors?.map(e => e.extensions?.code)).toEqual(['FORBIDDEN'])
    expect(await version()).toBe(v)
    const ok = await run(BERND, 'mutation ($id: Int!, $v: Int!) { approveChange(id: $id, expectedVersion: $v) }', { id, v })
    expect(ok).toEqual({ data: { approveChange: v + 1 } })
    expect((await run(ANNA, list)).data.pendingChanges).toEqual([])
  })

  it('rejects only with a reason, which the audit log keeps', async () => {
    const v = await version()
    const req = await run(ANNA, REQUEST.replace('controlling', 'leadership'), { v })
    const id = req.errors![0].extensions!.changeId as number
    const blank = await run(BERND, 'mutation ($id: Int!) { rejectChange(id: $id, reason: "  ") }', { id })
    expect(blank.errors?.[0].extensions).toMatchObject({ code: 'INVALID_POLICY', pointer: '/reason' })
    const res = await run(BERND, 'mutation ($id: Int!) { rejectChange(id: $id, reason: "Kein Antrag der Amtsleitung") }', { id })
    expect(res).toEqual({ data: { rejectChange: true } })
    const log = await run(BERND, '{ auditLog(limit: 1, action: "change.rejected") { actor payload } }')
    expect(log.data.auditLog[0].actor).toBe('bernd')
    expect(JSON.parse(log.data.auditLog[0].payload)).toMatchObject({
      changeId: id,
      requestedBy: 'anna',
      reason: 'Kein Antrag der Amtsleitung',
    })
  })
})

describe('admin API: Protokoll', () => {
  it('filters the audit log by actor, action prefix, time and text, and pages by id', async () => {
    const all = (await run(ANNA, '{ auditLog(limit: 1000) { id actor action payload at } }')).data.auditLog as Array<Record<string, any>>
    const byAnna = await run(ANNA, '{ auditLog(limit: 1000, actor: "anna") { id } }')
    expect(byAnna.data.auditLog.map((e: { id: number }) => e.id)).toEqual(all.filter(e => e.actor === 'anna').map(e => e.id))
    const changes = await run(ANNA, '{ auditLog(limit: 1000, action: "change.*", text: "religion") { id action } }')
    expect(changes.data.auditLog.map((e: { id: number }) => e.id)).toEqual(
      all.filter(e => e.action.startsWith('change.') && e.payload.includes('religion')).map(e => e.id),
    )
    // Newest first; the rejection names no coordinate, so the text filter leaves it out.
    expect(changes.data.auditLog.map((e: { action: string }) => e.action)).toEqual([
      'change.requested',
      'change.approved',
      'change.requested',
    ])
    const page = await run(ANNA, '{ auditLog(limit: 2, before: $before) { id } }'.replace('$before', String(all[1].id)))
    expect(page.data.auditLog.map((e: { id: number }) => e.id)).toEqual([all[2].id, all[3].id])
    const future = await run(ANNA, '{ auditLog(from: "2999-01-01") { id } }')
    expect(future.data.auditLog).toEqual([])
  })

  it.each([
    ['from: "gestern"', 'from'],
    ['to: "2026-13-01"', 'to'],
    ['action: "x; drop"', 'action'],
    ['limit: 5000', 'limit'],
  ])('refuses %s with BAD_USER_INPUT naming the argument', async (args, argumentName) => {
    const res = await run(ANNA, `{ auditLog(${args}) { id } }`)
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName })
    expect(res.data).toBeNull()
  })
})

describe('admin API: Import/Export', () => {
  it('previews an edited export: changes with what needs four eyes, nothing written; importing it waits for approval', async () => {
    const exported = (await run(ANNA, '{ exportPolicy }')).data.exportPolicy as string
    const doc = JSON.parse(exported)
    doc.grants.push({ role: 'committee', coordinate: 'Accommodation.operator', effect: 'ALLOW', validUntil: null })
    doc.grants.push({ role: 'staff', coordinate: 'Accommodation.religion', effect: 'ALLOW', validUntil: null })
    const v = await version()
    const diff = await run(
      ANNA,
      'query ($j: String!) { previewImport(json: $j) { baseVersion needsApproval unchanged opens { text } changes { part change role coordinate fields before after needsApproval opens { class } } } }',
      { j: JSON.stringify(doc) },
    )
    expect(diff.errors).toBeUndefined()
    expect(diff.data.previewImport).toMatchObject({
      baseVersion: v,
      needsApproval: true,
      opens: [{ text: 'ALLOW of Accommodation.religion to role staff' }],
      changes: [
        {
          part: 'GRANT',
          change: 'ADDED',
          role: 'committee',
          coordinate: 'Accommodation.operator',
          before: null,
          needsApproval: false,
          opens: [],
        },
        {
          part: 'GRANT',
          change: 'ADDED',
          role: 'staff',
          coordinate: 'Accommodation.religion',
          needsApproval: true,
          opens: [{ class: 'special' }],
        },
      ],
    })
    expect(JSON.parse(diff.data.previewImport.changes[0].after)).toEqual({
      role: 'committee',
      coordinate: 'Accommodation.operator',
      effect: 'ALLOW',
      validUntil: null,
    })
    expect(await version()).toBe(v)
    const imported = await run(BERND, 'mutation ($j: String!, $v: Int!) { importPolicy(json: $j, expectedVersion: $v) }', {
      j: JSON.stringify(doc),
      v,
    })
    expect(imported.errors?.[0].extensions).toMatchObject({ code: 'PENDING_APPROVAL' })
    expect(await version()).toBe(v)
  })

  it('answers a bad document with INVALID_POLICY and the pointer, like importPolicy', async () => {
    const bad = JSON.stringify({ roles: [], grants: [{ role: 'ghost', coordinate: 'Accommodation.id', effect: 'ALLOW' }], rowRules: [] })
    const res = await run(ANNA, 'query ($j: String!) { previewImport(json: $j) { baseVersion } }', { j: bad })
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'INVALID_POLICY', pointer: '/grants/0/role', http: { status: 400 } })
    const notJson = await run(ANNA, '{ previewImport(json: "{") { baseVersion } }')
    expect(notJson.errors?.[0].extensions).toMatchObject({ code: 'INVALID_POLICY', pointer: '' })
  })

  it('is for admins only', async () => {
    const res = await run({ ...ANNA, isAdmin: false }, '{ previewImport(json: "{}") { baseVersion } }')
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' })
  })
})

describe('admin API: row rules in imports and approvals are checked against what the departments declare', () => {
  // The departments' declarations as the gateway would hear them; a test changes them as a department would by a release.
  let declared = [{ department: 'asylum', coordinate: 'AllocationRecord', field: 'Query.allocationRecords', columns: ['route', 'sex'] }]
  const departments: RowRuleDepartments = {
    targets: async () => ({ targets: declared.map(t => ({ ...t, columns: [...t.columns] })), unreachable: [] }),
    count: async () => 0,
  }
  const runDeclared = (ctx: AdminContext, source: string, variableValues?: Record<string, unknown>) =>
    graphql({
      schema: createAdminSchema({ store, supergraph, rowRules: departments }),
      source,
      contextValue: ctx,
      variableValues,
    }) as Promise<ExecutionResult<any>>
  const IMPORT = 'mutation ($j: String!, $v: Int!) { importPolicy(json: $j, expectedVersion: $v) }'
  const PREVIEW = 'query ($j: String!) { previewImport(json: $j) { baseVersion } }'
  const APPROVE = 'mutation ($id: Int!, $v: Int!) { approveChange(id: $id, expectedVersion: $v) }'
  /** The policy as it is, with `staff`'s rule on `coordinate` set to `condition` (last in the list). */
  const withRowRule = async (condition: Record<string, string>, coordinate = 'AllocationRecord') => {
    const doc = await store.exportPolicy()
    const others = doc.rowRules.filter(r => !(r.role === 'staff' && r.coordinate === coordinate))
    return { ...doc, rowRules: [...others, { role: 'staff', coordinate, condition }] }
  }
  const openIds = async () => (await store.pendingChanges()).map(c => c.id)

  it.each([
    [
      'a field the department does not declare',
      { column: 'religion', equals: 'x' },
      'AllocationRecord',
      '/rowRules/0/condition/column',
      /no field "religion"/,
    ],
    [
      'a type no department declares',
      { column: 'route', equals: 'x' },
      'Accommodation',
      '/rowRules/0/coordinate',
      /no department declares/,
    ],
  ])('an import carrying %s: INVALID_POLICY with the pointer, nothing written', async (_, condition, coordinate, pointer, message) => {
    const doc = JSON.stringify(await withRowRule(condition, coordinate))
    const v = await version()
    const pendingBefore = await openIds()
    const imported = await runDeclared(ANNA, IMPORT, { j: doc, v })
    expect(imported.errors?.[0].extensions).toMatchObject({ code: 'INVALID_POLICY', pointer, http: { status: 400 } })
    expect(imported.errors?.[0].message).toMatch(message)
    expect(await version()).toBe(v)
    expect(await openIds()).toEqual(pendingBefore)
    const preview = await runDeclared(ANNA, PREVIEW, { j: doc })
    expect(preview.errors?.[0].extensions).toMatchObject({ code: 'INVALID_POLICY', pointer })
  })

  it('an import with declared row rules is applied', async () => {
    const doc = await withRowRule({ column: 'route', equals: 'UKRAINE_24' })
    const v = await version()
    expect((await runDeclared(ANNA, PREVIEW, { j: JSON.stringify(doc) })).errors).toBeUndefined()
    expect(await runDeclared(ANNA, IMPORT, { j: JSON.stringify(doc), v })).toEqual({ data: { importPolicy: v + 1 } })
    expect((await store.exportPolicy()).rowRules).toContainEqual(doc.rowRules.at(-1))
  })

  it('an approval of a pending import whose row rule the department no longer declares is refused; it stays open', async () => {
    const doc = await withRowRule({ column: 'sex', equals: 'w' })
    doc.grants = [...doc.grants, { role: 'statistics_office', coordinate: 'Accommodation.religion', effect: 'ALLOW', validUntil: null }]
    const v = await version()
    const requested = await runDeclared(ANNA, IMPORT, { j: JSON.stringify(doc), v })
    expect(requested.errors?.[0].extensions).toMatchObject({ code: 'PENDING_APPROVAL' })
    const id = requested.errors![0].extensions!.changeId as number
    const index = doc.rowRules.length - 1
    declared = [{ ...declared[0], columns: ['route'] }]
    try {
      const refused = await runDeclared(BERND, APPROVE, { id, v })
      expect(refused.errors?.[0].extensions).toMatchObject({
        code: 'INVALID_POLICY',
        pointer: `/payload/rowRules/${index}/condition/column`,
      })
      expect(await version()).toBe(v)
      expect(await openIds()).toContain(id)
    } finally {
      declared = [{ ...declared[0], columns: ['route', 'sex'] }]
    }
    expect(await runDeclared(BERND, APPROVE, { id, v })).toEqual({ data: { approveChange: v + 1 } })
  })
})
