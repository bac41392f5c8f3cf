import { describe, expect, it } from 'vitest'
import { askOncePerToken } from './per-token'

describe('askOncePerToken', () => {
  it('asks once per token and keeps what was decided', async () => {
    const asked: string[] = []
    const ask = askOncePerToken(async (token: string) => (asked.push(token), token === 'a'), false)
    expect(await ask('a')).toBe(true)
    expect(await ask('a')).toBe(true)
    expect(await ask('b')).toBe(false)
    expect(asked).toEqual(['a', 'b'])
  })

  it('asks again after an answer that decided nothing (a failing gateway must not lock the caller out)', async () => {
    const answers: Array<boolean | undefined | Error> = [undefined, new Error('offline'), true]
    let calls = 0
    const ask = askOncePerToken(async () => {
      const next = answers[calls++]
      if (next instanceof Error) throw next
      return next
    }, false)
    expect(await ask('t')).toBe(false)
    expect(await ask('t')).toBe(false)
    expect(await ask('t')).toBe(true)
    expect(await ask('t')).toBe(true)
    expect(calls).toBe(3)
  })

  it('keeps the answers of the last few tokens only', async () => {
    let calls = 0
    const ask = askOncePerToken(async () => (calls++, true), false, 2)
    await ask('a')
    await ask('b')
    await ask('c')
    await ask('a')
    expect(calls).toBe(4)
  })
})
