import type { Kysely } from 'kysely'
import { CITY_AGS } from '../../platform/city.js'
import { defineDataset, type FieldProblem, type Reference, type RowRule } from '../../lib/data-entry/define-dataset.js'
import { DAILY_FIRST_DAY, DAILY_METRICS } from './daily-metrics.js'
import type { DailyMetric } from './db.js'

/** The health office of Kaiserslautern reports for the city and the Landkreis it shares the office with. */
export const REPORTING_AREAS: readonly string[] = [CITY_AGS, '07335000']

const reportingArea: Reference = Object.freeze({
  what: 'municipality the health office reports for',
  existing: async (_db: Kysely<any>, values: readonly string[]) => new Set(values.filter(v => REPORTING_AREAS.includes(v))),
})

/** A reported day is never in the future. */
function notFuture(r: DailyFigure): FieldProblem[] {
  return r.day > new Date().toISOString().slice(0, 10) ? [{ column: 'day', reason: `lies in the future (${r.day})` }] : []
}

/** What a value can be depends on its metric: cases are whole persons, a share is a percentage. */
const metricRules: ReadonlyArray<RowRule<DailyFigure>> = [
  {
    name: 'cases-are-whole-persons',
    fields: ['value', 'metric'],
    violation: r =>
      r.metric === 'COVID_CASES' && !Number.isInteger(r.value) ? `COVID_CASES counts persons: a whole number, got ${r.value}` : null,
  },
  {
    name: 'share-is-percentage',
    fields: ['value', 'metric'],
    violation: r => (r.metric === 'ICU_SHARE' && r.value > 100 ? `ICU_SHARE is a percentage (0–100), got ${r.value}` : null),
  },
]

export type DailyFigure = { day: string; ags: string; metric: DailyMetric; value: number }

/** What the social department keeps current by data entry (mutation or `npm run import -- social <dataset> <file>`). */
export const datasets = {
  /** One figure of one day: new cases, 7-day incidence (also +USAF), hospitalisation incidence, ICU share. */
  dailyMetrics: defineDataset<DailyFigure>({
    department: 'social',
    schema: 'soc',
    id: 'soc.daily_metric',
    table: 'soc.daily_metric',
    fields: {
      day: {
        label: 'Meldedatum',
        column: 'day',
        type: 'date',
        pgType: 'date',
        min: DAILY_FIRST_DAY,
        aliases: ['Datum', 'Tag', 'Meldedatum'],
      },
      ags: {
        label: 'Gemeindeschlüssel (AGS)',
        column: 'ags',
        type: 'text',
        pgType: 'char(8)',
        references: reportingArea,
        aliases: ['Gemeindeschlüssel', 'Kreis'],
      },
      metric: {
        label: 'Kennzahl',
        column: 'metric',
        type: 'enum',
        pgType: 'text',
        values: DAILY_METRICS,
        aliases: ['Kennzahl', 'Indikator'],
      },
      value: { label: 'Wert', column: 'value', type: 'decimal', pgType: 'numeric', min: 0, max: 100_000, aliases: ['Wert'] },
    },
    key: ['day', 'ags', 'metric'],
    period: { parts: ['day', 'ags', 'metric'], stichtag: r => r.day },
    rules: metricRules,
    check: notFuture,
  }),
}
