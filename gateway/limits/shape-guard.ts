import { GraphQLError, parse, type DocumentNode } from 'graphql'
import { HttpRefusal } from '../../platform/http/apollo-handler.js'
import type { ErrorCode } from '../../platform/errors.js'
import { measureOperation, ShapeLimitExceeded, type OperationShape, type ShapeLimits } from './measure-operation.js'
import type { OperationLimits } from './operation-limits.js'
import { createLru, type LruStats } from '../../platform/lru.js'
import { DEFAULT_CACHE_LIMITS, type CacheLimits } from '../config.js'
import type { ParsedHandoff } from '../cache/parsed-handoff.js'

const REFUSALS = {
  depth: { code: 'MAX_DEPTH_EXCEEDED', what: 'depth' },
  fields: { code: 'MAX_FIELDS_EXCEEDED', what: 'field' },
  aliases: { code: 'MAX_ALIASES_EXCEEDED', what: 'alias' },
  directives: { code: 'MAX_DIRECTIVES_EXCEEDED', what: 'directive' },
  rootFields: { code: 'MAX_ROOT_FIELDS_EXCEEDED', what: 'root field' },
  fragments: { code: 'MAX_FRAGMENTS_EXCEEDED', what: 'fragment' },
  duplicateFields: { code: 'MAX_DUPLICATE_FIELDS_EXCEEDED', what: 'repeated field' },
} as const satisfies Record<keyof OperationShape, { code: ErrorCode; what: string }>

/** Texts longer than this are checked every time rather than remembered. */
const MAX_REMEMBERED_LENGTH = 16 * 1024

export interface ShapeGuard {
  /** The refusal (400 with the limit's code) when the operation's shape is over a limit, else null. */
  refusal(query: unknown, operationName: unknown): HttpRefusal | null
  /** Throws `refusal`'s answer, if any. */
  check(query: unknown, operationName: unknown): void
  /** The verdicts cache, for the metrics. */
  stats(): LruStats
}

/** A remembered verdict: its key (operation name and text, two bytes a character at most) and the refusal, if any. */
const verdictBytes = (key: string, verdict: HttpRefusal | null) => key.length * 2 + (verdict ? 512 : 16)

/**
 * Shape limits (depth, expanded fields, aliases, directives, root fields), checked on the query text
 * before Apollo Server parses and validates it: graphql-js validation grows faster than the document
 * with many fragment spreads side by side, and the planner inlines fragments, so an operation over a
 * limit must be refused before either runs. The check parses once and measures in time linear in the
 * document (measure-operation.ts); verdicts for recent texts are remembered (an LRU bounded in entries
 * and bytes), so a repeated operation costs one map lookup. Unparsable texts pass: Apollo Server
 * reports them with its own codes (syntax, token limit).
 *
 * With a `handoff`, the guard parses as Apollo Server does (`parse(query, { maxTokens })`, locations
 * included) and leaves each document it parsed and let pass there, by its text, for the request's
 * prevalidation (gateway/authorize/projected-servers.ts), which then does not parse it again. A
 * remembered verdict parses nothing and hands nothing on.
 */
export function createShapeGuard(
  limits: OperationLimits,
  bounds: Pick<CacheLimits, 'shapeEntries' | 'shapeBytes'> = DEFAULT_CACHE_LIMITS,
  handoff?: ParsedHandoff,
): ShapeGuard {
  const shapeLimits: ShapeLimits = {
    depth: limits.maxDepth,
    fields: limits.maxFields,
    aliases: limits.maxAliases,
    directives: limits.maxDirectives,
    rootFields: limits.maxRootFields,
    fragments: limits.maxFragments,
    duplicateFields: limits.maxDuplicateFields,
  }
  const verdicts = createLru<HttpRefusal | null>({ maxEntries: bounds.shapeEntries, maxBytes: bounds.shapeBytes, sizeOf: verdictBytes })
  const judge = (query: string, operationName: string | undefined): HttpRefusal | null => {
    let document: DocumentNode
    try {
      // Without a hand-off nobody needs the locations.
      document = parse(query, handoff ? { maxTokens: limits.maxTokens } : { maxTokens: limits.maxTokens, noLocation: true })
    } catch (err) {
      if (err instanceof GraphQLError) return null
      throw err
    }
    try {
      measureOperation(document, operationName, shapeLimits)
      handoff?.give(query, limits.maxTokens, document)
      return null
    } catch (err) {
      if (!(err instanceof ShapeLimitExceeded)) throw err
      const { code, what } = REFUSALS[err.limit]
      return new HttpRefusal(400, code, `The operation exceeds the ${what} limit of ${err.max}`)
    }
  }
  const refusal = (query: unknown, operationName: unknown): HttpRefusal | null => {
    if (typeof query !== 'string') return null
    const name = typeof operationName === 'string' ? operationName : undefined
    const remember = query.length <= MAX_REMEMBERED_LENGTH
    const key = `${name ?? ''}\n${query}`
    let verdict = remember ? verdicts.get(key) : undefined
    if (verdict === undefined) {
      verdict = judge(query, name)
      if (remember) verdicts.set(key, verdict)
    }
    return verdict
  }
  return {
    refusal,
    check(query, operationName) {
      const verdict = refusal(query, operationName)
      if (verdict) throw verdict
    },
    stats: () => verdicts.stats(),
  }
}
