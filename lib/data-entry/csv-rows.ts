import type { DatasetDeclaration, FieldSpec, Problem } from './define-dataset.js'
import { DataEntryError } from './data-entry-error.js'
import type { DecimalMark } from './parse-value.js'
import { readCsv, type CsvDelimiter, type CsvLimits } from './parse-csv.js'
import type { SourceRow } from './write-dataset.js'

const normalize = (name: string) => name.toLowerCase().replace(/[^a-z0-9äöüß]/g, '')

/** Header names a field answers to: its name, its column and its aliases, compared without case and punctuation. */
function headerIndex<R extends Record<string, unknown>>(decl: DatasetDeclaration<R>): Map<string, string> {
  const index = new Map<string, string>()
  for (const [name, spec] of Object.entries(decl.fields) as Array<[string, FieldSpec]>) {
    for (const alias of [name, spec.column, ...(spec.aliases ?? [])]) index.set(normalize(alias), name)
  }
  return index
}

export interface CsvRows {
  /** The file's decimal mark, known after the header: `;` files write German numbers. */
  decimalMark(): DecimalMark
  delimiter(): CsvDelimiter | null
  rows: AsyncGenerator<SourceRow>
}

/**
 * CSV records as rows of a dataset, keyed by field name. The header must name every required
 * field and nothing unknown (else VALIDATION_FAILED at line 1 before any row is read); a record
 * with the wrong number of fields becomes a problem of its line; text that is not UTF-8 is refused.
 */
export function csvRows<R extends Record<string, unknown>>(
  decl: DatasetDeclaration<R>,
  chunks: AsyncIterable<string | Buffer>,
  limits: CsvLimits = {},
): CsvRows {
  const reader = readCsv(chunks, limits)
  const index = headerIndex(decl)
  async function* rows(): AsyncGenerator<SourceRow> {
    let header: string[] | null = null
    for await (const record of reader.records) {
      if (header === null) {
        header = mapHeader(record.fields, record.line)
        continue
      }
      const problems: Problem[] = []
      if (record.fields.some(f => f.includes('\ufffd'))) {
        problems.push({ row: record.line, column: '', reason: 'is not UTF-8 text (save the file as "CSV UTF-8")' })
      } else if (record.fields.length !== header.length) {
        problems.push({ row: record.line, column: '', reason: `has ${record.fields.length} fields, the header has ${header.length}` })
      }
      const values: Record<string, unknown> = {}
      header.forEach((name, i) => {
        values[name] = record.fields[i]
      })
      yield problems.length ? { row: record.line, values, problems } : { row: record.line, values }
    }
    if (header === null) throw new DataEntryError('VALIDATION_FAILED', `${decl.id}: the file is empty (no header line)`, { problems: [] })
  }
  function mapHeader(names: string[], line: number): string[] {
    const problems: Problem[] = []
    const mapped = names.map(n => {
      const field = index.get(normalize(n))
      if (!field)
        problems.push({ row: line, column: n, reason: `is not a column of ${decl.id}; expected ${Object.keys(decl.fields).join(', ')}` })
      return field ?? n
    })
    const seen = new Set<string>()
    for (const f of mapped) {
      if (seen.has(f) && index.has(normalize(f))) problems.push({ row: line, column: f, reason: 'appears twice in the header' })
      seen.add(f)
    }
    for (const [name, spec] of Object.entries(decl.fields) as Array<[string, FieldSpec]>) {
      if (spec.required !== false && !seen.has(name)) problems.push({ row: line, column: name, reason: 'is missing from the header' })
    }
    if (problems.length)
      throw new DataEntryError('VALIDATION_FAILED', `${decl.id}: the header does not match the dataset; nothing was written`, { problems })
    return mapped
  }
  return {
    delimiter: reader.delimiter,
    decimalMark: () => (reader.delimiter() === ';' ? 'comma' : 'point'),
    rows: rows(),
  }
}
