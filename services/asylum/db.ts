import type { Generated } from 'kysely'

/** Tables of the `asy` schema. */
export type AccommodationKind = 'ERSTAUFNAHME' | 'GU' | 'NOTUNTERKUNFT' | 'WOHNUNG_ANGEMIETET' | 'CONTAINER'
export type AllocationRoute = 'ZUWEISUNG' | 'UKRAINE_24' | 'FAMILIENNACHZUG' | 'SONSTIGE'

export interface AccommodationTable {
  id: string
  name: string
  kind: AccommodationKind
  operator: string | null
  district_code: string
  address: string | null
  capacity: number
  opened: string
  closed: string | null
}

/** Month-end figures (small profile); a row exists only while the accommodation is open. */
export interface OccupancyTable {
  accommodation_id: string
  day: string
  occupied: number
  of_which_recognised: number
  capacity: number
  /** Entered above capacity on purpose (the row's acknowledgement, migration 0003). */
  over_capacity: boolean
}

/** Person-level (personal data): rows reach only the asylum department's staff, with a purpose and an access-log entry; religion is Art. 9 GDPR special-category data. */
export interface AllocationTable {
  id: number
  allocation_date: string
  route: AllocationRoute
  age_at_allocation: number
  sex: 'M' | 'W' | 'D'
  country_of_origin: string
  religion: string | null
  first_accommodation_id: string | null
  /**
   * Record key (Cell Key Method) in [0, 2³²): drawn at random by the column default on insert, never
   * updated, deterministic in the demo seed (migration 0004). Never published; bigint arrives as text.
   */
  rkey: Generated<string>
}

export interface AsyDatabase {
  'asy.accommodation': AccommodationTable
  'asy.occupancy': OccupancyTable
  'asy.allocation': AllocationTable
}
