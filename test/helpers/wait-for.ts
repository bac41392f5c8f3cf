/**
 * Waiting in tests for something that happens on its own time (a NOTIFY, a reload, a span being
 * exported, a process restarting) — instead of a hand-written loop or a fixed sleep that is either
 * too short on a busy machine or wastes time on a quiet one.
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
}

/** What a passed condition can return: anything but a falsy value. */
export type Truthy<T> = Exclude<T, null | undefined | false | 0 | ''>

const pause = (ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms))

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
 * the last value or error.
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
    if (performance.now() >= deadline) {
      const more = detail?.()
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (${describeLast(last)})${more ? `\n${more}` : ''}`, { cause: last })
    }
    await pause(intervalMs)
  }
}

/**
 * Runs `assertion` (expect calls) until it passes, and returns what it returned. After `timeoutMs`
 * the last failure is thrown, its message prefixed with what was awaited, so the test reports the
 * assertion that kept failing.
 */
export async function eventually<T>(what: string, assertion: () => T | Promise<T>, opts: WaitOptions = {}): Promise<T> {
  const { timeoutMs = 5_000, intervalMs = 20, detail } = opts
  const deadline = performance.now() + timeoutMs
  for (;;) {
    try {
      return await assertion()
    } catch (err) {
      if (performance.now() >= deadline) {
        if (err instanceof Error) {
          const more = detail?.()
          err.message = `not within ${timeoutMs} ms: ${what}\n${err.message}${more ? `\n${more}` : ''}`
          throw err
        }
        throw new Error(`not within ${timeoutMs} ms: ${what}`, { cause: err })
      }
    }
    await pause(intervalMs)
  }
}
