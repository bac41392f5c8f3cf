import type { ErrorCode } from '../../platform/errors.js'
import type { ScopeRequirement } from '../classes.js'

/**
 * The permission model (docs/access-control.md). Roles hold scopes; coordinate grants and denies
 * adjust single fields; everything not granted is denied. A snapshot is immutable: a change makes
 * a new snapshot with a higher `version`.
 */
export interface RoleDefinition {
  name: string
  description: string
  /**
   * Scopes this role holds. `{department}` is replaced by the principal's department claim
   * (e.g. `{department}:internal` → `asylum:internal`); without a department claim such a scope is dropped.
   */
  scopes: readonly string[]
  /** Aggregate-only roles (public, committee) get disclosure control on statistical cells. */
  aggregateOnly: boolean
  /** Manages policies through the admin API; holds no data classes unless granted. */
  admin: boolean
  /** ISO dates; a role outside its validity grants nothing. */
  validFrom: string | null
  validUntil: string | null
}

export type GrantEffect = 'ALLOW' | 'DENY'

/** A grant or deny on one coordinate: `Type.field`, or `Type.*` for every field of a type. */
export interface CoordinateGrant {
  role: string
  coordinate: string
  effect: GrantEffect
  validUntil: string | null
}

/** A row rule: rows of `coordinate` (a type) are limited by a condition over verified claims. */
export interface RowRule {
  role: string
  coordinate: string
  /** e.g. `{ "column": "department", "claim": "department" }`: the row's column must equal the claim. */
  condition: Readonly<Record<string, string>>
}

export interface PolicySnapshot {
  version: number
  roles: ReadonlyMap<string, RoleDefinition>
  grants: readonly CoordinateGrant[]
  rowRules: readonly RowRule[]
  loadedAt: Date
}

/** Requirements read from the supergraph: `Type.field` (and `Type` for type-level) → scopes. */
export type Requirements = ReadonlyMap<string, ScopeRequirement>

/** What one principal may do under one snapshot; `key` identifies it for caching projected schemas. */
export interface EffectiveAccess {
  key: string
  policyVersion: number
  scopes: ReadonlySet<string>
  allow: ReadonlySet<string>
  deny: ReadonlySet<string>
  aggregateOnly: boolean
  admin: boolean
}

/** The codes a policy refusal carries; each is in the error catalogue (platform/errors.ts), or this does not typecheck. */
export const POLICY_ERROR_CODES = [
  'VERSION_CONFLICT',
  'INVALID_POLICY',
  'FORBIDDEN',
  'PENDING_APPROVAL',
] as const satisfies readonly ErrorCode[]
export type PolicyErrorCode = (typeof POLICY_ERROR_CODES)[number]

export class PolicyError extends Error {
  constructor(
    readonly code: PolicyErrorCode,
    message: string,
    readonly pointer?: string,
  ) {
    super(message)
  }
}

/** Admin reads that reveal who may see what (explain, effective schema, permission matrix, export); each leaves an audit row. */
export const ADMIN_READ_ACTIONS: ReadonlySet<string> = new Set([
  'read.explain',
  'read.explainOperation',
  'read.effectiveSchema',
  'read.coordinates',
  'read.exportPolicy',
  'read.previewRowRule',
])
export type AdminReadAction =
  'read.explain' | 'read.explainOperation' | 'read.effectiveSchema' | 'read.coordinates' | 'read.exportPolicy' | 'read.previewRowRule'
