import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import pg from 'pg'
import { createGateway, type Gateway } from '../../gateway/gateway.js'
import { createGatewayDeps } from '../../gateway/create-gateway-deps.js'
import { createDatabase } from '../helpers/test-database.js'
import { bearer, startCity, TEST_IDENTITY_CONFIG, testGatewayConfig, type RunningCity } from '../helpers/start-city.js'
import { graphql } from '../helpers/start-subgraphs.js'
import { waitFor } from '../helpers/wait-for.js'

// cases T38–T45, docs/access-control.md#adversarial-cases: disclosure control, aggregates, personal data and its audit, the
// permission API, revocation across replicas, explain. Four-eyes approval and grant expiry (T45) are
// exercised step by step in four-eyes.test.ts. The policy lives in its own database.

let city: RunningCity
let policyDb: Awaited<ReturnType<typeof createDatabase>>
let policySql: pg.Client
const replicas: Array<{ gateway: Gateway; close(): Promise<void> }> = []

beforeAll(async () => {
  policyDb = await createDatabase(inject('adminUrl'), 'sg_adv_data')
  city = await startCity(inject('cityDatabaseUrl'), { policyDatabaseUrl: policyDb.url, replicaId: 'replica-1' })
  for (const id of ['replica-2', 'replica-3']) {
    const config = testGatewayConfig({ supergraphSdl: city.supergraphSdl, databaseUrl: policyDb.url, replicaId: id })
    const deps = await createGatewayDeps(config, TEST_IDENTITY_CONFIG)
    const gateway = await createGateway(config, deps)
    replicas.push({
      gateway,
      close: async () => {
        await gateway.close()
        await deps.close()
      },
    })
  }
  policySql = new pg.Client({ connectionString: policyDb.url })
  await policySql.connect()
})
afterAll(async () => {
  await policySql?.end()
  for (const r of replicas) await r.close()
  await city?.stop()
  await policyDb?.drop()
})

const admin = (query: string, variables?: Record<string, unknown>, roles: string | string[] = 'admin', sub?: string) =>
  graphql(city.gateway.url.replace(/\/graphql$/, '/admin/graphql'), query, variables, bearer(roles, sub ? { sub } : {}))
const version = async () => (await admin('{ policy { version } }')).data.policy.version as number

describe('T38 small cells', () => {
  const cells = '{ districts { code population(year: 2025) { byNationality(top: 13) { group count { value status } } } } }'

  it('perturbs counts for public and committee with the Cell Key Method (±2, zero kept, no 1–2 shown for sure), and gives exact counts to controlling', async () => {
    const exact = await city.queryAs('controlling', cells)
    for (const roles of ['public', 'committee']) {
      const res = roles === 'public' ? await city.query(cells) : await city.queryAs(roles, cells)
      expect(res.errors).toBeUndefined()
      let small = 0
      let smallShownAsIs = 0
      let changed = 0
      res.data.districts.forEach((d: any, i: number) => {
        const truth = new Map<string, number>(exact.data.districts[i].population.byNationality.map((c: any) => [c.group, c.count.value]))
        expect(d.population.byNationality.map((c: any) => c.group).sort()).toEqual([...truth.keys()].sort())
        for (const c of d.population.byNationality) {
          const n = truth.get(c.group)!
          if (n === 0) {
            expect(c.count).toMatchObject({ value: 0, status: 'ZERO' })
            continue
          }
          expect(c.count.status).toBe('PERTURBED')
          expect(Math.abs(c.count.value - n)).toBeLessThanOrEqual(2)
          expect(c.count.value).toBeGreaterThan(0)
          if (c.count.value !== n) changed++
          if (n <= 2) {
            small++
            if (c.count.value === n) smallShownAsIs++
          }
        }
      })
      expect(small).toBeGreaterThan(0)
      expect(changed).toBeGreaterThan(0)
      // a published 1 or 2 does not say that the true count is 1 or 2
      expect(smallShownAsIs).toBeLessThan(small)
    }
    expect(JSON.stringify(exact.data)).not.toMatch(/SECRET|PERTURBED/)
  })
})

