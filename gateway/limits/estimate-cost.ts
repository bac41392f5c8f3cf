import {
  getNamedType,
  getNullableType,
  isAbstractType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  valueFromAST,
  type DocumentNode,
  type GraphQLArgument,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql'
import type { CostDirectives } from './cost-directives.js'
import { splitDocument } from './split-document.js'

/** List size assumed where neither an argument nor `@listSize` bounds a list (a district list has 18 entries, a year range ~11). */
export const DEFAULT_LIST_SIZE = 20

/** Arguments that bound the length of the list a field returns when the schema declares no `slicingArguments`. */
const SIZE_ARGUMENTS = new Set(['first', 'last', 'top', 'limit'])

export interface CostOptions {
  /** `@cost` and `@listSize` of the served graph, by coordinate. */
  directives?: CostDirectives
  /** Size of a list nothing else bounds. */
  defaultListSize?: number
  /** Stop as soon as a partial cost passes this (the result is then some value above it). */
  maxCost?: number
}

export interface CostResult {
  cost: number
  /** Selection nodes walked: never more than the document holds. */ visited: number
}

/**
 * Static cost of an operation before anything runs (case T33, docs/access-control.md#adversarial-cases; docs/limits.md), after the IBM GraphQL
 * cost specification as Apollo's demand control applies it: a field returning an object, interface
 * or union costs 1, a field returning a scalar or enum 0 (or the `@cost(weight:)` of the field or
 * its type), and a field returning a list multiplies the cost of everything below it by the list's
 * expected length — its `slicingArguments` (else `first`/`last`/`top`/`limit`), the length of a
 * list argument, the span of a `from`/`to` Int range, its `@listSize(assumedSize:)`, or the default.
 * On an abstract type, the branches for different object types are alternatives: an object matches
 * one, so the dearest counts, not their sum. `allocationRecords(first: 99999999)` or
 * `years(from: 1, to: 999999)` thus cost what they ask for.
 *
 * Linear in the document: each fragment's cost is computed once and multiplied where it is spread;
 * with `maxCost` the walk stops once a partial cost passes it.
 */
export function estimateCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | undefined,
  options: CostOptions = {},
): CostResult {
  const directives = options.directives ?? new Map()
  const defaultListSize = options.defaultListSize ?? DEFAULT_LIST_SIZE
  const maxCost = options.maxCost ?? Infinity
  const { operation, fragments } = splitDocument(document, operationName)
  let visited = 0
  if (!operation) return { cost: 0, visited }
  const root =
    operation.operation === 'query'
      ? schema.getQueryType()
      : operation.operation === 'mutation'
        ? schema.getMutationType()
        : schema.getSubscriptionType()
  if (!root) return { cost: 0, visited }

  const argument = (arg: GraphQLArgument, node: ValueNode | undefined): unknown =>
    node === undefined ? arg.defaultValue : valueFromAST(node, arg.type, variables as Record<string, unknown> | undefined)

  const listSize = (coordinate: string, field: GraphQLField<unknown, unknown>, nodes: ReadonlyMap<string, ValueNode>): number => {
    const declared = directives.get(coordinate)
    const values = new Map(field.args.map(a => [a.name, argument(a, nodes.get(a.name))]))
    const slicing = declared?.slicingArguments
    for (const [name, value] of values) {
      if ((slicing ? slicing.includes(name) : SIZE_ARGUMENTS.has(name)) && typeof value === 'number' && Number.isFinite(value))
        return Math.max(0, value)
    }
    if (declared?.assumedSize !== undefined) return declared.assumedSize
    const lists = [...values.values()].filter(Array.isArray)
    if (lists.length > 0) return Math.max(...lists.map(l => l.length))
    const from = values.get('from')
    const to = values.get('to')
    if (typeof from === 'number' && typeof to === 'number') return Math.max(0, to - from + 1)
    return defaultListSize
  }

  const weight = (coordinate: string, type: { name: string }, composite: boolean): number =>
    directives.get(coordinate)?.weight ?? directives.get(type.name)?.weight ?? (composite ? 1 : 0)

  // A fragment's cost depends only on its own type condition, so each is computed once; a spread
  // inside its own expansion (a cycle, reported by validation) counts 0.
  const fragmentCosts = new Map<string, number>()
  const inProgress = new Set<string>()
  const fragmentCost = (name: string): { cost: number; on: GraphQLCompositeType } | null => {
    const fragment = fragments.get(name)
    const on = fragment && schema.getType(fragment.typeCondition.name.value)
    if (!fragment || !on || !isCompositeType(on)) return null
    let cost = fragmentCosts.get(name)
    if (cost === undefined) {
      if (inProgress.has(name)) return { cost: 0, on }
      inProgress.add(name)
      cost = walk(on, fragment.selectionSet)
      inProgress.delete(name)
      fragmentCosts.set(name, cost)
    }
    return { cost, on }
  }

  const walk = (type: GraphQLCompositeType, set: SelectionSetNode): number => {
    let shared = 0
    // On an abstract type: the cost of the parts that apply only to one object type, by its name.
    let branches: Map<string, number> | null = null
    const addPart = (on: GraphQLCompositeType, cost: number) => {
      if (isAbstractType(type) && isObjectType(on)) {
        branches ??= new Map()
        branches.set(on.name, (branches.get(on.name) ?? 0) + cost)
      } else {
        shared += cost
      }
    }
    for (const selection of set.selections) {
      visited++
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue
        const field = isObjectType(type) || isInterfaceType(type) ? type.getFields()[selection.name.value] : undefined
        if (!field) continue // validation reports unknown fields
        const coordinate = `${type.name}.${field.name}`
        const named = getNamedType(field.type)
        const composite = isCompositeType(named)
        const below = selection.selectionSet && composite ? walk(named, selection.selectionSet) : 0
        const nodes = new Map((selection.arguments ?? []).map(a => [a.name.value, a.value]))
        const multiplier = isListType(getNullableType(field.type)) ? listSize(coordinate, field, nodes) : 1
        shared += multiplier * (weight(coordinate, named, composite) + below)
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type
        if (on && isCompositeType(on)) addPart(on, walk(on, selection.selectionSet))
      } else {
        const spread = fragmentCost(selection.name.value)
        if (spread) addPart(spread.on, spread.cost)
      }
      if (shared > maxCost) return shared
    }
    let dearest = 0
    for (const cost of (branches as Map<string, number> | null)?.values() ?? []) dearest = Math.max(dearest, cost)
    return shared + dearest
  }
  return { cost: walk(root, operation.selectionSet), visited }
}
