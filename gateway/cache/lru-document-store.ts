import type { DocumentNode } from 'graphql'
import type { DocumentStore } from '@apollo/server'
import type { Lru } from '../../platform/lru.js'
import { createDocumentLru } from '../../platform/document-lru.js'

/**
 * Parsed and validated documents for every projected Apollo Server, in one LRU: with Apollo's default,
 * each server keeps its own store of about 30 MiB (by its estimate, several times that in memory), so
 * 64 projections could hold 64 budgets. Each server sees the store through its own prefix
 * (`forServer`): a document validated against one projection, or with introspection allowed, is never
 * handed to another server, whose schema and validation rules may refuse it.
 *
 * A document is kept from its second request on, its first leaving only its key (the query hash)
 * (platform/document-lru.ts): a client sending a new document on every request does not push the
 * documents of everyone else out.
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

export function createSharedDocumentStore(bounds: { maxEntries: number; maxBytes: number }): SharedDocumentStore {
  const documents = createDocumentLru(bounds)
  const { lru, seen } = documents
  return {
    lru,
    seen,
    forServer: prefix => {
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
          if (document) documents.remember(k, document)
          return document
        },
        set: async (key, document) => documents.remember(prefix + key, document),
        delete: async key => documents.delete(prefix + key),
        offer(queryHash, prepare) {
          offers.delete(queryHash)
          offers.set(queryHash, prepare)
          if (offers.size > MAX_OFFERS) offers.delete(offers.keys().next().value!)
        },
      }
    },
    clear: () => documents.clear(),
  }
}
