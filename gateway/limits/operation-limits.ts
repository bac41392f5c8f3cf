import { GraphQLError, Kind, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql'
import type { ApolloServerPlugin } from '@apollo/server'
import { estimateCost } from './estimate-cost.js'

/** Limits checked before any planning or subgraph call (authorization.md E13, T29–T32). */
export interface OperationLimits {
  /** Requests per minute per principal (`sub`) and per anonymous client address; 0 turns the limit off. */
  ratePerMinute: number
  anonymousRatePerMinute: number
  maxTokens: number
  maxDepth: number
  maxAliases: number
  maxDirectives: number
  maxRootFields: number
  /** Largest estimated cost (gateway/limits/estimate-cost.ts) an operation may have. */
  maxCost: number
}

export const DEFAULT_LIMITS: OperationLimits = Object.freeze({ ratePerMinute: 1_200, anonymousRatePerMinute: 600, maxTokens: 15_000, maxDepth: 12, maxAliases: 40, maxDirectives: 50, maxRootFields: 20, maxCost: 50_000 })

type LimitCode = 'MAX_TOKENS_EXCEEDED' | 'MAX_DEPTH_EXCEEDED' | 'MAX_ALIASES_EXCEEDED' | 'MAX_DIRECTIVES_EXCEEDED' | 'MAX_ROOT_FIELDS_EXCEEDED'

function exceeded(code: LimitCode, what: string, limit: number): GraphQLError {
  return new GraphQLError(`The operation exceeds the ${what} limit of ${limit}`, { extensions: { code, http: { status: 400 } } })
}

/**
 * The token limit is enforced by the parser itself (`parseOptions.maxTokens`: it stops reading at the
 * limit); its syntax error is reported under our code.
 */
export function isTokenLimitError(message: string): boolean {
  return /Document contains more th(?:an|at) \d+ tokens/.test(message) // graphql 16 writes "more that"
}

export function tokenLimitError(limit: number): GraphQLError {
  return exceeded('MAX_TOKENS_EXCEEDED', 'token', limit)
}

interface Counts { depth: number; aliases: number; directives: number }

/** Depth, aliases and directives of an operation with fragments expanded (each fragment counted where it is spread). */
export function measure(document: DocumentNode, operationName: string | null | undefined): Counts & { rootFields: number } {
  const fragments = new Map<string, FragmentDefinitionNode>()
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def)
  const operation = document.definitions.find(d => d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName))
  const counts: Counts = { depth: 0, aliases: 0, directives: 0 }
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) return { ...counts, rootFields: 0 }
  const walk = (set: SelectionSetNode, depth: number, seen: ReadonlySet<string>) => {
    for (const selection of set.selections) {
      counts.directives += selection.directives?.length ?? 0
      if (selection.kind === Kind.FIELD) {
        if (selection.alias) counts.aliases++
        // Introspection is bounded by the schema itself, and clients (GraphiQL, codegen) nest `ofType` deeply.
        if (selection.name.value.startsWith('__')) continue
        counts.depth = Math.max(counts.depth, depth)
        if (selection.selectionSet) walk(selection.selectionSet, depth + 1, seen)
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, depth, seen)
      } else {
        const fragment = fragments.get(selection.name.value)
        // cycles are a validation error already; `seen` only keeps this walk finite
        if (fragment && !seen.has(fragment.name.value)) walk(fragment.selectionSet, depth, new Set([...seen, fragment.name.value]))
      }
    }
  }
  walk(operation.selectionSet, 1, new Set())
  const rootFields = operation.selectionSet.selections.length
  return { ...counts, rootFields }
}

export function createOperationLimitsPlugin(limits: OperationLimits = DEFAULT_LIMITS): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operationName, schema, request }) {
          const m = measure(document, operationName)
          if (m.depth > limits.maxDepth) throw exceeded('MAX_DEPTH_EXCEEDED', 'depth', limits.maxDepth)
          if (m.aliases > limits.maxAliases) throw exceeded('MAX_ALIASES_EXCEEDED', 'alias', limits.maxAliases)
          if (m.directives > limits.maxDirectives) throw exceeded('MAX_DIRECTIVES_EXCEEDED', 'directive', limits.maxDirectives)
          if (m.rootFields > limits.maxRootFields) throw exceeded('MAX_ROOT_FIELDS_EXCEEDED', 'root field', limits.maxRootFields)
          // Amount, not shape: `first: 99999999` is refused before any subgraph is asked (T33).
          const estimatedCost = estimateCost(schema, document, operationName, request.variables)
          if (estimatedCost > limits.maxCost) {
            throw new GraphQLError(`The operation's estimated cost ${estimatedCost} exceeds the maximum of ${limits.maxCost}; ask for fewer rows`, {
              extensions: { code: 'COST_LIMIT_EXCEEDED', estimatedCost, maxCost: limits.maxCost, http: { status: 400 } },
            })
          }
        },
      }
    },
  }
}
