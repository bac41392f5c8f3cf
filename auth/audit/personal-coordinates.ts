import {
  TypeInfo,
  visit,
  visitWithTypeInfo,
  getNamedType,
  isObjectType,
  type ASTVisitor,
  type DocumentNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type ValidationContext,
} from 'graphql'
import { readsPersonal } from '../classes.js'
import type { Requirements } from '../policy/types.js'

/** Walks remembered per schema and document: both are immutable, and Apollo Server hands out one parsed document per query text. */
const walks = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, readonly string[]>>()

function remember(schema: GraphQLSchema, document: DocumentNode, found: Set<string>): readonly string[] {
  let bySchema = walks.get(schema)
  if (!bySchema) walks.set(schema, (bySchema = new WeakMap()))
  const coordinates = Object.freeze([...found].sort())
  bySchema.set(document, coordinates)
  return coordinates
}

/**
 * The coordinates (`Type.field`) an operation selects, found by walking it against a schema:
 * fragments and aliases are seen through; introspection fields are left out. A document validated
 * with `collectSelectedCoordinates` among the rules was walked then and is not walked again.
 */
export function selectedCoordinates(schema: GraphQLSchema, document: DocumentNode): readonly string[] {
  return walks.get(schema)?.get(document) ?? remember(schema, document, walk(schema, document))
}

/** The coordinates remembered for a document (by validation or an earlier walk), without walking it. */
export function rememberedCoordinates(schema: GraphQLSchema, document: DocumentNode): readonly string[] | undefined {
  return walks.get(schema)?.get(document)
}

/** Adds the coordinate of a field as TypeInfo sees it (parent type and field definition), introspection left out. */
function collect(
  found: Set<string>,
  parent: GraphQLCompositeType | null | undefined,
  field: GraphQLField<unknown, unknown> | null | undefined,
) {
  if (parent && field && !field.name.startsWith('__')) found.add(`${parent.name}.${field.name}`)
}

function walk(schema: GraphQLSchema, document: DocumentNode): Set<string> {
  const typeInfo = new TypeInfo(schema)
  const found = new Set<string>()
  visit(document, visitWithTypeInfo(typeInfo, { Field: () => collect(found, typeInfo.getParentType(), typeInfo.getFieldDef()) }))
  return found
}

/**
 * A validation rule that reports nothing: it collects the selected coordinates with the TypeInfo
 * validation runs anyway and remembers them for `selectedCoordinates`, so a new document is walked
 * once, not once to validate and again to classify. Validation visits the whole document in the same
 * order with the same TypeInfo as `selectedCoordinates` would; the answer is remembered only once
 * the visit reached the end of the document (graphql-js stops early after too many errors).
 */
export function collectSelectedCoordinates(context: ValidationContext): ASTVisitor {
  const found = new Set<string>()
  return {
    Field: () => collect(found, context.getParentType(), context.getFieldDef()),
    Document: { leave: document => void remember(context.getSchema(), document, found) },
  }
}

/** Verdicts remembered per requirements (one per loaded supergraph), schema and document: all three are immutable. */
const classified = new WeakMap<Requirements, WeakMap<GraphQLSchema, WeakMap<DocumentNode, readonly string[]>>>()

/**
 * The selected coordinates of class personal or special (by the field's own requirement, its type's
 * or the type it sits on: auth/classes.ts `readsPersonal`). Remembered per requirements, schema and document, so every stage
 * that asks (the personal-data check: purpose, access log; the whole-operation dedupe: never shared
 * when not empty) gets the same frozen answer and a new document is classified once.
 */
export function personalCoordinates(schema: GraphQLSchema, document: DocumentNode, requirements: Requirements): readonly string[] {
  let bySchema = classified.get(requirements)
  if (!bySchema) classified.set(requirements, (bySchema = new WeakMap()))
  let byDocument = bySchema.get(schema)
  if (!byDocument) bySchema.set(schema, (byDocument = new WeakMap()))
  let coordinates = byDocument.get(document)
  if (!coordinates) byDocument.set(document, (coordinates = Object.freeze(classify(schema, document, requirements))))
  return coordinates
}

function classify(schema: GraphQLSchema, document: DocumentNode, requirements: Requirements): string[] {
  return selectedCoordinates(schema, document).filter(coordinate => {
    const dot = coordinate.indexOf('.')
    const type = schema.getType(coordinate.slice(0, dot))
    const field = type && isObjectType(type) ? type.getFields()[coordinate.slice(dot + 1)] : undefined
    // The type the field sits on counts too: a personal type reached through an interface or union
    // (`... on Resident { name }`) is personal data although no selected field returns it.
    return readsPersonal(requirements, coordinate, field ? getNamedType(field.type).name : undefined, coordinate.slice(0, dot))
  })
}
