import {
  getNamedType,
  isAbstractType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql'
import { rngFromSeed, type Rng } from '../../lib/seed/prng.js'

export interface RandomOperation {
  query: string
  variables: Record<string, unknown>
}

const DISTRICTS = Array.from({ length: 18 }, (_, i) => String(i + 1).padStart(2, '0'))
/** Values of every JSON kind, the wrong type for most arguments. */
const WRONG: readonly unknown[] = [
  true,
  'x',
  3.5,
  -1,
  2 ** 31,
  Number.MAX_SAFE_INTEGER,
  1e308,
  null,
  [],
  {},
  ['a', 1],
  { a: { b: 1 } },
  '',
  '2025-13-45',
]
const LONG = 'ä'.repeat(5_000)

/**
 * Random operations over `schema`'s Query type: nested selections that follow the types, arguments
 * (mostly valid, sometimes wrong types, huge numbers, long strings, missing), variables, aliases,
 * named and inline fragments (on abstract types: their possible types), @include/@skip, plus occasional unknown
 * fields. Never a mutation: the fuzzer only reads.
 */
export function randomOperation(schema: GraphQLSchema, seed: number): RandomOperation {
  const rng = rngFromSeed(seed)
  const variables: Record<string, unknown> = {}
  const definitions: string[] = []
  const fragments: string[] = []
  let names = 0

  const scalarValue = (type: GraphQLNamedType): unknown => {
    if (rng.chance(0.07)) return rng.pick(WRONG)
    if (rng.chance(0.02)) return LONG
    if (isEnumType(type)) return rng.chance(0.95) ? rng.pick(type.getValues()).name : 'NOT_A_VALUE'
    switch (type.name) {
      case 'Int':
        return rng.pick([0, 1, 3, 10, 2016, 2020, 2024, 2025, 2026, -5, 1000, 100000, 2 ** 31 - 1])
      case 'Float':
        return rng.pick([0, 0.5, -1.25, 1e6])
      case 'Boolean':
        return rng.chance(0.5)
      case 'ID':
        return rng.chance(0.7) ? rng.pick(DISTRICTS) : rng.pick(['ACC-ASTERNWEG', 'DE', 'SYR', 'x', '0', '999'])
      case 'Date':
        return rng.pick(['2025-12-31', '2024-06-30', '2020-01-01', '2022-03-01', '1900-01-01', 'not-a-date'])
      case 'DateTime':
        return rng.pick(['2025-12-31T00:00:00Z', '2024-06-30T12:00:00+02:00', 'yesterday'])
      default:
        return rng.pick(['2025', 'a', '01'])
    }
  }

  const inputValue = (type: GraphQLInputType, depth = 0): unknown => {
    if (isNonNullType(type)) return inputValue(type.ofType, depth)
    if (isListType(type)) return depth > 2 ? [] : Array.from({ length: rng.int(0, 3) }, () => inputValue(type.ofType, depth + 1))
    if (isInputObjectType(type)) {
      if (depth > 2) return {}
      const obj: Record<string, unknown> = {}
      for (const f of Object.values(type.getFields()))
        if (isNonNullType(f.type) || rng.chance(0.5)) obj[f.name] = inputValue(f.type, depth + 1)
      return obj
    }
    return scalarValue(type)
  }

  const literal = (value: unknown, type: GraphQLInputType): string => {
    const named = getNamedType(type)
    if (value === null) return 'null'
    if (Array.isArray(value)) {
      const nullable = isNonNullType(type) ? type.ofType : type
      return `[${value.map(v => literal(v, isListType(nullable) ? nullable.ofType : type)).join(', ')}]`
    }
    if (typeof value === 'object') {
      const fields = isInputObjectType(named) ? named.getFields() : {}
      return `{ ${Object.entries(value as Record<string, unknown>)
        .map(([k, v]) => `${k}: ${literal(v, (fields[k]?.type ?? named) as GraphQLInputType)}`)
        .join(', ')} }`
    }
    if (isEnumType(named) && typeof value === 'string' && /^[A-Z_]+$/.test(value)) return value
    return JSON.stringify(value)
  }

  const typeRef = (type: GraphQLInputType): string => String(type)

  const argument = (arg: GraphQLArgument): string | null => {
    if (!isNonNullType(arg.type) && rng.chance(0.5)) return null
    if (isNonNullType(arg.type) && rng.chance(0.03)) return null // missing required argument
    const value = inputValue(arg.type)
    if (rng.chance(0.3)) {
      const name = `v${names++}`
      definitions.push(`$${name}: ${rng.chance(0.05) ? 'String' : typeRef(arg.type)}`)
      if (!rng.chance(0.03)) variables[name] = value // sometimes a declared variable has no value
      return `${arg.name}: $${name}`
    }
    return `${arg.name}: ${literal(value, arg.type)}`
  }

  const directive = (): string => {
    if (!rng.chance(0.1)) return ''
    const which = rng.pick(['include', 'skip'])
    if (rng.chance(0.3)) {
      const name = `b${names++}`
      definitions.push(`$${name}: Boolean!`)
      variables[name] = rng.chance(0.9) ? rng.chance(0.5) : 'yes'
      return ` @${which}(if: $${name})`
    }
    return ` @${which}(if: ${rng.chance(0.5)})`
  }

  const asFields = (type: GraphQLCompositeType): Array<GraphQLField<unknown, unknown>> =>
    isUnionType(type) ? [] : Object.values(type.getFields())

  const selection = (type: GraphQLCompositeType, depth: number): string => {
    const parts: string[] = []
    const fields = asFields(type)
    const count = rng.int(1, depth > 2 ? 4 : 2)
    for (let i = 0; i < count; i++) {
      const roll = rng.next()
      if (roll < 0.04) {
        parts.push('__typename')
        continue
      }
      if (roll < 0.06) {
        parts.push(rng.pick(['nope', 'password', '_service { sdl }', '_entities(representations: []) { __typename }']))
        continue
      }
      if (roll < 0.16) {
        // On an abstract type one of its possible types; on an object type itself, rarely a type that cannot match (invalid).
        const objects = Object.values(schema.getTypeMap()).filter(t => isObjectType(t) && !t.name.startsWith('__'))
        const target = isAbstractType(type)
          ? rng.pick(schema.getPossibleTypes(type))
          : rng.chance(0.9)
            ? type
            : (rng.pick(objects) as GraphQLCompositeType)
        parts.push(`... on ${target.name}${directive()} { ${selection(target, depth - 1)} }`)
        continue
      }
      if (roll < 0.2) {
        parts.push(`...${directive()} { ${selection(type, depth - 1)} }`)
        continue
      }
      if (roll < 0.26) {
        const name = `F${fragments.length}`
        fragments.push('') // reserve the name before recursing
        const body = selection(type, depth - 1)
        fragments[Number(name.slice(1))] = `fragment ${name} on ${type.name} { ${body} }`
        parts.push(`...${name}${directive()}`)
        continue
      }
      if (!fields.length) {
        parts.push('__typename')
        continue
      }
      const candidates = depth <= 0 ? fields.filter(f => !isCompositeType(getNamedType(f.type))) : fields
      if (!candidates.length) {
        parts.push('__typename')
        continue
      }
      const field = rng.pick(candidates)
      const alias = rng.chance(0.15) ? `${rng.pick(['a', 'b', 'x'])}${rng.int(0, 3)}: ` : ''
      const args = field.args.map(argument).filter((a): a is string => a !== null)
      const head = `${alias}${field.name}${args.length ? `(${args.join(', ')})` : ''}${directive()}`
      const named = getNamedType(field.type)
      if (isCompositeType(named)) parts.push(`${head} { ${selection(named, depth - 1)} }`)
      else parts.push(rng.chance(0.02) ? `${head} { value }` : head) // a selection on a leaf: invalid
    }
    return parts.join(' ')
  }

  const root = schema.getQueryType()!
  const body = selection(root, rng.int(1, 4))
  const opName = rng.chance(0.5) ? ` Fuzz${seed >>> 0}` : ''
  const head = definitions.length ? `query${opName}(${definitions.join(', ')})` : opName ? `query${opName}` : ''
  const query = [`${head} { ${body} }`.trim(), ...fragments.filter(Boolean)].join('\n')
  return { query, variables }
}
