import { CITY_AGS, CITY_POPULATION, DISTRICTS, type DistrictFact } from '../../../platform/city.js'
import { createRng, type Rng } from '../../../lib/seed/prng.js'
import { MAX_AGE } from '../age-groups.js'
import { ageSexWeights, secondaryResidenceWeights } from './age-profiles.js'
import { apportion } from '../../../lib/seed/apportion.js'
import {
  FOREIGN_GROUPS,
  NATIONALITY_GROUPS,
  foreignGroupShares,
  foreignShare,
  type ForeignGroup,
  type NationalityGroup,
} from './nationality-groups.js'

export type StockRow = {
  stichtag: string
  ags: string
  district_code: string
  age: number
  sex: 'M' | 'W' | 'D' | 'X'
  nationality_group: NationalityGroup
  n: number
}

/** What the movement generator needs to know about a district's stock at one Stichtag. */
export interface DistrictStock {
  total: number
  foreigners: number
  aged65Plus: number
}

const AGES = MAX_AGE + 1
const CLUMP = 5
const SEXES = ['M', 'W', 'D', 'X'] as const
const GROUPS_IN_KEY_ORDER = [...NATIONALITY_GROUPS].sort()
/** Cells per nationality group: index = sex * AGES + age. */
type Cells = Map<NationalityGroup, number[]>

/** Slow drift per district before scaling to the city total: the university quarter grows, villages age. */
function drift(code: string): number {
  if (code === '07') return 0.006
  if (['01', '03', '09'].includes(code)) return 0.004
  return Number(code) >= 10 ? -0.002 : 0.001
}

/** District totals of a year, apportioned so the 18 districts sum exactly to CITY_POPULATION (the test oracle). */
export function districtTotals(year: number): Map<string, number> {
  const weights = DISTRICTS.map(d => d.population2025 * (1 + drift(d.code) * (year - 2025)))
  const totals = apportion(CITY_POPULATION[year], weights)
  return new Map(DISTRICTS.map((d, i) => [d.code, totals[i]]))
}

function jitter(rng: Rng, weights: readonly number[], sd: number): number[] {
  return weights.map(w => w * Math.max(0.05, 1 + rng.normal(0, sd)))
}

function foreignTilt(code: string, group: ForeignGroup): number {
  if (code === '07' && (group === 'IND' || group === 'IDN')) return 3
  if (code === '11' && group === 'USA') return 5 // US forces' housing near the Einsiedlerhof air base
  if (['03', '09'].includes(code) && (group === 'SYR' || group === 'UKR')) return 1.3
  if (Number(code) >= 10 && (group === 'SYR' || group === 'AFG')) return 0.6
  return 1
}

const weightCache = new Map<string, number[]>()
function cachedWeights(group: NationalityGroup, code: string): number[] {
  const key = `${group}|${code}`
  let w = weightCache.get(key)
  if (!w) {
    w = [...ageSexWeights(group, code), ...new Array(2 * AGES).fill(0)]
    weightCache.set(key, w)
  }
  return w
}

/**
 * Foreigners arrive as families and student cohorts: placing them in clumps of five persons of
 * the same age and sex (plus a remainder of 1–2) keeps the table small and still leaves the small
 * cells that disclosure control must handle.
 */
function clumped(rng: Rng, count: number, weights: readonly number[]): number[] {
  const clumps = apportion(Math.floor(count / CLUMP), jitter(rng, weights, 0.3))
  const rest = apportion(count % CLUMP, jitter(rng, weights, 0.3))
  return clumps.map((n, j) => n * CLUMP + rest[j])
}

