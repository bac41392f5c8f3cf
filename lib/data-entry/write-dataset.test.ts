import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest'
import { sql } from 'kysely'
import { createDb, type DbHandle } from '../../platform/db/create-db.js'
import { createDatasetTable, upsertDatasets } from '../service/provenance.js'
import { createDatabase } from '../../test/helpers/test-database.js'
import { defineDataset, districtReference } from './define-dataset.js'
import { DataEntryError } from './data-entry-error.js'
import { addAcknowledgedColumn, createWriteAuditTable } from './write-audit-table.js'
import { writeDataset, type SourceRow, type WriteOptions } from './write-dataset.js'

// The kit against a real Postgres, with a dataset declared only for this test: monthly readings
// per district, two datasets sharing one table (told apart by a constant column).
let database: Awaited<ReturnType<typeof createDatabase>>
let handle: DbHandle<any>

const readings = defineDataset<{ districtCode: string; month: string; value: number; note: string | null }>({
  department: 'kit',
  schema: 'kit',
  id: 'kit.readings',
  table: 'kit.reading',
  fields: {
    districtCode: { column: 'district_code', type: 'text', pgType: 'text', references: districtReference, aliases: ['Bezirk'] },
    month: { column: 'month', type: 'date', pgType: 'date', min: '2015-01-01', aliases: ['Monat'] },
    value: { column: 'value', type: 'decimal', pgType: 'numeric', min: 0, max: 1000 },
    note: { column: 'note', type: 'text', pgType: 'text', required: false, maxLength: 20 },
  },
  constants: { kind: { value: 'ACTUAL', pgType: 'text' } },
  key: ['districtCode', 'month'],
  period: { parts: ['districtCode', 'month'], stichtag: r => r.month },
  check: r => (r.month.endsWith('-01') ? [] : [{ column: 'month', reason: 'must be the first day of a month' }]),
})

const writer = { subject: 'anna', roles: ['staff'], department: 'kit', via: 'graphql' as const }
const rowsOf = (...values: Array<Record<string, unknown>>): SourceRow[] => values.map((v, i) => ({ row: i + 1, values: v }))
const write = (rows: SourceRow[], opts: Partial<WriteOptions> = {}) => writeDataset(handle.db, readings, rows, { writer, ...opts })
const count = async (kind = 'ACTUAL') =>
  Number((await sql<{ n: string }>`select count(*) as n from kit.reading where kind = ${kind}`.execute(handle.db)).rows[0].n)
const audits = async () => (await sql<Record<string, any>>`select * from kit.write_audit order by id`.execute(handle.db)).rows
const provenance = async () =>
  (await sql<{ as_of: Date; stichtag: string }>`select as_of, stichtag from kit.dataset where id = 'kit.readings'`.execute(handle.db))
    .rows[0]

async function refused(p: Promise<unknown>): Promise<DataEntryError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(DataEntryError)
  return err as DataEntryError
}

beforeAll(async () => {
  database = await createDatabase(inject('adminUrl'), 'sg_kit')
  handle = createDb(database.url, { max: 4 })
  await sql`create schema kit`.execute(handle.db)
  await sql`create table kit.reading (district_code char(2) not null, month date not null, kind text not null, value numeric not null, note text,
    primary key (district_code, month, kind))`.execute(handle.db)
  await createDatasetTable(handle.db, 'kit')
  await createWriteAuditTable(handle.db, 'kit')
  await addAcknowledgedColumn(handle.db, 'kit')
  await sql`create table kit.ward (district_code char(2) primary key, max_beds integer not null)`.execute(handle.db)
  await sql`insert into kit.ward values ('01', 100), ('02', 50)`.execute(handle.db)
  await sql`create table kit.beds (district_code char(2) not null, day date not null, used integer not null, beds integer not null,
    overflow boolean not null, primary key (district_code, day))`.execute(handle.db)
})
afterAll(async () => {
  await handle?.close()
  await database?.drop()
})
beforeEach(async () => {
  await sql`delete from kit.reading`.execute(handle.db)
  // A planned reading for 2026-02 in district 01: another dataset's row in the same table.
  await sql`insert into kit.reading values ('01', '2026-02-01', 'PLAN', 5, null)`.execute(handle.db)
  await upsertDatasets(handle.db, 'kit', [
    {
      id: 'kit.readings',
      title: 'Readings',
      description: '',
      ownerDepartment: 'Kit',
      sourceSystem: 'test',
      stichtag: '2025-12-01',
      asOf: '2026-01-01T00:00:00Z',
      refreshCadence: 'MONTHLY',
    },
  ])
})

