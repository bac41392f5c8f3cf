import { TypeInfo, visit, visitWithTypeInfo, getNamedType, type DocumentNode, type GraphQLSchema } from 'graphql'
import { classOf, CLASS_RANK } from '../classes.js'
import type { Requirements } from '../policy/types.js'

/**
 * The coordinates (`Type.field`) of class personal or special that an operation selects, found by
 * walking it against the schema it was validated with. Fragments and aliases are seen through.
 */
export function personalCoordinates(schema: GraphQLSchema, document: DocumentNode, requirements: Requirements): string[] {
  const typeInfo = new TypeInfo(schema)
  const found = new Set<string>()
  visit(document, visitWithTypeInfo(typeInfo, {
    Field() {
      const parent = typeInfo.getParentType()
      const field = typeInfo.getFieldDef()
      if (!parent || !field || field.name.startsWith('__')) return
      const coordinate = `${parent.name}.${field.name}`
      const typeLevel = requirements.get(getNamedType(field.type).name)
      const own = requirements.get(coordinate)
      const rank = Math.max(CLASS_RANK[classOf(own)], typeLevel ? CLASS_RANK[classOf(typeLevel)] : 0)
      if (rank >= CLASS_RANK.personal) found.add(coordinate)
    },
  }))
  return [...found].sort()
}
