import type { RuleSetDefinition } from './warn-gauge.js'

/**
 * The two Rhineland-Palatinate rule sets of the warning gauge (services/catalog/README.md), as the seed
 * stores them in cat.rule_set / cat.rule_band. They are data: an administration that reads a
 * boundary differently changes the rows, not the code.
 */

/** The sources the gauge's indicators are computed from, in the social department. */
export const HEALTH_DATASET = 'soc.daily_metric'

const GREEN = '#1a9850'
const YELLOW = '#fee08b'
const ORANGE = '#fc8d59'
const RED = '#d73027'

/**
 * Corona Warn- und Aktionsplan RLP (autumn 2020 until the Warnstufen replaced it on 12.9.2021),
 * one indicator: the 7-day incidence per 100,000. Boundaries as decided here:
 *  - yellow "Warnstufe" is worded "mehr als 19" and reported as "≥ 20": from 20 inclusive, so 19 and
 *    19.9 are green, 20 is yellow (the published incidence has one decimal; "mehr als 19" of a
 *    whole-number reading and "≥ 20" agree, and we take "≥ 20" for the decimals in between);
 *  - orange "Gefahrenstufe" "ab 35": from 35 inclusive, 34.9 is yellow;
 *  - red "Alarmstufe" is worded "über 50" (and "mehr als 49" elsewhere): above 50 exclusive, so 50.0
 *    is orange and 50.1 red — we follow "über 50", which also matches "3 consecutive days above 50";
 *  - the consecutive-day rule (additional measures only after 3 consecutive days above 50) is read as:
 *    red applies only after 3 consecutive calendar days above 50, until then such a day shows orange;
 *    leaving red likewise needs 3 consecutive days at 50 or below. Green, yellow and orange follow the
 *    day's value at once, as the city reported them (22 → gelb, 36 → orange).
 */
export const RLP_AKTIONSPLAN_2020: RuleSetDefinition = {
  id: 'RLP_AKTIONSPLAN_2020',
  title: 'Corona Warn- und Aktionsplan Rheinland-Pfalz (7-Tage-Inzidenz)',
  validFrom: '2020-03-01',
  validTo: '2021-09-11',
  primary: 'incidence7',
  indicators: [
    {
      field: 'incidence7',
      indicatorId: 'incidence7',
      bands: [
        { level: 0, lower: null, lowerInclusive: true },
        { level: 1, lower: 20, lowerInclusive: true },
        { level: 2, lower: 35, lowerInclusive: true },
        { level: 3, lower: 50, lowerInclusive: false },
      ],
    },
  ],
  levels: [
    { level: 0, label: 'Grün', color: GREEN },
    { level: 1, label: 'Warnstufe (gelb)', color: YELLOW },
    { level: 2, label: 'Gefahrenstufe (orange)', color: ORANGE },
    { level: 3, label: 'Alarmstufe (rot)', color: RED },
  ],
  quorum: 1,
  confirmDays: 3,
  countedWeekdays: [1, 2, 3, 4, 5, 6, 7],
  confirmFromLevel: 3,
  effectiveAfterDays: 0,
}

/**
 * Warnstufen of the 26. Corona-Bekämpfungsverordnung RLP from 12.9.2021: three lead indicators, a
 * stage applies when 2 of 3 reach its range on 3 consecutive working days (Monday–Friday; public
 * holidays are not modelled), from the day after next; the same for de-escalation.
 *  - Warnstufe 2 (verified): incidence > 100 (exclusive), hospitalisation
 *    incidence ≥ 5, ICU share ≥ 6 % (inclusive).
 *  - Warnstufe 3: incidence > 200, hospitalisation ≥ 10, ICU share ≥ 12 % — as we recall the
 *    regulation; not verified against its text here, so they are configurable data (cat.rule_band).
 *  - Warnstufe 1 is everything below Warnstufe 2.
 * The ICU share is a percentage (6 means 6 %).
 */
export const RLP_WARNSTUFEN_2021: RuleSetDefinition = {
  id: 'RLP_WARNSTUFEN_2021',
  title: 'Warnstufen nach der 26. Corona-Bekämpfungsverordnung Rheinland-Pfalz',
  validFrom: '2021-09-12',
  validTo: null,
  primary: 'incidence7',
  indicators: [
    {
      field: 'incidence7',
      indicatorId: 'incidence7',
      bands: [
        { level: 1, lower: null, lowerInclusive: true },
        { level: 2, lower: 100, lowerInclusive: false },
        { level: 3, lower: 200, lowerInclusive: false },
      ],
    },
    {
      field: 'hospitalization7',
      indicatorId: 'hospitalization7',
      bands: [
        { level: 1, lower: null, lowerInclusive: true },
        { level: 2, lower: 5, lowerInclusive: true },
        { level: 3, lower: 10, lowerInclusive: true },
      ],
    },
    {
      field: 'icuShare',
      indicatorId: 'icuShare',
      bands: [
        { level: 1, lower: null, lowerInclusive: true },
        { level: 2, lower: 6, lowerInclusive: true },
        { level: 3, lower: 12, lowerInclusive: true },
      ],
    },
  ],
  levels: [
    { level: 1, label: 'Warnstufe 1', color: YELLOW },
    { level: 2, label: 'Warnstufe 2', color: ORANGE },
    { level: 3, label: 'Warnstufe 3', color: RED },
  ],
  quorum: 2,
  confirmDays: 3,
  countedWeekdays: [1, 2, 3, 4, 5],
  confirmFromLevel: 2,
  effectiveAfterDays: 2,
}

export const RULE_SETS: readonly RuleSetDefinition[] = [RLP_AKTIONSPLAN_2020, RLP_WARNSTUFEN_2021]

/** Indicator declarations (cat.indicator): what each input is and where it comes from. */
export const INDICATORS = [
  {
    id: 'incidence7',
    title: '7-Tage-Inzidenz',
    description: 'Neuinfektionen der letzten 7 Tage je 100.000 Einwohner (LUA Rheinland-Pfalz).',
    unit: 'per 100,000',
    field: 'incidence7',
    sourceDatasetIds: [HEALTH_DATASET],
  },
  {
    id: 'hospitalization7',
    title: '7-Tage-Hospitalisierungsinzidenz',
    description: 'Krankenhausaufnahmen mit COVID-19 der letzten 7 Tage je 100.000 Einwohner im Versorgungsgebiet.',
    unit: 'per 100,000',
    field: 'hospitalization7',
    sourceDatasetIds: [HEALTH_DATASET],
  },
  {
    id: 'icuShare',
    title: 'Anteil COVID-19-Patienten an den Intensivbetten',
    description: 'Anteil der mit COVID-19-Patienten belegten Intensivbetten (landesweit), in Prozent.',
    unit: 'percent',
    field: 'icuShare',
    sourceDatasetIds: [HEALTH_DATASET],
  },
] as const
