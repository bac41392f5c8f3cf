import type { Kysely } from 'kysely'
import { REFERENCE_DATE, profileYears, type SeedProfile } from '../../platform/city.js'
import { loadServices } from '../../lib/service/discover-services.js'
import { upsertDatasets } from '../../lib/service/provenance.js'
import { HEALTH_DATASET, INDICATORS, RULE_SETS } from './rule-sets.js'

export const OWNER = 'Zentralcontrolling'
const DL_BY = 'http://dcat-ap.de/def/licenses/dl-by-de/2.0'
const DL_ZERO = 'http://dcat-ap.de/def/licenses/dl-zero-de/2.0'

interface Enrichment {
  themes: string[]
  keywords: string[]
  license?: string | null
  contact: string
  temporalFrom?: 'data' | string
}

/**
 * DCAT-AP.de enrichment of the departments' datasets (docs/data-model.md#provenance-and-freshness). Keys are dataset ids of the
 * departments' `<schema>.dataset` rows; a dataset missing here still shows, with defaults.
 */
const ENRICHMENT: Readonly<Record<string, Enrichment>> = {
  'geo.districts': {
    themes: ['REGI', 'GOVE'],
    keywords: ['Stadtteile', 'Ortsbezirke', 'Gebietsgliederung'],
    license: DL_ZERO,
    contact: 'Referat Stadtentwicklung, Abteilung Vermessung und Geoinformation',
  },
  'pop.stock': {
    themes: ['SOCI', 'REGI'],
    keywords: ['Einwohner', 'Bevölkerung', 'Alter', 'Staatsangehörigkeit', 'Stadtteile'],
    contact: 'Statistikstelle',
    temporalFrom: 'data',
  },
  'pop.movement': {
    themes: ['SOCI', 'REGI'],
    keywords: ['Geburten', 'Sterbefälle', 'Wanderungen', 'Umzüge'],
    contact: 'Statistikstelle',
    temporalFrom: 'data',
  },
  'pop.official_total': {
    themes: ['SOCI', 'GOVE'],
    keywords: ['Bevölkerungsfortschreibung', 'Zensus', 'amtliche Einwohnerzahl'],
    contact: 'Statistikstelle',
    temporalFrom: 'data',
  },
  'fin.budget': {
    themes: ['ECON', 'GOVE'],
    keywords: ['Haushalt', 'Doppik', 'Ergebnishaushalt', 'Produkte'],
    contact: 'Referat Finanzen',
    temporalFrom: 'data',
  },
  'fin.actuals': {
    themes: ['ECON', 'GOVE'],
    keywords: ['Jahresabschluss', 'Ist-Ergebnisse', 'Produkte'],
    contact: 'Referat Finanzen',
    temporalFrom: 'data',
  },
  'fin.investments': {
    themes: ['ECON', 'GOVE'],
    keywords: ['Investitionen', 'Förderung', 'Maßnahmen'],
    contact: 'Referat Finanzen',
    temporalFrom: 'data',
  },
  'fin.debt': {
    themes: ['ECON', 'GOVE'],
    keywords: ['Kredite', 'Liquiditätskredite', 'Schulden'],
    contact: 'Referat Finanzen',
    temporalFrom: 'data',
  },
  'edu.pupils': {
    themes: ['EDUC'],
    keywords: ['Schulen', 'Schülerzahlen', 'Schulstatistik'],
    contact: 'Referat Schulen',
    temporalFrom: 'data',
  },
  'edu.transitions': {
    themes: ['EDUC'],
    keywords: ['Übergänge', 'Grundschule', 'weiterführende Schulen'],
    contact: 'Referat Schulen',
    temporalFrom: 'data',
  },
  'edu.graduates': { themes: ['EDUC'], keywords: ['Schulabschlüsse', 'Schulabgänger'], contact: 'Referat Schulen', temporalFrom: 'data' },
  'edu.kita': {
    themes: ['EDUC', 'SOCI'],
    keywords: ['Kindertagesstätten', 'Kita-Plätze', 'Betreuung'],
    contact: 'Referat Jugend',
    temporalFrom: 'data',
  },
  'asy.accommodation': {
    themes: ['SOCI'],
    keywords: ['Geflüchtete', 'Unterkünfte', 'Asyl'],
    contact: 'Stabsstelle Asyl und Integration',
    temporalFrom: 'data',
  },
  'asy.occupancy': {
    themes: ['SOCI'],
    keywords: ['Geflüchtete', 'Belegung', 'Unterkünfte'],
    contact: 'Stabsstelle Asyl und Integration',
    temporalFrom: 'data',
  },
  'asy.allocation': {
    themes: ['SOCI'],
    keywords: ['Zuweisungen', 'Asyl', 'Aufnahme'],
    contact: 'Stabsstelle Asyl und Integration',
    temporalFrom: 'data',
  },
  [HEALTH_DATASET]: {
    themes: ['HEAL'],
    keywords: ['Corona', 'COVID-19', 'Inzidenz', 'Hospitalisierung', 'Intensivbetten'],
    contact: 'Gesundheitsamt',
    temporalFrom: '2020-03-01',
  },
  'cat.indicator': { themes: ['GOVE', 'HEAL'], keywords: ['Indikatoren', 'Corona-Warnmelder', 'Warnstufen'], contact: OWNER },
}

