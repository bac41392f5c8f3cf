import { Kind, parse, valueFromASTUntyped, type ConstDirectiveNode, type DocumentNode, type FieldDefinitionNode } from 'graphql'
import { classOf, type ScopeRequirement, type SensitivityClass } from '../classes.js'
import type { Requirements } from './types.js'

/** `Type.field` → names of the subgraphs that resolve it (departments). */
export type FieldOwners = ReadonlyMap<string, readonly string[]>

const REQUIRES_SCOPES_SPEC = 'https://specs.apollo.dev/requiresScopes/'

type TypeNode = { name: { value: string }; directives?: readonly ConstDirectiveNode[]; fields?: readonly FieldDefinitionNode[] }

/** Object and interface definitions and extensions: the only places where requirements and owners live. */
function compositeTypes(doc: DocumentNode): TypeNode[] {
  return doc.definitions.filter(
    d =>
      d.kind === Kind.OBJECT_TYPE_DEFINITION ||
      d.kind === Kind.OBJECT_TYPE_EXTENSION ||
      d.kind === Kind.INTERFACE_TYPE_DEFINITION ||
      d.kind === Kind.INTERFACE_TYPE_EXTENSION,
  ) as unknown as TypeNode[]
}

function argument(directive: ConstDirectiveNode, name: string): unknown {
  const arg = directive.arguments?.find(a => a.name.value === name)
  return arg ? valueFromASTUntyped(arg.value) : undefined
}

/** Names under which the supergraph spells `@requiresScopes` (a `@link(as:)` may rename it). */
function requiresScopesNames(doc: DocumentNode): Set<string> {
  const names = new Set(['requiresScopes', 'federation__requiresScopes'])
  for (const d of doc.definitions) {
    if (d.kind !== Kind.SCHEMA_DEFINITION && d.kind !== Kind.SCHEMA_EXTENSION) continue
    for (const link of d.directives ?? []) {
      const url = argument(link, 'url')
      const as = argument(link, 'as')
      if (link.name.value === 'link' && typeof url === 'string' && url.startsWith(REQUIRES_SCOPES_SPEC) && typeof as === 'string')
        names.add(as)
    }
  }
  return names
}

function readScopes(directive: ConstDirectiveNode, where: string): ScopeRequirement {
  const scopes = argument(directive, 'scopes')
  const ok = Array.isArray(scopes) && scopes.every(c => Array.isArray(c) && c.every(s => typeof s === 'string'))
  // A requirement we cannot read must not silently become "no requirement": refuse the supergraph.
  if (!ok) throw new Error(`@${directive.name.value} on ${where} has no readable scopes argument`)
  return (scopes as string[][]).map(c => Object.freeze([...c]))
}

/**
 * AND of two requirements in disjunctive normal form: (a ∨ b) ∧ (c) = (a ∧ c) ∨ (b ∧ c), so
 * `satisfies(and(x, y), held)` ⇔ `satisfies(x, held) && satisfies(y, held)`.
 */
export function andRequirements(a: ScopeRequirement, b: ScopeRequirement): ScopeRequirement {
  const out: string[][] = []
  for (const x of a) for (const y of b) out.push([...new Set([...x, ...y])])
  return out
}

/**
 * Reads `@requiresScopes` from a supergraph (or any SDL): keys `Type` for type-level and
 * `Type.field` for field-level requirements. Composition has already merged a shared field's
 * requirement into one directive; should a type still carry several (extensions of one type),
 * all of them must hold.
 */
export function readRequirements(supergraphSdl: string): Requirements {
  const doc = parse(supergraphSdl)
  const names = requiresScopesNames(doc)
  const out = new Map<string, ScopeRequirement>()
  const add = (key: string, req: ScopeRequirement) => {
    const prev = out.get(key)
    out.set(key, prev ? andRequirements(prev, req) : req)
  }
  for (const type of compositeTypes(doc)) {
    const typeName = type.name.value
    for (const d of type.directives ?? []) if (names.has(d.name.value)) add(typeName, readScopes(d, typeName))
    for (const field of type.fields ?? []) {
      const key = `${typeName}.${field.name.value}`
      for (const d of field.directives ?? []) if (names.has(d.name.value)) add(key, readScopes(d, key))
    }
  }
  return out
}

