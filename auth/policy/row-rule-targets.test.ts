import pg from 'pg'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { bearer, startCity, type RunningCity } from '../../test/helpers/start-city.js'
import { graphql, internalHeaders } from '../../test/helpers/start-subgraphs.js'
import { createDatabase } from '../../test/helpers/test-database.js'

// The admin API's row-rule options and preview against a real city: the asylum and social
// departments declare which fields a rule may name, setRowRule refuses anything else, and the
// preview's counts equal what SQL counts in the seeded city database (and what the department's
// root field returns). The policy store has a database of its own.

let city: RunningCity
let policyDb: Awaited<ReturnType<typeof createDatabase>>
let cityDb: pg.Client
let adminUrl: string

beforeAll(async () => {
  policyDb = await createDatabase(inject('adminUrl'), 'sg_row_rule_targets')
  city = await startCity(inject('cityDatabaseUrl'), {
    only: ['geo', 'asylum', 'social'],
    policyDatabaseUrl: policyDb.url,
    replicaId: 'rows',
  })
  adminUrl = city.gateway.url.replace(/\/graphql$/, '/admin/graphql')
  cityDb = new pg.Client({ connectionString: inject('cityDatabaseUrl') })
  await cityDb.connect()
})
afterAll(async () => {
  await cityDb?.end()
  await city?.stop()
  await policyDb?.drop()
})

const admin = (query: string, variables?: Record<string, unknown>) => graphql(adminUrl, query, variables, bearer('admin', { sub: 'alice' }))
const version = async () => (await admin('{ policy { version } }')).data.policy.version as number
const count = async (where = 'true', params: unknown[] = []) =>
  (await cityDb.query<{ n: number }>(`select count(*)::int as n from asy.allocation where ${where}`, params)).rows[0].n

const PREVIEW = `query ($role: String!, $department: String, $coordinate: String!, $condition: String) {
  previewRowRule(role: $role, department: $department, coordinate: $coordinate, condition: $condition) {
    coordinate department field fieldVisible rows small condition policyVersion
  }
}`
const SET = `mutation ($v: Int!, $coordinate: String!, $c: String!) {
  setRowRule(input: { role: "staff", coordinate: $coordinate, condition: $c }, expectedVersion: $v)
}`

describe('rowRuleOptions', () => {
  it('lists what the departments declare: types, their root field, the fields a rule may name, the claims', async () => {
    const res = await admin('{ rowRuleOptions { coordinate department field columns claims } rowRuleOptionsUnreachable }')
    expect(res.errors).toBeUndefined()
    expect(res.data.rowRuleOptions).toEqual([
      {
        coordinate: 'AllocationRecord',
        department: 'asylum',
        field: 'Query.allocationRecords',
        columns: ['countryOfOrigin', 'firstAccommodation', 'route', 'sex'],
        claims: ['department', 'sub', 'purpose'],
      },
      {
        coordinate: 'EghCase',
        department: 'social',
        field: 'Query.eghCases',
        columns: ['ageGroup', 'benefitGroup', 'district', 'sex'],
        claims: ['department', 'sub', 'purpose'],
      },
    ])
    expect(res.data.rowRuleOptionsUnreachable).toEqual([])
  })
})

describe('setRowRule takes declared types, fields and claims only', () => {
  it.each([
    [
      'a type no department declares',
      'Accommodation',
      { column: 'route', equals: 'X' },
      '/rule/coordinate',
      /no department declares row rules on "Accommodation"/,
    ],
    [
      'a field the department does not map',
      'AllocationRecord',
      { column: 'religion', equals: 'X' },
      '/rule/condition/column',
      /no field "religion"/,
    ],
    [
      'a claim no identity carries',
      'AllocationRecord',
      { column: 'route', claim: 'district' },
      '/rule/condition/claim',
      /claim "district"/,
    ],
  ])('%s: INVALID_POLICY, nothing written', async (_, coordinate, condition, pointer, message) => {
    const v = await version()
    const res = await admin(SET, { v, coordinate, c: JSON.stringify(condition) })
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'INVALID_POLICY', pointer })
    expect(res.errors?.[0].message).toMatch(message)
    expect(await version()).toBe(v)
  })

  it('a declared field is accepted', async () => {
    const v = await version()
    const res = await admin(SET, { v, coordinate: 'EghCase', c: JSON.stringify({ column: 'sex', equals: 'w' }) })
    expect(res.errors).toBeUndefined()
    expect(res.data.setRowRule).toBe(v + 1)
    const removed = await admin('mutation ($v: Int!) { removeRowRule(role: "staff", coordinate: "EghCase", expectedVersion: $v) }', {
      v: v + 1,
    })
    expect(removed.errors).toBeUndefined()
  })
})

