import type { Generated } from 'kysely'

/** Tables of the `soc` schema. */
export type EghBenefitGroup =
  | 'SOZIALE_TEILHABE_WOHNEN'
  | 'SOZIALE_TEILHABE_ASSISTENZ'
  | 'ARBEITSLEBEN_WFBM'
  | 'BILDUNG_SCHULBEGLEITUNG'
  | 'MED_REHA'
  | 'FRUEHFOERDERUNG'
export type DailyMetric = 'COVID_CASES' | 'COVID_INC7' | 'COVID_INC7_USAF' | 'HOSP_INC7' | 'ICU_SHARE'

/**
 * One Eingliederungshilfe case (SGB IX Teil 2), pseudonymised: no name, no diagnosis. Personal data:
 * rows reach only the social department's own staff, with a purpose and an access-log entry; every
 * other caller sees aggregates computed from them.
 */
export interface EghCaseTable {
  id: string
  benefit_group: EghBenefitGroup
  district_code: string
  age_group: string
  sex: 'M' | 'W' | 'D'
  start_date: string
  /** Null while the case is open. */
  end_date: string | null
  /** Gross cost of one full year of the benefit, EUR. */
  yearly_cost: string
  /**
   * Record key of the Cell Key Method, an integer in [0, 2³²) (int8, read as text): fixed for the life of
   * the case, secret like the case itself. Inserts without one get a random key; updates never change it.
   */
  rkey: Generated<string>
}

/** Daily health figures per municipality (Gesundheitsamt / LUA Rheinland-Pfalz). */
export interface DailyMetricTable {
  day: string
  ags: string
  metric: DailyMetric
  value: string
  source: string
}

export interface SocDatabase {
  'soc.egh_case': EghCaseTable
  'soc.daily_metric': DailyMetricTable
}