describe('writeDataset', () => {
  it('writes every row, refreshes provenance and appends the audit in one transaction', async () => {
    const before = await provenance()
    const receipt = await write(
      rowsOf(
        { districtCode: '01', month: '2026-02-01', value: 12.5, note: 'first' },
        { districtCode: '18', month: '01.03.2026', value: '1.000,0' },
      ),
      { clientKey: 'k-1', decimalMark: 'comma' },
    )
    expect(receipt).toMatchObject({
      dataset: 'kit.readings',
      clientKey: 'k-1',
      rowCount: 2,
      stichtag: '2026-03-01',
      replayed: false,
      dryRun: false,
    })
    expect(
      (
        await sql`select district_code, month, kind, value, note from kit.reading where kind = 'ACTUAL' order by district_code`.execute(
          handle.db,
        )
      ).rows,
    ).toEqual([
      { district_code: '01', month: '2026-02-01', kind: 'ACTUAL', value: 12.5, note: 'first' },
      { district_code: '18', month: '2026-03-01', kind: 'ACTUAL', value: 1000, note: null },
    ])
    const after = await provenance()
    expect(after.stichtag).toBe('2026-03-01')
    expect(after.as_of.getTime()).toBeGreaterThan(before.as_of.getTime())
    expect(receipt.asOf.getTime()).toBe(after.as_of.getTime())
    const [audit] = await audits()
    expect(audit).toMatchObject({
      id: receipt.auditId,
      dataset: 'kit.readings',
      client_key: 'k-1',
      subject: 'anna',
      roles: ['staff'],
      department: 'kit',
      via: 'graphql',
      row_count: 2,
      payload_hash: receipt.payloadHash,
      stichtag: '2026-03-01',
    })
  })

  it('reports every problem of every row and writes nothing', async () => {
    const before = await provenance()
    const audited = (await audits()).length
    const err = await refused(
      write(
        rowsOf(
          { districtCode: '99', month: '2026-02-01', value: 1 },
          { districtCode: '02', month: '31.02.2026', value: 'viel' },
          { districtCode: '03', month: '2026-02-01', value: 1001, note: 'x'.repeat(21) },
          { districtCode: '04', month: '2026-02-15', value: 1 },
          { districtCode: '05', month: '2026-02-01', value: 1 },
          { districtCode: '05', month: '2026-02-01', value: 2 },
          { districtCode: '06', month: '2026-02-01', value: 3, colour: 'red' },
          { month: '2026-02-01', value: -1 },
        ),
      ),
    )
    expect(err.code).toBe('VALIDATION_FAILED')
    expect(err.extensions.problems).toEqual([
      { row: 1, column: 'districtCode', reason: 'unknown district "99"' },
      { row: 2, column: 'month', reason: 'is not a calendar date: "31.02.2026"' },
      { row: 2, column: 'value', reason: 'is not a number: "viel"' },
      { row: 3, column: 'note', reason: 'must be at most 20 characters long' },
      { row: 3, column: 'value', reason: 'must be at most 1000, got 1001' },
      { row: 4, column: 'month', reason: 'must be the first day of a month' },
      { row: 6, column: 'districtCode', reason: 'repeats row 5 (same districtCode, month)' },
      { row: 7, column: 'colour', reason: 'is not a field of this dataset' },
      { row: 8, column: 'districtCode', reason: 'is required' },
      { row: 8, column: 'value', reason: 'must be at least 0, got -1' },
    ])
    expect(await count()).toBe(0)
    expect((await audits()).length).toBe(audited)
    expect(await provenance()).toEqual(before)
  })

  it('rolls back earlier batches when a later batch fails', async () => {
    const rows = rowsOf(...['01', '02', '03', '04', '05', '06', '07'].map(d => ({ districtCode: d, month: '2026-04-01', value: 1 })), {
      districtCode: '77',
      month: '2026-04-01',
      value: 1,
    })
    const err = await refused(write(rows, { batchSize: 2 }))
    expect(err.extensions.problems).toEqual([{ row: 8, column: 'districtCode', reason: 'unknown district "77"' }])
    expect(await count()).toBe(0)
    // The same rows minus the bad one, in batches of two: periods of earlier batches are not mistaken for duplicates.
    expect((await write(rows.slice(0, 7), { batchSize: 2 })).rowCount).toBe(7)
    expect(await count()).toBe(7)
  })

  it('refuses a period already written (DUPLICATE_PERIOD) and writes nothing; other datasets in the table do not count', async () => {
    await write(rowsOf({ districtCode: '01', month: '2026-05-01', value: 1 }))
    const err = await refused(
      write(rowsOf({ districtCode: '02', month: '2026-05-01', value: 1 }, { districtCode: '01', month: '2026-05-01', value: 2 })),
    )
    expect(err.code).toBe('DUPLICATE_PERIOD')
    expect(err.extensions.problems).toEqual([
      { row: 2, column: 'districtCode', reason: 'period already written (districtCode 01, month 2026-05-01); a period is entered once' },
    ])
    expect(await count()).toBe(1)
    // 01/2026-02 has a PLAN row only: free for the ACTUAL dataset.
    expect((await write(rowsOf({ districtCode: '01', month: '2026-02-01', value: 1 }))).rowCount).toBe(1)
  })

  it('replays a repeated client key with the same payload and refuses it with another payload', async () => {
    const rows = rowsOf({ districtCode: '07', month: '2026-06-01', value: 3 })
    const audited = (await audits()).length
    const first = await write(rows, { clientKey: 'june' })
    const again = await write(rows, { clientKey: 'june', writer: { ...writer, subject: 'bert' } })
    expect(again).toEqual({ ...first, replayed: true })
    expect(await count()).toBe(1)
    expect((await audits()).length).toBe(audited + 1)
    const err = await refused(write(rowsOf({ districtCode: '07', month: '2026-06-01', value: 4 }), { clientKey: 'june' }))
    expect(err.code).toBe('IDEMPOTENCY_KEY_REUSED')
    expect(err.message).toContain('"june"')
    expect(await count()).toBe(1)
  })

  it('serialises concurrent writers of one period: one writes, the other gets DUPLICATE_PERIOD', async () => {
    const results = await Promise.allSettled([1, 2].map(v => write(rowsOf({ districtCode: '08', month: '2026-07-01', value: v }))))
    expect(results.map(r => r.status).sort()).toEqual(['fulfilled', 'rejected'])
    const rejected = results.find(r => r.status === 'rejected') as PromiseRejectedResult
    expect((rejected.reason as DataEntryError).code).toBe('DUPLICATE_PERIOD')
    expect(await count()).toBe(1)
  })

  it('tells the cache after commit only, and a dry run writes nothing', async () => {
    const invalidated: string[][] = []
    const cache = {
      invalidate: async (ids: string[]) => {
        invalidated.push(ids)
      },
    }
    await refused(write(rowsOf({ districtCode: '99', month: '2026-08-01', value: 1 }), { cache }))
    const dry = await write(rowsOf({ districtCode: '09', month: '2026-08-01', value: 1 }), { cache, dryRun: true })
    expect(dry).toMatchObject({ dryRun: true, rowCount: 1, auditId: null })
    expect(invalidated).toEqual([])
    expect(await count()).toBe(0)
    await write(rowsOf({ districtCode: '09', month: '2026-08-01', value: 1 }), { cache })
    expect(invalidated).toEqual([['kit.readings']])
  })

  it('refuses empty payloads, too many rows and bad client keys', async () => {
    expect((await refused(write([]))).message).toContain('no rows')
    expect(
      (
        await refused(
          write(rowsOf({ districtCode: '01', month: '2026-09-01', value: 1 }, { districtCode: '02', month: '2026-09-01', value: 1 }), {
            maxRows: 1,
          }),
        )
      ).message,
    ).toContain('at most 1 rows')
    expect((await refused(write(rowsOf({ districtCode: '01', month: '2026-09-01', value: 1 }), { clientKey: ' ' }))).code).toBe(
      'VALIDATION_FAILED',
    )
    expect(await count()).toBe(0)
  })

  it('keeps the write audit append-only', async () => {
    await write(rowsOf({ districtCode: '10', month: '2026-10-01', value: 1 }))
    await expect(sql`update kit.write_audit set subject = 'mallory'`.execute(handle.db)).rejects.toThrow(/append-only/)
    await expect(sql`delete from kit.write_audit`.execute(handle.db)).rejects.toThrow(/append-only/)
  })
})

