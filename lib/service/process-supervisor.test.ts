import { spawn, type ChildProcess } from 'node:child_process'
import { afterEach, describe, expect, it } from 'vitest'
import { createProcessSupervisor, type ProcessSupervisor, type ProcessSupervisorOptions } from './process-supervisor.js'
import { exitedProcess, waitFor } from '../../test/helpers/wait-for.js'

// Real, short-lived child processes (`node -e`): what the supervisor sees is what `npm start` sees.

const node = (script: string) => () => spawn(process.execPath, ['-e', script], { stdio: 'ignore' })
const running: ProcessSupervisor[] = []
afterEach(async () => {
  await Promise.all(running.splice(0).map(s => s.stop()))
})

function supervise(opts: Omit<ProcessSupervisorOptions, 'name'> & { name?: string }) {
  const lines: string[] = []
  const started: ChildProcess[] = []
  const supervisor = createProcessSupervisor({
    name: 'test',
    log: line => lines.push(line),
    ...opts,
    onStart: child => {
      started.push(child)
      opts.onStart?.(child)
    },
  })
  running.push(supervisor)
  /**
   * Waits for `check`, showing the supervisor's log on failure. `needsInstance`: a spawn error ends the
   * wait at once (no instance can come up then).
   */
  const until = (what: string, check: () => boolean, needsInstance = false) =>
    waitFor(what, check, {
      timeoutMs: 20_000,
      intervalMs: 10,
      detail: () => `supervisor log:\n${lines.join('\n')}`,
      failIf: () => needsInstance && lines.find(l => l.includes('process error')),
    })
  return { supervisor, lines, started, until }
}

const alive = (pid: number | undefined) => {
  try {
    process.kill(pid!, 0)
    return true
  } catch {
    return false
  }
}

