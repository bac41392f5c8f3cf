import { getNamedType, isInterfaceType, isObjectType, type GraphQLSchema } from 'graphql'
import type { ScopeRequirement, SensitivityClass } from '../classes.js'
import type { Principal } from '../principal.js'
import { activeGrants, activeRoles, effectiveAccess } from './effective-access.js'
import { projectSchema, traceVisibility } from './project-schema.js'
import type { FieldOwners } from './requirements.js'
import type { CoordinateGrant, PolicySnapshot, Requirements } from './types.js'

export interface ExplainInput {
  snapshot: PolicySnapshot
  requirements: Requirements
  owners: FieldOwners
  principal: Principal
  coordinate: string
  now?: Date
  /**
   * With the API schema, an ALLOW whose field still cannot appear (its type has nothing visible)
   * says so in `reasons`. The decision itself stays the per-coordinate rule of `isVisible`.
   */
  apiSchema?: GraphQLSchema
}

export interface Explanation {
  decision: 'ALLOW' | 'DENY'
  coordinate: string
  class: SensitivityClass
  requirement: ScopeRequirement
  heldScopes: string[]
  matchedGrants: CoordinateGrant[]
  reasons: string[]
  policyVersion: number
}

const COORDINATE = /^[_A-Za-z][_0-9A-Za-z]*\.[_A-Za-z][_0-9A-Za-z]*$/

const show = (req: ScopeRequirement) =>
  req
    .map(c => c.join(' AND '))
    .map(c => `(${c})`)
    .join(' OR ') || '(nothing can satisfy it)'

/**
 * Why a principal can or cannot see one coordinate: the same decision as `isVisible` (it reads the
 * same trace), with the roles, grants and scopes that led to it. Admin-only (the admin API checks).
 */
export function explain(input: ExplainInput): Explanation {
  const { snapshot, requirements, owners, principal, coordinate } = input
  const now = input.now ?? new Date()
  const access = effectiveAccess(snapshot, principal, now)
  const heldScopes = [...access.scopes].sort()
  const base = { coordinate, heldScopes, policyVersion: snapshot.version }

  if (!COORDINATE.test(coordinate) || !(owners.has(coordinate) || requirements.has(coordinate))) {
    return { ...base, decision: 'DENY', class: 'internal', requirement: [], matchedGrants: [], reasons: ['unknown coordinate'] }
  }

  const reasons: string[] = []
  const roles = activeRoles(snapshot, principal, now)
  const activeNames = new Set(roles.map(r => r.name))
  for (const name of new Set(principal.roles)) {
    const role = snapshot.roles.get(name)
    if (!role) reasons.push(`role ${name} does not exist in policy version ${snapshot.version}`)
    else if (!activeNames.has(name))
      reasons.push(`role ${name} is outside its validity (${role.validFrom ?? '…'} – ${role.validUntil ?? '…'})`)
  }
  if (roles.length === 0) reasons.push('no active role')

  const wildcard = `${coordinate.slice(0, coordinate.indexOf('.'))}.*`
  const matchedGrants = activeGrants(snapshot, roles, now).filter(g => g.coordinate === coordinate || g.coordinate === wildcard)
  for (const g of snapshot.grants) {
    if (activeNames.has(g.role) && (g.coordinate === coordinate || g.coordinate === wildcard) && !matchedGrants.includes(g)) {
      reasons.push(`${g.effect} ${g.coordinate} of role ${g.role} expired ${g.validUntil}`)
    }
  }

  const t = traceVisibility(coordinate, requirements, owners, access)
  const own = requirements.has(coordinate)
    ? 'declared'
    : `unclassified, so internal of ${(owners.get(coordinate) ?? []).join(', ') || 'its department'}`
  reasons.push(
    `class ${t.class} (${own}${requirements.has(wildcard.slice(0, -2)) ? ', and the type-level requirement' : ''}): requires ${show(t.requirement)}`,
  )
  if (t.deniedBy) reasons.push(`denied by DENY ${t.deniedBy} (a DENY beats every ALLOW and scope)`)
  if (t.allowedBy) {
    reasons.push(
      t.grantBlocked
        ? `ALLOW ${t.allowedBy} ignored: a grant never widens class ${t.class} for an aggregate-only principal`
        : `ALLOW ${t.allowedBy} matched`,
    )
  }
  reasons.push(
    t.scopesSatisfy
      ? 'held scopes satisfy the requirement'
      : `class ${t.class} not granted to role ${principal.roles.join(', ') || '(none)'}: held scopes [${heldScopes.join(', ')}] do not satisfy the requirement`,
  )

  if (t.visible && input.apiSchema) {
    const [typeName, fieldName] = coordinate.split('.')
    const type = input.apiSchema.getType(typeName)
    const field = type && (isObjectType(type) || isInterfaceType(type)) ? type.getFields()[fieldName] : undefined
    const projected = projectSchema(input.apiSchema, requirements, owners, access).getType(typeName)
    const present = projected && (isObjectType(projected) || isInterfaceType(projected)) && fieldName in projected.getFields()
    if (field && !present) {
      reasons.push(
        `allowed, but absent from the projected schema: nothing of ${typeName} or of ${getNamedType(field.type).name} is left visible to this principal`,
      )
    }
  }

  return { ...base, decision: t.visible ? 'ALLOW' : 'DENY', class: t.class, requirement: t.requirement, matchedGrants, reasons }
}
