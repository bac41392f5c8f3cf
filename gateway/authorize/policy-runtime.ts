import { graphqlError } from '../../platform/errors.js'
import { createDb, type DbHandle } from '../../platform/db/create-db.js'
import { createPolicyStore } from '../../auth/policy/store/create-policy-store.js'
import { DEFAULT_ROLES } from '../../auth/policy/store/default-roles.js'
import type { PolicySnapshot } from '../../auth/policy/types.js'
import type { SensitivityClass } from '../../auth/classes.js'
import type { AdminStore, PolicyWrite } from '../../auth/policy/admin-schema.js'
import { createAccessLog, type AccessLog } from '../../auth/audit/access-log.js'
import { loadAuditKeys, type AuditKeys } from '../../auth/policy/store/audit-keys.js'
import type { ReplicaSupergraph } from '../../auth/policy/store/policy-store.js'
import { createReplicaReporter } from './replica-heartbeat.js'

/**
 * The policy a gateway replica enforces. With a database it is the `access` schema's current
 * snapshot, replaced when another replica or the admin API changes it (LISTEN/NOTIFY with a
 * polling fallback); without one it is the built-in default roles, read-only.
 *
 * Read your writes: a write through `store` (the admin API) resolves only once this replica
 * enforces the version it created, so the admin's next request here already sees the change.
 * Other replicas follow by NOTIFY within milliseconds, by polling (`pollMs`, default 1 s) if
 * LISTEN is down.
 */
export interface PolicyRuntime {
  snapshot(): PolicySnapshot
  /** Called after a new snapshot is active. */
  onChange(listener: (snapshot: PolicySnapshot) => void): void
  /** The store behind the admin API, or null without a database. Its writes return once this replica enforces them. */
  store: AdminStore | null
  /**
   * The supergraph this replica serves (at start and after each reload): reported with its policy
   * version, so the admin API's `replicas` shows both. A no-op without a database.
   */
  reportSupergraph(supergraph: ReplicaSupergraph): void
  /** Resolves when the policy store answers within `timeoutMs` (always, without a database); for readiness. */
  ping(timeoutMs: number): Promise<void>
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
  /** Keys of the signed audit checkpoints; default: from the environment (AUDIT_SIGNING_KEY, …; required in production). */
  auditKeys?: AuditKeys
  /** How often the replica reports itself while nothing changes (default 30 s), so `seenAt` tells a live replica from a gone one. */
  heartbeatMs?: number
}

/** Bounds on the serving pool: a frozen policy database fails admin writes and the access log in seconds. */
const STATEMENT_TIMEOUT_MS = 5_000
const CONNECT_TIMEOUT_MS = 2_000
/** How long an admin write waits for this replica to load the version it committed. */
const CATCH_UP_MS = 5_000
const DEFAULT_POLL_MS = 1_000
const DEFAULT_HEARTBEAT_MS = 30_000

export function defaultSnapshot(): PolicySnapshot {
  return { version: 0, roles: new Map(DEFAULT_ROLES.map(r => [r.name, r])), grants: [], rowRules: [], loadedAt: new Date() }
}

