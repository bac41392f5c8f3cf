import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { HttpRefusal } from '../../platform/http/apollo-handler.js'

/**
 * Trusted documents (case T37, docs/access-control.md#adversarial-cases): public apps send the id of an operation registered
 * at build time instead of free GraphQL. `log` lets unknown documents through and logs them (to
 * collect the list), `enforce` refuses them for anonymous callers; authenticated callers (staff
 * tools) may always send documents. Ids are the SHA-256 of the document; requests name them as
 * `documentId` (GraphQL over HTTP) or `extensions.persistedQuery.sha256Hash` (Apollo). Registering
 * new documents at run time (automatic persisted queries) is never accepted.
 */
export type TrustedDocumentsMode = 'off' | 'log' | 'enforce'

export interface TrustedDocuments {
  mode: TrustedDocumentsMode
  /** Resolves the body of a request; throws HttpRefusal for what may not run. */
  prepare(body: unknown, authenticated: boolean): unknown
}

export const documentId = (document: string) => createHash('sha256').update(document).digest('hex')

/** Reads `{ "<sha256>": "<document>" }` or a JSON array of documents; every id is checked against its document. */
export function loadTrustedDocuments(path: string): Map<string, string> {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as unknown
  const docs = Array.isArray(raw)
    ? raw.map(d => [documentId(String(d)), String(d)] as const)
    : Object.entries(raw as Record<string, string>)
  for (const [id, doc] of docs) {
    if (documentId(doc) !== id) throw new Error(`trusted document ${id} in ${path} does not match its SHA-256`)
  }
  return new Map(docs)
}

export function createTrustedDocuments(mode: TrustedDocumentsMode, documents: ReadonlyMap<string, string>): TrustedDocuments {
  const known = new Set(documents.keys())
  return {
    mode,
    prepare(body, authenticated) {
      if (mode === 'off' || !body || typeof body !== 'object' || Array.isArray(body)) return body
      const request = body as {
        query?: unknown
        documentId?: unknown
        extensions?: { persistedQuery?: { sha256Hash?: unknown } } & Record<string, unknown>
      }
      const id =
        typeof request.documentId === 'string'
          ? request.documentId.replace(/^sha256:/, '')
          : typeof request.extensions?.persistedQuery?.sha256Hash === 'string'
            ? request.extensions.persistedQuery.sha256Hash
            : null
      const { persistedQuery: _apq, ...extensions } = request.extensions ?? {}
      if (id !== null) {
        const document = documents.get(id)
        if (typeof request.query === 'string' && (!document || documentId(request.query) !== id)) {
          throw new HttpRefusal(400, 'OPERATION_NOT_TRUSTED', 'Operations cannot be registered at run time')
        }
        if (!document) throw new HttpRefusal(400, 'PERSISTED_QUERY_NOT_FOUND', `No trusted document with id ${id}`)
        const { documentId: _id, ...rest } = request
        return { ...rest, query: document, extensions }
      }
      if (typeof request.query === 'string' && !known.has(documentId(request.query)) && !authenticated) {
        if (mode === 'enforce') throw new HttpRefusal(400, 'OPERATION_NOT_TRUSTED', 'Only trusted documents may be sent without a token')
        console.warn(`[gateway] untrusted document ${documentId(request.query).slice(0, 16)} from an anonymous caller (mode log)`)
      }
      return body
    },
  }
}
