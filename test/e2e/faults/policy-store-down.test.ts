import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { DEFAULT_LIMITS } from '../../../gateway/limits/operation-limits.js'
import { createDatabase } from '../../helpers/test-database.js'
import { bearer, startCity, type RunningCity } from '../../helpers/start-city.js'
import { graphql } from '../../helpers/start-subgraphs.js'
import { startTcpProxy, type TcpProxy } from '../../helpers/tcp-proxy.js'
import { waitFor } from '../../helpers/wait-for.js'

// The gateway reaches its policy store through a TCP proxy that the test cuts (connections reset
// and refused) or stalls (connections open, nothing passes: a partition). The gateway keeps the
// policy it loaded: it never falls back to more (fail-open) nor to the defaults; admin writes are
// refused with POLICY_STORE_UNAVAILABLE.

let policyDb: Awaited<ReturnType<typeof createDatabase>>
let proxy: TcpProxy
let city: RunningCity

beforeAll(async () => {
  policyDb = await createDatabase(inject('adminUrl'), 'sg_policy_faults')
  const direct = new URL(policyDb.url)
  proxy = await startTcpProxy(direct.hostname, Number(direct.port || 5432))
  const viaProxy = new URL(policyDb.url)
  viaProxy.hostname = '127.0.0.1'
  viaProxy.port = String(proxy.port)
  // No rate limit: the rounds below are many anonymous requests from one address.
  city = await startCity(inject('cityDatabaseUrl'), {
    policyDatabaseUrl: viaProxy.toString(),
    replicaId: 'faults-policy',
    gateway: { limits: { ...DEFAULT_LIMITS, ratePerMinute: 0, anonymousRatePerMinute: 0 } },
  })
})
afterAll(async () => {
  await city?.stop()
  await proxy?.close()
  await policyDb?.drop()
})

const adminUrl = () => city.gateway.url.replace(/\/graphql$/, '/admin/graphql')
const admin = (query: string, variables?: Record<string, unknown>) => graphql(adminUrl(), query, variables, bearer('admin'))

const GRANTED = '{ accommodations { id operator } }' // public: ALLOW granted below
const REVOKED = '{ accommodations { id name } }' // public: DENY set below (open by default)
const NEVER = '{ allocationRecords(from: "2022-03-01", to: "2022-03-31") { id } }' // personal: never public
const PERSONAL = NEVER

async function expectLoadedPolicyEnforced() {
  const granted = await city.query(GRANTED)
  expect(granted.status).toBe(200)
  expect(granted.errors).toBeUndefined()
  expect(granted.data.accommodations.length).toBeGreaterThan(0)
  expect(granted.data.accommodations.every((a: { operator?: unknown }) => a.operator !== undefined)).toBe(true)
  for (const q of [REVOKED, NEVER]) {
    const refused = await city.query(q)
    expect(refused.status, q).toBeLessThan(500)
    expect(refused.data ?? null, q).toBeNull()
    expect(refused.errors?.[0].extensions?.code, q).toMatch(/GRAPHQL_VALIDATION_FAILED|FORBIDDEN/)
  }
  // Aggregate-only roles stay aggregate-only; committee never sees what public was granted.
  const committee = await city.queryAs('committee', GRANTED)
  expect(committee.errors?.[0].extensions?.code).toMatch(/GRAPHQL_VALIDATION_FAILED|FORBIDDEN/)
}

/** Admin write; answered within `boundMs` by a coded refusal, never a 5xx without code. */
async function refusedWrite(boundMs: number) {
  const t0 = performance.now()
  const res = await admin(
    `mutation { setGrant(input: { role: "public", coordinate: "Accommodation.capacity", effect: DENY }, expectedVersion: 1000) }`,
  )
  const ms = performance.now() - t0
  expect(res.status, JSON.stringify(res)).toBe(503)
  expect(res.errors?.[0].extensions?.code, JSON.stringify(res)).toBe('POLICY_STORE_UNAVAILABLE')
  expect(JSON.stringify(res)).not.toMatch(/ECONN|stack|at .*\.[jt]s:\d+/)
  expect(ms).toBeLessThan(boundMs)
  return ms
}

