import { canonicalJson } from '../../../platform/canonical-json.js'
import type { CoordinateGrant, RoleDefinition, RowRule } from '../types.js'
import { importOpenings, type Opening } from './four-eyes.js'
import type { Classify, PolicyInput } from './validate-policy.js'

/**
 * What importing a policy document would change (previewImport): each role, grant and row rule
 * added, removed or changed against the current policy, and what each would open that needs a
 * second administrator — computed by the same rule (importOpenings) that decides whether
 * importPolicy applies at once or waits as a pending change.
 */

export type PolicyPart = 'role' | 'grant' | 'rowRule'
export type DiffKind = 'added' | 'removed' | 'changed'

export interface PolicyChange {
  part: PolicyPart
  change: DiffKind
  role: string
  /** null for a role. */
  coordinate: string | null
  /** The members that differ (`scopes`, `effect`, `validUntil`, `condition`, …); empty for added/removed. */
  fields: string[]
  before: RoleDefinition | CoordinateGrant | RowRule | null
  after: RoleDefinition | CoordinateGrant | RowRule | null
  /** What this change opens that needs a second administrator. */
  opens: Opening[]
}

export interface PolicyDiff {
  /** The policy version the diff was computed against (import with it as expectedVersion). */
  baseVersion: number
  changes: PolicyChange[]
  /** Roles, grants and row rules the document leaves exactly as they are. */
  unchanged: number
  /** True when importPolicy would answer PENDING_APPROVAL rather than apply. */
  needsApproval: boolean
  opens: Opening[]
}

const PART_ORDER: Record<PolicyPart, number> = { role: 0, grant: 1, rowRule: 2 }
const CHANGE_ORDER: Record<DiffKind, number> = { removed: 0, changed: 1, added: 2 }

function diffItems<T extends object>(
  part: PolicyPart,
  before: readonly T[],
  after: readonly T[],
  keyOf: (item: T) => { role: string; coordinate: string | null },
): { changes: PolicyChange[]; unchanged: number } {
  const id = (item: T) => {
    const k = keyOf(item)
    return `${k.role}\u0000${k.coordinate ?? ''}`
  }
  const old = new Map(before.map(item => [id(item), item]))
  const changes: PolicyChange[] = []
  let unchanged = 0
  for (const item of after) {
    const previous = old.get(id(item))
    old.delete(id(item))
    const { role, coordinate } = keyOf(item)
    if (!previous) {
      changes.push({ part, change: 'added', role, coordinate, fields: [], before: null, after: item as never, opens: [] })
      continue
    }
    const keys = [...new Set([...Object.keys(previous), ...Object.keys(item)])].sort()
    const fields = keys.filter(
      k => canonicalJson((previous as Record<string, unknown>)[k] ?? null) !== canonicalJson((item as Record<string, unknown>)[k] ?? null),
    )
    if (fields.length === 0) unchanged++
    else changes.push({ part, change: 'changed', role, coordinate, fields, before: previous as never, after: item as never, opens: [] })
  }
  for (const item of old.values()) {
    const { role, coordinate } = keyOf(item)
    changes.push({ part, change: 'removed', role, coordinate, fields: [], before: item as never, after: null, opens: [] })
  }
  return { changes, unchanged }
}

/** `next` (validated) against `current`: sorted by part, then removed/changed/added, then role and coordinate. */
export function diffPolicy(current: PolicyInput & { version: number }, next: PolicyInput, classify: Classify | undefined): PolicyDiff {
  const roles = diffItems<RoleDefinition>('role', current.roles, next.roles, r => ({ role: r.name, coordinate: null }))
  const grants = diffItems<CoordinateGrant>('grant', current.grants, next.grants, g => g)
  const rules = diffItems<RowRule>('rowRule', current.rowRules, next.rowRules, r => r)
  const changes = [...roles.changes, ...grants.changes, ...rules.changes]
  const opens = importOpenings(next, current, classify)
  for (const o of opens) {
    const at = changes.find(c =>
      o.kind === 'scope'
        ? c.part === 'role' && c.role === o.role
        : c.part === 'grant' && c.role === o.role && c.coordinate === o.coordinate,
    )
    at?.opens.push(o)
  }
  changes.sort(
    (a, b) =>
      PART_ORDER[a.part] - PART_ORDER[b.part] ||
      CHANGE_ORDER[a.change] - CHANGE_ORDER[b.change] ||
      (a.role < b.role ? -1 : a.role > b.role ? 1 : 0) ||
      ((a.coordinate ?? '') < (b.coordinate ?? '') ? -1 : (a.coordinate ?? '') > (b.coordinate ?? '') ? 1 : 0),
  )
  return {
    baseVersion: current.version,
    changes,
    unchanged: roles.unchanged + grants.unchanged + rules.unchanged,
    needsApproval: opens.length > 0,
    opens,
  }
}
