import {
  CITY_AGS,
  DISTRICTS,
  FIRST_DATA_YEAR,
  LAST_DATA_YEAR,
  REFERENCE_DATE,
  profileYears,
  type SeedProfile,
} from '../../../platform/city.js'
import { createRng, type Rng } from '../../../lib/seed/prng.js'
import type { InvestmentCategory, InvestmentMeasureTable, InvestmentStatus, InvestmentValueTable } from '../db.js'

/**
 * Investment measures of the Finanzhaushalt (docs/data-model.md#demo-data): hand-written LED programme with
 * the real "LED Hauptverkehrsstraßen Teil I" [V], and drawn school, road, Kita, IT and other
 * measures whose yearly payments add up to € 45–70 M (schools 15–25, roads 8–15, Kitas 3–8, IT 2–4).
 * Ids are Investitionsnummern `<Teilhaushalt>.<Produktgruppe><running number>`.
 */

interface LedSpec {
  name: string
  district: string | null
  from: number
  to: number
  cost: number
  funding: [number, string] | null
}

const LED_MEASURES: readonly LedSpec[] = [
  { name: 'LED Hauptverkehrsstraßen Teil I', district: null, from: 2018, to: 2019, cost: 366_000, funding: [0.25, 'NKI BMUV'] },
  { name: 'LED Kofferleuchten in vier Stadtteilen', district: null, from: 2015, to: 2015, cost: 312_000, funding: [0.2, 'NKI BMUV'] },
  { name: 'LED Hauptverkehrsstraßen Teil II', district: null, from: 2020, to: 2021, cost: 548_000, funding: [0.25, 'NKI BMUV'] },
  { name: 'LED Wohnstraßen Innenstadt-Ost', district: '01', from: 2021, to: 2022, cost: 432_000, funding: null },
  { name: 'LED Umrüstung Kaiserslautern-West', district: '09', from: 2022, to: 2023, cost: 615_000, funding: [0.25, 'NKI BMUV'] },
  { name: 'LED Umrüstung Erfenbach und Siegelbach', district: '18', from: 2023, to: 2024, cost: 384_000, funding: null },
  { name: 'LED Umrüstung Betzenberg', district: '06', from: 2024, to: 2025, cost: 468_000, funding: [0.5, 'KIPKI RLP'] },
  { name: 'LED Restumrüstung HQL-Leuchten stadtweit', district: null, from: 2025, to: 2027, cost: 2_150_000, funding: [0.5, 'KIPKI RLP'] },
]

/** Städtische Schulen with the product paying for them and an assumed location [S]. */
const SCHOOLS: ReadonlyArray<[name: string, product: string, district: string]> = [
  ['Barbarossaschule', '2111', '01'],
  ['Schillerschule', '2111', '02'],
  ['Kottenschule', '2111', '03'],
  ['Stresemannschule', '2111', '04'],
  ['Stiftswaldschule', '2111', '05'],
  ['Betzenberg-Grundschule', '2111', '06'],
  ['Pestalozzischule', '2111', '07'],
  ['Grundschule Bännjerrück', '2111', '08'],
  ['Röhmschule', '2111', '09'],
  ['Grundschule Erzhütten', '2112', '10'],
  ['Grundschule Morlautern', '2112', '12'],
  ['Grundschule Erlenbach', '2112', '13'],
  ['Grundschule Dansenberg', '2112', '15'],
  ['Grundschule Hohenecken', '2112', '16'],
  ['Grundschule Erfenbach', '2112', '18'],
  ['Kurpfalz-Realschule plus', '2151', '05'],
  ['Lina-Pfaff-Realschule plus', '2152', '09'],
  ['Burggymnasium', '2171', '01'],
  ['Albert-Schweitzer-Gymnasium', '2171', '02'],
  ['Gymnasium am Rittersberg', '2171', '03'],
  ['Hohenstaufen-Gymnasium', '2171', '04'],
  ['IGS Goetheschule', '2181', '01'],
  ['IGS Bertha-von-Suttner', '2182', '07'],
  ['BBS I Technik', '2311', '04'],
  ['BBS II Wirtschaft', '2312', '02'],
]
const SCHOOL_WORKS = [
  'Generalsanierung',
  'Brandschutzsanierung',
  'Dach- und Fassadensanierung',
  'Erweiterungsbau',
  'Sanierung der Sporthalle',
  'Neubau Mensa',
  'Fenstersanierung',
  'Sanierung der Sanitäranlagen',
]

