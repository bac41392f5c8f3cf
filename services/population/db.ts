/** Tables of the `pop` schema (aggregates only; microdata would live in a separate schema and role). */
export interface StockTable {
  stichtag: string
  basis: 'REGISTER_MAIN' | 'REGISTER_ALL'
  ags: string
  district_code: string
  age: number
  sex: 'M' | 'W' | 'D' | 'X'
  nationality_group: string
  n: number
  /** Key sum (mod 2³²) of the persons in the row (Cell Key Method). */
  rkey: string
}

export interface MovementTable {
  month: string
  ags: string
  district_code: string
  kind: 'BIRTH' | 'DEATH' | 'IN_EXTERNAL' | 'OUT_EXTERNAL' | 'IN_INTERNAL' | 'OUT_INTERNAL' | 'NATURALISATION'
  age_group: string
  sex: 'M' | 'W' | 'D' | 'X'
  nationality_group: string
  n: number
  /** Key sum (mod 2³²) of the movements in the row (Cell Key Method). */
  rkey: string
}

export interface OfficialTotalTable {
  stichtag: string
  ags: string
  basis: 'OFFICIAL_UPDATE' | 'CENSUS'
  total: number
  male: number
  female: number
}

export interface PopDatabase {
  'pop.stock': StockTable
  'pop.movement': MovementTable
  'pop.official_total': OfficialTotalTable
}
