import { describe, expect, it } from 'vitest'
import { eventually, waitFor } from './wait-for.js'

describe('waitFor', () => {
  it('returns the first truthy value, retrying falsy values and throws', async () => {
    let calls = 0
    const value = await waitFor('the third call', () => {
      calls++
      if (calls === 1) throw new Error('not ready')
      return calls === 3 ? { calls } : null
    }, { intervalMs: 1 })
    expect(value).toEqual({ calls: 3 })
  })

  it('fails after the timeout, naming what it waited for and the last value', async () => {
    await expect(waitFor('the moon to turn blue', () => 'grey' === 'blue' as string, { timeoutMs: 30, intervalMs: 5 }))
      .rejects.toThrow(/^timed out after 30 ms waiting for the moon to turn blue \(last value: false\)$/)
    await expect(waitFor('a reply', () => { throw new Error('connection refused') }, { timeoutMs: 30, intervalMs: 5 }))
      .rejects.toThrow('timed out after 30 ms waiting for a reply (last error: connection refused)')
    await expect(waitFor('the server', () => false, { timeoutMs: 10, intervalMs: 5, detail: () => 'listening on nothing' }))
      .rejects.toThrow(/\(last value: false\)\nlistening on nothing$/)
  })
})

describe('eventually', () => {
  it('retries the assertion until it passes', async () => {
    let n = 0
    await eventually('n to reach 3', () => expect(++n).toBe(3), { intervalMs: 1 })
    expect(n).toBe(3)
  })

  it('throws the last assertion failure, prefixed with what was awaited', async () => {
    await expect(eventually('n to reach 3', () => expect(1).toBe(3), { timeoutMs: 30, intervalMs: 5 }))
      .rejects.toThrow(/^not within 30 ms: n to reach 3\nexpected 1 to be 3/)
  })
})
