import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { createDb, type DbHandle } from '../../platform/db/create-db.js'
import { loadServices } from '../../lib/service/discover-services.js'
import { prepareDatabase } from '../../lib/service/prepare-database.js'
import { createPolicyStore } from '../../auth/policy/store/create-policy-store.js'
import { createDatabase } from '../../test/helpers/test-database.js'
import { bearer, startCity, testGatewayConfig, TEST_IDENTITY_CONFIG, type RunningCity } from '../../test/helpers/start-city.js'
import { createGateway } from '../gateway.js'
import { createGatewayDeps } from '../create-gateway-deps.js'
import { DEFAULT_LIMITS } from '../limits/operation-limits.js'
import { upload } from '../../test/helpers/data-entry-upload.js'

// Data entry through the gateway of a real city (departments on their own ports, real Postgres, the
// policy store's default roles, real JWTs): what a clerk's browser does, and what an attacker tries.
const MAX_BYTES = 8 * 1024 * 1024
let cityDb: Awaited<ReturnType<typeof createDatabase>>
let handle: DbHandle<any>
let city: RunningCity
let base: string
let previousMax: string | undefined

const staff = (department = 'asylum', sub = 'sachbearbeitung.asyl') => bearer('staff', { department, sub })
const count = async (query: ReturnType<typeof sql<{ n: number }>>) => Number((await query.execute(handle.db)).rows[0].n)
const occupancyOn = (day: string) => count(sql<{ n: number }>`select count(*)::int as n from asy.occupancy where day = ${day}::date`)
const allocationsIn = (month: string) =>
  count(sql<{ n: number }>`select count(*)::int as n from asy.allocation where to_char(allocation_date, 'YYYY-MM') = ${month}`)
const audits = () => count(sql<{ n: number }>`select count(*)::int as n from asy.write_audit`)
const idleInTransaction = () =>
  count(
    sql<{
      n: number
    }>`select count(*)::int as n from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'`,
  )

const HEADER = 'Unterkunft;Stichtag;Belegt;Fehlbeleger;Plätze;Überbelegung\r\n'
const occupancyFile = (day: string) =>
  `\ufeff${HEADER}ACC-ASTERNWEG;${day};182;12;200;nein\r\nACC-POST;${day};251;31;300;\r\nACC-HOTEL-ZEPP;${day};64;5;80;nein\r\n`

/** Allocations of one month as the ADD's export lists them: one person per line, German dates. */
function* allocationsFile(rows: number, month = '03.2020'): Generator<string> {
  yield 'Zuweisungsdatum;Weg;Alter;Geschlecht;Herkunftsland;Religion;Unterkunft\n'
  const routes = ['ZUWEISUNG', 'FAMILIENNACHZUG', 'SONSTIGE']
  const sexes = ['M', 'W', 'D']
  let chunk = ''
  for (let i = 0; i < rows; i++) {
    chunk += `${String((i % 28) + 1).padStart(2, '0')}.${month};${routes[i % 3]};${i % 90};${sexes[i % 3]};${i % 2 ? 'SYR' : 'AFG'};;\n`
    if (chunk.length > 16_384) {
      yield chunk
      chunk = ''
    }
  }
  if (chunk) yield chunk
}

beforeAll(async () => {
  previousMax = process.env.DATA_ENTRY_MAX_BYTES
  process.env.DATA_ENTRY_MAX_BYTES = String(MAX_BYTES)
  cityDb = await createDatabase(inject('adminUrl'), 'sg_data_entry_gateway')
  handle = createDb(cityDb.url, { max: 2 })
  await prepareDatabase(
    handle.db,
    (await loadServices()).filter(s => ['geo', 'asylum', 'social'].includes(s.name)),
    'tiny',
  )
  const store = createPolicyStore(handle.db, { connectionString: cityDb.url })
  await store.migrate()
  await store.seedDefaults()
  city = await startCity(cityDb.url, { only: ['geo', 'asylum', 'social'] })
  base = city.gateway.url.replace(/\/graphql$/, '/data-entry')
})
afterAll(async () => {
  await city?.stop()
  await handle?.close()
  await cityDb?.drop()
  if (previousMax === undefined) delete process.env.DATA_ENTRY_MAX_BYTES
  else process.env.DATA_ENTRY_MAX_BYTES = previousMax
})

