import type { Kysely } from 'kysely'
import { REFERENCE_DATE, profileYears, type SeedProfile } from '../../platform/city.js'
import { insertRows } from '../../platform/db/insert-rows.js'
import { seededRecordKey } from '../../lib/disclosure/cell-key.js'
import { createRng, type Rng } from '../../lib/seed/prng.js'
import { upsertDatasets } from '../../lib/service/provenance.js'
import { ACCOMMODATIONS, capacityOn, currentCapacity, isOpenOn, type AccommodationFact } from './demo/accommodations.js'
import type { AllocationRoute } from './db.js'

/** Allocations and Belegung are reported up to the last month-end before the reference date. */
export const DATA_STICHTAG = '2026-10-31'
const OWNER = 'Referat Soziales / Stabsstelle Asyl und Integration'

/** Persons allocated per year without Ukrainians under § 24 (docs/data-model.md#demo-data; 2017, 2018, 2022 [V]). */
const ALLOCATIONS: Readonly<Record<number, number>> = {
  2015: 1150,
  2016: 620,
  2017: 227,
  2018: 157,
  2019: 140,
  2020: 85,
  2021: 150,
  2022: 200,
  2023: 310,
  2024: 260,
  2025: 190,
  2026: 160,
}
/** Ukrainians under § 24 AufenthG: ≈ 1,550 in 2022 [V]; from 2023 a share of the yearly total. */
const UKRAINE_2022 = 1550
const UKRAINE_SHARE_LATER = 0.3

const EVEN = [8, 7, 8, 8, 8, 8, 9, 9, 9, 9, 9, 8]
/** Monthly shape: the Sep–Dec 2015 wave, its tail in 2016 and the Mar–May 2022 arrivals from Ukraine. */
const MONTH_WEIGHTS: Readonly<Record<number, number[]>> = {
  2015: [3, 3, 4, 4, 5, 6, 7, 9, 16, 19, 14, 10],
  2016: [14, 12, 11, 9, 8, 7, 7, 6, 6, 7, 7, 6],
  2026: [8, 7, 8, 8, 8, 8, 9, 9, 9, 9, 0, 0],
}
const UKRAINE_WEIGHTS_2022 = [0, 0, 30, 28, 16, 8, 5, 4, 3, 2, 2, 2]
/** The Land paused quota allocations for two months in autumn 2022 (Zuweisungsstopp [V]). */
const ZUWEISUNGSSTOPP_2022 = [1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1]

/** Origin mix per period (docs/data-model.md#demo-data; 2018 order [V]). */
function originWeights(year: number): Array<[string, number]> {
  if (year <= 2016)
    return [
      ['SYR', 45],
      ['AFG', 15],
      ['IRQ', 12],
      ['ERI', 10],
      ['ALB', 7],
      ['XKX', 5],
      ['IRN', 6],
    ]
  if (year <= 2021)
    return [
      ['SYR', 30],
      ['TUR', 16],
      ['AFG', 14],
      ['IRN', 10],
      ['PAK', 8],
      ['IRQ', 8],
      ['ERI', 5],
      ['NGA', 4],
      ['SOM', 3],
      ['GEO', 2],
    ]
  return [
    ['SYR', 40],
    ['AFG', 25],
    ['TUR', 18],
    ['IRQ', 8],
    ['IRN', 6],
    ['GEO', 3],
  ]
}

/** Age bands of the 315 persons assigned in 2014 [V]: 0–6, 7–14, 15–18, 19–43, 44–64, 65+. */
const AGE_BANDS: Array<[from: number, to: number, weight: number]> = [
  [0, 6, 28],
  [7, 14, 36],
  [15, 18, 21],
  [19, 43, 204],
  [44, 64, 23],
  [65, 80, 3],
]
const UKRAINE_AGE_BANDS: Array<[number, number, number]> = [
  [0, 6, 12],
  [7, 17, 23],
  [18, 64, 55],
  [65, 85, 10],
]

function weighted<T>(rng: Rng, items: ReadonlyArray<readonly [T, number]>): T {
  const total = items.reduce((s, [, w]) => s + w, 0)
  let r = rng.next() * total
  for (const [item, w] of items) {
    r -= w
    if (r < 0) return item
  }
  return items[items.length - 1][0]
}

