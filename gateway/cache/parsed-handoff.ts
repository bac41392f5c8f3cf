import type { DocumentNode } from 'graphql'

/**
 * Documents parsed ahead of Apollo Server, handed on so a new query text is parsed once: the shape
 * guard (gateway/limits/shape-guard.ts) parses a new text before Apollo runs and leaves the document
 * here (`give`), by the exact text; the prevalidation of the same request (`prevalidationPlugin` in
 * gateway/authorize/projected-servers.ts) takes it (`take`) instead of parsing the text again.
 *
 * A document is handed on only between the same parse options: `take` with another `maxTokens`
 * than `give` finds nothing (and drops the document), and the taker parses as without a hand-off.
 * Each document is taken once; at most MAX_HANDOFFS wait, of at most MAX_HANDOFF_CHARS of text in
 * all (the newest is kept whatever its length), the oldest dropped: a request refused between the
 * guard and Apollo never takes its document, which is kept only until pushed out. The text bounds
 * what such documents hold: parsed with locations, 7,000 fields of five characters take some
 * 3.6 MB (about 90 bytes per character of text, more with shorter names).
 */
export interface ParsedHandoff {
  /** Leaves `document`, which is `parse(source, { maxTokens })`, locations included. */
  give(source: string, maxTokens: number, document: DocumentNode): void
  /** The document left for exactly `source`, parsed with the same `maxTokens`, once; else undefined. */
  take(source: string, maxTokens: number): DocumentNode | undefined
  /** Documents waiting. */
  size(): number
}

export const MAX_HANDOFFS = 64
export const MAX_HANDOFF_CHARS = 64 * 1024

export function createParsedHandoff(): ParsedHandoff {
  const waiting = new Map<string, { maxTokens: number; document: DocumentNode }>()
  let chars = 0
  const drop = (source: string) => {
    if (waiting.delete(source)) chars -= source.length
  }
  return {
    give(source, maxTokens, document) {
      drop(source)
      waiting.set(source, { maxTokens, document })
      chars += source.length
      while (waiting.size > 1 && (waiting.size > MAX_HANDOFFS || chars > MAX_HANDOFF_CHARS)) drop(waiting.keys().next().value!)
    },
    take(source, maxTokens) {
      const left = waiting.get(source)
      if (!left) return undefined
      drop(source)
      return left.maxTokens === maxTokens ? left.document : undefined
    },
    size: () => waiting.size,
  }
}
