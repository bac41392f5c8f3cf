import { sql, type Kysely, type QueryCreator, type Transaction } from 'kysely'
import { migrateSchema } from '../../../lib/db/migrate.js'
import { ADMIN_READ_ACTIONS, PolicyError, type AdminReadAction, type CoordinateGrant, type PolicySnapshot, type RoleDefinition, type RowRule } from '../types.js'
import { verifyAccessLogChain } from '../../audit/access-log.js'
import { appendAuditEntry, readAuditLog, verifyAuditChain, type AuditChainStatus, type AuditEntry } from './audit-chain.js'
import { checkpointHead } from './audit-checkpoint.js'
import type { AuditKeys } from './audit-keys.js'
import type { AccessTables } from './db.js'
import { DEFAULT_ROLES } from './default-roles.js'
import { addedSensitiveScopes, checkChangeId, grantNeedsApproval, importAdditions, pendingApproval, type PendingChange, type PendingKind } from './four-eyes.js'
import { migrations } from './migrations/index.js'
import { POLICY_CHANNEL, subscribePolicyVersion, type PolicyLogger, type PolicySubscription } from './subscribe-policy-version.js'
import {
  validateCoordinate, validateGrant, validatePolicy, validateRole, validateRoleName, validateRowRule,
  validateRowRuleCoordinate, type Classify, type PolicyInput,
} from './validate-policy.js'

export const ACCESS_SCHEMA = 'access'

export interface PolicyStoreOptions {
  /** For the dedicated LISTEN connection of `subscribe`; without it `subscribe` polls only. */
  connectionString?: string
  /** The supergraph's class of a coordinate: rejects unknown coordinates and public ALLOWs on personal/special data. */
  classify?: Classify
  logger?: PolicyLogger
  /**
   * Signs checkpoints of the audit log (at every policy change and at least every `every`
   * entries) and verifies them (audit-keys.ts). Without it entries are chained but not signed,
   * and no checkpoint verifies.
   */
  audit?: AuditKeys | null
}

/** Optimistic concurrency: a change names the version it was made against and who made it. */
export interface ChangeContext { expectedVersion: number; actor: string }
export interface ChangeResult { version: number }

export interface PolicyParts { roles: readonly RoleDefinition[]; grants: readonly CoordinateGrant[]; rowRules: readonly RowRule[] }
export interface PolicyExport { version: number; roles: RoleDefinition[]; grants: CoordinateGrant[]; rowRules: RowRule[] }
export type { AuditChainStatus, AuditEntry, PendingChange, PendingKind }
export interface ReplicaStatus { id: string; policyVersion: number; seenAt: Date }

