import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import pg from 'pg'
import { CITY_AGS } from '../../platform/city.js'
import { createDb } from '../../platform/db/create-db.js'
import { prepareDatabase } from '../../lib/service/prepare-database.js'
import { createDatabase } from '../../test/helpers/test-database.js'
import { graphql, internalHeaders, startSubgraphs, TEST_IDENTITY, type RunningSubgraphs } from '../../test/helpers/start-subgraphs.js'
import type { InternalIdentity } from '../../auth/internal/internal-token.js'
import { createPolicyStore } from '../../auth/policy/store/create-policy-store.js'
import { loadServices } from '../../lib/service/discover-services.js'
import { bearer, startCity, type RunningCity } from '../../test/helpers/start-city.js'
import { service } from './server.js'
import { seededRecordKey } from '../../lib/disclosure/cell-key.js'

// Daily figures entered by the health office: a database of its own (writes never touch the shared city).
let database: Awaited<ReturnType<typeof createDatabase>>
let subgraphs: RunningSubgraphs
let url: string
let db: pg.Pool

const staff: InternalIdentity = {
  ...TEST_IDENTITY,
  subject: 'gesundheitsamt-2',
  roles: ['staff'],
  department: 'social',
  scopes: ['open', 'social:internal', 'social:personal', 'social:special', 'social:write'],
}
const RECORD = `mutation ($input: DailyHealthEntryInput!) { recordDailyHealthFigures(input: $input) { dataset clientKey rowCount stichtag asOf replayed auditId } }`
const record = (input: Record<string, unknown>, who: InternalIdentity = staff) =>
  graphql(url, RECORD, { input }, internalHeaders('social', who))
const count = async () => Number((await db.query('select count(*) from soc.daily_metric')).rows[0].count)
const provenance = async () => (await db.query(`select stichtag::text, as_of from soc.dataset where id = 'soc.daily_metric'`)).rows[0]

beforeAll(async () => {
  database = await createDatabase(inject('adminUrl'), 'sg_social_entry')
  const handle = createDb(database.url)
  try {
    await prepareDatabase(handle.db, [service], 'tiny')
  } finally {
    await handle.close()
  }
  db = new pg.Pool({ connectionString: database.url, max: 2 })
  subgraphs = await startSubgraphs(database.url, ['social'])
  url = subgraphs.byName.get('social')!.server.url
})
afterAll(async () => {
  await subgraphs?.stop()
  await db?.end()
  await database?.drop()
})