// Plausibility rules: a row-level rule that may be broken on purpose, and a rule against stored data.
const beds = defineDataset<{ districtCode: string; day: string; used: number; beds: number; overflow: boolean }>({
  department: 'kit',
  schema: 'kit',
  id: 'kit.beds',
  table: 'kit.beds',
  fields: {
    districtCode: { column: 'district_code', type: 'text', pgType: 'text', references: districtReference },
    day: { column: 'day', type: 'date', pgType: 'date' },
    used: { column: 'used', type: 'integer', pgType: 'int', min: 0 },
    beds: { column: 'beds', type: 'integer', pgType: 'int', min: 0 },
    overflow: { column: 'overflow', type: 'boolean', pgType: 'boolean', required: false, default: false, aliases: ['Überbelegung'] },
  },
  key: ['districtCode', 'day'],
  period: { parts: ['districtCode', 'day'], stichtag: r => r.day },
  rules: [
    {
      name: 'used-within-beds',
      fields: ['used', 'beds'],
      acknowledgedBy: 'overflow',
      violation: r => (r.used > r.beds ? `${r.used} > ${r.beds}` : null),
    },
  ],
  storedRules: [
    {
      name: 'beds-within-ward',
      fields: ['beds', 'districtCode'],
      violations: async (db, rows) => {
        const { rows: wards } = await sql<{
          district_code: string
          max_beds: number
        }>`select district_code, max_beds from kit.ward`.execute(db)
        const max = new Map(wards.map(w => [w.district_code, w.max_beds]))
        return new Map(
          rows
            .filter(r => r.values.beds > (max.get(r.values.districtCode) ?? Infinity))
            .map(r => [r.row, `more than the ward's ${max.get(r.values.districtCode)}`]),
        )
      },
    },
  ],
})
const writeBeds = (rows: SourceRow[], opts: Partial<WriteOptions> = {}) => writeDataset(handle.db, beds, rows, { writer, ...opts })
const bedRows = async () =>
  (await sql`select district_code, day, used, beds, overflow from kit.beds order by district_code, day`.execute(handle.db)).rows

