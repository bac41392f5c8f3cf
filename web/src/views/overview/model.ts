import type {
  OverviewAsylumQuery,
  OverviewFinanceQuery,
  OverviewFreshnessQuery,
  OverviewKitaQuery,
  OverviewLightingQuery,
  OverviewPopulationQuery,
  OverviewSocialQuery,
} from '../../gql/graphql'
import { usable, type CellFlag, type CellStatus, type Stat } from '../../components/StatValue'
import type { Source } from '../../components/Provenance'

// Pure derivations of the overview's figures from the graph's answers: each tile takes the latest year that has data
// and compares it with the year before. No figure is made up: a sum over cells of which one is suppressed is not
// available, a sum over perturbed cells is marked perturbed.

export interface Point<T> {
  year: number
  value: T
}

/** The rows that have a value for `pick`, oldest first. */
export function series<R extends { year: number }, T>(
  years: readonly R[] | null | undefined,
  pick: (y: R) => T | null | undefined,
): Array<Point<T>> {
  const out: Array<Point<T>> = []
  for (const y of [...(years ?? [])].sort((a, b) => a.year - b.year)) {
    const v = pick(y)
    if (v !== null && v !== undefined) out.push({ year: y.year, value: v })
  }
  return out
}

export const last = <T>(xs: readonly T[]): T | undefined => xs[xs.length - 1]
export const beforeLast = <T>(xs: readonly T[]): T | undefined => xs[xs.length - 2]

/** Sum of statistical cells: not available when one is missing or suppressed; perturbed when one is perturbed. */
export function sumStats(stats: ReadonlyArray<Stat | null | undefined>): Stat {
  if (!stats.length) return { value: null, status: 'NOT_AVAILABLE', flags: [] }
  let value = 0
  let status: CellStatus = 'EXACT'
  const flags = new Set<CellFlag>()
  for (const s of stats) {
    if (s && s.status === 'ZERO') continue
    if (!usable(s)) return { value: null, status: 'NOT_AVAILABLE', flags: [] }
    value += s.value
    if (s.status === 'PERTURBED') status = 'PERTURBED'
    else if (s.status === 'ROUNDED' && status === 'EXACT') status = 'ROUNDED'
    for (const f of s.flags ?? []) flags.add(f)
  }
  return { value, status: value === 0 && status === 'EXACT' ? 'ZERO' : status, flags: [...flags] }
}

/** A value derived from a cell keeps the cell's status (a rate of a perturbed count is perturbed too). */
export function derive(stat: Stat, f: (v: number) => number): Stat {
  return usable(stat) ? { ...stat, value: f(stat.value) } : stat
}

export interface PopulationTile {
  now: Point<Stat>
  before?: Point<Stat>
  trend: Array<number | null>
}

export function populationTile(d: OverviewPopulationQuery): PopulationTile | null {
  const s = series(d.years, y => y.population)
  const now = last(s)
  if (!now) return null
  return { now, before: beforeLast(s), trend: s.map(p => (usable(p.value) ? p.value.value : null)) }
}

export type AsylumStatus = NonNullable<NonNullable<OverviewAsylumQuery['years']>[number]['asylumCapacity']>

export interface AsylumTile {
  status: AsylumStatus
  /** Allocations of the last twelve months up to the capacity figure, oldest first. */
  months: Array<{ period: string; count: Stat }>
  lastTwelve: Stat
}

export function asylumTile(d: OverviewAsylumQuery): AsylumTile | null {
  const status = last(series(d.years, y => y.asylumCapacity))?.value
  if (!status) return null
  const months = [...(d.lastYear?.allocations ?? []), ...(d.thisYear?.allocations ?? [])]
    .filter(m => m.period <= status.day.slice(0, 7))
    .slice(-12)
  return { status, months, lastTwelve: sumStats(months.map(m => m.count)) }
}

type FinanceYear = NonNullable<OverviewFinanceQuery['years']>[number]

export interface FinanceTile {
  year: number
  ist: NonNullable<FinanceYear['ist']>
  ansatz: FinanceYear['ansatz']
  trend: Array<number | null>
  firstYear: number
}

