import {
  BREAK,
  buildSchema,
  execute,
  getDirectiveValues,
  getOperationAST,
  GraphQLError,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  print,
  visit,
  type DocumentNode,
  type SelectionNode,
} from 'graphql'
import { unifiedGraphHandler } from '@graphql-hive/router-runtime'
import { documentStringMap } from '@envelop/core'
import { graphqlError } from '../../platform/errors.js'
import { graphNamesOf, subgraphsOf, withSubgraphUrls } from '../../platform/supergraph-readers.js'
import { unavailable } from '../transport/subgraph-errors.js'
import { createSubgraphPools, parseAnswer, postRaw } from '../transport/http-pool.js'
import { readRequirements } from '../../auth/policy/requirements.js'
import { createSubgraphDedupe, follow, type SubgraphDedupeOutcome } from '../cache/subgraph-dedupe.js'
import type { SubgraphCallHooks, SubgraphResult } from '../transport/subgraph-call.js'
import type { OperationExecutor } from './operation-executor.js'
import { injectTraceHeaders, SpanKind, startSpan, withSpan } from '../../lib/observability/tracing.js'
import { loadSupergraph, planningWith } from './plan-thread.js'

export interface PlanExecutorOptions extends SubgraphCallHooks {
  supergraphSdl: string
  subgraphUrls?: Readonly<Record<string, string>>
  timeoutMs?: number
  /** Identical subgraph fetches in flight share one HTTP call (gateway/cache/subgraph-dedupe.ts); on unless false. */
  subgraphDedupe?: boolean
  /** Told of each fetch that led a shareable call or joined one (metrics). */
  onSubgraphDedupe?(subgraph: string, outcome: SubgraphDedupeOutcome): void
}

/**
 * The text of a subgraph fetch document. The planner writes each fetch as text and its runtime parses
 * it once per fetch node, remembering the text in @envelop/core's `documentStringMap`: that text is
 * sent as it is, so a new query plan (a new client document) costs no printing of its fetches.
 * Documents the map does not know are printed once each (the planner's fetch nodes are reused across
 * requests).
 */
const printed = new WeakMap<DocumentNode, string>()
const textOf = (document: DocumentNode) => {
  let text = documentStringMap.get(document) ?? printed.get(document)
  if (text === undefined) printed.set(document, (text = print(document)))
  return text
}

/**
 * The request body of a fetch: `JSON.stringify({ query, variables, operationName })`, its query part
 * (the fetch document's text as a JSON string, the longest part) written once per document.
 */
const bodyHeads = new WeakMap<DocumentNode, string>()
export function fetchBody(document: DocumentNode, variables: unknown, operationName: string | null | undefined): string {
  let body = bodyHeads.get(document)
  if (body === undefined) bodyHeads.set(document, (body = `{"query":${JSON.stringify(textOf(document))}`))
  if (variables !== undefined) body += `,"variables":${JSON.stringify(variables)}`
  if (operationName !== undefined) body += `,"operationName":${JSON.stringify(operationName)}`
  return `${body}}`
}

/**
 * The planner plans the text of a client document, which its runtime takes from @envelop/core's
 * `documentStringMap` or else prints and strips of ignored characters (a print and a second lexing
 * of every new document). Apollo Server parsed the document from the request's query text with
 * locations, so that text is the document exactly: it is handed over as it is. Only a document as
 * parsed is given: one derived from it (`{ ...document, definitions }`, as withoutRootTypename
 * builds) keeps the original's `loc`, and is printed as before.
 */
function planFromSource(document: DocumentNode): void {
  if (document.loc && !documentStringMap.has(document)) documentStringMap.set(document, document.loc.source.body)
}

/**
 * Whether an operation reads the schema itself (`__schema`, `__type`) or only `__typename` at the
 * root: it then runs on the caller's projected schema, so introspection shows only the projection.
 */
