import { describe, expect, it } from 'vitest'
import { parse } from 'graphql'
import { createDocumentLru, documentBytes, DOCUMENT_BYTES_PER_CHARACTER } from './document-lru.js'

describe('createDocumentLru', () => {
  it('sizes a document by its text', () => {
    const text = '{ district(code: "01") { name } }'
    expect(documentBytes('k', parse(text))).toBe(text.length * DOCUMENT_BYTES_PER_CHARACTER + 2)
  })

  it('keeps a document from its second request on, within its bounds in entries and bytes', () => {
    const text = '{ a }'
    const documents = createDocumentLru({ maxEntries: 10, maxBytes: 3 * documentBytes(text, parse(text)) })
    const doc = parse(text)
    documents.remember(text, doc)
    expect(documents.get(text)).toBeUndefined()
    documents.remember(text, doc)
    expect(documents.get(text)).toBe(doc)
    // Bytes bound: a fourth document of the same size pushes out the least recently used.
    for (const t of ['{ b }', '{ c }', '{ d }']) for (let i = 0; i < 2; i++) documents.remember(t, parse(t))
    expect(documents.get(text)).toBeUndefined()
    expect(documents.lru.stats()).toMatchObject({ entries: 3, evictions: 1 })
    // Keys asked once are bounded too: a sixteenth of the bytes, four keys per document entry.
    for (let i = 0; i < 100; i++) documents.remember(`{ once${i} }`, doc)
    expect(documents.seen.stats().bytes).toBeLessThanOrEqual(documents.lru.stats().maxBytes / 16)
    const roomy = createDocumentLru({ maxEntries: 10, maxBytes: 1e9 })
    for (let i = 0; i < 100; i++) roomy.remember(`{ once${i} }`, doc)
    expect(roomy.seen.stats().entries).toBe(40)
    expect(documents.delete('{ d }')).toBe(true)
    documents.clear()
    expect([documents.lru.stats().entries, documents.seen.stats().entries]).toEqual([0, 0])
  })
})