/**
 * Which subgraphs resolve each `Type.field`, from `@join__field(graph:)` (or, when a field has
 * none, from its type's `@join__type(graph:)`), named as in `@join__graph(name:)`. External and
 * overridden appearances do not own a field. Every field of every object/interface type gets an
 * entry (an empty list outside a supergraph), so the map doubles as the list of coordinates.
 */
export function fieldOwners(supergraphSdl: string): FieldOwners {
  const doc = parse(supergraphSdl)
  const graphNames = new Map<string, string>()
  for (const d of doc.definitions) {
    if (d.kind !== Kind.ENUM_TYPE_DEFINITION || d.name.value !== 'join__Graph') continue
    for (const v of d.values ?? []) {
      const name = v.directives?.find(x => x.name.value === 'join__graph')
      const value = name ? argument(name, 'name') : undefined
      graphNames.set(v.name.value, typeof value === 'string' ? value : v.name.value.toLowerCase())
    }
  }
  const graphOf = (d: ConstDirectiveNode): string | null => {
    const g = d.arguments?.find(a => a.name.value === 'graph')
    return g && g.value.kind === Kind.ENUM ? (graphNames.get(g.value.value) ?? g.value.value.toLowerCase()) : null
  }

  const typeGraphs = new Map<string, Set<string>>()
  const types = compositeTypes(doc).filter(t => !t.name.value.startsWith('join__') && !t.name.value.startsWith('link__'))
  for (const t of types) {
    const set = typeGraphs.get(t.name.value) ?? new Set<string>()
    for (const d of t.directives ?? [])
      if (d.name.value === 'join__type') {
        const g = graphOf(d)
        if (g) set.add(g)
      }
    typeGraphs.set(t.name.value, set)
  }

  const out = new Map<string, string[]>()
  for (const t of types) {
    for (const field of t.fields ?? []) {
      const joins = (field.directives ?? []).filter(d => d.name.value === 'join__field' && graphOf(d))
      let owners: string[]
      if (joins.length === 0) owners = [...(typeGraphs.get(t.name.value) ?? [])]
      else {
        const resolving = joins.filter(d => argument(d, 'external') !== true && argument(d, 'usedOverridden') !== true)
        owners = (resolving.length ? resolving : joins).map(d => graphOf(d)!)
      }
      const key = `${t.name.value}.${field.name.value}`
      out.set(key, [...new Set([...(out.get(key) ?? []), ...owners])].sort())
    }
  }
  return out
}

/** What an unclassified field requires: `internal` of each department that resolves it. */
export function defaultRequirement(owners: readonly string[]): ScopeRequirement {
  return [['internal'], ...owners.map(o => [`${o}:internal`])]
}

/**
 * The requirement a principal must satisfy to see `Type.field`: the field's own requirement
 * (or the unclassified default) AND its type's requirement, as one requirement.
 */
export function requirementOf(coordinate: string, requirements: Requirements, owners: FieldOwners): ScopeRequirement {
  const typeName = coordinate.slice(0, coordinate.indexOf('.'))
  const own = requirements.get(coordinate) ?? defaultRequirement(owners.get(coordinate) ?? [])
  const ofType = requirements.get(typeName)
  return ofType ? andRequirements(own, ofType) : own
}

/** Sensitivity class of `Type.field` (field and type requirement together). */
export function classOfCoordinate(coordinate: string, requirements: Requirements, owners: FieldOwners): SensitivityClass {
  return classOf(requirementOf(coordinate, requirements, owners))
}