describe('T39 differencing', () => {
  const cells = '{ districts { code population(year: 2025) { byNationality(top: 13) { group count { value status } } } } }'

  it("the noise is deterministic across requests and principals; a group's cell and status do not depend on top", async () => {
    const a = await city.query(cells)
    const b = await city.query(cells)
    const c = await city.queryAs('committee', cells, undefined, { sub: 'ratsmitglied-1' })
    const d = await city.queryAs('committee', cells, undefined, { sub: 'ratsmitglied-2' })
    expect(b.data).toEqual(a.data)
    expect(d.data).toEqual(c.data)
    expect(c.data).toEqual(a.data)
    // asking for fewer groups publishes the same cells for the groups it shows (OTHER is a cell of its own)
    const fewer = await city.query(
      '{ districts { code population(year: 2025) { byNationality(top: 12) { group count { value status } } } } }',
    )
    let compared = 0
    fewer.data.districts.forEach((dist: any, i: number) => {
      const full = new Map(a.data.districts[i].population.byNationality.map((cell: any) => [cell.group, cell.count]))
      for (const cell of dist.population.byNationality) {
        if (cell.group === 'OTHER' || !full.has(cell.group)) continue
        compared++
        expect(cell.count, `${dist.code} ${cell.group}`).toEqual(full.get(cell.group))
      }
    })
    expect(compared).toBeGreaterThan(100)
  })
})

describe('T40 tracker via free filters', () => {
  it('the public graph has no free predicates on aggregates: such arguments fail validation', async () => {
    for (const query of [
      '{ allocationsAggregate(where: { age: { _eq: 34 }, district: "07" }) { count } }',
      '{ years(from: 2022, to: 2022) { allocations(grain: YEAR, where: { age: { _gte: 30, _lte: 31 } }) { count { value } } } }',
      '{ districts { population(year: 2025, where: { age: { _eq: 34 } }) { total { value } } } }',
    ]) {
      city.subgraphs.resetStatements()
      const res = await city.query(query)
      expect([res.status, res.errors?.[0].extensions?.code], query).toEqual([400, 'GRAPHQL_VALIDATION_FAILED'])
      expect(Object.values(city.subgraphs.statements()).reduce((a, b) => a + b, 0)).toBe(0)
    }
  })
})

describe('T41 aggregates over denied columns', () => {
  it('aggregate roles cannot name a denied column: no countDistinct/max/groupBy over record fields exists for them', async () => {
    for (const roles of ['committee', 'statistics_office', 'public']) {
      for (const query of [
        '{ allocationsAggregate { countDistinct(field: religion) } }',
        '{ allocationsAggregate { max(field: caseCost) } }',
        '{ years(from: 2022, to: 2022) { allocations(grain: YEAR, groupBy: [religion]) { count { value } } } }',
      ]) {
        const res = roles === 'public' ? await city.query(query) : await city.queryAs(roles, query)
        expect(res.errors?.[0].extensions?.code, `${roles} ${query}`).toBe('GRAPHQL_VALIDATION_FAILED')
      }
    }
  })
})

