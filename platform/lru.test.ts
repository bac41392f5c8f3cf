import { describe, expect, it } from 'vitest'
import { createLru } from './lru.js'

const bySize = (maxEntries: number, maxBytes: number) => createLru<number>({ maxEntries, maxBytes, sizeOf: (_key, value) => value })

describe('createLru', () => {
  it('keeps at most maxEntries, dropping the least recently used', () => {
    const lru = bySize(3, 1_000)
    for (const key of ['a', 'b', 'c', 'd']) lru.set(key, 1)
    expect(lru.get('a')).toBeUndefined()
    expect([lru.get('b'), lru.get('c'), lru.get('d')]).toEqual([1, 1, 1])
    expect(lru.stats()).toMatchObject({ entries: 3, bytes: 3, evictions: 1 })
  })

  it('keeps at most maxBytes, dropping as many old entries as the new one needs', () => {
    const lru = bySize(100, 10)
    lru.set('a', 4)
    lru.set('b', 4)
    lru.set('c', 2)
    expect(lru.stats()).toMatchObject({ entries: 3, bytes: 10, evictions: 0 })
    lru.set('d', 7)
    expect(lru.get('a')).toBeUndefined()
    expect(lru.get('b')).toBeUndefined()
    expect(lru.get('c')).toBe(2)
    expect(lru.get('d')).toBe(7)
    expect(lru.stats()).toMatchObject({ entries: 2, bytes: 9, evictions: 2 })
  })

  it('counts a read as a use: the entry read last is dropped last', () => {
    const lru = bySize(2, 1_000)
    lru.set('a', 1)
    lru.set('b', 1)
    expect(lru.get('a')).toBe(1)
    lru.set('c', 1)
    expect(lru.get('b')).toBeUndefined()
    expect(lru.get('a')).toBe(1)
    expect(lru.get('c')).toBe(1)
  })

  it('replaces a key in place: its old size is given back', () => {
    const lru = bySize(10, 10)
    lru.set('a', 6)
    lru.set('a', 3)
    lru.set('b', 7)
    expect(lru.stats()).toMatchObject({ entries: 2, bytes: 10, evictions: 0 })
  })

  it('counts hits, misses and evictions', () => {
    const lru = bySize(1, 100)
    lru.get('a')
    lru.set('a', 1)
    lru.get('a')
    lru.get('a')
    lru.set('b', 1)
    lru.get('a')
    expect(lru.stats()).toEqual({ entries: 1, bytes: 1, hits: 2, misses: 2, evictions: 1, maxEntries: 1, maxBytes: 100 })
  })

  it('does not keep an entry larger than the whole byte budget, nor drop others for it', () => {
    const lru = bySize(10, 10)
    lru.set('small', 5)
    lru.set('huge', 11)
    expect(lru.get('huge')).toBeUndefined()
    expect(lru.get('small')).toBe(5)
    expect(lru.stats()).toMatchObject({ entries: 1, bytes: 5, evictions: 0 })
    // A key replaced by a value too large is gone, not left with its old value.
    lru.set('small', 50)
    expect(lru.get('small')).toBeUndefined()
    expect(lru.stats()).toMatchObject({ entries: 0, bytes: 0 })
  })

  it('keeps nothing with maxEntries 0', () => {
    const lru = bySize(0, 100)
    lru.set('a', 1)
    expect(lru.get('a')).toBeUndefined()
    expect(lru.stats().entries).toBe(0)
  })

  it('delete and clear give the bytes back without counting evictions', () => {
    const lru = bySize(10, 100)
    lru.set('a', 5)
    lru.set('b', 5)
    expect(lru.delete('a')).toBe(true)
    expect(lru.delete('a')).toBe(false)
    expect(lru.stats()).toMatchObject({ entries: 1, bytes: 5 })
    lru.clear()
    expect(lru.stats()).toMatchObject({ entries: 0, bytes: 0, evictions: 0 })
  })

  it('refuses negative bounds', () => {
    expect(() => bySize(-1, 10)).toThrow(RangeError)
  })
})
