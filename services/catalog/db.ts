/** Tables of the `cat` schema. The departments' `<schema>.dataset` rows are read through cat.department_datasets(). */

/** Registry of department schemas whose `<schema>.dataset` table the catalog reads. */
export interface DepartmentTable {
  name: string
  db_schema: string
}

/** DCAT-AP.de enrichment of a department's dataset; a dataset without a row here shows with defaults. */
export interface DatasetDcatTable {
  dataset_id: string
  publisher: string | null
  contact_name: string | null
  contact_email: string | null
  themes: string[]
  keywords: string[]
  license: string | null
  temporal_start: string | null
  temporal_end: string | null
}

export interface IndicatorTable {
  id: string
  title: string
  description: string
  unit: string
  input_field: 'incidence7' | 'hospitalization7' | 'icuShare'
  source_dataset_ids: string[]
}

export interface RuleSetTable {
  id: string
  title: string
  valid_from: string
  valid_to: string | null
  primary_indicator_id: string
  quorum: number
  confirm_days: number
  counted_weekdays: number[]
  confirm_from_level: number
  effective_after_days: number
}

export interface RuleLevelTable {
  rule_set_id: string
  level: number
  label: string
  color: string
}

export interface RuleBandTable {
  rule_set_id: string
  indicator_id: string
  level: number
  lower: number | null
  lower_inclusive: boolean
}

export interface CatDatabase {
  'cat.department': DepartmentTable
  'cat.dataset_dcat': DatasetDcatTable
  'cat.indicator': IndicatorTable
  'cat.rule_set': RuleSetTable
  'cat.rule_level': RuleLevelTable
  'cat.rule_band': RuleBandTable
}