export function financeTile(d: OverviewFinanceQuery): FinanceTile | null {
  const s = series(d.years, y => y.ist)
  const now = last(s)
  if (!now) return null
  const ansatz = d.years?.find(y => y.year === now.year)?.ansatz ?? null
  return { year: now.year, ist: now.value, ansatz, trend: s.map(p => p.value.ordinaryResult.amount ?? null), firstYear: s[0].year }
}

export interface KitaTile {
  year: number
  places: number
  placesU3: number
  children: Stat
  perHundred: Stat | null
  before: { year: number; places: number; perHundred: Stat | null } | null
  sources: Source[]
}

export function kitaTile(d: OverviewKitaQuery): KitaTile | null {
  const districts = d.districts ?? []
  const now = districts.map(x => x.kitaNow).filter((k): k is NonNullable<typeof k> => !!k)
  if (!now.length) return null
  const places = now.reduce((a, k) => a + k.placesTotal, 0)
  const placesU3 = now.reduce((a, k) => a + k.placesU3, 0)
  const children = sumStats(districts.flatMap(x => [x.under3Now, x.age3to5Now]))
  const perHundred = usable(children) && children.value > 0 ? derive(children, c => (places / c) * 100) : null
  const before = districts.map(x => x.kitaBefore).filter((k): k is NonNullable<typeof k> => !!k)
  const childrenBefore = sumStats(districts.flatMap(x => [x.under3Before, x.age3to5Before]))
  const placesBefore = before.reduce((a, k) => a + k.placesTotal, 0)
  return {
    year: now[0].year,
    places,
    placesU3,
    children,
    perHundred,
    before: before.length
      ? {
          year: before[0].year,
          places: placesBefore,
          perHundred: usable(childrenBefore) && childrenBefore.value > 0 ? derive(childrenBefore, c => (placesBefore / c) * 100) : null,
        }
      : null,
    sources: now.map(k => k.provenance),
  }
}

interface SocialYear {
  recipients: Stat
  perThousand: Stat | null
}

export interface SocialTile {
  now: Point<SocialYear>
  before?: Point<SocialYear>
  trend: Array<number | null>
  source: Source | null
}

export function socialTile(d: OverviewSocialQuery): SocialTile | null {
  const s = series(d.years, y => {
    const groups = y.eingliederungshilfe
    if (!groups?.length) return null
    const recipients = sumStats(groups.map(g => g.recipients))
    const perThousand = y.residents ? derive(recipients, r => (r / y.residents!) * 1000) : null
    return { recipients, perThousand, source: groups[0].provenance }
  })
  const now = last(s)
  if (!now) return null
  const strip = (p: Point<SocialYear & { source: Source }> | undefined): Point<SocialYear> | undefined =>
    p && { year: p.year, value: { recipients: p.value.recipients, perThousand: p.value.perThousand } }
  return {
    now: strip(now)!,
    before: strip(beforeLast(s)),
    trend: s.map(p => (p.value.perThousand && usable(p.value.perThousand) ? p.value.perThousand.value : null)),
    source: now.value.source,
  }
}

type Lighting = NonNullable<NonNullable<OverviewLightingQuery['years']>[number]['streetLighting']>

export interface LightingTile {
  now: Point<Lighting>
  before?: Point<Lighting>
  trend: number[]
}

export function lightingTile(d: OverviewLightingQuery): LightingTile | null {
  const s = series(d.years, y => y.streetLighting)
  const now = last(s)
  if (!now) return null
  return { now, before: beforeLast(s), trend: s.map(p => p.value.ledShare) }
}

type Dataset = OverviewFreshnessQuery['datasets'][number]

export interface FreshnessTile {
  total: number
  stale: Dataset[]
  due: Dataset[]
}

export function freshnessTile(d: OverviewFreshnessQuery): FreshnessTile | null {
  if (!d.datasets) return null
  const byStichtag = (a: Dataset, b: Dataset) => a.stichtag.localeCompare(b.stichtag)
  return {
    total: d.datasets.length,
    stale: d.datasets.filter(x => x.stale || x.freshness === 'STALE').sort(byStichtag),
    due: d.datasets.filter(x => !x.stale && x.freshness === 'DUE').sort(byStichtag),
  }
}
