import { sql, type Kysely } from 'kysely'
import type { RoleDefinition } from '../types.js'
import { access } from './access-schema.js'
import type { PolicyExport } from './policy-store.js'

const byKey = <T extends { role: string; coordinate: string }>(a: T, b: T) =>
  a.role === b.role ? (a.coordinate < b.coordinate ? -1 : a.coordinate > b.coordinate ? 1 : 0) : a.role < b.role ? -1 : 1

export function toRole(r: {
  name: string
  description: string
  scopes: string[]
  aggregate_only: boolean
  admin: boolean
  valid_from: string | null
  valid_until: string | null
}): RoleDefinition {
  return {
    name: r.name,
    description: r.description,
    scopes: r.scopes,
    aggregateOnly: r.aggregate_only,
    admin: r.admin,
    validFrom: r.valid_from,
    validUntil: r.valid_until,
  }
}

export const roleRow = (r: RoleDefinition) => ({
  name: r.name,
  description: r.description,
  scopes: [...r.scopes],
  aggregate_only: r.aggregateOnly,
  admin: r.admin,
  valid_from: r.validFrom,
  valid_until: r.validUntil,
})

/** Dates as text: independent of the `pg` type parsers the process installed. Sorted in JS: collations differ between databases. */
export async function readPolicy(db: Kysely<any>): Promise<PolicyExport> {
  // One after another: inside a transaction they share one connection.
  const a = access(db)
  const v = await a.selectFrom('policy_version').select('version').executeTakeFirstOrThrow()
  const roles = await a
    .selectFrom('role')
    .select([
      'name',
      'description',
      'scopes',
      'aggregate_only',
      'admin',
      sql<string | null>`valid_from::text`.as('valid_from'),
      sql<string | null>`valid_until::text`.as('valid_until'),
    ])
    .execute()
  const grants = await a
    .selectFrom('coordinate_grant')
    .select(['role', 'coordinate', 'effect', sql<string | null>`valid_until::text`.as('valid_until')])
    .execute()
  const rules = await a.selectFrom('row_rule').select(['role', 'coordinate', 'condition']).execute()
  return {
    version: Number(v.version),
    roles: roles.map(toRole).sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0)),
    grants: grants.map(g => ({ role: g.role, coordinate: g.coordinate, effect: g.effect, validUntil: g.valid_until })).sort(byKey),
    rowRules: rules.map(r => ({ role: r.role, coordinate: r.coordinate, condition: r.condition })).sort(byKey),
  }
}

export async function roleNames(trx: Kysely<any>): Promise<Set<string>> {
  return new Set((await access(trx).selectFrom('role').select('name').execute()).map(r => r.name))
}

export async function readRole(trx: Kysely<any>, name: string): Promise<RoleDefinition | null> {
  const previous = await access(trx)
    .selectFrom('role')
    .select([
      'name',
      'description',
      'scopes',
      'aggregate_only',
      'admin',
      sql<string | null>`valid_from::text`.as('valid_from'),
      sql<string | null>`valid_until::text`.as('valid_until'),
    ])
    .where('name', '=', name)
    .executeTakeFirst()
  return previous ? toRole(previous) : null
}
