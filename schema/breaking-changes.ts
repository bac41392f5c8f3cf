import { buildASTSchema, Kind, parse, type GraphQLSchema } from 'graphql'
import { transformSupergraphToPublicSchema } from '@theguild/federation-composition'
import { ChangeType, CriticalityLevel, diff, type Change } from '@graphql-inspector/core'
import { CLASS_RANK } from '../auth/classes.js'
import { classOfCoordinate, fieldOwners, readRequirements } from '../auth/policy/requirements.js'
import { coordinatesUsed, type KnownOperation } from './known-operations.js'

/** A change of the API schema that can hurt a client: breaking (fails unless acknowledged) or dangerous (reported). */
export interface SchemaChange {
  level: 'BREAKING' | 'DANGEROUS'
  /** graphql-inspector's path: `Type`, `Type.field`, `Type.field.argument` or `Enum.VALUE`. */
  coordinate: string
  /** graphql-inspector's change type (`FIELD_REMOVED`, …) or `CLASSIFICATION_TIGHTENED`. */
  type: string
  message: string
  /** The departments whose schema made the change (the owners before a removal, after anything else). */
  departments: string[]
  /** Whether the coordinate no longer exists (look for it in the previous schema). */
  removed: boolean
  /** Known operations that use the coordinate (or, for a new required argument, the field). */
  usedBy: KnownOperation[]
}

/** The schema clients see: the supergraph without federation machinery (join__, link__, @inaccessible parts). */
export function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  return buildASTSchema(transformSupergraphToPublicSchema(parse(supergraphSdl)), { assumeValidSDL: true })
}

const REMOVALS: ReadonlySet<string> = new Set([
  ChangeType.FieldRemoved,
  ChangeType.TypeRemoved,
  ChangeType.EnumValueRemoved,
  ChangeType.FieldArgumentRemoved,
  ChangeType.InputFieldRemoved,
  ChangeType.UnionMemberRemoved,
  ChangeType.ObjectTypeInterfaceRemoved,
])

/**
 * Breaking and dangerous changes from the supergraph `base` (the committed one) to `next` (the one
 * the departments' SDLs compose to now), compared on their API schemas with graphql-inspector, each
 * with the departments that made it and the known operations it affects. A field whose class got
 * stricter (open → internal, …) vanishes for some roles: reported as dangerous.
 */
export async function findSchemaChanges(base: string, next: string, operations: readonly KnownOperation[] = []): Promise<SchemaChange[]> {
  const before = apiSchemaOf(base)
  const after = apiSchemaOf(next)
  const ownersBefore = ownerLookup(base)
  const ownersAfter = ownerLookup(next)
  const usage = operations.map(op => ({ op, used: coordinatesUsed(before, op.document) }))
  const usedBy = (coordinate: string, type: string) => {
    // A new required argument breaks every operation that selects the field, with or without arguments.
    const probe = type === ChangeType.FieldArgumentAdded ? coordinate.slice(0, coordinate.lastIndexOf('.')) : coordinate
    return usage.filter(u => u.used.has(probe)).map(u => u.op)
  }

  const out: SchemaChange[] = []
  for (const change of await diff(before, after)) {
    const level = change.criticality.level
    if (level === CriticalityLevel.NonBreaking || !change.path) continue
    const removed = REMOVALS.has(change.type)
    const departments = removed
      ? ownersBefore(change.path)
      : ownersAfter(change.path).length
        ? ownersAfter(change.path)
        : ownersBefore(change.path)
    out.push({
      level: level === CriticalityLevel.Breaking ? 'BREAKING' : 'DANGEROUS',
      coordinate: change.path,
      type: change.type,
      message: describe(change),
      departments,
      removed,
      usedBy: usedBy(change.path, change.type),
    })
  }

  const requirementsBefore = readRequirements(base)
  const requirementsAfter = readRequirements(next)
  const fieldsBefore = fieldOwners(base)
  const fieldsAfter = fieldOwners(next)
  for (const [coordinate, owners] of fieldsAfter) {
    if (!fieldsBefore.has(coordinate) || !isApiField(after, coordinate) || !isApiField(before, coordinate)) continue
    const was = classOfCoordinate(coordinate, requirementsBefore, fieldsBefore)
    const now = classOfCoordinate(coordinate, requirementsAfter, fieldsAfter)
    if (CLASS_RANK[now] <= CLASS_RANK[was]) continue
    out.push({
      level: 'DANGEROUS',
      coordinate,
      type: 'CLASSIFICATION_TIGHTENED',
      message: `Field ${coordinate} is now ${now} (was ${was}): roles that held only ${was} no longer see it`,
      departments: [...owners],
      removed: false,
      usedBy: usedBy(coordinate, ''),
    })
  }
  return out.sort((a, b) => (a.level === b.level ? 0 : a.level === 'BREAKING' ? -1 : 1) || a.coordinate.localeCompare(b.coordinate))
}

