import pg from 'pg'

/** The channel every mutation notifies with the new version as payload. */
export const POLICY_CHANNEL = 'stadtgraph_policy'
/** application_name of the LISTEN connection, so operators can find it in pg_stat_activity. */
export const LISTEN_APPLICATION_NAME = 'stadtgraph-policy-listen'

export interface PolicyLogger {
  warn(message: string): void
}

export interface SubscribeOptions {
  /** Without it the subscription polls only. */
  connectionString?: string
  readVersion: () => Promise<number>
  onVersion: (version: number) => void
  pollMs: number
  /** The version the caller already has; default: the version in the database now. */
  since?: number
  logger: PolicyLogger
}

export interface PolicySubscription {
  close(): Promise<void>
}

const MAX_RECONNECT_MS = 10_000

/**
 * Delivers each newer policy version once, in increasing order, from two sources: NOTIFY on a
 * dedicated connection (fast) and a poll over the store's pool (the fallback that keeps a replica
 * converging while LISTEN is down — a lost connection drops notifications silently). A version at
 * or below the last delivered one is ignored, so the two sources never double-deliver.
 */
export async function subscribePolicyVersion(opts: SubscribeOptions): Promise<PolicySubscription> {
  let last = opts.since ?? (await opts.readVersion())
  let closed = false
  let client: pg.Client | null = null
  let pollTimer: NodeJS.Timeout | null = null
  let reconnectTimer: NodeJS.Timeout | null = null
  let failures = 0
  let pollFailing = false

  const deliver = (version: number) => {
    if (closed || !Number.isSafeInteger(version) || version <= last) return
    last = version
    try {
      opts.onVersion(version)
    } catch (err) {
      opts.logger.warn(`[policy] onVersion handler failed for version ${version}: ${(err as Error).message}`)
    }
  }

  const poll = async () => {
    try {
      deliver(await opts.readVersion())
      if (pollFailing) opts.logger.warn('[policy] polling the policy version works again')
      pollFailing = false
    } catch (err) {
      if (!pollFailing) opts.logger.warn(`[policy] polling the policy version failed: ${(err as Error).message}`)
      pollFailing = true
    }
  }

  const schedulePoll = () => {
    if (closed) return
    pollTimer = setTimeout(() => {
      void poll().finally(schedulePoll)
    }, opts.pollMs)
    pollTimer.unref()
  }

  const scheduleReconnect = () => {
    if (closed || reconnectTimer) return
    const delay = Math.min(MAX_RECONNECT_MS, 100 * 2 ** Math.min(failures, 10))
    reconnectTimer = setTimeout(() => {
      reconnectTimer = null
      void listen()
    }, delay)
    reconnectTimer.unref()
  }

  const listen = async () => {
    if (closed || !opts.connectionString) return
    const c = new pg.Client({ connectionString: opts.connectionString, application_name: LISTEN_APPLICATION_NAME })
    let lost = false
    const onLost = (err?: Error) => {
      if (lost) return
      lost = true
      if (client === c) client = null
      if (closed) return
      c.end().catch(() => {})
      if (failures === 0)
        opts.logger.warn(
          `[policy] LISTEN ${POLICY_CHANNEL} unavailable${err ? `: ${err.message}` : ''}; polling every ${opts.pollMs} ms until it is back`,
        )
      failures++
      scheduleReconnect()
    }
    c.on('error', onLost)
    c.on('end', () => onLost())
    c.on('notification', msg => {
      if (msg.channel === POLICY_CHANNEL && msg.payload && /^\d+$/.test(msg.payload)) deliver(Number(msg.payload))
    })
    try {
      await c.connect()
      await c.query(`LISTEN ${POLICY_CHANNEL}`)
    } catch (err) {
      onLost(err as Error)
      return
    }
    if (closed) {
      c.end().catch(() => {})
      return
    }
    client = c
    if (failures > 0) opts.logger.warn(`[policy] LISTEN ${POLICY_CHANNEL} restored`)
    failures = 0
    // Notifications sent while we were not listening are gone; one read catches up.
    await poll()
  }

  await listen()
  schedulePoll()
  return {
    close: async () => {
      closed = true
      if (pollTimer) clearTimeout(pollTimer)
      if (reconnectTimer) clearTimeout(reconnectTimer)
      const c = client
      client = null
      if (c) await c.end().catch(() => {})
    },
  }
}
