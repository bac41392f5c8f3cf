import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import jwt from 'jsonwebtoken'
import { createGateway, type Gateway } from '../../gateway/gateway.js'
import { createGatewayDeps } from '../../gateway/create-gateway-deps.js'
import { createDatabase } from '../helpers/test-database.js'
import { bearer, startCity, TEST_IDENTITY_CONFIG, testGatewayConfig, type RunningCity } from '../helpers/start-city.js'
import { graphql, internalHeaders } from '../helpers/start-subgraphs.js'
import { waitFor } from '../helpers/wait-for.js'

// Role-based field access end to end: real JWTs, projected schemas per role, the admin API, and
// policy changes reaching a second replica. The policy lives in its own database so grants made
// here never leak into other test files.

let city: RunningCity
let policyDb: Awaited<ReturnType<typeof createDatabase>>
let replica2: Gateway
let replica2Deps: Awaited<ReturnType<typeof createGatewayDeps>>

beforeAll(async () => {
  policyDb = await createDatabase(inject('adminUrl'), 'sg_policy')
  city = await startCity(inject('cityDatabaseUrl'), { policyDatabaseUrl: policyDb.url, replicaId: 'replica-1' })
  const config = testGatewayConfig({ supergraphSdl: city.supergraphSdl, databaseUrl: policyDb.url, replicaId: 'replica-2' })
  replica2Deps = await createGatewayDeps(config, TEST_IDENTITY_CONFIG)
  replica2 = await createGateway(config, replica2Deps)
})
afterAll(async () => {
  await replica2?.close()
  await replica2Deps?.close()
  await city?.stop()
  await policyDb?.drop()
})

const admin = (query: string, variables?: Record<string, unknown>, roles: string | string[] = 'admin') =>
  graphql(city.gateway.url.replace(/\/graphql$/, '/admin/graphql'), query, variables, bearer(roles))

describe('identity at the edge', () => {
  it('serves anonymous callers the public projection', async () => {
    const res = await city.query('{ districts { code name } }')
    expect(res.status).toBe(200)
    expect(res.data.districts).toHaveLength(18)
  })
})

describe('projected schemas per role', () => {
  it("gives department staff their own department's internal fields only", async () => {
    const asylumStaff = await city.queryAs('staff', '{ accommodations { id operator } }', undefined, { department: 'asylum' })
    expect(asylumStaff.errors).toBeUndefined()
    const financeStaff = await city.queryAs('staff', '{ accommodations { id operator } }', undefined, { department: 'finance' })
    expect(financeStaff.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED')
  })
})

describe('administration at runtime', () => {
  it('grants a field to a role; every replica enforces it without a restart; a stale edit conflicts', async () => {
    const {
      data: {
        policy: { version },
      },
    } = await admin('{ policy { version } }')
    const grant = await admin(
      `mutation ($v: Int!) { setGrant(input: { role: "public", coordinate: "Accommodation.operator", effect: ALLOW }, expectedVersion: $v) }`,
      { v: version },
    )
    expect(grant.errors).toBeUndefined()
    const stale = await admin(
      `mutation ($v: Int!) { setGrant(input: { role: "public", coordinate: "Accommodation.name", effect: DENY }, expectedVersion: $v) }`,
      { v: version },
    )
    expect(stale.errors?.[0].extensions?.code).toBe('VERSION_CONFLICT')

    // Within a second on every replica: the bound is part of what is tested.
    const visibleOn = (url: string) =>
      waitFor(`the grant to be enforced at ${url}`, async () => !(await graphql(url, '{ accommodations { id operator } }')).errors, {
        timeoutMs: 1_000,
      })
    await visibleOn(city.gateway.url)
    await visibleOn(replica2.url)
    expect(replica2.policyVersion()).toBe(version + 1)
    const health = await fetch(replica2.url.replace(/\/graphql$/, '/healthz')).then(r => r.json())
    expect(health.policyVersion).toBe(version + 1)
  })
})

describe('row rules set at runtime, applied in SQL by the department', () => {
  it('limits person-level rows to what the rule allows, and lifts the limit when the rule goes', async () => {
    const records = '{ allocationRecords(from: "2022-03-01", to: "2022-03-31", first: 200) { id route } }'
    const ask = () =>
      graphql(city.gateway.url, records, undefined, {
        ...bearer('staff', { department: 'asylum' }),
        'x-stadtgraph-purpose': 'Unterbringungsplanung',
      })
    const before = await ask()
    expect(new Set(before.data.allocationRecords.map((r: { route: string }) => r.route)).size).toBeGreaterThan(1)

    const version = async () => (await admin('{ policy { version } }')).data.policy.version as number
    const set = await admin(
      `mutation ($v: Int!, $c: String!) { setRowRule(input: { role: "staff", coordinate: "AllocationRecord", condition: $c }, expectedVersion: $v) }`,
      { v: await version(), c: JSON.stringify({ column: 'route', equals: 'UKRAINE_24' }) },
    )
    expect(set.errors).toBeUndefined()
    const limited = await waitFor(
      'the row rule to limit the answer',
      async () => {
        const res = await ask()
        return res.data.allocationRecords.every((r: { route: string }) => r.route === 'UKRAINE_24') ? res : null
      },
      { timeoutMs: 2_000 },
    )
    const pg = (await import('pg')).default
    const db = new pg.Client({ connectionString: inject('cityDatabaseUrl') })
    await db.connect()
    const { rows } = await db
      .query(
        `select id::text from asy.allocation where route = 'UKRAINE_24'
      and allocation_date between '2022-03-01' and '2022-03-31' order by allocation_date, id limit 200`,
      )
      .finally(() => db.end())
    expect(limited.data.allocationRecords.map((r: { id: string }) => r.id)).toEqual(rows.map(r => r.id))

    const removed = await admin(
      `mutation ($v: Int!) { removeRowRule(role: "staff", coordinate: "AllocationRecord", expectedVersion: $v) }`,
      { v: await version() },
    )
    expect(removed.errors).toBeUndefined()
    const restored = await waitFor(
      'the limit to lift with the rule',
      async () => {
        const res = await ask()
        return res.data.allocationRecords.every((r: { route: string }) => r.route === 'UKRAINE_24') ? null : res
      },
      { timeoutMs: 2_000 },
    )
    expect(restored.data).toEqual(before.data)
  })
})
