import type { IncomingMessage, ServerResponse } from 'node:http'
import { sendError } from '../../platform/http/send-json.js'
import type { AdminStore } from '../../auth/policy/admin-schema.js'
import { checkAuditPage, type AuditFilter } from '../../auth/policy/store/audit-query.js'
import { PolicyError } from '../../auth/policy/types.js'

/**
 * `GET /admin/audit.csv`: the policy audit log as CSV for the city's auditors, with the filters of
 * the admin API's `auditLog` as query parameters (`actor`, `action`, `from`, `to`, `text`), oldest
 * entry first. Streamed in keyset pages of 1000, so 100 000 entries never sit in memory and a
 * slow download holds back reading (backpressure). RFC 4180 (CRLF, quotes doubled) with a UTF-8
 * BOM so spreadsheet programs read umlauts; `sep=semicolon` for spreadsheets set to German, which
 * split on `;`. A cell that begins with = + - @ (or a tab or carriage return) would run as a formula
 * in a spreadsheet: it gets a leading apostrophe. Authentication and the admin role are checked by
 * the admin route before this runs.
 */

export const AUDIT_CSV_COLUMNS = ['id', 'at', 'actor', 'action', 'payload', 'prev_hash', 'hash'] as const
const PAGE = 1000
const FORMULA_START = /^[=+\-@\t\r]/

/** The CSV path next to the admin API's path: `/admin/graphql` → `/admin/audit.csv`. */
export const auditCsvPath = (adminPath: string) => adminPath.replace(/[^/]*$/, 'audit.csv')

/** One cell: formula starts neutralised, quoted when it holds the separator, a quote or a line break. */
export function csvCell(value: string, sep: ',' | ';' = ','): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value
  return safe.includes(sep) || /["\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

export const csvRow = (cells: readonly string[], sep: ',' | ';' = ',') => `${cells.map(c => csvCell(c, sep)).join(sep)}\r\n`

const PARAMS = ['actor', 'action', 'from', 'to', 'text', 'sep'] as const

/** The query parameters, each at most once; anything else is refused (400). */
function readParams(url: string): { filter: AuditFilter; sep: ',' | ';' } | { error: string } {
  const query = new URL(url, 'http://x').searchParams
  const filter: Record<string, string> = {}
  for (const key of new Set(query.keys())) {
    if (!(PARAMS as readonly string[]).includes(key))
      return { error: `unknown parameter "${key.slice(0, 40)}" (known: ${PARAMS.join(', ')})` }
    if (query.getAll(key).length > 1) return { error: `parameter "${key}" given more than once` }
    filter[key] = query.get(key)!
  }
  const { sep = 'comma', ...rest } = filter
  if (sep !== 'comma' && sep !== 'semicolon') return { error: 'sep must be "comma" or "semicolon"' }
  return { filter: rest, sep: sep === 'semicolon' ? ';' : ',' }
}

export async function serveAuditCsv(store: Pick<AdminStore, 'auditLog'>, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD')
    return sendError(res, 405, 'METHOD_NOT_ALLOWED', 'The audit log export is read with GET', { allow: 'GET, HEAD' })
  const params = readParams(req.url ?? '')
  if ('error' in params) return sendError(res, 400, 'BAD_USER_INPUT', params.error)
  const { filter, sep } = params
  try {
    checkAuditPage({ limit: PAGE, ...filter })
  } catch (err) {
    if (err instanceof PolicyError)
      return sendError(res, 400, 'BAD_USER_INPUT', `${err.pointer ? `${err.pointer.slice(1)}: ` : ''}${err.message}`)
    throw err
  }
  // The first page before the head, so a database failure is still a proper error answer.
  let page = await store.auditLog({ limit: PAGE, order: 'asc', ...filter })
  const stamp = new Date().toISOString().replace(/[-:]/g, '').slice(0, 13)
  res.writeHead(200, {
    'content-type': 'text/csv; charset=utf-8; header=present',
    'content-disposition': `attachment; filename="stadtgraph-protokoll-${stamp}.csv"`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  })
  if (req.method === 'HEAD') return void res.end()
  let closed = false
  res.once('close', () => (closed = true))
  const write = async (chunk: string) => {
    if (res.write(chunk) || closed) return
    // Wait for the client to take what was written (or go away); the listeners go with the wait.
    await new Promise<void>(resolve => {
      const done = () => {
        res.off('drain', done)
        res.off('close', done)
        resolve()
      }
      res.on('drain', done)
      res.on('close', done)
    })
  }
  try {
    await write(`\uFEFF${csvRow(AUDIT_CSV_COLUMNS, sep)}`)
    for (;;) {
      let chunk = ''
      for (const e of page) {
        const at = e.at instanceof Date ? e.at.toISOString() : String(e.at)
        chunk += csvRow([String(e.id), at, e.actor, e.action, JSON.stringify(e.payload), e.prevHash, e.hash], sep)
      }
      await write(chunk)
      if (closed || page.length < PAGE) break
      page = await store.auditLog({ limit: PAGE, order: 'asc', after: page.at(-1)!.id, ...filter })
    }
  } catch (err) {
    // Cut the connection rather than end it: a truncated file must not look complete.
    res.destroy()
    throw err
  }
  res.end()
}