describe('plausibility rules', () => {
  beforeEach(async () => {
    await sql`delete from kit.beds`.execute(handle.db)
    await upsertDatasets(handle.db, 'kit', [
      {
        id: 'kit.beds',
        title: 'Beds',
        description: '',
        ownerDepartment: 'Kit',
        sourceSystem: 'test',
        stichtag: '2025-12-01',
        asOf: '2026-01-01T00:00:00Z',
        refreshCadence: 'DAILY',
      },
    ])
  })

  it('refuses a broken rule, an acknowledgement without a breach and a breach of stored data: row, rule and fields named, nothing written', async () => {
    const err = await refused(
      writeBeds(
        rowsOf(
          { districtCode: '01', day: '2026-03-01', used: 60, beds: 50 },
          { districtCode: '02', day: '2026-03-01', used: 10, beds: 20, overflow: 'ja' },
          { districtCode: '02', day: '2026-03-02', used: 10, beds: 60 },
          { districtCode: '03', day: '2026-03-01', used: -1, beds: 0 }, // field problems first: no rule runs on the row
          { districtCode: '03', day: '2026-03-02', used: 1, beds: 2, overflow: 'vielleicht' },
          { districtCode: '03', day: '2026-03-03', used: 3, beds: 2, overflow: 'Nein' },
          { districtCode: '03', day: '2026-03-04', used: 1, beds: 2, overflow: 'x'.repeat(100_000) },
        ),
      ),
    )
    expect(err.code).toBe('VALIDATION_FAILED')
    const rule = { rule: 'used-within-beds', columns: ['used', 'beds', 'overflow'] }
    expect(err.problems).toEqual([
      { row: 1, column: 'used', ...rule, reason: '60 > 50; set overflow to record it on purpose' },
      {
        row: 2,
        column: 'overflow',
        ...rule,
        reason: 'acknowledges a breach of used-within-beds, but the row keeps the rule; leave it out or false',
      },
      { row: 3, column: 'beds', rule: 'beds-within-ward', columns: ['beds', 'districtCode'], reason: "more than the ward's 50" },
      { row: 4, column: 'used', reason: 'must be at least 0, got -1' },
      { row: 5, column: 'overflow', reason: 'must be yes or no (true/false, ja/nein, 1/0), got "vielleicht"' },
      { row: 6, column: 'used', ...rule, reason: '3 > 2; set overflow to record it on purpose' },
      { row: 7, column: 'overflow', reason: `must be yes or no (true/false, ja/nein, 1/0), got "${'x'.repeat(20)}…"` },
    ])
    expect(await bedRows()).toEqual([])
  })

  it('writes acknowledged breaches with the row and counts them per rule in the receipt and the write audit, across batches', async () => {
    const receipt = await writeBeds(
      rowsOf(
        { districtCode: '01', day: '2026-04-01', used: 120, beds: 100, overflow: true },
        { districtCode: '01', day: '2026-04-02', used: 90, beds: 100 },
        { districtCode: '02', day: '2026-04-01', used: 51, beds: 50, overflow: '1' },
      ),
      { batchSize: 1, clientKey: 'beds-1' },
    )
    expect(receipt).toMatchObject({ rowCount: 3, acknowledged: { 'used-within-beds': 2 } })
    expect(await bedRows()).toEqual([
      { district_code: '01', day: '2026-04-01', used: 120, beds: 100, overflow: true },
      { district_code: '01', day: '2026-04-02', used: 90, beds: 100, overflow: false },
      { district_code: '02', day: '2026-04-01', used: 51, beds: 50, overflow: true },
    ])
    const audit = (await audits()).at(-1)!
    expect(audit).toMatchObject({ id: receipt.auditId, dataset: 'kit.beds', acknowledged: { 'used-within-beds': 2 } })
    // A replay answers the first write's acknowledgements; a dataset without acknowledgeable rules records none.
    expect(
      await writeBeds(
        rowsOf(
          { districtCode: '01', day: '2026-04-01', used: 120, beds: 100, overflow: true },
          { districtCode: '01', day: '2026-04-02', used: 90, beds: 100 },
          { districtCode: '02', day: '2026-04-01', used: 51, beds: 50, overflow: '1' },
        ),
        { clientKey: 'beds-1' },
      ),
    ).toMatchObject({ replayed: true, acknowledged: { 'used-within-beds': 2 } })
    const plain = await write(rowsOf({ districtCode: '11', month: '2026-11-01', value: 1 }))
    expect(plain.acknowledged).toEqual({})
    expect((await audits()).at(-1)).toMatchObject({ id: plain.auditId, acknowledged: {} })
  })

  it('refuses declarations whose rules name unknown fields, repeat a name or are acknowledged by anything but an optional boolean defaulting to false', () => {
    const base = {
      department: 'kit',
      schema: 'kit',
      id: 'kit.x',
      table: 'kit.x',
      period: { parts: ['a' as const], stichtag: () => '2026-01-01' },
    }
    const fields = {
      a: { column: 'a', type: 'integer' as const, pgType: 'int' },
      ok: { column: 'ok', type: 'boolean' as const, pgType: 'boolean', required: false },
    }
    const rule = { name: 'r', fields: ['a' as const], violation: () => null }
    expect(() => defineDataset<{ a: number; ok: boolean }>({ ...base, fields, rules: [{ ...rule, fields: ['b' as 'a'] }] })).toThrow(
      /rule r names unknown field b/,
    )
    expect(() => defineDataset<{ a: number; ok: boolean }>({ ...base, fields, rules: [rule, rule] })).toThrow(/rule r declared twice/)
    expect(() => defineDataset<{ a: number; ok: boolean }>({ ...base, fields, rules: [{ ...rule, acknowledgedBy: 'ok' }] })).toThrow(
      /optional boolean field with default false/,
    )
    expect(() => defineDataset<{ a: number; ok: boolean }>({ ...base, fields, rules: [{ ...rule, acknowledgedBy: 'a' }] })).toThrow(
      /optional boolean field with default false/,
    )
    expect(() =>
      defineDataset<{ a: number; ok: boolean }>({
        ...base,
        fields: { ...fields, ok: { ...fields.ok, default: false } },
        rules: [{ ...rule, acknowledgedBy: 'ok' }],
      }),
    ).not.toThrow()
  })
})
