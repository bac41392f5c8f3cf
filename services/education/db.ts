/** Tables of the `edu` schema. */
export type SchoolType = 'GS' | 'RSPLUS' | 'IGS' | 'GYM' | 'FOES' | 'BBS'
export type SchoolOperator = 'STADT' | 'LAND' | 'KIRCHE' | 'PRIVAT'
export type SchoolQualification = 'OHNE_BR' | 'BERUFSREIFE' | 'QUAL_SEK1' | 'FHR_SCHUL' | 'AHR'
export type KitaOperatorType = 'STADT' | 'KIRCHE' | 'FREI' | 'BETRIEB'
export type Sex = 'M' | 'W'
export type NationalityGroup = 'DEU' | 'AUSL'
export type Residence = 'STADT' | 'LANDKREIS' | 'SONSTIGE'

export interface SchoolTable {
  id: string
  official_number: string | null
  name: string
  school_type: SchoolType
  operator: SchoolOperator
  ags: string
  district_code: string
  /** Budget product of the city that carries the school; null where the city is not Schulträger. */
  product_code: string | null
}

/** Pupils by grade × sex × nationality group (Schulstatistik). */
export interface SchoolYearStatTable {
  school_id: string
  school_year: string
  grade: number
  sex: Sex
  nationality_group: NationalityGroup
  pupils: number
  /** Record key sum of the row's pupils, in [0, 2³²) (Cell Key Method); random unless a seed sets it. */
  rkey?: number | string
}

/** Classes per grade; kept apart from pupils because a class is not split by sex or nationality. */
export interface SchoolClassTable {
  school_id: string
  school_year: string
  grade: number
  classes: number
}

/** Admissions into grade 5 (primary → secondary), city-wide by school type and residence. */
export interface TransitionTable {
  school_year: string
  to_school_type: Exclude<SchoolType, 'GS' | 'BBS'>
  residence: Residence
  applications: number | null
  admissions: number
}

export interface GraduateTable {
  school_year: string
  school_id: string
  qualification: SchoolQualification
  sex: Sex
  n: number
  /** Record key sum of the row's leavers, in [0, 2³²) (Cell Key Method); random unless a seed sets it. */
  rkey?: number | string
}

export interface KitaTable {
  id: string
  name: string
  operator_type: KitaOperatorType
  ags: string
  district_code: string
}

/** One row per Kita and Stichtag 1 March (Kinder- und Jugendhilfestatistik). */
export interface KitaStatTable {
  kita_id: string
  stichtag: string
  places_total: number
  places_u3: number
  children_u3: number
  children_3_6: number
  staff_total: number
  staff_pedagogical: number
}

export interface EducationDatabase {
  'edu.school': SchoolTable
  'edu.school_year_stat': SchoolYearStatTable
  'edu.school_class': SchoolClassTable
  'edu.transition': TransitionTable
  'edu.graduate': GraduateTable
  'edu.kita': KitaTable
  'edu.kita_stat': KitaStatTable
}

/** A table row as a plain object type, which (unlike an interface) `insertRows` accepts as a record. */
export type Row<T> = { [K in keyof T]: T[K] }
