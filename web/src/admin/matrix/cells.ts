import type { PolicyGrant, PolicyRole } from '../use-policy'

// What a cell of the permission matrix means, computed in the browser from one policy read and one coordinates read
// (no request per cell), by the gateway's own rule (auth/policy/project-schema.ts): a DENY on the field or on
// `Type.*` hides it; otherwise an ALLOW shows it (not personal/special data to an aggregate-only role); otherwise
// the role's scopes decide against the field's requirement ([[a, b], [c]] = (a AND b) OR c).

export type SensitivityClass = 'open' | 'internal' | 'personal' | 'special'
export const CLASSES: readonly SensitivityClass[] = ['open', 'internal', 'personal', 'special']

export interface Coordinate {
  coordinate: string
  class: SensitivityClass
  requirement: string[][]
  owners: string[]
}

export type Cell =
  | { kind: 'allow'; via: string; exact: boolean; blocked: boolean }
  | { kind: 'deny'; via: string; exact: boolean; blocked: false }
  | { kind: 'inherited'; visible: 'yes' | 'department' | 'no'; by: string[] }

/** Grants by role, then coordinate (`Type.field` or `Type.*`). */
export type GrantIndex = Map<string, Map<string, PolicyGrant>>

export function indexGrants(grants: readonly PolicyGrant[]): GrantIndex {
  const out: GrantIndex = new Map()
  for (const g of grants) {
    let byRole = out.get(g.role)
    if (!byRole) out.set(g.role, (byRole = new Map()))
    byRole.set(g.coordinate, g)
  }
  return out
}

const SENSITIVE = new Set<SensitivityClass>(['personal', 'special'])
export const isSensitive = (cls: SensitivityClass) => SENSITIVE.has(cls)

function satisfied(requirement: string[][], held: ReadonlySet<string>): string[] | null {
  return requirement.find(conjunction => conjunction.every(s => held.has(s))) ?? null
}

export function cellOf(role: PolicyRole, c: Coordinate, grants: GrantIndex): Cell {
  const own = grants.get(role.name)
  const wildcard = c.coordinate.slice(0, c.coordinate.indexOf('.')) + '.*'
  const exact = own?.get(c.coordinate)
  const wide = own?.get(wildcard)
  const deny = exact?.effect === 'DENY' ? exact : wide?.effect === 'DENY' ? wide : undefined
  if (deny) return { kind: 'deny', via: deny.coordinate, exact: deny === exact, blocked: false }
  const allow = exact?.effect === 'ALLOW' ? exact : wide?.effect === 'ALLOW' ? wide : undefined
  if (allow) return { kind: 'allow', via: allow.coordinate, exact: allow === exact, blocked: role.aggregateOnly && isSensitive(c.class) }
  const plain = new Set(role.scopes.filter(s => !s.includes('{department}')))
  const direct = satisfied(c.requirement, plain)
  if (direct) return { kind: 'inherited', visible: 'yes', by: direct }
  for (const department of c.owners) {
    const held = new Set(role.scopes.map(s => s.split('{department}').join(department)))
    const mine = satisfied(c.requirement, held)
    if (mine) return { kind: 'inherited', visible: 'department', by: mine.map(s => s.replace(`${department}:`, '{department}:')) }
  }
  return { kind: 'inherited', visible: 'no', by: [] }
}

/** The requirement in words: `asylum:internal oder internal`. */
export const requirementText = (requirement: string[][], or: string, and: string) =>
  requirement.map(c => c.join(` ${and} `)).join(` ${or} `)

/** The department group a coordinate is listed under: its owners (departments that resolve it). */
export const groupOf = (c: Coordinate) => (c.owners.length ? c.owners.join(', ') : '')
