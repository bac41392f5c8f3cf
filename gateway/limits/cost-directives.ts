import { Kind, parse, type ConstDirectiveNode, type ConstValueNode } from 'graphql'

/** What the IBM cost specification's directives say of one coordinate (`Type.field`) or type. */
export interface CostDirective {
  /** `@cost(weight:)`: replaces the default weight (1 for composite fields, 0 for leaves). */
  weight?: number
  /** `@listSize(assumedSize:)`: the length of the list when no slicing argument is given. */
  assumedSize?: number
  /** `@listSize(slicingArguments:)`: the arguments whose value is the length of the list. */
  slicingArguments?: readonly string[]
}

export type CostDirectives = ReadonlyMap<string, CostDirective>

/**
 * Reads `@cost` and `@listSize` from a supergraph (or any SDL). Subgraphs import them from
 * Federation v2.9 (`@link(url: ".../federation/v2.9", import: ["@cost", "@listSize"])`); the
 * composed supergraph carries them under the cost spec's link, either by name or prefixed
 * (`@cost__listSize`).
 */
export function readCostDirectives(sdl: string): CostDirectives {
  const found = new Map<string, CostDirective>()
  const read = (coordinate: string, directives: readonly ConstDirectiveNode[] | undefined) => {
    for (const directive of directives ?? []) {
      const name = directive.name.value.replace(/^[a-z]+__/, '')
      if (name !== 'cost' && name !== 'listSize') continue
      const args = new Map((directive.arguments ?? []).map(a => [a.name.value, a.value]))
      const entry = found.get(coordinate) ?? {}
      if (name === 'cost') {
        const weight = intOf(args.get('weight'))
        if (weight !== undefined) entry.weight = weight
      } else {
        const assumedSize = intOf(args.get('assumedSize'))
        if (assumedSize !== undefined) entry.assumedSize = assumedSize
        const slicing = args.get('slicingArguments')
        if (slicing?.kind === Kind.LIST) entry.slicingArguments = slicing.values.flatMap(v => (v.kind === Kind.STRING ? [v.value] : []))
      }
      found.set(coordinate, entry)
    }
  }
  for (const def of parse(sdl, { noLocation: true }).definitions) {
    if (!('name' in def) || !def.name || !('kind' in def)) continue
    if (
      def.kind === Kind.OBJECT_TYPE_DEFINITION ||
      def.kind === Kind.OBJECT_TYPE_EXTENSION ||
      def.kind === Kind.INTERFACE_TYPE_DEFINITION ||
      def.kind === Kind.INTERFACE_TYPE_EXTENSION
    ) {
      read(def.name.value, def.directives)
      for (const field of def.fields ?? []) read(`${def.name.value}.${field.name.value}`, field.directives)
    } else if (def.kind === Kind.SCALAR_TYPE_DEFINITION || def.kind === Kind.ENUM_TYPE_DEFINITION) {
      read(def.name.value, def.directives)
    }
  }
  return found
}

function intOf(value: ConstValueNode | undefined): number | undefined {
  if (value?.kind !== Kind.INT) return undefined
  const n = Number(value.value)
  return Number.isSafeInteger(n) && n >= 0 ? n : undefined
}