const STREETS: Readonly<Record<string, string[]>> = {
  '01': ['Fackelstraße', 'Mühlstraße'],
  '02': ['Trippstadter Straße', 'Logenstraße'],
  '03': ['Pariser Straße', 'Königstraße'],
  '04': ['Mainzer Straße', 'Lauterstraße'],
  '05': ['Mannheimer Straße', 'Donnersbergstraße'],
  '06': ['Entersweilerstraße'],
  '07': ['Vogelwoogstraße'],
  '08': ['Hertelsbrunnenring'],
  '09': ['Merkurstraße', 'Kaiserstraße'],
  '10': ['Erzhütter Straße'],
  '11': ['Opelkreisel'],
  '12': ['Morlauterer Hauptstraße'],
  '13': ['Erlenbacher Straße'],
  '14': ['Mölschbacher Hauptstraße'],
  '15': ['Dansenberger Straße'],
  '16': ['Schloßstraße'],
  '17': ['Siegelbacher Hauptstraße'],
  '18': ['Erfenbacher Hauptstraße'],
}
const ROAD_WORKS = ['Grundhafter Ausbau', 'Fahrbahnsanierung', 'Umgestaltung und Radweg', 'Kanal- und Straßenerneuerung', 'Gehwegsanierung']
const CITY_ROADS = [
  'Brückensanierung Lauterbrücken',
  'Fahrbahndeckenprogramm',
  'Radverkehrskonzept Umsetzung',
  'Lichtsignalanlagen Erneuerung',
  'Barrierefreie Bushaltestellen',
]
const IT_WORKS = [
  'Digitalisierung Bürgerdienste (OZG)',
  'E-Akte',
  'Netzwerk und Rechenzentrum',
  'Digitalpakt Schulen',
  'Ratsinformationssystem',
  'Geodateninfrastruktur',
  'Arbeitsplatz-IT',
]

interface DrawnSpec {
  category: InvestmentCategory
  perYear: number
  cost: [number, number]
  years: [number, number]
}
const DRAWN: readonly DrawnSpec[] = [
  { category: 'SCHULE', perYear: 2.8, cost: [1.5e6, 15e6], years: [2, 4] },
  { category: 'STRASSE', perYear: 3.6, cost: [0.5e6, 7e6], years: [1, 3] },
  { category: 'KITA', perYear: 1.5, cost: [1e6, 6e6], years: [1, 3] },
  { category: 'IT', perYear: 1, cost: [1.5e6, 4.5e6], years: [1, 3] },
]

/** The Pfaff-Areal conversion (Innenstadt-West/Kotten [S]) and other large measures. */
const OTHER_MEASURES: ReadonlyArray<
  [name: string, product: string, district: string | null, from: number, to: number, costM: number, funding: [number, string] | null]
> = [
  ['Pfaff-Areal: Abbruch und Flächenrecycling', '5112', '03', 2015, 2019, 14, [0.6, 'Städtebauförderung']],
  ['Pfaff-Areal: Erschließung Bauabschnitt 1', '5112', '03', 2018, 2022, 18, [0.6, 'Städtebauförderung']],
  ['Pfaff-Areal: Erschließung Bauabschnitt 2', '5112', '03', 2022, 2027, 21, [0.6, 'Städtebauförderung']],
  ['Pfaff-Areal: Quartiersplatz und Grünzug', '5511', '03', 2024, 2028, 8, [0.6, 'Städtebauförderung']],
  ['Feuerwache Nord: Neubau', '1261', '12', 2019, 2023, 16, [0.2, 'Land RLP Brandschutz']],
  ['Löschfahrzeuge Ersatzbeschaffung', '1262', null, 2015, 2026, 9, [0.3, 'Land RLP Brandschutz']],
  ['Warmfreibad: Sanierung', '4242', '16', 2017, 2020, 7.5, [0.3, 'Sportstättenförderung']],
  ['Sporthallen: energetische Sanierung', '4241', null, 2021, 2026, 8, [0.45, 'Bundesprogramm Sanierung kommunaler Einrichtungen']],
  ['Stadtbibliothek: Modernisierung', '2721', '01', 2023, 2025, 3.2, null],
  ['Verwaltungsgebäude Rathaus: Sanierung Sitzungsetage', '1151', '01', 2016, 2018, 4.5, null],
  ['Spielplätze und Grünanlagen Programm', '5511', null, 2015, 2029, 11, null],
  ['Soziale Stadt Kaiserslautern-West', '5112', '09', 2016, 2024, 12, [0.65, 'Städtebauförderung']],
]

