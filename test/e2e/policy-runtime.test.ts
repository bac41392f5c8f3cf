import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import pg from 'pg'
import { createGateway, type Gateway } from '../../gateway/gateway.js'
import { createGatewayDeps } from '../../gateway/create-gateway-deps.js'
import { createDatabase } from '../helpers/test-database.js'
import { bearer, startCity, TEST_IDENTITY_CONFIG, testGatewayConfig, type RunningCity } from '../helpers/start-city.js'
import { graphql } from '../helpers/start-subgraphs.js'
import { waitFor } from '../helpers/wait-for.js'

// The policy a gateway enforces, seen from its clients: an admin's write is enforced by the
// gateway that served it before the write returns (read your writes), other replicas follow within
// a second, every answer names its policy version, and a locked access log refuses personal data
// quickly instead of holding the request. The policy lives in a database of its own.

let city: RunningCity
let policyDb: Awaited<ReturnType<typeof createDatabase>>
let replica2: Gateway
let replica2Deps: Awaited<ReturnType<typeof createGatewayDeps>>

beforeAll(async () => {
  policyDb = await createDatabase(inject('adminUrl'), 'sg_policy')
  city = await startCity(inject('cityDatabaseUrl'), { only: ['geo', 'asylum'], policyDatabaseUrl: policyDb.url, replicaId: 'ryw-1' })
  const config = testGatewayConfig({ supergraphSdl: city.supergraphSdl, databaseUrl: policyDb.url, replicaId: 'ryw-2' })
  replica2Deps = await createGatewayDeps(config, TEST_IDENTITY_CONFIG)
  replica2 = await createGateway(config, replica2Deps)
})
afterAll(async () => {
  await replica2?.close()
  await replica2Deps?.close()
  await city?.stop()
  await policyDb?.drop()
})

const admin = (query: string, variables?: Record<string, unknown>) =>
  graphql(city.gateway.url.replace(/\/graphql$/, '/admin/graphql'), query, variables, bearer('admin'))
const currentVersion = async () => (await admin('{ policy { version } }')).data.policy.version as number
const operatorQuery = '{ accommodations { id operator } }'
/** The response's `extensions.policyVersion`. */
const policyVersionOf = (res: unknown) => (res as { extensions?: { policyVersion?: unknown } }).extensions?.policyVersion

