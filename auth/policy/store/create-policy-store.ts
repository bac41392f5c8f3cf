import type { Kysely } from 'kysely'
import { migrateSchema } from '../../../platform/db/migrate.js'
import { ACCESS_SCHEMA } from './access-schema.js'
import { approvalChanges } from './approval-changes.js'
import { auditMethods } from './audit-methods.js'
import { createChangeTransaction, type StoreDeps } from './change-transaction.js'
import { grantChanges } from './grant-changes.js'
import { migrations } from './migrations/index.js'
import { policyDocumentMethods } from './policy-document.js'
import type { PolicyStore, PolicyStoreOptions } from './policy-store.js'
import { replicaVersions } from './replica-versions.js'
import { roleChanges } from './role-changes.js'
import { rowRuleChanges } from './row-rule-changes.js'

export { ACCESS_SCHEMA }
export type {
  AuditChainStatus,
  AuditEntry,
  ChangeContext,
  ChangeResult,
  PendingChange,
  PendingKind,
  PolicyExport,
  PolicyParts,
  PolicyStore,
  PolicyStoreOptions,
  ReplicaStatus,
  ReplicaSupergraph,
} from './policy-store.js'

/**
 * The permission store in Postgres (docs/access-control.md), one group of methods per concern. Every
 * change runs through one change transaction (change-transaction.ts): lock the version row, check
 * `expectedVersion`, validate, write, bump the version, append one hash-chained audit row, notify
 * `stadtgraph_policy` — so a replica that sees version N sees exactly the state the N-th change left.
 */
export function createPolicyStore(db: Kysely<any>, options: PolicyStoreOptions = {}): PolicyStore {
  const deps: StoreDeps = { db, options, tx: createChangeTransaction(db, options.audit) }
  const document = policyDocumentMethods(deps)
  return {
    migrate: () => migrateSchema(db, ACCESS_SCHEMA, migrations),
    ...document,
    ...roleChanges(deps),
    ...grantChanges(deps),
    ...rowRuleChanges(deps),
    ...approvalChanges(deps),
    ...auditMethods(deps),
    ...replicaVersions(deps, document.version),
  }
}
