import type { DocumentNode, GraphQLSchema } from 'graphql'
import { personalCoordinates } from '../../auth/audit/personal-coordinates.js'
import type { Requirements } from '../../auth/policy/types.js'

/**
 * The personal and special coordinates of an operation, remembered per requirements (one per loaded
 * supergraph), projected schema and parsed document: all three are immutable, and Apollo Server hands
 * out one parsed document per query text, so a repeated query costs three lookups instead of a
 * classification of every selected field. One verdict per document serves every stage that asks —
 * the personal-data check (purpose, access log) and the whole-operation dedupe (never shared when
 * not empty) — so a new document is classified once. Weak keys: an entry goes with its supergraph,
 * schema or document.
 */
const classified = new WeakMap<Requirements, WeakMap<GraphQLSchema, WeakMap<DocumentNode, readonly string[]>>>()

export function personalCoordinatesOf(requirements: Requirements, schema: GraphQLSchema, document: DocumentNode): readonly string[] {
  let bySchema = classified.get(requirements)
  if (!bySchema) classified.set(requirements, (bySchema = new WeakMap()))
  let byDocument = bySchema.get(schema)
  if (!byDocument) bySchema.set(schema, (byDocument = new WeakMap()))
  let coordinates = byDocument.get(document)
  if (!coordinates) byDocument.set(document, (coordinates = Object.freeze(personalCoordinates(schema, document, requirements))))
  return coordinates
}