/** Measures starting before the data window only contribute their later years. */
const FIRST_START = 2014
const LAST_START = 2029
const FINANZPLAN_END = 2029

export interface InvestmentSeed {
  measures: InvestmentMeasureTable[]
  values: InvestmentValueTable[]
}

export function investmentRows(profile: SeedProfile): InvestmentSeed {
  const firstYear = profileYears(profile)[0]
  const measures: InvestmentMeasureTable[] = []
  const values: InvestmentValueTable[] = []
  const seq = new Map<string, number>()
  const add = (m: Omit<InvestmentMeasureTable, 'id' | 'ags' | 'status'>, teilhaushalt: string, rng: Rng) => {
    const group = m.product_code!.slice(0, 3)
    const n = (seq.get(group) ?? 0) + 1
    seq.set(group, n)
    const status = measureStatus(m.start_year!, m.end_year!, rng)
    const measure = { ...m, id: `${teilhaushalt}.${group}${String(n).padStart(3, '0')}`, ags: CITY_AGS, status }
    measures.push(measure)
    values.push(...yearValues(measure, firstYear, rng))
  }

  const ledRng = createRng('fin', 'investment_measure', 'LED')
  for (const led of LED_MEASURES) {
    add(
      {
        name: led.name,
        product_code: '5413',
        district_code: led.district,
        category: 'LED',
        total_cost: led.cost,
        start_year: led.from,
        end_year: led.to,
        funding_share: led.funding?.[0] ?? null,
        funding_source: led.funding?.[1] ?? null,
      },
      '7',
      ledRng,
    )
  }
  for (const spec of DRAWN) {
    const rng = createRng('fin', 'investment_measure', spec.category)
    const used = new Set<string>()
    for (let start = FIRST_START; start <= LAST_START; start++) {
      for (let k = rng.poisson(spec.perYear); k > 0; k--) {
        const years = rng.int(spec.years[0], spec.years[1])
        const where = locate(spec.category, rng)
        const cost = Math.round((spec.cost[0] + rng.next() * (spec.cost[1] - spec.cost[0])) / 1000) * 1000
        const end = Math.min(start + years - 1, FINANZPLAN_END)
        if (end < FIRST_DATA_YEAR) continue
        const name = uniqueName(where.name, used)
        const funded = rng.chance(where.fundingChance)
        add(
          {
            name,
            product_code: where.product,
            district_code: where.district,
            category: spec.category,
            total_cost: cost,
            start_year: start,
            end_year: end,
            funding_share: funded ? Math.round((0.2 + rng.next() * 0.5) * 100) / 100 : null,
            funding_source: funded ? where.fundingSource : null,
          },
          where.teilhaushalt,
          rng,
        )
      }
    }
  }
  const otherRng = createRng('fin', 'investment_measure', 'SONSTIGE')
  for (const [name, product, district, from, to, costM, funding] of OTHER_MEASURES) {
    add(
      {
        name,
        product_code: product,
        district_code: district,
        category: 'SONSTIGE',
        total_cost: costM * 1e6,
        start_year: from,
        end_year: to,
        funding_share: funding?.[0] ?? null,
        funding_source: funding?.[1] ?? null,
      },
      teilhaushaltOf(product),
      otherRng,
    )
  }
  return { measures, values }
}

interface Location {
  name: string
  product: string
  district: string | null
  teilhaushalt: string
  fundingChance: number
  fundingSource: string
}