describe('who may enter data', () => {
  it('without a token: 401 with WWW-Authenticate, before any department is asked', async () => {
    const list = await upload(`${base}/datasets`, { method: 'GET' })
    expect(list.status).toBe(401)
    expect(list.headers['www-authenticate']).toMatch(/^Bearer/)
    expect(list.json.errors[0].extensions.code).toBe('UNAUTHENTICATED')
    const post = await upload(`${base}/asylum/occupancy?dryRun=1`, { body: occupancyFile('10.11.2026') })
    expect(post.status).toBe(401)
    const forged = await upload(`${base}/datasets`, { method: 'GET', headers: { authorization: 'Bearer not.a.token' } })
    expect(forged.status).toBe(401)
  })

  it('committee and public callers see no dataset and are refused (403) by the department, nothing written', async () => {
    for (const headers of [bearer('committee'), bearer('public'), bearer('staff', { department: 'social' })]) {
      const list = await upload(`${base}/datasets`, { method: 'GET', headers })
      expect(list.status).toBe(200)
      expect(list.json.datasets.filter((d: any) => d.department === 'asylum')).toEqual([])
      const post = await upload(`${base}/asylum/occupancy`, {
        headers: { ...headers, 'idempotency-key': 'not-yours-1' },
        body: occupancyFile('10.11.2026'),
      })
      expect(post.status).toBe(403)
      expect(post.json.errors[0].extensions.code).toBe('FORBIDDEN')
      const history = await upload(`${base}/asylum/history`, { method: 'GET', headers })
      expect(history.status).toBe(403)
    }
    expect(await occupancyOn('2026-11-10')).toBe(0)
  })

  it('staff see only their own department’s datasets', async () => {
    const asylum = await upload(`${base}/datasets`, { method: 'GET', headers: staff() })
    expect(asylum.status).toBe(200)
    expect(asylum.json.datasets.map((d: any) => d.id).sort()).toEqual(['asy.allocation', 'asy.occupancy'])
    const finance = await upload(`${base}/datasets`, { method: 'GET', headers: staff('social', 'gesundheitsamt-1') })
    expect(finance.json.datasets.map((d: any) => `${d.department}/${d.name}`)).toEqual(['social/dailyMetrics'])
  })

  it('unknown department or dataset: 404 NOT_FOUND', async () => {
    for (const path of ['nowhere/occupancy', 'asylum/nothing', 'asylum', 'asylum/occupancy/x']) {
      const res = await upload(`${base}/${path}?dryRun=1`, { headers: staff(), body: occupancyFile('10.11.2026') })
      expect([path, res.status, res.json.errors[0].extensions.code]).toEqual([path, 404, 'NOT_FOUND'])
    }
  })
})

