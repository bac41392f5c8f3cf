import {
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  type DocumentNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql'
import { readsPersonal } from '../../auth/classes.js'
import type { Requirements } from '../../auth/policy/types.js'
import { internalIdentityOf } from '../transport/sign-headers.js'
import type { RawAnswer } from '../transport/http-pool.js'
import { canonicalJson } from '../../platform/canonical-json.js'

/** Whether a fetch led an HTTP call others could join, or joined one in flight. */
export type SubgraphDedupeOutcome = 'leader' | 'follower'

export interface SubgraphDedupe {
  /**
   * The key under which a fetch may share one HTTP call with identical fetches in flight, or null
   * when it never shares: a mutation (or subscription), or a document selecting a `personal` or
   * `special` coordinate. `body` is the request body (document, variables, operation name).
   */
  keyOf(subgraph: string, document: DocumentNode, context: unknown, body: string): string | null
  /** The call in flight under `key`, if any. */
  running(key: string): Promise<RawAnswer> | undefined
  /** Lets identical fetches join `answer` until it settles. */
  lead(key: string, answer: Promise<RawAnswer>): void
}

/**
 * In-flight deduplication of subgraph fetches across client operations: most fetches of a query
 * plan are the same for different variables of the client operation (a district's name for every
 * year asked), so concurrent operations often send the very same fetch. Identical fetches — same
 * subgraph, same printed document, variables and operation name, and the same caller as the subgraph
 * learns it — share one HTTP call; nothing is kept once it settled.
 *
 * The caller's part of the key is the internal token's claims (principal with subject, roles,
 * department and purpose; aggregate-only, policy version, scopes; row rules), not the signed token,
 * which differs per call: a fetch shares only with fetches the department would have answered for
 * the very same identity, so answers never cross accesses (and no caller is hidden behind another).
 *
 * What is shared is the answer's text: every waiter parses its own copy, because the planner's
 * runtime merges later fetches' entities into the objects of earlier answers.
 */
export function createSubgraphDedupe(supergraph: GraphQLSchema, requirements: Requirements): SubgraphDedupe {
  const verdicts = new WeakMap<DocumentNode, boolean>()
  const identities = new WeakMap<object, string>()
  const inFlight = new Map<string, Promise<RawAnswer>>()

  const shareable = (document: DocumentNode) => {
    let verdict = verdicts.get(document)
    if (verdict === undefined) verdicts.set(document, (verdict = shareableFetch(supergraph, requirements, document)))
    return verdict
  }
  // The same context object serves every fetch of one operation: its identity is written out once.
  const identityKey = (context: unknown) => {
    if (!context || typeof context !== 'object') return canonicalJson(internalIdentityOf(context))
    let key = identities.get(context)
    if (key === undefined) identities.set(context, (key = canonicalJson(internalIdentityOf(context))))
    return key
  }

  return {
    keyOf(subgraph, document, context, body) {
      if (!shareable(document)) return null
      return `${subgraph}\n${identityKey(context)}\n${body}`
    },
    running: key => inFlight.get(key),
    lead(key, answer) {
      inFlight.set(key, answer)
      void answer.then(() => {
        if (inFlight.get(key) === answer) inFlight.delete(key)
      })
    },
  }
}

/**
 * A follower's wait for the leader's answer, bounded by the follower's own timeout: it never waits
 * longer than a call of its own could have taken.
 */
export function follow(answer: Promise<RawAnswer>, timeoutMs: number): Promise<RawAnswer> {
  return new Promise(resolve => {
    const timer = setTimeout(() => resolve({ failure: 'timed out' }), timeoutMs)
    void answer.then(settled => {
      clearTimeout(timer)
      resolve(settled)
    })
  })
}

/**
 * Whether a subgraph fetch document may be shared: queries only, and no selected field of class
 * `personal` or `special` — by the rule of client operations (auth/classes.ts `readsPersonal`: the
 * field's own requirement, its type's and the type it sits on; an `_entities` fetch reaches an entity
 * through `... on Type`, not through a field of the supergraph that returns it).
 * The document is walked against the supergraph; a field the supergraph does not know (other than
 * `_entities` and `__typename`) makes the fetch unshareable, since its class cannot be told.
 *
 * Every new query plan brings new fetch documents, so this runs once per fetch of every new client
 * document: it walks the selection sets directly (each definition on its own, the way graphql-js's
 * TypeInfo sees them — the parent type of a fragment's selections is its type condition) instead of
 * visiting every node of the document with a TypeInfo.
 */
export function shareableFetch(supergraph: GraphQLSchema, requirements: Requirements, document: DocumentNode): boolean {
  for (const d of document.definitions) if (d.kind === Kind.OPERATION_DEFINITION && d.operation !== 'query') return false
  const queryType = supergraph.getQueryType()
  const composite = (type: GraphQLNamedType | null | undefined) => (type && isCompositeType(type) ? type : undefined)

  const shareableSet = (set: SelectionSetNode, parent: GraphQLCompositeType | undefined): boolean => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) continue // the fragment's definition is walked on its own
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition ? composite(supergraph.getType(selection.typeCondition.name.value)) : parent
        if (!shareableSet(selection.selectionSet, on)) return false
        continue
      }
      const name = selection.name.value
      const field = parent ? fieldOf(parent, name, queryType) : undefined
      if (!parent || !field) {
        if (name === '__typename' || (name === '_entities' && parent === queryType)) {
          if (selection.selectionSet && !shareableSet(selection.selectionSet, undefined)) return false
          continue
        }
        return false
      }
      const type = getNamedType(field.type)
      if (!name.startsWith('__') && personalField(requirements, parent, field)) return false
      if (selection.selectionSet && !shareableSet(selection.selectionSet, composite(type))) return false
    }
    return true
  }

  for (const d of document.definitions) {
    if (d.kind === Kind.OPERATION_DEFINITION && !shareableSet(d.selectionSet, queryType ?? undefined)) return false
    if (d.kind === Kind.FRAGMENT_DEFINITION && !shareableSet(d.selectionSet, composite(supergraph.getType(d.typeCondition.name.value))))
      return false
  }
  return true
}

/**
 * Verdicts per requirements (one per loaded supergraph) and field definition: graphql-js gives every
 * type its own field objects, so one stands for its coordinate, its type and its parent type, and
 * the fields of every new fetch document are mostly fields seen before.
 */
const fieldVerdicts = new WeakMap<Requirements, WeakMap<GraphQLField<unknown, unknown>, boolean>>()

function personalField(requirements: Requirements, parent: GraphQLCompositeType, field: GraphQLField<unknown, unknown>): boolean {
  let verdicts = fieldVerdicts.get(requirements)
  if (!verdicts) fieldVerdicts.set(requirements, (verdicts = new WeakMap()))
  let personal = verdicts.get(field)
  if (personal === undefined) {
    personal = readsPersonal(requirements, `${parent.name}.${field.name}`, getNamedType(field.type).name, parent.name)
    verdicts.set(field, personal)
  }
  return personal
}

/** The field `name` of `parent` as graphql-js resolves it in a selection set, meta fields included. */
function fieldOf(parent: GraphQLCompositeType, name: string, queryType: GraphQLObjectType | null | undefined) {
  if (name === '__typename') return TypeNameMetaFieldDef
  if (parent === queryType) {
    if (name === '__schema') return SchemaMetaFieldDef
    if (name === '__type') return TypeMetaFieldDef
  }
  return isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined
}
