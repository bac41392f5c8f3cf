import {
  getNamedType, getNullableType, isCompositeType, isInterfaceType, isListType, isObjectType, Kind, valueFromAST,
  type DocumentNode, type FragmentDefinitionNode, type GraphQLArgument, type GraphQLCompositeType, type GraphQLSchema,
  type SelectionSetNode, type ValueNode,
} from 'graphql'

/** List size assumed where no argument bounds a list (a district list has 18 entries, a year range ~11). */
export const DEFAULT_LIST_SIZE = 20

/** Arguments that bound the length of the list a field returns. */
const SIZE_ARGUMENTS = new Set(['first', 'last', 'top', 'limit'])

/**
 * Static cost of an operation before anything runs (authorization.md T33): every selected field
 * costs 1, and a field returning a list multiplies the cost of everything below it by the list's
 * expected length — the `first`/`top`/`limit` argument, the length of a list argument, the span of a
 * `from`/`to` Int range, or DEFAULT_LIST_SIZE. Fragments are expanded where they are spread.
 * `allocationRecords(first: 99999999)` or `years(from: 1, to: 999999)` thus cost what they ask for.
 */
export function estimateCost(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined,
  variables: Record<string, unknown> | undefined): number {
  const fragments = new Map<string, FragmentDefinitionNode>()
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def)
  const operation = document.definitions.find(d => d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName))
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) return 0
  const root = operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType()
  if (!root) return 0

  const argument = (arg: GraphQLArgument, node: ValueNode | undefined): unknown =>
    node === undefined ? arg.defaultValue : valueFromAST(node, arg.type, variables as Record<string, unknown> | undefined)

  const listSize = (fieldArgs: readonly GraphQLArgument[], nodes: ReadonlyMap<string, ValueNode>): number => {
    const values = new Map(fieldArgs.map(a => [a.name, argument(a, nodes.get(a.name))]))
    for (const [name, value] of values) {
      if (SIZE_ARGUMENTS.has(name) && typeof value === 'number' && Number.isFinite(value)) return Math.max(0, value)
    }
    const lists = [...values.values()].filter(Array.isArray)
    if (lists.length > 0) return Math.max(...lists.map(l => l.length))
    const from = values.get('from')
    const to = values.get('to')
    if (typeof from === 'number' && typeof to === 'number') return Math.max(0, to - from + 1)
    return DEFAULT_LIST_SIZE
  }

  const walk = (type: GraphQLCompositeType, set: SelectionSetNode, seen: ReadonlySet<string>): number => {
    let cost = 0
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue
        const field = isObjectType(type) || isInterfaceType(type) ? type.getFields()[selection.name.value] : undefined
        if (!field) continue // validation reports unknown fields
        const named = getNamedType(field.type)
        const below = selection.selectionSet && isCompositeType(named) ? walk(named, selection.selectionSet, seen) : 0
        const nodes = new Map((selection.arguments ?? []).map(a => [a.name.value, a.value]))
        const multiplier = isListType(getNullableType(field.type)) ? listSize(field.args, nodes) : 1
        cost += multiplier * (1 + below)
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type
        if (on && isCompositeType(on)) cost += walk(on, selection.selectionSet, seen)
      } else {
        const fragment = fragments.get(selection.name.value)
        const on = fragment && schema.getType(fragment.typeCondition.name.value)
        // cycles are a validation error already; `seen` only keeps this walk finite
        if (fragment && on && isCompositeType(on) && !seen.has(fragment.name.value)) {
          cost += walk(on, fragment.selectionSet, new Set([...seen, fragment.name.value]))
        }
      }
    }
    return cost
  }
  return walk(root, operation.selectionSet, new Set())
}