const introspective = new WeakMap<DocumentNode, boolean>()
function readsSchema(document: DocumentNode): boolean {
  let hit = introspective.get(document)
  if (hit === undefined) {
    const fields = rootFieldNames(document)
    const rootFragments = document.definitions.some(
      d => d.kind === Kind.OPERATION_DEFINITION && d.selectionSet.selections.some(s => s.kind !== Kind.FIELD),
    )
    // The planner's runtime mishandles a root `__typename` beside root fragments (it drops one or the other):
    // unless withoutRootTypename can take it out, those stay on the stitched schema.
    hit =
      fields.every(name => name === '__typename') ||
      fields.some(name => name === '__schema' || name === '__type') ||
      (rootFragments && fields.includes('__typename') && !withoutRootTypename(document))
    introspective.set(document, hit)
  }
  return hit
}

/** A document with its root `__typename` selections taken out, and the response keys they answer under. */
interface RootTypename {
  document: DocumentNode
  keys: readonly string[]
  first: boolean
}
const strippedTypename = new WeakMap<DocumentNode, RootTypename | null>()

/**
 * For an operation that selects `__typename` at the root beside root fragments: the same document without
 * those `__typename` fields, which the executor answers itself. Only where that is exact: one operation,
 * each such `__typename` directly in its selection set, without directives, and none inside the root
 * fragments (`null` otherwise: the operation runs on the stitched schema).
 */
function withoutRootTypename(document: DocumentNode): RootTypename | null {
  let known = strippedTypename.get(document)
  if (known !== undefined) return known
  known = null
  const operations = document.definitions.filter(d => d.kind === Kind.OPERATION_DEFINITION)
  const op = operations.length === 1 && operations[0].kind === Kind.OPERATION_DEFINITION ? operations[0] : null
  const isTypename = (s: SelectionNode) => s.kind === Kind.FIELD && s.name.value === '__typename'
  if (op) {
    const own = op.selectionSet.selections.filter(isTypename)
    const rest = op.selectionSet.selections.filter(s => !isTypename(s))
    const inFragments = rootFieldNames({
      ...document,
      definitions: [{ ...op, selectionSet: { ...op.selectionSet, selections: rest } }, ...document.definitions.filter(d => d !== op)],
    })
    if (own.length && rest.length && own.every(s => !s.directives?.length) && !inFragments.includes('__typename')) {
      known = {
        document: {
          ...document,
          definitions: document.definitions.map(d => (d === op ? { ...op, selectionSet: { ...op.selectionSet, selections: rest } } : d)),
        },
        keys: own.map(s => (s.kind === Kind.FIELD ? (s.alias ?? s.name).value : '__typename')),
        first: isTypename(op.selectionSet.selections[0]),
      }
    }
  }
  strippedTypename.set(document, known)
  return known
}

/**
 * Names of the root fields of every operation, looking through root-level inline fragments and fragment
 * spreads (each fragment once). Root fragments used to send the whole operation to the stitched schema,
 * whose batching lost a field's own error when a sibling of the same subgraph failed (INTERNAL_SERVER_ERROR).
 */
function rootFieldNames(document: DocumentNode): string[] {
  const fragments = new Map(document.definitions.flatMap(d => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])))
  const seen = new Set<string>()
  const names: string[] = []
  const walk = (selections: readonly SelectionNode[]) => {
    for (const s of selections) {
      if (s.kind === Kind.FIELD) names.push(s.name.value)
      else if (s.kind === Kind.INLINE_FRAGMENT) walk(s.selectionSet.selections)
      else if (!seen.has(s.name.value)) {
        seen.add(s.name.value)
        const fragment = fragments.get(s.name.value)
        if (fragment) walk(fragment.selectionSet.selections)
      }
    }
  }
  for (const d of document.definitions) if (d.kind === Kind.OPERATION_DEFINITION) walk(d.selectionSet.selections)
  return names
}

/** Whether @skip/@include leave the operation's root fields empty: it answers `{}`, which the planner cannot plan (it threw, a 500). */
function selectsNothing(
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | undefined,
): boolean {
  const included = (node: SelectionNode) =>
    getDirectiveValues(GraphQLSkipDirective, node, variables)?.if !== true &&
    getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false
  const fragments = new Map(document.definitions.flatMap(d => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])))
  const seen = new Set<string>()
  const selectsField = (selections: readonly SelectionNode[]): boolean =>
    selections.some(s => {
      if (!included(s)) return false
      if (s.kind === Kind.FIELD) return true
      if (s.kind === Kind.INLINE_FRAGMENT) return selectsField(s.selectionSet.selections)
      if (seen.has(s.name.value)) return false // each fragment once: a spread seen before adds nothing new
      seen.add(s.name.value)
      const fragment = fragments.get(s.name.value)
      return !!fragment && selectsField(fragment.selectionSet.selections)
    })
  const op = getOperationAST(document, operationName)
  return !!op && !selectsField(op.selectionSet.selections)
}