describe('previewRowRule', () => {
  it('counts the rows asylum staff would get, with and without a rule, as SQL counts them in the city database', async () => {
    const all = await count()
    const ukraine = await count('route = $1', ['UKRAINE_24'])
    expect(all).toBeGreaterThan(ukraine)
    expect(ukraine).toBeGreaterThan(2)

    const none = await admin(PREVIEW, { role: 'staff', department: 'asylum', coordinate: 'AllocationRecord' })
    expect(none.errors).toBeUndefined()
    expect(none.data.previewRowRule).toMatchObject({
      coordinate: 'AllocationRecord',
      department: 'asylum',
      field: 'Query.allocationRecords',
      fieldVisible: true,
      rows: all,
      small: false,
      condition: null,
      policyVersion: await version(),
    })
    const route = JSON.stringify({ column: 'route', equals: 'UKRAINE_24' })
    const limited = await admin(PREVIEW, { role: 'staff', department: 'asylum', coordinate: 'AllocationRecord', condition: route })
    expect(limited.data.previewRowRule).toMatchObject({ rows: ukraine, small: false, condition: route })
  })

  it('equals what the root field returns once the rule is set', async () => {
    const route = JSON.stringify({ column: 'route', equals: 'FAMILIENNACHZUG' })
    const preview = await admin(PREVIEW, { role: 'staff', department: 'asylum', coordinate: 'AllocationRecord', condition: route })
    const expected = await count('route = $1', ['FAMILIENNACHZUG'])
    expect(expected).toBeLessThanOrEqual(1000)
    expect(preview.data.previewRowRule.rows).toBe(expected > 2 ? expected : null)
    const v = await version()
    expect((await admin(SET, { v, coordinate: 'AllocationRecord', c: route })).errors).toBeUndefined()
    try {
      const rows = await city.queryAs(
        'staff',
        '{ allocationRecords(from: "1900-01-01", to: "2999-12-31", first: 1000) { route } }',
        undefined,
        { department: 'asylum', purpose: 'Unterbringungsplanung' },
      )
      expect(rows.errors).toBeUndefined()
      expect(rows.data.allocationRecords).toHaveLength(expected)
      expect(new Set(rows.data.allocationRecords.map((r: { route: string }) => r.route))).toEqual(
        new Set(expected ? ['FAMILIENNACHZUG'] : []),
      )
      // With the rule stored, the preview without a condition shows the rows without it again.
      const without = await admin(PREVIEW, { role: 'staff', department: 'asylum', coordinate: 'AllocationRecord' })
      expect(without.data.previewRowRule.rows).toBe(await count())
    } finally {
      await admin('mutation ($v: Int!) { removeRowRule(role: "staff", coordinate: "AllocationRecord", expectedVersion: $v) }', {
        v: await version(),
      })
    }
  })

  it('the department gate and claims count too: other departments, a missing claim and public get 0 rows', async () => {
    const other = await admin(PREVIEW, { role: 'staff', department: 'social', coordinate: 'AllocationRecord' })
    expect(other.data.previewRowRule).toMatchObject({ rows: 0, fieldVisible: false })
    const claim = JSON.stringify({ column: 'route', claim: 'sub' })
    const noSub = await admin(PREVIEW, { role: 'staff', department: 'asylum', coordinate: 'AllocationRecord', condition: claim })
    expect(noSub.data.previewRowRule).toMatchObject({ rows: 0, fieldVisible: true })
    const pub = await admin(PREVIEW, { role: 'public', coordinate: 'AllocationRecord' })
    expect(pub.data.previewRowRule).toMatchObject({ rows: 0, fieldVisible: false })
  })

  it('hides counts of 1 or 2', async () => {
    const { rows } = await cityDb.query<{ v: string; n: number }>(
      `select first_accommodation_id as v, count(*)::int as n from asy.allocation where first_accommodation_id is not null
       group by 1 order by 2, 1`,
    )
    const tiny = rows.find(r => r.n <= 2)
    const condition = tiny
      ? JSON.stringify({ column: 'firstAccommodation', equals: tiny.v })
      : JSON.stringify({ column: 'countryOfOrigin', equals: 'ZZZ-none' })
    const res = await admin(PREVIEW, { role: 'staff', department: 'asylum', coordinate: 'AllocationRecord', condition })
    expect(res.data.previewRowRule).toMatchObject(tiny ? { rows: null, small: true } : { rows: 0, small: false })
  })

  it('refuses what setRowRule would refuse, and records each preview in the audit log', async () => {
    const bad = await admin(PREVIEW, {
      role: 'staff',
      department: 'asylum',
      coordinate: 'AllocationRecord',
      condition: JSON.stringify({ column: 'religion', equals: 'x' }),
    })
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'INVALID_POLICY', pointer: '/condition/column' })
    const unknownRole = await admin(PREVIEW, { role: 'nobody', coordinate: 'AllocationRecord' })
    expect(unknownRole.errors?.[0].extensions).toMatchObject({ code: 'INVALID_POLICY', pointer: '/role' })
    const log = await admin('{ auditLog(limit: 20) { action payload } }')
    const previews = log.data.auditLog.filter((e: { action: string }) => e.action === 'read.previewRowRule')
    expect(previews.length).toBeGreaterThan(3)
    expect(JSON.parse(previews[0].payload)).toMatchObject({ role: 'nobody', coordinate: 'AllocationRecord' })
  })
})