/** Registry, DCAT enrichment, indicator declarations and the warning gauge's rule sets. */
export async function seed(db: Kysely<any>, profile: SeedProfile): Promise<void> {
  // The departments the platform discovers (a folder in services/ is a department), the catalog included.
  const departments = (await loadServices()).map(s => ({ name: s.name, db_schema: s.dbSchema }))
  await db
    .insertInto('cat.department')
    .values(departments)
    .onConflict(oc => oc.column('name').doUpdateSet(eb => ({ db_schema: eb.ref('excluded.db_schema') })))
    .execute()

  const firstYear = profileYears(profile)[0]
  await db
    .insertInto('cat.dataset_dcat')
    .values(
      Object.entries(ENRICHMENT).map(([id, e]) => ({
        dataset_id: id,
        publisher: null,
        contact_name: `Stadtverwaltung Kaiserslautern, ${e.contact}`,
        contact_email: 'open-data@kaiserslautern.example',
        themes: e.themes,
        keywords: e.keywords,
        license: e.license === undefined ? DL_BY : e.license,
        temporal_start: e.temporalFrom === 'data' ? `${firstYear}-01-01` : (e.temporalFrom ?? null),
        temporal_end: null,
      })),
    )
    .execute()

  await db
    .insertInto('cat.indicator')
    .values(
      INDICATORS.map(i => ({
        id: i.id,
        title: i.title,
        description: i.description,
        unit: i.unit,
        input_field: i.field,
        source_dataset_ids: [...i.sourceDatasetIds],
      })),
    )
    .execute()
  for (const r of RULE_SETS) {
    await db
      .insertInto('cat.rule_set')
      .values({
        id: r.id,
        title: r.title,
        valid_from: r.validFrom,
        valid_to: r.validTo,
        primary_indicator_id: r.primary,
        quorum: r.quorum,
        confirm_days: r.confirmDays,
        counted_weekdays: [...r.countedWeekdays],
        confirm_from_level: r.confirmFromLevel,
        effective_after_days: r.effectiveAfterDays,
      })
      .execute()
    await db
      .insertInto('cat.rule_level')
      .values(r.levels.map(l => ({ rule_set_id: r.id, level: l.level, label: l.label, color: l.color })))
      .execute()
    await db
      .insertInto('cat.rule_band')
      .values(
        r.indicators.flatMap(i =>
          i.bands.map(b => ({
            rule_set_id: r.id,
            indicator_id: i.indicatorId,
            level: b.level,
            lower: b.lower,
            lower_inclusive: b.lowerInclusive,
          })),
        ),
      )
      .execute()
  }

  await upsertDatasets(db, 'cat', [
    {
      id: 'cat.indicator',
      title: 'Indikatoren und Regeln des Corona-Warnmelders',
      description:
        'Deklarierte Indikatoren (7-Tage-Inzidenz, Hospitalisierungsinzidenz, Intensivbettenanteil) mit Quelldatensätzen, Bändern und Stufenregeln (Warn- und Aktionsplan 2020, Warnstufen 2021).',
      ownerDepartment: OWNER,
      sourceSystem: 'Indikatorenkatalog',
      stichtag: REFERENCE_DATE,
      asOf: `${REFERENCE_DATE}T06:00:00Z`,
      refreshCadence: 'ANNUAL',
    },
  ])
}
