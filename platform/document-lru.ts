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
 * Values by a key of what clients send, bounded in entries and bytes, each kept from its second request
 * on: the first only leaves its key in `seen`, a much smaller LRU. A client sending something new on
 * every request therefore neither pushes everyone else's entries out nor fills the cache (and the
 * heap's old generation, where kept values end up and are only reclaimed by a full collection) with
 * values that are never asked again; a value asked again is kept as before.
 */
export interface SecondSightLru<V> {
  /** The value kept under `key`, now the most recently used. */
  get(key: string): V | undefined
  /** Its first time: the key is remembered; from its second on, the value is kept. */
  remember(key: string, value: V): void
  delete(key: string): boolean
  clear(): void
  /** The values kept. */
  readonly lru: Lru<V>
  /** Keys of values asked once, not kept yet. */
  readonly seen: Lru<true>
}

/** Keys remembered per value that can be kept, and their bytes per byte of the budget. */
const SEEN_PER_ENTRY = 4
const SEEN_SHARE_OF_BYTES = 1 / 16

export function createSecondSightLru<V>(bounds: {
  maxEntries: number
  maxBytes: number
  sizeOf(key: string, value: V): number
}): SecondSightLru<V> {
  const lru = createLru<V>(bounds)
  const seen = createLru<true>({
    maxEntries: bounds.maxEntries * SEEN_PER_ENTRY,
    maxBytes: Math.floor(bounds.maxBytes * SEEN_SHARE_OF_BYTES),
    sizeOf: key => key.length * 2 + 64,
  })
  return {
    lru,
    seen,
    get: key => lru.get(key),
    remember(key, value) {
      if (seen.get(key)) {
        seen.delete(key)
        lru.set(key, value)
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

/**
 * Parsed (and validated) documents by a key of their text, kept from their second request on
 * (SecondSightLru). The gateway's document store (gateway/cache/lru-document-store.ts) and a
 * department's subgraph handler (lib/service/subgraph-graphql-handler.ts) keep their documents so.
 */
export type DocumentLru = SecondSightLru<DocumentNode>

export function createDocumentLru(bounds: { maxEntries: number; maxBytes: number }): DocumentLru {
  return createSecondSightLru({ ...bounds, sizeOf: documentBytes })
}