describe('a clerk uploads the Belegung', () => {
  it('dry run lists the bad row (row, column, reason), nothing written; the fixed file is written; again: replayed; same key, other file: 409', async () => {
    const day = '12.11.2026'
    const before = await audits()
    const bad = `\ufeff${HEADER}ACC-ASTERNWEG;${day};182;12;200;nein\r\nACC-POST;${day};351;31;300;\r\nACC-HOTEL-ZEPP;${day};64;5;80;nein\r\n`
    const dry = await upload(`${base}/asylum/occupancy?dryRun=1`, { headers: { ...staff(), 'content-type': 'text/csv' }, body: bad })
    expect(dry.status).toBe(200)
    expect(dry.result).toMatchObject({
      ok: false,
      code: 'VALIDATION_FAILED',
      problemCount: 1,
      problems: [{ row: 3, column: 'occupied', rule: 'occupied-within-capacity', reason: expect.stringContaining('351 > 300') }],
    })
    expect(await occupancyOn('2026-11-12')).toBe(0)
    expect(await audits()).toBe(before)

    const fixedDry = await upload(`${base}/asylum/occupancy?dryRun=1`, { headers: staff(), body: occupancyFile(day) })
    expect(fixedDry.result).toMatchObject({ ok: true, dryRun: true, rows: 3 })
    expect(await occupancyOn('2026-11-12')).toBe(0)

    const written = await upload(`${base}/asylum/occupancy`, {
      headers: { ...staff(), 'content-type': 'text/csv', 'idempotency-key': 'belegung-2026-11-12' },
      body: occupancyFile(day),
    })
    expect(written.status).toBe(200)
    expect(written.result).toMatchObject({
      ok: true,
      dryRun: false,
      receipt: { dataset: 'asy.occupancy', clientKey: 'belegung-2026-11-12', rowCount: 3, replayed: false, auditId: expect.any(Number) },
    })
    expect(written.result!.receipt.stichtag >= '2026-11-12').toBe(true)
    expect(await occupancyOn('2026-11-12')).toBe(3)
    const audit = (
      await sql<any>`select via, subject, department from asy.write_audit where client_key = 'belegung-2026-11-12'`.execute(handle.db)
    ).rows
    expect(audit).toEqual([{ via: 'upload', subject: 'sachbearbeitung.asyl', department: 'asylum' }])

    const again = await upload(`${base}/asylum/occupancy`, {
      headers: { ...staff(), 'idempotency-key': 'belegung-2026-11-12' },
      body: occupancyFile(day),
    })
    expect(again.result!.receipt).toMatchObject({ replayed: true, auditId: written.result!.receipt.auditId })
    expect(await audits()).toBe(before + 1)
    expect(await occupancyOn('2026-11-12')).toBe(3)

    const other = await upload(`${base}/asylum/occupancy`, {
      headers: { ...staff(), 'idempotency-key': 'belegung-2026-11-12' },
      body: occupancyFile('13.11.2026'),
    })
    expect([other.status, other.json.errors[0].extensions.code]).toEqual([409, 'IDEMPOTENCY_KEY_REUSED'])
    expect(await occupancyOn('2026-11-13')).toBe(0)

    const history = await upload(`${base}/asylum/history?dataset=occupancy&limit=5`, { method: 'GET', headers: staff() })
    expect(history.json.entries[0]).toMatchObject({
      auditId: written.result!.receipt.auditId,
      via: 'upload',
      subject: 'sachbearbeitung.asyl',
      clientKey: 'belegung-2026-11-12',
      rowCount: 3,
    })
  })

  it('a body over the limit: 413 PAYLOAD_TOO_LARGE from the gateway, with or without a content-length; nothing written', async () => {
    const line = 'ACC-POST;14.11.2026;1;0;300;\n'
    const big = `${HEADER}${line.repeat(Math.ceil((MAX_BYTES + 1024) / line.length))}`
    const declared = await upload(`${base}/asylum/occupancy`, { headers: { ...staff(), 'idempotency-key': 'too-big-1' }, body: big })
    expect([declared.status, declared.json.errors[0].extensions.code]).toEqual([413, 'PAYLOAD_TOO_LARGE'])
    const chunks = Array.from({ length: Math.ceil(big.length / 65_536) }, (_, i) => big.slice(i * 65_536, (i + 1) * 65_536))
    const streamed = await upload(`${base}/asylum/occupancy`, { headers: { ...staff(), 'idempotency-key': 'too-big-2' }, body: chunks })
    if (streamed.status === 200) expect(streamed.result).toMatchObject({ ok: false, code: 'PAYLOAD_TOO_LARGE' })
    else expect([streamed.status, streamed.json?.errors?.[0]?.extensions?.code]).toEqual([413, 'PAYLOAD_TOO_LARGE'])
    expect(await occupancyOn('2026-11-14')).toBe(0)
    await expect.poll(idleInTransaction).toBe(0)
  })

  it('a client that goes away mid-upload leaves nothing written and no transaction open', async () => {
    const before = await audits()
    await upload(`${base}/asylum/allocations`, {
      headers: { ...staff(), 'idempotency-key': 'gone-mid-upload' },
      body: allocationsFile(20_000, '04.2020'),
      abortAfterBytes: 200_000,
    })
    await expect.poll(idleInTransaction).toBe(0)
    expect(await audits()).toBe(before)
    expect(await allocationsIn('2020-04')).toBe(0)
    // The department serves the next upload (nothing was left holding its pool or its dataset lock).
    const next = await upload(`${base}/asylum/allocations?dryRun=1`, { headers: staff(), body: [...allocationsFile(10, '04.2020')] })
    expect(next.result).toMatchObject({ ok: true, rows: 10 })
  })

  it('100 000 rows stream through: progress lines arrive long before the end, then the receipt', async () => {
    const samples: number[] = []
    const baseline = process.memoryUsage().rss
    const sampler = setInterval(() => samples.push(process.memoryUsage().rss), 25)
    const t0 = performance.now()
    const res = await upload(`${base}/asylum/allocations`, {
      headers: { ...staff(), 'idempotency-key': 'allocations-2020-03' },
      body: allocationsFile(100_000, '03.2020'),
      chunked: true,
    })
    const ms = Math.round(performance.now() - t0)
    clearInterval(sampler)
    const progress = res.lines.filter(l => l.type === 'progress')
    expect(res.status).toBe(200)
    expect(res.result).toMatchObject({ ok: true, receipt: { rowCount: 100_000, replayed: false } })
    expect(progress.map(p => p.rows)).toEqual(Array.from({ length: 20 }, (_, i) => (i + 1) * 5000))
    expect(progress[0].at).toBeLessThan(res.result!.at as number)
    expect(await allocationsIn('2020-03')).toBe(100_000)
    const peak = Math.max(baseline, ...samples)
    console.log(
      `[data-entry] 100000 rows (${(100_000 * 33) / 1e6} MB approx.) through the gateway: ${ms} ms; first progress at ${progress[0].at} ms, ` +
        `body sent at ${res.sentAt} ms, result at ${res.result!.at} ms; RSS of this process (gateway + departments + client): ` +
        `baseline ${Math.round(baseline / 2 ** 20)} MiB, peak ${Math.round(peak / 2 ** 20)} MiB (+${Math.round((peak - baseline) / 2 ** 20)} MiB)`,
    )
  }, 180_000)
})

