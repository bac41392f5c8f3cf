/**
 * A replica's reports to the policy store (its policy version and the supergraph it serves): one
 * now and then, and a heartbeat every `everyMs` so `seenAt` tells a live replica from a gone one.
 *
 * The heartbeat starts only once the replica hears policy changes (`start()` after the
 * subscription is up): a beat says "this replica enforces version N and follows every change", which
 * is not true before. `stop()` comes first when the replica closes: no report starts after it, and it
 * waits for those in flight, so nothing writes to a store that is being closed.
 */
export interface ReplicaReporter {
  /** Reports now (no-op once stopped); rejects as the store does. */
  report(): Promise<void>
  /** Starts the heartbeat; a failed beat is retried at the next one, a beat still running skips the next. */
  start(): void
  /** Stops the heartbeat and all reports; resolves when none is in flight. */
  stop(): Promise<void>
}

export function createReplicaReporter(write: () => Promise<void>, everyMs: number): ReplicaReporter {
  let timer: NodeJS.Timeout | null = null
  let stopped = false
  const inFlight = new Set<Promise<void>>()

  const report = (): Promise<void> => {
    if (stopped) return Promise.resolve()
    const running = write()
    const settled = running.then(
      () => {},
      () => {},
    )
    inFlight.add(settled)
    void settled.finally(() => inFlight.delete(settled))
    return running
  }

  return {
    report,
    start() {
      if (stopped || timer) return
      // A beat is skipped while the last one still runs: a hanging store does not pile up writes.
      let beating = false
      timer = setInterval(() => {
        if (beating) return
        beating = true
        void report()
          .catch(() => {})
          .finally(() => (beating = false))
      }, everyMs)
      timer.unref()
    },
    async stop() {
      stopped = true
      if (timer) clearInterval(timer)
      timer = null
      await Promise.all(inFlight)
    },
  }
}
