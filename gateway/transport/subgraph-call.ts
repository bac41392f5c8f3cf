import type { ExecutionResult } from 'graphql'

/**
 * The types both sides of a subgraph call share: the executors (gateway/execute) that decide what
 * to ask, and the transport (this folder) that asks it. Kept here so neither imports the other's
 * module for a type.
 */

/** A subgraph's answer as the executors take it: data and/or GraphQL errors, never a thrown transport error. */
export type SubgraphResult = ExecutionResult

/** Headers for one subgraph call, from the operation's context (the signed internal token). Client headers are never forwarded. */
export type SubgraphHeaders = (subgraph: string, context: unknown) => Record<string, string>

/** Told of each subgraph call when it settled: its duration and whether the subgraph answered (metrics). */
export type OnSubgraphFetch = (subgraph: string, seconds: number, ok: boolean) => void

/** The hooks of every subgraph call (in the spirit of Hive Gateway's `onFetch`). */
export interface SubgraphCallHooks {
  subgraphHeaders?: SubgraphHeaders
  onSubgraphFetch?: OnSubgraphFetch
}
