import { createHash } from 'node:crypto'
import { sql, type Kysely, type Transaction } from 'kysely'
import { canonicalJson } from '../../platform/canonical-json.js'
import { insertRows } from '../../platform/db/insert-rows.js'
import type { DatasetDeclaration, FieldSpec, Problem } from './define-dataset.js'
import { DataEntryError, validationFailed } from './data-entry-error.js'
import type { DecimalMark } from './parse-value.js'
import { DATASET_CHANGES_CHANNEL } from '../cache/dataset-changes.js'
import { validateRow, type ValueSource } from './validate-row.js'
import type { AnyDatabase } from '../service/define-service.js'

/**
 * One raw row and where it came from (`row`: 1-based position, or the CSV line). `problems`: the
 * source already found the row broken (a CSV record with the wrong number of fields).
 */
export interface SourceRow {
  row: number
  values: Record<string, unknown>
  problems?: readonly Problem[]
}

/** Who writes, as recorded in the write audit. */
export interface Writer {
  subject: string | null
  roles: readonly string[]
  department: string | null
  /** `upload`: a CSV file sent over HTTP (`/data-entry/…`, lib/data-entry/data-entry-routes.ts). */
  via: 'graphql' | 'import' | 'upload'
}

/** The optional cache of a service (ServiceContext.cache): told after commit which datasets changed. */
export interface DatasetCache {
  invalidate(datasetIds: string[]): Promise<void>
}

export interface WriteOptions {
  /** How text numbers write decimals; a function when the source learns it while reading (CSV). */
  decimalMark?: DecimalMark | (() => DecimalMark)
  writer: Writer
  /** Same key + same payload → the first write's receipt, nothing written again; same key + other payload → IDEMPOTENCY_KEY_REUSED. */
  clientKey?: string | null
  /** Validate everything (database checks included), write nothing. */
  dryRun?: boolean
  /** Rows validated, checked against the database and inserted per batch (all inside one transaction). */
  batchSize?: number
  /** Refuse payloads with more rows (mutations); imports stream without a limit. */
  maxRows?: number
  cache?: DatasetCache
  /** Told the number of rows read so far after every `batchSize` rows (a CSV upload reports progress with it). */
  onProgress?: (rows: number) => void
  /**
   * Problems kept for the answer (the first ones found); all are counted (`extensions.problemCount`).
   * Default: all. Bounds memory for a large file that is wrong on every line.
   */
  maxProblems?: number
}

export interface WriteReceipt {
  dataset: string
  clientKey: string | null
  /** Rows written (or, for a dry run, rows that would be). */
  rowCount: number
  /** Stichtag of the dataset after the write (the latest period written, never moved back). */
  stichtag: string
  /** When the data changed (the provenance `as_of`); for a replay, when the first write committed. */
  asOf: Date
  payloadHash: string
  /** True when the client key was seen before with the same payload: nothing was written now. */
  replayed: boolean
  dryRun: boolean
  /** Row of `<schema>.write_audit`; null for a dry run. */
  auditId: number | null
  /** Rule name → rows that break it on purpose (their acknowledgement field true); also in the write audit. */
  acknowledged: Record<string, number>
}

const DEFAULT_BATCH = 5_000
const MAX_KEY_LENGTH = 200

type Row = Record<string, unknown>
interface Pending {
  row: number
  values: Row
}

async function* iterate(rows: AsyncIterable<SourceRow> | Iterable<SourceRow>): AsyncGenerator<SourceRow> {
  for await (const r of rows) yield r
}

/** A stable text for a row's period parts, and a readable one for messages. */
function periodOf(decl: DatasetDeclaration<Row>, values: Row): { key: string; parts: string[]; label: string } {
  const parts = decl.period.parts.map(p => (typeof p === 'string' ? String(values[p]) : p.of(values)))
  const names = decl.period.parts.map(p => (typeof p === 'string' ? p : p.name))
  return { key: JSON.stringify(parts), parts, label: names.map((n, i) => `${n} ${parts[i]}`).join(', ') }
}

