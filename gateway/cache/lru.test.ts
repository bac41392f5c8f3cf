import { describe, expect, it } from 'vitest'
import { parse } from 'graphql'
import { createLru } from './lru.js'
import { createSharedDocumentStore, documentBytes, DOCUMENT_BYTES_PER_CHARACTER } from './lru-document-store.js'

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

describe('createSharedDocumentStore', () => {
  it('sizes a document by its text', () => {
    const text = '{ district(code: "01") { name } }'
    expect(documentBytes('k', parse(text))).toBe(text.length * DOCUMENT_BYTES_PER_CHARACTER + 2)
  })

  it('keeps a document from its second request on: a document asked once leaves only its key', async () => {
    const store = createSharedDocumentStore({ maxEntries: 10, maxBytes: 1e9 })
    const server = store.forServer('1:')
    const doc = parse('{ a }')
    await server.set('hash', doc)
    expect(await server.get('hash')).toBeUndefined()
    expect(store.seen.stats().entries).toBe(1)
    await server.set('hash', doc)
    expect(await server.get('hash')).toBe(doc)
    expect(store.seen.stats().entries).toBe(0)
    expect(store.lru.stats()).toMatchObject({ entries: 1, hits: 1, misses: 1 })
    // Keys of documents asked once are bounded too (four per document entry).
    for (let i = 0; i < 100; i++) await server.set(`once-${i}`, doc)
    expect(store.seen.stats().entries).toBe(40)
    expect(store.lru.stats().entries).toBe(1)
  })

  it("keeps each server's documents under its own prefix, within one bound", async () => {
    const store = createSharedDocumentStore({ maxEntries: 2, maxBytes: 1e9 })
    const one = store.forServer('1:')
    const two = store.forServer('2:')
    const keep = async (server: typeof one, key: string, text: string) => {
      const doc = parse(text)
      await server.set(key, doc)
      await server.set(key, doc)
      return doc
    }
    const doc = await keep(one, 'hash', '{ a }')
    expect(await one.get('hash')).toBe(doc)
    expect(await two.get('hash')).toBeUndefined()
    await keep(two, 'hash', '{ a }')
    await keep(two, 'other', '{ b }')
    // Two entries at most across both servers: the first server's document was the least recently used.
    expect(await one.get('hash')).toBeUndefined()
    expect(store.lru.stats()).toMatchObject({ entries: 2, evictions: 1 })
    store.clear()
    expect([store.lru.stats().entries, store.seen.stats().entries]).toEqual([0, 0])
  })
})
