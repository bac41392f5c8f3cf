import {
  BREAK,
  GraphQLError,
  Kind,
  TypeInfo,
  UniqueDirectivesPerLocationRule,
  validate,
  ValidationContext,
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
 * merges the rules' visitors (visitInParallel) by asking every rule instance for every AST kind and,
 * for every node, loops over every rule; here a node runs only the rules that handle its kind
 * (mergeVisitors). The walk is walkWithTypeInfo: graphql-js's order, arguments and TypeInfo, without
 * its allocations per node; the variable usages are found with it too, and
 * UniqueDirectivesPerLocationRule is asked only about nodes with two directives or more. Skip
 * (`false`), `BREAK` and returned values act as in visitInParallel.
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
  const context = new WalkingValidationContext(
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
    const visitor = mergeVisitors(rules.map(rule => (rule === UniqueDirectivesPerLocationRule ? uniqueDirectives(context) : rule(context))))
    // A rule that edits the document (none of graphql-js's does) is left to graphql-js's own walk.
    if (walkWithTypeInfo(document, typeInfo, visitor) === 'edited') return validate(schema, document, rules, options).length === 0
  } catch {
    return false
  }
  return valid
}

/** A visitor with one enter and one leave for every kind, as mergeVisitors builds it. */
interface Visitor {
  enter?: ASTVisitFn<ASTNode>
  leave?: ASTVisitFn<ASTNode>
}

/**
 * graphql-js `visit(root, visitWithTypeInfo(typeInfo, visitor), KEYS_TO_VALIDATE)` for a visitor that
 * reads the document: the same nodes in the same order, TypeInfo entered and left around each, each
 * handler called with the same (node, key, parent, path, ancestors), skip (`false`) and `BREAK` as in
 * graphql-js. It allocates nothing per node (graphql-js's walk allocates a frame per node and, through
 * visitWithTypeInfo, an argument array per call): for a new document of a few hundred characters it
 * was most of validation's 200 KiB of garbage. A handler returning anything else (an edit) stops the
 * walk: 'edited', and the caller walks with graphql-js instead.
 */
export function walkWithTypeInfo(root: ASTNode, typeInfo: TypeInfo, visitor: Visitor): 'done' | 'edited' {
  const path: (string | number)[] = []
  const ancestors: (ASTNode | readonly ASTNode[])[] = []
  let stop: 'break' | 'edited' | null = null
  const { enter, leave } = visitor
  const walk = (node: ASTNode, key: string | number | undefined, parent: ASTNode | readonly ASTNode[] | undefined): void => {
    typeInfo.enter(node)
    if (enter) {
      const result = enter.call(visitor, node, key, parent, path, ancestors)
      if (result !== undefined) {
        typeInfo.leave(node)
        if (result === BREAK) stop = 'break'
        else if (result !== false) stop = 'edited'
        return
      }
    }
    if (parent !== undefined) ancestors.push(parent)
    for (const childKey of KEYS_TO_VALIDATE[node.kind] ?? []) {
      const child = (node as unknown as Record<string, ASTNode | readonly ASTNode[] | null | undefined>)[childKey]
      if (child == null) continue
      path.push(childKey)
      if (isArray(child)) {
        ancestors.push(node)
        for (let i = 0; i < child.length; i++) {
          if (child[i] == null) continue
          path.push(i)
          walk(child[i], i, child)
          if (stop) return
          path.pop()
        }
        ancestors.pop()
      } else {
        walk(child, childKey, node)
        if (stop) return
      }
      path.pop()
    }
    if (parent !== undefined) ancestors.pop()
    const result = leave ? leave.call(visitor, node, key, parent, path, ancestors) : undefined
    typeInfo.leave(node)
    if (result === BREAK) stop = 'break'
    else if (result !== undefined && result !== false) stop = 'edited'
  }
  walk(root, undefined, undefined)
  return stop === 'edited' ? 'edited' : 'done'
}

/** graphql-js's VariableUsage (not exported by the package). */
type VariableUsage = ReturnType<ValidationContext['getVariableUsages']>[number]

const isArray = Array.isArray as (value: unknown) => value is readonly ASTNode[]

/**
 * graphql-js's ValidationContext, its variable usages found by walkWithTypeInfo: graphql-js walks
 * every operation and fragment a second time for them (NoUndefinedVariables, NoUnusedVariables and
 * VariablesInAllowedPosition ask), with a TypeInfo of its own, as here.
 */
class WalkingValidationContext extends ValidationContext {
  private readonly usages = new Map<ASTNode, VariableUsage[]>()
  private readonly schema: GraphQLSchema

  constructor(...args: ConstructorParameters<typeof ValidationContext>) {
    super(...args)
    this.schema = args[0]
  }

