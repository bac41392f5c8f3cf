import type { DistrictsFiguresQuery } from '../../gql/graphql'
import { usable, type Stat } from '../../components/StatValue'

// Pure derivations for the district profile, the comparison and the tile map. A ratio keeps the status of its count
// (a rate of a perturbed count is perturbed, of a secret one secret); nothing is made up.

export type District = DistrictsFiguresQuery['districts'][number]

export type MetricKey =
  | 'residents'
  | 'density'
  | 'foreignerShare'
  | 'meanAge'
  | 'netMigration'
  | 'kitaCoverage'
  | 'eghPerThousand'
  | 'ledShare'
  | 'investPerCapita'

export const METRICS: readonly MetricKey[] = [
  'residents',
  'density',
  'foreignerShare',
  'meanAge',
  'netMigration',
  'kitaCoverage',
  'eghPerThousand',
  'ledShare',
  'investPerCapita',
]

export const isMetric = (s: string | null): s is MetricKey => !!s && (METRICS as readonly string[]).includes(s)

const NA: Stat = { value: null, status: 'NOT_AVAILABLE', flags: [] }
const exact = (v: number | null | undefined): Stat => (v == null ? NA : { value: v, status: 'EXACT', flags: [] })

/** numerator ÷ denominator × scale, the status following the count that may be perturbed or secret. */
export function ratio(count: Stat | null | undefined, denominator: number | null | undefined, scale: number): Stat {
  if (!count) return NA
  if (count.status === 'SECRET') return { value: null, status: 'SECRET', flags: [] }
  if (!usable(count) || !denominator) return NA
  return { ...count, value: (count.value / denominator) * scale }
}

/** Sum of two counts: secret or missing when one is. */
function add(a: Stat | null | undefined, b: Stat | null | undefined): Stat {
  if (a?.status === 'SECRET' || b?.status === 'SECRET') return { value: null, status: 'SECRET', flags: [] }
  if (!usable(a) || !usable(b)) return NA
  return { value: a.value + b.value, status: a.status === 'PERTURBED' || b.status === 'PERTURBED' ? 'PERTURBED' : 'EXACT', flags: [] }
}

export function children(d: District): Stat {
  return add(d.under3, d.age3to5)
}

export function metric(d: District, key: MetricKey): Stat {
  const total = d.population?.total
  switch (key) {
    case 'residents':
      return total ?? NA
    case 'density':
      return usable(total) && d.areaKm2 ? { ...total, value: total.value / d.areaKm2 } : NA
    case 'foreignerShare':
      return d.population?.foreignerShare ?? NA
    case 'meanAge':
      return d.population?.meanAge ?? NA
    case 'netMigration':
      return d.movements?.netMigration ?? NA
    case 'kitaCoverage': {
      const k = d.kitaPlaces
      if (!k) return NA
      const c = children(d)
      if (c.status === 'SECRET') return { value: null, status: 'SECRET', flags: [] }
      return usable(c) && c.value > 0 ? { ...c, value: (k.placesTotal / c.value) * 100 } : NA
    }
    case 'eghPerThousand':
      return ratio(d.eingliederungshilfeRecipients, usable(total) ? total.value : null, 1000)
    case 'ledShare':
      return exact(d.streetLighting?.ledShare)
    case 'investPerCapita': {
      const m = d.investmentPerCapita
      if (!m) return NA
      if (m.status === 'SECRET') return { value: null, status: 'SECRET', flags: [] }
      return m.amount == null ? NA : { value: m.amount, status: m.status, flags: [] }
    }
  }
}

export type SortDir = 'asc' | 'desc'

/** Districts sorted by a metric (missing and withheld values last) or by number. */
export function sortDistricts(ds: readonly District[], by: MetricKey | 'code' | 'name', dir: SortDir): District[] {
  const sign = dir === 'asc' ? 1 : -1
  return [...ds].sort((a, b) => {
    if (by === 'code') return sign * a.code.localeCompare(b.code)
    if (by === 'name') return sign * a.name.localeCompare(b.name, 'de')
    const x = metric(a, by)
    const y = metric(b, by)
    const ux = usable(x)
    const uy = usable(y)
    if (!ux && !uy) return a.code.localeCompare(b.code)
    if (!ux) return 1
    if (!uy) return -1
    return sign * ((x.value as number) - (y.value as number)) || a.code.localeCompare(b.code)
  })
}

export interface Cell {
  code: string
  col: number
  row: number
}

/**
 * A schematic tile map: each district a square of a grid, placed by the rank of its centroid's longitude (columns)
 * and latitude (rows), so the dense inner city spreads over the middle; a taken square sends the district to the
 * nearest free one. Districts without a centroid fill the last row.
 */
export function tileLayout(ds: readonly District[], cols = 6, rows = 5): Cell[] {
  const placed = ds.filter(d => d.centroid)
  const byLon = [...placed].sort((a, b) => a.centroid!.lon - b.centroid!.lon)
  const byLat = [...placed].sort((a, b) => b.centroid!.lat - a.centroid!.lat)
  const n = Math.max(1, placed.length - 1)
  const taken = new Set<string>()
  const cells: Cell[] = []
  // The inner city first: it is where squares are contested, and it should stay in the middle.
  const order = [...placed].sort((a, b) => (a.kind === b.kind ? a.code.localeCompare(b.code) : a.kind === 'KERNSTADT' ? -1 : 1))
  for (const d of order) {
    const want = { col: Math.round((byLon.indexOf(d) / n) * (cols - 1)), row: Math.round((byLat.indexOf(d) / n) * (rows - 1)) }
    let best: { col: number; row: number } | null = null
    let bestDist = Infinity
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++) {
        if (taken.has(`${c},${r}`)) continue
        const dist = (c - want.col) ** 2 + (r - want.row) ** 2
        if (dist < bestDist) {
          bestDist = dist
          best = { col: c, row: r }
        }
      }
    if (!best) break
    taken.add(`${best.col},${best.row}`)
    cells.push({ code: d.code, ...best })
  }
  let extra = 0
  for (const d of ds.filter(x => !x.centroid)) cells.push({ code: d.code, col: extra % cols, row: rows + Math.floor(extra++ / cols) })
  return cells
}

/** Five classes of equal width over the usable values: the tile map's colour steps. */
export function classes(values: readonly number[], steps = 5): number[] {
  if (!values.length) return []
  const min = Math.min(...values)
  const max = Math.max(...values)
  if (min === max) return [min]
  return Array.from({ length: steps - 1 }, (_, i) => min + ((max - min) * (i + 1)) / steps)
}

export const classOf = (breaks: readonly number[], v: number) => breaks.filter(b => v > b).length

/** Sequential blues, light to dark, with the text colour that contrasts on each. */
export const STEPS: ReadonlyArray<{ bg: string; fg: string }> = [
  { bg: '#eff3ff', fg: '#000000' },
  { bg: '#bdd7e7', fg: '#000000' },
  { bg: '#6baed6', fg: '#000000' },
  { bg: '#2171b5', fg: '#ffffff' },
  { bg: '#08306b', fg: '#ffffff' },
]
