import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  GraphQLError,
  Kind,
  TypeInfo,
  getNamedType,
  isEnumType,
  parse,
  validate,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
} from 'graphql'

/**
 * The operations the city's applications are known to send: every `*.graphql` file in
 * `schema/operations/` (one or more named operations per file, the cross-department questions the
 * dashboards ask) and, when the gateway is given one, the trusted documents file. `schema:check`
 * weighs breaking changes by them: removing what one of them uses is always an error.
 */
export const OPERATIONS_DIR = fileURLToPath(new URL('./operations/', import.meta.url))

export interface KnownOperation {
  /** The operation's name, or `anonymous` for an unnamed one. */
  name: string
  /** Where it is written, relative to the working directory. */
  file: string
  line: number
  /** The operation with the fragments it may spread, ready to validate. */
  document: DocumentNode
}

export interface LoadedOperations {
  operations: KnownOperation[]
  problems: Array<{ file: string; line: number; message: string }>
}

/** Reads the operation folders (files sorted by name) and a trusted documents JSON file (array or `{sha256: document}`). */
export function loadKnownOperations(dirs: readonly string[], trustedDocumentsPath: string | null = null): LoadedOperations {
  const out: LoadedOperations = { operations: [], problems: [] }
  for (const dir of dirs) {
    if (!existsSync(dir)) continue
    for (const entry of readdirSync(dir)
      .filter(f => f.endsWith('.graphql'))
      .sort()) {
      const path = join(dir, entry)
      addDocument(out, readFileSync(path, 'utf8'), relative(process.cwd(), path))
    }
  }
  if (trustedDocumentsPath) {
    const file = relative(process.cwd(), trustedDocumentsPath)
    try {
      const raw = JSON.parse(readFileSync(trustedDocumentsPath, 'utf8')) as unknown
      const documents = Array.isArray(raw) ? raw : Object.values(raw as Record<string, unknown>)
      for (const doc of documents) addDocument(out, String(doc), file)
    } catch (err) {
      out.problems.push({ file, line: 1, message: `cannot read trusted documents: ${err instanceof Error ? err.message : String(err)}` })
    }
  }
  return out
}

function addDocument(out: LoadedOperations, text: string, file: string): void {
  let doc: DocumentNode
  try {
    doc = parse(text)
  } catch (err) {
    const line = err instanceof GraphQLError ? (err.locations?.[0]?.line ?? 1) : 1
    out.problems.push({ file, line, message: `does not parse: ${err instanceof Error ? err.message : String(err)}` })
    return
  }
  const fragments = doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
  for (const def of doc.definitions) {
    if (def.kind !== Kind.OPERATION_DEFINITION) continue
    out.operations.push({
      name: def.name?.value ?? 'anonymous',
      file,
      line: def.loc?.startToken.line ?? 1,
      document: { kind: Kind.DOCUMENT, definitions: [def, ...fragments] },
    })
  }
}

/**
 * What an operation touches in `schema`, as schema coordinates (graphql-inspector's paths): `Type`
 * for every type it selects from or names, `Type.field`, `Type.field.argument` for arguments it
 * passes, and `Enum.VALUE` for enum literals it writes.
 */
export function coordinatesUsed(schema: GraphQLSchema, document: DocumentNode): Set<string> {
  const used = new Set<string>()
  const typeInfo = new TypeInfo(schema)
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field() {
        const parent = typeInfo.getParentType()
        const field = typeInfo.getFieldDef()
        if (!parent || !field) return
        used.add(parent.name)
        used.add(`${parent.name}.${field.name}`)
        used.add(getNamedType(field.type).name)
      },
      Argument() {
        const parent = typeInfo.getParentType()
        const field = typeInfo.getFieldDef()
        const arg = typeInfo.getArgument()
        if (parent && field && arg) used.add(`${parent.name}.${field.name}.${arg.name}`)
      },
      EnumValue(node) {
        const type = typeInfo.getInputType()
        const named = type ? getNamedType(type) : null
        if (named && isEnumType(named)) used.add(`${named.name}.${node.value}`)
      },
      NamedType(node) {
        used.add(node.name.value)
      },
    }),
  )
  return used
}

/** Validation errors of an operation against a schema (empty when it is valid). */
export function operationErrors(schema: GraphQLSchema, operation: KnownOperation): string[] {
  return validate(schema, operation.document).map(e => e.message)
}
