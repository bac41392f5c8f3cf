import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import jwt from 'jsonwebtoken'
import pg from 'pg'
import { getStitchedSchemaFromSupergraphSdl } from '@graphql-tools/federation'
import { isObjectType } from 'graphql'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { createGateway, type Gateway } from '../../gateway/gateway.js'
import { createGatewayDeps } from '../../gateway/create-gateway-deps.js'
import type { GatewayConfig } from '../../gateway/config.js'
import { createInternalTokenSigner } from '../../auth/internal/internal-token.js'
import { effectiveAccess } from '../../auth/policy/effective-access.js'
import { isVisible } from '../../auth/policy/project-schema.js'
import { fieldOwners, readRequirements } from '../../auth/policy/requirements.js'
import { DEFAULT_ROLES } from '../../auth/policy/store/default-roles.js'
import { createDatabase } from '../helpers/test-database.js'
import { bearer, startCity, TEST_IDENTITY_CONFIG, testGatewayConfig, type RunningCity } from '../helpers/start-city.js'
import { graphql, internalHeaders, TEST_INTERNAL_SECRET, TEST_IDENTITY } from '../helpers/start-subgraphs.js'
import { waitFor } from '../helpers/wait-for.js'

// cases T18–T28, docs/access-control.md#adversarial-cases: what each role's schema lets through — hidden fields, federation
// internals, row and instance rules, modes, mutations, admin ≠ data, introspection. The policy lives
// in its own database so the row rule set here never reaches other test files.

let city: RunningCity
let policyDb: Awaited<ReturnType<typeof createDatabase>>
const extra: Array<() => Promise<void>> = []

beforeAll(async () => {
  policyDb = await createDatabase(inject('adminUrl'), 'sg_adv_schema')
  city = await startCity(inject('cityDatabaseUrl'), { policyDatabaseUrl: policyDb.url, replicaId: 'adv-schema' })
})
afterAll(async () => {
  for (const close of extra.reverse()) await close()
  await city?.stop()
  await policyDb?.drop()
})

/** Another gateway over the same departments, with its own configuration and no policy database. */
async function gatewayWith(overrides: Partial<GatewayConfig>): Promise<Gateway> {
  const config = testGatewayConfig({ supergraphSdl: city.supergraphSdl, replicaId: `adv-${extra.length}`, ...overrides })
  const deps = await createGatewayDeps(config, TEST_IDENTITY_CONFIG)
  const gateway = await createGateway(config, deps)
  extra.push(async () => {
    await gateway.close()
    await deps.close()
  })
  return gateway
}

const statements = () => Object.values(city.subgraphs.statements()).reduce((a, b) => a + b, 0)
const admin = (query: string, variables?: Record<string, unknown>) =>
  graphql(city.gateway.url.replace(/\/graphql$/, '/admin/graphql'), query, variables, bearer('admin'))
const asylumStaff = (purpose?: string) => ({
  ...bearer('staff', { department: 'asylum', sub: 'sb-1' }),
  ...(purpose ? { 'x-stadtgraph-purpose': purpose } : {}),
})

