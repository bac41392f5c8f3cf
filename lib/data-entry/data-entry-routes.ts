import type { IncomingMessage, ServerResponse } from 'node:http'
import { StringDecoder } from 'node:string_decoder'
import { sql, type Kysely } from 'kysely'
import { sendError, sendJson } from '../../platform/http/send-json.js'
import { isDatabaseTimeout } from '../../platform/db/database-timeout.js'
import type { ErrorCode } from '../../platform/errors.js'
import type { Logger } from '../../platform/logger/create-logger.js'
import type { InternalIdentity, InternalIdentityVerifier } from '../../auth/internal/internal-identity.js'
import type { AnyDatabase } from '../service/define-service.js'
import { internalCaller } from '../service/internal-caller.js'
import type { AnyDatasetDeclaration, Problem } from './define-dataset.js'
import { DataEntryError } from './data-entry-error.js'
import { describeDatasets, withProvenance, type DatasetFormTemplate } from './describe-dataset.js'
import { writeScope } from './enter-rows.js'
import { csvRows } from './csv-rows.js'
import { CsvError } from './parse-csv.js'
import { writeDataset, type DatasetCache } from './write-dataset.js'

/** Where a department serves data entry over HTTP (next to `/graphql`); the gateway forwards `/data-entry/<department>/…` here. */
export const DATA_ENTRY_PATH = '/data-entry/'

/** Bounds of an upload; every one has a default (readDataEntryLimits). */
export interface DataEntryLimits {
  /** Largest body (bytes); more is 413 PAYLOAD_TOO_LARGE. DATA_ENTRY_MAX_BYTES, default 64 MiB. */
  maxBytes: number
  /** Longest upload, from the first byte to the answer. DATA_ENTRY_TIMEOUT_MS, default 5 minutes (the gateway's HTTP server ends any request after 300 s, Node's `requestTimeout`). */
  timeoutMs: number
  /** Longest wait for the next part of the body. Default 60 s. */
  idleTimeoutMs: number
  /** Characters of one CSV record (a line, or several for a quoted line break). Default 1 MiB. */
  maxRecordChars: number
  /** Fields of one CSV record. Default 500. */
  maxFields: number
  /** Problems listed in an answer (all are counted). Default 1000. */
  maxProblems: number
  /** Uploads this department runs at once (each holds one database connection for its transaction). Default 2. */
  maxConcurrent: number
  /** Rows per batch (validated, checked and inserted together; one progress line each). Default 5000. */
  batchSize: number
}

export const DEFAULT_DATA_ENTRY_LIMITS: DataEntryLimits = Object.freeze({
  maxBytes: 64 * 1024 * 1024,
  timeoutMs: 5 * 60_000,
  idleTimeoutMs: 60_000,
  maxRecordChars: 1024 * 1024,
  maxFields: 500,
  maxProblems: 1000,
  maxConcurrent: 2,
  batchSize: 5000,
})

