import { createDb, type DbHandle } from '../../lib/db/create-db.js'
import { createPolicyStore } from '../../auth/policy/store/create-policy-store.js'
import { DEFAULT_ROLES } from '../../auth/policy/store/default-roles.js'
import type { PolicySnapshot } from '../../auth/policy/types.js'
import type { SensitivityClass } from '../../auth/classes.js'
import type { AdminStore } from '../../auth/policy/admin-schema.js'
import { createAccessLog, type AccessLog } from '../../auth/audit/access-log.js'

/**
 * The policy a gateway replica enforces. With a database it is the `access` schema's current
 * snapshot, replaced when another replica or the admin API changes it (LISTEN/NOTIFY with a
 * polling fallback); without one it is the built-in default roles, read-only.
 */
export interface PolicyRuntime {
  snapshot(): PolicySnapshot
  /** Called after a new snapshot is active. */
  onChange(listener: (snapshot: PolicySnapshot) => void): void
  /** The store behind the admin API, or null without a database. */
  store: AdminStore | null
  /** Where reads of personal data are logged; null without a database (such reads are then refused). */
  accessLog: AccessLog | null
  close(): Promise<void>
}

export interface PolicyRuntimeOptions {
  databaseUrl: string | null
  replicaId: string
  pollMs?: number
  /** Class of a coordinate in the served graph; grants on unknown coordinates are refused. */
  classify?: (coordinate: string) => SensitivityClass | undefined
}

export function defaultSnapshot(): PolicySnapshot {
  return { version: 0, roles: new Map(DEFAULT_ROLES.map(r => [r.name, r])), grants: [], rowRules: [], loadedAt: new Date() }
}

export async function createPolicyRuntime(opts: PolicyRuntimeOptions): Promise<PolicyRuntime> {
  const listeners = new Set<(s: PolicySnapshot) => void>()
  if (!opts.databaseUrl) {
    const fixed = defaultSnapshot()
    return { snapshot: () => fixed, onChange: l => void listeners.add(l), store: null, accessLog: null, close: async () => {} }
  }
  // Bounded waits: with the store unreachable (or partitioned) admin requests and access-log writes fail with
  // their code instead of hanging; the gateway keeps enforcing the snapshot it has.
  const handle: DbHandle<any> = createDb(opts.databaseUrl, {
    max: 4, applicationName: `stadtgraph-gateway-${opts.replicaId}`, connectionTimeoutMillis: 3_000, queryTimeoutMillis: 5_000,
  })
  const store = createPolicyStore(handle.db, { connectionString: opts.databaseUrl, classify: opts.classify })
  await store.migrate()
  await store.seedDefaults()
  let current = await store.load()
  await store.reportReplica(opts.replicaId, current.version)
  let loading: Promise<void> | null = null
  const refresh = async (version: number) => {
    if (version <= current.version) return
    // One load at a time; a notification that arrives meanwhile is covered by the next check.
    loading ??= (async () => {
      try {
        const next = await store.load()
        if (next.version > current.version) {
          current = next
          await store.reportReplica(opts.replicaId, next.version).catch(() => {})
          for (const l of listeners) l(next)
        }
      } finally {
        loading = null
      }
    })()
    await loading
  }
  const subscription = await store.subscribe(v => { refresh(v).catch(err => console.error(`[gateway] policy reload failed: ${err.message}`)) }, { pollMs: opts.pollMs })
  return {
    snapshot: () => current,
    onChange: l => void listeners.add(l),
    store,
    accessLog: createAccessLog(handle.db),
    close: async () => {
      await subscription.close()
      await handle.close()
    },
  }
}
