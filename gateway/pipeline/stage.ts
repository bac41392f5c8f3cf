import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ApolloServer, ApolloServerPlugin } from '@apollo/server'
import type { Principal } from '../../auth/principal.js'
import type { EffectiveAccess } from '../../auth/policy/types.js'
import type { RowFilter } from '../../auth/policy/row-filters.js'
import type { GatewayRequest } from '../../lib/observability/gateway-observability.js'
import type { GatewayContext } from '../gateway-context.js'
import type { OperationExecutor } from '../execute/operation-executor.js'
import type { SubgraphCallHooks } from '../transport/subgraph-call.js'
import type { PlanExecutorOptions } from '../execute/plan-executor.js'

/**
 * One GraphQL request on its way through the stages' HTTP phase. Each stage reads what earlier
 * stages found and adds its own part; the GraphQL context is made from it.
 */
export interface PipelineRequest {
  readonly req: IncomingMessage
  readonly res: ServerResponse
  /** Metrics, span and log line of this request. */
  readonly observed: GatewayRequest
  /** Set by `authenticate` (and given a purpose by `purpose`). */
  principal?: Principal
  /** Set by `access`: the effective access, the Apollo Server on its projection and the row rules. */
  access?: EffectiveAccess
  server?: ApolloServer<GatewayContext>
  rowFilters?: RowFilter[]
}

/** What a stage's HTTP hook decides: go on to the next stage, or stop (the stage answered the request itself). */
export type StageOutcome = 'next' | 'answered'

/**
 * A step of the request's path (the order lives only in stages.ts). A stage hooks into one or more
 * phases, in the spirit of envelop's `use*` plugins and Hive Gateway's hooks:
 *
 * - `onRequest`  — HTTP, before any GraphQL work; may refuse (answer) the request;
 * - `onBody`     — the parsed request body, before Apollo Server takes it; throws HttpRefusal to refuse;
 * - `plugins`    — Apollo Server plugins, run on the caller's projected schema;
 * - `createExecutor` — how a loaded supergraph runs operations (the plan stage);
 * - `subgraphCalls`  — hooks of every subgraph call (headers, settled), like Hive Gateway's `onFetch`;
 * - `onReset`    — the supergraph or the policy changed: drop what was derived from them.
 *
 * Hooks of the same phase run in stage order.
 */
export interface Stage {
  readonly name: string
  onRequest?(request: PipelineRequest): StageOutcome | Promise<StageOutcome>
  onBody?(body: unknown, request: PipelineRequest): unknown
  readonly plugins?: readonly ApolloServerPlugin<GatewayContext>[]
  createExecutor?(execution: PlanExecutorOptions): Promise<OperationExecutor | null>
  readonly subgraphCalls?: SubgraphCallHooks
  onReset?(): void
}
