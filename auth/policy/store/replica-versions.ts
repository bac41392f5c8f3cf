import { sql } from 'kysely'
import { access } from './access-schema.js'
import { invalid, type StoreDeps } from './change-transaction.js'
import type { PolicyStore, ReplicaSupergraph } from './policy-store.js'
import { subscribePolicyVersion } from './subscribe-policy-version.js'

/** Which version each gateway replica enforces, and the notifications that tell them of a new one. */
export function replicaVersions(
  { db, options }: StoreDeps,
  readVersion: () => Promise<number>,
): Pick<PolicyStore, 'reportReplica' | 'replicas' | 'subscribe'> {
  const logger = options.logger ?? { warn: (m: string) => console.warn(m) }
  return {
    reportReplica: async (id, version, supergraph) => {
      if (typeof id !== 'string' || id.length < 1 || id.length > 200) invalid('/id', 'replica id must be a string of 1–200 characters')
      if (!Number.isSafeInteger(version) || version < 0) invalid('/version', 'version must be a non-negative integer')
      const served = supergraph ? checkedSupergraph(supergraph) : null
      const columns = served ? { supergraph_hash: served.hash, supergraph_loaded_at: served.loadedAt } : {}
      await access(db)
        .insertInto('replica')
        .values({ id, policy_version: version, ...columns })
        .onConflict(oc => oc.column('id').doUpdateSet({ policy_version: version, seen_at: sql<string>`now()`, ...columns }))
        .execute()
    },

    replicas: async () => {
      const rows = await access(db)
        .selectFrom('replica')
        .select(['id', 'policy_version', 'seen_at', 'supergraph_hash', 'supergraph_loaded_at'])
        .execute()
      return rows
        .map(r => ({
          id: r.id,
          policyVersion: Number(r.policy_version),
          seenAt: new Date(r.seen_at),
          supergraphHash: r.supergraph_hash,
          supergraphLoadedAt: r.supergraph_loaded_at === null ? null : new Date(r.supergraph_loaded_at),
        }))
        .sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))
    },

    subscribe: async (onVersion, opts = {}) => {
      const pollMs = opts.pollMs ?? 5000
      if (!Number.isFinite(pollMs) || pollMs < 10) invalid('/pollMs', 'pollMs must be at least 10')
      return subscribePolicyVersion({
        connectionString: options.connectionString,
        readVersion,
        onVersion,
        pollMs,
        since: opts.since,
        logger,
      })
    },
  }
}

/** A supergraph report as the table holds it: a hex hash and a real time. */
function checkedSupergraph(s: ReplicaSupergraph): { hash: string; loadedAt: string } {
  if (typeof s.hash !== 'string' || !/^[0-9a-f]{1,64}$/.test(s.hash)) invalid('/supergraph/hash', 'supergraph hash must be 1–64 hex digits')
  if (!(s.loadedAt instanceof Date) || Number.isNaN(s.loadedAt.getTime())) invalid('/supergraph/loadedAt', 'loadedAt must be a valid date')
  return { hash: s.hash, loadedAt: s.loadedAt.toISOString() }
}
