import { composeSupergraph } from '../../schema/compose.js'
import type { Principal } from '../../auth/principal.js'
import type { CoordinateGrant, RoleDefinition } from '../../auth/policy/types.js'

/**
 * Shared fixtures of the policy tests: three tiny departments with every class, a type-level
 * requirement, unclassified fields, and District shared by asylum and population; the default
 * role table of docs/access-control.md#roles written out independently of the store's seed.
 */
export const LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key", "@shareable", "@requiresScopes"])'
export const O = '@requiresScopes(scopes: [["open"]])'
export const I = (d: string) => `@requiresScopes(scopes: [["internal"], ["${d}:internal"]])`
export const P = (d: string) => `@requiresScopes(scopes: [["personal"], ["${d}:personal"]])`
export const S = (d: string) => `@requiresScopes(scopes: [["special"], ["${d}:special"]])`

export const TEST_SUBGRAPHS = [
  {
    name: 'asylum',
    url: 'http://asylum.test/graphql',
    typeDefs: `${LINK}
    type Query { accommodations: [Accommodation!]! ${O} allocationRecords: [AllocationRecord!] ${P('asylum')} asylumNote: String }
    type Accommodation @key(fields: "id") { id: ID! ${O} name: String ${O} operator: String ${I('asylum')} district: District ${O} }
    type AllocationRecord ${P('asylum')} { id: ID age: Int ${P('asylum')} religion: String ${S('asylum')} }
    type District @key(fields: "code") { code: ID! ${O} accommodationCount: Int ${O} }`,
  },
  {
    name: 'population',
    url: 'http://population.test/graphql',
    typeDefs: `${LINK}
    type Query { districts: [District!]! ${O} personRecords: [PersonRecord!] ${P('population')} }
    type District @key(fields: "code") { code: ID! ${O} name: String ${O} migrationShare: Float ${I('population')} residents: Int }
    type PersonRecord { pseudonym: ID ${P('population')} birthYear: Int ${P('population')} }`,
  },
  {
    name: 'finance',
    url: 'http://finance.test/graphql',
    typeDefs: `${LINK}
    type Query { budget: Budget ${O} }
    type Budget { ansatz: Float ${O} prognose: Float ${I('finance')} }`,
  },
]
export const TEST_SUPERGRAPH = composeSupergraph(TEST_SUBGRAPHS)

export const role = (name: string, scopes: string[], flags: Partial<RoleDefinition> = {}): RoleDefinition => ({
  name,
  description: name,
  scopes,
  aggregateOnly: false,
  admin: false,
  validFrom: null,
  validUntil: null,
  ...flags,
})

export const TEST_ROLES: RoleDefinition[] = [
  role('public', ['open'], { aggregateOnly: true }),
  role('committee', ['open', 'finance:internal'], { aggregateOnly: true }),
  role('leadership', ['open', 'internal']),
  role('department_head', ['open', '{department}:internal']),
  role('staff', ['open', '{department}:internal', '{department}:personal', '{department}:special']),
  role('controlling', ['open', 'internal']),
  role('statistics_office', ['open', 'population:internal', 'population:personal']),
  role('admin', [], { admin: true }),
]

export const grant = (
  roleName: string,
  coordinate: string,
  effect: 'ALLOW' | 'DENY' = 'ALLOW',
  validUntil: string | null = null,
): CoordinateGrant => ({ role: roleName, coordinate, effect, validUntil })

export const principal = (roles: string[], department: string | null = null): Principal => ({
  subject: 'u',
  roles,
  department,
  purpose: null,
  authenticated: true,
})
