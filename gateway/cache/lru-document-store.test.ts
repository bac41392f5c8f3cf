import { describe, expect, it } from 'vitest'
import { parse } from 'graphql'
import { createSharedDocumentStore, MAX_OFFERS } from './lru-document-store.js'

describe('createSharedDocumentStore', () => {
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

  it('prepares an offered document when it has none, remembering it as set would; an offer is taken once', async () => {
    const store = createSharedDocumentStore({ maxEntries: 10, maxBytes: 1e9 })
    const one = store.forServer('1:')
    const two = store.forServer('2:')
    const doc = parse('{ a }')
    let prepared = 0
    const prepare = () => (prepared++, doc)
    // Apollo's key: the schema's hash, a colon, the query's hash.
    one.offer('query', prepare)
    expect(await two.get('schema:query')).toBeUndefined()
    expect(await one.get('schema:query')).toBe(doc)
    expect([prepared, store.seen.stats().entries, store.lru.stats().entries]).toEqual([1, 1, 0])
    expect(await one.get('schema:query')).toBeUndefined()
    // Offered again (its second request): prepared again and kept from then on.
    one.offer('query', prepare)
    expect(await one.get('schema:query')).toBe(doc)
    expect([prepared, store.seen.stats().entries, store.lru.stats().entries]).toEqual([2, 0, 1])
    // Kept: the offer is taken but not prepared.
    one.offer('query', prepare)
    expect(await one.get('schema:query')).toBe(doc)
    expect(prepared).toBe(2)
    expect(await one.get('schema:query')).toBe(doc)
  })

  it('returns nothing and remembers nothing when the offer yields no document or fails', async () => {
    const store = createSharedDocumentStore({ maxEntries: 10, maxBytes: 1e9 })
    const server = store.forServer('1:')
    server.offer('invalid', () => undefined)
    server.offer('failing', () => {
      throw new Error('cannot prepare')
    })
    expect(await server.get('schema:invalid')).toBeUndefined()
    expect(await server.get('schema:failing')).toBeUndefined()
    expect([store.seen.stats().entries, store.lru.stats().entries]).toEqual([0, 0])
  })

  it('keeps at most MAX_OFFERS offers waiting, dropping the oldest', async () => {
    const store = createSharedDocumentStore({ maxEntries: 10, maxBytes: 1e9 })
    const server = store.forServer('1:')
    const doc = parse('{ a }')
    for (let i = 0; i <= MAX_OFFERS; i++) server.offer(`q${i}`, () => doc)
    expect(await server.get('q0')).toBeUndefined()
    expect(await server.get('q1')).toBe(doc)
    expect(await server.get(`q${MAX_OFFERS}`)).toBe(doc)
  })
})