describe('a second gateway: a low rate limit, and the social department unreachable', () => {
  it('counts data-entry requests against the caller’s rate limit, shared with /graphql (429), and answers 503 DEPARTMENT_UNAVAILABLE for a department that is down', async () => {
    const config = testGatewayConfig({
      supergraphSdl: city.supergraphSdl,
      databaseUrl: cityDb.url,
      replicaId: 'data-entry-limited',
      subgraphUrls: { social: 'http://127.0.0.1:1/graphql' },
      limits: { ...DEFAULT_LIMITS, ratePerMinute: 3 },
    })
    const deps = await createGatewayDeps(config, TEST_IDENTITY_CONFIG)
    const gateway = await createGateway(config, deps)
    try {
      const url = gateway.url.replace(/\/graphql$/, '/data-entry')
      const eager = staff('asylum', 'eager-clerk')
      // One budget per caller across /graphql and /data-entry: two queries and one listing use it up.
      for (let i = 0; i < 2; i++) {
        const res = await fetch(gateway.url, {
          method: 'POST',
          headers: { ...eager, 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ __typename }' }),
        })
        expect(res.status).toBe(200)
      }
      expect((await upload(`${url}/datasets`, { method: 'GET', headers: eager })).status).toBe(200)
      const limited = await upload(`${url}/asylum/occupancy?dryRun=1`, { headers: eager, body: occupancyFile('15.11.2026') })
      expect([limited.status, limited.json.errors[0].extensions.code]).toEqual([429, 'RATE_LIMITED'])
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0)

      const health = staff('social', 'gesundheitsamt-2')
      const down = await upload(`${url}/social/dailyMetrics?dryRun=1`, { headers: health, body: 'Datum;AGS;Kennzahl;Wert\n' })
      expect([down.status, down.json.errors[0].extensions.code]).toEqual([503, 'DEPARTMENT_UNAVAILABLE'])
      const list = await upload(`${url}/datasets`, { method: 'GET', headers: health })
      expect(list.json).toEqual({ datasets: [], unavailable: ['social'] })
    } finally {
      await gateway.close()
      await deps.close()
    }
  })
})
