import {
  BREAK,
  getEnterLeaveForKind,
  GraphQLError,
  Kind,
  TypeInfo,
  validate,
  ValidationContext,
  visit,
  visitWithTypeInfo,
  type ASTNode,
  type ASTVisitFn,
  type ASTVisitor,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql'
import { createRequire } from 'node:module'

/**
 * graphql-js `validate`, with the errors it returns, but cheaper on a valid document: graphql-js
 * merges the rules' visitors (visitInParallel) by asking every rule instance for every AST kind
 * (about 28 rules × 40 kinds, an object each) and, for every node, loops over every rule; here each
 * kind's handlers are collected from the kinds the rule instance names, and a node runs only the
 * rules that handle its kind. The walk is graphql-js's own (TypeInfo, visitWithTypeInfo, the same keys
 * without descriptions); skip (`false`), `BREAK` and returned values act as in visitInParallel.
 *
 * Only the answer "valid" comes from this walk: it stops at the first error, and a document with
 * errors is validated again by graphql-js, which reports them (all of them, up to `maxErrors`).
 */
export function validateDocument(
  schema: GraphQLSchema,
  document: DocumentNode,
  rules: readonly ValidationRule[],
  options?: { maxErrors?: number; hideSuggestions?: boolean },
): readonly GraphQLError[] {
  return isValidDocument(schema, document, rules, options) ? [] : validate(schema, document, rules, options)
}

/**
 * The child keys of each kind, without descriptions: per the specification they do not affect
 * validation, and graphql-js leaves them out too. QueryDocumentKeys is not exported by the package's
 * entry point (it is part of graphql 16's public module `graphql/language/ast`).
 */
const { QueryDocumentKeys } = createRequire(import.meta.url)('graphql/language/ast.js') as {
  QueryDocumentKeys: Record<string, readonly string[]>
}
const KEYS_TO_VALIDATE: Record<string, readonly string[]> = Object.fromEntries(
  Object.entries(QueryDocumentKeys).map(([kind, keys]) => [kind, keys.filter(key => key !== 'description')]),
)
const KINDS: ReadonlySet<string> = new Set(Object.values(Kind))
const ABORT = Object.freeze({})

/**
 * True when graphql-js `validate(schema, document, rules, options)` would return no errors. Runs the
 * rules once (a rule's side effects, such as remembering what the document selects, happen as in
 * graphql-js for a valid document). Any error, or anything a rule throws, answers false.
 */
export function isValidDocument(
  schema: GraphQLSchema,
  document: DocumentNode,
  rules: readonly ValidationRule[],
  options?: { hideSuggestions?: boolean },
): boolean {
  const typeInfo = new TypeInfo(schema)
  let valid = true
  const context = new ValidationContext(
    schema,
    document,
    typeInfo,
    () => {
      valid = false
      throw ABORT
    },
    options?.hideSuggestions ?? false,
  )
  try {
    const visitor = mergeVisitors(rules.map(rule => rule(context)))
    visit(document, visitWithTypeInfo(typeInfo, visitor), KEYS_TO_VALIDATE as Parameters<typeof visit>[2])
  } catch {
    return false
  }
  return valid
}

type Handler = ASTVisitFn<ASTNode> | undefined
interface KindHandlers {
  indexes: number[]
  enters: Handler[]
  leaves: Handler[]
}

/**
 * visitInParallel's merged visitor, built from the kinds each visitor handles. A visitor that is not
 * a plain object, or has a generic `enter`/`leave`, is asked for every kind as graphql-js would.
 */
export function mergeVisitors(visitors: readonly ASTVisitor[]): ASTVisitor {
  const byKind = new Map<string, KindHandlers>()
  const add = (kind: string, index: number, visitor: ASTVisitor) => {
    const { enter, leave } = getEnterLeaveForKind(visitor, kind as Kind)
    if (enter == null && leave == null) return
    let handlers = byKind.get(kind)
    if (!handlers) byKind.set(kind, (handlers = { indexes: [], enters: [], leaves: [] }))
    handlers.indexes.push(index)
    handlers.enters.push(enter as Handler)
    handlers.leaves.push(leave as Handler)
  }
  for (let i = 0; i < visitors.length; i++) {
    const visitor = visitors[i] as ASTVisitor & { enter?: unknown; leave?: unknown }
    const proto = Object.getPrototypeOf(visitor)
    if (visitor.enter != null || visitor.leave != null || (proto !== Object.prototype && proto !== null)) {
      for (const kind of KINDS) add(kind, i, visitor)
    } else {
      for (const key of Object.keys(visitor)) if (KINDS.has(key)) add(key, i, visitor)
    }
  }

  const skipping: unknown[] = new Array(visitors.length).fill(null)
  const merged: Record<string, { enter: ASTVisitFn<ASTNode>; leave: ASTVisitFn<ASTNode> }> = Object.create(null)
  for (const [kind, { indexes, enters, leaves }] of byKind) {
    const count = indexes.length
    merged[kind] = {
      enter(node, key, parent, path, ancestors) {
        for (let j = 0; j < count; j++) {
          const i = indexes[j]
          if (skipping[i] === null) {
            const result = enters[j]?.call(visitors[i], node, key, parent, path, ancestors)
            if (result === false) skipping[i] = node
            else if (result === BREAK) skipping[i] = BREAK
            else if (result !== undefined) return result
          }
        }
      },
      leave(node, key, parent, path, ancestors) {
        for (let j = 0; j < count; j++) {
          const i = indexes[j]
          if (skipping[i] === null) {
            const result = leaves[j]?.call(visitors[i], node, key, parent, path, ancestors)
            if (result === BREAK) skipping[i] = BREAK
            else if (result !== undefined && result !== false) return result
          } else if (skipping[i] === node) skipping[i] = null
        }
      },
    }
  }
  return merged as ASTVisitor
}
