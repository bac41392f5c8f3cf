import type { DocumentNode } from 'graphql'
import { createLru, type Lru } from './lru.js'

/**
 * Bytes held per character of query text by a parsed document and what lives as long as it does.
 * graphql-js keeps every token of a document parsed with locations (measured: about 80 bytes per
 * character); at the gateway, the query plan, the printed subgraph documents and the walks remembered per
 * document (weakly keyed by it, so kept exactly as long as the cache keeps the document) about as much again.
 */
export const DOCUMENT_BYTES_PER_CHARACTER = 160

/** The estimate for one kept document: its text (or, parsed without locations, its printed size) and its key. */
export function documentBytes(key: string, document: DocumentNode): number {
  const characters = document.loc ? document.loc.source.body.length : JSON.stringify(document).length / 4
  return characters * DOCUMENT_BYTES_PER_CHARACTER + key.length * 2
}

/**
 * Parsed (and validated) documents by a key of their text, bounded in entries and bytes, each kept from its
 * second request on: the first only leaves its key in `seen`, a much smaller LRU. A client sending a new
 * document on every request therefore neither pushes everyone else's documents out nor fills the cache (and
 * the heap's old generation, where kept documents end up and are only reclaimed by a full collection) with
 * documents that are never asked again; a document asked again is kept as before. The gateway's document
 * store (gateway/cache/lru-document-store.ts) and a department's subgraph handler
 * (lib/service/subgraph-graphql-handler.ts) keep their documents so.
 */
export interface DocumentLru {
  /** The document kept under `key`, now the most recently used. */
  get(key: string): DocumentNode | undefined
  /** Its first time: the key is remembered; from its second on, the document is kept. */
  remember(key: string, document: DocumentNode): void
  delete(key: string): boolean
  clear(): void
  /** The documents kept. */
  readonly lru: Lru<DocumentNode>
  /** Keys of documents asked once, not kept yet. */
  readonly seen: Lru<true>
}

/** Keys remembered per document that can be kept, and their bytes per byte of the document budget. */
const SEEN_PER_ENTRY = 4
const SEEN_SHARE_OF_BYTES = 1 / 16

export function createDocumentLru(bounds: { maxEntries: number; maxBytes: number }): DocumentLru {
  const lru = createLru<DocumentNode>({ ...bounds, sizeOf: documentBytes })
  const seen = createLru<true>({
    maxEntries: bounds.maxEntries * SEEN_PER_ENTRY,
    maxBytes: Math.floor(bounds.maxBytes * SEEN_SHARE_OF_BYTES),
    sizeOf: key => key.length * 2 + 64,
  })
  return {
    lru,
    seen,
    get: key => lru.get(key),
    remember(key, document) {
      if (seen.get(key)) {
        seen.delete(key)
        lru.set(key, document)
      } else seen.set(key, true)
    },
    delete(key) {
      seen.delete(key)
      return lru.delete(key)
    },
    clear() {
      lru.clear()
      seen.clear()
    },
  }
}