describe('T42 personal-data audit and purpose', () => {
  const records = '{ allocationRecords(from: "2022-03-01", to: "2022-03-03", first: 3) { id route religion } }'

  it('is unreachable for aggregate roles and other departments, and needs a purpose from the own staff', async () => {
    for (const [roles, department] of [
      ['public', undefined],
      ['committee', undefined],
      ['controlling', undefined],
      ['staff', 'finance'],
    ] as const) {
      const res = await city.queryAs(roles, records, undefined, { department })
      expect(res.errors?.[0].extensions?.code, `${roles} ${department ?? ''}`).toBe('GRAPHQL_VALIDATION_FAILED')
    }
    const noPurpose = await city.queryAs('staff', records, undefined, { department: 'asylum' })
    expect(noPurpose.status).toBe(403)
    expect(noPurpose.errors?.[0].extensions?.code).toBe('PURPOSE_REQUIRED')
    expect(noPurpose.data).toBeUndefined()
  })

  it('is served with a purpose and leaves one access-log entry naming who, why and which fields', async () => {
    const pg = (await import('pg')).default
    const db = new pg.Client({ connectionString: policyDb.url })
    await db.connect()
    try {
      const before = (await db.query('select count(*)::int as n from access.access_log')).rows[0].n
      const res = await graphql(city.gateway.url, records, undefined, {
        ...bearer('staff', { department: 'asylum', sub: 'sachbearbeiterin-7' }),
        'x-stadtgraph-purpose': 'Unterbringungsplanung',
      })
      expect(res.errors).toBeUndefined()
      expect(res.data.allocationRecords.length).toBeGreaterThan(0)
      const { rows } = await db.query(
        'select subject, roles, department, purpose, coordinates, policy_version from access.access_log order by id desc limit 1',
      )
      expect((await db.query('select count(*)::int as n from access.access_log')).rows[0].n).toBe(before + 1)
      expect(rows[0]).toMatchObject({
        subject: 'sachbearbeiterin-7',
        roles: ['staff'],
        department: 'asylum',
        purpose: 'Unterbringungsplanung',
      })
      expect(rows[0].coordinates).toEqual([
        'AllocationRecord.id',
        'AllocationRecord.religion',
        'AllocationRecord.route',
        'Query.allocationRecords',
      ])
      await expect(db.query('delete from access.access_log')).rejects.toThrow(/append-only/)
      // Over the cost limit: refused before it runs, so no entry for a read that never happened.
      const huge = await graphql(city.gateway.url, records.replace('first: 3', 'first: 99999999'), undefined, {
        ...bearer('staff', { department: 'asylum', sub: 'sachbearbeiterin-7' }),
        'x-stadtgraph-purpose': 'Unterbringungsplanung',
      })
      expect(huge.errors?.[0].extensions?.code).toBe('COST_LIMIT_EXCEEDED')
      // Access-log writes take the table lock in turn: once a later read is served, an entry for the refused one would be in.
      const again = await graphql(city.gateway.url, records, undefined, {
        ...bearer('staff', { department: 'asylum', sub: 'sachbearbeiterin-7' }),
        'x-stadtgraph-purpose': 'Unterbringungsplanung',
      })
      expect(again.errors).toBeUndefined()
      expect((await db.query('select count(*)::int as n from access.access_log')).rows[0].n).toBe(before + 2)
    } finally {
      await db.end()
    }
  })

  it('is not served when the access log cannot be written (fail closed), while open data still is', async () => {
    const config = testGatewayConfig({ supergraphSdl: city.supergraphSdl, databaseUrl: null, replicaId: 'no-audit' })
    const deps = await createGatewayDeps(config, TEST_IDENTITY_CONFIG)
    const noAudit = await createGateway(config, deps)
    try {
      const personal = await graphql(noAudit.url, records, undefined, {
        ...bearer('staff', { department: 'asylum' }),
        'x-stadtgraph-purpose': 'Unterbringungsplanung',
      })
      expect(personal.status).toBe(503)
      expect(personal.errors?.[0].extensions?.code).toBe('AUDIT_UNAVAILABLE')
      expect(personal.data).toBeUndefined()
      const open = await graphql(noAudit.url, '{ districts { code } }', undefined, bearer('staff', { department: 'asylum' }))
      expect(open.data.districts).toHaveLength(18)
    } finally {
      await noAudit.close()
      await deps.close()
    }
  })
})

