import type { DatasetDeclaration, FieldProblem, FieldSpec, RowRule } from './define-dataset.js'
import { parseDate, parseNumber, type DecimalMark, type Parsed } from './parse-value.js'

/** How values arrive: typed by GraphQL, or as text from a CSV file (with the file's decimal mark). */
export interface ValueSource {
  decimalMark?: DecimalMark
}

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '')

/** How a yes/no column is written in a file (German or English, or 1/0); GraphQL sends a Boolean. */
const TRUE_TEXT = new Set(['true', 'ja', 'yes', 'wahr', '1', 'x'])
const FALSE_TEXT = new Set(['false', 'nein', 'no', 'falsch', '0'])

/** One value checked against its spec: typed, in range, allowed. References are checked later, per batch. */
export function validateValue(spec: FieldSpec, raw: unknown, source: ValueSource = {}): Parsed<string | number | boolean | null> {
  if (isBlank(raw)) return spec.required === false ? { ok: true, value: spec.default ?? null } : { ok: false, reason: 'is required' }
  switch (spec.type) {
    case 'boolean': {
      if (typeof raw === 'boolean') return { ok: true, value: raw }
      const text = typeof raw === 'string' ? raw.trim().toLowerCase() : null
      if (text !== null && TRUE_TEXT.has(text)) return { ok: true, value: true }
      if (text !== null && FALSE_TEXT.has(text)) return { ok: true, value: false }
      // Echo at most a few characters of what was sent: a cell of a file can be megabytes long.
      const shown = typeof raw === 'string' && raw.length > 20 ? `${raw.slice(0, 20)}…` : raw
      return { ok: false, reason: `must be yes or no (true/false, ja/nein, 1/0), got ${JSON.stringify(shown)}` }
    }
    case 'integer':
    case 'decimal': {
      const n = parseNumber(raw, source.decimalMark)
      if (!n.ok) return n
      if (spec.type === 'integer' && !Number.isInteger(n.value)) return { ok: false, reason: `must be a whole number, got ${n.value}` }
      if (typeof spec.min === 'number' && n.value < spec.min) return { ok: false, reason: `must be at least ${spec.min}, got ${n.value}` }
      if (typeof spec.max === 'number' && n.value > spec.max) return { ok: false, reason: `must be at most ${spec.max}, got ${n.value}` }
      return n
    }
    case 'date': {
      const d = parseDate(raw)
      if (!d.ok) return d
      if (typeof spec.min === 'string' && d.value < spec.min) return { ok: false, reason: `must not be before ${spec.min}, got ${d.value}` }
      if (typeof spec.max === 'string' && d.value > spec.max) return { ok: false, reason: `must not be after ${spec.max}, got ${d.value}` }
      return d
    }
    case 'text':
    case 'enum': {
      if (typeof raw !== 'string') return { ok: false, reason: `must be text, got ${typeof raw}` }
      const text = raw.trim()
      if (spec.type === 'enum' && !spec.values!.includes(text))
        return { ok: false, reason: `must be one of ${spec.values!.join(', ')}, got ${JSON.stringify(text)}` }
      if (spec.maxLength !== undefined && text.length > spec.maxLength)
        return { ok: false, reason: `must be at most ${spec.maxLength} characters long` }
      if (spec.pattern && !spec.pattern.regex.test(text))
        return { ok: false, reason: `must look like ${spec.pattern.hint}, got ${JSON.stringify(text)}` }
      return { ok: true, value: text }
    }
  }
}

/** `acknowledged`: names of the rules the row breaks on purpose (its acknowledgement field is true). */
export type RowResult<R> = { ok: true; values: R; acknowledged: string[] } | { ok: false; problems: FieldProblem[] }

/** The row against one rule; an acknowledgement accepts a violation and must not stand without one. */
function applyRule<R extends Record<string, unknown>>(rule: RowRule<R>, row: R, acknowledged: string[]): FieldProblem | null {
  const columns = rule.acknowledgedBy ? [...rule.fields, rule.acknowledgedBy] : [...rule.fields]
  const reason = rule.violation(row)
  const ack = rule.acknowledgedBy !== undefined && row[rule.acknowledgedBy] === true
  if (reason === null) {
    return ack
      ? {
          column: rule.acknowledgedBy!,
          rule: rule.name,
          columns,
          reason: `acknowledges a breach of ${rule.name}, but the row keeps the rule; leave it out or false`,
        }
      : null
  }
  if (ack) {
    acknowledged.push(rule.name)
    return null
  }
  return {
    column: rule.fields[0],
    rule: rule.name,
    columns,
    reason: rule.acknowledgedBy ? `${reason}; set ${rule.acknowledgedBy} to record it on purpose` : reason,
  }
}

/**
 * A raw row (GraphQL input object or CSV record by header) against the declaration: every field
 * typed and checked, unknown fields refused, then the declaration's plausibility rules and
 * cross-field check. Every problem of the row is reported, not just the first.
 */
export function validateRow<R extends Record<string, unknown>>(
  decl: DatasetDeclaration<R>,
  raw: Record<string, unknown>,
  source: ValueSource = {},
): RowResult<R> {
  const problems: FieldProblem[] = []
  const values: Record<string, unknown> = {}
  for (const [name, spec] of Object.entries(decl.fields) as Array<[string, FieldSpec]>) {
    const v = validateValue(spec, raw[name], source)
    if (v.ok) values[name] = v.value
    else problems.push({ column: name, reason: v.reason })
  }
  for (const name of Object.keys(raw)) if (!(name in decl.fields)) problems.push({ column: name, reason: 'is not a field of this dataset' })
  if (problems.length) return { ok: false, problems }
  const acknowledged: string[] = []
  for (const rule of decl.rules ?? []) {
    const p = applyRule(rule, values as R, acknowledged)
    if (p) problems.push(p)
  }
  problems.push(...(decl.check?.(values as R) ?? []))
  return problems.length ? { ok: false, problems } : { ok: true, values: values as R, acknowledged }
}
