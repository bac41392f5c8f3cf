import type { DocumentNode } from 'graphql'
import type { DocumentStore } from '@apollo/server'
import { createLru, type Lru } from './lru.js'

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
 */
export interface SharedDocumentStore {
  /** The view of one server; `prefix` must differ between servers. */
  forServer(prefix: string): DocumentStore
  readonly lru: Lru<DocumentNode>
}

export function createSharedDocumentStore(bounds: { maxEntries: number; maxBytes: number }): SharedDocumentStore {
  const lru = createLru<DocumentNode>({ ...bounds, sizeOf: documentBytes })
  return {
    lru,
    forServer: prefix => ({
      get: async key => lru.get(prefix + key),
      set: async (key, document) => lru.set(prefix + key, document),
      delete: async key => lru.delete(prefix + key),
    }),
  }
}