export async function createPolicyRuntime(opts: PolicyRuntimeOptions): Promise<PolicyRuntime> {
  const listeners = new Set<(s: PolicySnapshot) => void>()
  if (!opts.databaseUrl) {
    const fixed = defaultSnapshot()
    return {
      snapshot: () => fixed,
      onChange: l => void listeners.add(l),
      reportSupergraph: () => {},
      store: null,
      ping: async () => {},
      accessLog: null,
      close: async () => {},
    }
  }
  const auditKeys = opts.auditKeys ?? loadAuditKeys(process.env)
  // Migrations run unbounded on a pool of their own (one on a large access log may take a while).
  const setup: DbHandle<any> = createDb(opts.databaseUrl, { max: 1, applicationName: `stadtgraph-gateway-${opts.replicaId}-migrate` })
  try {
    const setupStore = createPolicyStore(setup.db, { classify: opts.classify, audit: auditKeys })
    await setupStore.migrate()
    await setupStore.seedDefaults()
  } finally {
    await setup.close()
  }
  const handle: DbHandle<any> = createDb(opts.databaseUrl, {
    max: 4,
    applicationName: `stadtgraph-gateway-${opts.replicaId}`,
    statementTimeoutMs: STATEMENT_TIMEOUT_MS,
    connectTimeoutMs: CONNECT_TIMEOUT_MS,
  })
  const store = createPolicyStore(handle.db, { connectionString: opts.databaseUrl, classify: opts.classify, audit: auditKeys })
  let current = await store.load()
  let served: ReplicaSupergraph | null = null
  const reporter = createReplicaReporter(
    () => store.reportReplica(opts.replicaId, current.version, served),
    opts.heartbeatMs ?? DEFAULT_HEARTBEAT_MS,
  )
  const report = reporter.report
  await report()
  let loading: Promise<void> | null = null
  const refresh = async (version: number) => {
    if (version <= current.version) return
    // One load at a time; a notification that arrives meanwhile is covered by the next check.
    loading ??= (async () => {
      try {
        const next = await store.load()
        if (next.version > current.version) {
          current = next
          await report().catch(() => {})
          for (const l of listeners) l(next)
        }
      } finally {
        loading = null
      }
    })()
    await loading
  }
  /** Loads until this replica enforces at least `version` (a load that began before its commit does not count). */
  const catchUp = async (version: number) => {
    const deadline = performance.now() + CATCH_UP_MS
    while (current.version < version) {
      try {
        await refresh(version)
      } catch (err) {
        console.error(`[gateway] policy reload after a write failed: ${(err as Error).message}`)
      }
      if (current.version >= version) return
      if (performance.now() > deadline) {
        throw graphqlError(
          'POLICY_STORE_UNAVAILABLE',
          `Policy version ${version} is saved, but this gateway could not load it yet; it applies as soon as the policy database answers`,
          { http: { status: 503 }, version },
        )
      }
      await new Promise(r => setTimeout(r, 50))
    }
  }
  const enforced =
    <I>(write: (input: I) => Promise<PolicyWrite>) =>
    async (input: I): Promise<PolicyWrite> => {
      const result = await write(input)
      await catchUp(result.version)
      return result
    }
  const adminStore: AdminStore = {
    ...store,
    upsertRole: enforced(store.upsertRole),
    deleteRole: enforced(store.deleteRole),
    setGrant: enforced(store.setGrant),
    removeGrant: enforced(store.removeGrant),
    setRowRule: enforced(store.setRowRule),
    removeRowRule: enforced(store.removeRowRule),
    importPolicy: enforced(store.importPolicy),
    approveChange: enforced(store.approveChange),
  }
  let subscription: Awaited<ReturnType<typeof store.subscribe>>
  try {
    subscription = await store.subscribe(
      v => {
        refresh(v).catch(err => console.error(`[gateway] policy reload failed: ${err.message}`))
      },
      { pollMs: opts.pollMs ?? DEFAULT_POLL_MS, since: current.version },
    )
  } catch (err) {
    await reporter.stop()
    await handle.close()
    throw err
  }
  // Only now does this replica follow every change: its heartbeat may say so (replica-heartbeat.ts).
  reporter.start()
  return {
    snapshot: () => current,
    onChange: l => void listeners.add(l),
    reportSupergraph: supergraph => {
      served = supergraph
      report().catch(err => console.error(`[gateway] replica report failed: ${(err as Error).message}`))
    },
    store: adminStore,
    ping: timeoutMs => handle.ping(timeoutMs),
    accessLog: createAccessLog(handle.db, auditKeys),
    close: async () => {
      await reporter.stop()
      await subscription.close()
      await handle.close()
    },
  }
}
