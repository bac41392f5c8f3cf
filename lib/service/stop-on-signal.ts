/** Signals that ask a process to stop: SIGTERM from an orchestrator or `npm start`, SIGINT from a terminal. */
const SIGNALS = ['SIGTERM', 'SIGINT'] as const

export interface StopOnSignalOptions {
  /** Log prefix, e.g. `[geo]`. */
  label: string
  /**
   * Hard limit for `stop`: past it the process exits 1 whatever still runs. Longer than the grace
   * period for requests in flight (platform/http/close-gracefully.ts), so a normal drain always fits.
   */
  limitMs?: number
  /** Defaults to `process.exit`; a test passes its own. */
  exit?: (code: number) => void
}

/**
 * Runs `stop` on the first SIGTERM or SIGINT and exits 0 when it resolves (1 when it throws or
 * overruns its limit). Later signals are ignored: a terminal's Ctrl-C reaches every process of
 * the group and `npm start` relays a SIGTERM right after, which must not cut the drain short.
 */
export function stopOnSignal(stop: () => Promise<void>, opts: StopOnSignalOptions): void {
  const exit = opts.exit ?? ((code: number) => process.exit(code))
  let stopping = false
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return
    stopping = true
    const t0 = performance.now()
    console.log(`${opts.label} ${signal}: no new connections; finishing requests in flight`)
    const limitMs = opts.limitMs ?? 15_000
    const limit = setTimeout(() => {
      console.error(`${opts.label} did not stop within ${limitMs} ms; exiting`)
      exit(1)
    }, limitMs)
    limit.unref()
    stop().then(
      () => {
        clearTimeout(limit)
        console.log(`${opts.label} stopped in ${Math.round(performance.now() - t0)} ms`)
        exit(0)
      },
      err => {
        clearTimeout(limit)
        console.error(`${opts.label} stopping failed: ${err instanceof Error ? err.message : String(err)}`)
        exit(1)
      },
    )
  }
  for (const signal of SIGNALS) process.on(signal, onSignal)
}
