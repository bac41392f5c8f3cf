import { sql, type QueryCreator } from 'kysely'
import { PolicyError } from '../types.js'
import type { AuditEntry } from './audit-chain.js'
import type { AccessTables } from './db.js'

/**
 * Reading the audit log by page with filters, for the admin console's Protokoll and its CSV export.
 * Every filter is applied in SQL; pages are keyset pages by id (`before`/`after`, exclusive), so a
 * page costs the same at entry 100 000 as at entry 1 and entries appended meanwhile never shift a page.
 */

/** Longest page one query returns. */
export const MAX_AUDIT_PAGE = 1000

export interface AuditFilter {
  /** Exactly this actor (the token's subject). */
  actor?: string | null
  /** An action (`grant.set`), or a prefix ending in `*` (`read.*`, `change.*`). */
  action?: string | null
  /** From this instant on (ISO date or date-time; a date means its start, UTC). */
  from?: string | null
  /** Up to this instant, exclusive (a date without time means through that day, UTC). */
  to?: string | null
  /** Text the payload contains, case-insensitive. */
  text?: string | null
}

export interface AuditPage extends AuditFilter {
  limit: number
  /** Entries with a smaller id (newest first, the default order). */
  before?: number | null
  /** Entries with a larger id (oldest first: `order: 'asc'`). */
  after?: number | null
  order?: 'desc' | 'asc'
}

/** The filter as SQL reads it; INVALID_POLICY with a pointer for anything malformed. */
export interface CheckedAuditPage {
  limit: number
  before: number | null
  after: number | null
  order: 'desc' | 'asc'
  actor: string | null
  action: string | null
  actionPrefix: string | null
  from: Date | null
  to: Date | null
  text: string | null
}

const ACTION_PATTERN = /^[A-Za-z][A-Za-z0-9_.-]*\*?$/

function invalid(at: string, message: string): never {
  throw new PolicyError('INVALID_POLICY', message, at)
}

const blank = (v: unknown) => v === undefined || v === null || v === ''

function shortText(value: unknown, at: string, what: string, max: number): string | null {
  if (blank(value)) return null
  if (typeof value !== 'string') invalid(at, `${what} must be a string`)
  if (value.length > max) invalid(at, `${what} is longer than ${max} characters`)
  if (value.includes('\u0000')) invalid(at, `${what} must not contain NUL characters`)
  return value
}

/** `2026-12-06` or `2026-12-06T01:02:03Z` / with offset; `endOfDay` turns a bare date into the next day's start. */
function instant(value: unknown, at: string, what: string, endOfDay: boolean): Date | null {
  const s = shortText(value, at, what, 40)
  if (s === null) return null
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(s)
  const ok = dateOnly || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/.test(s)
  const d = ok ? new Date(dateOnly ? `${s}T00:00:00Z` : s) : null
  if (!d || Number.isNaN(d.getTime()) || (dateOnly && d.toISOString().slice(0, 10) !== s))
    invalid(at, `${what} must be an ISO date (2026-12-06) or date-time with zone (2026-12-06T13:00:00Z)`)
  if (d.getUTCFullYear() < 1970 || d.getUTCFullYear() > 9999) invalid(at, `${what} is out of range`)
  return dateOnly && endOfDay ? new Date(d.getTime() + 86_400_000) : d
}

function cursor(value: unknown, at: string): number | null {
  if (value === undefined || value === null) return null
  if (!Number.isSafeInteger(value) || (value as number) < 0) invalid(at, `${at.slice(1)} must be an audit entry id`)
  return value as number
}

export function checkAuditPage(page: AuditPage): CheckedAuditPage {
  const { limit } = page
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_AUDIT_PAGE)
    invalid('/limit', `limit must be an integer between 1 and ${MAX_AUDIT_PAGE}`)
  const order = page.order ?? 'desc'
  if (order !== 'desc' && order !== 'asc') invalid('/order', 'order must be "desc" or "asc"')
  const before = cursor(page.before, '/before')
  const after = cursor(page.after, '/after')
  const actor = shortText(page.actor, '/actor', 'actor', 200)
  const action = shortText(page.action, '/action', 'action', 100)
  if (action !== null && !ACTION_PATTERN.test(action))
    invalid('/action', 'action must be an action name (grant.set) or a prefix ending in * (read.*)')
  const text = shortText(page.text, '/text', 'text', 200)
  const from = instant(page.from, '/from', 'from', false)
  const to = instant(page.to, '/to', 'to', true)
  if (from && to && to <= from) invalid('/to', 'to must be after from')
  return {
    limit,
    order,
    before,
    after,
    actor,
    action: action?.endsWith('*') ? null : action,
    actionPrefix: action?.endsWith('*') ? action.slice(0, -1) : null,
    from,
    to,
    text,
  }
}

/** `%`, `_` and `\` taken literally in a LIKE pattern. */
const likeLiteral = (s: string) => s.replace(/[\\%_]/g, c => `\\${c}`)

/** One page of the audit log, filtered in SQL. */
export async function readAuditPage(a: QueryCreator<AccessTables>, page: AuditPage): Promise<AuditEntry[]> {
  const p = checkAuditPage(page)
  let q = a.selectFrom('audit_log').select(['id', 'at', 'actor', 'action', 'payload', 'prev_hash', 'hash'])
  if (p.before !== null) q = q.where('id', '<', p.before)
  if (p.after !== null) q = q.where('id', '>', p.after)
  if (p.actor !== null) q = q.where('actor', '=', p.actor)
  if (p.action !== null) q = q.where('action', '=', p.action)
  if (p.actionPrefix) q = q.where(sql<boolean>`starts_with(action, ${p.actionPrefix})`)
  if (p.from) q = q.where('at', '>=', sql<Date>`${p.from.toISOString()}::timestamptz`)
  if (p.to) q = q.where('at', '<', sql<Date>`${p.to.toISOString()}::timestamptz`)
  if (p.text !== null) q = q.where(sql<boolean>`payload::text ilike ${`%${likeLiteral(p.text)}%`}`)
  const rows = await q.orderBy('id', p.order).limit(p.limit).execute()
  return rows.map(r => ({
    id: Number(r.id),
    at: new Date(r.at),
    actor: r.actor,
    action: r.action,
    payload: r.payload,
    prevHash: r.prev_hash,
    hash: r.hash,
  }))
}