export interface PolicyStore {
  /** Applies the `access` schema migrations; returns the names newly applied. */
  migrate(): Promise<string[]>
  /** Inserts the default roles a database lacks (never overwrites); one version bump and audit row if any was missing. */
  seedDefaults(opts?: { actor?: string }): Promise<{ version: number; inserted: string[] }>
  load(): Promise<PolicySnapshot>
  version(): Promise<number>
  /** Adding a personal/special scope is not applied: it becomes a pending change and throws PENDING_APPROVAL. */
  upsertRole(input: ChangeContext & { role: RoleDefinition }): Promise<ChangeResult>
  /** Also removes the role's grants and row rules (listed in the audit row). */
  deleteRole(input: ChangeContext & { name: string }): Promise<ChangeResult>
  /** An ALLOW on a coordinate `classify` calls personal/special is not applied: it becomes a pending change and throws PENDING_APPROVAL. */
  setGrant(input: ChangeContext & { grant: CoordinateGrant }): Promise<ChangeResult>
  removeGrant(input: ChangeContext & { role: string; coordinate: string }): Promise<ChangeResult>
  setRowRule(input: ChangeContext & { rule: RowRule }): Promise<ChangeResult>
  removeRowRule(input: ChangeContext & { role: string; coordinate: string }): Promise<ChangeResult>
  /**
   * Replaces roles, grants and row rules in one transaction; all or nothing. Takes the parts, or
   * `json`: a document as exportPolicy writes it (its `version` is ignored; `expectedVersion` counts).
   * An import that adds an ALLOW on personal/special data or a personal/special scope (compared
   * with the current policy) is not applied: the whole import becomes one pending change
   * (`policy.import`) and the call throws PENDING_APPROVAL.
   */
  importPolicy(input: ChangeContext & (PolicyParts | { json: string })): Promise<ChangeResult>
  exportPolicy(): Promise<PolicyExport>
  /** Open changes waiting for a second administrator, oldest first. */
  pendingChanges(): Promise<PendingChange[]>
  /**
   * Applies a pending change like the direct write would (version + 1, NOTIFY), audited as
   * `change.approved` with both actors. FORBIDDEN if `actor` requested it; INVALID_POLICY if the id
   * is unknown or already decided, or the change no longer validates (it then stays open).
   */
  approveChange(input: ChangeContext & { id: number }): Promise<ChangeResult>
  /** Closes a pending change without applying it (the requester may withdraw their own); audited as `change.rejected`. */
  rejectChange(input: { id: number; actor: string }): Promise<void>
  /** Appends an admin read that reveals policy (explain, effective schema, matrix, export) to the audit chain. */
  recordAdminRead(input: { actor: string; action: AdminReadAction; payload: Record<string, unknown> }): Promise<void>
  /** Newest first; `before` pages by id. */
  auditLog(opts: { limit: number; before?: number | null }): Promise<AuditEntry[]>
  /** The audit log's chain and checkpoint signatures; `brokenAt`: id of the first row whose link or hash does not match. */
  verifyAuditChain(): Promise<AuditChainStatus>
  /** The same for the personal-data access log (auth/audit/access-log.ts). */
  verifyAccessLogChain(): Promise<AuditChainStatus>
  /**
   * Signs the newest entry of each log now unless a checkpoint covers it already (after an
   * upgrade, before a backup); the seq covered per log, null for an empty log. Needs `audit.signer`.
   */
  checkpointNow(): Promise<{ auditLog: number | null; accessLog: number | null }>
  reportReplica(id: string, version: number): Promise<void>
  replicas(): Promise<ReplicaStatus[]>
  /** `onVersion` receives each newer version once; `since`: the version the caller already loaded (default: current). */
  subscribe(onVersion: (version: number) => void, opts?: { pollMs?: number; since?: number }): Promise<PolicySubscription>
}

type Access = QueryCreator<AccessTables>
const access = (db: Kysely<any>): Access => db.withSchema(ACCESS_SCHEMA) as unknown as Access

function invalid(at: string, message: string): never {
  throw new PolicyError('INVALID_POLICY', message, at)
}

function checkActor(input: unknown): string {
  const { actor } = (input ?? {}) as { actor?: unknown }
  if (typeof actor !== 'string' || actor.trim() === '' || actor.length > 200) invalid('/actor', 'actor must be a non-empty string (who makes the change)')
  return actor
}

function checkContext(input: unknown): ChangeContext {
  const ctx = (input ?? {}) as Partial<ChangeContext>
  if (!Number.isSafeInteger(ctx.expectedVersion) || (ctx.expectedVersion as number) < 0) invalid('/expectedVersion', 'expectedVersion must be a non-negative integer')
  return { expectedVersion: ctx.expectedVersion as number, actor: checkActor(input) }
}

/** What a write's work returns instead of its audit payload when the change must wait for a second administrator. */
class NeedsApproval {
  constructor(readonly kind: PendingKind, readonly payload: Record<string, unknown>, readonly what: string) {}
}

const byKey = <T extends { role: string; coordinate: string }>(a: T, b: T) =>
  a.role === b.role ? (a.coordinate < b.coordinate ? -1 : a.coordinate > b.coordinate ? 1 : 0) : a.role < b.role ? -1 : 1

function toRole(r: { name: string; description: string; scopes: string[]; aggregate_only: boolean; admin: boolean; valid_from: string | null; valid_until: string | null }): RoleDefinition {
  return { name: r.name, description: r.description, scopes: r.scopes, aggregateOnly: r.aggregate_only, admin: r.admin, validFrom: r.valid_from, validUntil: r.valid_until }
}

