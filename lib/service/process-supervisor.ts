import type { ChildProcess } from 'node:child_process'

export interface ProcessSupervisorOptions {
  /** Name in the log lines, e.g. the department. */
  name: string
  /** Starts one instance; called again for every restart. */
  spawn: () => ChildProcess
  /** Delay before the first restart after a crash; doubles with every crash in a row. */
  initialDelayMs?: number
  /** Upper bound of the delay: a process that fails at once keeps being tried, rarely. */
  maxDelayMs?: number
  /** A process that ran at least this long before it exited counts as stable: the delay starts over. */
  stableAfterMs?: number
  /** After SIGTERM on `stop()`, how long the process may take to exit before SIGKILL. */
  killAfterMs?: number
  log?: (line: string) => void
  /** Called with every instance started (the first and each restart; not for a spawn that failed). */
  onStart?: (child: ChildProcess) => void
  /**
   * Asked before a restart; false leaves the process down. For an owner that is itself stopping: a
   * terminal's Ctrl-C reaches the children before the owner has called `stop()`.
   */
  shouldRestart?: (exit: ExitInfo) => boolean
}

export interface ExitInfo {
  code: number | null
  signal: NodeJS.Signals | null
  ranMs: number
}

export interface ProcessSupervisor {
  /** Starts the first instance. */
  start(): void
  /** The running instance, or null while waiting to restart or after `stop()`. */
  current(): ChildProcess | null
  /** Restarts so far, and the delay chosen before each (for operators and tests). */
  restarts(): readonly number[]
  /**
   * Stops supervising: a pending restart is cancelled and the running instance gets SIGTERM (SIGKILL
   * after `killAfterMs`). Resolves when no instance runs any more.
   */
  stop(): Promise<void>
}

/**
 * Keeps one child process running: when it exits while supervised (crash, kill -9, exit code of any
 * kind), it is started again after a delay that doubles with each crash in a row up to `maxDelayMs`
 * and starts over once an instance ran `stableAfterMs`. A process that dies right at start therefore
 * costs one spawn per `maxDelayMs`, not a busy loop. Starts nothing until `start()`.
 */
export function createProcessSupervisor(opts: ProcessSupervisorOptions): ProcessSupervisor {
  const initialDelayMs = opts.initialDelayMs ?? 500
  const maxDelayMs = opts.maxDelayMs ?? 30_000
  const stableAfterMs = opts.stableAfterMs ?? 30_000
  const killAfterMs = opts.killAfterMs ?? 15_000
  const log = opts.log ?? (line => console.error(line))
  let child: ChildProcess | null = null
  let exited: Promise<void> = Promise.resolve()
  let timer: NodeJS.Timeout | null = null
  let crashesInARow = 0
  let stopped = false
  const delays: number[] = []

  const launch = () => {
    timer = null
    if (stopped) return
    const startedAt = performance.now()
    let instance: ChildProcess
    try {
      instance = opts.spawn()
    } catch (err) {
      log(`[${opts.name}] could not be started: ${err instanceof Error ? err.message : String(err)}`)
      scheduleRestart({ code: null, signal: null, ranMs: 0 })
      return
    }
    child = instance
    let done = false
    exited = new Promise<void>(resolve => {
      // A spawn that fails emits 'error' and not always 'exit'; either ends this instance, once.
      const end = (info: ExitInfo) => {
        if (done) return
        done = true
        if (child === instance) child = null
        resolve()
        if (stopped) return
        if (opts.shouldRestart?.(info) === false)
          log(`[${opts.name}] exited with ${describe(info)} after ${formatMs(info.ranMs)}; not restarted`)
        else scheduleRestart(info)
      }
      instance.once('exit', (code, signal) => end({ code, signal, ranMs: performance.now() - startedAt }))
      instance.once('error', err => {
        log(`[${opts.name}] process error: ${err.message}`)
        if (instance.pid === undefined || instance.exitCode !== null || instance.signalCode !== null)
          end({ code: null, signal: null, ranMs: performance.now() - startedAt })
      })
    })
    if (instance.pid !== undefined) opts.onStart?.(instance) // no pid: the spawn failed, 'error' follows
  }

  const scheduleRestart = (info: ExitInfo) => {
    crashesInARow = info.ranMs >= stableAfterMs ? 1 : crashesInARow + 1
    const delay = Math.min(maxDelayMs, initialDelayMs * 2 ** (crashesInARow - 1))
    delays.push(delay)
    log(`[${opts.name}] exited with ${describe(info)} after ${formatMs(info.ranMs)}; restart ${delays.length} in ${formatMs(delay)}`)
    timer = setTimeout(launch, delay)
  }

  return {
    start: () => {
      if (child || timer || stopped) return
      launch()
    },
    current: () => child,
    restarts: () => delays,
    stop: async () => {
      stopped = true
      if (timer) clearTimeout(timer)
      timer = null
      const running = child
      if (running && running.exitCode === null && running.signalCode === null) {
        const kill = setTimeout(() => {
          log(`[${opts.name}] did not stop within ${formatMs(killAfterMs)} of SIGTERM; SIGKILL`)
          running.kill('SIGKILL')
        }, killAfterMs)
        running.kill('SIGTERM')
        await exited
        clearTimeout(kill)
      }
    },
  }
}

const describe = (info: ExitInfo) => (info.signal ? `signal ${info.signal}` : `code ${info.code}`)
const formatMs = (ms: number) => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`)
