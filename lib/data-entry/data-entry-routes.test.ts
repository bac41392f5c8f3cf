import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { createDb, type DbHandle } from '../../platform/db/create-db.js'
import { createInternalTokenSigner, INTERNAL_TOKEN_HEADER, type InternalIdentity } from '../../auth/internal/internal-token.js'
import { createSubgraphServer, type SubgraphServer } from '../service/create-subgraph-server.js'
import { loadService } from '../service/discover-services.js'
import { prepareDatabase } from '../service/prepare-database.js'
import { createDatabase } from '../../test/helpers/test-database.js'
import { upload } from '../../test/helpers/data-entry-upload.js'
import { request } from 'node:http'

/** A body written as an async source yields (a client that may pause); the status and code of the answer. */
function uploadStream(
  url: string,
  headers: Record<string, string>,
  body: AsyncIterable<string>,
): Promise<{ status: number; code?: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers }, res => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', c => (text += c))
      res.on('end', () => {
        let code: string | undefined
        try {
          code = JSON.parse(text).errors?.[0]?.extensions?.code
        } catch {
          code = undefined
        }
        resolve({ status: res.statusCode ?? 0, code })
      })
    })
    req.on('error', reject)
    void (async () => {
      for await (const chunk of body) if (!req.destroyed) req.write(chunk)
      if (!req.destroyed) req.end()
    })().catch(() => {})
  })
}

// A department's data-entry routes over real HTTP, against a real Postgres, with the internal
// identity tokens a gateway signs: the asylum department of a tiny city.
const SECRET = 'data-entry-routes-test-secret-0123456789abcdef'
const signer = createInternalTokenSigner(SECRET)
let database: Awaited<ReturnType<typeof createDatabase>>
let handle: DbHandle<any>
let server: SubgraphServer
let base: string

const identity = (over: Partial<InternalIdentity> = {}): InternalIdentity => ({
  subject: 'sachbearbeitung.asyl',
  roles: ['staff'],
  department: 'asylum',
  purpose: null,
  authenticated: true,
  aggregateOnly: false,
  policyVersion: 1,
  scopes: ['open', 'asylum:internal', 'asylum:write'],
  ...over,
})
const as = (who: InternalIdentity = identity()) => ({ [INTERNAL_TOKEN_HEADER]: signer.sign(who, 'asylum') })
const count = async (query: ReturnType<typeof sql<{ n: number }>>) => Number((await query.execute(handle.db)).rows[0].n)
const occupancyOn = (day: string) => count(sql<{ n: number }>`select count(*)::int as n from asy.occupancy where day = ${day}::date`)
const audits = () => count(sql<{ n: number }>`select count(*)::int as n from asy.write_audit`)

const HEADER = 'Unterkunft;Stichtag;Belegt;Fehlbeleger;Plätze;Überbelegung\n'
const good = (day: string) =>
  `\ufeff${HEADER}ACC-ASTERNWEG;${day};182;12;200;nein\nACC-POST;${day};251;31;300;\nACC-HOTEL-ZEPP;${day};64;5;80;nein\n`

beforeAll(async () => {
  database = await createDatabase(inject('adminUrl'), 'sg_de_routes')
  handle = createDb(database.url, { max: 4 })
  const asylum = await loadService('asylum')
  await prepareDatabase(handle.db, [asylum], 'tiny')
  server = await createSubgraphServer(asylum, handle, {
    port: 0,
    internalTokenSecret: SECRET,
    dataEntry: { maxBytes: 64 * 1024, batchSize: 100, maxRecordChars: 4096, maxFields: 50, idleTimeoutMs: 500 },
  })
  base = server.url.replace(/\/graphql$/, '/data-entry')
})
afterAll(async () => {
  await server?.close()
  await handle?.close()
  await database?.drop()
})

describe('who may enter data', () => {
  it('refuses a request without the internal token (401), and staff of another department or a role without the write scope (403)', async () => {
    expect((await upload(`${base}/datasets`, { method: 'GET' })).status).toBe(401)
    const other = await upload(`${base}/datasets`, {
      method: 'GET',
      headers: as(identity({ department: 'finance', scopes: ['open', 'finance:write'] })),
    })
    expect(other.status).toBe(403)
    expect(other.json.errors[0].extensions.code).toBe('FORBIDDEN')
    const committee = await upload(`${base}/occupancy?dryRun=1`, {
      headers: as(identity({ roles: ['committee'], department: null, scopes: ['open'] })),
      body: good('20.11.2026'),
    })
    expect(committee.status).toBe(403)
    // A token is accepted once: the same one again is refused as a replay.
    const headers = as()
    expect((await upload(`${base}/datasets`, { method: 'GET', headers })).status).toBe(200)
    expect((await upload(`${base}/datasets`, { method: 'GET', headers })).status).toBe(401)
  })
})

