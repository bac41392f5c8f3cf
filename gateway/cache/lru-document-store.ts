import type { DocumentNode } from 'graphql'
import type { DocumentStore } from '@apollo/server'
import { createLru, type Lru } from '../../platform/lru.js'

/**
 * Bytes held per character of query text by a parsed document and what lives as long as it does.
 * graphql-js keeps every token of a document parsed with locations (measured: about 80 bytes per
 * character); the query plan, the printed subgraph documents and the walks remembered per document
 * (weakly keyed by it, so kept exactly as long as the store keeps the document) about as much again.
 */
export const DOCUMENT_BYTES_PER_CHARACTER = 160

/** The estimate for one stored document: its text (or, parsed without locations, its printed size) and its key. */
export function documentBytes(key: string, document: DocumentNode): number {
  const characters = document.loc ? document.loc.source.body.length : JSON.stringify(document).length / 4
  return characters * DOCUMENT_BYTES_PER_CHARACTER + key.length * 2
}

/**
 * Parsed and validated documents for every projected Apollo Server, in one LRU: with Apollo's default,
 * each server keeps its own store of about 30 MiB (by its estimate, several times that in memory), so
 * 64 projections could hold 64 budgets. Each server sees the store through its own prefix
 * (`forServer`): a document validated against one projection, or with introspection allowed, is never
 * handed to another server, whose schema and validation rules may refuse it.
 *
 * A document is kept from its second request on: the first only leaves its key (the query hash) in
 * `seen`, a much smaller LRU. A client sending a new document on every request therefore neither
 * pushes the documents of everyone else out of the store nor fills it (and the heap's old generation,
 * where kept documents end up and are only reclaimed by a full collection) with documents that are
 * never asked again; a document that is asked again is kept as before.
 */
export interface SharedDocumentStore {
  /** The view of one server; `prefix` must differ between servers. */
  forServer(prefix: string): ServerDocumentStore
  /** The documents kept. */
  readonly lru: Lru<DocumentNode>
  /** Keys of documents asked once, not kept yet. */
  readonly seen: Lru<true>
  clear(): void
}

/**
 * One server's view, with a hand-off: Apollo Server asks the store for a document (`get`) and, when
 * it has none, parses and validates the query itself. `offer` (from a plugin's `didResolveSource`,
 * before Apollo asks) leaves a way to prepare the request's document, by its query hash; when the
 * store has no document for that hash, `get` prepares it and, when that yields a document (parsed and
 * valid), returns it and remembers it as `set` would (the key on its first request, the document
 * from its second on), so Apollo neither parses nor validates it again. A key ending in the hash
 * (Apollo prefixes its keys with the schema's hash and a colon) finds the offer; an offer is taken by
 * the first `get` for its hash, and at most MAX_OFFERS wait (the oldest are dropped: a request
 * refused before Apollo asks the store never takes its offer).
 */
export interface ServerDocumentStore extends DocumentStore {
  offer(queryHash: string, prepare: () => DocumentNode | undefined): void
}

export const MAX_OFFERS = 64

/** Keys remembered per document that can be kept, and their bytes per byte of the document budget. */
const SEEN_PER_ENTRY = 4
const SEEN_SHARE_OF_BYTES = 1 / 16

export function createSharedDocumentStore(bounds: { maxEntries: number; maxBytes: number }): SharedDocumentStore {
  const lru = createLru<DocumentNode>({ ...bounds, sizeOf: documentBytes })
  const seen = createLru<true>({
    maxEntries: bounds.maxEntries * SEEN_PER_ENTRY,
    maxBytes: Math.floor(bounds.maxBytes * SEEN_SHARE_OF_BYTES),
    sizeOf: key => key.length * 2 + 64,
  })
  return {
    lru,
    seen,
    forServer: prefix => {
      const remember = (k: string, document: DocumentNode) => {
        if (seen.get(k)) {
          seen.delete(k)
          lru.set(k, document)
        } else seen.set(k, true)
      }
      const offers = new Map<string, () => DocumentNode | undefined>()
      return {
        get: async key => {
          const k = prefix + key
          const hash = key.slice(key.lastIndexOf(':') + 1)
          const prepare = offers.get(hash)
          if (prepare) offers.delete(hash)
          const kept = lru.get(k)
          if (kept || !prepare) return kept
          // A failure to prepare is left to Apollo, which parses and validates as without an offer.
          let document: DocumentNode | undefined
          try {
            document = prepare()
          } catch {
            document = undefined
          }
          if (document) remember(k, document)
          return document
        },
        set: async (key, document) => remember(prefix + key, document),
        delete: async key => {
          seen.delete(prefix + key)
          return lru.delete(prefix + key)
        },
        offer(queryHash, prepare) {
          offers.delete(queryHash)
          offers.set(queryHash, prepare)
          if (offers.size > MAX_OFFERS) offers.delete(offers.keys().next().value!)
        },
      }
    },
    clear() {
      lru.clear()
      seen.clear()
    },
  }
}
