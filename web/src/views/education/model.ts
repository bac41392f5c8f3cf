import type { EducationFiguresQuery } from '../../gql/graphql'
import { usable, type CellFlag, type CellStatus, type Stat } from '../../components/StatValue'

// Pure derivations of the education figures from the graph's answer. Nothing is made up: a sum over a suppressed cell
// is not available, a ratio of a perturbed count is perturbed too.

export type Figures = EducationFiguresQuery
export type DistrictRow = Figures['districts'][number]

export const SCHOOL_TYPES = ['RSPLUS', 'IGS', 'GYM', 'FOES'] as const
export const RESIDENCES = ['STADT', 'LANDKREIS', 'SONSTIGE'] as const
export const QUALIFICATIONS = ['OHNE_BR', 'BERUFSREIFE', 'QUAL_SEK1', 'FHR_SCHUL', 'AHR'] as const

/** Sum of statistical cells: not available when one is missing or suppressed; perturbed when one is perturbed. */
export function sumStats(stats: ReadonlyArray<Stat | null | undefined>): Stat {
  if (!stats.length) return { value: null, status: 'NOT_AVAILABLE', flags: [] }
  let value = 0
  let status: CellStatus = 'EXACT'
  const flags = new Set<CellFlag>()
  for (const s of stats) {
    if (s && s.status === 'ZERO') continue
    if (!usable(s)) return { value: null, status: s?.status === 'SECRET' ? 'SECRET' : 'NOT_AVAILABLE', flags: [] }
    value += s.value
    if (s.status === 'PERTURBED') status = 'PERTURBED'
    else if (s.status === 'ROUNDED' && status === 'EXACT') status = 'ROUNDED'
    for (const f of s.flags ?? []) flags.add(f)
  }
  return { value, status, flags: [...flags] }
}

/** The known part of a sum whose cells may be suppressed: the sum of the usable cells and whether some were withheld. */
export function knownSum(stats: ReadonlyArray<Stat | null | undefined>): { value: number; withheld: number; perturbed: boolean } {
  let value = 0
  let withheld = 0
  let perturbed = false
  for (const s of stats) {
    if (usable(s)) {
      value += s.value
      if (s.status === 'PERTURBED') perturbed = true
    } else if (s?.status === 'SECRET') withheld++
  }
  return { value, withheld, perturbed }
}

/** places ÷ children × 100, keeping the children's status (a ratio of a perturbed count is perturbed). */
export function perHundred(places: number, children: Stat): Stat {
  if (!usable(children)) return { value: null, status: children.status === 'SECRET' ? 'SECRET' : 'NOT_AVAILABLE', flags: [] }
  if (children.value === 0) return { value: null, status: 'NOT_MEANINGFUL', flags: [] }
  return { ...children, value: (places / children.value) * 100 }
}

export interface KitaRow {
  code: string
  name: string
  kitas: number
  places: number
  placesU3: number
  under3: Stat
  age3to5: Stat
  children: Stat
  coverage: Stat
  coverageU3: Stat
}

export function kitaRows(d: Figures): KitaRow[] {
  return d.districts
    .filter(x => x.kitaPlaces)
    .map(x => {
      const k = x.kitaPlaces!
      const under3: Stat = x.under3 ?? { value: null, status: 'NOT_AVAILABLE' }
      const age3to5: Stat = x.age3to5 ?? { value: null, status: 'NOT_AVAILABLE' }
      const children = sumStats([under3, age3to5])
      return {
        code: x.code,
        name: x.name,
        kitas: k.kitas,
        places: k.placesTotal,
        placesU3: k.placesU3,
        under3,
        age3to5,
        children,
        coverage: perHundred(k.placesTotal, children),
        coverageU3: perHundred(k.placesU3, under3),
      }
    })
}

export interface KitaTotals {
  places: number
  placesU3: number
  children: Stat
  coverage: Stat
  lowest: KitaRow | null
  highest: KitaRow | null
}

export function kitaTotals(rows: readonly KitaRow[]): KitaTotals {
  const places = rows.reduce((a, r) => a + r.places, 0)
  const placesU3 = rows.reduce((a, r) => a + r.placesU3, 0)
  const children = sumStats(rows.map(r => r.children))
  const ranked = rows.filter(r => usable(r.coverage)).sort((a, b) => (a.coverage.value as number) - (b.coverage.value as number))
  return {
    places,
    placesU3,
    children,
    coverage: perHundred(places, children),
    lowest: ranked[0] ?? null,
    highest: ranked[ranked.length - 1] ?? null,
  }
}

export type Transition = NonNullable<NonNullable<Figures['year']>['transitions']>[number]

export function transitionCell(ts: readonly Transition[], type: string, residence: string): Transition | undefined {
  return ts.find(t => t.toSchoolType === type && t.residence === residence)
}

/** School types present in the answer, in the order of the Sekundarstufe I. */
export function schoolTypesOf(ts: readonly Transition[]): string[] {
  const present = new Set(ts.map(t => t.toSchoolType as string))
  return [...SCHOOL_TYPES.filter(s => present.has(s)), ...[...present].filter(s => !(SCHOOL_TYPES as readonly string[]).includes(s))]
}

export interface GraduateYear {
  year: number
  counts: Record<string, Stat>
  total: Stat
}

/** Years whose leavers are known (the school year has ended), oldest first. */
export function graduateYears(d: Figures): GraduateYear[] {
  return [...(d.years ?? [])]
    .filter(y => y.graduates?.length)
    .sort((a, b) => a.year - b.year)
    .map(y => {
      const counts: Record<string, Stat> = {}
      for (const g of y.graduates ?? []) counts[g.qualification] = g.count
      return { year: y.year, counts, total: sumStats((y.graduates ?? []).map(g => g.count)) }
    })
}

/** "2025/26" for the school year starting in 2025. */
export const schoolYear = (year: number) => `${year}/${String((year + 1) % 100).padStart(2, '0')}`