describe('T43 permission API input', () => {
  it('a non-admin calling the admin API: 403 FORBIDDEN', async () => {
    const res = await admin('{ policy { version } }', undefined, 'controlling')
    expect(res.status).toBe(403)
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN')
  })

  it('bad input: 400 INVALID_POLICY with a JSON pointer, nothing partly written; the second of two writers from one version: 409 VERSION_CONFLICT', async () => {
    const v = await version()
    const bad = async (query: string, pointer: RegExp) => {
      const res = await admin(query, { v })
      expect(res.status, query).toBe(400)
      expect(res.errors?.[0].extensions?.code, query).toBe('INVALID_POLICY')
      expect(String(res.errors?.[0].extensions?.pointer), query).toMatch(pointer)
    }
    await bad(
      'mutation ($v: Int!) { setGrant(input: { role: "committee", coordinate: "Nope.nothing", effect: ALLOW }, expectedVersion: $v) }',
      /coordinate/,
    )
    await bad(
      'mutation ($v: Int!) { setGrant(input: { role: "no_such_role", coordinate: "Accommodation.name", effect: ALLOW }, expectedVersion: $v) }',
      /role/,
    )
    await bad(
      'mutation ($v: Int!) { setRowRule(input: { role: "staff", coordinate: "AllocationRecord", condition: "{not json" }, expectedVersion: $v) }',
      /condition/,
    )
    const broken = JSON.stringify({
      roles: [],
      grants: [
        { role: 'committee', coordinate: 'Accommodation.name', effect: 'DENY' },
        { role: 'committee', coordinate: 'Nope.x', effect: 'DENY' },
      ],
      rowRules: [],
    })
    await bad(`mutation ($v: Int!) { importPolicy(json: ${JSON.stringify(broken)}, expectedVersion: $v) }`, /grants/)
    const malformed = await fetch(city.gateway.url.replace(/\/graphql$/, '/admin/graphql'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer('admin') },
      body: '{"query": "{ policy { version } ',
    })
    expect([malformed.status, (await malformed.json()).errors[0].extensions.code]).toEqual([400, 'BAD_REQUEST'])
    expect(await version()).toBe(v)

    const write = (sub: string, coordinate: string) =>
      admin(
        `mutation ($v: Int!) { setGrant(input: { role: "committee", coordinate: "${coordinate}", effect: DENY }, expectedVersion: $v) }`,
        { v },
        'admin',
        sub,
      )
    const [first, second] = [await write('admin-a', 'Accommodation.kind'), await write('admin-b', 'Accommodation.opened')]
    expect(first.errors).toBeUndefined()
    expect([second.status, second.errors?.[0].extensions?.code]).toEqual([409, 'VERSION_CONFLICT'])
    await admin('mutation ($v: Int!) { removeGrant(role: "committee", coordinate: "Accommodation.kind", expectedVersion: $v) }', {
      v: v + 1,
    })
  })
})

