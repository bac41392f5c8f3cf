import {
  Kind,
  parse,
  type DocumentNode,
  type EnumTypeDefinitionNode,
  type InputObjectTypeDefinitionNode,
  type InputValueDefinitionNode,
  type TypeNode,
} from 'graphql'
import { sql, type Kysely } from 'kysely'
import type { AnyDatasetDeclaration, FieldSpec, FieldType } from './define-dataset.js'
import type { AnyDatabase } from '../service/define-service.js'

/** One field of a data-entry form (DATA-ENTRY-CONTRACT.md): the declaration's rules plus the schema's names and help. */
export interface FieldForm {
  /** Field of the row input type (and CSV header). */
  name: string
  /** Column of the target table; also accepted as CSV header, like `aliases`. */
  column: string
  type: FieldType
  required: boolean
  min?: number | string
  max?: number | string
  allowed?: string[]
  unit?: string
  label: string
  description?: string
  aliases: string[]
}

/** The mutation that writes a dataset, as found in the department's schema. */
export interface DatasetMutation {
  field: string
  inputType: string
  rowType: string
}

export interface DatasetForm {
  department: string
  /** The declaration's export name (`occupancy`): the path segment of its upload. */
  name: string
  id: string
  title: string
  cadence?: string
  stichtag?: string
  asOf?: string
  mutation: DatasetMutation
  key: string[]
  /** What is entered once (`['accommodationId', 'day']`; a derived part by its name, e.g. `month`): a period already written is DUPLICATE_PERIOD. */
  period: string[]
  fields: FieldForm[]
}

/** What a form needs from the schema and the declaration, without the provenance (which changes with every write). */
export type DatasetFormTemplate = Omit<DatasetForm, 'cadence' | 'stichtag' | 'asOf'>

const named = (type: TypeNode): string => (type.kind === Kind.NAMED_TYPE ? type.name.value : named(type.type))
const isList = (type: TypeNode): boolean =>
  type.kind === Kind.LIST_TYPE ? true : type.kind === Kind.NON_NULL_TYPE ? isList(type.type) : false

/**
 * The data-entry mutation of each dataset in a department's SDL: a Mutation field with an argument
 * `input` whose type has `rows: [Row!]!`, where the fields of `Row` are exactly the declaration's
 * fields. Throws when a dataset has none (a declaration without its mutation is a mistake of the
 * department, found at start).
 */
export function describeDatasets(
  typeDefs: string | DocumentNode,
  datasets: Readonly<Record<string, AnyDatasetDeclaration>>,
): Map<string, DatasetFormTemplate> {
  const doc = typeof typeDefs === 'string' ? parse(typeDefs) : typeDefs
  const inputs = new Map<string, InputObjectTypeDefinitionNode>()
  const enums = new Map<string, EnumTypeDefinitionNode>()
  const mutations: Array<{ field: string; inputType: string }> = []
  for (const def of doc.definitions) {
    if (def.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION) inputs.set(def.name.value, def)
    else if (def.kind === Kind.ENUM_TYPE_DEFINITION) enums.set(def.name.value, def)
    else if ((def.kind === Kind.OBJECT_TYPE_DEFINITION || def.kind === Kind.OBJECT_TYPE_EXTENSION) && def.name.value === 'Mutation') {
      for (const f of def.fields ?? []) {
        const input = f.arguments?.find(a => a.name.value === 'input')
        if (input) mutations.push({ field: f.name.value, inputType: named(input.type) })
      }
    }
  }
  const rowTypeOf = (inputType: string): string | null => {
    const rows = inputs.get(inputType)?.fields?.find(f => f.name.value === 'rows')
    return rows && isList(rows.type) ? named(rows.type) : null
  }

  const forms = new Map<string, DatasetFormTemplate>()
  for (const [name, decl] of Object.entries(datasets)) {
    const declared = Object.keys(decl.fields).sort().join(',')
    const found = mutations
      .map(m => ({ ...m, rowType: rowTypeOf(m.inputType) }))
      .find(m => {
        const fields = m.rowType ? inputs.get(m.rowType)?.fields : undefined
        return (
          fields !== undefined &&
          fields
            .map(f => f.name.value)
            .sort()
            .join(',') === declared
        )
      })
    if (!found?.rowType)
      throw new Error(
        `dataset ${decl.id}: no Mutation field takes input { rows: [Row] } whose Row has exactly the fields ${Object.keys(decl.fields).join(', ')}`,
      )
    const rowFields = new Map((inputs.get(found.rowType)!.fields ?? []).map(f => [f.name.value, f] as const))
    forms.set(name, {
      department: decl.department,
      name,
      id: decl.id,
      title: decl.title ?? decl.id,
      mutation: { field: found.field, inputType: found.inputType, rowType: found.rowType },
      key: [...(decl.key ?? [])],
      period: decl.period.parts.map(p => (typeof p === 'string' ? p : p.name)),
      fields: (Object.entries(decl.fields) as Array<[string, FieldSpec]>).map(([field, spec]) =>
        fieldForm(field, spec, rowFields.get(field)!, enums),
      ),
    })
  }
  return forms
}

function fieldForm(name: string, spec: FieldSpec, input: InputValueDefinitionNode, enums: Map<string, EnumTypeDefinitionNode>): FieldForm {
  const enumType = enums.get(named(input.type))
  const allowed = spec.values ? [...spec.values] : enumType ? (enumType.values ?? []).map(v => v.name.value) : undefined
  const description = spec.description ?? input.description?.value
  return {
    name,
    column: spec.column,
    type: spec.type,
    required: spec.required !== false,
    ...(spec.min !== undefined ? { min: spec.min } : {}),
    ...(spec.max !== undefined ? { max: spec.max } : {}),
    ...(allowed ? { allowed } : {}),
    ...(spec.unit ? { unit: spec.unit } : {}),
    label: spec.label ?? spec.aliases?.[0] ?? name,
    ...(description ? { description: description.replace(/\s+/g, ' ').trim() } : {}),
    aliases: [...(spec.aliases ?? [])],
  }
}

/** The form with the dataset's current provenance (`<schema>.dataset`): title, cadence, Stichtag, asOf. */
export async function withProvenance(
  db: Kysely<AnyDatabase>,
  schema: string,
  templates: readonly DatasetFormTemplate[],
  declarations: Readonly<Record<string, AnyDatasetDeclaration>>,
): Promise<DatasetForm[]> {
  if (templates.length === 0) return []
  const { rows } = await sql<{ id: string; title: string; refresh_cadence: string; stichtag: string; as_of: Date }>`
    select id, title, refresh_cadence, stichtag::text as stichtag, as_of from ${sql.id(schema, 'dataset')}
    where id = any(${templates.map(t => t.id)}::text[])`.execute(db)
  const byId = new Map(rows.map(r => [r.id, r]))
  return templates.map(t => {
    const p = byId.get(t.id)
    return {
      ...t,
      title: declarations[t.name]?.title ?? p?.title ?? t.title,
      ...(p ? { cadence: p.refresh_cadence, stichtag: p.stichtag, asOf: new Date(p.as_of).toISOString() } : {}),
    }
  })
}
