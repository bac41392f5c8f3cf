import DataLoader from 'dataloader'
import { sql, type Kysely } from 'kysely'
import { CITY_AGS } from '../../platform/city.js'
import type { CatDatabase } from './db.js'
import { accrualPeriodicity, freshnessOf, type Freshness } from './freshness.js'
import type { InputField, RuleSetDefinition } from './warn-gauge.js'

export const PUBLISHER = 'Stadtverwaltung Kaiserslautern'
export const GEOCODING_LEVEL_URI = 'http://dcat-ap.de/def/politicalGeocoding/Level/municipality'
export const geocodingUri = (ags: string) => `http://dcat-ap.de/def/politicalGeocoding/municipalityKey/${ags}`
export const THEME_BASE = 'http://publications.europa.eu/resource/authority/data-theme/'
/** The city's licence for open data the catalog has no enrichment for. */
export const DEFAULT_OPEN_LICENSE = 'http://dcat-ap.de/def/licenses/dl-by-de/2.0'

/** A dataset as the API shows it: the department's row, the catalog's enrichment (or defaults), freshness at `now`. */
export interface DatasetView {
  id: string
  title: string
  description: string
  publisher: string
  ownerDepartment: string
  department: string
  sourceSystem: string
  contactPoint: { name: string; email: string | null } | null
  themes: Array<{ code: string; uri: string }>
  keywords: string[]
  license: string | null
  politicalGeocodingLevelURI: string
  politicalGeocodingURI: string
  accrualPeriodicity: string | null
  refreshCadence: string
  temporalStart: string | null
  temporalEnd: string | null
  stichtag: string
  asOf: Date
  nextUpdateDue: Date | null
  openData: boolean
  freshness: Freshness
  stale: boolean
}

export interface IndicatorView {
  id: string
  title: string
  description: string
  unit: string
  field: InputField
  sourceDatasetIds: string[]
}

interface DatasetRow {
  department: string
  id: string
  title: string
  description: string
  owner_department: string
  source_system: string
  stichtag: string
  as_of: Date
  refresh_cadence: string
  open_data: boolean
  publisher: string | null
  contact_name: string | null
  contact_email: string | null
  themes: string[] | null
  keywords: string[] | null
  license: string | null
  temporal_start: string | null
  temporal_end: string | null
  enriched: boolean
}

export function toDatasetView(r: DatasetRow, now: Date): DatasetView {
  const f = freshnessOf(new Date(r.as_of), r.refresh_cadence, now)
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    publisher: r.publisher ?? PUBLISHER,
    ownerDepartment: r.owner_department,
    department: r.department,
    sourceSystem: r.source_system,
    contactPoint: r.contact_name
      ? { name: r.contact_name, email: r.contact_email }
      : { name: `${PUBLISHER}, ${r.owner_department}`, email: null },
    themes: (r.themes ?? []).map(code => ({ code, uri: THEME_BASE + code })),
    keywords: r.keywords ?? [],
    // Enriched rows carry their own licence (null = none); without enrichment open data gets the city's default.
    license: !r.open_data ? null : r.enriched ? r.license : DEFAULT_OPEN_LICENSE,
    politicalGeocodingLevelURI: GEOCODING_LEVEL_URI,
    politicalGeocodingURI: geocodingUri(CITY_AGS),
    accrualPeriodicity: accrualPeriodicity(r.refresh_cadence),
    refreshCadence: r.refresh_cadence,
    temporalStart: r.temporal_start,
    temporalEnd: r.temporal_end ?? r.stichtag,
    stichtag: r.stichtag,
    asOf: new Date(r.as_of),
    nextUpdateDue: f.nextUpdateDue,
    openData: r.open_data,
    freshness: f.freshness,
    stale: f.stale,
  }
}

/** Runs `load` at most once per request, on first use. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | null = null
  return () => (p ??= load())
}

/**
 * Per-request loaders. `now` is read once per request, so every dataset of one answer is judged at
 * the same instant. Every department's dataset rows cost one statement per request, read at query
 * time: a department's write shows in the catalog at once.
 */
export function createLoaders(db: Kysely<CatDatabase>, now: () => Date = () => new Date()) {
  const at = now()
  const datasets = once(async () => {
    const { rows } = await sql<DatasetRow>`
      select d.*, m.publisher, m.contact_name, m.contact_email, m.themes, m.keywords, m.license, m.temporal_start, m.temporal_end,
        m.dataset_id is not null as enriched
      from cat.department_datasets() d left join cat.dataset_dcat m on m.dataset_id = d.id
      order by d.id`.execute(db)
    return rows.map(r => toDatasetView(r, at))
  })

  const ruleSets = once(async (): Promise<RuleSetDefinition[]> => {
    const { rows } = await sql<{
      id: string
      title: string
      valid_from: string
      valid_to: string | null
      primary_field: InputField
      quorum: number
      confirm_days: number
      counted_weekdays: number[]
      confirm_from_level: number
      effective_after_days: number
      levels: Array<{ level: number; label: string; color: string }>
      indicators: Array<{
        indicatorId: string
        field: InputField
        bands: Array<{ level: number; lower: number | null; lowerInclusive: boolean }>
      }>
    }>`
      select r.id, r.title, r.valid_from, r.valid_to, p.input_field as primary_field, r.quorum, r.confirm_days, r.counted_weekdays,
        r.confirm_from_level, r.effective_after_days,
        (select json_agg(json_build_object('level', l.level, 'label', l.label, 'color', l.color) order by l.level)
          from cat.rule_level l where l.rule_set_id = r.id) as levels,
        (select json_agg(json_build_object('indicatorId', i.id, 'field', i.input_field, 'bands', b.bands) order by i.id = r.primary_indicator_id desc, i.id)
          from cat.indicator i
          join lateral (select json_agg(json_build_object('level', b.level, 'lower', b.lower, 'lowerInclusive', b.lower_inclusive) order by b.level) as bands
            from cat.rule_band b where b.rule_set_id = r.id and b.indicator_id = i.id) b on b.bands is not null) as indicators
      from cat.rule_set r join cat.indicator p on p.id = r.primary_indicator_id
      order by r.valid_from`.execute(db)
    return rows.map(r => ({
      id: r.id,
      title: r.title,
      validFrom: r.valid_from,
      validTo: r.valid_to,
      primary: r.primary_field,
      indicators: (r.indicators ?? []).map(i => ({
        ...i,
        bands: i.bands.map(b => ({ ...b, lower: b.lower === null ? null : Number(b.lower) })),
      })),
      levels: r.levels ?? [],
      quorum: r.quorum,
      confirmDays: r.confirm_days,
      countedWeekdays: r.counted_weekdays,
      confirmFromLevel: r.confirm_from_level,
      effectiveAfterDays: r.effective_after_days,
    }))
  })

  const indicators = once(async (): Promise<IndicatorView[]> => {
    const rows = await db.selectFrom('cat.indicator').selectAll().orderBy('id').execute()
    return rows.map(r => ({
      id: r.id,
      title: r.title,
      description: r.description,
      unit: r.unit,
      field: r.input_field,
      sourceDatasetIds: r.source_dataset_ids,
    }))
  })

  return {
    now: at,
    datasets,
    dataset: new DataLoader<string, DatasetView | null>(async ids => {
      const byId = new Map((await datasets()).map(d => [d.id, d]))
      return ids.map(id => byId.get(id) ?? null)
    }),
    ruleSets,
    indicators,
  }
}

export type CatalogLoaders = ReturnType<typeof createLoaders>
