import type { ColumnType, Generated } from 'kysely'

/**
 * Table types of the `access` schema. Dates are read with `::text` casts in queries, so the
 * store does not depend on which `pg` type parsers the process installed.
 */
export interface AccessTables {
  role: {
    name: string
    description: string
    scopes: string[]
    aggregate_only: boolean
    admin: boolean
    valid_from: string | null
    valid_until: string | null
  }
  coordinate_grant: {
    id: Generated<number>
    role: string
    coordinate: string
    effect: 'ALLOW' | 'DENY'
    valid_until: string | null
  }
  row_rule: {
    id: Generated<number>
    role: string
    coordinate: string
    condition: ColumnType<Record<string, string>, string, string>
  }
  policy_version: {
    singleton: Generated<boolean>
    version: ColumnType<number | string, number, number>
  }
  audit_log: {
    id: Generated<number | string>
    at: ColumnType<Date, string, never>
    actor: string
    action: string
    payload: ColumnType<unknown, string, never>
    prev_hash: string
    hash: string
  }
  audit_checkpoint: {
    id: Generated<number | string>
    log: 'audit_log' | 'access_log'
    seq: ColumnType<number | string, number, never>
    head_hash: string
    at: ColumnType<Date, string | undefined, never>
    key_id: string
    signature: string
  }
  replica: {
    id: string
    policy_version: ColumnType<number | string, number, number>
    seen_at: ColumnType<Date, string | undefined, string>
    supergraph_hash: ColumnType<string | null, string | null | undefined, string | null>
    supergraph_loaded_at: ColumnType<Date | null, string | null | undefined, string | null>
  }
  pending_change: {
    id: Generated<number | string>
    kind: 'grant.set' | 'role.upsert' | 'policy.import'
    payload: ColumnType<Record<string, unknown>, string, never>
    requested_by: string
    requested_at: ColumnType<Date, string | undefined, never>
    approved_by: string | null
    approved_at: ColumnType<Date | null, string | undefined, string>
    rejected: ColumnType<boolean, boolean | undefined, boolean>
  }
}
