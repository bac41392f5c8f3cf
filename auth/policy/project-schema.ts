import {
  GraphQLInterfaceType,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  GraphQLUnionType,
  getNamedType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isUnionType,
  type ASTNode,
  type GraphQLFieldConfigMap,
  type GraphQLNamedType,
} from 'graphql'
import { MapperKind, mapSchema, pruneSchema } from '@graphql-tools/utils'
import type { ScopeRequirement, SensitivityClass } from '../classes.js'
import { classOf, satisfies } from '../classes.js'
import { requirementOf, type FieldOwners } from './requirements.js'
import type { EffectiveAccess, Requirements } from './types.js'

/** Every step of one visibility decision; `isVisible` and `explain` read the same trace. */
export interface VisibilityTrace {
  visible: boolean
  requirement: ScopeRequirement
  class: SensitivityClass
  /** The deny entry that matched (`Type.field` or `Type.*`), if any. */
  deniedBy: string | null
  /** The allow entry that matched, if any (even when it could not take effect). */
  allowedBy: string | null
  /** An ALLOW matched but may not widen a personal/special field for an aggregate-only principal. */
  grantBlocked: boolean
  /** Whether the held scopes satisfy the requirement. */
  scopesSatisfy: boolean
}

const PERSONAL: ReadonlySet<SensitivityClass> = new Set(['personal', 'special'])

/**
 * The visibility rule, deny by default: a field is visible when no DENY matches it and either an
 * ALLOW matches it or the held scopes satisfy its requirement (field AND type). A grant never
 * widens a personal/special field for an aggregate-only principal (every public-only principal is
 * one), so no table entry can open row-level personal data to the public.
 */
export function traceVisibility(
  coordinate: string,
  requirements: Requirements,
  owners: FieldOwners,
  access: EffectiveAccess,
): VisibilityTrace {
  const typeName = coordinate.slice(0, coordinate.indexOf('.'))
  const wildcard = `${typeName}.*`
  const requirement = requirementOf(coordinate, requirements, owners)
  const cls = classOf(requirement)
  const deniedBy = access.deny.has(coordinate) ? coordinate : access.deny.has(wildcard) ? wildcard : null
  const allowedBy = access.allow.has(coordinate) ? coordinate : access.allow.has(wildcard) ? wildcard : null
  const grantBlocked = allowedBy !== null && access.aggregateOnly && PERSONAL.has(cls)
  const scopesSatisfy = satisfies(requirement, access.scopes)
  const visible = deniedBy === null && ((allowedBy !== null && !grantBlocked) || scopesSatisfy)
  return { visible, requirement, class: cls, deniedBy, allowedBy, grantBlocked, scopesSatisfy }
}

export function isVisible(coordinate: string, requirements: Requirements, owners: FieldOwners, access: EffectiveAccess): boolean {
  return traceVisibility(coordinate, requirements, owners, access).visible
}

/** Directives that carry policy; their definitions and usages never reach a projected schema. */
const POLICY_DIRECTIVES = /^(federation__)?(requiresScopes|policy|authenticated)$/

function withoutPolicyDirectives<T extends ASTNode & { directives?: readonly { name: { value: string } }[] }>(
  node: T | null | undefined,
): T | null | undefined {
  if (!node?.directives?.length) return node
  return { ...node, directives: node.directives.filter(d => !POLICY_DIRECTIVES.test(d.name.value)) }
}

function withoutPolicyExtensions<T extends { extensions?: unknown }>(value: T): T['extensions'] {
  const ext = value.extensions as { directives?: Record<string, unknown> } | null | undefined
  if (!ext?.directives) return value.extensions
  const directives = Object.fromEntries(Object.entries(ext.directives).filter(([name]) => !POLICY_DIRECTIVES.test(name)))
  return { ...ext, directives } as T['extensions']
}

const PLACEHOLDER = 'stadtgraph'

/**
 * Which fields survive: the visible ones whose return type still has something to show,
 * iterated until stable, because hiding a field can empty a type that other fields return.
 * An interface keeps a field only while every surviving implementation keeps it too (else the
 * projection would not be a valid schema), and lives only while some implementation does.
 */