/** Periods (as part lists) that already have rows in the table. */
async function existingPeriods(db: Kysely<AnyDatabase>, decl: DatasetDeclaration<Row>, periods: string[][]): Promise<Set<string>> {
  if (periods.length === 0) return new Set()
  const [schema, table] = decl.table.split('.')
  const exprs = decl.period.parts.map(p => (typeof p === 'string' ? sql`${sql.id(decl.fields[p].column)}::text` : sql`(${p.sql})::text`))
  const arrays = decl.period.parts.map((_, i) => sql`${periods.map(p => p[i])}::text[]`)
  const { rows } = await sql<Record<string, string>>`select distinct ${sql.join(exprs.map((e, i) => sql`${e} as ${sql.id(`p${i}`)}`))}
    from ${sql.id(schema, table)}
    where (${sql.join(exprs)}) in (select * from unnest(${sql.join(arrays)}))
    ${sql.join(
      Object.entries(decl.constants ?? {}).map(([column, c]) => sql` and ${sql.id(column)} = ${c.value}::${sql.raw(c.pgType)}`),
      sql``,
    )}`.execute(db)
  return new Set(rows.map(r => JSON.stringify(decl.period.parts.map((_, i) => r[`p${i}`]))))
}

/**
 * Problems as they are found: every one counted (and its row), the first `max` kept. `push` takes
 * several at once, like an array's.
 */
function problemList(max = Infinity) {
  const kept: Problem[] = []
  const rows = new Set<number>()
  let count = 0
  return {
    kept,
    rows,
    get count() {
      return count
    },
    push(...found: Problem[]) {
      for (const p of found) {
        count++
        if (rows.size < 1_000_000) rows.add(p.row)
        if (kept.length < max) kept.push(p)
      }
    },
  }
}

/**
 * Writes one dataset, all or nothing (see README.md): validates every row, checks references,
 * duplicate keys and periods against the database, inserts in batches inside one transaction,
 * refreshes the dataset's provenance (as_of = now, Stichtag = latest period written) and appends
 * the write audit in the same transaction, then tells the cache. Any problem anywhere: a
 * DataEntryError listing every problem, and the transaction rolls back.
 */
