import type { Kysely, QueryCreator } from 'kysely'
import type { AccessTables } from './db.js'

/** The Postgres schema of the permission store, the audit logs and their checkpoints. */
export const ACCESS_SCHEMA = 'access'

export type Access = QueryCreator<AccessTables>

/** Queries against the `access` schema's tables, on the pool or inside a transaction. */
export const access = (db: Kysely<any>): Access => db.withSchema(ACCESS_SCHEMA) as unknown as Access