function isApiField(schema: GraphQLSchema, coordinate: string): boolean {
  const [typeName, field] = coordinate.split('.')
  const type = schema.getType(typeName)
  return !!type && 'getFields' in type && Object.hasOwn(type.getFields(), field)
}

function describe(change: Change): string {
  const path = change.path!
  const meta = change.meta as Record<string, unknown>
  switch (change.type) {
    case ChangeType.FieldRemoved:
      return `Field ${path} was removed`
    case ChangeType.TypeRemoved:
      return `Type ${path} was removed`
    case ChangeType.EnumValueRemoved:
      return `Enum value ${path} was removed`
    case ChangeType.InputFieldRemoved:
      return `Input field ${path} was removed`
    case ChangeType.FieldArgumentRemoved:
      return `Argument ${path} was removed`
    case ChangeType.FieldArgumentAdded:
      return `Argument ${path} was added${change.criticality.level === CriticalityLevel.Breaking ? ' as required' : ''}`
    case ChangeType.FieldTypeChanged:
      return `Field ${path} changed type from ${meta.oldFieldType} to ${meta.newFieldType}`
    case ChangeType.FieldArgumentTypeChanged:
      return `Argument ${path} changed type from ${meta.oldArgumentType} to ${meta.newArgumentType}`
    default:
      return change.message.replace(/'([^']+)'/g, '$1')
  }
}

/**
 * `coordinate` → the subgraphs that define it in a supergraph: for `Type.field` (and its arguments)
 * the resolving subgraphs (`@join__field`, else the type's), for a type or an enum value the
 * subgraphs of the type (`@join__type`).
 */
function ownerLookup(supergraphSdl: string): (coordinate: string) => string[] {
  const fields = fieldOwners(supergraphSdl)
  const doc = parse(supergraphSdl)
  const graphNames = new Map<string, string>()
  const types = new Map<string, Set<string>>()
  for (const def of doc.definitions) {
    if (def.kind === Kind.ENUM_TYPE_DEFINITION && def.name.value === 'join__Graph') {
      for (const v of def.values ?? []) {
        const arg = v.directives?.find(d => d.name.value === 'join__graph')?.arguments?.find(a => a.name.value === 'name')
        graphNames.set(v.name.value, arg?.value.kind === Kind.STRING ? arg.value.value : v.name.value.toLowerCase())
      }
    }
  }
  for (const def of doc.definitions) {
    if (!('name' in def) || !def.name || !('directives' in def)) continue
    for (const d of def.directives ?? []) {
      if (d.name.value !== 'join__type') continue
      const graph = d.arguments?.find(a => a.name.value === 'graph')
      if (graph?.value.kind !== Kind.ENUM) continue
      const set = types.get(def.name.value) ?? new Set<string>()
      set.add(graphNames.get(graph.value.value) ?? graph.value.value.toLowerCase())
      types.set(def.name.value, set)
    }
  }
  return coordinate => {
    const [typeName, fieldName] = coordinate.split('.')
    const field = fieldName ? fields.get(`${typeName}.${fieldName}`) : undefined
    return [...(field?.length ? field : (types.get(typeName) ?? []))].sort()
  }
}