function survivingFields(schema: GraphQLSchema, visible: (coordinate: string) => boolean): Map<string, Set<string>> {
  const kept = new Map<string, Set<string>>()
  const composites: Array<GraphQLObjectType | GraphQLInterfaceType> = []
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || !(isObjectType(type) || isInterfaceType(type))) continue
    composites.push(type)
    kept.set(type.name, new Set(Object.keys(type.getFields()).filter(f => visible(`${type.name}.${f}`))))
  }
  const alive = (type: GraphQLNamedType): boolean => {
    if (isObjectType(type) || isInterfaceType(type)) {
      if (isIntrospectionType(type)) return true
      if (!kept.get(type.name)?.size) return false
      return isObjectType(type) || schema.getPossibleTypes(type).some(t => kept.get(t.name)?.size)
    }
    if (isUnionType(type)) return type.getTypes().some(t => kept.get(t.name)?.size)
    return true
  }
  for (let changed = true; changed;) {
    changed = false
    for (const type of composites) {
      const fields = kept.get(type.name)!
      const implementations = isInterfaceType(type) ? schema.getPossibleTypes(type).filter(t => kept.get(t.name)?.size) : []
      for (const name of [...fields]) {
        const drop = !alive(getNamedType(type.getFields()[name].type)) || implementations.some(impl => !kept.get(impl.name)!.has(name))
        if (drop) {
          fields.delete(name)
          changed = true
        }
      }
    }
  }
  return kept
}

/**
 * The API schema as one principal may see it (docs/access-control.md#projected-schemas): hidden fields are absent, so
 * asking for one fails validation exactly like asking for a field that does not exist, and
 * introspection shows only the projection — without the directives that reveal scopes. Kept
 * fields keep their resolvers and extensions, so the result stays executable. Cache it by
 * `access.key`; building it costs milliseconds.
 */
export function projectSchema(
  apiSchema: GraphQLSchema,
  requirements: Requirements,
  owners: FieldOwners,
  access: EffectiveAccess,
): GraphQLSchema {
  const kept = survivingFields(apiSchema, c => isVisible(c, requirements, owners, access))
  const queryName = apiSchema.getQueryType()?.name
  const isAlive = (name: string) => (kept.get(name)?.size ?? 0) > 0

  const filterFields = (typeName: string, fields: GraphQLFieldConfigMap<unknown, unknown>) => {
    const out: GraphQLFieldConfigMap<unknown, unknown> = {}
    for (const [name, field] of Object.entries(fields)) {
      if (!kept.get(typeName)?.has(name)) continue
      out[name] = { ...field, astNode: withoutPolicyDirectives(field.astNode), extensions: withoutPolicyExtensions(field) }
    }
    return out
  }

  const mapped = mapSchema(apiSchema, {
    [MapperKind.OBJECT_TYPE]: type => {
      const config = type.toConfig()
      let fields = filterFields(type.name, config.fields)
      if (Object.keys(fields).length === 0) {
        if (type.name !== queryName) return null
        // A schema needs a query type; this one says in introspection that nothing is granted.
        fields = { [PLACEHOLDER]: { type: GraphQLString, description: 'No data is granted to this role.', resolve: () => null } }
      }
      return new GraphQLObjectType({
        ...config,
        fields,
        interfaces: config.interfaces.filter(i => isAlive(i.name)),
        astNode: withoutPolicyDirectives(config.astNode),
        extensionASTNodes: config.extensionASTNodes.map(n => withoutPolicyDirectives(n)!),
        extensions: withoutPolicyExtensions(config),
      })
    },
    [MapperKind.INTERFACE_TYPE]: type => {
      if (!isAlive(type.name)) return null
      const config = type.toConfig()
      return new GraphQLInterfaceType({
        ...config,
        fields: filterFields(type.name, config.fields),
        interfaces: config.interfaces.filter(i => isAlive(i.name)),
        astNode: withoutPolicyDirectives(config.astNode),
        extensionASTNodes: config.extensionASTNodes.map(n => withoutPolicyDirectives(n)!),
        extensions: withoutPolicyExtensions(config),
      })
    },
    [MapperKind.UNION_TYPE]: type => {
      const config = type.toConfig()
      const types = config.types.filter(t => isAlive(t.name))
      return types.length ? new GraphQLUnionType({ ...config, types }) : null
    },
    [MapperKind.DIRECTIVE]: directive => (POLICY_DIRECTIVES.test(directive.name) ? null : directive),
  })
  const pruned = pruneSchema(mapped)
  // The schema definition may still name the requiresScopes spec in a `@link`; drop its AST too.
  const config = pruned.toConfig()
  return new GraphQLSchema({ ...config, astNode: undefined, extensionASTNodes: [] })
}