/** Whether the document holds an @skip or @include anywhere (once per document). */
const conditional = new WeakMap<DocumentNode, boolean>()
function usesConditions(document: DocumentNode): boolean {
  let known = conditional.get(document)
  if (known === undefined) conditional.set(document, (known = findsConditions(document)))
  return known
}

function findsConditions(document: DocumentNode): boolean {
  // A document whose text has no `@` has no directive (most have none): nothing to walk.
  if (document.loc && !document.loc.source.body.includes('@')) return false
  let found = false
  visit(document, {
    Directive(node) {
      if (node.name.value === 'skip' || node.name.value === 'include') {
        found = true
        return BREAK
      }
    },
  })
  return found
}

/**
 * The planner's prefixes on the errors it raises for an operation it cannot plan (its parser,
 * normaliser and planner each reject with one); the operation itself passed validation already.
 */
const PLAN_FAILURE = /^Failed to (?:plan query|normalize operation|parse query):\s*/

/** The planner's reason when `err` is its refusal to plan, else null (any other error is ours: masked). */
function planningFailure(err: unknown): string | null {
  const message = err instanceof Error ? err.message : null
  return message !== null && PLAN_FAILURE.test(message) ? message.replace(PLAN_FAILURE, '') : null
}

/**
 * A valid operation the supergraph offers no path for is the caller's to change (and the graph's
 * owner's to fix), not a server fault: 400 with the planner's reason, nothing fetched.
 */
function queryPlanFailed(reason: string): GraphQLError {
  return graphqlError('QUERY_PLAN_FAILED', `The operation cannot be planned over the departments' subgraphs: ${reason}`, {
    http: { status: 400 },
  })
}

/**
 * Executes operations by query plan: the Hive Router query planner (Rust, via
 * @graphql-hive/router-query-planner) plans each document once — plans are cached per parsed
 * document, and each projected Apollo Server caches its parsed documents, so in effect per
 * (document, projection) — and @graphql-hive/router-runtime runs the plan's fetch, flatten,
 * sequence and parallel nodes (one `_entities` request per subgraph per plan step). Subgraph
 * calls go over keep-alive pools with the headers of the operation's context; identical
 * non-personal query fetches in flight for the same caller share one call, also across operations
 * (gateway/cache/subgraph-dedupe.ts; off with `subgraphDedupe: false`).
 */
