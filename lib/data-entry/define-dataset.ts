import { sql, type Kysely, type RawBuilder } from 'kysely'
import { DISTRICTS } from '../../platform/city.js'
import type { AnyDatabase } from '../service/define-service.js'

/**
 * A dataset a department keeps current by data entry (GraphQL mutation or CSV import): which table
 * the rows go to, what each field must look like, what makes a period, and which provenance row
 * (`<schema>.dataset`) the write refreshes. Both entry paths run the same declaration through the
 * same validation and writer (write-dataset.ts); see README.md in this folder for a worked example.
 */
export interface DatasetDeclaration<R extends Record<string, unknown> = Record<string, unknown>> {
  /** Owning department = subgraph name (`asylum`); only its staff may write (scope `<department>:write`). */
  department: string
  /** The department's Postgres schema (`asy`): holds the target table, `dataset` and `write_audit`. */
  schema: string
  /** Id of the provenance row in `<schema>.dataset` (`asy.occupancy`), also the name in the write audit. */
  id: string
  /** Target table, schema-qualified (`asy.occupancy`). */
  table: string
  /** German title for forms (`Belegung der Unterkünfte`); default: the title of the provenance row `<schema>.dataset`. */
  title?: string
  /** Field name (as in the GraphQL input and the CSV header) → spec. Order = CSV column order in samples. */
  fields: { [K in keyof R]: FieldSpec }
  /**
   * Columns every written row gets, not set by the caller (`version: 'IST'`). They also narrow the
   * period check to this dataset's rows when several datasets share a table.
   */
  constants?: Readonly<Record<string, { value: string | number; pgType: string }>>
  /** Runs once inside the write transaction before the first insert (e.g. move an id sequence past seeded ids). */
  prepare?: (db: Kysely<AnyDatabase>) => Promise<void>
  /** Fields that identify a row; two rows of one payload with the same key are both reported. */
  key?: ReadonlyArray<keyof R & string>
  /** What may be written only once; a period that already has rows in the table is a DUPLICATE_PERIOD. */
  period: PeriodSpec<R>
  /** Checks across fields of one (already typed) row that are not a named rule (e.g. "not in the future"). */
  check?: (row: R) => ReadonlyArray<FieldProblem>
  /** Checks that need the database, per batch, inside the write transaction (e.g. "accommodation open on that day"). */
  checkRows?: (db: Kysely<AnyDatabase>, rows: ReadonlyArray<{ row: number; values: R }>) => Promise<Problem[]>
  /**
   * Plausibility rules across the fields of one row ("occupied ≤ capacity"), checked for every row of
   * a mutation and of a CSV import alike; a violation names the row, the rule and its fields.
   */
  rules?: ReadonlyArray<RowRule<R>>
  /**
   * Plausibility rules of a row against data already stored ("LED watts ≤ the replaced lamp's"),
   * checked per batch inside the write transaction, so the stored data cannot change in between.
   */
  storedRules?: ReadonlyArray<StoredRule<R>>
  /** Most rows one mutation may carry (an import has no limit: it streams). Default 10 000. */
  maxRows?: number
  /** Cache datasets the write invalidates after commit; default `[id]`. */
  invalidates?: readonly string[]
}

export type FieldType = 'integer' | 'decimal' | 'date' | 'text' | 'enum' | 'boolean'

/**
 * A plausibility rule of one row. `violation` answers why the row breaks the rule, or null when it
 * holds; it only sees rows whose fields are all valid. A rule that may be broken on purpose names
 * the boolean field that acknowledges it (`acknowledgedBy`): with that field true, the broken rule
 * is accepted and the row is counted in the write audit (`acknowledged`); true on a row that keeps
 * the rule is refused, so an acknowledgement is never recorded for nothing.
 */
export interface RowRule<R> {
  /** Stable name, reported with every violation (`extensions.problems[].rule`) and in the write audit. */
  name: string
  /** The fields the rule relates; a violation is reported at the first one and lists them all. */
  fields: ReadonlyArray<keyof R & string>
  violation: (row: R) => string | null
  acknowledgedBy?: keyof R & string
}

/** A plausibility rule of rows against stored data; `violations` maps a batch's row numbers to reasons. */
export interface StoredRule<R> {
  name: string
  fields: ReadonlyArray<keyof R & string>
  violations: (db: Kysely<AnyDatabase>, rows: ReadonlyArray<{ row: number; values: R }>) => Promise<ReadonlyMap<number, string>>
}

