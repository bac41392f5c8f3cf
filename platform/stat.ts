/** Builders for the shared value types of lib/subgraph/shared-types.graphql. */
export type CellStatus = 'EXACT' | 'ZERO' | 'SECRET' | 'ROUNDED' | 'PERTURBED' | 'NOT_AVAILABLE' | 'NOT_MEANINGFUL'
export type CellFlag = 'PROVISIONAL' | 'REVISED' | 'ESTIMATED' | 'LIMITED_RELIABILITY'

export interface StatCount {
  value: number | null
  status: CellStatus
  flags: CellFlag[]
}
export interface StatValue {
  value: number | null
  status: CellStatus
  flags: CellFlag[]
  unit: string | null
}
export interface Money {
  amount: number | null
  status: CellStatus
  currency: 'EUR'
}

export function statCount(n: number | null | undefined, flags: CellFlag[] = []): StatCount {
  if (n === null || n === undefined) return { value: null, status: 'NOT_AVAILABLE', flags }
  return { value: n, status: n === 0 ? 'ZERO' : 'EXACT', flags }
}

export function statValue(v: number | null | undefined, unit: string | null, flags: CellFlag[] = []): StatValue {
  if (v === null || v === undefined || !Number.isFinite(v)) return { value: null, status: 'NOT_MEANINGFUL', flags, unit }
  return { value: v, status: v === 0 ? 'ZERO' : 'EXACT', flags, unit }
}

/** A ratio; a zero denominator is "not meaningful", never Infinity. */
export function ratio(numerator: number, denominator: number, unit = 'ratio', digits = 4): StatValue {
  if (!denominator) return { value: null, status: 'NOT_MEANINGFUL', flags: [], unit }
  return statValue(round(numerator / denominator, digits), unit)
}

export function money(amount: number | null | undefined): Money {
  if (amount === null || amount === undefined) return { amount: null, status: 'NOT_AVAILABLE', currency: 'EUR' }
  return { amount: round(amount, 2), status: amount === 0 ? 'ZERO' : 'EXACT', currency: 'EUR' }
}

export function round(v: number, digits: number): number {
  const f = 10 ** digits
  return Math.round(v * f) / f
}