function mainResidents(rng: Rng, d: DistrictFact, year: number, total: number): Cells {
  const foreigners = Math.round(total * foreignShare(d.foreignShare2025, year))
  const shares = foreignGroupShares(year)
  const groupWeights = jitter(
    rng,
    [...FOREIGN_GROUPS, 'OTHER' as const].map(g => shares[g] * foreignTilt(d.code, g)),
    0.1,
  )
  const groupCounts = [total - foreigners, ...apportion(foreigners, groupWeights)]
  const cells: Cells = new Map()
  NATIONALITY_GROUPS.forEach((g, i) =>
    cells.set(
      g,
      g === 'DEU'
        ? apportion(groupCounts[i], jitter(rng, cachedWeights(g, d.code), 0.08))
        : clumped(rng, groupCounts[i], cachedWeights(g, d.code)),
    ),
  )
  // Since 2018 the register knows "divers" and "ohne Angabe" (≈ 0.03 %): move a few persons there.
  for (let k = rng.poisson(total * 0.0003), tries = 0; k > 0 && tries < 100; tries++) {
    const group = rng.chance(0.85) ? 'DEU' : rng.pick(FOREIGN_GROUPS)
    const c = cells.get(group)!
    const from = rng.int(0, 1) * AGES + rng.int(16, 70)
    if (c[from] < 2) continue
    c[from]--
    c[(rng.chance(0.5) ? 2 : 3) * AGES + (from % AGES)]++
    k--
  }
  return cells
}

/**
 * Secondary residences (REGISTER_ALL − REGISTER_MAIN ≈ 1.6 % [V 2023: 103,612 vs 101,961]): mostly
 * students. Only these extra persons are generated; the seed adds them to the main residents in SQL.
 */
function secondaryResidences(rng: Rng, code: string, total: number): Cells {
  const rate = code === '07' ? 0.05 : ['01', '02', '03', '04'].includes(code) ? 0.02 : 0.006
  const groups: NationalityGroup[] = ['DEU', 'IND', 'IDN', 'OTHER']
  const counts = apportion(Math.round(total * rate), [0.8, 0.05, 0.05, 0.1])
  return new Map(groups.map((g, i) => [g, clumped(rng, counts[i], [...secondaryResidenceWeights(), ...new Array(2 * AGES).fill(0)])]))
}

/** Rows in primary-key order (age, sex, nationality), which keeps index inserts append-only. */
function rowsOf(cells: Cells, stichtag: string, code: string, out: StockRow[]): void {
  for (let age = 0; age < AGES; age++) {
    for (let sex = 0; sex < SEXES.length; sex++) {
      for (const group of GROUPS_IN_KEY_ORDER) {
        const n = cells.get(group)?.[sex * AGES + age] ?? 0
        if (n > 0) out.push({ stichtag, ags: CITY_AGS, district_code: code, age, sex: SEXES[sex], nationality_group: group, n })
      }
    }
  }
}

function summarise(cells: Cells): DistrictStock {
  let total = 0
  let foreigners = 0
  let aged65Plus = 0
  for (const [group, c] of cells) {
    c.forEach((n, j) => {
      total += n
      if (group !== 'DEU') foreigners += n
      if (j % AGES >= 65) aged65Plus += n
    })
  }
  return { total, foreigners, aged65Plus }
}

/**
 * Register stock at 31.12. of each year, per district × single year of age × sex × nationality
 * group (main residents), plus the secondary residences that make up REGISTER_ALL; zero cells are omitted.
 */
export function generateStock(years: readonly number[]): {
  main: StockRow[]
  secondary: StockRow[]
  districts: Map<string, DistrictStock>
} {
  const main: StockRow[] = []
  const secondary: StockRow[] = []
  const districts = new Map<string, DistrictStock>()
  for (const year of years) {
    const totals = districtTotals(year)
    const stichtag = `${year}-12-31`
    for (const d of DISTRICTS) {
      const rng = createRng('pop', 'stock', year, d.code)
      const cells = mainResidents(rng, d, year, totals.get(d.code)!)
      rowsOf(cells, stichtag, d.code, main)
      rowsOf(secondaryResidences(rng, d.code, totals.get(d.code)!), stichtag, d.code, secondary)
      districts.set(`${year}|${d.code}`, summarise(cells))
    }
  }
  return { main, secondary, districts }
}