describe('recordDailyHealthFigures', () => {
  it("writes a day's figures all at once, attributed and audited, and the HealthDay and freshness show them at once", async () => {
    const before = await provenance()
    const rows = [
      { day: '2023-04-08', ags: CITY_AGS, metric: 'COVID_CASES', value: 9 },
      { day: '2023-04-08', ags: CITY_AGS, metric: 'COVID_INC7', value: 38.5 },
      { day: '2023-04-08', ags: CITY_AGS, metric: 'ICU_SHARE', value: 2.9 },
    ]
    const res = await record({ clientKey: 'lua-2023-04-08', rows })
    expect(res.errors).toBeUndefined()
    expect(res.data.recordDailyHealthFigures).toMatchObject({
      dataset: 'soc.daily_metric',
      clientKey: 'lua-2023-04-08',
      rowCount: 3,
      stichtag: '2023-04-08',
      replayed: false,
    })
    const after = await provenance()
    expect(after.stichtag).toBe('2023-04-08')
    expect(after.as_of.getTime()).toBeGreaterThan(before.as_of.getTime())
    const day = await graphql(
      url,
      `{ _entities(representations: [{ __typename: "HealthDay", ags: "${CITY_AGS}", day: "2023-04-08" }]) {
      ... on HealthDay { incidence7 hospitalization7 icuShare recent { day incidence7 } provenance { stichtag } } } }`,
    )
    expect(day.data._entities[0]).toMatchObject({
      incidence7: 38.5,
      hospitalization7: null,
      icuShare: 2.9,
      provenance: { stichtag: '2023-04-08' },
    })
    expect(day.data._entities[0].recent.at(-2).day).toBe('2023-04-07')
    const { rows: audit } = await db.query(
      'select dataset, client_key, subject, roles, department, via, row_count, stichtag::text from soc.write_audit',
    )
    expect(audit).toEqual([
      {
        dataset: 'soc.daily_metric',
        client_key: 'lua-2023-04-08',
        subject: 'gesundheitsamt-2',
        roles: ['staff'],
        department: 'social',
        via: 'graphql',
        row_count: 3,
        stichtag: '2023-04-08',
      },
    ])
    const { rows: stored } = await db.query(`select source from soc.daily_metric where day = '2023-04-08'`)
    expect(stored.every(r => r.source === 'Gesundheitsamt Kaiserslautern (Dateneingabe)')).toBe(true)

    // The same request again (a retry after a lost answer) writes nothing and answers the first receipt.
    const n = await count()
    const again = await record({ clientKey: 'lua-2023-04-08', rows })
    expect(again.data.recordDailyHealthFigures).toMatchObject({
      replayed: true,
      rowCount: 3,
      auditId: res.data.recordDailyHealthFigures.auditId,
    })
    const reused = await record({
      clientKey: 'lua-2023-04-08',
      rows: [{ day: '2023-04-09', ags: CITY_AGS, metric: 'COVID_CASES', value: 4 }],
    })
    expect(reused.errors?.[0].extensions?.code).toBe('IDEMPOTENCY_KEY_REUSED')
    expect(await count()).toBe(n)
  })

  it('reports every bad row at once and writes nothing, not even the good rows', async () => {
    const n = await count()
    const { stichtag } = await provenance()
    const res = await record({
      clientKey: 'bad-1',
      rows: [
        { day: '2023-04-10', ags: CITY_AGS, metric: 'COVID_CASES', value: 7 }, // fine on its own
        { day: '2023-04-10', ags: CITY_AGS, metric: 'COVID_CASES', value: 8 }, // repeats row 1
        { day: '2023-04-10', ags: '07111000', metric: 'COVID_INC7', value: 20 }, // Koblenz: not this office's area
        { day: '2023-04-10', ags: CITY_AGS, metric: 'ICU_SHARE', value: 120 }, // a percentage
        { day: '2023-04-10', ags: CITY_AGS, metric: 'HOSP_INC7', value: -1 }, // negative
        { day: '2099-01-01', ags: CITY_AGS, metric: 'COVID_INC7', value: 1 }, // future
        { day: '2023-04-11', ags: CITY_AGS, metric: 'COVID_CASES', value: 2.5 }, // half a person
        { day: '2019-12-31', ags: CITY_AGS, metric: 'COVID_CASES', value: 1 }, // before the series
      ],
    })
    expect(res.errors?.[0].extensions?.code).toBe('VALIDATION_FAILED')
    const problems = res.errors![0].extensions!.problems as Array<{ row: number; column: string; reason: string }>
    expect(problems.map(p => [p.row, p.column])).toEqual([
      [2, 'day'],
      [3, 'ags'],
      [4, 'value'],
      [5, 'value'],
      [6, 'day'],
      [7, 'value'],
      [8, 'day'],
    ])
    expect(problems.find(p => p.row === 3)!.reason).toMatch(/unknown municipality/)
    expect(problems.find(p => p.row === 4)).toMatchObject({
      rule: 'share-is-percentage',
      columns: ['value', 'metric'],
      reason: expect.stringMatching(/percentage/),
    })
    expect(await count()).toBe(n)
    expect((await provenance()).stichtag).toBe(stichtag)
    expect(JSON.stringify(res)).not.toMatch(/stacktrace|at .*\.ts:/)
  })

  it('refuses a day and metric already recorded (DUPLICATE_PERIOD), and values GraphQL cannot type', async () => {
    const n = await count()
    const dup = await record({ clientKey: 'dup-1', rows: [{ day: '2021-09-20', ags: CITY_AGS, metric: 'COVID_INC7', value: 50 }] })
    expect(dup.errors?.[0].extensions?.code).toBe('DUPLICATE_PERIOD')
    expect(dup.errors?.[0].extensions?.problems).toEqual([{ row: 1, column: 'day', reason: expect.stringMatching(/already written/) }])
    const typed = await record({ clientKey: 'typed-1', rows: [{ day: '2023-04-12', ags: CITY_AGS, metric: 'RAINFALL', value: 'viel' }] })
    expect(typed.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT')
    expect(await count()).toBe(n)
  })

  it("lets only the social department's staff write, for the social department", async () => {
    const rows = [{ day: '2023-04-13', ags: CITY_AGS, metric: 'COVID_CASES', value: 3 }]
    const asylumStaff = { ...staff, department: 'asylum', scopes: ['open', 'asylum:internal', 'asylum:write'] }
    const head = { ...staff, roles: ['department_head'], scopes: ['open', 'social:internal'] }
    for (const who of [asylumStaff, head, TEST_IDENTITY]) {
      const res = await record({ clientKey: `forbidden-${who.roles[0]}`, rows }, who)
      expect(res.errors?.[0].extensions?.code, who.roles.join()).toBe('FORBIDDEN')
    }
    const foreign = await record({ clientKey: 'foreign-1', department: 'asylum', rows })
    expect(foreign.errors?.[0].extensions?.code).toBe('FORBIDDEN')
    expect((await db.query(`select count(*)::int as n from soc.daily_metric where day = '2023-04-13'`)).rows[0].n).toBe(0)
  })
})

describe('the case register: record keys (Cell Key Method)', () => {
  const KEY_RANGE = 4_294_967_296
  const publicCaller = () =>
    internalHeaders('social', { ...TEST_IDENTITY, roles: ['public'], scopes: ['open'], aggregateOnly: true, authenticated: false })

  it("keeps the seed's deterministic keys; a case inserted without one (a register import) gets a random key, and no update changes it", async () => {
    const seeded = (await db.query('select id, rkey::text from soc.egh_case')).rows as Array<{ id: string; rkey: string }>
    expect(seeded.length).toBeGreaterThan(3000)
    for (const r of seeded) expect(Number(r.rkey)).toBe(seededRecordKey('soc.egh_case', r.id))
    // Three new cases of the Werkstatt in district 18, as an import of the register writes them: no key.
    await db.query(`insert into soc.egh_case (id, benefit_group, district_code, age_group, sex, start_date, end_date, yearly_cost) values
      ('EGH-900001', 'ARBEITSLEBEN_WFBM', '18', '30-49', 'W', '2024-03-01', null, 19800),
      ('EGH-900002', 'ARBEITSLEBEN_WFBM', '18', '18-29', 'M', '2024-05-15', null, 20400),
      ('EGH-900003', 'ARBEITSLEBEN_WFBM', '18', '50-64', 'M', '2024-09-01', '2025-02-28', 21100)`)
    const keyOf = async (id: string) => (await db.query('select rkey::text from soc.egh_case where id = $1', [id])).rows[0].rkey as string
    const fresh = await Promise.all(['EGH-900001', 'EGH-900002', 'EGH-900003'].map(keyOf))
    for (const [i, k] of fresh.entries()) {
      expect(Number(k)).toBeGreaterThanOrEqual(0)
      expect(Number(k)).toBeLessThan(KEY_RANGE)
      expect(Number(k)).not.toBe(seededRecordKey('soc.egh_case', `EGH-90000${i + 1}`))
    }
    expect(new Set(fresh).size).toBe(3)
    // Corrections keep the key: an update, and an upsert of the whole row.
    await db.query(`update soc.egh_case set end_date = '2025-06-30', yearly_cost = 20100 where id = 'EGH-900002'`)
    await db.query(`insert into soc.egh_case (id, benefit_group, district_code, age_group, sex, start_date, end_date, yearly_cost)
      values ('EGH-900003', 'ARBEITSLEBEN_WFBM', '18', '50-64', 'M', '2024-09-01', '2025-03-31', 21300)
      on conflict (id) do update set end_date = excluded.end_date, yearly_cost = excluded.yearly_cost`)
    expect(await Promise.all(['EGH-900001', 'EGH-900002', 'EGH-900003'].map(keyOf))).toEqual(fresh)
    // A key out of range is refused.
    await expect(db.query(`update soc.egh_case set rkey = 4294967296 where id = 'EGH-900001'`)).rejects.toThrow(/check/)
  })

  it('gives the same cases the same noise whichever field reaches them: a district with one benefit group, a group in one district', async () => {
    // This database only: district 18 keeps its Werkstatt cases alone, Frühförderung only in district 05.
    await db.query(`delete from soc.egh_case where district_code = '18' and benefit_group <> 'ARBEITSLEBEN_WFBM'`)
    await db.query(`delete from soc.egh_case where benefit_group = 'FRUEHFOERDERUNG' and district_code <> '05'`)
    const years = Array.from({ length: 11 }, (_, i) => 2015 + i)
    const stat = 'benefitGroup recipients { value status } cost { amount status }'
    const query = `{ _entities(representations: [{ __typename: "District", ags: "${CITY_AGS}", code: "18" },
        { __typename: "District", ags: "${CITY_AGS}", code: "05" }, ${years.map(y => `{ __typename: "Year", year: ${y} }`).join(', ')}]) {
      ... on District { ${years.map(y => `t${y}: eingliederungshilfeRecipients(year: ${y}) { value status } g${y}: eingliederungshilfe(year: ${y}) { ${stat} }`).join(' ')} }
      ... on Year { year eingliederungshilfe { ${stat} } } } }`
    const [pub, exact] = await Promise.all([graphql(url, query, undefined, publicCaller()), graphql(url, query)])
    expect(pub.errors).toBeUndefined()
    const [d18, d05, ...city] = pub.data._entities
    const [x18, x05] = exact.data._entities
    const group = (cells: any[], g: string) => cells.find((c: any) => c.benefitGroup === g)
    let moved = 0
    years.forEach((y, i) => {
      // District 18: its total is the Werkstatt cell (same cases, same key, same noise).
      const wfbm = group(d18[`g${y}`], 'ARBEITSLEBEN_WFBM')
      expect(d18[`t${y}`]).toEqual(wfbm.recipients)
      expect(wfbm.recipients.status).toBe('PERTURBED')
      expect(
        d18[`g${y}`].filter((c: any) => c.benefitGroup !== 'ARBEITSLEBEN_WFBM').every((c: any) => c.recipients.status === 'ZERO'),
      ).toBe(true)
      expect(x18[`t${y}`]).toEqual(group(x18[`g${y}`], 'ARBEITSLEBEN_WFBM').recipients)
      // Frühförderung: the city's cell holds exactly district 05's cases: same count and same cost.
      const own = group(d05[`g${y}`], 'FRUEHFOERDERUNG')
      expect(city[i].year).toBe(y)
      expect(group(city[i].eingliederungshilfe, 'FRUEHFOERDERUNG')).toEqual(own)
      const exactOwn = group(x05[`g${y}`], 'FRUEHFOERDERUNG')
      if (exactOwn.recipients.value > 0) {
        expect(own.cost.status).toBe('PERTURBED')
        expect(own.cost.amount).not.toBe(exactOwn.cost.amount)
      }
      if (wfbm.recipients.value !== group(x18[`g${y}`], 'ARBEITSLEBEN_WFBM').recipients.value) moved++
    })
    expect(moved).toBeGreaterThan(0)
  })
})

describe('through the gateway', () => {
  let cityDb: Awaited<ReturnType<typeof createDatabase>>
  let city: RunningCity
  beforeAll(async () => {
    cityDb = await createDatabase(inject('adminUrl'), 'sg_social_gateway')
    const handle = createDb(cityDb.url)
    try {
      await prepareDatabase(
        handle.db,
        (await loadServices()).filter(s => s.name === 'geo' || s.name === 'social'),
        'tiny',
      )
      const store = createPolicyStore(handle.db, { connectionString: cityDb.url })
      await store.migrate()
      await store.seedDefaults()
    } finally {
      await handle.close()
    }
    city = await startCity(cityDb.url, { only: ['geo', 'social'] })
  })
  afterAll(async () => {
    await city?.stop()
    await cityDb?.drop()
  })

  it("a staff token of the health office posts the day's incidence, and a public caller reads it at once", async () => {
    const mutation = `mutation { recordDailyHealthFigures(input: { clientKey: "gw-2023-04-14", rows: [
      { day: "2023-04-14", ags: "${CITY_AGS}", metric: COVID_INC7, value: 31.6 }] }) { rowCount stichtag } }`
    const posted = await graphql(city.gateway.url, mutation, undefined, bearer('staff', { department: 'social', sub: 'gesundheitsamt-9' }))
    expect(posted.errors).toBeUndefined()
    expect(posted.data.recordDailyHealthFigures).toEqual({ rowCount: 1, stichtag: '2023-04-14' })
    const read = await city.query(
      `{ municipality(ags: "${CITY_AGS}") { name healthDay(day: "2023-04-14") { incidence7 provenance { stichtag } } } }`,
    )
    expect(read.errors).toBeUndefined()
    expect(read.data.municipality).toEqual({
      name: 'Kaiserslautern',
      healthDay: { incidence7: 31.6, provenance: { stichtag: '2023-04-14' } },
    })
  })
})