export async function writeDataset<R extends Row>(
  db: Kysely<AnyDatabase>,
  declaration: DatasetDeclaration<R>,
  rows: AsyncIterable<SourceRow> | Iterable<SourceRow>,
  opts: WriteOptions,
): Promise<WriteReceipt> {
  const decl = declaration as unknown as DatasetDeclaration<Row>
  const clientKey = opts.clientKey ?? null
  if (clientKey !== null && (typeof clientKey !== 'string' || clientKey.trim() === '' || clientKey.length > MAX_KEY_LENGTH)) {
    throw new DataEntryError('VALIDATION_FAILED', `clientKey must be 1–${MAX_KEY_LENGTH} characters`, { problems: [] })
  }
  const batchSize = opts.batchSize ?? DEFAULT_BATCH
  const source = (): ValueSource => ({ decimalMark: typeof opts.decimalMark === 'function' ? opts.decimalMark() : opts.decimalMark })
  const fields = Object.entries(decl.fields) as Array<[string, FieldSpec]>
  const constants = Object.entries(decl.constants ?? {})
  const columnTypes = Object.fromEntries([
    ...fields.map(([, f]) => [f.column, f.pgType]),
    ...constants.map(([column, c]) => [column, c.pgType]),
  ])
  const toRecord = (values: Row) =>
    Object.fromEntries([...fields.map(([name, f]) => [f.column, values[name]]), ...constants.map(([column, c]) => [column, c.value])])
  // Only a dataset with acknowledgeable rules writes the audit column (lib/data-entry/write-audit-table.ts).
  const auditsAcknowledgements = (decl.rules ?? []).some(r => r.acknowledgedBy !== undefined)
  const hash = createHash('sha256').update(`${decl.id}\n`)
  const hashRow = (values: Row) => hash.update(`${canonicalJson(values)}\n`)

  const receipt = await db.transaction().execute(async trx => {
    // Same key: one request at a time. Same dataset: one writer at a time, so two writers cannot
    // both find a period free and both write it.
    if (clientKey !== null)
      await sql`select pg_advisory_xact_lock(hashtextextended(${`data-entry-key|${decl.schema}|${clientKey}`}, 0))`.execute(trx)
    await sql`select pg_advisory_xact_lock(hashtextextended(${`data-entry|${decl.id}`}, 0))`.execute(trx)

    if (clientKey !== null) {
      const prior = await sql<{ id: number; at: Date; dataset: string; row_count: number; payload_hash: string; stichtag: string }>`
        select id, at, dataset, row_count, payload_hash, stichtag from ${sql.id(decl.schema, 'write_audit')} where client_key = ${clientKey}`.execute(
        trx,
      )
      if (prior.rows.length) {
        for await (const r of iterate(rows)) hashRow(r.values)
        const p = prior.rows[0]
        const payloadHash = hash.digest('hex')
        if (p.dataset !== decl.id || p.payload_hash !== payloadHash) {
          throw new DataEntryError(
            'IDEMPOTENCY_KEY_REUSED',
            `clientKey ${JSON.stringify(clientKey)} was already used for another payload (${p.dataset}, ${p.row_count} rows, at ${new Date(p.at).toISOString()}); use a new key for new data`,
            { clientKey },
          )
        }
        const acknowledged = auditsAcknowledgements
          ? (
              await sql<{
                acknowledged: Record<string, number>
              }>`select acknowledged from ${sql.id(decl.schema, 'write_audit')} where id = ${p.id}`.execute(trx)
            ).rows[0].acknowledged
          : {}
        return {
          dataset: decl.id,
          clientKey,
          rowCount: p.row_count,
          stichtag: p.stichtag,
          asOf: new Date(p.at),
          payloadHash,
          replayed: true,
          dryRun: false,
          auditId: Number(p.id),
          acknowledged,
        }
      }
    }
    return write(trx)
  })
  if (!receipt.replayed && !receipt.dryRun && opts.cache) {
    // The data is committed; a cache that cannot be told must not turn the write into an error.
    await opts.cache
      .invalidate([...(decl.invalidates ?? [decl.id])])
      .catch(err => console.error(`[data-entry] cache invalidation for ${decl.id} failed:`, err))
  }
  return receipt

  async function write(trx: Transaction<AnyDatabase>): Promise<WriteReceipt> {
    const problems = problemList(opts.maxProblems)
    let duplicatePeriods = 0
    const keys = new Map<string, number>()
    const seenPeriods = new Set<string>()
    let count = 0
    let stichtag = ''
    let batch: Pending[] = []
    let prepared = false
    const acknowledged: Record<string, number> = {}

    const flush = async () => {
      if (batch.length === 0) return
      const current = batch
      batch = []
      for (const [name, spec] of fields) {
        if (!spec.references) continue
        const values = [
          ...new Set(
            current
              .map(r => r.values[name])
              .filter(v => v !== null)
              .map(String),
          ),
        ]
        if (values.length === 0) continue
        const known = await spec.references.existing(trx, values)
        for (const r of current) {
          const v = r.values[name]
          if (v !== null && !known.has(String(v)))
            problems.push({ row: r.row, column: name, reason: `unknown ${spec.references.what} ${JSON.stringify(v)}` })
        }
      }
      if (decl.checkRows) problems.push(...(await decl.checkRows(trx, current)))
      for (const rule of decl.storedRules ?? []) {
        const violations = await rule.violations(trx, current)
        for (const r of current) {
          const reason = violations.get(r.row)
          if (reason !== undefined)
            problems.push({ row: r.row, column: rule.fields[0], rule: rule.name, columns: [...rule.fields], reason })
        }
      }
      const fresh = new Map<string, string[]>()
      for (const r of current) {
        const p = periodOf(decl, r.values)
        if (!seenPeriods.has(p.key)) fresh.set(p.key, p.parts)
      }
      // Only periods first seen in this batch: earlier batches of this payload are already in the table.
      const taken = await existingPeriods(trx, decl, [...fresh.values()])
      for (const k of fresh.keys()) seenPeriods.add(k)
      for (const r of current) {
        const p = periodOf(decl, r.values)
        if (taken.has(p.key)) {
          duplicatePeriods++
          problems.push({
            row: r.row,
            column: typeof decl.period.parts[0] === 'string' ? decl.period.parts[0] : decl.period.parts[0].name,
            reason: `period already written (${p.label}); a period is entered once`,
          })
        }
      }
      if (problems.count || opts.dryRun) return
      if (!prepared) {
        await decl.prepare?.(trx)
        prepared = true
      }
      await insertRows(
        trx,
        decl.table,
        columnTypes,
        current.map(r => toRecord(r.values)),
        batchSize,
      )
    }

    for await (const src of iterate(rows)) {
      count++
      if (opts.maxRows !== undefined && count > opts.maxRows) {
        throw new DataEntryError('VALIDATION_FAILED', `${decl.id}: at most ${opts.maxRows} rows per request; use the CSV import for more`, {
          problems: [],
        })
      }
      hashRow(src.values)
      if (src.problems?.length) {
        problems.push(...src.problems)
        continue
      }
      const checked = validateRow(decl, src.values, source())
      if (!checked.ok) {
        for (const p of checked.problems) problems.push({ row: src.row, ...p })
        continue
      }
      for (const name of checked.acknowledged) acknowledged[name] = (acknowledged[name] ?? 0) + 1
      if (decl.key?.length) {
        const k = JSON.stringify(decl.key.map(f => checked.values[f]))
        const first = keys.get(k)
        if (first !== undefined) {
          problems.push({ row: src.row, column: decl.key[0], reason: `repeats row ${first} (same ${decl.key.join(', ')})` })
          continue
        }
        keys.set(k, src.row)
      }
      const s = decl.period.stichtag(checked.values)
      if (s > stichtag) stichtag = s
      batch.push({ row: src.row, values: checked.values })
      if (batch.length >= batchSize) await flush()
      if (count % batchSize === 0) opts.onProgress?.(count)
    }
    await flush()

    if (problems.count) {
      const kept = problems.kept.sort((a, b) => a.row - b.row || a.column.localeCompare(b.column))
      if (duplicatePeriods === problems.count) {
        throw new DataEntryError(
          'DUPLICATE_PERIOD',
          `${decl.id}: ${duplicatePeriods} row${duplicatePeriods === 1 ? '' : 's'} for periods already written; nothing was written`,
          { problems: kept, ...(problems.count > kept.length ? { problemCount: problems.count } : {}) },
        )
      }
      throw validationFailed(kept, decl.id, problems.count, problems.rows.size)
    }
    if (count === 0) throw new DataEntryError('VALIDATION_FAILED', `${decl.id}: no rows to write`, { problems: [] })
    const payloadHash = hash.digest('hex')
    if (opts.dryRun) {
      return {
        dataset: decl.id,
        clientKey,
        rowCount: count,
        stichtag,
        asOf: new Date(),
        payloadHash,
        replayed: false,
        dryRun: true,
        auditId: null,
        acknowledged,
      }
    }

    const prov = await sql<{ as_of: Date; stichtag: string }>`update ${sql.id(decl.schema, 'dataset')}
      set as_of = now(), stichtag = greatest(stichtag, ${stichtag}::date)
      where id = ${decl.id} returning as_of, stichtag`.execute(trx)
    if (prov.rows.length === 0)
      throw new Error(`data entry: no provenance row ${decl.id} in ${decl.schema}.dataset (seed or migrate the department first)`)
    const w = opts.writer
    const audit = await sql<{ id: number }>`insert into ${sql.id(decl.schema, 'write_audit')}
      (dataset, client_key, subject, roles, department, via, row_count, payload_hash, stichtag${auditsAcknowledgements ? sql`, acknowledged` : sql``})
      values (${decl.id}, ${clientKey}, ${w.subject}, ${[...w.roles]}::text[], ${w.department}, ${w.via}, ${count}, ${payloadHash}, ${stichtag}::date${auditsAcknowledgements ? sql`, ${JSON.stringify(acknowledged)}::jsonb` : sql``})
      returning id`.execute(trx)
    // Delivered on commit only: every department process (and replica) drops what it cached of these
    // datasets — also after a CSV import, which runs in a process of its own.
    await sql`select pg_notify(${DATASET_CHANGES_CHANNEL}, ${JSON.stringify([...(decl.invalidates ?? [decl.id])])})`.execute(trx)
    return {
      dataset: decl.id,
      clientKey,
      rowCount: count,
      stichtag: prov.rows[0].stichtag,
      asOf: prov.rows[0].as_of,
      payloadHash,
      replayed: false,
      dryRun: false,
      auditId: Number(audit.rows[0].id),
      acknowledged,
    }
  }
}
