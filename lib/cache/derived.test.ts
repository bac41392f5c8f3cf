import { describe, expect, it } from 'vitest'
import DataLoader from 'dataloader'
import { derivedOf } from './derived.js'
import { createServiceCache } from './create-service-cache.js'
import { readCacheConfig } from './cache-config.js'

describe('derivedOf', () => {
  it('derives once per frozen value and name, and returns the same answer as deriving directly', () => {
    const value = Object.freeze([1, 2, 3])
    let calls = 0
    const sum = (v: readonly number[]) => {
      calls++
      return { total: v.reduce((a, b) => a + b, 0) }
    }
    const first = derivedOf(value, 'sum', sum)
    expect(first).toEqual({ total: 6 })
    expect(derivedOf(value, 'sum', sum)).toBe(first)
    expect(calls).toBe(1)
    expect(Object.isFrozen(first)).toBe(true)
    // Another name is another derivation of the same value.
    expect(derivedOf(value, 'double', v => v.map(x => x * 2))).toEqual([2, 4, 6])
  })

  it('derives a value that is not frozen every time (no cache: it may change)', () => {
    const value = [1, 2]
    expect(derivedOf(value, 'sum', v => v.reduce((a, b) => a + b, 0))).toBe(3)
    value.push(3)
    expect(derivedOf(value, 'sum', v => v.reduce((a, b) => a + b, 0))).toBe(6)
  })

  it('sees a write: after the cache entry is invalidated the next load gives a new value and a new derivation', async () => {
    const cache = createServiceCache('test', readCacheConfig({ CACHE: 'memory', CACHE_NAMESPACE: 'derived-test' }))
    let rows = [1, 2, 3]
    const loader = () =>
      new DataLoader(cache.loader('rows', async (keys: readonly string[]) => keys.map(() => [...rows]), { datasets: ['t.rows'] }))
    const total = async () => derivedOf(await loader().load('k'), 'total', v => v.reduce((a, b) => a + b, 0))
    expect(await total()).toBe(6)
    rows = [10, 20]
    expect(await total()).toBe(6) // no write announced: the cached value and its derivation stand
    await cache.invalidate(['t.rows'])
    expect(await total()).toBe(30)
  })
})
