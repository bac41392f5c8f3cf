import { sql, type Kysely, type Transaction } from 'kysely'
import { PolicyError } from '../types.js'
import { access } from './access-schema.js'
import { appendAuditEntry } from './audit-chain.js'
import type { AuditKeys } from './audit-keys.js'
import { pendingApproval, type PendingKind } from './four-eyes.js'
import type { ChangeContext, ChangeResult, PolicyStoreOptions } from './policy-store.js'
import { POLICY_CHANNEL } from './subscribe-policy-version.js'

export function invalid(at: string, message: string): never {
  throw new PolicyError('INVALID_POLICY', message, at)
}

export function checkActor(input: unknown): string {
  const { actor } = (input ?? {}) as { actor?: unknown }
  if (typeof actor !== 'string' || actor.trim() === '' || actor.length > 200)
    invalid('/actor', 'actor must be a non-empty string (who makes the change)')
  return actor
}

export function checkContext(input: unknown): ChangeContext {
  const ctx = (input ?? {}) as Partial<ChangeContext>
  if (!Number.isSafeInteger(ctx.expectedVersion) || (ctx.expectedVersion as number) < 0)
    invalid('/expectedVersion', 'expectedVersion must be a non-negative integer')
  return { expectedVersion: ctx.expectedVersion as number, actor: checkActor(input) }
}

/** What a write's work returns instead of its audit payload when the change must wait for a second administrator. */
export class NeedsApproval {
  constructor(
    readonly kind: PendingKind,
    readonly payload: Record<string, unknown>,
    readonly what: string,
  ) {}
}

/** The audit payload of an applied change (the version is added on commit). */
export type ChangeWork = (trx: Transaction<any>) => Promise<Record<string, unknown> | NeedsApproval>

/**
 * What every change of the permission store repeats, in one place. A change is one transaction
 * that locks the version row, checks `expectedVersion`, validates, writes, bumps the version,
 * appends one hash-chained audit row (with a signed checkpoint) and notifies `stadtgraph_policy`
 * — so a replica that sees version N sees exactly the state the N-th change left. Audit rows that
 * change no policy (rejections, admin reads) take the same lock, which orders all appends.
 */
export interface ChangeTransaction {
  /**
   * One write: `work` runs under the version lock after the version check. When it answers
   * NeedsApproval (it must not have written anything), the change is stored as pending and audited
   * as `change.requested` — no version bump, no NOTIFY — and only after that transaction commits
   * does the caller get PENDING_APPROVAL.
   */
  change(input: unknown, action: string, work: ChangeWork): Promise<ChangeResult>
  /** Locks the version row for the rest of `trx`; returns the current version. */
  lockVersion(trx: Transaction<any>): Promise<number>
  /** VERSION_CONFLICT unless the change was made against `current`. */
  checkVersion(current: number, expectedVersion: number): void
  /** Sets the version to `next`, appends the audit row (always checkpointed) and queues the NOTIFY. */
  commit(trx: Transaction<any>, next: number, actor: string, action: string, payload: Record<string, unknown>): Promise<ChangeResult>
  /** Appends an audit row that changes no policy (checkpointed only when one is due); `trx` must hold the version lock. */
  appendUnversioned(trx: Transaction<any>, entry: { actor: string; action: string; payload: Record<string, unknown> }): Promise<void>
}

export function createChangeTransaction(db: Kysely<any>, keys: AuditKeys | null | undefined): ChangeTransaction {
  // Entries that change no policy get a checkpoint only when one is due.
  const unforced = { keys, force: false }

  const tx: ChangeTransaction = {
    async lockVersion(trx) {
      const row = await access(trx).selectFrom('policy_version').select('version').forUpdate().executeTakeFirstOrThrow()
      return Number(row.version)
    },

    checkVersion(current, expectedVersion) {
      if (current !== expectedVersion) {
        throw new PolicyError(
          'VERSION_CONFLICT',
          `the policy is at version ${current}, this change was made against version ${expectedVersion}; reload and retry`,
          '/expectedVersion',
        )
      }
    },

    async commit(trx, next, actor, action, payload) {
      await access(trx).updateTable('policy_version').set({ version: next }).execute()
      await appendAuditEntry(access(trx), { actor, action, payload: { version: next, ...payload } }, { keys, force: true })
      // Delivered by Postgres only if the transaction commits.
      await sql`select pg_notify(${POLICY_CHANNEL}, ${String(next)})`.execute(trx)
      return { version: next }
    },

    async appendUnversioned(trx, entry) {
      await appendAuditEntry(access(trx), entry, unforced)
    },

    async change(input, action, work) {
      const { expectedVersion, actor } = checkContext(input)
      const outcome = await db.transaction().execute(async trx => {
        const current = await tx.lockVersion(trx)
        tx.checkVersion(current, expectedVersion)
        const result = await work(trx)
        if (!(result instanceof NeedsApproval)) return tx.commit(trx, current + 1, actor, action, result)
        const row = await access(trx)
          .insertInto('pending_change')
          .values({ kind: result.kind, payload: JSON.stringify(result.payload), requested_by: actor })
          .returning('id')
          .executeTakeFirstOrThrow()
        const id = Number(row.id)
        await tx.appendUnversioned(trx, {
          actor,
          action: 'change.requested',
          payload: { version: current, changeId: id, kind: result.kind, ...result.payload },
        })
        return pendingApproval(id, result.kind, result.what)
      })
      if (outcome instanceof PolicyError) throw outcome
      return outcome
    },
  }
  return tx
}

/** What each group of the store's methods is built from. */
export interface StoreDeps {
  db: Kysely<any>
  options: PolicyStoreOptions
  tx: ChangeTransaction
}
