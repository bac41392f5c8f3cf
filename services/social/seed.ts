import type { Kysely } from 'kysely'
import { REFERENCE_DATE, type SeedProfile } from '../../platform/city.js'
import { insertRows } from '../../platform/db/insert-rows.js'
import { upsertDatasets } from '../../lib/service/provenance.js'
import { DAILY_LAST_DAY, dailyMetricRows } from './daily-metrics.js'
import { EGH_STICHTAG, eghCases } from './egh-cases.js'

export const OWNER = 'Referat Soziales'
const HEALTH_OWNER = 'Referat Soziales / Gesundheitsamt Kaiserslautern'

/**
 * The same data in every profile: the case register (≈ 3,300 rows) and the daily series of the
 * pandemic (≈ 5,700 rows) are small enough for `tiny`, and `large` adds nothing to them.
 */
export async function seed(db: Kysely<any>, _profile: SeedProfile): Promise<void> {
  await insertRows(
    db,
    'soc.egh_case',
    {
      id: 'text',
      benefit_group: 'text',
      district_code: 'text',
      age_group: 'text',
      sex: 'text',
      start_date: 'date',
      end_date: 'date',
      yearly_cost: 'numeric',
      rkey: 'int8',
    },
    eghCases() as unknown as Array<Record<string, unknown>>,
  )
  await insertRows(
    db,
    'soc.daily_metric',
    { day: 'date', ags: 'text', metric: 'text', value: 'numeric', source: 'text' },
    dailyMetricRows() as unknown as Array<Record<string, unknown>>,
  )
  const asOf = `${REFERENCE_DATE}T06:00:00Z`
  await upsertDatasets(db, 'soc', [
    {
      id: 'soc.egh_case',
      title: 'Eingliederungshilfe: Fallregister',
      ownerDepartment: OWNER,
      sourceSystem: 'OPEN/PROSOZ',
      description:
        'Pseudonymisierte Fälle der Eingliederungshilfe (SGB IX Teil 2) mit Leistungsgruppe, Stadtteil, Altersgruppe, Geschlecht, Laufzeit und Jahreskosten; personenbezogen, nur aggregiert veröffentlicht.',
      stichtag: EGH_STICHTAG,
      asOf,
      refreshCadence: 'ANNUAL',
      openData: false,
    },
    {
      id: 'soc.egh_statistics',
      title: 'Eingliederungshilfe: Leistungsberechtigte und Bruttokosten',
      ownerDepartment: OWNER,
      sourceSystem: 'OPEN/PROSOZ',
      description:
        'Leistungsberechtigte und Bruttoaufwand je Jahr, Leistungsgruppe und Stadtteil; für die Öffentlichkeit mit dem Cell-Key-Verfahren leicht verändert (Fallzahlen ±2, Kosten um 10–40 % des größten Einzelfalls).',
      stichtag: EGH_STICHTAG,
      asOf,
      refreshCadence: 'ANNUAL',
    },
    {
      id: 'soc.daily_metric',
      title: 'Corona: tägliche Fallzahlen und Leitindikatoren',
      ownerDepartment: HEALTH_OWNER,
      sourceSystem: 'LUA Rheinland-Pfalz / SurvNet',
      description:
        'Neue Fälle, 7-Tage-Inzidenz (auch mit US-Streitkräften), 7-Tage-Hospitalisierungsinzidenz und Anteil COVID-Patienten an den Intensivbetten, täglich.',
      stichtag: DAILY_LAST_DAY,
      asOf: `${DAILY_LAST_DAY}T16:00:00Z`,
      refreshCadence: 'DAILY',
    },
  ])
}
