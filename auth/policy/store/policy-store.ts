import type { AdminReadAction, CoordinateGrant, PolicySnapshot, RoleDefinition, RowRule } from '../types.js'
import type { AuditChainStatus, AuditEntry } from './audit-chain.js'
import type { AuditKeys } from './audit-keys.js'
import type { Opening, PendingChange, PendingKind } from './four-eyes.js'
import type { AuditPage } from './audit-query.js'
import type { PolicyDiff } from './policy-diff.js'
import type { PolicyLogger, PolicySubscription } from './subscribe-policy-version.js'
import type { Classify } from './validate-policy.js'

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
export interface ChangeContext {
  expectedVersion: number
  actor: string
}
export interface ChangeResult {
  version: number
}

export interface PolicyParts {
  roles: readonly RoleDefinition[]
  grants: readonly CoordinateGrant[]
  rowRules: readonly RowRule[]
}
export interface PolicyExport {
  version: number
  roles: RoleDefinition[]
  grants: CoordinateGrant[]
  rowRules: RowRule[]
}
export type { AuditChainStatus, AuditEntry, AuditPage, Opening, PendingChange, PendingKind, PolicyDiff }
export interface ReplicaStatus {
  id: string
  policyVersion: number
  /** Last report (start, every policy version, supergraph reload, heartbeat). */
  seenAt: Date
  /** The served supergraph's hash and when the replica loaded it; null until the replica reported one. */
  supergraphHash: string | null
  supergraphLoadedAt: Date | null
}
/** The supergraph a replica serves, as it reports it. */
export interface ReplicaSupergraph {
  hash: string
  loadedAt: Date
}

/**
 * The permission store (create-policy-store.ts builds it in Postgres). Writes throw PolicyError:
 * VERSION_CONFLICT when `expectedVersion` is stale, INVALID_POLICY (with a JSON pointer) for bad
 * input; nothing is written partially.
 */
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
  /**
   * What importPolicy would change, without changing anything: the same validation (INVALID_POLICY
   * with a pointer), then every role, grant and row rule added, removed or changed against the
   * current policy, each with what it would open that needs a second administrator.
   */
  previewImport(input: PolicyParts | { json: string }): Promise<PolicyDiff>
  /** Open changes waiting for a second administrator, oldest first. */
  pendingChanges(): Promise<PendingChange[]>
  /**
   * Applies a pending change like the direct write would (version + 1, NOTIFY), audited as
   * `change.approved` with both actors. FORBIDDEN if `actor` requested it; INVALID_POLICY if the id
   * is unknown or already decided, or the change no longer validates (it then stays open).
   */
  approveChange(input: ChangeContext & { id: number }): Promise<ChangeResult>
  /**
   * Closes a pending change without applying it (the requester may withdraw their own); audited as
   * `change.rejected` with the `reason` (required, INVALID_POLICY at `/reason` if blank).
   */
  rejectChange(input: { id: number; actor: string; reason: string }): Promise<void>
  /** Appends an admin read that reveals policy (explain, effective schema, matrix, export) to the audit chain. */
  recordAdminRead(input: { actor: string; action: AdminReadAction; payload: Record<string, unknown> }): Promise<void>
  /** Newest first (`order: 'asc'` oldest first); keyset pages by id (`before`/`after`); filters applied in SQL (audit-query.ts). */
  auditLog(page: AuditPage): Promise<AuditEntry[]>
  /** The audit log's chain and checkpoint signatures; `brokenAt`: id of the first row whose link or hash does not match. */
  verifyAuditChain(): Promise<AuditChainStatus>
  /** The same for the personal-data access log (auth/audit/access-log.ts). */
  verifyAccessLogChain(): Promise<AuditChainStatus>
  /**
   * Signs the newest entry of each log now unless a checkpoint covers it already (after an
   * upgrade, before a backup); the seq covered per log, null for an empty log. Needs `audit.signer`.
   */
  checkpointNow(): Promise<{ auditLog: number | null; accessLog: number | null }>
  /** Records a replica's heartbeat: its policy version and, when given, its supergraph (kept as it was otherwise). */
  reportReplica(id: string, version: number, supergraph?: ReplicaSupergraph | null): Promise<void>
  replicas(): Promise<ReplicaStatus[]>
  /** `onVersion` receives each newer version once; `since`: the version the caller already loaded (default: current). */
  subscribe(onVersion: (version: number) => void, opts?: { pollMs?: number; since?: number }): Promise<PolicySubscription>
}