/** Splits `total` over months by weight with largest remainders, so yearly totals are exact. */
function spread(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0)
  const exact = weights.map(w => (sum ? (total * w) / sum : 0))
  const counts = exact.map(Math.floor)
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1])
  for (let k = 0, left = total - counts.reduce((a, b) => a + b, 0); k < left; k++) counts[order[k][1]]++
  return counts
}

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate()

/** Allocations happen on working days. */
function workingDay(rng: Rng, y: number, m: number): string {
  const days = Array.from({ length: daysIn(y, m) }, (_, i) => i + 1).filter(
    d => ![0, 6].includes(new Date(Date.UTC(y, m - 1, d)).getUTCDay()),
  )
  return iso(y, m, rng.pick(days))
}

interface Person {
  route: AllocationRoute
  date: string
}

/** Routes and dates of every person of a year, before personal attributes are drawn. */
function peopleOfYear(year: number, rng: Rng): Person[] {
  const people: Person[] = []
  const add = (route: AllocationRoute, total: number, weights: number[]) =>
    spread(total, weights).forEach((n, i) => {
      for (let k = 0; k < n; k++) people.push({ route, date: workingDay(rng, year, i + 1) })
    })
  const weights = MONTH_WEIGHTS[year] ?? EVEN
  const total = ALLOCATIONS[year] ?? 0
  const ukraine = year === 2022 ? UKRAINE_2022 : year > 2022 ? Math.round(total * UKRAINE_SHARE_LATER) : 0
  const others = year === 2022 ? total : total - ukraine
  const family = Math.round(others * 0.08)
  const other = Math.round(others * 0.04)
  add('ZUWEISUNG', others - family - other, year === 2022 ? weights.map((w, i) => w * ZUWEISUNGSSTOPP_2022[i]) : weights)
  add('FAMILIENNACHZUG', family, weights)
  add('SONSTIGE', other, weights)
  add('UKRAINE_24', ukraine, year === 2022 ? UKRAINE_WEIGHTS_2022 : weights)
  return people
}

function religionFor(rng: Rng, origin: string): string | null {
  if (origin === 'UKR') return null
  if (origin === 'ERI' || origin === 'NGA')
    return weighted(rng, [
      ['christlich', 58],
      ['muslimisch', 40],
      ['keine Angabe', 2],
    ])
  if (origin === 'GEO')
    return weighted(rng, [
      ['christlich', 85],
      ['muslimisch', 10],
      ['keine Angabe', 5],
    ])
  return weighted(rng, [
    ['muslimisch', 84],
    ['christlich', 7],
    ['jesidisch', 4],
    ['keine Angabe', 5],
  ])
}

/** First accommodation: an open shared facility, larger ones more likely, Erstaufnahme first while it exists. */
function firstAccommodation(rng: Rng, route: AllocationRoute, date: string): string | null {
  if (route === 'UKRAINE_24' && rng.chance(0.25)) return null // hosted privately
  if (route === 'FAMILIENNACHZUG' && rng.chance(0.6)) return null // joins the family's flat
  const open = ACCOMMODATIONS.filter(a => a.kind !== 'WOHNUNG_ANGEMIETET' && isOpenOn(a, date))
  if (!open.length) return null
  return weighted(
    rng,
    open.map(a => [a.id, capacityOn(a, date) * (a.kind === 'ERSTAUFNAHME' ? 4 : 1)] as const),
  )
}

function allocationRows(years: number[]) {
  const people = years.flatMap(y => peopleOfYear(y, createRng('asy', 'allocation', 'dates', y)).map(p => ({ ...p, year: y })))
  people.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  const rngs = new Map(years.map(y => [y, createRng('asy', 'allocation', 'persons', y)]))
  return people.map((p, i) => {
    const rng = rngs.get(p.year)!
    const ukrainian = p.route === 'UKRAINE_24'
    const origin = ukrainian ? 'UKR' : weighted(rng, originWeights(p.year))
    const [from, to] = weighted(
      rng,
      (ukrainian ? UKRAINE_AGE_BANDS : AGE_BANDS).map(([f, t, w]) => [[f, t], w] as const),
    )
    const age = rng.int(from, to)
    // ≈ 70 % men among quota allocations [V 2014], ≈ 70 % women among Ukrainians.
    const female = ukrainian ? (age < 18 ? 0.5 : 0.8) : age < 18 ? 0.48 : 0.24
    return {
      id: i + 1,
      allocation_date: p.date,
      route: p.route,
      age_at_allocation: age,
      sex: rng.chance(female) ? 'W' : 'M',
      country_of_origin: origin,
      religion: religionFor(rng, origin),
      first_accommodation_id: firstAccommodation(rng, p.route, p.date),
      // Deterministic record key (Cell Key Method) from the record's identity; real entries draw a random one.
      rkey: seededRecordKey('asy.allocation', i + 1),
    }
  })
}