export async function createPlanExecutor(opts: PlanExecutorOptions): Promise<OperationExecutor> {
  const sdl = opts.subgraphUrls ? withSubgraphUrls(opts.supergraphSdl, opts.subgraphUrls) : opts.supergraphSdl
  const names = graphNamesOf(sdl)
  const targets = createSubgraphPools(subgraphsOf(sdl))
  const timeoutMs = opts.timeoutMs ?? 15_000
  const unifiedGraph = buildSchema(sdl, { assumeValid: true, assumeValidSDL: true })
  const dedupe = opts.subgraphDedupe === false ? null : createSubgraphDedupe(unifiedGraph, readRequirements(sdl))
  const handler = await unifiedGraphHandler({
    unifiedGraph,
    getUnifiedGraphSDL: () => sdl,
    onSubgraphExecute(
      subgraph: string,
      request: { document: DocumentNode; variables?: Record<string, unknown>; operationName?: string; context?: unknown },
    ) {
      const name = names.get(subgraph) ?? subgraph
      const target = targets.get(name)
      if (!target) return { errors: [unavailable(name, 'unknown subgraph')] }
      const body = fetchBody(request.document, request.variables, request.operationName)
      const key = dedupe?.keyOf(name, request.document, request.context, body) ?? null
      const running = key === null ? undefined : dedupe!.running(key)
      if (running) {
        // Joins the identical call in flight: no HTTP call of its own, so no client span; its own copy of the answer.
        opts.onSubgraphDedupe?.(name, 'follower')
        const span = startSpan('subgraph.fetch', { 'stadtgraph.subgraph': name, 'stadtgraph.dedupe': 'follower' })
        return follow(running, timeoutMs).then(answer => {
          span?.end()
          return parseAnswer(name, answer)
        })
      }
      // One span per call, its W3C traceparent sent along, so the department's spans join the trace.
      const span = startSpan(
        'subgraph.fetch',
        key === null ? { 'stadtgraph.subgraph': name } : { 'stadtgraph.subgraph': name, 'stadtgraph.dedupe': 'leader' },
        SpanKind.CLIENT,
      )
      const headers = injectTraceHeaders(opts.subgraphHeaders?.(name, request.context) ?? {}, span)
      const started = performance.now()
      const answer = postRaw(target, body, headers, timeoutMs)
      if (key !== null) {
        dedupe!.lead(key, answer)
        opts.onSubgraphDedupe?.(name, 'leader')
      }
      return answer.then(raw => {
        const result = parseAnswer(name, raw)
        const ok = result.errors?.[0]?.extensions?.code !== 'SUBGRAPH_UNAVAILABLE'
        opts.onSubgraphFetch?.(name, (performance.now() - started) / 1000, ok)
        span?.end()
        return result
      })
    },
  } as unknown as Parameters<typeof unifiedGraphHandler>[0])
  // New documents are planned on the planner's thread (plan-thread.ts).
  const supergraphKey = loadSupergraph(sdl)
  const run = (request: Parameters<OperationExecutor>[0]) =>
    planningWith(
      supergraphKey,
      () =>
        handler.executor!({
          document: request.document,
          operationName: request.operationName ?? undefined,
          variables: request.variables,
          context: request.context,
        } as never) as Promise<SubgraphResult>,
    )
  return async request => {
    if (readsSchema(request.document)) {
      return execute({
        schema: request.schema,
        document: request.document,
        operationName: request.operationName,
        variableValues: request.variables,
        contextValue: request.context,
      })
    }
    // Without @skip/@include every operation selects a root field: only conditions can leave it empty.
    if (usesConditions(request.document) && selectsNothing(request.document, request.operationName, request.variables)) return { data: {} }
    const typename = withoutRootTypename(request.document)
    if (!typename) planFromSource(request.document)
    try {
      // Planning (cached per document) and the plan's fetches: one span, the fetches its children.
      const result = await withSpan('gateway.plan_and_execute', undefined, () =>
        run(typename ? { ...request, document: typename.document } : request),
      )
      // An execution error that nulled the whole answer still answers `data: null` (GraphQL spec 7.1.2).
      if (result.data === undefined) return { ...result, data: null }
      if (!typename || !result.data) return result
      const rootType =
        getOperationAST(request.document, request.operationName)?.operation === 'mutation'
          ? request.schema.getMutationType()
          : request.schema.getQueryType()
      const answered = Object.fromEntries(typename.keys.map(key => [key, rootType?.name ?? 'Query']))
      return { ...result, data: typename.first ? { ...answered, ...result.data } : { ...result.data, ...answered } }
    } catch (err) {
      // Variables that do not fit their types: returned as errors, so Apollo Server answers 400 BAD_USER_INPUT.
      if (err instanceof GraphQLError) return { errors: [err] }
      if (err instanceof AggregateError && err.errors.every(e => e instanceof GraphQLError)) return { errors: err.errors }
      const reason = planningFailure(err)
      if (reason === null) throw err
      // The planner cannot plan a selection that @skip/@include leave empty below the root; graphql-js,
      // running the stitched schema's resolvers, answers it (an empty object per such selection).
      if (usesConditions(request.document)) {
        return execute({
          schema: request.schema,
          document: request.document,
          operationName: request.operationName,
          variableValues: request.variables,
          contextValue: request.context,
        })
      }
      return { errors: [queryPlanFailed(reason)] }
    }
  }
}
