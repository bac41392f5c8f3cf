import { CITY_AGS, DISTRICTS } from '../../../platform/city.js'
import { createRng, type Rng } from '../../../lib/seed/prng.js'
import { apportion } from '../../../lib/seed/apportion.js'
import { foreignGroupShares } from './nationality-groups.js'
import type { DistrictStock } from './stock-generator.js'

export const MOVEMENT_KINDS = ['BIRTH', 'DEATH', 'IN_EXTERNAL', 'OUT_EXTERNAL', 'IN_INTERNAL', 'OUT_INTERNAL', 'NATURALISATION'] as const
export type MovementKind = (typeof MOVEMENT_KINDS)[number]
export const MOVEMENT_AGE_GROUPS = ['0-17', '18-24', '25-44', '45-64', '65+'] as const

export type MovementRow = {
  month: string
  ags: string
  district_code: string
  kind: MovementKind
  age_group: string
  sex: 'M' | 'W'
  nationality_group: MovementNationality
  n: number
}

/** Age-group weights per kind (MOVEMENT_AGE_GROUPS order) [S]: migration peaks at 18–24 (university). */
const AGE_WEIGHTS: Record<MovementKind, number[]> = {
  BIRTH: [1, 0, 0, 0, 0],
  DEATH: [0.01, 0.005, 0.03, 0.16, 0.795],
  IN_EXTERNAL: [0.14, 0.38, 0.33, 0.1, 0.05],
  OUT_EXTERNAL: [0.13, 0.3, 0.38, 0.12, 0.07],
  IN_INTERNAL: [0.18, 0.2, 0.4, 0.13, 0.09],
  OUT_INTERNAL: [0.18, 0.2, 0.4, 0.13, 0.09],
  NATURALISATION: [0.2, 0.15, 0.45, 0.17, 0.03],
}

/** Month weights (Jan…Dec): semester start in October, deaths in winter. */
const MONTH_WEIGHTS: Record<'DEFAULT' | 'MIGRATION' | 'DEATH' | 'UKRAINE', number[]> = {
  DEFAULT: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
  MIGRATION: [0.9, 0.8, 0.9, 1.2, 0.9, 0.8, 0.9, 1, 1.3, 2.4, 1.1, 0.8],
  DEATH: [1.3, 1.2, 1.1, 1, 0.9, 0.8, 0.8, 0.8, 0.9, 1, 1.1, 1.3],
  UKRAINE: [0, 0, 3, 4, 2, 1, 0.5, 0.3, 0.3, 0.2, 0.2, 0.2],
}

function pick(rng: Rng, weights: readonly number[]): number {
  const sum = weights.reduce((a, w) => a + w, 0)
  let r = rng.next() * sum
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i]
    if (r < 0) return i
  }
  return weights.length - 1
}

/**
 * Movements are kept at a coarser nationality grain than the stock (docs/data-model.md#demo-data): Germans,
 * the two largest foreign groups, and OTHER for every other foreign nationality.
 */
export const MOVEMENT_NATIONALITY_GROUPS = ['DEU', 'SYR', 'UKR', 'OTHER'] as const
type MovementNationality = (typeof MOVEMENT_NATIONALITY_GROUPS)[number]

/** Nationality weights of movers: foreigners move far more often than Germans. */
function nationalityWeights(kind: MovementKind, year: number, foreignShare: number): number[] {
  const shares = foreignGroupShares(year)
  const foreign =
    kind === 'NATURALISATION'
      ? 1
      : kind === 'BIRTH'
        ? foreignShare * 0.9
        : kind === 'DEATH'
          ? foreignShare * 0.3
          : Math.min(0.8, foreignShare * 2.2)
  return [1 - foreign, foreign * shares.SYR, foreign * shares.UKR, foreign * (1 - shares.SYR - shares.UKR)]
}

/** Cells per month: district × kind × age group × sex × nationality, decoded by rowOf. */
const DIMS = DISTRICTS.length * MOVEMENT_KINDS.length * MOVEMENT_AGE_GROUPS.length * 2 * MOVEMENT_NATIONALITY_GROUPS.length

function rowOf(year: number, index: number, n: number): MovementRow {
  let j = index
  const nationality = j % 4
  j = Math.floor(j / 4)
  const sex = j % 2
  j = Math.floor(j / 2)
  const age = j % MOVEMENT_AGE_GROUPS.length
  j = Math.floor(j / MOVEMENT_AGE_GROUPS.length)
  const kind = j % MOVEMENT_KINDS.length
  j = Math.floor(j / MOVEMENT_KINDS.length)
  const district = j % DISTRICTS.length
  const month = Math.floor(j / DISTRICTS.length) + 1
  return {
    month: `${year}-${String(month).padStart(2, '0')}-01`,
    ags: CITY_AGS,
    district_code: DISTRICTS[district].code,
    kind: MOVEMENT_KINDS[kind],
    age_group: MOVEMENT_AGE_GROUPS[age],
    sex: sex === 0 ? 'M' : 'W',
    nationality_group: MOVEMENT_NATIONALITY_GROUPS[nationality],
    n,
  }
}

