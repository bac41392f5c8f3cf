import { describe, expect, it } from 'vitest'
import { createReplicaReporter } from './replica-heartbeat.js'

// The heartbeat's life: nothing before start(), beats after it, and after stop() no write starts while
// stop() waits for the one in flight (the store is closed right after).

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

/** A write that takes `ms`, counting how many began and ended. */
function slowWrite(ms: number) {
  const counts = { began: 0, ended: 0 }
  const write = async () => {
    counts.began++
    await sleep(ms)
    counts.ended++
  }
  return { counts, write }
}

describe('replica reporter', () => {
  it('beats only after start()', async () => {
    const { counts, write } = slowWrite(1)
    const reporter = createReplicaReporter(write, 5)
    await sleep(40)
    expect(counts.began).toBe(0)
    reporter.start()
    await expect.poll(() => counts.ended, { timeout: 2_000 }).toBeGreaterThan(1)
    await reporter.stop()
  })

  it('stop() waits for the write in flight, and nothing writes after it', async () => {
    const { counts, write } = slowWrite(60)
    const reporter = createReplicaReporter(write, 5)
    reporter.start()
    await expect.poll(() => counts.began, { timeout: 2_000 }).toBeGreaterThan(0)
    await reporter.stop()
    expect(counts.ended).toBe(counts.began)
    const began = counts.began
    await reporter.report()
    await sleep(40)
    expect(counts.began).toBe(began)
  })

  it('a failed report rejects for its caller; the heartbeat goes on', async () => {
    let calls = 0
    const reporter = createReplicaReporter(async () => {
      calls++
      throw new Error('policy database down')
    }, 5)
    await expect(reporter.report()).rejects.toThrow('policy database down')
    reporter.start()
    await expect.poll(() => calls, { timeout: 2_000 }).toBeGreaterThan(2)
    await reporter.stop()
  })

  it('a beat still running makes the next ones wait: a hanging store gets one write at a time', async () => {
    let running = 0
    let most = 0
    let release!: () => void
    const hanging = new Promise<void>(resolve => (release = resolve))
    const reporter = createReplicaReporter(async () => {
      running++
      most = Math.max(most, running)
      await hanging
      running--
    }, 5)
    reporter.start()
    await sleep(60)
    expect(most).toBe(1)
    release()
    await reporter.stop()
  })
})
