/**
 * Reference facts about the demo city (docs/data-model.md#demo-data) that every department's seed
 * draws around. Departments own their data; these are only the anchors they agree on.
 */
export const CITY_AGS = '07312000'
export const CITY_NAME = 'Kaiserslautern'
/** Data years of the demo: final figures up to 2025, 2026 partly (reference date below). */
export const FIRST_DATA_YEAR = 2015
export const LAST_DATA_YEAR = 2026
export const REFERENCE_DATE = '2026-11-25'

export type SeedProfile = 'tiny' | 'small' | 'large'
export const SEED_PROFILES: readonly SeedProfile[] = ['tiny', 'small', 'large']

export interface DistrictFact {
  code: string
  name: string
  kind: 'kernstadt' | 'ortsbezirk'
  hasOrtsbeirat: boolean
  areaKm2: number
  postalCodes: string[]
  lat: number
  lon: number
  /** Residents 31.12.2025, REGISTER_MAIN (synthetic around real anchors). */
  population2025: number
  /** Share of foreign nationals 2025. */
  foreignShare2025: number
}

export const DISTRICTS: readonly DistrictFact[] = [
  {
    code: '01',
    name: 'Innenstadt-Ost',
    kind: 'kernstadt',
    hasOrtsbeirat: false,
    areaKm2: 2.1,
    postalCodes: ['67655'],
    lat: 49.4447,
    lon: 7.7741,
    population2025: 10400,
    foreignShare2025: 0.28,
  },
  {
    code: '02',
    name: 'Innenstadt-Südwest',
    kind: 'kernstadt',
    hasOrtsbeirat: false,
    areaKm2: 2.4,
    postalCodes: ['67655', '67657'],
    lat: 49.4381,
    lon: 7.7602,
    population2025: 8600,
    foreignShare2025: 0.24,
  },
  {
    code: '03',
    name: 'Innenstadt-West/Kotten',
    kind: 'kernstadt',
    hasOrtsbeirat: false,
    areaKm2: 2.6,
    postalCodes: ['67655', '67657'],
    lat: 49.4432,
    lon: 7.7512,
    population2025: 11200,
    foreignShare2025: 0.3,
  },
  {
    code: '04',
    name: 'Innenstadt-Nord/Kaiserberg',
    kind: 'kernstadt',
    hasOrtsbeirat: false,
    areaKm2: 3.0,
    postalCodes: ['67657'],
    lat: 49.4521,
    lon: 7.7689,
    population2025: 8300,
    foreignShare2025: 0.22,
  },
  {
    code: '05',
    name: 'Grübentälchen/Volkspark',
    kind: 'kernstadt',
    hasOrtsbeirat: false,
    areaKm2: 3.2,
    postalCodes: ['67655', '67663'],
    lat: 49.4356,
    lon: 7.7821,
    population2025: 7600,
    foreignShare2025: 0.18,
  },
  {
    code: '06',
    name: 'Betzenberg',
    kind: 'kernstadt',
    hasOrtsbeirat: false,
    areaKm2: 2.9,
    postalCodes: ['67663'],
    lat: 49.4342,
    lon: 7.7571,
    population2025: 6400,
    foreignShare2025: 0.14,
  },
  {
    code: '07',
    name: 'Lämmchesberg/Universitätswohnstadt',
    kind: 'kernstadt',
    hasOrtsbeirat: false,
    areaKm2: 4.8,
    postalCodes: ['67663'],
    lat: 49.4245,
    lon: 7.7519,
    population2025: 9100,
    foreignShare2025: 0.26,
  },
  {
    code: '08',
    name: 'Bännjerrück/Karl-Pfaff-Siedlung',
    kind: 'kernstadt',
    hasOrtsbeirat: false,
    areaKm2: 3.6,
    postalCodes: ['67663'],
    lat: 49.4312,
    lon: 7.7345,
    population2025: 6300,
    foreignShare2025: 0.12,
  },
  {
    code: '09',
    name: 'Kaiserslautern-West',
    kind: 'kernstadt',
    hasOrtsbeirat: false,
    areaKm2: 9.7,
    postalCodes: ['67657', '67659'],
    lat: 49.4468,
    lon: 7.7298,
    population2025: 11500,
    foreignShare2025: 0.27,
  },
  {
    code: '10',
    name: 'Erzhütten-Wiesenthalerhof',
    kind: 'ortsbezirk',
    hasOrtsbeirat: true,
    areaKm2: 6.38,
    postalCodes: ['67663'],
    lat: 49.4186,
    lon: 7.7712,
    population2025: 2700,
    foreignShare2025: 0.11,
  },
  {
    code: '11',
    name: 'Einsiedlerhof',
    kind: 'ortsbezirk',
    hasOrtsbeirat: true,
    areaKm2: 7.5,
    postalCodes: ['67661'],
    lat: 49.4419,
    lon: 7.6711,
    population2025: 1300,
    foreignShare2025: 0.16,
  },
  {
    code: '12',
    name: 'Morlautern',
    kind: 'ortsbezirk',
    hasOrtsbeirat: true,
    areaKm2: 4.52,
    postalCodes: ['67659'],
    lat: 49.4699,
    lon: 7.7841,
    population2025: 3100,
    foreignShare2025: 0.07,
  },
  {
    code: '13',
    name: 'Erlenbach',
    kind: 'ortsbezirk',
    hasOrtsbeirat: true,
    areaKm2: 5.3,
    postalCodes: ['67659'],
    lat: 49.4812,
    lon: 7.7698,
    population2025: 2350,
    foreignShare2025: 0.06,
  },
  {
    code: '14',
    name: 'Mölschbach',
    kind: 'ortsbezirk',
    hasOrtsbeirat: true,
    areaKm2: 9.1,
    postalCodes: ['67661'],
    lat: 49.3986,
    lon: 7.7534,
    population2025: 1170,
    foreignShare2025: 0.05,
  },
  {
    code: '15',
    name: 'Dansenberg',
    kind: 'ortsbezirk',
    hasOrtsbeirat: true,
    areaKm2: 4.92,
    postalCodes: ['67661'],
    lat: 49.4115,
    lon: 7.7232,
    population2025: 2600,
    foreignShare2025: 0.06,
  },
  {
    code: '16',
    name: 'Hohenecken',
    kind: 'ortsbezirk',
    hasOrtsbeirat: true,
    areaKm2: 11.2,
    postalCodes: ['67661'],
    lat: 49.4167,
    lon: 7.7001,
    population2025: 3600,
    foreignShare2025: 0.07,
  },
  {
    code: '17',
    name: 'Siegelbach',
    kind: 'ortsbezirk',
    hasOrtsbeirat: true,
    areaKm2: 4.84,
    postalCodes: ['67661'],
    lat: 49.4681,
    lon: 7.6998,
    population2025: 2950,
    foreignShare2025: 0.08,
  },
  {
    code: '18',
    name: 'Erfenbach',
    kind: 'ortsbezirk',
    hasOrtsbeirat: true,
    areaKm2: 6.3,
    postalCodes: ['67659'],
    lat: 49.4742,
    lon: 7.7312,
    population2025: 2880,
    foreignShare2025: 0.07,
  },
]

/** City totals 31.12., REGISTER_MAIN. */
export const CITY_POPULATION: Readonly<Record<number, number>> = {
  2015: 99600,
  2016: 100569,
  2017: 100800,
  2018: 101000,
  2019: 100900,
  2020: 100300,
  2021: 100600,
  2022: 102200,
  2023: 101961,
  2024: 102000,
  2025: 102050,
  2026: 102000,
}

/** Districts and years a profile covers: `tiny` keeps all 18 districts but only two years. */
export function profileYears(profile: SeedProfile): number[] {
  const from = profile === 'tiny' ? 2024 : FIRST_DATA_YEAR
  return Array.from({ length: LAST_DATA_YEAR - from + 1 }, (_, i) => from + i)
}
