import { Kind, type DocumentNode, type SelectionSetNode } from 'graphql'
import { splitDocument } from './split-document.js'

/**
 * The shape of an operation with its fragments expanded: what a client could make the gateway (and
 * the planner, which inlines fragments) walk. Counts are of the expanded operation — a fragment
 * spread twice counts twice — but are computed arithmetically, each fragment walked once.
 */
export interface OperationShape {
  /** Deepest field nesting (a root field is at depth 1); introspection fields do not count. */
  depth: number
  /** Field selections, introspection included (Apollo Router's `max_height` counts similarly). */
  fields: number
  aliases: number
  directives: number
  /** Fields selected on the root type, through fragments too. */
  rootFields: number
  /** Fragment definitions in the document. */
  fragments: number
  /**
   * Fields whose response key was already selected in the same selection set (directly or through
   * an inline fragment), counted in the document as written. graphql-js validation compares such
   * fields pair by pair, and fragments spread side by side likewise: these two bound that work.
   */
  duplicateFields: number
}

export type ShapeLimits = { [K in keyof OperationShape]: number }

/** Thrown as soon as a partial count passes its limit: counts only grow, so the total would too. */
export class ShapeLimitExceeded extends Error {
  constructor(
    readonly limit: keyof OperationShape,
    readonly max: number,
  ) {
    super(`${limit} exceeds ${max}`)
  }
}

/** Of a selection set: `depth` is relative (its own fields are at 1), the rest are totals. */
interface Summary {
  depth: number
  fields: number
  aliases: number
  directives: number
  topFields: number
}

const EMPTY: Summary = Object.freeze({ depth: 0, fields: 0, aliases: 0, directives: 0, topFields: 0 })
const UNLIMITED: ShapeLimits = Object.freeze({
  depth: Infinity,
  fields: Infinity,
  aliases: Infinity,
  directives: Infinity,
  rootFields: Infinity,
  fragments: Infinity,
  duplicateFields: Infinity,
})

export interface MeasureResult {
  shape: OperationShape
  /** Selection nodes walked: never more than the document holds. */ visited: number
}

/**
 * Measures the operation `operationName` (or the only one) of a parsed but not yet validated
 * document, in time linear in the document: each selection node is walked at most once, each
 * fragment summarised once and its summary reused wherever it is spread. A spread of a fragment
 * that is being summarised (a cycle) or that does not exist counts as empty; validation reports
 * both. With `limits`, stops at the first count over its limit (ShapeLimitExceeded).
 */
export function measureOperation(
  document: DocumentNode,
  operationName: string | null | undefined,
  limits: ShapeLimits = UNLIMITED,
): MeasureResult {
  const { operation, fragments } = splitDocument(document, operationName)
  let visited = 0
  let duplicateFields = 0
  if (!operation)
    return { shape: { depth: 0, fields: 0, aliases: 0, directives: 0, rootFields: 0, fragments: fragments.size, duplicateFields }, visited }

  const summaries = new Map<string, Summary>()
  const inProgress = new Set<string>()
  const check = (key: keyof OperationShape, value: number) => {
    if (value > limits[key]) throw new ShapeLimitExceeded(key, limits[key])
  }
  check('fragments', fragments.size)
  const fragmentSummary = (name: string): Summary => {
    const known = summaries.get(name)
    if (known) return known
    const fragment = fragments.get(name)
    if (!fragment || inProgress.has(name)) return EMPTY
    inProgress.add(name)
    const summary = summarise(fragment.selectionSet)
    inProgress.delete(name)
    summaries.set(name, summary)
    return summary
  }
  /** `keys`: response keys already selected in the enclosing selection set (inline fragments share it). */
  const summarise = (set: SelectionSetNode, keys: Set<string> | null = null): Summary => {
    const s = { depth: 0, fields: 0, aliases: 0, directives: 0, topFields: 0 }
    for (const selection of set.selections) {
      visited++
      s.directives += selection.directives?.length ?? 0
      if (selection.kind === Kind.FIELD) {
        const key = (selection.alias ?? selection.name).value
        if (keys?.has(key)) check('duplicateFields', ++duplicateFields)
        else if (set.selections.length > 1 || keys) (keys ??= new Set()).add(key)
        s.fields++
        s.topFields++
        if (selection.alias) s.aliases++
        // Introspection is bounded by the schema itself, and clients (GraphiQL, codegen) nest `ofType` deeply.
        if (!selection.name.value.startsWith('__')) {
          const below = selection.selectionSet ? summarise(selection.selectionSet) : EMPTY
          s.depth = Math.max(s.depth, 1 + below.depth)
          add(s, below)
        }
      } else {
        const inner =
          selection.kind === Kind.INLINE_FRAGMENT
            ? summarise(selection.selectionSet, (keys ??= new Set()))
            : fragmentSummary(selection.name.value)
        s.depth = Math.max(s.depth, inner.depth)
        s.topFields += inner.topFields
        add(s, inner)
      }
      check('depth', s.depth)
      check('fields', s.fields)
      check('aliases', s.aliases)
      check('directives', s.directives)
    }
    return s
  }
  const root = summarise(operation.selectionSet)
  check('rootFields', root.topFields)
  return {
    shape: {
      depth: root.depth,
      fields: root.fields,
      aliases: root.aliases,
      directives: root.directives,
      rootFields: root.topFields,
      fragments: fragments.size,
      duplicateFields,
    },
    visited,
  }
}

function add(into: Summary, from: Summary): void {
  into.fields += from.fields
  into.aliases += from.aliases
  into.directives += from.directives
}