const roleRow = (r: RoleDefinition) => ({
  name: r.name, description: r.description, scopes: [...r.scopes], aggregate_only: r.aggregateOnly, admin: r.admin,
  valid_from: r.validFrom, valid_until: r.validUntil,
})

/** Dates as text: independent of the `pg` type parsers the process installed. Sorted in JS: collations differ between databases. */
async function readPolicy(db: Kysely<any>): Promise<PolicyExport> {
  // One after another: inside a transaction they share one connection.
  const a = access(db)
  const v = await a.selectFrom('policy_version').select('version').executeTakeFirstOrThrow()
  const roles = await a.selectFrom('role').select(['name', 'description', 'scopes', 'aggregate_only', 'admin',
    sql<string | null>`valid_from::text`.as('valid_from'), sql<string | null>`valid_until::text`.as('valid_until')]).execute()
  const grants = await a.selectFrom('coordinate_grant').select(['role', 'coordinate', 'effect', sql<string | null>`valid_until::text`.as('valid_until')]).execute()
  const rules = await a.selectFrom('row_rule').select(['role', 'coordinate', 'condition']).execute()
  return {
    version: Number(v.version),
    roles: roles.map(toRole).sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0)),
    grants: grants.map(g => ({ role: g.role, coordinate: g.coordinate, effect: g.effect, validUntil: g.valid_until })).sort(byKey),
    rowRules: rules.map(r => ({ role: r.role, coordinate: r.coordinate, condition: r.condition })).sort(byKey),
  }
}

/** The parts of an import, from a JSON document or given directly; a document that is not JSON is INVALID_POLICY. */
function policyDocument(input: Partial<PolicyParts> & { json?: unknown }): unknown {
  if (!('json' in input)) return { roles: input.roles, grants: input.grants, rowRules: input.rowRules }
  if (typeof input.json !== 'string') invalid('/json', 'json must be a string')
  try {
    return JSON.parse(input.json)
  } catch (err) {
    return invalid('', `the policy document is not JSON: ${(err as Error).message}`)
  }
}

/** Runs `validate` on a pending change's payload; an INVALID_POLICY pointer then points into `/payload`. */
function atPayload<T>(validate: () => T): T {
  try {
    return validate()
  } catch (err) {
    if (err instanceof PolicyError && err.code === 'INVALID_POLICY') throw new PolicyError(err.code, err.message, `/payload${err.pointer ?? ''}`)
    throw err
  }
}

async function roleNames(trx: Kysely<any>): Promise<Set<string>> {
  return new Set((await access(trx).selectFrom('role').select('name').execute()).map(r => r.name))
}

/**
 * The permission store in Postgres (ARCHITECTURE.md §4). Every change is one transaction that
 * locks the version row, checks `expectedVersion`, validates, writes, bumps the version, appends
 * one hash-chained audit row and notifies `stadtgraph_policy` — so a replica that sees version N
 * sees exactly the state the N-th change left.
 */