/**
 * City-wide Belegungsquote per month: the 2015/16 wave, ≈ 2/3 from 2018 (2019 [V]), the capacity limit
 * Oct 2022–Mar 2023 (≥ 95 % [V]), easing afterwards.
 */
function targetRate(y: number, m: number): number {
  if (y === 2015) return Math.min(0.97, 0.72 + (m - 1) * 0.024)
  if (y === 2016) return 0.95 - (m - 1) * 0.013
  if (y === 2017) return 0.78 - (m - 1) * 0.008
  if (y <= 2021) return y === 2018 || y === 2019 ? 0.67 : 0.65
  if (y === 2022) return [0.68, 0.7, 0.82, 0.88, 0.91, 0.92, 0.93, 0.93, 0.94, 0.975, 0.975, 0.975][m - 1]
  if (y === 2023) return m <= 3 ? 0.975 : m <= 6 ? 0.92 : 0.89
  return y === 2024 ? 0.85 : y === 2025 ? 0.82 : 0.8
}

/** Share of recognised refugees still living in the facility (Fehlbeleger ≈ 150 in 2019 [V]). */
function recognisedShare(y: number, acc: AccommodationFact): number {
  if (acc.kind === 'ERSTAUFNAHME' || acc.kind === 'NOTUNTERKUNFT') return 0.02
  return ({ 2015: 0.03, 2016: 0.1, 2017: 0.2, 2018: 0.25, 2022: 0.18, 2023: 0.22, 2024: 0.25 } as Record<number, number>)[y] ?? 0.26
}

type OccupancyRow = { accommodation_id: string; day: string; occupied: number; of_which_recognised: number; capacity: number }

export function occupancyRows(years: number[]): OccupancyRow[] {
  const rows: OccupancyRow[] = []
  for (const acc of ACCOMMODATIONS) {
    const rng = createRng('asy', 'occupancy', acc.id)
    for (const y of years) {
      for (let m = 1; m <= 12; m++) {
        const day = iso(y, m, daysIn(y, m))
        if (day > DATA_STICHTAG || !isOpenOn(acc, day)) continue
        const capacity = capacityOn(acc, day)
        const atLimit = (y === 2022 && m >= 10) || (y === 2023 && m <= 3)
        // At the capacity limit every facility is nearly full; otherwise facilities scatter around the city rate.
        const rate = Math.min(1, targetRate(y, m) + (atLimit ? rng.next() * 0.035 - 0.015 : rng.normal(0, 0.04)))
        const occupied = Math.max(0, Math.min(capacity, Math.round(capacity * rate)))
        rows.push({
          accommodation_id: acc.id,
          day,
          occupied,
          of_which_recognised: Math.round(occupied * recognisedShare(y, acc)),
          capacity,
        })
      }
    }
  }
  return rows
}

/**
 * `large`: a figure for every day a facility is open (≈ 55k rows, docs/data-model.md#demo-data). The month-end
 * figures are exactly those of `small`; the days between move from one month-end towards the next
 * with daily arrivals and departures (never above the day's capacity, invariant 4).
 */