describe('createProcessSupervisor', () => {
  it('starts nothing until start()', async () => {
    const { supervisor, started } = supervise({ spawn: node('setTimeout(() => {}, 10000)') })
    await new Promise(r => setTimeout(r, 50)) // time under test: nothing starts within it
    expect(started).toHaveLength(0)
    expect(supervisor.current()).toBeNull()
  })

  it('restarts a process that keeps exiting at once with a doubling delay up to the cap, not in a busy loop', async () => {
    const { supervisor, lines, started, until } = supervise({
      spawn: node('process.exit(3)'),
      initialDelayMs: 20,
      maxDelayMs: 160,
      stableAfterMs: 60_000,
    })
    supervisor.start()
    await until('six restarts', () => supervisor.restarts().length >= 6)
    await supervisor.stop()
    const delays = supervisor.restarts()
    expect(delays.slice(0, 6)).toEqual([20, 40, 80, 160, 160, 160])
    // One spawn per restart (plus the first): the delay is the only way back.
    expect(started.length - delays.length).toBeGreaterThanOrEqual(0)
    expect(started.length - delays.length).toBeLessThanOrEqual(1)
    expect(lines[0]).toMatch(/^\[test\] exited with code 3 after \d+ ms; restart 1 in 20 ms$/)
  })

  it('says which signal killed the process and brings it back (kill -9)', async () => {
    const { supervisor, lines, started, until } = supervise({ spawn: node('setInterval(() => {}, 1000)'), initialDelayMs: 10 })
    supervisor.start()
    await until('first instance', () => started.length === 1 && started[0].pid !== undefined, true)
    const first = started[0].pid!
    process.kill(first, 'SIGKILL')
    await until('second instance', () => started.length === 2 && supervisor.current() === started[1], true)
    expect(started[1].pid).not.toBe(first)
    expect(alive(started[1].pid)).toBe(true)
    expect(lines[0]).toMatch(/^\[test\] exited with signal SIGKILL after .+; restart 1 in 10 ms$/)
  })

  it('starts the delay over once an instance ran stably', async () => {
    // Each instance lives 150 ms, longer than `stableAfterMs`: every crash is the first in a row.
    const { supervisor, until } = supervise({
      spawn: node('setTimeout(() => process.exit(1), 150)'),
      initialDelayMs: 10,
      stableAfterMs: 100,
    })
    supervisor.start()
    await until('three restarts', () => supervisor.restarts().length >= 3)
    expect(supervisor.restarts().slice(0, 3)).toEqual([10, 10, 10])
  })

  it('stop() ends the running instance with SIGTERM and starts no other', async () => {
    const { supervisor, started, until } = supervise({ spawn: node('setInterval(() => {}, 1000)'), initialDelayMs: 10 })
    supervisor.start()
    await until('first instance', () => started.length === 1, true)
    const child = started[0]
    await supervisor.stop()
    expect(child.signalCode).toBe('SIGTERM')
    expect(supervisor.current()).toBeNull()
    await new Promise(r => setTimeout(r, 100)) // time under test: ten restart delays pass without a restart
    expect(started).toHaveLength(1)
    expect(supervisor.restarts()).toEqual([])
  })

  it('stop() kills an instance that ignores SIGTERM after killAfterMs', async () => {
    const { supervisor, started, lines, until } = supervise({
      spawn: () =>
        spawn(process.execPath, ['-e', 'process.on("SIGTERM", () => {}); console.log("up"); setInterval(() => {}, 1000)'], {
          stdio: ['ignore', 'pipe', 'ignore'],
        }),
      killAfterMs: 200,
    })
    supervisor.start()
    await until('first instance', () => started.length === 1, true)
    // SIGTERM is ignored only once the handler is installed: wait for the process to say so.
    let said = ''
    started[0].stdout!.on('data', chunk => {
      said += chunk
    })
    await waitFor('the instance to install its SIGTERM handler', () => said.includes('up'), {
      failIf: exitedProcess(started[0], 'the instance'),
    })
    await supervisor.stop()
    expect(started[0].signalCode).toBe('SIGKILL')
    expect(lines.at(-1)).toMatch(/did not stop within 200 ms of SIGTERM; SIGKILL/)
  })

  it('stop() during the delay cancels the pending restart', async () => {
    const { supervisor, started, until } = supervise({ spawn: node('process.exit(1)'), initialDelayMs: 300 })
    supervisor.start()
    await until('first exit', () => supervisor.restarts().length === 1)
    await supervisor.stop()
    await new Promise(r => setTimeout(r, 500)) // time under test: past the 300 ms delay, nothing restarted
    expect(started).toHaveLength(1)
  })

  it('leaves the process down when shouldRestart says no', async () => {
    let allow = true
    const { supervisor, started, lines, until } = supervise({
      spawn: node('process.exit(0)'),
      initialDelayMs: 10,
      shouldRestart: () => allow,
    })
    supervisor.start()
    await until('a restart', () => started.length === 2)
    allow = false
    await until('the refusal', () => lines.some(l => l.includes('not restarted')))
    await new Promise(r => setTimeout(r, 100)) // time under test: ten restart delays pass without a restart
    expect(started.length).toBeLessThanOrEqual(3)
    expect(supervisor.current()).toBeNull()
    expect(lines.at(-1)).toMatch(/^\[test\] exited with code 0 after .+; not restarted$/)
  })

  it('a process that cannot be spawned is retried with the same backoff', async () => {
    const { supervisor, lines, started, until } = supervise({
      spawn: () => spawn('/nonexistent/stadtgraph-department', [], { stdio: 'ignore' }),
      initialDelayMs: 10,
      maxDelayMs: 40,
    })
    supervisor.start()
    await until('three restarts', () => supervisor.restarts().length >= 3)
    expect(supervisor.restarts().slice(0, 3)).toEqual([10, 20, 40])
    expect(started).toEqual([])
    expect(lines[0]).toMatch(/process error: spawn \/nonexistent\/stadtgraph-department ENOENT/)
  })
})
