// The data-entry API's shapes (GET /data-entry/datasets, POST /data-entry/<department>/<dataset>, GET …/history).

export type FieldType = 'integer' | 'decimal' | 'date' | 'text' | 'boolean' | 'enum'

export interface FieldForm {
  /** The GraphQL row-input field name. */
  name: string
  /** The CSV header (aliases are accepted too). */
  column: string
  type: FieldType
  required: boolean
  min?: number | string
  max?: number | string
  allowed?: string[]
  unit?: string
  /** German label. */
  label: string
  description?: string
  aliases: string[]
}

export interface DatasetForm {
  department: string
  /** The declaration's export key, e.g. "occupancy". */
  name: string
  /** The catalog id, e.g. "asy.occupancy". */
  id: string
  title: string
  cadence?: string
  stichtag?: string
  asOf?: string
  mutation: { field: string; inputType: string; rowType: string }
  key: string[]
  /** What is entered once (field names, or a derived part such as `month`): a period already written is refused. */
  period?: string[]
  fields: FieldForm[]
}

export interface Problem {
  row?: number
  column?: string
  reason: string
}

export interface Receipt {
  dataset: string
  clientKey?: string | null
  rowCount: number
  stichtag: string
  asOf: string
  replayed: boolean
  auditId: string
}

export interface HistoryEntry {
  auditId: string
  at: string
  subject: string
  via: string
  dataset: string
  clientKey?: string | null
  rowCount: number
  stichtag?: string | null
}