export function dailyOccupancyRows(years: number[]): OccupancyRow[] {
  const monthEnds = occupancyRows(years)
  const byAccommodation = new Map<string, Map<string, OccupancyRow>>()
  for (const r of monthEnds) {
    if (!byAccommodation.has(r.accommodation_id)) byAccommodation.set(r.accommodation_id, new Map())
    byAccommodation.get(r.accommodation_id)!.set(r.day, r)
  }
  const rows: OccupancyRow[] = []
  const first = `${years[0]}-01-01`
  for (const acc of ACCOMMODATIONS) {
    const ends = byAccommodation.get(acc.id)
    if (!ends) continue
    const rng = createRng('asy', 'occupancy-daily', acc.id)
    const start = new Date(`${acc.opened > first ? acc.opened : first}T00:00:00Z`)
    let previous: OccupancyRow | null = null
    for (const d = start; ; d.setUTCDate(d.getUTCDate() + 1)) {
      const day = d.toISOString().slice(0, 10)
      if (day > DATA_STICHTAG || !isOpenOn(acc, day)) {
        if (previous || day > DATA_STICHTAG) break
        continue
      }
      const monthEnd = iso(d.getUTCFullYear(), d.getUTCMonth() + 1, daysIn(d.getUTCFullYear(), d.getUTCMonth() + 1))
      const target = ends.get(monthEnd)
      if (day === monthEnd && target) {
        rows.push((previous = target))
        continue
      }
      const capacity = capacityOn(acc, day)
      const goal = target?.occupied ?? previous?.occupied ?? Math.round(capacity * 0.7)
      const from = previous?.occupied ?? goal
      const daysLeft = Math.max(1, Number(monthEnd.slice(8)) - d.getUTCDate() + 1)
      const drift = (goal - from) / daysLeft
      const occupied = Math.max(0, Math.min(capacity, Math.round(from + drift + rng.normal(0, Math.max(0.5, capacity * 0.006)))))
      const share = target && target.occupied ? target.of_which_recognised / target.occupied : recognisedShare(d.getUTCFullYear(), acc)
      rows.push(
        (previous = {
          accommodation_id: acc.id,
          day,
          occupied,
          of_which_recognised: Math.min(occupied, Math.round(occupied * share)),
          capacity,
        }),
      )
    }
  }
  return rows
}

/**
 * Accommodations are the same in every profile; allocations and Belegung follow `profileYears`.
 * Belegung is month-end in `tiny`/`small` and daily in `large`; allocations are the same in all.
 */
export async function seed(db: Kysely<any>, profile: SeedProfile): Promise<void> {
  const years = profileYears(profile)
  await insertRows(
    db,
    'asy.accommodation',
    {
      id: 'text',
      name: 'text',
      kind: 'text',
      operator: 'text',
      district_code: 'text',
      address: 'text',
      capacity: 'int',
      opened: 'date',
      closed: 'date',
    },
    ACCOMMODATIONS.map(a => ({
      id: a.id,
      name: a.name,
      kind: a.kind,
      operator: a.operator,
      district_code: a.districtCode,
      address: a.address,
      capacity: currentCapacity(a),
      opened: a.opened,
      closed: a.closed,
    })),
  )
  await insertRows(
    db,
    'asy.occupancy',
    { accommodation_id: 'text', day: 'date', occupied: 'int', of_which_recognised: 'int', capacity: 'int' },
    profile === 'large' ? dailyOccupancyRows(years) : occupancyRows(years),
  )
  await insertRows(
    db,
    'asy.allocation',
    {
      id: 'bigint',
      allocation_date: 'date',
      route: 'text',
      age_at_allocation: 'smallint',
      sex: 'text',
      country_of_origin: 'text',
      religion: 'text',
      first_accommodation_id: 'text',
      rkey: 'bigint',
    },
    allocationRows(years),
  )
  const asOf = `${REFERENCE_DATE}T06:00:00Z`
  await upsertDatasets(db, 'asy', [
    {
      id: 'asy.accommodation',
      title: 'Unterkünfte für Geflüchtete',
      description:
        'Gemeinschaftsunterkünfte, Not- und Erstaufnahmen, angemietete Wohnungen mit Betreiber, Bezirk, Plätzen und Öffnungszeitraum.',
      ownerDepartment: OWNER,
      sourceSystem: 'ASYLCUBE',
      stichtag: DATA_STICHTAG,
      asOf,
      refreshCadence: 'MONTHLY',
    },
    {
      id: 'asy.occupancy',
      title: 'Belegung der Unterkünfte',
      description: `Belegung, Plätze und Fehlbeleger je Unterkunft ${profile === 'large' ? 'täglich' : 'zum Monatsende'}.`,
      ownerDepartment: OWNER,
      sourceSystem: 'ASYLCUBE',
      stichtag: DATA_STICHTAG,
      asOf,
      refreshCadence: 'MONTHLY',
    },
    {
      id: 'asy.allocation',
      title: 'Zuweisungen und Aufnahmen',
      description:
        'Zuweisungen nach Verteilungsverfügung der ADD, Aufnahmen nach § 24 AufenthG und Familiennachzug; personenbezogen, nur aggregiert veröffentlicht.',
      ownerDepartment: OWNER,
      sourceSystem: 'ASYLCUBE',
      stichtag: DATA_STICHTAG,
      asOf,
      refreshCadence: 'DAILY',
      openData: false,
    },
  ])
}
