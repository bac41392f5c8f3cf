/**
 * Freshness of a dataset (docs/data-model.md#provenance-and-freshness): the time since the department last changed it against
 * its refresh cadence. FRESH within the cadence, DUE within the grace period after it, STALE beyond;
 * UNKNOWN for a cadence the catalog does not know. `now` is passed in, so time is testable.
 */
export type Freshness = 'FRESH' | 'DUE' | 'STALE' | 'UNKNOWN'

interface Cadence {
  days?: number
  months?: number
  graceDays?: number
  graceMonths?: number
  frequency: string
}

/** Cadence → period and grace (when an update is late but not yet stale), and its EU frequency. */
export const CADENCES: Readonly<Record<string, Cadence>> = {
  DAILY: { days: 1, graceDays: 1, frequency: 'DAILY' },
  WEEKLY: { days: 7, graceDays: 7, frequency: 'WEEKLY' },
  MONTHLY: { months: 1, graceMonths: 1, frequency: 'MONTHLY' },
  QUARTERLY: { months: 3, graceMonths: 1, frequency: 'QUARTERLY' },
  ANNUAL: { months: 12, graceMonths: 3, frequency: 'ANNUAL' },
}

export const FREQUENCY_BASE = 'http://publications.europa.eu/resource/authority/frequency/'

/** Calendar months in UTC, clamped to the month's end (31 Jan + 1 month = 28/29 Feb). */
function addMonths(t: Date, months: number): Date {
  const d = new Date(t)
  const day = d.getUTCDate()
  d.setUTCDate(1)
  d.setUTCMonth(d.getUTCMonth() + months)
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate()
  d.setUTCDate(Math.min(day, last))
  return d
}

const add = (t: Date, days = 0, months = 0) => addMonths(new Date(t.getTime() + days * 86_400_000), months)

export interface FreshnessResult {
  freshness: Freshness
  stale: boolean
  nextUpdateDue: Date | null
}

export function freshnessOf(asOf: Date, cadence: string, now: Date): FreshnessResult {
  const c = CADENCES[cadence]
  if (!c || Number.isNaN(asOf.getTime())) return { freshness: 'UNKNOWN', stale: false, nextUpdateDue: null }
  const due = add(asOf, c.days, c.months)
  const staleAt = add(due, c.graceDays, c.graceMonths)
  // Boundaries: exactly one period after asOf is still FRESH, exactly at the end of the grace still DUE.
  const freshness: Freshness = now <= due ? 'FRESH' : now <= staleAt ? 'DUE' : 'STALE'
  return { freshness, stale: freshness === 'STALE', nextUpdateDue: due }
}

export function accrualPeriodicity(cadence: string): string | null {
  const c = CADENCES[cadence]
  return c ? FREQUENCY_BASE + c.frequency : null
}
