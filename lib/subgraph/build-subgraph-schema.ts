import { readFileSync } from 'node:fs'
import {
  GraphQLScalarType,
  Kind,
  parse,
  valueFromASTUntyped,
  visit,
  type DirectiveNode,
  type DocumentNode,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type ObjectTypeDefinitionNode,
} from 'graphql'
import { makeExecutableSchema } from '@graphql-tools/schema'
import type { IResolvers } from '@graphql-tools/utils'
import { graphqlError } from '../../platform/errors.js'
import { FEDERATION_DIRECTIVES, FEDERATION_SCALARS } from './federation-directives.js'
import { scalarResolvers } from './scalars.js'

export const SHARED_TYPES_SDL = readFileSync(new URL('./shared-types.graphql', import.meta.url), 'utf8')

/**
 * Resolvers as @graphql-tools/schema takes them, plus `__resolveReference` on entity types: per GraphQL type an
 * object of field resolvers, or a scalar. A department's are typed by its generated `Resolvers`
 * (services/<name>/generated/resolvers.ts), which this accepts.
 */
export interface SubgraphResolvers {
  readonly [typeName: string]: object | undefined
}
type FieldResolvers = Record<string, unknown>
type ResolveReference = (ref: Record<string, unknown>, ctx: unknown, info: GraphQLResolveInfo) => unknown

export interface SubgraphSchema {
  schema: GraphQLSchema
  /** The SDL served as `_service { sdl }`: the department's SDL plus the shared value types. */
  sdl: string
  entityTypes: string[]
}

/**
 * Builds an executable Federation v2 subgraph schema from a department's SDL and resolvers:
 * adds the directive definitions imported by `@link`, `_Any`, `_Service`, `_Entity` and the
 * `_service` / `_entities` root fields (https://www.apollographql.com/docs/federation/subgraph-spec).
 * Entity types without `__resolveReference` resolve to the representation itself.
 */
export function buildSubgraphSchema<R extends SubgraphResolvers>(
  typeDefs: string,
  resolvers: R,
  opts: { sharedTypes?: boolean } = {},
): SubgraphSchema {
  const imports = federationImports(parse(typeDefs))
  // The shared types use federation directives under the names this subgraph gave them (or their
  // namespaced names when it did not import them).
  const shared = SHARED_TYPES_SDL.replace(
    /@(shareable|requiresScopes)\b/g,
    (_, name: string) => `@${imports.get(name) ?? `federation__${name}`}`,
  )
  const sdl = opts.sharedTypes === false ? typeDefs : `${typeDefs.trimEnd()}\n\n${shared}`
  const doc = parse(sdl)
  const entityTypes = findEntityTypes(doc, imports.get('key') ?? 'federation__key')
  const hasQuery = doc.definitions.some(d => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === 'Query')

  const plumbing = [
    FEDERATION_SCALARS,
    ...Object.entries(FEDERATION_DIRECTIVES).map(([name, def]) => `directive @${imports.get(name) ?? `federation__${name}`}${def}`),
    'scalar _Any',
    'type _Service { sdl: String }',
    entityTypes.length ? `union _Entity = ${entityTypes.join(' | ')}` : '',
    `${hasQuery ? 'extend type' : 'type'} Query { _service: _Service! ${entityTypes.length ? '_entities(representations: [_Any!]!): [_Entity]!' : ''} }`,
  ].join('\n')

  const references = new Map<string, ResolveReference>()
  const plain: Record<string, object> = {}
  for (const [typeName, typeResolvers] of Object.entries(resolvers)) {
    if (!typeResolvers) continue
    if (!(typeResolvers instanceof GraphQLScalarType) && '__resolveReference' in typeResolvers) {
      const { __resolveReference, ...rest } = typeResolvers as FieldResolvers
      references.set(typeName, __resolveReference as ResolveReference)
      plain[typeName] = rest
    } else plain[typeName] = typeResolvers
  }
  const entitySet = new Set(entityTypes)
  const federationResolvers: IResolvers = {
    _Any: new GraphQLScalarType({
      name: '_Any',
      serialize: v => v,
      parseValue: v => v,
      parseLiteral: (ast, vars) => valueFromASTUntyped(ast, vars),
    }),
    Query: {
      ...(plain.Query ?? {}),
      _service: () => ({ sdl }),
      ...(entityTypes.length
        ? {
            _entities: (_: unknown, args: { representations: Array<Record<string, unknown>> }, ctx: unknown, info: GraphQLResolveInfo) =>
              args.representations.map(rep => resolveEntity(rep, references, entitySet, ctx, info)),
          }
        : {}),
    },
    ...(entityTypes.length ? { _Entity: { __resolveType: (o: { __typename: string }) => o.__typename } } : {}),
  }
  const schema = makeExecutableSchema({
    typeDefs: [plumbing, doc],
    // Checked against the SDL by the department's generated types; @graphql-tools/schema checks them against the schema too.
    resolvers: [opts.sharedTypes === false ? {} : scalarResolvers, plain as IResolvers, federationResolvers],
  })
  return { schema, sdl, entityTypes }
}

function resolveEntity(
  rep: Record<string, unknown>,
  references: Map<string, ResolveReference>,
  entities: Set<string>,
  ctx: unknown,
  info: GraphQLResolveInfo,
): unknown {
  const typename = rep?.__typename
  if (typeof typename !== 'string' || !entities.has(typename)) {
    return graphqlError('BAD_USER_INPUT', `Unknown entity type ${JSON.stringify(typename)} in representation`)
  }
  const resolve = references.get(typename)
  const withType = (v: unknown) => (v && typeof v === 'object' ? { ...v, __typename: typename } : null)
  if (!resolve) return withType(rep)
  const value = resolve(rep, ctx, info)
  return value instanceof Promise ? value.then(withType) : withType(value)
}

/** Maps a federation directive name (`key`) to the name this subgraph uses for it (`key` or an alias). */
function federationImports(doc: DocumentNode): Map<string, string> {
  const imports = new Map<string, string>()
  visit(doc, {
    Directive(node: DirectiveNode) {
      if (node.name.value !== 'link') return
      const url = node.arguments?.find(a => a.name.value === 'url')
      if (!url || url.value.kind !== Kind.STRING || !url.value.value.includes('specs.apollo.dev/federation/')) return
      const list = node.arguments?.find(a => a.name.value === 'import')
      if (!list || list.value.kind !== Kind.LIST) return
      for (const item of list.value.values) {
        if (item.kind === Kind.STRING) imports.set(item.value.replace(/^@/, ''), item.value.replace(/^@/, ''))
        else if (item.kind === Kind.OBJECT) {
          const value = Object.fromEntries(item.fields.map(f => [f.name.value, f.value.kind === Kind.STRING ? f.value.value : '']))
          if (value.name) imports.set(value.name.replace(/^@/, ''), (value.as ?? value.name).replace(/^@/, ''))
        }
      }
    },
  })
  return imports
}

function findEntityTypes(doc: DocumentNode, keyName: string): string[] {
  const names = new Set<string>()
  for (const def of doc.definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.OBJECT_TYPE_EXTENSION) continue
    const keys = (def as ObjectTypeDefinitionNode).directives?.filter(d => d.name.value === keyName) ?? []
    const resolvable = keys.some(k => {
      const arg = k.arguments?.find(a => a.name.value === 'resolvable')
      return !(arg && arg.value.kind === Kind.BOOLEAN && arg.value.value === false)
    })
    if (resolvable) names.add(def.name.value)
  }
  return [...names]
}