export function createPolicyStore(db: Kysely<any>, options: PolicyStoreOptions = {}): PolicyStore {
  const logger = options.logger ?? { warn: (m: string) => console.warn(m) }
  // Entries that change no policy get a checkpoint only when one is due.
  const unforced = { keys: options.audit, force: false }

  async function lockVersion(trx: Transaction<any>): Promise<number> {
    const row = await access(trx).selectFrom('policy_version').select('version').forUpdate().executeTakeFirstOrThrow()
    return Number(row.version)
  }

  async function commit(trx: Transaction<any>, next: number, actor: string, action: string, payload: Record<string, unknown>): Promise<ChangeResult> {
    await access(trx).updateTable('policy_version').set({ version: next }).execute()
    await appendAuditEntry(access(trx), { actor, action, payload: { version: next, ...payload } }, { keys: options.audit, force: true })
    // Delivered by Postgres only if the transaction commits.
    await sql`select pg_notify(${POLICY_CHANNEL}, ${String(next)})`.execute(trx)
    return { version: next }
  }

  function checkVersion(current: number, expectedVersion: number): void {
    if (current !== expectedVersion) {
      throw new PolicyError('VERSION_CONFLICT', `the policy is at version ${current}, this change was made against version ${expectedVersion}; reload and retry`, '/expectedVersion')
    }
  }

  /**
   * One write. When `work` answers NeedsApproval (it must not have written anything), the change is
   * stored as pending and audited as `change.requested` — no version bump, no NOTIFY — and only
   * after that transaction commits does the caller get PENDING_APPROVAL.
   */
  async function change(input: unknown, action: string, work: (trx: Transaction<any>) => Promise<Record<string, unknown> | NeedsApproval>): Promise<ChangeResult> {
    const { expectedVersion, actor } = checkContext(input)
    const outcome = await db.transaction().execute(async trx => {
      const current = await lockVersion(trx)
      checkVersion(current, expectedVersion)
      const result = await work(trx)
      if (!(result instanceof NeedsApproval)) return commit(trx, current + 1, actor, action, result)
      const row = await access(trx).insertInto('pending_change')
        .values({ kind: result.kind, payload: JSON.stringify(result.payload), requested_by: actor }).returning('id').executeTakeFirstOrThrow()
      const id = Number(row.id)
      await appendAuditEntry(access(trx), { actor, action: 'change.requested', payload: { version: current, changeId: id, kind: result.kind, ...result.payload } }, unforced)
      return pendingApproval(id, result.kind, result.what)
    })
    if (outcome instanceof PolicyError) throw outcome
    return outcome
  }

  async function applyRole(trx: Transaction<any>, role: RoleDefinition, previous: RoleDefinition | null): Promise<Record<string, unknown>> {
    const row = roleRow(role)
    await access(trx).insertInto('role').values(row).onConflict(oc => oc.column('name').doUpdateSet({
      description: row.description, scopes: row.scopes, aggregate_only: row.aggregate_only, admin: row.admin,
      valid_from: row.valid_from, valid_until: row.valid_until,
    })).execute()
    return { role, previous }
  }

  async function readRole(trx: Transaction<any>, name: string): Promise<RoleDefinition | null> {
    const previous = await access(trx).selectFrom('role').select(['name', 'description', 'scopes', 'aggregate_only', 'admin',
      sql<string | null>`valid_from::text`.as('valid_from'), sql<string | null>`valid_until::text`.as('valid_until')])
      .where('name', '=', name).executeTakeFirst()
    return previous ? toRole(previous) : null
  }

  async function applyGrant(trx: Transaction<any>, grant: CoordinateGrant): Promise<Record<string, unknown>> {
    const a = access(trx)
    const previous = await a.selectFrom('coordinate_grant').select(['effect', sql<string | null>`valid_until::text`.as('valid_until')])
      .where('role', '=', grant.role).where('coordinate', '=', grant.coordinate).executeTakeFirst()
    await a.insertInto('coordinate_grant')
      .values({ role: grant.role, coordinate: grant.coordinate, effect: grant.effect, valid_until: grant.validUntil })
      .onConflict(oc => oc.columns(['role', 'coordinate']).doUpdateSet({ effect: grant.effect, valid_until: grant.validUntil }))
      .execute()
    return { grant, previous: previous ? { effect: previous.effect, validUntil: previous.valid_until } : null }
  }

  /** Replaces the whole policy with `policy` (validated); `before` is the policy it replaces, for the audit row. */
  async function applyImport(trx: Transaction<any>, policy: PolicyInput, before: PolicyExport): Promise<Record<string, unknown>> {
    const a = access(trx)
    // Children first; the cascade would do it, but explicit deletes keep the statement order obvious.
    await a.deleteFrom('row_rule').execute()
    await a.deleteFrom('coordinate_grant').execute()
    await a.deleteFrom('role').execute()
    if (policy.roles.length) await a.insertInto('role').values(policy.roles.map(roleRow)).execute()
    if (policy.grants.length) {
      await a.insertInto('coordinate_grant')
        .values(policy.grants.map(g => ({ role: g.role, coordinate: g.coordinate, effect: g.effect, valid_until: g.validUntil }))).execute()
    }
    if (policy.rowRules.length) {
      await a.insertInto('row_rule')
        .values(policy.rowRules.map(r => ({ role: r.role, coordinate: r.coordinate, condition: JSON.stringify(r.condition) }))).execute()
    }
    return {
      ...policy,
      replaced: { roles: before.roles.length, grants: before.grants.length, rowRules: before.rowRules.length },
    }
  }

  /** The open pending change `id`, locked; INVALID_POLICY if unknown or already decided. */
  async function openChange(trx: Transaction<any>, id: number) {
    const row = await access(trx).selectFrom('pending_change').select(['id', 'kind', 'payload', 'requested_by', 'approved_by', 'rejected'])
      .where('id', '=', id).forUpdate().executeTakeFirst()
    if (!row) invalid('/id', `unknown pending change ${id}`)
    if (row.approved_by !== null) invalid('/id', `pending change ${id} was already approved by ${row.approved_by}`)
    if (row.rejected) invalid('/id', `pending change ${id} was rejected`)
    return row
  }

  const store: PolicyStore = {
    migrate: () => migrateSchema(db, ACCESS_SCHEMA, migrations),

    seedDefaults: async (opts = {}) => db.transaction().execute(async trx => {
      const current = await lockVersion(trx)
      const existing = await roleNames(trx)
      const missing = DEFAULT_ROLES.filter(r => !existing.has(r.name))
      if (missing.length === 0) return { version: current, inserted: [] }
      await access(trx).insertInto('role').values(missing.map(roleRow)).execute()
      const { version } = await commit(trx, current + 1, opts.actor ?? 'system', 'policy.seed', { roles: missing })
      return { version, inserted: missing.map(r => r.name) }
    }),

    load: async () => {
      const p = await db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(trx => readPolicy(trx))
      const freeze = <T extends object>(o: T): T => Object.freeze(o)
      return freeze({
        version: p.version,
        roles: new Map(p.roles.map(r => [r.name, freeze({ ...r, scopes: freeze([...r.scopes]) })])),
        grants: freeze(p.grants.map(freeze)),
        rowRules: freeze(p.rowRules.map(r => freeze({ ...r, condition: freeze({ ...r.condition }) }))),
        loadedAt: new Date(),
      })
    },

    version: async () => Number((await access(db).selectFrom('policy_version').select('version').executeTakeFirstOrThrow()).version),

    upsertRole: input => change(input, 'role.upsert', async trx => {
      const role = validateRole(input.role, '/role')
      const previous = await readRole(trx, role.name)
      const added = addedSensitiveScopes(role, previous)
      if (added.length) return new NeedsApproval('role.upsert', { role }, `role ${role.name} gaining scope ${added.join(', ')}`)
      return applyRole(trx, role, previous)
    }),

    deleteRole: input => change(input, 'role.delete', async trx => {
      const name = validateRoleName(input.name, '/name')
      const a = access(trx)
      const grants = await a.selectFrom('coordinate_grant').select(['coordinate', 'effect']).where('role', '=', name).orderBy('coordinate').execute()
      const rules = await a.selectFrom('row_rule').select(['coordinate', 'condition']).where('role', '=', name).orderBy('coordinate').execute()
      const deleted = await a.deleteFrom('role').where('name', '=', name).returning('name').executeTakeFirst()
      if (!deleted) invalid('/name', `unknown role ${JSON.stringify(name)}`)
      return { name, removedGrants: grants, removedRowRules: rules }
    }),

    setGrant: input => change(input, 'grant.set', async trx => {
      const names = await roleNames(trx)
      const grant = validateGrant(input.grant, '/grant', n => names.has(n), options.classify)
      if (grantNeedsApproval(grant, options.classify)) {
        return new NeedsApproval('grant.set', { grant }, `ALLOW of ${grant.coordinate} to role ${grant.role}`)
      }
      return applyGrant(trx, grant)
    }),

    removeGrant: input => change(input, 'grant.remove', async trx => {
      const role = validateRoleName(input.role, '/role')
      const coordinate = validateCoordinate(input.coordinate, '/coordinate')
      const removed = await access(trx).deleteFrom('coordinate_grant').where('role', '=', role).where('coordinate', '=', coordinate)
        .returning(['effect', sql<string | null>`valid_until::text`.as('valid_until')]).executeTakeFirst()
      if (!removed) invalid('/coordinate', `role ${role} has no grant on ${coordinate}`)
      return { removed: { role, coordinate, effect: removed.effect, validUntil: removed.valid_until } }
    }),

    setRowRule: input => change(input, 'rowRule.set', async trx => {
      const names = await roleNames(trx)
      const rule = validateRowRule(input.rule, '/rule', n => names.has(n))
      const a = access(trx)
      const previous = await a.selectFrom('row_rule').select('condition').where('role', '=', rule.role).where('coordinate', '=', rule.coordinate).executeTakeFirst()
      const condition = JSON.stringify(rule.condition)
      await a.insertInto('row_rule').values({ role: rule.role, coordinate: rule.coordinate, condition })
        .onConflict(oc => oc.columns(['role', 'coordinate']).doUpdateSet({ condition })).execute()
      return { rule, previous: previous ? previous.condition : null }
    }),

    removeRowRule: input => change(input, 'rowRule.remove', async trx => {
      const role = validateRoleName(input.role, '/role')
      const coordinate = validateRowRuleCoordinate(input.coordinate, '/coordinate')
      const removed = await access(trx).deleteFrom('row_rule').where('role', '=', role).where('coordinate', '=', coordinate)
        .returning('condition').executeTakeFirst()
      if (!removed) invalid('/coordinate', `role ${role} has no row rule on ${coordinate}`)
      return { removed: { role, coordinate, condition: removed.condition } }
    }),

    importPolicy: input => change(input, 'policy.import', async trx => {
      const policy = validatePolicy(policyDocument(input), options.classify)
      const before = await readPolicy(trx)
      // Four eyes for the import as a whole: it opens nothing setGrant/upsertRole would hold back for a second administrator.
      const added = importAdditions(policy, before, options.classify)
      if (added.length) {
        const shown = added.length > 5 ? `${added.slice(0, 5).join(', ')} and ${added.length - 5} more` : added.join(', ')
        return new NeedsApproval('policy.import', { roles: policy.roles, grants: policy.grants, rowRules: policy.rowRules }, `an import adding ${shown}`)
      }
      return applyImport(trx, policy, before)
    }),

    exportPolicy: () => db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(trx => readPolicy(trx)),

    pendingChanges: async () => {
      const rows = await access(db).selectFrom('pending_change').select(['id', 'kind', 'payload', 'requested_by', 'requested_at'])
        .where('approved_by', 'is', null).where('rejected', '=', false).orderBy('id').execute()
      return rows.map(r => ({ id: Number(r.id), kind: r.kind, payload: r.payload, requestedBy: r.requested_by, requestedAt: new Date(r.requested_at) }))
    },

    approveChange: async input => {
      const { expectedVersion, actor } = checkContext(input)
      const id = checkChangeId((input as { id?: unknown }).id)
      return db.transaction().execute(async trx => {
        const current = await lockVersion(trx)
        const pending = await openChange(trx, id)
        if (pending.requested_by === actor) {
          throw new PolicyError('FORBIDDEN', `four-eyes: pending change ${id} was requested by ${actor}; a second administrator must approve it`, '/id')
        }
        checkVersion(current, expectedVersion)
        // Validated again against the policy as it is now: the role may have gone, the graph changed.
        let result: Record<string, unknown>
        if (pending.kind === 'grant.set') {
          const names = await roleNames(trx)
          result = await applyGrant(trx, validateGrant(pending.payload.grant, '/payload/grant', n => names.has(n), options.classify))
        } else if (pending.kind === 'policy.import') {
          const policy = atPayload(() => validatePolicy(pending.payload, options.classify))
          result = await applyImport(trx, policy, await readPolicy(trx))
        } else {
          const role = validateRole(pending.payload.role, '/payload/role')
          result = await applyRole(trx, role, await readRole(trx, role.name))
        }
        await access(trx).updateTable('pending_change').set({ approved_by: actor, approved_at: sql<string>`now()` }).where('id', '=', id).execute()
        return commit(trx, current + 1, actor, 'change.approved', {
          changeId: id, kind: pending.kind, requestedBy: pending.requested_by, approvedBy: actor, ...result,
        })
      })
    },

    rejectChange: async input => {
      const actor = checkActor(input)
      const id = checkChangeId((input as { id?: unknown }).id)
      await db.transaction().execute(async trx => {
        // The version lock serialises audit appends; the version itself does not change.
        const current = await lockVersion(trx)
        const pending = await openChange(trx, id)
        await access(trx).updateTable('pending_change').set({ rejected: true }).where('id', '=', id).execute()
        await appendAuditEntry(access(trx), {
          actor, action: 'change.rejected', payload: { version: current, changeId: id, kind: pending.kind, requestedBy: pending.requested_by, rejectedBy: actor },
        }, unforced)
      })
    },

    recordAdminRead: async input => {
      const actor = checkActor(input)
      const { action, payload } = input as { action?: unknown; payload?: unknown }
      if (typeof action !== 'string' || !ADMIN_READ_ACTIONS.has(action)) invalid('/action', 'action must be one of the audited admin reads')
      if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) invalid('/payload', 'payload must be an object')
      await db.transaction().execute(async trx => {
        // The version lock serialises audit appends; reads do not change the version.
        const version = await lockVersion(trx)
        await appendAuditEntry(access(trx), { actor, action, payload: { version, ...(payload as Record<string, unknown>) } }, unforced)
      })
    },

    auditLog: async ({ limit, before }) => {
      if (!Number.isSafeInteger(limit) || limit < 1 || limit > 1000) invalid('/limit', 'limit must be an integer between 1 and 1000')
      if (before != null && !Number.isSafeInteger(before)) invalid('/before', 'before must be an audit row id')
      return readAuditLog(access(db), limit, before ?? null)
    },

    verifyAuditChain: () => verifyAuditChain(access(db), options.audit),

    verifyAccessLogChain: () => verifyAccessLogChain(db, options.audit),

    checkpointNow: async () => {
      const keys = options.audit
      if (!keys?.signer) throw new Error('checkpoints need a signing key (AUDIT_SIGNING_KEY)')
      // Each log under the lock its writers take, so the head cannot move while it is signed.
      const auditLog = await db.transaction().execute(async trx => {
        await lockVersion(trx)
        return checkpointHead(trx, 'audit_log', keys)
      })
      const accessLog = await db.transaction().execute(async trx => {
        await sql`lock table access.access_log in share row exclusive mode`.execute(trx)
        return checkpointHead(trx, 'access_log', keys)
      })
      return { auditLog, accessLog }
    },

    reportReplica: async (id, version) => {
      if (typeof id !== 'string' || id.length < 1 || id.length > 200) invalid('/id', 'replica id must be a string of 1–200 characters')
      if (!Number.isSafeInteger(version) || version < 0) invalid('/version', 'version must be a non-negative integer')
      await access(db).insertInto('replica').values({ id, policy_version: version })
        .onConflict(oc => oc.column('id').doUpdateSet({ policy_version: version, seen_at: sql<string>`now()` })).execute()
    },

    replicas: async () => {
      const rows = await access(db).selectFrom('replica').select(['id', 'policy_version', 'seen_at']).execute()
      return rows.map(r => ({ id: r.id, policyVersion: Number(r.policy_version), seenAt: new Date(r.seen_at) }))
        .sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))
    },

    subscribe: async (onVersion, opts = {}) => {
      const pollMs = opts.pollMs ?? 5000
      if (!Number.isFinite(pollMs) || pollMs < 10) invalid('/pollMs', 'pollMs must be at least 10')
      return subscribePolicyVersion({
        connectionString: options.connectionString, readVersion: store.version, onVersion, pollMs, since: opts.since, logger,
      })
    },
  }
  return store
}
