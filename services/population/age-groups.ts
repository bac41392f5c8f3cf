/** Age-group schemes of `PopulationAgeScheme`; `to: null` is the open-ended top group (100 = 100+). */
export type PopulationAgeScheme = 'FUNCTIONAL' | 'FIVE_YEAR' | 'TEN_YEAR'

export interface PopulationAgeGroup {
  scheme: PopulationAgeScheme
  from: number
  to: number | null
  label: string
}

export const MAX_AGE = 100

function group(scheme: PopulationAgeScheme, from: number, to: number | null): PopulationAgeGroup {
  return { scheme, from, to, label: to === null ? `${from}+` : `${from}–${to}` }
}

function bands(scheme: PopulationAgeScheme, width: number, openFrom: number): PopulationAgeGroup[] {
  const groups: PopulationAgeGroup[] = []
  for (let from = 0; from < openFrom; from += width) groups.push(group(scheme, from, from + width - 1))
  return [...groups, group(scheme, openFrom, null)]
}

/** Functional groups of Wegweiser Kommune (docs/data-model.md): care, school levels, training, working age, old age. */
const FUNCTIONAL: Array<[number, number | null]> = [
  [0, 2],
  [3, 5],
  [6, 9],
  [10, 15],
  [16, 18],
  [19, 24],
  [25, 44],
  [45, 64],
  [65, 79],
  [80, null],
]

export const AGE_GROUPS: Readonly<Record<PopulationAgeScheme, readonly PopulationAgeGroup[]>> = {
  FUNCTIONAL: FUNCTIONAL.map(([from, to]) => group('FUNCTIONAL', from, to)),
  FIVE_YEAR: bands('FIVE_YEAR', 5, 95),
  TEN_YEAR: bands('TEN_YEAR', 10, 90),
}