describe('T18 hidden field', () => {
  it('public asking Accommodation.operator fails exactly like a nonexistent field, without suggestions and without subgraph calls', async () => {
    city.subgraphs.resetStatements()
    const hidden = await city.query('{ accommodations { id operator } }')
    const missing = await city.query('{ accommodations { id nonexistentField } }')
    expect(hidden.status).toBe(400)
    expect(hidden.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED')
    expect(hidden.data).toBeUndefined()
    expect(JSON.stringify(hidden).replace('operator', 'X')).toBe(JSON.stringify(missing).replace('nonexistentField', 'X'))
    expect(hidden.errors?.[0].message).not.toMatch(/Did you mean/)
    expect(statements()).toBe(0)
  })
})

describe('T19 hidden field via syntax', () => {
  it.each([
    ['an alias', '{ accommodations { id op: operator } }'],
    ['a named fragment', '{ accommodations { ...F } } fragment F on Accommodation { operator }'],
    ['an inline fragment', '{ accommodations { ... on Accommodation { operator } } }'],
    ['@include driven by a variable', 'query ($f: Boolean = true) { accommodations { operator @include(if: $f) } }'],
    ['@skip(if: false)', '{ accommodations { operator @skip(if: false) } }'],
    [
      'a directive on a fragment spread',
      'query ($f: Boolean = true) { accommodations { ...F @include(if: $f) } } fragment F on Accommodation { operator }',
    ],
    ['a join from another department', '{ district(code: "01") { accommodations { operator } } }'],
  ])('%s: the same validation error', async (_name, query) => {
    city.subgraphs.resetStatements()
    const res = await city.query(query, { f: false })
    expect(res.status).toBe(400)
    expect(res.errors?.map(e => e.extensions?.code)).toEqual(['GRAPHQL_VALIDATION_FAILED'])
    expect(res.errors?.[0].message).toBe('Cannot query field "operator" on type "Accommodation".')
    expect(statements()).toBe(0)
  })
})

describe('T20 row level and IDOR', () => {
  it('lists only rows inside the rule; a record outside it and a nonexistent id give byte-identical null answers; node(id:) is not offered', async () => {
    const db = new pg.Client({ connectionString: inject('cityDatabaseUrl') })
    await db.connect()
    const idOf = async (route: string) =>
      (await db.query(`select id::text from asy.allocation where route = $1 order by id limit 1`, [route])).rows[0].id as string
    const [own, foreign, max] = await Promise.all([
      idOf('UKRAINE_24'),
      idOf('ZUWEISUNG'),
      db.query('select max(id)::bigint + 1000 as n from asy.allocation'),
    ])
    await db.end()
    const nonexistent = String(max.rows[0].n)

    const {
      data: {
        policy: { version },
      },
    } = await admin('{ policy { version } }')
    const set = await admin(
      'mutation ($v: Int!, $c: String!) { setRowRule(input: { role: "staff", coordinate: "AllocationRecord", condition: $c }, expectedVersion: $v) }',
      { v: version, c: JSON.stringify({ column: 'route', equals: 'UKRAINE_24' }) },
    )
    expect(set.errors).toBeUndefined()
    try {
      const byId = (id: string) =>
        graphql(
          city.gateway.url,
          'query ($id: ID!) { allocationRecord(id: $id) { id route } }',
          { id },
          asylumStaff('Unterbringungsplanung'),
        )
      await waitFor('the row rule to hide the foreign record', async () => (await byId(foreign)).data?.allocationRecord === null, {
        timeoutMs: 2_000,
      })
      const list = await graphql(
        city.gateway.url,
        '{ allocationRecords(from: "2015-01-01", to: "2026-12-31", first: 200) { route } }',
        undefined,
        asylumStaff('Unterbringungsplanung'),
      )
      expect(list.data.allocationRecords.length).toBeGreaterThan(0)
      expect(new Set(list.data.allocationRecords.map((r: { route: string }) => r.route))).toEqual(new Set(['UKRAINE_24']))
      expect((await byId(own)).data).toEqual({ allocationRecord: { id: own, route: 'UKRAINE_24' } })
      const outside = await byId(foreign)
      const missing = await byId(nonexistent)
      expect(outside).toEqual({ status: 200, data: { allocationRecord: null }, extensions: { policyVersion: expect.any(Number) } })
      expect(JSON.stringify(missing)).toBe(JSON.stringify(outside))
      expect(JSON.stringify(await byId('not-an-id'))).toBe(JSON.stringify(outside))
      const node = await graphql(city.gateway.url, '{ node(id: "1") { id } }', undefined, asylumStaff('Unterbringungsplanung'))
      expect(node.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED')
      const otherDepartment = await graphql(
        city.gateway.url,
        `{ allocationRecord(id: "${own}") { id } }`,
        undefined,
        bearer('staff', { department: 'finance' }),
      )
      expect(otherDepartment.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED')
    } finally {
      const { data } = await admin('{ policy { version } }')
      await admin('mutation ($v: Int!) { removeRowRule(role: "staff", coordinate: "AllocationRecord", expectedVersion: $v) }', {
        v: data.policy.version,
      })
    }
  })
})

describe('T21 federation internals', () => {
  let proxy: Server
  const seen: string[] = []
  afterAll(() => {
    proxy?.close()
  })

  it('_service and _entities are not in the API schema', async () => {
    for (const query of [
      '{ _service { sdl } }',
      '{ _entities(representations: [{ __typename: "AllocationRecord", id: "p1" }]) { __typename } }',
    ]) {
      const res = await city.queryAs('controlling', query)
      expect(res.status).toBe(400)
      expect(res.errors?.[0].extensions?.code, query).toBe('GRAPHQL_VALIDATION_FAILED')
    }
  })

  it('the gateway signs a fresh token per subgraph call; a subgraph refuses a missing, foreign, replayed or expired one with 401', async () => {
    const asylum = city.subgraphs.byName.get('asylum')!.server.url
    // A recording hop between gateway and asylum: sees every internal token the gateway sends.
    proxy = createServer(async (req, res) => {
      let body = ''
      for await (const chunk of req) body += chunk
      const token = String(req.headers['x-stadtgraph-internal'])
      seen.push(token)
      const upstream = await fetch(asylum, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-stadtgraph-internal': token },
        body,
      })
      res.writeHead(upstream.status, { 'content-type': 'application/json' })
      res.end(await upstream.text())
    })
    await new Promise<void>(r => proxy.listen(0, '127.0.0.1', r))
    const gw = await gatewayWith({ subgraphUrls: { asylum: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/graphql` } })
    const res = await graphql(
      gw.url,
      '{ accommodations { id } districts { code accommodations { id } } asylumCapacity(day: "2024-06-30") { capacity } }',
    )
    expect(res.errors).toBeUndefined()
    expect(seen.length).toBeGreaterThanOrEqual(2)
    const jtis = seen.map(t => (jwt.decode(t) as { jti: string }).jti)
    expect(new Set(jtis).size).toBe(jtis.length)

    const query = '{ accommodations { id } }'
    expect((await graphql(asylum, query, undefined, { 'x-stadtgraph-internal': '' })).status).toBe(401)
    expect((await graphql(asylum, query, undefined, internalHeaders('finance'))).status).toBe(401)
    const replay = await graphql(asylum, query, undefined, { 'x-stadtgraph-internal': seen[0] })
    expect([replay.status, replay.errors?.[0].extensions?.code, replay.data]).toEqual([401, 'UNAUTHENTICATED', undefined])
    const old = createInternalTokenSigner(TEST_INTERNAL_SECRET, { now: () => Date.now() - 120_000 }).sign(TEST_IDENTITY, 'asylum')
    expect((await graphql(asylum, query, undefined, { 'x-stadtgraph-internal': old })).status).toBe(401)
  })
})

describe('T22 join path leak', () => {
  it('internal and personal data reached through an entity join fail exactly like the direct path, before any subgraph call', async () => {
    for (const [roles, department] of [
      ['public', undefined],
      ['staff', 'finance'],
    ] as const) {
      city.subgraphs.resetStatements()
      const direct = await city.queryAs(roles, '{ accommodations { operator } }', undefined, { department })
      const joined = await city.queryAs(roles, '{ districts { accommodations { operator } } }', undefined, { department })
      expect(joined.status).toBe(400)
      expect(joined.errors?.[0].message).toBe(direct.errors?.[0].message)
      expect(joined.errors?.[0].extensions).toEqual(direct.errors?.[0].extensions)
      const personal = await city.queryAs(
        roles,
        '{ districts { accommodations { id } } allocationRecords(from: "2022-01-01", to: "2022-01-31") { religion } }',
        undefined,
        { department },
      )
      expect(personal.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED')
      expect(statements()).toBe(0)
    }
    const type = await city.query('{ __type(name: "AllocationRecord") { name } }')
    expect(type.data.__type).toBeNull()
  })
})

describe('T23 instance policy', () => {
  it('a forecast asked for through an argument: null + FORBIDDEN_FIELD at the path, the parent and its other fields intact', async () => {
    const q =
      '{ product(code: "313") { name result(year: 2026, version: PROGNOSE) { ordinaryExpense { amount } } comparison(year: 2026) { ansatz { amount } deviation { amount } } } }'
    const pub = await city.query(q)
    expect(pub.status).toBe(200)
    expect(pub.data.product.name).toBeTruthy()
    expect(pub.data.product.result).toBeNull()
    expect(pub.errors?.map(e => [e.extensions?.code, e.path])).toEqual([['FORBIDDEN_FIELD', ['product', 'result']]])
    // 2026 has no Ist yet: for the public the deviation must not be derived from the Prognose
    expect(pub.data.product.comparison.deviation).toBeNull()
    const committee = await city.queryAs('committee', q)
    expect(committee.errors).toBeUndefined()
    expect(committee.data.product.result.ordinaryExpense.amount).toBeGreaterThan(0)
    expect(committee.data.product.comparison.deviation.amount).not.toBeNull()
  })
})

describe('T24 modes', () => {
  it('reject: 403 FORBIDDEN, no data, the denied paths listed', async () => {
    const strict = await gatewayWith({ denials: 'reject' })
    const res = await graphql(
      strict.url,
      '{ product(code: "313") { name result(year: 2026, version: PROGNOSE) { ordinaryExpense { amount } } } }',
    )
    expect(res.status).toBe(403)
    expect(res.data).toBeUndefined()
    expect(res.errors?.[0].extensions).toEqual({ code: 'FORBIDDEN', deniedPaths: [['product', 'result']] })
    expect((await graphql(strict.url, '{ product(code: "313") { name } }')).errors).toBeUndefined()
  })
})

describe('T25 mutations', () => {
  // The department and createdBy checks of the data-entry mutations themselves are in data-entry.test.ts.
  it("a mutation the caller's schema lacks fails validation, nothing runs; public sees no mutations at all", async () => {
    city.subgraphs.resetStatements()
    const mutation = 'mutation { createAllocation(input: { department: "finance", createdBy: "x" }) { id } }'
    const pub = await graphql(city.gateway.url, mutation)
    expect([pub.status, pub.errors?.[0].extensions?.code, pub.errors?.[0].message]).toEqual([
      400,
      'GRAPHQL_VALIDATION_FAILED',
      'This API has no mutation operations',
    ])
    const staff = await graphql(city.gateway.url, mutation, undefined, asylumStaff('Unterbringungsplanung'))
    expect([staff.status, staff.errors?.map(e => e.extensions?.code)]).toEqual([400, ['GRAPHQL_VALIDATION_FAILED']])
    expect(staff.errors?.[0].message).not.toMatch(/Did you mean/)
    expect(statements()).toBe(0)
  })
})

describe('T26 admin is not a data superuser', () => {
  it('the admin role gets validation errors on the data plane and a working admin API', async () => {
    for (const query of ['{ districts { code } }', '{ allocationRecords(from: "2022-01-01", to: "2022-01-31") { id } }']) {
      const res = await city.queryAs('admin', query)
      expect(res.errors?.[0].extensions?.code, query).toBe('GRAPHQL_VALIDATION_FAILED')
    }
    const api = await admin('{ policy { version } }')
    expect(api.errors).toBeUndefined()
    expect(api.data.policy.version).toBeGreaterThan(0)
  })
})

describe('T27 introspection as public', () => {
  it('closed to anonymous callers in every form when configured so; authenticated callers see their projection', async () => {
    const gw = await gatewayWith({ introspection: 'authenticated' })
    for (const query of [
      '{ __schema { types { name } } }',
      '{ __type(name: "PersonRecord") { fields { name } } }',
      '{ s: __schema { queryType { name } } }',
      '{ __schema #x\n { types { name } } }',
    ]) {
      const res = await graphql(gw.url, query)
      expect(res.status, query).toBe(400)
      expect(res.errors?.[0].extensions?.code, query).toBe('INTROSPECTION_DISABLED')
      expect(res.data, query).toBeUndefined()
    }
    const get = await fetch(`${gw.url}?query=${encodeURIComponent('{ __schema { types { name } } }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    })
    expect([get.status, (await get.json()).errors[0].extensions.code]).toEqual([400, 'INTROSPECTION_DISABLED'])
    const batch = await fetch(gw.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ __schema { types { name } } }' }]),
    })
    expect([batch.status, (await batch.json()).errors[0].extensions.code]).toEqual([400, 'BATCHING_DISABLED'])
    expect((await graphql(gw.url, '{ __typename districts { code } }')).errors).toBeUndefined()
    const staff = await graphql(
      gw.url,
      '{ __type(name: "Accommodation") { fields { name } } }',
      undefined,
      bearer('staff', { department: 'asylum' }),
    )
    expect(staff.data.__type.fields.map((f: { name: string }) => f.name)).toContain('operator')
  })

  it('where introspection is open, it shows only the projection and no scopes or classes', async () => {
    const q = '{ __type(name: "Accommodation") { fields { name } } __schema { directives { name } } }'
    const pub = await city.query(q)
    const names = pub.data.__type.fields.map((f: { name: string }) => f.name)
    expect(names).toContain('name')
    expect(names).not.toContain('operator')
    expect(pub.data.__schema.directives.map((d: { name: string }) => d.name)).not.toContain('requiresScopes')
    expect(JSON.stringify(pub)).not.toMatch(/internal|personal|special/)
  })
})

describe('T28 schema consistency and suggestions', () => {
  let api: ReturnType<typeof getStitchedSchemaFromSupergraphSdl>
  let requirements: ReturnType<typeof readRequirements>
  let owners: ReturnType<typeof fieldOwners>
  beforeAll(() => {
    api = getStitchedSchemaFromSupergraphSdl({ supergraphSdl: city.supergraphSdl })
    requirements = readRequirements(city.supergraphSdl)
    owners = fieldOwners(city.supergraphSdl)
  })
  const roles: Array<[string, string | undefined]> = [
    ['public', undefined],
    ['committee', undefined],
    ['controlling', undefined],
    ['staff', 'asylum'],
    ['statistics_office', undefined],
  ]

  it.each(roles)(
    '%s (%s): every introspected field is allowed by the policy; every other root field fails validation without "Did you mean"',
    async (role, department) => {
      const snapshot = { version: 1, roles: new Map(DEFAULT_ROLES.map(r => [r.name, r])), grants: [], rowRules: [], loadedAt: new Date() }
      const access = effectiveAccess(snapshot, {
        subject: 'p',
        roles: [role],
        department: department ?? null,
        purpose: null,
        authenticated: true,
      })
      const ask = (query: string) => (role === 'public' ? city.query(query) : city.queryAs(role, query, undefined, { department }))
      const schema = await ask('{ __schema { types { name kind fields { name } } } }')
      const listed = new Set<string>()
      for (const t of schema.data.__schema.types) {
        if (t.kind !== 'OBJECT' || t.name.startsWith('__')) continue
        for (const f of t.fields) if (`${t.name}.${f.name}` !== 'Query.stadtgraph') listed.add(`${t.name}.${f.name}`)
      }
      for (const c of listed) expect(isVisible(c, requirements, owners, access), `${role}: ${c} listed but not allowed`).toBe(true)
      const rootFields = Object.keys(api.getQueryType()!.getFields()).filter(f => !listed.has(`Query.${f}`) && !f.startsWith('_'))
      for (const field of rootFields) {
        const res = await ask(`{ ${field} }`)
        expect(res.errors?.[0].message, `${role}: Query.${field}`).toBe(`Cannot query field "${field}" on type "Query".`)
      }
      expect(isObjectType(api.getType('Accommodation'))).toBe(true)
    },
  )

  it('a typo gets no suggestion, for public and for staff', async () => {
    for (const res of [
      await city.query('{ distrcts { code } }'),
      await city.queryAs('staff', '{ distrcts { code } }', undefined, { department: 'asylum' }),
    ]) {
      expect(res.errors?.[0]).toMatchObject({
        message: 'Cannot query field "distrcts" on type "Query".',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      })
    }
  })
})