/** DATA_ENTRY_MAX_BYTES and DATA_ENTRY_TIMEOUT_MS (positive integers); a wrong value stops the start, naming it. */
export function readDataEntryLimits(env: NodeJS.ProcessEnv = process.env): DataEntryLimits {
  const read = (name: string, fallback: number) => {
    const v = env[name]
    if (v === undefined || v === '') return fallback
    const n = Number(v)
    if (!Number.isSafeInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, got "${v}"`)
    return n
  }
  return Object.freeze({
    ...DEFAULT_DATA_ENTRY_LIMITS,
    maxBytes: read('DATA_ENTRY_MAX_BYTES', DEFAULT_DATA_ENTRY_LIMITS.maxBytes),
    timeoutMs: read('DATA_ENTRY_TIMEOUT_MS', DEFAULT_DATA_ENTRY_LIMITS.timeoutMs),
  })
}

export interface DataEntryRoutesOptions {
  /** The department (subgraph name); only holders of `<department>:write` with that department claim are served. */
  department: string
  /** Its Postgres schema (`<schema>.dataset`, `<schema>.write_audit`). */
  schema: string
  /** The department's SDL: the data-entry mutations, their row input types, descriptions and enums. */
  typeDefs: string
  /** The department's dataset declarations by export name (`services/<department>/datasets.ts`). */
  datasets: Readonly<Record<string, AnyDatasetDeclaration>>
  db: Kysely<AnyDatabase>
  /** The verifier of the gateway's internal identity token (the one `/graphql` uses). */
  verifier: InternalIdentityVerifier
  cache?: DatasetCache
  log: Logger
  limits?: Partial<DataEntryLimits>
}

/** An upload's body could not be read to its end: too large, too slow, or the client went away. */
class BodyFailure extends Error {
  constructor(readonly kind: 'too-large' | 'timeout' | 'gone') {
    super(kind)
  }
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{1,128}$/
/** Content types a CSV file is sent with by browsers and tools; forms and JSON are refused (the body is the file itself). */
const REFUSED_TYPES = /^(multipart\/|application\/x-www-form-urlencoded|application\/json)/i
const RESERVED = new Set(['datasets', 'history'])
/** Problems' texts are cut: a cell of a file can be a megabyte long. */
const cut = (text: string, max = 300) => (text.length > max ? `${text.slice(0, max)}…` : text)

/**
 * The data-entry routes of one department (DATA-ENTRY-CONTRACT.md), mounted by the kit next to
 * `/graphql` under `/data-entry/`:
 *
 * - `GET  /data-entry/datasets` — the forms of the department's datasets (fields, labels, units, allowed values, provenance);
 * - `POST /data-entry/<dataset>[?dryRun=1]` — a CSV file streamed through `csvRows` into `writeDataset`
 *   (via `upload`), answered as NDJSON: a progress line per batch, then one result line;
 * - `GET  /data-entry/history?dataset=&limit=&before=` — the department's write audit, newest first.
 *
 * Every request carries the gateway's internal identity token (else 401) for a holder of
 * `<department>:write` and the department claim (else 403): the department decides, not the gateway.
 */
export function createDataEntryRoutes(opts: DataEntryRoutesOptions) {
  const { department, schema, datasets, db, verifier, log } = opts
  const limits: DataEntryLimits = { ...DEFAULT_DATA_ENTRY_LIMITS, ...opts.limits }
  for (const name of Object.keys(datasets)) {
    if (RESERVED.has(name) || !/^[A-Za-z][A-Za-z0-9_-]{0,63}$/.test(name))
      throw new Error(`dataset name ${JSON.stringify(name)} cannot be a path segment of /data-entry/`)
  }
  const templates: Map<string, DatasetFormTemplate> = describeDatasets(opts.typeDefs, datasets)
  let active = 0

  const mayWrite = (p: InternalIdentity) => p.scopes.includes(writeScope(department)) && p.department === department

  async function describe(res: ServerResponse): Promise<void> {
    const forms = await withProvenance(db, schema, [...templates.values()], datasets)
    sendJson(res, 200, { datasets: forms }, { 'cache-control': 'no-store' })
  }

  async function history(url: URL, res: ServerResponse): Promise<void> {
    const name = url.searchParams.get('dataset')
    const decl = name === null || name === '' ? null : Object.hasOwn(datasets, name) ? datasets[name] : undefined
    if (decl === undefined)
      return sendError(res, 404, 'NOT_FOUND', `department ${department} has no dataset ${JSON.stringify(cut(name!, 64))}`)
    const limitParam = url.searchParams.get('limit')
    const limit = limitParam === null || limitParam === '' ? 50 : Number(limitParam)
    if (!Number.isInteger(limit) || limit < 1 || limit > 500)
      return sendError(res, 400, 'BAD_REQUEST', 'limit must be a whole number from 1 to 500')
    const beforeParam = url.searchParams.get('before')
    const before = beforeParam === null || beforeParam === '' ? null : Number(beforeParam)
    if (before !== null && (!Number.isSafeInteger(before) || before < 1))
      return sendError(res, 400, 'BAD_REQUEST', 'before must be an audit id (a positive whole number)')
    if (Object.keys(datasets).length === 0) return sendJson(res, 200, { entries: [] }, { 'cache-control': 'no-store' })
    const names = new Map(Object.entries(datasets).map(([n, d]) => [d.id, n]))
    const { rows } = await sql<{
      id: string
      at: Date
      subject: string | null
      via: string
      dataset: string
      client_key: string | null
      row_count: number
      stichtag: string
    }>`select id, at, subject, via, dataset, client_key, row_count, stichtag::text as stichtag
      from ${sql.id(schema, 'write_audit')}
      where dataset = any(${decl ? [decl.id] : [...names.keys()]}::text[])
        and (${before}::bigint is null or id < ${before}::bigint)
      order by id desc limit ${limit}`.execute(db)
    sendJson(
      res,
      200,
      {
        entries: rows.map(r => ({
          auditId: Number(r.id),
          at: new Date(r.at).toISOString(),
          subject: r.subject,
          via: r.via,
          dataset: r.dataset,
          name: names.get(r.dataset) ?? null,
          clientKey: r.client_key,
          rowCount: r.row_count,
          stichtag: r.stichtag,
        })),
      },
      { 'cache-control': 'no-store' },
    )
  }

  async function upload(name: string, url: URL, req: IncomingMessage, res: ServerResponse, principal: InternalIdentity): Promise<void> {
    const decl = datasets[name]
    const dryRunParam = url.searchParams.get('dryRun')
    if (dryRunParam !== null && !['', '0', '1', 'true', 'false'].includes(dryRunParam))
      return sendError(res, 400, 'BAD_REQUEST', 'dryRun must be 1 (or true) for a dry run, 0 (or false) or absent to write')
    const dryRun = dryRunParam === '1' || dryRunParam === 'true'
    const keyHeader = req.headers['idempotency-key']
    if (Array.isArray(keyHeader)) return sendError(res, 400, 'BAD_REQUEST', 'send one Idempotency-Key header')
    if (keyHeader === undefined && !dryRun)
      return sendError(
        res,
        400,
        'BAD_REQUEST',
        'an upload that writes needs an Idempotency-Key header (1–128 characters A–Z a–z 0–9 . _ : -)',
      )
    if (keyHeader !== undefined && !IDEMPOTENCY_KEY.test(keyHeader))
      return sendError(res, 400, 'BAD_REQUEST', 'the Idempotency-Key must be 1–128 characters of A–Z a–z 0–9 . _ : -')
    const contentType = req.headers['content-type'] ?? ''
    if (REFUSED_TYPES.test(contentType))
      return sendError(res, 400, 'BAD_REQUEST', 'send the CSV file itself as the body (content-type: text/csv), not a form or JSON')
    const length = Number(req.headers['content-length'])
    if (Number.isFinite(length) && length > limits.maxBytes)
      return sendError(res, 413, 'PAYLOAD_TOO_LARGE', `the file exceeds ${limits.maxBytes} bytes; split it and upload the parts`, {
        connection: 'close',
      })
    if (active >= limits.maxConcurrent)
      return sendError(res, 429, 'RATE_LIMITED', `department ${department} is busy with ${active} uploads; retry after 5 s`, {
        'retry-after': '5',
      })

    active++
    let failure: BodyFailure | null = null
    let stop!: (err: BodyFailure) => void
    // Rejects when the upload must end early: the body's next read fails with it and the transaction rolls back.
    const stopped = new Promise<never>((_, reject) => {
      stop = reject
    })
    stopped.catch(() => {})
    const fail = (kind: BodyFailure['kind']) => {
      if (failure) return
      failure = new BodyFailure(kind)
      stop(failure)
    }
    const deadline = setTimeout(() => fail('timeout'), limits.timeoutMs)
    const onClose = () => {
      if (!req.complete) fail('gone')
    }
    req.on('close', onClose)
    res.on('close', () => {
      if (!res.writableFinished && !req.complete) fail('gone')
    })

    let started = false
    const line = (obj: Record<string, unknown>) => {
      if (res.destroyed) return
      if (!started) {
        res.writeHead(200, {
          'content-type': 'application/x-ndjson; charset=utf-8',
          'cache-control': 'no-store',
          'x-content-type-options': 'nosniff',
        })
        started = true
      }
      res.write(`${JSON.stringify(obj)}\n`)
    }
    const result = (code: ErrorCode, message: string, problems: readonly Problem[] = [], problemCount = problems.length) =>
      line({
        type: 'result',
        ok: false,
        code,
        message,
        problems: problems.slice(0, limits.maxProblems).map(p => ({
          row: p.row,
          column: cut(p.column, 100),
          reason: cut(p.reason),
          ...(p.rule ? { rule: p.rule, columns: p.columns } : {}),
        })),
        problemCount,
      })

    const t0 = performance.now()
    try {
      const csv = csvRows(decl, body(req, limits, fail, stopped), { maxRecordChars: limits.maxRecordChars, maxFields: limits.maxFields })
      const receipt = await writeDataset(db, decl, csv.rows, {
        writer: { subject: principal.subject, roles: principal.roles, department: principal.department, via: 'upload' },
        // A dry run with a key already written: the first write's receipt (replayed), nothing to write; another file: 409.
        clientKey: keyHeader ?? null,
        dryRun,
        decimalMark: csv.decimalMark,
        batchSize: limits.batchSize,
        maxProblems: limits.maxProblems,
        onProgress: rows => line({ type: 'progress', rows }),
        cache: opts.cache,
      })
      log.info(
        {
          dataset: decl.id,
          rows: receipt.rowCount,
          dryRun,
          replayed: receipt.replayed,
          auditId: receipt.auditId,
          ms: Math.round(performance.now() - t0),
        },
        `data entry upload ${decl.id}: ${dryRun ? 'dry run' : receipt.replayed ? 'replayed' : 'written'}`,
      )
      const answer = {
        dataset: receipt.dataset,
        clientKey: receipt.clientKey,
        rowCount: receipt.rowCount,
        stichtag: receipt.stichtag,
        asOf: receipt.asOf.toISOString(),
        replayed: receipt.replayed,
        auditId: receipt.auditId,
        acknowledged: receipt.acknowledged,
      }
      if (!dryRun) line({ type: 'result', ok: true, dryRun: false, receipt: answer })
      else if (receipt.replayed) line({ type: 'result', ok: true, dryRun: true, rows: receipt.rowCount, replayed: true, receipt: answer })
      else line({ type: 'result', ok: true, dryRun: true, rows: receipt.rowCount })
    } catch (err) {
      const gone = !req.complete && (req.destroyed || res.destroyed)
      const f: BodyFailure | null = failure ?? (err instanceof BodyFailure ? err : gone ? new BodyFailure('gone') : null)
      if (f?.kind === 'gone') {
        log.info({ dataset: decl.id }, `data entry upload ${decl.id}: the client went away; nothing was written`)
      } else if (f?.kind === 'too-large') {
        const message = `the file exceeds ${limits.maxBytes} bytes; nothing was written; split it and upload the parts`
        if (started) result('PAYLOAD_TOO_LARGE', message)
        else sendError(res, 413, 'PAYLOAD_TOO_LARGE', message, { connection: 'close' })
      } else if (f?.kind === 'timeout') {
        const message = `the upload took longer than allowed (${Math.round(limits.timeoutMs / 1000)} s in all, ${Math.round(limits.idleTimeoutMs / 1000)} s without data); nothing was written`
        if (started) result('UPLOAD_TIMEOUT', message)
        else sendError(res, 408, 'UPLOAD_TIMEOUT', message, { connection: 'close' })
      } else if (err instanceof DataEntryError) {
        if (err.code === 'IDEMPOTENCY_KEY_REUSED' && !started) sendError(res, 409, 'IDEMPOTENCY_KEY_REUSED', err.message)
        else {
          const count = typeof err.extensions.problemCount === 'number' ? err.extensions.problemCount : err.problems.length
          result(err.code, err.message, err.problems, count)
        }
      } else if (err instanceof CsvError) {
        result('CSV_INVALID', `${decl.id}: the file is not readable CSV (${cut(err.message)}); nothing was written`, [
          { row: err.line, column: '', reason: cut(err.message.replace(/^line \d+: /, '')) },
        ])
      } else if (isDatabaseTimeout(err)) {
        log.warn({ err, dataset: decl.id }, 'data entry upload: database timeout')
        result('DATABASE_TIMEOUT', `${decl.id}: the database did not answer in time; nothing was written; retry later`)
      } else {
        log.error({ err, dataset: decl.id }, 'data entry upload failed')
        if (started) result('INTERNAL_SERVER_ERROR', 'Internal server error; nothing was written')
        else sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error; nothing was written')
      }
    } finally {
      active--
      clearTimeout(deadline)
      req.off('close', onClose)
      if (!res.destroyed && !res.writableEnded) res.end()
    }
  }

  /** Serves a request under DATA_ENTRY_PATH. */
  return async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // A body is never read to its end just to refuse it: after an upload (or its refusal) the connection closes.
    if (req.method !== 'GET' && req.method !== 'HEAD') res.setHeader('connection', 'close')
    const principal = internalCaller(verifier, req, res)
    if (!principal) return
    if (!mayWrite(principal))
      return sendError(res, 403, 'FORBIDDEN', `only staff of department ${department} (scope ${writeScope(department)}) may enter its data`)
    const url = new URL(req.url ?? '/', 'http://department')
    const rest = url.pathname.slice(DATA_ENTRY_PATH.length)
    const allow = (methods: string) => sendError(res, 405, 'METHOD_NOT_ALLOWED', `use ${methods}`, { allow: methods })
    if (rest === 'datasets') return req.method === 'GET' ? describe(res) : allow('GET')
    if (rest === 'history') return req.method === 'GET' ? history(url, res) : allow('GET')
    if (!Object.hasOwn(datasets, rest))
      return sendError(res, 404, 'NOT_FOUND', `department ${department} has no dataset ${JSON.stringify(cut(rest, 64))}`)
    if (req.method !== 'POST') return allow('POST')
    return upload(rest, url, req, res, principal)
  }
}

/**
 * The request body as text, decoded across chunk boundaries, counted against the size limit and
 * watched for silence (only while waiting for data: a batch being written is not the client's delay).
 */
async function* body(
  req: IncomingMessage,
  limits: DataEntryLimits,
  fail: (kind: BodyFailure['kind']) => void,
  stopped: Promise<never>,
): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8')
  const chunks = req[Symbol.asyncIterator]() as AsyncIterator<Buffer>
  let bytes = 0
  for (;;) {
    const idle = setTimeout(() => fail('timeout'), limits.idleTimeoutMs)
    let next: IteratorResult<Buffer>
    try {
      const read = chunks.next()
      // A read abandoned for a timeout fails when the connection closes; nobody waits for it then.
      read.catch(() => {})
      next = await Promise.race([read, stopped])
    } finally {
      clearTimeout(idle)
    }
    if (next.done) break
    bytes += next.value.length
    if (bytes > limits.maxBytes) {
      fail('too-large')
      throw new BodyFailure('too-large')
    }
    const text = decoder.write(next.value)
    if (text) yield text
  }
  const rest = decoder.end()
  if (rest) yield rest
}
