import type { SensitivityClass } from '../../classes.js'
import { PolicyError, type CoordinateGrant, type RoleDefinition, type RowRule } from '../types.js'
import { ROW_RULE_CLAIMS } from '../row-filters.js'

/** `Type.field` or `Type.*` — the same pattern the `coordinate_grant` table checks. */
export const COORDINATE_PATTERN = /^[A-Z_][A-Za-z0-9_]*\.([A-Za-z_][A-Za-z0-9_]*|\*)$/
/** A row rule limits the rows of a type (`Accommodation`) or of a field returning rows (`Query.allocationRecords`). */
export const ROW_RULE_COORDINATE_PATTERN = /^[A-Z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$/
/** `open`, `internal`, `asylum:personal`, `{department}:internal`. */
export const SCOPE_PATTERN = /^[a-z_]+(:[a-z_]+)?$|^\{department\}:[a-z_]+$/
export const ROLE_NAME_PATTERN = /^[a-z_][a-z0-9_]*$/
export const PUBLIC_ROLE = 'public'

/**
 * The class of a coordinate as the composed supergraph declares it (`Type.*`: the most sensitive
 * field of the type). `undefined` (or a throw) means the coordinate does not exist.
 */
export type Classify = (coordinate: string) => SensitivityClass | undefined

/** Classes that may never reach the public role, whatever a grant or role edit says (docs/access-control.md). */
export const NEVER_PUBLIC: ReadonlySet<string> = new Set<SensitivityClass>(['personal', 'special'])

export interface PolicyInput {
  roles: readonly RoleDefinition[]
  grants: readonly CoordinateGrant[]
  rowRules: readonly RowRule[]
}

/** RFC 6901 JSON pointer from path segments. */
export function pointer(...segments: Array<string | number>): string {
  return segments.map(s => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('')
}

function invalid(at: string, message: string): never {
  throw new PolicyError('INVALID_POLICY', message, at)
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function text(value: unknown, at: string, what: string, max = 1000): string {
  if (typeof value !== 'string') invalid(at, `${what} must be a string`)
  // Postgres text cannot hold NUL; refuse it here rather than as a database error.
  if (value.includes('\u0000')) invalid(at, `${what} must not contain NUL characters`)
  if (value.length > max) invalid(at, `${what} is longer than ${max} characters`)
  return value
}

function bool(value: unknown, at: string, what: string): boolean {
  if (typeof value !== 'boolean') invalid(at, `${what} must be true or false`)
  return value
}

/** An ISO calendar date 'YYYY-MM-DD' that exists, or null (undefined counts as null). */
function date(value: unknown, at: string, what: string): string | null {
  if (value === null || value === undefined) return null
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) invalid(at, `${what} must be an ISO date (YYYY-MM-DD) or null`)
  const [y, m, d] = value.split('-').map(Number)
  const parsed = new Date(Date.UTC(y, m - 1, d))
  if (parsed.getUTCFullYear() !== y || parsed.getUTCMonth() !== m - 1 || parsed.getUTCDate() !== d)
    invalid(at, `${what} ${value} is not a calendar date`)
  return value
}

/** The class a scope names: the part after `:` (`asylum:personal` → personal), as `classOf` reads it. */
export function scopeClass(scope: string): string {
  return scope.includes(':') ? scope.slice(scope.indexOf(':') + 1) : scope
}

export function validateRoleName(value: unknown, at: string): string {
  const name = text(value, at, 'role name', 100)
  if (!ROLE_NAME_PATTERN.test(name)) invalid(at, `role name ${JSON.stringify(name)} must match ${ROLE_NAME_PATTERN.source}`)
  return name
}

export function validateCoordinate(value: unknown, at: string): string {
  const coordinate = text(value, at, 'coordinate', 300)
  if (!COORDINATE_PATTERN.test(coordinate)) invalid(at, `coordinate ${JSON.stringify(coordinate)} must be Type.field or Type.*`)
  return coordinate
}

export function validateRowRuleCoordinate(value: unknown, at: string): string {
  const coordinate = text(value, at, 'coordinate', 300)
  if (!ROW_RULE_COORDINATE_PATTERN.test(coordinate))
    invalid(at, `row rule coordinate ${JSON.stringify(coordinate)} must be Type or Type.field`)
  return coordinate
}

/** Shape and rules of one role; returns a normalised copy (the input may be parsed JSON). */
export function validateRole(value: unknown, at: string): RoleDefinition {
  if (!isRecord(value)) invalid(at, 'role must be an object')
  const name = validateRoleName(value.name, `${at}/name`)
  const description = text(value.description ?? '', `${at}/description`, 'description')
  if (!Array.isArray(value.scopes)) invalid(`${at}/scopes`, 'scopes must be an array of strings')
  const seen = new Set<string>()
  const scopes = value.scopes.map((scope, i) => {
    const s = text(scope, `${at}/scopes/${i}`, 'scope', 100)
    if (!SCOPE_PATTERN.test(s))
      invalid(`${at}/scopes/${i}`, `scope ${JSON.stringify(s)} must look like "open", "asylum:internal" or "{department}:internal"`)
    if (seen.has(s)) invalid(`${at}/scopes/${i}`, `scope ${JSON.stringify(s)} is listed twice`)
    if (name === PUBLIC_ROLE && NEVER_PUBLIC.has(scopeClass(s))) {
      invalid(`${at}/scopes/${i}`, `the public role may never hold ${scopeClass(s)} data (scope ${JSON.stringify(s)})`)
    }
    seen.add(s)
    return s
  })
  const aggregateOnly = bool(value.aggregateOnly, `${at}/aggregateOnly`, 'aggregateOnly')
  const admin = bool(value.admin, `${at}/admin`, 'admin')
  // Flags the public role cannot carry (effective-access.ts): stored, they would read as if they
  // applied. Anyone holds `public`, anonymous callers included.
  if (name === PUBLIC_ROLE && !aggregateOnly) {
    invalid(
      `${at}/aggregateOnly`,
      'the public role is always aggregate-only (disclosure control for open data); aggregateOnly must be true',
    )
  }
  if (name === PUBLIC_ROLE && admin)
    invalid(`${at}/admin`, 'the public role is held by everyone, anonymous callers included; it can never be an admin role')
  const validFrom = date(value.validFrom, `${at}/validFrom`, 'validFrom')
  const validUntil = date(value.validUntil, `${at}/validUntil`, 'validUntil')
  if (validFrom && validUntil && validUntil < validFrom)
    invalid(`${at}/validUntil`, `validUntil ${validUntil} is before validFrom ${validFrom}`)
  return { name, description, scopes, aggregateOnly, admin, validFrom, validUntil }
}

/**
 * Shape and rules of one grant. `roleExists` answers for the policy the grant will live in;
 * `classify`, when the caller knows the supergraph, rejects unknown coordinates and any ALLOW that
 * would hand personal or special data to the public role.
 */
export function validateGrant(value: unknown, at: string, roleExists: (name: string) => boolean, classify?: Classify): CoordinateGrant {
  if (!isRecord(value)) invalid(at, 'grant must be an object')
  const role = validateRoleName(value.role, `${at}/role`)
  if (!roleExists(role)) invalid(`${at}/role`, `unknown role ${JSON.stringify(role)}`)
  const coordinate = validateCoordinate(value.coordinate, `${at}/coordinate`)
  if (value.effect !== 'ALLOW' && value.effect !== 'DENY') invalid(`${at}/effect`, 'effect must be "ALLOW" or "DENY"')
  const effect = value.effect
  const validUntil = date(value.validUntil, `${at}/validUntil`, 'validUntil')
  if (classify) {
    let cls: SensitivityClass | undefined
    try {
      cls = classify(coordinate)
    } catch {
      cls = undefined
    }
    if (cls === undefined) invalid(`${at}/coordinate`, `unknown coordinate ${JSON.stringify(coordinate)}`)
    if (role === PUBLIC_ROLE && effect === 'ALLOW' && NEVER_PUBLIC.has(cls)) {
      invalid(`${at}/coordinate`, `the public role may never be granted ${cls} data (${coordinate})`)
    }
  }
  return { role, coordinate, effect, validUntil }
}

/**
 * The keys of a row-rule condition that row-filters.ts reads: `column` and one of `equals` or
 * `claim`. Any other key would be stored and silently ignored, so the rule would not mean what it says.
 */
export const ROW_CONDITION_KEYS = ['column', 'equals', 'claim'] as const

export function validateRowRule(value: unknown, at: string, roleExists: (name: string) => boolean): RowRule {
  if (!isRecord(value)) invalid(at, 'row rule must be an object')
  const role = validateRoleName(value.role, `${at}/role`)
  if (!roleExists(role)) invalid(`${at}/role`, `unknown role ${JSON.stringify(role)}`)
  const coordinate = validateRowRuleCoordinate(value.coordinate, `${at}/coordinate`)
  if (!isRecord(value.condition)) invalid(`${at}/condition`, 'condition must be an object of strings')
  const entries = Object.entries(value.condition)
  if (entries.length === 0) invalid(`${at}/condition`, 'condition must not be empty (an empty rule would match every row)')
  const condition: Record<string, string> = {}
  for (const [key, v] of entries) {
    const keyAt = `${at}/condition${pointer(key)}`
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) invalid(keyAt, `condition key ${JSON.stringify(key)} must be an identifier`)
    if (!(ROW_CONDITION_KEYS as readonly string[]).includes(key)) {
      invalid(keyAt, `condition key ${JSON.stringify(key)} is not one the row filters read (${ROW_CONDITION_KEYS.join(', ')})`)
    }
    const s = text(v, keyAt, `condition.${key}`, 200)
    if (s.length === 0) invalid(keyAt, `condition.${key} must not be empty`)
    condition[key] = s
  }
  if (condition.column === undefined) invalid(`${at}/condition`, 'condition needs "column": the field of the rows it compares')
  if ((condition.equals === undefined) === (condition.claim === undefined)) {
    invalid(`${at}/condition`, 'condition needs exactly one of "equals" (a fixed value) or "claim" (a claim of the caller)')
  }
  if (condition.claim !== undefined && !(ROW_RULE_CLAIMS as readonly string[]).includes(condition.claim)) {
    invalid(
      `${at}/condition/claim`,
      `claim ${JSON.stringify(condition.claim)} is not one a caller's verified identity carries (${ROW_RULE_CLAIMS.join(', ')}); it would match no row`,
    )
  }
  return { role, coordinate, condition }
}

/** A whole policy as `importPolicy` receives it: every part valid, names and keys unique. */
export function validatePolicy(value: unknown, classify?: Classify): PolicyInput {
  if (!isRecord(value)) invalid('', 'policy must be an object with roles, grants and rowRules')
  for (const key of ['roles', 'grants', 'rowRules'] as const) {
    if (!Array.isArray(value[key])) invalid(pointer(key), `${key} must be an array`)
  }
  const roles = (value.roles as unknown[]).map((r, i) => validateRole(r, pointer('roles', i)))
  const names = new Set<string>()
  roles.forEach((r, i) => {
    if (names.has(r.name)) invalid(pointer('roles', i, 'name'), `role ${JSON.stringify(r.name)} is defined twice`)
    names.add(r.name)
  })
  const exists = (name: string) => names.has(name)
  const grants = (value.grants as unknown[]).map((g, i) => validateGrant(g, pointer('grants', i), exists, classify))
  unique(grants, 'grants', 'grant')
  const rowRules = (value.rowRules as unknown[]).map((r, i) => validateRowRule(r, pointer('rowRules', i), exists))
  unique(rowRules, 'rowRules', 'row rule')
  return { roles, grants, rowRules }
}

function unique(items: ReadonlyArray<{ role: string; coordinate: string }>, key: string, what: string): void {
  const seen = new Set<string>()
  items.forEach((item, i) => {
    const id = `${item.role}\u0000${item.coordinate}`
    if (seen.has(id)) invalid(pointer(key, i), `${what} for role ${item.role} on ${item.coordinate} is listed twice`)
    seen.add(id)
  })
}
