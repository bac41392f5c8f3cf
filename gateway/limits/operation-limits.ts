import type { GraphQLError } from 'graphql'
import type { ApolloServerPlugin } from '@apollo/server'
import { DEFAULT_LIST_SIZE, estimateCost } from './estimate-cost.js'
import type { CostDirectives } from './cost-directives.js'
import { graphqlError } from '../../platform/errors.js'

/** Limits checked before any planning or subgraph call (cases T29–T32 in docs/access-control.md#adversarial-cases; docs/limits.md). */
export interface OperationLimits {
  /** Requests per minute per principal (`sub`) and per anonymous client address; 0 turns the limit off. */
  ratePerMinute: number
  anonymousRatePerMinute: number
  maxTokens: number
  maxDepth: number
  maxAliases: number
  maxDirectives: number
  maxRootFields: number
  /** Field selections with fragments expanded (each spread counts what it brings). */
  maxFields: number
  /** Fragment definitions in one document. */
  maxFragments: number
  /** Fields repeating a response key already selected in the same selection set. */
  maxDuplicateFields: number
  /** Largest estimated cost (gateway/limits/estimate-cost.ts) an operation may have. */
  maxCost: number
  /** List length the cost estimate assumes where no argument and no `@listSize` bounds a list. */
  defaultListSize: number
}

export const DEFAULT_LIMITS: OperationLimits = Object.freeze({
  ratePerMinute: 1_200,
  anonymousRatePerMinute: 600,
  maxTokens: 15_000,
  maxDepth: 12,
  maxAliases: 40,
  maxDirectives: 50,
  maxRootFields: 20,
  maxFields: 1_000,
  maxFragments: 100,
  maxDuplicateFields: 50,
  maxCost: 50_000,
  defaultListSize: DEFAULT_LIST_SIZE,
})

/**
 * The token limit is enforced by the parser itself (`parseOptions.maxTokens`: it stops reading at the
 * limit); its syntax error is reported under our code.
 */
export function isTokenLimitError(message: string): boolean {
  return /Document contains more th(?:an|at) \d+ tokens/.test(message) // graphql 16 writes "more that"
}

export function tokenLimitError(limit: number): GraphQLError {
  return graphqlError('MAX_TOKENS_EXCEEDED', `The operation exceeds the token limit of ${limit}`, { http: { status: 400 } })
}

/** Requests (their Apollo request context) this plugin refused. */
const refused = new WeakSet<object>()

/**
 * Whether the operation limits refused this request. Apollo Server runs every plugin's
 * `didResolveOperation` at once, so a later plugin with side effects (the personal-data plugin writes
 * the access log) asks first; the limits stage comes before it (gateway/pipeline/stages.ts) and
 * decides synchronously.
 */
export function refusedByLimits(requestContext: object): boolean {
  return refused.has(requestContext)
}

/**
 * The cost depends on the variables too, so it is checked for every request, after validation and
 * before any planning. Shape limits are checked earlier, on the query text (shape-guard.ts).
 */
export function createOperationLimitsPlugin(
  limits: OperationLimits = DEFAULT_LIMITS,
  costDirectives: () => CostDirectives = () => new Map(),
): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(requestContext) {
          const { document, operationName, schema, request } = requestContext
          // Amount, not shape: `first: 99999999` is refused before any subgraph is asked (T33).
          const { cost } = estimateCost(schema, document, operationName, request.variables, {
            directives: costDirectives(),
            defaultListSize: limits.defaultListSize,
            maxCost: limits.maxCost,
          })
          if (cost > limits.maxCost) {
            refused.add(requestContext)
            // The walk stops once over the maximum: the estimate reported is then a lower bound.
            throw graphqlError(
              'COST_LIMIT_EXCEEDED',
              `The operation's estimated cost ${cost} exceeds the maximum of ${limits.maxCost}; ask for fewer rows`,
              { estimatedCost: cost, maxCost: limits.maxCost, http: { status: 400 } },
            )
          }
        },
      }
    },
  }
}
