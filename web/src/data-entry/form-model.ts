import type { DatasetForm, FieldForm } from './types'

// The form generated from a dataset's declaration: what each field's input is, the checks that mirror the server's
// (they catch typos early and never replace its validation), and the mutation that writes the rows.

export type RowValues = Record<string, string>

export type CheckKey = 'required' | 'integer' | 'decimal' | 'date' | 'min' | 'max' | 'allowed' | 'dateMin' | 'dateMax'

export interface FieldProblem {
  /** 0-based row in the form. */
  row: number
  field: string
  check?: { key: CheckKey; params?: Record<string, string | number> }
  /** A reason as the server gave it. */
  reason?: string
}

export const emptyRow = (fields: readonly FieldForm[]): RowValues =>
  Object.fromEntries(fields.map(f => [f.name, f.type === 'boolean' ? 'false' : '']))

const INTEGER = /^[+-]?\d{1,3}(\.\d{3})*$|^[+-]?\d+$/
const DECIMAL_DE = /^[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/
const DECIMAL_DOT = /^[+-]?\d+(\.\d+)?$/
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

/** A number as typed in German or plain notation ("1.234,5", "1234.5", "1.234"); null when it is none. */
export function parseNumber(raw: string, type: 'integer' | 'decimal'): number | null {
  const s = raw.trim().replace(/\s/g, '')
  if (type === 'integer') return INTEGER.test(s) ? Number(s.replace(/\./g, '')) : null
  if (DECIMAL_DE.test(s) && (s.includes(',') || /\.\d{3}$/.test(s))) return Number(s.replace(/\./g, '').replace(',', '.'))
  if (DECIMAL_DOT.test(s)) return Number(s)
  return null
}

/** The form's own checks of one field; null when it passes. */
export function checkField(field: FieldForm, raw: string): FieldProblem['check'] | null {
  const value = raw.trim()
  if (field.type === 'boolean') return null
  if (value === '') return field.required ? { key: 'required' } : null
  if (field.type === 'integer' || field.type === 'decimal') {
    const n = parseNumber(value, field.type)
    if (n === null || !Number.isFinite(n)) return { key: field.type }
    if (typeof field.min === 'number' && n < field.min) return { key: 'min', params: { min: field.min } }
    if (typeof field.max === 'number' && n > field.max) return { key: 'max', params: { max: field.max } }
  }
  if (field.type === 'date') {
    if (!ISO_DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) return { key: 'date' }
    if (typeof field.min === 'string' && value < field.min) return { key: 'dateMin', params: { min: field.min } }
    if (typeof field.max === 'string' && value > field.max) return { key: 'dateMax', params: { max: field.max } }
  }
  if (field.allowed?.length && !field.allowed.includes(value)) return { key: 'allowed' }
  return null
}

export function checkRows(fields: readonly FieldForm[], rows: readonly RowValues[]): FieldProblem[] {
  const problems: FieldProblem[] = []
  rows.forEach((row, i) => {
    for (const f of fields) {
      const check = checkField(f, row[f.name] ?? '')
      if (check) problems.push({ row: i, field: f.name, check })
    }
  })
  return problems
}

/** One row as the mutation's row input: numbers as numbers, empty optional fields left out. */
export function toInput(fields: readonly FieldForm[], row: RowValues): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const f of fields) {
    const raw = (row[f.name] ?? '').trim()
    if (f.type === 'boolean') {
      if (raw === 'true') out[f.name] = true
      else if (f.required) out[f.name] = false
      continue
    }
    if (raw === '') continue
    out[f.name] = f.type === 'integer' || f.type === 'decimal' ? parseNumber(raw, f.type) : raw
  }
  return out
}

const NAME = /^[_A-Za-z][_0-9A-Za-z]{0,127}$/

/** The receipt's fields every department's entry receipt has (services/<department>/schema.graphql). */
export const RECEIPT_FIELDS = ['dataset', 'clientKey', 'rowCount', 'stichtag', 'asOf', 'replayed', 'auditId'] as const

/** The mutation document for a dataset, built from the names its form declares (checked to be GraphQL names). */
export function mutationDocument(form: DatasetForm): string {
  const { field, inputType } = form.mutation
  if (!NAME.test(field) || !NAME.test(inputType)) throw new Error(`not a GraphQL name: ${field} / ${inputType}`)
  return `mutation DataEntry($input: ${inputType}!) { ${field}(input: $input) { ${RECEIPT_FIELDS.join(' ')} } }`
}
