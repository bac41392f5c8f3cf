import type { ChildProcess } from 'node:child_process'

/**
 * Waiting in tests for something that happens on its own time (a NOTIFY, a reload, a span being
 * exported, a process restarting) — instead of a hand-written loop or a fixed sleep that is either
 * too short on a busy machine or wastes time on a quiet one. A wait that can never end well (the
 * process it waits for has exited, an answer on the way was already wrong) says so at once with
 * `failIf` or `signal`, instead of running out its timeout and reporting only that it timed out.
 *
 * A fixed sleep is still right where time itself is under test (a TTL, a timeout, "nothing arrives
 * within ten poll intervals"); such sleeps say so where they are.
 */

export interface WaitOptions {
  /** How long to keep trying; default 5 s. */
  timeoutMs?: number
  /** Pause between tries; default 20 ms. */
  intervalMs?: number
  /** More to say on failure, e.g. the output of the process that did not get there. */
  detail?: () => string
  /**
   * Asked after every try that did not pass: a reason (e.g. `process exited with code 1`) when the
   * condition can never become true; the wait then fails at once with it. Falsy: keep waiting.
   */
  failIf?: () => string | null | undefined | false
  /** Aborting it ends the wait at once (also during the pause between tries), failing with its reason. */
  signal?: AbortSignal
}

/** `failIf` for a wait on a child process that cannot end well once the process has exited (e.g. waiting for it to listen). */
export function exitedProcess(child: ChildProcess, name = 'the process'): () => string | undefined {
  return () =>
    child.exitCode !== null || child.signalCode !== null
      ? `${name} exited (${child.signalCode ? `signal ${child.signalCode}` : `code ${child.exitCode}`})`
      : undefined
}

/** What a passed condition can return: anything but a falsy value. */
export type Truthy<T> = Exclude<T, null | undefined | false | 0 | ''>

/** Waits `ms`, or less when `signal` aborts meanwhile. */
function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>(resolve => {
    if (signal?.aborted) return resolve()
    const done = () => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal?.addEventListener('abort', done, { once: true })
  })
}

/** Why the wait cannot succeed any more (`failIf`'s reason, or the signal's), or null to keep waiting. */
function hopeless(opts: WaitOptions): string | null {
  if (opts.signal?.aborted) {
    const reason: unknown = opts.signal.reason
    return reason instanceof Error ? reason.message : String(reason ?? 'aborted')
  }
  return opts.failIf?.() || null
}

function gaveUp(what: string, reason: string, last: unknown, detail: (() => string) | undefined): Error {
  const more = detail?.()
  return new Error(`gave up waiting for ${what}: ${reason} (${describeLast(last)})${more ? `\n${more}` : ''}`, { cause: last })
}

function describeLast(value: unknown): string {
  if (value instanceof Error) return `last error: ${value.message}`
  try {
    return `last value: ${JSON.stringify(value) ?? String(value)}`
  } catch {
    return `last value: ${String(value)}`
  }
}

/**
 * Calls `condition` until it returns a truthy value, and returns that value. A call that throws
 * counts as not yet. After `timeoutMs` it fails with `timed out after N ms waiting for <what>` and
 * the last value or error; as soon as `failIf` gives a reason (or `signal` aborts), with
 * `gave up waiting for <what>: <reason>` and the last value or error.
 */
export async function waitFor<T>(what: string, condition: () => T | Promise<T>, opts: WaitOptions = {}): Promise<Truthy<T>> {
  const { timeoutMs = 5_000, intervalMs = 20, detail } = opts
  const deadline = performance.now() + timeoutMs
  let last: unknown
  for (;;) {
    try {
      last = await condition()
      if (last) return last as Truthy<T>
    } catch (err) {
      last = err
    }
    const reason = hopeless(opts)
    if (reason) throw gaveUp(what, reason, last, detail)
    if (performance.now() >= deadline) {
      const more = detail?.()
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (${describeLast(last)})${more ? `\n${more}` : ''}`, {
        cause: last,
      })
    }
    await pause(intervalMs, opts.signal)
  }
}

/**
 * Runs `assertion` (expect calls) until it passes, and returns what it returned. After `timeoutMs`
 * the last failure is thrown, its message prefixed with what was awaited, so the test reports the
 * assertion that kept failing; as soon as `failIf` gives a reason (or `signal` aborts), the wait
 * fails with that reason and the last failure.
 */
export async function eventually<T>(what: string, assertion: () => T | Promise<T>, opts: WaitOptions = {}): Promise<T> {
  const { timeoutMs = 5_000, intervalMs = 20, detail } = opts
  const deadline = performance.now() + timeoutMs
  for (;;) {
    try {
      return await assertion()
    } catch (err) {
      const reason = hopeless(opts)
      if (reason) throw gaveUp(what, reason, err, detail)
      if (performance.now() >= deadline) {
        if (err instanceof Error) {
          const more = detail?.()
          err.message = `not within ${timeoutMs} ms: ${what}\n${err.message}${more ? `\n${more}` : ''}`
          throw err
        }
        throw new Error(`not within ${timeoutMs} ms: ${what}`, { cause: err })
      }
    }
    await pause(intervalMs, opts.signal)
  }
}