describe('describe', () => {
  it('answers the forms of the department’s datasets: mutation, fields with labels, units, allowed values, provenance', async () => {
    const res = await upload(`${base}/datasets`, { method: 'GET', headers: as() })
    expect(res.status).toBe(200)
    const forms = res.json.datasets as any[]
    expect(forms.map(f => f.name).sort()).toEqual(['allocations', 'occupancy'])
    const occupancy = forms.find(f => f.name === 'occupancy')
    expect(occupancy).toMatchObject({
      department: 'asylum',
      id: 'asy.occupancy',
      title: expect.any(String),
      cadence: expect.any(String),
      stichtag: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      mutation: { field: 'recordAsylumOccupancy', inputType: 'AsylumOccupancyEntryInput', rowType: 'AsylumOccupancyRowInput' },
      key: ['accommodationId', 'day'],
      period: ['accommodationId', 'day'],
    })
    const occupied = occupancy.fields.find((f: any) => f.name === 'occupied')
    expect(occupied).toMatchObject({
      column: 'occupied',
      type: 'integer',
      required: true,
      min: 0,
      max: 5000,
      aliases: ['Belegt', 'Belegung'],
    })
    expect(occupied.label).toMatch(/[A-ZÄÖÜ]/)
    expect(occupancy.fields.find((f: any) => f.name === 'overCapacity')).toMatchObject({ type: 'boolean', required: false })
    const allocations = forms.find(f => f.name === 'allocations')
    expect(allocations.period).toEqual(['month'])
    expect(allocations.fields.find((f: any) => f.name === 'route').allowed).toEqual([
      'ZUWEISUNG',
      'UKRAINE_24',
      'FAMILIENNACHZUG',
      'SONSTIGE',
    ])
    expect(allocations.fields.find((f: any) => f.name === 'ageAtAllocation').description).toMatch(/0–110/)
  })
})

