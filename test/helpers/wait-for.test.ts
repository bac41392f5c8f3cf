import { spawn } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { eventually, exitedProcess, waitFor } from './wait-for.js'

describe('waitFor', () => {
  it('returns the first truthy value, retrying falsy values and throws', async () => {
    let calls = 0
    const value = await waitFor(
      'the third call',
      () => {
        calls++
        if (calls === 1) throw new Error('not ready')
        return calls === 3 ? { calls } : null
      },
      { intervalMs: 1 },
    )
    expect(value).toEqual({ calls: 3 })
  })

  it('fails after the timeout, naming what it waited for and the last value', async () => {
    await expect(waitFor('the moon to turn blue', () => 'grey' === ('blue' as string), { timeoutMs: 30, intervalMs: 5 })).rejects.toThrow(
      /^timed out after 30 ms waiting for the moon to turn blue \(last value: false\)$/,
    )
    await expect(
      waitFor(
        'a reply',
        () => {
          throw new Error('connection refused')
        },
        { timeoutMs: 30, intervalMs: 5 },
      ),
    ).rejects.toThrow('timed out after 30 ms waiting for a reply (last error: connection refused)')
    await expect(
      waitFor('the server', () => false, { timeoutMs: 10, intervalMs: 5, detail: () => 'listening on nothing' }),
    ).rejects.toThrow(/\(last value: false\)\nlistening on nothing$/)
  })
})

describe('waitFor that cannot end well', () => {
  it('fails at once with the reason failIf gives, not after the timeout', async () => {
    let calls = 0
    const t0 = performance.now()
    await expect(
      waitFor(
        'the server to listen',
        () => {
          calls++
          return false
        },
        { timeoutMs: 60_000, intervalMs: 1, failIf: () => calls >= 3 && 'it crashed' },
      ),
    ).rejects.toThrow(/^gave up waiting for the server to listen: it crashed \(last value: false\)$/)
    expect(calls).toBe(3)
    expect(performance.now() - t0).toBeLessThan(5_000)
  })

  it('a condition that passes wins over failIf on the same try', async () => {
    expect(await waitFor('the exit to be reported', () => 'reported', { failIf: () => 'the process exited' })).toBe('reported')
  })

  it('exitedProcess: a wait on a process that exits fails with its exit code, and the detail', async () => {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => process.exit(3), 50)'], { stdio: 'ignore' })
    const t0 = performance.now()
    const error = await waitFor('the department to answer', () => false, {
      timeoutMs: 60_000,
      failIf: exitedProcess(child, 'the department'),
      detail: () => 'its output',
    }).catch((err: Error) => err)
    expect((error as Error).message).toBe(
      'gave up waiting for the department to answer: the department exited (code 3) (last value: false)\nits output',
    )
    expect(performance.now() - t0).toBeLessThan(30_000)
    const killed = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' })
    const gone = new Promise(resolve => killed.once('exit', resolve))
    killed.kill('SIGKILL')
    await gone
    expect(exitedProcess(killed)()).toBe('the process exited (signal SIGKILL)')
  })

  it('an aborted signal ends the wait at once, also during a long pause between tries', async () => {
    const controller = new AbortController()
    setTimeout(() => controller.abort(new Error('the city stopped')), 30)
    const t0 = performance.now()
    await expect(waitFor('a reload', () => null, { timeoutMs: 60_000, intervalMs: 60_000, signal: controller.signal })).rejects.toThrow(
      'gave up waiting for a reload: the city stopped (last value: null)',
    )
    expect(performance.now() - t0).toBeLessThan(5_000)
  })
})

describe('eventually', () => {
  it('retries the assertion until it passes', async () => {
    let n = 0
    await eventually('n to reach 3', () => expect(++n).toBe(3), { intervalMs: 1 })
    expect(n).toBe(3)
  })

  it('throws the last assertion failure, prefixed with what was awaited', async () => {
    await expect(eventually('n to reach 3', () => expect(1).toBe(3), { timeoutMs: 30, intervalMs: 5 })).rejects.toThrow(
      /^not within 30 ms: n to reach 3\nexpected 1 to be 3/,
    )
  })

  it("fails at once with failIf's reason and the last failure", async () => {
    let n = 0
    await expect(
      eventually('n to reach 3', () => expect(++n).toBe(3), {
        timeoutMs: 60_000,
        intervalMs: 1,
        failIf: () => n >= 2 && 'n stopped growing',
      }),
    ).rejects.toThrow(/^gave up waiting for n to reach 3: n stopped growing \(last error: expected 2 to be 3/)
  })
})
