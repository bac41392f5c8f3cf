import type { AccommodationKind } from '../db.js'

export interface AccommodationFact {
  id: string
  name: string
  kind: AccommodationKind
  operator: string
  /** District assignment is illustrative (demo data, docs/data-model.md#demo-data); names, dates and sizes follow the city's published figures. */
  districtCode: string
  address: string
  /** Beds; `capacityFrom` lists later changes as [first day, beds]. */
  capacity: number
  capacityFrom?: Array<[string, number]>
  opened: string
  closed: string | null
}

/**
 * The city's accommodations (docs/data-model.md#demo-data). Beds in H1 2019 sum to 920 (≈ 920 [V]);
 * the ex-Post grew to ~300 places when it was reactivated for Ukrainians in March 2022.
 */
export const ACCOMMODATIONS: readonly AccommodationFact[] = [
  {
    id: 'ACC-ASTERNWEG',
    name: 'Asternweg I+II',
    kind: 'GU',
    operator: 'Stadt Kaiserslautern, Referat Soziales',
    districtCode: '05',
    address: 'Asternweg',
    capacity: 200,
    opened: '2013-01-01',
    closed: null,
  },
  {
    id: 'ACC-POST',
    name: 'Ehemalige Post am Hauptbahnhof',
    kind: 'GU',
    operator: 'DRK',
    districtCode: '02',
    address: 'Bahnhofstraße',
    capacity: 220,
    capacityFrom: [['2022-03-01', 300]],
    opened: '2015-11-01',
    closed: null,
  },
  {
    id: 'ACC-HOTEL-ZEPP',
    name: 'Ehemaliges Hotel Zepp',
    kind: 'GU',
    operator: 'ASZ',
    districtCode: '03',
    address: 'Pariser Straße',
    capacity: 80,
    opened: '2016-01-01',
    closed: null,
  },
  {
    id: 'ACC-COLOSSEUM',
    name: 'Ehemaliges Colosseum',
    kind: 'GU',
    operator: 'DRK',
    districtCode: '01',
    address: 'Mainzer Straße',
    capacity: 90,
    opened: '2015-10-01',
    closed: null,
  },
  {
    id: 'ACC-THW-HALLE',
    name: 'THW-Halle Mainzer Straße',
    kind: 'GU',
    operator: 'DRK',
    districtCode: '01',
    address: 'Mainzer Straße',
    capacity: 60,
    opened: '2015-09-01',
    closed: '2019-06-30',
  },
  {
    id: 'ACC-VOGELGESANG',
    name: 'Am Vogelgesang 44 (ehem. Kreiswehrersatzamt)',
    kind: 'GU',
    operator: 'ASZ',
    districtCode: '04',
    address: 'Am Vogelgesang 44',
    capacity: 120,
    opened: '2015-06-01',
    closed: null,
  },
  {
    id: 'ACC-CONTAINERDORF',
    name: 'Containerdorf (ehem. Autohaus-Gelände)',
    kind: 'CONTAINER',
    operator: 'ASZ',
    districtCode: '09',
    address: 'Kaiserslautern-West',
    capacity: 110,
    opened: '2016-03-01',
    closed: null,
  },
  {
    id: 'ACC-FISCHERRUECK',
    name: 'Wohnungen Fischerrück',
    kind: 'WOHNUNG_ANGEMIETET',
    operator: 'Stadt Kaiserslautern, Referat Soziales',
    districtCode: '09',
    address: 'Fischerrück',
    capacity: 40,
    opened: '2015-01-01',
    closed: null,
  },
  {
    id: 'ACC-BURGHERRENHALLE',
    name: 'Burgherrenhalle Hohenecken',
    kind: 'ERSTAUFNAHME',
    operator: 'ASB',
    districtCode: '16',
    address: 'Hohenecken',
    capacity: 120,
    opened: '2022-03-01',
    closed: '2023-09-30',
  },
  {
    id: 'ACC-GARTENSCHAUHALLEN',
    name: 'Gartenschauhallen',
    kind: 'NOTUNTERKUNFT',
    operator: 'ASB',
    districtCode: '04',
    address: 'Lauterstraße',
    capacity: 150,
    opened: '2022-04-01',
    closed: '2023-09-30',
  },
  {
    id: 'ACC-ZOAR',
    name: 'Zoar-Heim Mennonitenstraße',
    kind: 'GU',
    operator: 'DRK',
    districtCode: '03',
    address: 'Mennonitenstraße',
    capacity: 150,
    opened: '2022-04-01',
    closed: null,
  },
  {
    id: 'ACC-BUERGER-BUESING',
    name: 'Bürger-Büsing-Heim',
    kind: 'GU',
    operator: 'DRK',
    districtCode: '05',
    address: 'Kaiserslautern-Ost',
    capacity: 60,
    opened: '2022-05-01',
    closed: null,
  },
  {
    id: 'ACC-VOGELWOOG',
    name: 'Notunterkunft Vogelwoogstraße',
    kind: 'NOTUNTERKUNFT',
    operator: 'ASB',
    districtCode: '08',
    address: 'Vogelwoogstraße',
    capacity: 85,
    opened: '2023-03-01',
    closed: null,
  },
]

/** Beds of an accommodation on `day` (ISO date). */
export function capacityOn(acc: AccommodationFact, day: string): number {
  let beds = acc.capacity
  for (const [from, n] of acc.capacityFrom ?? []) if (day >= from) beds = n
  return beds
}

/** The figure the register shows today: the latest capacity. */
export function currentCapacity(acc: AccommodationFact): number {
  return acc.capacityFrom?.at(-1)?.[1] ?? acc.capacity
}

/** Open on `day`: opened ≤ day and (not closed or closed after day) — the same rule as `activeOn`. */
export function isOpenOn(acc: AccommodationFact, day: string): boolean {
  return acc.opened <= day && (acc.closed === null || acc.closed > day)
}