interface Flow {
  kind: MovementKind
  n: number
  months: 'DEFAULT' | 'MIGRATION' | 'DEATH' | 'UKRAINE'
  nationality?: number
}

/**
 * Monthly movements per district × kind × age group × sex × nationality. Totals are drawn so that
 * per district and year births − deaths + in − out (external and internal) equals the change of
 * the REGISTER_MAIN stock (docs/data-model.md#invariants, invariant 1); internal moves net to 0 city-wide.
 * A year after the reference date's last full month is cut there (year to date).
 */
export function generateMovements(
  years: readonly number[],
  stock: ReadonlyMap<string, DistrictStock>,
  referenceDate: string,
): MovementRow[] {
  const rows: MovementRow[] = []
  for (const year of years) {
    const months = year < Number(referenceDate.slice(0, 4)) ? 12 : Number(referenceDate.slice(5, 7)) - 1
    if (months <= 0) continue
    const part = months / 12
    const rng = createRng('pop', 'movement', year)
    const counts = new Int32Array(months * DIMS)
    const pops = DISTRICTS.map(d => stock.get(`${year}|${d.code}`)!.total)
    const internal = Math.round(7000 * part * (1 + rng.normal(0, 0.04)))
    const internalIn = apportion(
      internal,
      pops.map(p => p * Math.max(0.2, 1 + rng.normal(0, 0.15))),
    )
    const internalOut = apportion(
      internal,
      pops.map(p => p * Math.max(0.2, 1 + rng.normal(0, 0.15))),
    )
    const ukraine =
      year === 2022
        ? apportion(
            1550,
            DISTRICTS.map((d, i) => pops[i] * d.foreignShare2025),
          )
        : DISTRICTS.map(() => 0)
    DISTRICTS.forEach((d, i) => {
      const now = stock.get(`${year}|${d.code}`)!
      const before = stock.get(`${year - 1}|${d.code}`)
      const births = rng.poisson(now.total * 0.0096 * part * (d.code === '07' ? 0.7 : 1))
      const deaths = rng.poisson(now.aged65Plus * 0.063 * part)
      let inExternal = rng.poisson(now.total * 0.085 * part * (d.code === '07' ? 1.8 : Number(d.code) >= 10 ? 0.6 : 1))
      let outExternal: number
      if (months < 12) outExternal = rng.poisson(now.total * 0.083 * part * (d.code === '07' ? 1.8 : Number(d.code) >= 10 ? 0.6 : 1))
      else {
        // The balance closes on the stock change; the first year has no predecessor, so assume +0.4 %.
        const change = before ? now.total - before.total : Math.round(now.total * 0.004)
        outExternal = births - deaths + inExternal + ukraine[i] + internalIn[i] - internalOut[i] - change
        const floor = Math.round(inExternal * 0.6)
        if (outExternal < floor) {
          inExternal += floor - outExternal
          outExternal = floor
        }
      }
      const flows: Flow[] = [
        { kind: 'BIRTH', n: births, months: 'DEFAULT' },
        { kind: 'DEATH', n: deaths, months: 'DEATH' },
        { kind: 'IN_EXTERNAL', n: inExternal, months: 'MIGRATION' },
        { kind: 'IN_EXTERNAL', n: ukraine[i], months: 'UKRAINE', nationality: 2 },
        { kind: 'OUT_EXTERNAL', n: outExternal, months: 'MIGRATION' },
        { kind: 'IN_INTERNAL', n: internalIn[i], months: 'DEFAULT' },
        { kind: 'OUT_INTERNAL', n: internalOut[i], months: 'DEFAULT' },
        { kind: 'NATURALISATION', n: rng.poisson(now.foreigners * 0.0125 * part), months: 'DEFAULT' },
      ]
      const foreignShare = now.foreigners / now.total
      for (const flow of flows) {
        const natWeights = nationalityWeights(flow.kind, year, foreignShare)
        const monthWeights = MONTH_WEIGHTS[flow.months].slice(0, months)
        const kind = MOVEMENT_KINDS.indexOf(flow.kind)
        // Movers come as households and student groups: one draw places a unit of ~3 persons.
        const household = flow.kind !== 'BIRTH' && flow.kind !== 'DEATH'
        for (let left = flow.n; left > 0;) {
          const unit = household ? Math.min(left, 1 + rng.poisson(2)) : 1
          left -= unit
          const month = pick(rng, monthWeights)
          const age = pick(rng, AGE_WEIGHTS[flow.kind])
          const sex = rng.chance(flow.kind === 'BIRTH' ? 0.513 : 0.5) ? 0 : 1
          const nationality = flow.nationality ?? pick(rng, natWeights)
          counts[month * DIMS + ((((i * MOVEMENT_KINDS.length + kind) * MOVEMENT_AGE_GROUPS.length + age) * 2 + sex) * 4 + nationality)] +=
            unit
        }
      }
    })
    counts.forEach((n, j) => {
      if (n > 0) rows.push(rowOf(year, j, n))
    })
  }
  return rows
}