  override getVariableUsages(node: Parameters<ValidationContext['getVariableUsages']>[0]): VariableUsage[] {
    let usages = this.usages.get(node)
    if (!usages) {
      const found: VariableUsage[] = []
      const typeInfo = new TypeInfo(this.schema)
      walkWithTypeInfo(node, typeInfo, {
        enter(variable) {
          if (variable.kind === Kind.VARIABLE_DEFINITION) return false
          if (variable.kind === Kind.VARIABLE)
            found.push({
              node: variable,
              type: typeInfo.getInputType(),
              defaultValue: typeInfo.getDefaultValue(),
              parentType: typeInfo.getParentInputType(),
            })
        },
      })
      this.usages.set(node, (usages = found))
    }
    return usages
  }
}

/** The kinds of an executable document that carry directives: each node's directives are checked on their own. */
const EXECUTABLE_WITH_DIRECTIVES: ReadonlySet<string> = new Set([
  Kind.OPERATION_DEFINITION,
  Kind.VARIABLE_DEFINITION,
  Kind.FIELD,
  Kind.FRAGMENT_SPREAD,
  Kind.INLINE_FRAGMENT,
  Kind.FRAGMENT_DEFINITION,
])

/** The kinds whose nodes can carry directives. */
const KINDS_WITH_DIRECTIVES = Object.keys(QueryDocumentKeys).filter(kind => QueryDocumentKeys[kind].includes('directives'))

/**
 * UniqueDirectivesPerLocationRule, asked only where it can find something: it looks at every node (a
 * generic `enter`), allocates a dictionary for every node of an executable document that has a
 * `directives` list (every field, empty or not), and a repeated directive needs two. So it is asked
 * about the kinds that carry directives, and of an executable document's nodes only about those with
 * two or more. Type-system nodes, whose directives it collects across extensions, always reach it.
 */
function uniqueDirectives(context: ValidationContext): ASTVisitor {
  const rule = UniqueDirectivesPerLocationRule(context) as { enter: ASTVisitFn<ASTNode> }
  const enter: ASTVisitFn<ASTNode> = (node, key, parent, path, ancestors) => {
    const directives = 'directives' in node ? node.directives : undefined
    if (!directives || (directives.length < 2 && EXECUTABLE_WITH_DIRECTIVES.has(node.kind))) return
    return rule.enter.call(rule, node, key, parent, path, ancestors)
  }
  return Object.fromEntries(KINDS_WITH_DIRECTIVES.map(kind => [kind, enter]))
}

type Handler = ASTVisitFn<ASTNode> | undefined
interface KindHandlers {
  indexes: number[]
  enters: Handler[]
  leaves: Handler[]
}

/**
 * visitInParallel's merged visitor: one enter and one leave for every kind, which run, in order, the
 * handlers of the visitors that handle the node's kind (found as graphql-js's getEnterLeaveForKind
 * finds them, once per kind the walk meets: a document meets a dozen of the forty kinds).
 */
export function mergeVisitors(visitors: readonly ASTVisitor[]): Required<Visitor> {
  const skipping: unknown[] = new Array(visitors.length).fill(null)
  const byKind = new Map<string, KindHandlers | null>()
  // The kind asked last: a leaf's leave follows its enter.
  let lastKind: string | undefined
  let lastHandlers: KindHandlers | null = null
  const handlersOf = (kind: string): KindHandlers | null => {
    if (kind === lastKind) return lastHandlers
    let handlers = byKind.get(kind)
    if (handlers === undefined) {
      handlers = null
      for (let i = 0; i < visitors.length; i++) {
        const visitor = visitors[i] as Record<string, Handler | { enter?: Handler; leave?: Handler }> & Visitor
        const own = visitor[kind]
        const [enter, leave] =
          typeof own === 'object' ? [own.enter, own.leave] : typeof own === 'function' ? [own, undefined] : [visitor.enter, visitor.leave]
        if (enter == null && leave == null) continue
        handlers ??= { indexes: [], enters: [], leaves: [] }
        handlers.indexes.push(i)
        handlers.enters.push(enter)
        handlers.leaves.push(leave)
      }
      byKind.set(kind, handlers)
    }
    lastKind = kind
    lastHandlers = handlers
    return handlers
  }
  return {
    enter(node, key, parent, path, ancestors) {
      const handlers = handlersOf(node.kind)
      if (!handlers) return
      const { indexes, enters } = handlers
      for (let j = 0; j < indexes.length; j++) {
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
      const handlers = handlersOf(node.kind)
      if (!handlers) return
      const { indexes, leaves } = handlers
      for (let j = 0; j < indexes.length; j++) {
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
