import { CITY_AGS, CITY_POPULATION } from '../../../platform/city.js'
import { createRng } from '../../../lib/seed/prng.js'

export type OfficialTotalRow = {
  stichtag: string
  ags: string
  basis: 'OFFICIAL_UPDATE' | 'CENSUS'
  total: number
  male: number
  female: number
}

/** Kaiserslautern's official figures [V]: Fortschreibung 2022/2023 and Zensus 2022 (Stichtag 15.5.2022). */
const CITY_ANCHORS: Record<number, number> = { 2022: 101228, 2023: 101486 }
const CITY_CENSUS = { stichtag: '2022-05-15', total: 99687, male: 50082, female: 49605 }

/** The other kreisfreie Städte of Rhineland-Palatinate, official totals 2015 and 2025 [S, plausible magnitudes]. */
const PEERS: Array<[ags: string, y2015: number, y2025: number]> = [
  ['07111000', 112586, 114900], // Koblenz
  ['07211000', 114914, 111300], // Trier
  ['07311000', 48363, 49100], // Frankenthal (Pfalz)
  ['07313000', 46292, 47600], // Landau in der Pfalz
  ['07314000', 163832, 174100], // Ludwigshafen am Rhein
  ['07315000', 209779, 220600], // Mainz
  ['07316000', 52855, 53700], // Neustadt an der Weinstraße
  ['07317000', 40416, 40300], // Pirmasens
  ['07318000', 50378, 51100], // Speyer
  ['07319000', 82102, 84600], // Worms
  ['07320000', 34260, 34500], // Zweibrücken
]

/** A Fortschreibung exists up to the last 31.12. before the reference date. */
export function generateOfficialTotals(years: readonly number[], referenceDate: string): OfficialTotalRow[] {
  const rows: OfficialTotalRow[] = []
  const published = years.filter(y => `${y}-12-31` < referenceDate)
  const split = (total: number, maleShare: number) => {
    const male = Math.round(total * maleShare)
    return { total, male, female: total - male }
  }
  for (const year of published) {
    // Official figures run ≈ 0.5 % below the register (deregistrations the register has not processed yet).
    const total = CITY_ANCHORS[year] ?? Math.round(CITY_POPULATION[year] * 0.995)
    rows.push({ stichtag: `${year}-12-31`, ags: CITY_AGS, basis: 'OFFICIAL_UPDATE', ...split(total, 0.502) })
  }
  if (published.includes(2022))
    rows.push({
      stichtag: CITY_CENSUS.stichtag,
      ags: CITY_AGS,
      basis: 'CENSUS',
      total: CITY_CENSUS.total,
      male: CITY_CENSUS.male,
      female: CITY_CENSUS.female,
    })
  for (const [ags, from, to] of PEERS) {
    const rng = createRng('pop', 'official_total', ags)
    const maleShare = 0.49 + rng.next() * 0.01
    for (const year of published) {
      const trend = from + ((to - from) * (year - 2015)) / 10
      const total = Math.round(trend * (1 + rng.normal(0, 0.002)))
      rows.push({ stichtag: `${year}-12-31`, ags, basis: 'OFFICIAL_UPDATE', ...split(total, maleShare) })
      // The census counted fewer people than the Fortschreibung had carried forward, as in most cities.
      if (year === 2022)
        rows.push({ stichtag: '2022-05-15', ags, basis: 'CENSUS', ...split(Math.round(total * (0.965 + rng.next() * 0.02)), maleShare) })
    }
  }
  return rows
}
