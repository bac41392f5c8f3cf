import { sql } from 'kysely'
import { verifyAccessLogChain } from '../../audit/access-log.js'
import { ADMIN_READ_ACTIONS } from '../types.js'
import { access } from './access-schema.js'
import { verifyAuditChain } from './audit-chain.js'
import { readAuditPage } from './audit-query.js'
import { checkpointHead } from './audit-checkpoint.js'
import { checkActor, invalid, type StoreDeps } from './change-transaction.js'
import type { PolicyStore } from './policy-store.js'

/** The audit log (audit-chain.ts) and the access log: admin reads appended, pages read, chains verified, checkpoints signed. */
export function auditMethods({
  db,
  options,
  tx,
}: StoreDeps): Pick<PolicyStore, 'recordAdminRead' | 'auditLog' | 'verifyAuditChain' | 'verifyAccessLogChain' | 'checkpointNow'> {
  return {
    recordAdminRead: async input => {
      const actor = checkActor(input)
      const { action, payload } = input as { action?: unknown; payload?: unknown }
      if (typeof action !== 'string' || !ADMIN_READ_ACTIONS.has(action)) invalid('/action', 'action must be one of the audited admin reads')
      if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) invalid('/payload', 'payload must be an object')
      await db.transaction().execute(async trx => {
        // The version lock serialises audit appends; reads do not change the version.
        const version = await tx.lockVersion(trx)
        await tx.appendUnversioned(trx, { actor, action, payload: { version, ...(payload as Record<string, unknown>) } })
      })
    },

    // Filters and keyset pages in SQL (audit-query.ts).
    auditLog: async page => readAuditPage(access(db), page),

    verifyAuditChain: () => verifyAuditChain(access(db), options.audit),

    verifyAccessLogChain: () => verifyAccessLogChain(db, options.audit),

    checkpointNow: async () => {
      const keys = options.audit
      if (!keys?.signer) throw new Error('checkpoints need a signing key (AUDIT_SIGNING_KEY)')
      // Each log under the lock its writers take, so the head cannot move while it is signed.
      const auditLog = await db.transaction().execute(async trx => {
        await tx.lockVersion(trx)
        return checkpointHead(trx, 'audit_log', keys)
      })
      const accessLog = await db.transaction().execute(async trx => {
        await sql`lock table access.access_log in share row exclusive mode`.execute(trx)
        return checkpointHead(trx, 'access_log', keys)
      })
      return { auditLog, accessLog }
    },
  }
}