describe("a department's /row-rules", () => {
  const url = (path: string) => city.subgraphs.byName.get('asylum')!.server.url.replace(/\/graphql$/, path)
  it('answers only the gateway (an internal token for this department), and counts declared types only', async () => {
    expect((await fetch(url('/row-rules'))).status).toBe(401)
    expect((await fetch(url('/row-rules'), { headers: internalHeaders('social') })).status).toBe(401)
    const listed = await fetch(url('/row-rules'), { headers: internalHeaders('asylum') })
    expect(listed.status).toBe(200)
    expect((await listed.json()).targets.map((t: { coordinate: string }) => t.coordinate)).toEqual(['AllocationRecord'])
    const post = (body: string) =>
      fetch(url('/row-rules/count'), {
        method: 'POST',
        headers: { ...internalHeaders('asylum'), 'content-type': 'application/json' },
        body,
      })
    for (const body of ['{not json', JSON.stringify({ coordinate: 'Accommodation' }), JSON.stringify({ coordinate: 'x'.repeat(2000) })]) {
      const res = await post(body)
      expect(res.status).toBe(400)
      expect((await res.json()).errors[0].extensions.code).toBe('BAD_REQUEST')
    }
    // The test identity holds no department: the department's gate gives it no rows.
    expect(await (await post(JSON.stringify({ coordinate: 'AllocationRecord' }))).json()).toEqual({
      coordinate: 'AllocationRecord',
      rows: 0,
    })
  })
})

describe('replicas', () => {
  it('name the supergraph this gateway serves, when it loaded it, and its age', async () => {
    const res = await admin('{ replicas { id policyVersion supergraphHash supergraphLoadedAt supergraphAgeSeconds seenAt } }')
    expect(res.errors).toBeUndefined()
    const me = res.data.replicas.find((r: { id: string }) => r.id === 'rows')
    expect(me.supergraphHash).toBe(city.gateway.supergraphHash())
    expect(me.policyVersion).toBe(await version())
    expect(Date.parse(me.supergraphLoadedAt)).toBeLessThanOrEqual(Date.now())
    expect(me.supergraphAgeSeconds).toBeGreaterThanOrEqual(0)
    expect(me.supergraphAgeSeconds).toBeLessThan(600)
  })
})
