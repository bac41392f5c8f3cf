import { TypeInfo, visit, visitWithTypeInfo, getNamedType, isObjectType, type DocumentNode, type GraphQLSchema } from 'graphql'
import { classOf, CLASS_RANK } from '../classes.js'
import type { Requirements } from '../policy/types.js'

/** Walks remembered per schema and document: both are immutable, and Apollo Server hands out one parsed document per query text. */
const walks = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, readonly string[]>>()

/**
 * The coordinates (`Type.field`) an operation selects, found by walking it against a schema:
 * fragments and aliases are seen through; introspection fields are left out.
 */
export function selectedCoordinates(schema: GraphQLSchema, document: DocumentNode): readonly string[] {
  let bySchema = walks.get(schema)
  if (!bySchema) walks.set(schema, (bySchema = new WeakMap()))
  let coordinates = bySchema.get(document)
  if (!coordinates) bySchema.set(document, (coordinates = Object.freeze(walk(schema, document))))
  return coordinates
}

function walk(schema: GraphQLSchema, document: DocumentNode): string[] {
  const typeInfo = new TypeInfo(schema)
  const found = new Set<string>()
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field() {
        const parent = typeInfo.getParentType()
        const field = typeInfo.getFieldDef()
        if (parent && field && !field.name.startsWith('__')) found.add(`${parent.name}.${field.name}`)
      },
    }),
  )
  return [...found].sort()
}

/** The selected coordinates of class personal or special (by the field's or its type's requirement). */
export function personalCoordinates(schema: GraphQLSchema, document: DocumentNode, requirements: Requirements): string[] {
  return selectedCoordinates(schema, document).filter(coordinate => {
    const [typeName, fieldName] = coordinate.split('.')
    const type = schema.getType(typeName)
    const field = type && isObjectType(type) ? type.getFields()[fieldName] : undefined
    const typeLevel = field ? requirements.get(getNamedType(field.type).name) : undefined
    const rank = Math.max(CLASS_RANK[classOf(requirements.get(coordinate))], typeLevel ? CLASS_RANK[classOf(typeLevel)] : 0)
    return rank >= CLASS_RANK.personal
  })
}
