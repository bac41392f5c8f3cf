import type { Kysely } from 'kysely'
import { allowUploadVia, disallowUploadVia } from '../../../lib/data-entry/write-audit-table.js'

/** The write audit records CSV files uploaded over HTTP (`via = 'upload'`, lib/data-entry/data-entry-routes.ts). */
export async function up(db: Kysely<any>): Promise<void> {
  await allowUploadVia(db, 'fin')
}

export async function down(db: Kysely<any>): Promise<void> {
  await disallowUploadVia(db, 'fin')
}