describe('the policy store unreachable', () => {
  let version: number
  beforeAll(async () => {
    ;({
      data: {
        policy: { version },
      },
    } = await admin('{ policy { version } }'))
    const grant = await admin(
      `mutation ($v: Int!) { setGrant(input: { role: "public", coordinate: "Accommodation.operator", effect: ALLOW }, expectedVersion: $v) }`,
      { v: version },
    )
    expect(grant.errors).toBeUndefined()
    const deny = await admin(
      `mutation ($v: Int!) { setGrant(input: { role: "public", coordinate: "Accommodation.name", effect: DENY }, expectedVersion: $v) }`,
      { v: version + 1 },
    )
    expect(deny.errors).toBeUndefined()
    version += 2
    await waitFor(`the gateway to enforce policy version ${version}`, () => city.gateway.policyVersion() >= version)
    expect(city.gateway.policyVersion()).toBe(version)
    await expectLoadedPolicyEnforced()
  })

  it('cut (connections reset, new ones refused): keeps enforcing the loaded policy, refuses admin writes and personal reads with a code', async () => {
    await proxy.set('refuse')
    try {
      const writeMs = await refusedWrite(5_000)
      // Several rounds, past the poll interval of the policy version: nothing reverts. (A fixed span on
      // purpose: that nothing changes over time is what is tested.)
      const until = Date.now() + 6_000
      let rounds = 0
      while (Date.now() < until) {
        await expectLoadedPolicyEnforced()
        rounds++
        await new Promise(r => setTimeout(r, 50))
      }
      expect(city.gateway.policyVersion()).toBe(version)
      // Personal data needs its access-log entry, which cannot be written: refused, not served unlogged.
      const personal = await city.queryAs('staff', PERSONAL, undefined, { department: 'asylum', purpose: 'Fallbearbeitung' })
      expect(personal.status, JSON.stringify(personal)).toBe(503)
      expect(personal.errors?.[0].extensions?.code).toBe('AUDIT_UNAVAILABLE')
      const health = await fetch(city.gateway.url.replace(/\/graphql$/, '/healthz'))
      expect(health.status).toBe(200)
      expect((await health.json()).policyVersion).toBe(version)
      console.log(
        `[faults] policy store refused: admin write refused in ${Math.round(writeMs)} ms, ${rounds} rounds enforced the loaded policy`,
      )
    } finally {
      await proxy.set('forward')
    }
  })

  it('stalled (a partition: nothing passes, nothing is reset): the same, and no request hangs', async () => {
    await proxy.set('blackhole')
    try {
      const writeMs = await refusedWrite(10_000)
      await expectLoadedPolicyEnforced()
      console.log(`[faults] policy store stalled: admin write refused in ${Math.round(writeMs)} ms`)
    } finally {
      await proxy.set('forward')
    }
  })

  it('takes admin writes again once the store is back, and the gateway enforces them', async () => {
    const res = await waitFor(
      'the admin API to answer again',
      async () => {
        const answer = await admin('{ policy { version } }')
        return answer.errors ? null : answer
      },
      { timeoutMs: 15_000, intervalMs: 200 },
    )
    expect(res.data.policy.version).toBe(version)
    const revoke = await admin(
      `mutation ($v: Int!) { removeGrant(role: "public", coordinate: "Accommodation.operator", expectedVersion: $v) }`,
      { v: version },
    )
    expect(revoke.errors).toBeUndefined()
    const granted = await waitFor('the revoked grant to be refused', async () => {
      const answer = await city.query(GRANTED)
      return answer.errors ? answer : null
    })
    expect(granted.errors?.[0].extensions?.code).toMatch(/GRAPHQL_VALIDATION_FAILED|FORBIDDEN/)
  })
})