describe('upload', () => {
  it('dry run: lists every problem as row, column, reason and writes nothing; then commits, replays, refuses the key for another file', async () => {
    const day = '20.11.2026'
    const bad = `${HEADER}ACC-ASTERNWEG;${day};182;12;200;nein\nACC-NOWHERE;${day};5;1;10;\nACC-POST;${day};zwölf;31;300;\n`
    const before = await audits()
    const dry = await upload(`${base}/occupancy?dryRun=1`, { headers: { ...as(), 'content-type': 'text/csv' }, body: bad })
    expect(dry.status).toBe(200)
    expect(dry.headers['content-type']).toMatch(/^application\/x-ndjson/)
    expect(dry.result).toMatchObject({ type: 'result', ok: false, code: 'VALIDATION_FAILED', problemCount: 2 })
    expect(dry.result!.problems).toEqual([
      { row: 3, column: 'accommodationId', reason: 'unknown accommodation "ACC-NOWHERE"' },
      { row: 4, column: 'occupied', reason: expect.stringContaining('is not a number') },
    ])
    expect(await occupancyOn('2026-11-20')).toBe(0)

    const fixedDry = await upload(`${base}/occupancy?dryRun=1`, { headers: as(), body: good(day) })
    expect(fixedDry.result).toEqual({ type: 'result', ok: true, dryRun: true, rows: 3, at: expect.any(Number) })
    expect(await occupancyOn('2026-11-20')).toBe(0)
    expect(await audits()).toBe(before)

    const written = await upload(`${base}/occupancy`, { headers: { ...as(), 'idempotency-key': 'upload-1' }, body: good(day) })
    expect(written.result).toMatchObject({
      ok: true,
      dryRun: false,
      receipt: { dataset: 'asy.occupancy', clientKey: 'upload-1', rowCount: 3, stichtag: expect.any(String), replayed: false },
    })
    expect(await occupancyOn('2026-11-20')).toBe(3)
    const audit = (await sql<any>`select * from asy.write_audit order by id desc limit 1`.execute(handle.db)).rows[0]
    expect(audit).toMatchObject({
      via: 'upload',
      subject: 'sachbearbeitung.asyl',
      client_key: 'upload-1',
      row_count: 3,
      department: 'asylum',
    })
    expect(Number(audit.id)).toBe(written.result!.receipt.auditId)

    const again = await upload(`${base}/occupancy`, { headers: { ...as(), 'idempotency-key': 'upload-1' }, body: good(day) })
    expect(again.result!.receipt).toMatchObject({ replayed: true, auditId: written.result!.receipt.auditId, rowCount: 3 })
    expect(await audits()).toBe(before + 1)

    // A dry run with the key of a file already written says so (the first receipt), instead of listing its periods as taken.
    const dryAgain = await upload(`${base}/occupancy?dryRun=1`, { headers: { ...as(), 'idempotency-key': 'upload-1' }, body: good(day) })
    expect(dryAgain.result).toMatchObject({
      ok: true,
      dryRun: true,
      rows: 3,
      replayed: true,
      receipt: { auditId: written.result!.receipt.auditId },
    })
    const dryOther = await upload(`${base}/occupancy?dryRun=1`, {
      headers: { ...as(), 'idempotency-key': 'upload-1' },
      body: good('21.11.2026'),
    })
    expect(dryOther.status).toBe(409)
    expect(await audits()).toBe(before + 1)

    const other = await upload(`${base}/occupancy`, { headers: { ...as(), 'idempotency-key': 'upload-1' }, body: good('21.11.2026') })
    expect(other.status).toBe(409)
    expect(other.json.errors[0].extensions.code).toBe('IDEMPOTENCY_KEY_REUSED')
    expect(await occupancyOn('2026-11-21')).toBe(0)

    const history = await upload(`${base}/history?dataset=occupancy&limit=1`, { method: 'GET', headers: as() })
    expect(history.json.entries).toEqual([
      {
        auditId: written.result!.receipt.auditId,
        at: expect.any(String),
        subject: 'sachbearbeitung.asyl',
        via: 'upload',
        dataset: 'asy.occupancy',
        name: 'occupancy',
        clientKey: 'upload-1',
        rowCount: 3,
        stichtag: '2026-11-20',
      },
    ])
    const older = await upload(`${base}/history?before=${written.result!.receipt.auditId}`, { method: 'GET', headers: as() })
    expect(older.json.entries.every((e: any) => e.auditId < written.result!.receipt.auditId)).toBe(true)
    // A name an object inherits is not a dataset.
    for (const name of ['constructor', '__proto__', 'toString', 'nothing']) {
      const unknown = await upload(`${base}/history?dataset=${name}`, { method: 'GET', headers: as() })
      expect([unknown.status, unknown.json.errors[0].extensions.code], name).toEqual([404, 'NOT_FOUND'])
    }
  })

  it('refuses what cannot be an upload before reading it: no key, a bad key, unknown dataset, a form, too large', async () => {
    const noKey = await upload(`${base}/occupancy`, { headers: as(), body: good('22.11.2026') })
    expect([noKey.status, noKey.json.errors[0].extensions.code]).toEqual([400, 'BAD_REQUEST'])
    const badKey = await upload(`${base}/occupancy`, { headers: { ...as(), 'idempotency-key': 'a b' }, body: good('22.11.2026') })
    expect(badKey.status).toBe(400)
    const unknown = await upload(`${base}/nothing?dryRun=1`, { headers: as(), body: good('22.11.2026') })
    expect([unknown.status, unknown.json.errors[0].extensions.code]).toEqual([404, 'NOT_FOUND'])
    const form = await upload(`${base}/occupancy?dryRun=1`, {
      headers: { ...as(), 'content-type': 'multipart/form-data; boundary=x' },
      body: 'x',
    })
    expect(form.status).toBe(400)
    const big = `${HEADER}${'ACC-POST;22.11.2026;1;0;300;\n'.repeat(3000)}`
    const tooLarge = await upload(`${base}/occupancy?dryRun=1`, { headers: as(), body: big })
    expect([tooLarge.status, tooLarge.json.errors[0].extensions.code]).toEqual([413, 'PAYLOAD_TOO_LARGE'])
    // Without a content-length the limit is counted while reading: 413 while nothing was answered yet,
    // else (progress lines already sent) the result line says it.
    const chunked = await upload(`${base}/occupancy?dryRun=1`, {
      headers: as(),
      body: [HEADER, ...Array.from({ length: 3000 }, (_, i) => `ACC-POST;${(i % 28) + 1}.01.2019;1;0;300;\n`)],
    })
    if (chunked.status === 200) expect(chunked.result).toMatchObject({ ok: false, code: 'PAYLOAD_TOO_LARGE' })
    else expect([chunked.status, chunked.json.errors[0].extensions.code]).toEqual([413, 'PAYLOAD_TOO_LARGE'])
    expect(await occupancyOn('2026-11-22')).toBe(0)
  })

  it('a broken file is CSV_INVALID with its line; a record longer than the limit too', async () => {
    const broken = await upload(`${base}/occupancy?dryRun=1`, { headers: as(), body: `${HEADER}"ACC-POST;22.11.2026;1;0;300;\n` })
    expect(broken.result).toMatchObject({ ok: false, code: 'CSV_INVALID', problemCount: 1, problems: [{ row: 2, column: '' }] })
    const header = await upload(`${base}/occupancy?dryRun=1`, { headers: as(), body: `Unterkunft;Tag\nACC-POST;1\n` })
    expect(header.result).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' })
    expect(header.result!.problems.map((p: any) => p.row)).toContain(1)
  })

  it('bounds a record: longer than the line limit, or more fields than the column limit, is CSV_INVALID at its line', async () => {
    const long = await upload(`${base}/occupancy?dryRun=1`, { headers: as(), body: `${HEADER}ACC-POST;${'x'.repeat(5000)}\n` })
    expect(long.result).toMatchObject({ ok: false, code: 'CSV_INVALID', problems: [{ row: 2, reason: 'is longer than 4096 characters' }] })
    const wide = await upload(`${base}/occupancy?dryRun=1`, { headers: as(), body: `${HEADER}${';'.repeat(80)}\n` })
    expect(wide.result).toMatchObject({ ok: false, code: 'CSV_INVALID', problems: [{ row: 2, reason: 'has more than 50 fields' }] })
    const noLineBreak = await upload(`${base}/occupancy?dryRun=1`, { headers: as(), body: 'x'.repeat(5000) })
    expect(noLineBreak.result).toMatchObject({ ok: false, code: 'CSV_INVALID', problems: [{ row: 1 }] })
  })

  it('a client that stops sending: 408 UPLOAD_TIMEOUT after the idle limit, transaction rolled back', async () => {
    const stalled = (async function* () {
      yield `${HEADER}ACC-POST;23.11.2026;1;0;300;\n`
      await new Promise(resolve => setTimeout(resolve, 1500))
      yield 'ACC-ASTERNWEG;23.11.2026;1;0;200;\n'
    })()
    const res = await uploadStream(`${base}/occupancy`, { ...as(), 'idempotency-key': 'stalled-1' }, stalled)
    expect([res.status, res.code]).toEqual([408, 'UPLOAD_TIMEOUT'])
    await expect
      .poll(
        async () =>
          (
            await sql<{
              n: number
            }>`select count(*)::int as n from pg_stat_activity where state like 'idle in transaction%' and datname = current_database()`.execute(
              handle.db,
            )
          ).rows[0].n,
      )
      .toBe(0)
    expect(await occupancyOn('2026-11-23')).toBe(0)
  })

  it('caps the problems at 1000 and counts them all', async () => {
    const server2 = await createSubgraphServer(await loadService('asylum'), handle, { port: 0, internalTokenSecret: SECRET })
    try {
      const rows = Array.from({ length: 1500 }, () => 'ACC-POST;kein Datum;1;0;300;\n')
      const res = await upload(server2.url.replace(/\/graphql$/, '/data-entry/occupancy?dryRun=1'), {
        headers: as(),
        body: [HEADER, ...rows],
      })
      expect(res.result).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', problemCount: 1500 })
      expect(res.result!.problems).toHaveLength(1000)
    } finally {
      await server2.close()
    }
  })

  it('a client that goes away mid-upload leaves nothing written and no connection held', async () => {
    const before = await audits()
    const rows = Array.from({ length: 400 }, (_, i) => `ACC-POST;${String((i % 28) + 1).padStart(2, '0')}.0${(i % 9) + 1}.2019;1;0;300;\n`)
    await upload(`${base}/occupancy`, { headers: { ...as(), 'idempotency-key': 'gone-1' }, body: [HEADER, ...rows], abortAfterBytes: 6000 })
    await expect
      .poll(
        async () =>
          (
            await sql<{
              n: number
            }>`select count(*)::int as n from pg_stat_activity where state like 'idle in transaction%' and datname = current_database()`.execute(
              handle.db,
            )
          ).rows[0].n,
      )
      .toBe(0)
    expect(await audits()).toBe(before)
    expect(await count(sql<{ n: number }>`select count(*)::int as n from asy.write_audit where client_key = 'gone-1'`)).toBe(0)
    // The department still answers (its pool was not drained by the broken upload).
    expect((await upload(`${base}/datasets`, { method: 'GET', headers: as() })).status).toBe(200)
  })
})
