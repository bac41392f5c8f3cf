import { request } from 'node:http'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { createDb, type DbHandle } from '../../platform/db/create-db.js'
import { createDatabase } from '../../test/helpers/test-database.js'
import { bearer, startCity, type RunningCity } from '../../test/helpers/start-city.js'
import { graphql } from '../../test/helpers/start-subgraphs.js'
import { csvCell, csvRow } from './audit-csv.js'

// GET /admin/audit.csv on a real gateway with its own policy database: the same token and role checks
// as /admin/graphql, the filters of auditLog, RFC 4180, no spreadsheet formulas, and 100 000 entries streamed.

/** RFC 4180 read back, written independently of the writer: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string, sep = ','): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') ((cell += '"'), i++)
      else if (c === '"') quoted = false
      else cell += c
    } else if (c === '"' && cell === '') quoted = true
    else if (c === sep) (row.push(cell), (cell = ''))
    else if (c === '\r' && text[i + 1] === '\n') (row.push(cell), rows.push(row), (row = []), (cell = ''), i++)
    else cell += c
  }
  if (cell !== '' || row.length) throw new Error(`the file does not end with CRLF: ${JSON.stringify(cell)}`)
  return rows
}

let city: RunningCity
let policyDb: Awaited<ReturnType<typeof createDatabase>>
let handle: DbHandle<any>
let base: string

interface Download {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}
function download(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Download> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { method, headers }, res => {
      const chunks: Buffer[] = []
      res.on('data', c => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end()
  })
}
const admin = (sub = 'anna') => bearer('admin', { sub })
const adminApi = (query: string, variables?: Record<string, unknown>, sub = 'anna') =>
  graphql(`${base}/admin/graphql`, query, variables, admin(sub))

beforeAll(async () => {
  policyDb = await createDatabase(inject('adminUrl'), 'sg_audit_csv')
  city = await startCity(inject('cityDatabaseUrl'), { only: ['geo'], policyDatabaseUrl: policyDb.url, replicaId: 'audit-csv' })
  base = city.gateway.url.replace(/\/graphql$/, '')
  handle = createDb(policyDb.url)
  // Entries whose text would be formulas, separators, quotes and line breaks in a spreadsheet.
  const { data } = await adminApi('{ policy { version } }')
  for (const [i, description] of [
    '=HYPERLINK("http://evil","klick")',
    '+49 631 365',
    '-2+3',
    '@SUM(A1)',
    'Zeile 1\r\nZeile 2; "zitiert", Ü',
  ].entries()) {
    const v = data.policy.version + i
    const res = await adminApi(
      'mutation ($r: RoleInput!, $v: Int!) { upsertRole(input: $r, expectedVersion: $v) }',
      { r: { name: `r${i}`, description, scopes: ['open'] }, v },
      i % 2 ? '=cmd|calc' : 'anna',
    )
    expect(res.errors).toBeUndefined()
  }
})
afterAll(async () => {
  await handle?.close()
  await city?.stop()
  await policyDb?.drop()
})

describe('csv cells', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\r\nlines', '"two\r\nlines"'],
    ['=1+1', "'=1+1"],
    ['+49', "'+49"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['=A1,"x"', `"'=A1,""x"""`],
    ['a;b', 'a;b'],
  ])('%j → %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell)
  })
  it('quotes the separator in use', () => {
    expect(csvRow(['a;b', 'c,d'], ';')).toBe('"a;b";c,d\r\n')
  })
})

describe('GET /admin/audit.csv', () => {
  it('is refused like /admin/graphql: 401 without a token, 403 without the admin role, 405 for POST', async () => {
    const anonymous = await download('/admin/audit.csv')
    expect(anonymous.status).toBe(401)
    expect(JSON.parse(anonymous.body).errors[0].extensions.code).toBe('UNAUTHENTICATED')
    const staff = await download('/admin/audit.csv', bearer('staff', { department: 'asylum' }))
    expect(staff.status).toBe(403)
    expect(JSON.parse(staff.body).errors[0].extensions.code).toBe('FORBIDDEN')
    const bad = await download('/admin/audit.csv', { authorization: 'Bearer not-a-token' })
    expect(bad.status).toBe(401)
    const post = await download('/admin/audit.csv', admin(), 'POST')
    expect(post.status).toBe(405)
  })

  it('downloads every entry oldest first as an attachment, RFC 4180, formulas neutralised, the same as auditLog', async () => {
    const res = await download('/admin/audit.csv', admin())
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8; header=present')
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="stadtgraph-protokoll-\d{8}T\d{4}\.csv"$/)
    expect(res.body.startsWith('\uFEFFid,at,actor,action,payload,prev_hash,hash\r\n')).toBe(true)
    const [header, ...rows] = parseCsv(res.body.slice(1))
    expect(header).toEqual(['id', 'at', 'actor', 'action', 'payload', 'prev_hash', 'hash'])
    const log = (await adminApi('{ auditLog(limit: 1000) { id at actor action payload prevHash hash } }')).data.auditLog.reverse()
    const unformula = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s)
    expect(rows).toEqual(
      log.map((e: Record<string, string>) => [String(e.id), e.at, unformula(e.actor), e.action, e.payload, e.prevHash, e.hash]),
    )
    // No cell a spreadsheet would run.
    expect(rows.flat().filter(c => /^[=+\-@]/.test(c))).toEqual([])
    expect(rows.some(r => r[2] === "'=cmd|calc")).toBe(true)
    expect(rows.some(r => r[4].includes('Zeile 1\\r\\nZeile 2; \\"zitiert\\", Ü'))).toBe(true)
  })

  it('applies the filters of auditLog; semicolons on request; bad filters are 400 BAD_USER_INPUT', async () => {
    const res = await download('/admin/audit.csv?action=role.upsert&actor=anna&sep=semicolon', admin())
    expect(res.status).toBe(200)
    const [header, ...rows] = parseCsv(res.body.slice(1), ';')
    expect(header[0]).toBe('id')
    const log = (await adminApi('{ auditLog(limit: 1000, action: "role.upsert", actor: "anna") { id } }')).data.auditLog
    expect(rows.map(r => Number(r[0]))).toEqual(log.map((e: { id: number }) => e.id).reverse())
    expect(rows).toHaveLength(3)
    for (const [query, pattern] of [
      ['from=gestern', /^from: /],
      ['action=x%27%20or%201%3D1', /^action: /],
      ['sep=tab', /sep must be/],
      ['limit=5', /unknown parameter "limit"/],
      ['actor=a&actor=b', /more than once/],
    ] as const) {
      const bad = await download(`/admin/audit.csv?${query}`, admin())
      expect(bad.status, query).toBe(400)
      const err = JSON.parse(bad.body).errors[0]
      expect(err.extensions.code).toBe('BAD_USER_INPUT')
      expect(err.message).toMatch(pattern)
    }
  })

  it('streams 100 000 entries in keyset pages, complete and in order', async () => {
    const before = (await adminApi('{ auditLog(limit: 1) { id } }')).data.auditLog[0].id as number
    // Appended around the store (inserts are allowed); what is read is what is written, chain or not.
    await sql`insert into access.audit_log (at, actor, action, payload, prev_hash, hash)
      select now(), 'bulk', 'read.coordinates', jsonb_build_object('n', g, 'note', '=1+' || g), 'x', md5(g::text) || md5((-g)::text)
      from generate_series(1, 100000) g`.execute(handle.db)
    const t0 = performance.now()
    const res = await download('/admin/audit.csv?actor=bulk', admin())
    const ms = performance.now() - t0
    expect(res.status).toBe(200)
    const rows = parseCsv(res.body.slice(1)).slice(1)
    expect(rows).toHaveLength(100_000)
    expect(Number(rows[0][0])).toBe(before + 1)
    expect(Number(rows.at(-1)![0])).toBe(before + 100_000)
    expect(rows.every((r, i) => i === 0 || Number(r[0]) === Number(rows[i - 1][0]) + 1)).toBe(true)
    expect(JSON.parse(rows[99_999][4])).toEqual({ n: 100_000, note: '=1+100000' })
    console.log(`[audit.csv] 100 000 entries, ${(res.body.length / 1e6).toFixed(1)} MB in ${Math.round(ms)} ms`)
    expect(ms).toBeLessThan(30_000)
  })
})

describe('GET /admin/access', () => {
  it("answers the gateway's admin decision with 200 for any valid caller; a bad token 401, POST 405", async () => {
    const answer = async (headers: Record<string, string> = {}, method = 'GET') => {
      const res = await download('/admin/access', headers, method)
      return { status: res.status, body: JSON.parse(res.body), cache: res.headers['cache-control'] }
    }
    expect(await answer()).toEqual({ status: 200, body: { admin: false }, cache: 'no-store' })
    expect(await answer(bearer('staff', { department: 'asylum' }))).toEqual({ status: 200, body: { admin: false }, cache: 'no-store' })
    expect(await answer(admin())).toEqual({ status: 200, body: { admin: true }, cache: 'no-store' })
    const bad = await answer({ authorization: 'Bearer not-a-token' })
    expect(bad.status).toBe(401)
    expect(bad.body.errors[0].extensions.code).toBe('UNAUTHENTICATED')
    const post = await answer(admin(), 'POST')
    expect(post.status).toBe(405)
    expect(post.body.errors[0].extensions.code).toBe('METHOD_NOT_ALLOWED')
  })
})
