import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { createDatabase } from '../helpers/test-database.js'
import { bearer, TEST_IDENTITY_CONFIG, testGatewayConfig } from '../helpers/start-city.js'
import { createGatewayDeps } from '../../gateway/create-gateway-deps.js'
import { createGateway, type Gateway } from '../../gateway/gateway.js'
import { ERROR_CODES } from '../../platform/errors.js'

// Issue 11 item 8: the admin API refuses what the system would ignore (or misread) instead of
// storing it: flags the public role cannot carry, and row-rule conditions the row filters do not
// read. Each refusal is HTTP 400 INVALID_POLICY with the reason and a pointer; nothing is written.
// A policy database of its own; the departments are not needed (the admin API classifies
// coordinates against the supergraph it serves).

let database: Awaited<ReturnType<typeof createDatabase>>
let gateway: Gateway
let deps: Awaited<ReturnType<typeof createGatewayDeps>>
let adminUrl: string

beforeAll(async () => {
  database = await createDatabase(inject('adminUrl'), 'sg_admin_effect')
  const supergraphSdl = readFileSync(new URL('../../schema/supergraph.graphql', import.meta.url), 'utf8')
  const config = testGatewayConfig({ supergraphSdl, databaseUrl: database.url, replicaId: 'admin-effect' })
  deps = await createGatewayDeps(config, TEST_IDENTITY_CONFIG)
  gateway = await createGateway(config, deps)
  adminUrl = gateway.url.replace(/\/graphql$/, '/admin/graphql')
})
afterAll(async () => {
  await gateway?.close()
  await deps?.close()
  await database?.drop()
})

async function admin(query: string, variables: Record<string, unknown> = {}) {
  const res = await fetch(adminUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...bearer('admin', { sub: 'alice' }) },
    body: JSON.stringify({ query, variables }),
  })
  return {
    status: res.status,
    ...((await res.json()) as { data?: any; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }),
  }
}
const version = async (): Promise<number> => (await admin('{ policy { version } }')).data.policy.version
const exported = async (): Promise<string> => (await admin('{ exportPolicy }')).data.exportPolicy

const UPSERT = 'mutation ($input: RoleInput!, $v: Int!) { upsertRole(input: $input, expectedVersion: $v) }'
const ROW_RULE =
  'mutation ($condition: String!, $v: Int!) { setRowRule(input: { role: "staff", coordinate: "Accommodation", condition: $condition }, expectedVersion: $v) }'

/** 400 INVALID_POLICY at `pointer`, a message matching `reason`, and the policy as it was. */
async function expectRefused(query: string, variables: Record<string, unknown>, pointer: string, reason: RegExp) {
  const before = await exported()
  const res = await admin(query, variables)
  expect(res.status).toBe(400)
  expect(res.errors?.[0].extensions).toMatchObject({ code: 'INVALID_POLICY', pointer })
  expect(res.errors?.[0].message).toMatch(reason)
  expect(await exported()).toBe(before)
}

describe('role flags the system ignores', () => {
  it('aggregateOnly: false on public: refused (a public-only caller is always aggregate-only)', async () => {
    await expectRefused(
      UPSERT,
      { input: { name: 'public', description: 'open data', scopes: ['open'], aggregateOnly: false }, v: await version() },
      '/role/aggregateOnly',
      /public role is always aggregate-only/,
    )
    // The GraphQL default of aggregateOnly is false: leaving it out is refused the same way.
    await expectRefused(
      UPSERT,
      { input: { name: 'public', scopes: ['open'] }, v: await version() },
      '/role/aggregateOnly',
      /aggregate-only/,
    )
  })

  it('admin: true on public: refused', async () => {
    await expectRefused(
      UPSERT,
      { input: { name: 'public', scopes: ['open'], aggregateOnly: true, admin: true }, v: await version() },
      '/role/admin',
      /never be an admin role/,
    )
  })

  it('importPolicy with such a public role: refused at its pointer', async () => {
    const policy = JSON.parse(await exported())
    const i = policy.roles.findIndex((r: { name: string }) => r.name === 'public')
    policy.roles[i] = { ...policy.roles[i], aggregateOnly: false }
    await expectRefused(
      'mutation ($json: String!, $v: Int!) { importPolicy(json: $json, expectedVersion: $v) }',
      { json: JSON.stringify(policy), v: await version() },
      `/roles/${i}/aggregateOnly`,
      /aggregate-only/,
    )
  })

  it('a public role as the system reads it is still accepted', async () => {
    const v = await version()
    const res = await admin(UPSERT, {
      input: {
        name: 'public',
        description: 'Anyone without a token: open data after disclosure control.',
        scopes: ['open'],
        aggregateOnly: true,
      },
      v,
    })
    expect(res.errors).toBeUndefined()
    expect(res.data.upsertRole).toBe(v + 1)
  })
})

describe('row-rule conditions', () => {
  it.each([
    [
      'an unknown key next to a valid condition',
      { column: 'department', claim: 'department', region: 'south' },
      '/rule/condition/region',
      /"region" is not one the row filters read/,
    ],
    ['a misspelt column', { colum: 'department', claim: 'department' }, '/rule/condition/colum', /not one the row filters read/],
    ['no column', { claim: 'department' }, '/rule/condition', /needs "column"/],
    ['neither equals nor claim', { column: 'department' }, '/rule/condition', /exactly one of "equals".*or "claim"/],
    [
      'both equals and claim (equals would win silently)',
      { column: 'department', equals: 'asylum', claim: 'department' },
      '/rule/condition',
      /exactly one/,
    ],
  ])('%s: refused', async (_, condition, pointer, reason) => {
    await expectRefused(ROW_RULE, { condition: JSON.stringify(condition), v: await version() }, pointer, reason)
  })

  it('a condition the filters read is checked against its department: with none answering, nothing is written', async () => {
    // Which fields a rule may name is the department's declaration (auth/policy/row-rule-targets.test.ts
    // tests acceptance against a real city); this gateway serves no department, so it cannot check.
    const before = await exported()
    const res = await admin(ROW_RULE, { condition: JSON.stringify({ column: 'route', equals: 'UKRAINE_24' }), v: await version() })
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE' })
    expect(await exported()).toBe(before)
  })
})

describe('statuses as the catalogue (and docs/errors.md) says', () => {
  it('INVALID_POLICY and VERSION_CONFLICT are sent with their catalogued status', async () => {
    const v = await version()
    const invalid = await admin(UPSERT, { input: { name: 'Bad Name', scopes: ['open'] }, v })
    expect([invalid.status, invalid.errors?.[0].extensions?.code]).toEqual([ERROR_CODES.INVALID_POLICY.status[0], 'INVALID_POLICY'])
    const stale = await admin(UPSERT, { input: { name: 'reader', scopes: ['open'] }, v: v - 1 })
    expect([stale.status, stale.errors?.[0].extensions?.code]).toEqual([ERROR_CODES.VERSION_CONFLICT.status[0], 'VERSION_CONFLICT'])
    expect([ERROR_CODES.INVALID_POLICY.status[0], ERROR_CODES.VERSION_CONFLICT.status[0]]).toEqual([400, 409])
  })
})
