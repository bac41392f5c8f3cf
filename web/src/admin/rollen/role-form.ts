// The role form's checks, mirroring the admin API's (auth/policy/store/validate-policy.ts): they spare a round trip
// for the obvious mistakes; the server checks everything again and its INVALID_POLICY message is shown as it is.

export interface RoleDraft {
  name: string
  description: string
  scopes: string
  aggregateOnly: boolean
  admin: boolean
  validFrom: string
  validUntil: string
}

export type RoleField = 'name' | 'description' | 'scopes' | 'aggregateOnly' | 'admin' | 'validFrom' | 'validUntil'

export const ROLE_NAME_PATTERN = /^[a-z_][a-z0-9_]*$/
export const SCOPE_PATTERN = /^[a-z_]+(:[a-z_]+)?$|^\{department\}:[a-z_]+$/
const NEVER_PUBLIC = new Set(['personal', 'special'])

export const scopeClass = (scope: string) => (scope.includes(':') ? scope.slice(scope.indexOf(':') + 1) : scope)

export const scopesOf = (text: string): string[] => text.split(/[\s,;]+/).filter(Boolean)

export interface RoleInputValue {
  name: string
  description: string
  scopes: string[]
  aggregateOnly: boolean
  admin: boolean
  validFrom: string | null
  validUntil: string | null
}

export const toInput = (d: RoleDraft): RoleInputValue => ({
  name: d.name.trim(),
  description: d.description,
  scopes: scopesOf(d.scopes),
  aggregateOnly: d.aggregateOnly,
  admin: d.admin,
  validFrom: d.validFrom || null,
  validUntil: d.validUntil || null,
})

/** A problem key (admin.rollen.check.*) with its parameters, at a field. */
export interface FormCheck {
  field: RoleField
  key: string
  params?: Record<string, string>
}

const isCalendarDate = (v: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false
  const [y, m, d] = v.split('-').map(Number)
  const date = new Date(Date.UTC(y!, m! - 1, d!))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m! - 1 && date.getUTCDate() === d
}

export function checkRole(input: RoleInputValue): FormCheck | null {
  if (input.name.length === 0 || input.name.length > 100 || !ROLE_NAME_PATTERN.test(input.name)) return { field: 'name', key: 'name' }
  if (input.description.length > 1000) return { field: 'description', key: 'description' }
  const seen = new Set<string>()
  for (const s of input.scopes) {
    if (s.length > 100 || !SCOPE_PATTERN.test(s)) return { field: 'scopes', key: 'scope', params: { scope: s } }
    if (seen.has(s)) return { field: 'scopes', key: 'scopeTwice', params: { scope: s } }
    if (input.name === 'public' && NEVER_PUBLIC.has(scopeClass(s))) return { field: 'scopes', key: 'publicScope', params: { scope: s } }
    seen.add(s)
  }
  if (input.name === 'public' && !input.aggregateOnly) return { field: 'aggregateOnly', key: 'publicAggregate' }
  if (input.name === 'public' && input.admin) return { field: 'admin', key: 'publicAdmin' }
  if (input.validFrom && !isCalendarDate(input.validFrom)) return { field: 'validFrom', key: 'date' }
  if (input.validUntil && !isCalendarDate(input.validUntil)) return { field: 'validUntil', key: 'date' }
  if (input.validFrom && input.validUntil && input.validUntil < input.validFrom) return { field: 'validUntil', key: 'untilBeforeFrom' }
  return null
}

/** The form field an INVALID_POLICY pointer of upsertRole names (`/role/scopes/1` → scopes). */
export function fieldOfPointer(pointer: string | null): RoleField | null {
  if (!pointer) return null
  const segment = pointer.replace(/^\/role(?=\/|$)/, '').split('/')[1]
  const fields: RoleField[] = ['name', 'description', 'scopes', 'aggregateOnly', 'admin', 'validFrom', 'validUntil']
  return (fields as string[]).includes(segment ?? '') ? (segment as RoleField) : null
}

/** Scopes a role would newly hold that open personal or special data: such a change waits for a second administrator. */
export const addedSensitive = (next: string[], previous: readonly string[] | null) =>
  next.filter(s => !(previous ?? []).includes(s) && NEVER_PUBLIC.has(scopeClass(s)))
