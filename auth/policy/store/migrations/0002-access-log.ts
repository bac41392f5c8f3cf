import type { Kysely } from 'kysely'
import { createAccessLogTable } from '../../../audit/access-log.js'

/** Field-level access log for personal and special data (auth/audit/access-log.ts). */
export async function up(db: Kysely<any>): Promise<void> {
  await createAccessLogTable(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.withSchema('access').dropTable('access_log').execute()
}
