/**
 * Reading values as people type them into office software: German numbers (`1.234,5`), plain
 * numbers (`1234.5`), German dates (`31.12.2025`) and ISO dates (`2025-12-31`). Every function
 * answers a value or a reason; none throws.
 */

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string }

/**
 * How a file writes decimals. `comma`: German (`1.234,5`; a dot only groups thousands), the
 * convention of `;`-separated exports. `point`: `1234.5`, with a comma the value must be German.
 */
export type DecimalMark = 'comma' | 'point'

const GERMAN = /^[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/
const PLAIN = /^[+-]?\d+(\.\d+)?$/

/** A number from text; a number passes unchanged (GraphQL already typed it). */
export function parseNumber(input: unknown, mark: DecimalMark = 'point'): Parsed<number> {
  if (typeof input === 'number')
    return Number.isFinite(input) ? { ok: true, value: input } : { ok: false, reason: 'is not a finite number' }
  if (typeof input !== 'string') return { ok: false, reason: `must be a number, got ${typeof input}` }
  const text = input.trim().replace(/[\u00a0\u202f ]/g, '')
  if (text === '') return { ok: false, reason: 'is empty' }
  // A comma always means German notation; without one the file's convention decides what a dot is.
  const german = text.includes(',') || mark === 'comma'
  if (german) {
    if (!GERMAN.test(text)) return { ok: false, reason: `is not a number: ${JSON.stringify(input)} (German notation: 1.234,5)` }
    return { ok: true, value: Number(text.replace(/\./g, '').replace(',', '.')) }
  }
  if (!PLAIN.test(text)) return { ok: false, reason: `is not a number: ${JSON.stringify(input)}` }
  return { ok: true, value: Number(text) }
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const GERMAN_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/

/** A calendar date as ISO `YYYY-MM-DD`, from ISO or German `DD.MM.YYYY`; impossible dates (31.02.) are refused. */
export function parseDate(input: unknown): Parsed<string> {
  if (typeof input !== 'string') return { ok: false, reason: `must be a date, got ${typeof input}` }
  const text = input.trim()
  let y: number, m: number, d: number
  const iso = ISO_DATE.exec(text)
  const german = GERMAN_DATE.exec(text)
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])]
  else if (german) [d, m, y] = [Number(german[1]), Number(german[2]), Number(german[3])]
  else return { ok: false, reason: `is not a date: ${JSON.stringify(input)} (write 31.12.2025 or 2025-12-31)` }
  const date = new Date(Date.UTC(y, m - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return { ok: false, reason: `is not a calendar date: ${JSON.stringify(input)}` }
  }
  return { ok: true, value: `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` }
}

/** Last day of the month of an ISO date. */
export function monthEnd(isoDate: string): string {
  const [y, m] = isoDate.split('-').map(Number)
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10)
}