function locate(category: InvestmentCategory, rng: Rng): Location {
  if (category === 'SCHULE') {
    const [school, product, district] = rng.pick(SCHOOLS)
    return {
      name: `${rng.pick(SCHOOL_WORKS)} ${school}`,
      product,
      district,
      teilhaushalt: '3',
      fundingChance: 0.6,
      fundingSource: 'Schulbauförderung Land RLP',
    }
  }
  if (category === 'IT') {
    return {
      name: rng.pick(IT_WORKS),
      product: '1113',
      district: null,
      teilhaushalt: '1',
      fundingChance: 0.2,
      fundingSource: 'DigitalPakt Schule',
    }
  }
  if (category === 'STRASSE' && rng.chance(0.2)) {
    return {
      name: rng.pick(CITY_ROADS),
      product: rng.chance(0.3) ? '5412' : '5411',
      district: null,
      teilhaushalt: '7',
      fundingChance: 0.4,
      fundingSource: 'LVFGKom',
    }
  }
  const district = weightedDistrict(rng)
  if (category === 'STRASSE') {
    return {
      name: `${rng.pick(ROAD_WORKS)} ${rng.pick(STREETS[district.code])}`,
      product: '5411',
      district: district.code,
      teilhaushalt: '7',
      fundingChance: 0.4,
      fundingSource: 'LVFGKom',
    }
  }
  return {
    name: `${rng.pick(['Neubau', 'Erweiterung', 'Sanierung'])} Kita ${district.name.split('/')[0]}`,
    product: '3652',
    district: district.code,
    teilhaushalt: '6',
    fundingChance: 0.5,
    fundingSource: 'Kita-Ausbauprogramm Bund/Land',
  }
}

/** Districts are drawn in proportion to their residents. */
function weightedDistrict(rng: Rng) {
  const total = DISTRICTS.reduce((s, d) => s + d.population2025, 0)
  let x = rng.next() * total
  for (const d of DISTRICTS) {
    x -= d.population2025
    if (x < 0) return d
  }
  return DISTRICTS[DISTRICTS.length - 1]
}

function uniqueName(name: string, used: Set<string>): string {
  let candidate = name
  for (let n = 2; used.has(candidate); n++) candidate = `${name} (${n}. Abschnitt)`
  used.add(candidate)
  return candidate
}

const REFERENCE_YEAR = Number(REFERENCE_DATE.slice(0, 4))

function measureStatus(start: number, end: number, rng: Rng): InvestmentStatus {
  if (start > REFERENCE_YEAR) return 'GEPLANT'
  if (end < REFERENCE_YEAR) return 'ABGESCHLOSSEN'
  return rng.chance(0.05) ? 'GESTOPPT' : 'LAUFEND'
}

/** Ansatz spread over the measure's years (the first and last year lighter); Ist up to 2025 lags the plan. */
function yearValues(m: InvestmentMeasureTable, firstYear: number, rng: Rng): InvestmentValueTable[] {
  const years = Array.from({ length: m.end_year! - m.start_year! + 1 }, (_, i) => m.start_year! + i)
  const weights = years.map((_, i) => (years.length > 2 && (i === 0 || i === years.length - 1) ? 0.6 : 1) * (0.8 + rng.next() * 0.4))
  const total = weights.reduce((a, b) => a + b, 0)
  const rows: InvestmentValueTable[] = []
  years.forEach((year, i) => {
    const ansatz = Math.round(((m.total_cost * weights[i]) / total) * 100) / 100
    const ist = Math.max(0, Math.round(ansatz * rng.normal(0.9, 0.12) * 100) / 100)
    if (year < firstYear) return
    rows.push({ measure_id: m.id, year, version: 'ANSATZ', amount: ansatz })
    if (year < LAST_DATA_YEAR && m.status !== 'GEPLANT') rows.push({ measure_id: m.id, year, version: 'IST', amount: ist })
  })
  return rows
}

function teilhaushaltOf(product: string): string {
  return { 1: '1', 2: '4', 4: '9', 5: '8' }[product[0]] ?? (product.startsWith('12') ? '2' : '8')
}