describe('read your writes (T44)', () => {
  it('enforces a grant and its revocation on the serving gateway before the mutation returns, 20 times in a row', async () => {
    let version = await currentVersion()
    for (let i = 0; i < 20; i++) {
      const grant = await admin(
        `mutation ($v: Int!) { setGrant(input: { role: "public", coordinate: "Accommodation.operator", effect: ALLOW }, expectedVersion: $v) }`,
        { v: version },
      )
      expect(grant.errors, `grant ${i}`).toBeUndefined()
      version = grant.data.setGrant
      const granted = await city.query(operatorQuery)
      expect(granted.errors, `granted ${i}`).toBeUndefined()
      expect(policyVersionOf(granted)).toBe(version)

      const revoke = await admin(
        `mutation ($v: Int!) { removeGrant(role: "public", coordinate: "Accommodation.operator", expectedVersion: $v) }`,
        { v: version },
      )
      expect(revoke.errors, `revoke ${i}`).toBeUndefined()
      version = revoke.data.removeGrant
      const revoked = await city.query(operatorQuery)
      expect(revoked.errors?.[0].extensions?.code, `revoked ${i}`).toBe('GRAPHQL_VALIDATION_FAILED')
      expect(policyVersionOf(revoked)).toBe(version)
    }
    expect(city.gateway.policyVersion()).toBe(version)
  })

  it('applies a new row rule to the very next request on the serving gateway', async () => {
    const records = '{ allocationRecords(from: "2022-03-01", to: "2022-03-31", first: 200) { id route } }'
    const ask = () =>
      graphql(city.gateway.url, records, undefined, {
        ...bearer('staff', { department: 'asylum' }),
        'x-stadtgraph-purpose': 'Unterbringungsplanung',
      })
    const before = await ask()
    expect(new Set(before.data.allocationRecords.map((r: { route: string }) => r.route)).size).toBeGreaterThan(1)
    for (let i = 0; i < 5; i++) {
      const set = await admin(
        `mutation ($v: Int!, $c: String!) { setRowRule(input: { role: "staff", coordinate: "AllocationRecord", condition: $c }, expectedVersion: $v) }`,
        { v: await currentVersion(), c: JSON.stringify({ column: 'route', equals: 'UKRAINE_24' }) },
      )
      expect(set.errors).toBeUndefined()
      const limited = await ask()
      expect(policyVersionOf(limited)).toBe(set.data.setRowRule)
      expect(limited.data.allocationRecords.length).toBeGreaterThan(0)
      expect(
        limited.data.allocationRecords.every((r: { route: string }) => r.route === 'UKRAINE_24'),
        `limited ${i}`,
      ).toBe(true)
      const removed = await admin(
        `mutation ($v: Int!) { removeRowRule(role: "staff", coordinate: "AllocationRecord", expectedVersion: $v) }`,
        { v: set.data.setRowRule },
      )
      expect(removed.errors).toBeUndefined()
      expect((await ask()).data).toEqual(before.data)
    }
  })

  it('reaches a second replica within a second, which then reports the version in extensions and /healthz', async () => {
    const v = await currentVersion()
    const grant = await admin(
      `mutation ($v: Int!) { setGrant(input: { role: "public", coordinate: "Accommodation.operator", effect: ALLOW }, expectedVersion: $v) }`,
      { v },
    )
    expect(grant.errors).toBeUndefined()
    // The second is the promise under test, so it is the timeout.
    const seen = await waitFor(
      'replica 2 to enforce the grant',
      async () => {
        const res = await graphql(replica2.url, operatorQuery)
        return res.errors ? null : res
      },
      { timeoutMs: 1_000 },
    )
    expect(policyVersionOf(seen)).toBe(grant.data.setGrant)
    const health = await fetch(replica2.url.replace(/\/graphql$/, '/healthz')).then(r => r.json())
    expect(health.policyVersion).toBe(grant.data.setGrant)
    const revoke = await admin(
      `mutation ($v: Int!) { removeGrant(role: "public", coordinate: "Accommodation.operator", expectedVersion: $v) }`,
      { v: grant.data.setGrant },
    )
    expect(revoke.errors).toBeUndefined()
  })

  it('names the policy version on errors too', async () => {
    const res = await city.query('{ noSuchField }')
    expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED')
    expect(policyVersionOf(res)).toBe(city.gateway.policyVersion())
  })
})

describe('a locked access log', () => {
  it('refuses personal data with 503 AUDIT_UNAVAILABLE at once, and serves it again when the lock is gone', async () => {
    const records = '{ allocationRecords(from: "2022-03-01", to: "2022-03-03", first: 3) { id route } }'
    const ask = () =>
      graphql(city.gateway.url, records, undefined, {
        ...bearer('staff', { department: 'asylum' }),
        'x-stadtgraph-purpose': 'Unterbringungsplanung',
      })
    const locker = new pg.Client({ connectionString: policyDb.url })
    await locker.connect()
    try {
      await locker.query('begin')
      await locker.query('lock table access.access_log in access exclusive mode')
      const t0 = performance.now()
      const res = await ask()
      const ms = performance.now() - t0
      expect(res.status).toBe(503)
      expect(res.errors?.[0].extensions?.code).toBe('AUDIT_UNAVAILABLE')
      expect(res.data).toBeUndefined()
      // A hang guard, not a speed claim: without a lock timeout the request waits for the lock holder.
      expect(ms).toBeLessThan(8_000)
      // Open data does not touch the log.
      expect((await city.query('{ districts { code } }')).errors).toBeUndefined()
      await locker.query('rollback')
      const after = await ask()
      expect(after.errors).toBeUndefined()
      expect(after.data.allocationRecords.length).toBeGreaterThan(0)
    } finally {
      await locker.end()
    }
  })
})