export interface FieldSpec {
  /** Column of the target table. */
  column: string
  type: FieldType
  /** Postgres type for the bulk insert cast (`int`, `numeric`, `date`, `text`, `char(3)`). */
  pgType: string
  /** Default true; a missing optional value is written as NULL (or as `default`). */
  required?: boolean
  /** What a missing optional value is written as (e.g. `false` for an acknowledgement flag). */
  default?: string | number | boolean
  /** Inclusive bounds: numbers for numeric fields, ISO dates for dates. */
  min?: number | string
  max?: number | string
  /** Allowed values of an `enum` field. */
  values?: readonly string[]
  /** For text: the value must match; `hint` says what it should look like. */
  pattern?: { regex: RegExp; hint: string }
  maxLength?: number
  /** The value must name something that exists (a district, an accommodation). */
  references?: Reference
  /** Further CSV header names accepted for the field (the column name always is). */
  aliases?: readonly string[]
  /** German label of the field in forms and messages (`Belegte Plätze`); default: the first alias, else the name. */
  label?: string
  /** Unit the value is counted or measured in, German (`Personen`, `Euro`, `Watt`). */
  unit?: string
  /** One German sentence for the form's help text; default: the description of the row input field in the schema. */
  description?: string
}

/** Which of the given values exist; runs inside the write transaction, once per batch. */
export interface Reference {
  /** What a value names, for messages: "unknown district 99". */
  what: string
  existing(db: Kysely<AnyDatabase>, values: readonly string[]): Promise<ReadonlySet<string>>
}

/** One part of a period: a field, or a value derived from the row with the same expression in SQL. */
export type PeriodPart<R> = (keyof R & string) | { name: string; of: (row: R) => string; sql: RawBuilder<unknown> }

export interface PeriodSpec<R> {
  parts: ReadonlyArray<PeriodPart<R>>
  /** The reference date (Stichtag) a row describes; the provenance Stichtag becomes the latest written. */
  stichtag: (row: R) => string
}

/** `rule` and `columns`: set when a plausibility rule is broken (its name and every field it relates). */
export interface FieldProblem {
  column: string
  reason: string
  rule?: string
  columns?: readonly string[]
}
/** `row`: 1-based position in a mutation's `rows`, the line number in a CSV file. */
export interface Problem extends FieldProblem {
  row: number
}

/** Typing helper: the declaration checked against its row type, frozen. */
export function defineDataset<R extends Record<string, unknown>>(decl: DatasetDeclaration<R>): DatasetDeclaration<R> {
  if (!decl.table.startsWith(`${decl.schema}.`)) throw new Error(`dataset ${decl.id}: table ${decl.table} is not in schema ${decl.schema}`)
  for (const [name, f] of Object.entries(decl.fields) as Array<[string, FieldSpec]>) {
    if (f.type === 'enum' && !f.values?.length) throw new Error(`dataset ${decl.id}: enum field ${name} needs values`)
  }
  const names = new Set<string>()
  for (const rule of [...(decl.rules ?? []), ...(decl.storedRules ?? [])]) {
    if (names.has(rule.name)) throw new Error(`dataset ${decl.id}: rule ${rule.name} declared twice`)
    names.add(rule.name)
    for (const f of rule.fields) if (!(f in decl.fields)) throw new Error(`dataset ${decl.id}: rule ${rule.name} names unknown field ${f}`)
  }
  for (const rule of decl.rules ?? []) {
    const ack = rule.acknowledgedBy && decl.fields[rule.acknowledgedBy]
    if (rule.acknowledgedBy && (!ack || ack.type !== 'boolean' || ack.required !== false || ack.default !== false)) {
      throw new Error(`dataset ${decl.id}: rule ${rule.name} must be acknowledged by an optional boolean field with default false`)
    }
  }
  return Object.freeze(decl)
}

/** Districts of the city (platform/city.ts): reference data every department shares. */
export const districtReference: Reference = Object.freeze({
  what: 'district',
  existing: async (_db: Kysely<AnyDatabase>, values: readonly string[]) => {
    const known = new Set(DISTRICTS.map(d => d.code))
    return new Set(values.filter(v => known.has(v)))
  },
})

/** Values that exist in `column` of `table` (schema-qualified, the department's own). */
export function tableReference(what: string, table: string, column: string): Reference {
  const [schema, name] = table.split('.')
  return Object.freeze({
    what,
    existing: async (db: Kysely<AnyDatabase>, values: readonly string[]) => {
      const { rows } = await sql<{ v: string }>`select ${sql.id(column)}::text as v from ${sql.id(schema, name)}
        where ${sql.id(column)}::text = any(${[...values]}::text[])`.execute(db)
      return new Set(rows.map(r => r.v))
    },
  })
}

/**
 * A declaration of any dataset, whichever its row type: for what handles every dataset of a department
 * alike (forms, uploads). A declaration's functions take its own rows, so no narrower type admits them all.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the one place the kit says "any dataset"
export type AnyDatasetDeclaration = DatasetDeclaration<any>