describe('T44 revocation propagation', () => {
  it('subscriptions do not exist in this graph: refused with a validation error, nothing runs', async () => {
    for (const headers of [{}, bearer('committee')]) {
      const res = await graphql(city.gateway.url, 'subscription { budgetForecast { amount } }', undefined, headers)
      expect(res.status).toBe(400)
      expect(res.errors?.[0]).toMatchObject({
        message: 'This API has no subscription operations',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      })
    }
  })

  it('revoking committee → finance:internal reaches all three replicas within 5 s: new policyVersion in /healthz, the forecast denied, convergence recorded', async () => {
    const forecast = '{ product(code: "313") { name result(year: 2026, version: PROGNOSE) { ordinaryExpense { amount } } } }'
    const urls = [city.gateway.url, ...replicas.map(r => r.gateway.url)]
    for (const url of urls) expect((await graphql(url, forecast, undefined, bearer('committee'))).errors).toBeUndefined()
    const v = await version()
    const role = (scopes: string[], expected: number) =>
      admin(
        `mutation ($v: Int!, $s: [String!]!) { upsertRole(input: { name: "committee", description: "City council and committee members", scopes: $s, aggregateOnly: true }, expectedVersion: $v) }`,
        { v: expected, s: scopes },
      )
    const revoked = await role(['open'], v)
    expect(revoked.errors).toBeUndefined()
    try {
      for (const url of urls) {
        const res = await waitFor(`${url} to refuse the forecast to the committee`, async () => {
          const answer = await graphql(url, forecast, undefined, bearer('committee'))
          return answer.errors ? answer : null
        })
        expect(res.data?.product?.result ?? null, url).toBeNull()
        expect(
          res.errors?.map((e: any) => e.extensions?.code),
          url,
        ).toEqual(['FORBIDDEN_FIELD'])
        const health = await fetch(url.replace(/\/graphql$/, '/healthz')).then(r => r.json())
        expect(health.policyVersion, url).toBe(v + 1)
      }
      const audit = await admin('{ auditLog(limit: 5) { actor action payload } }')
      expect(audit.data.auditLog.some((e: any) => e.action.startsWith('role.') && e.payload.includes('committee'))).toBe(true)
      const converged: any[] = await waitFor(
        `every replica to report version ${v + 1}`,
        async () => {
          const replicas: any[] = (await admin('{ replicas { id policyVersion } }')).data.replicas
          return ['replica-1', 'replica-2', 'replica-3'].every(id => replicas.find(r => r.id === id)?.policyVersion === v + 1)
            ? replicas
            : null
        },
        { timeoutMs: 10_000, intervalMs: 50 },
      )
      expect(converged.filter(r => r.id.startsWith('replica-')).map(r => [r.id, r.policyVersion])).toEqual([
        ['replica-1', v + 1],
        ['replica-2', v + 1],
        ['replica-3', v + 1],
      ])
    } finally {
      expect((await role(['open', 'finance:internal'], v + 1)).errors).toBeUndefined()
    }
  })
})

describe('T45 explain', () => {
  it('as admin: DENY with the reason and policy version', async () => {
    const res = await admin('{ explain(roles: ["public"], coordinate: "Accommodation.operator") { decision class reasons policyVersion } }')
    expect(res.errors).toBeUndefined()
    expect(res.data.explain.decision).toBe('DENY')
    expect(res.data.explain.class).toBe('internal')
    expect(res.data.explain.reasons.join(' ')).toMatch(/class internal not granted to role public/)
    expect(res.data.explain.policyVersion).toBe(await version())
    const op = await admin(
      '{ explainOperation(roles: ["public"], operation: "{ accommodations { id ...F } } fragment F on Accommodation { op: operator }") { coordinate decision } }',
    )
    expect(op.data.explainOperation).toEqual([
      { coordinate: 'Accommodation.id', decision: 'ALLOW' },
      { coordinate: 'Accommodation.operator', decision: 'DENY' },
      { coordinate: 'Query.accommodations', decision: 'ALLOW' },
    ])
    const broken = await admin('{ explainOperation(roles: ["public"], operation: "{ accommodations {") { decision } }')
    expect(broken.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT')
  })

  it('as staff: 403; every explain an admin asks is in the audit log with who asked what', async () => {
    const staff = await admin('{ explain(roles: ["public"], coordinate: "Accommodation.operator") { decision } }', undefined, 'staff')
    expect([staff.status, staff.errors?.[0].extensions?.code, staff.data]).toEqual([403, 'FORBIDDEN', undefined])
    const asked = await admin(
      '{ explain(roles: ["committee"], coordinate: "Accommodation.operator") { decision reasons } }',
      undefined,
      'admin',
      'datenschutz-1',
    )
    expect(asked.data.explain.decision).toBe('DENY')
    const { rows } = await policySql.query(`select actor, action, payload from access.audit_log order by id desc limit 1`)
    expect(rows[0]).toMatchObject({
      actor: 'datenschutz-1',
      action: 'read.explain',
      payload: { roles: ['committee'], department: null, coordinate: 'Accommodation.operator' },
    })
    const chain = await admin('{ auditChain { ok } }')
    expect(chain.data.auditChain.ok).toBe(true)
    await expect(policySql.query(`delete from access.audit_log where action = 'read.explain'`)).rejects.toThrow(/append-only/)
  })
})
