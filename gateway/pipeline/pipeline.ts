import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ApolloServerPlugin } from '@apollo/server'
import { handleGraphQL } from '../../platform/http/apollo-handler.js'
import type { GatewayRequest } from '../../lib/observability/gateway-observability.js'
import type { GatewayContext } from '../gateway-context.js'
import type { OperationExecutor } from '../execute/operation-executor.js'
import type { PlanExecutorOptions } from '../execute/plan-executor.js'
import type { SubgraphCallHooks, SubgraphHeaders, OnSubgraphFetch } from '../transport/subgraph-call.js'
import type { PipelineRequest, Stage } from './stage.js'

export interface Pipeline {
  /** Serves one GraphQL request: the stages' HTTP hooks in order, then Apollo Server on the caller's projection. */
  serve(req: IncomingMessage, res: ServerResponse, observed: GatewayRequest): Promise<void>
  /** The stages' subgraph-call hooks, combined in stage order (for the executors of each loaded supergraph). */
  readonly subgraphCalls: Required<SubgraphCallHooks>
  /** The executor of a loaded supergraph (the plan stage's); null: the stitched schema's resolvers run operations. */
  createExecutor(execution: PlanExecutorOptions): Promise<OperationExecutor | null>
  /** The supergraph or the policy changed. */
  reset(): void
}

/** The Apollo Server plugins of a stage list, in stage order. */
export function pluginsOf(stages: readonly Stage[]): ApolloServerPlugin<GatewayContext>[] {
  return stages.flatMap(s => s.plugins ?? [])
}

/** Runs a stage list (gateway/pipeline/stages.ts); it knows nothing of what the stages do, only the phases they hook. */
export function createPipeline(stages: readonly Stage[], opts: { maxJsonDepth?: number } = {}): Pipeline {
  const onRequest = stages.filter(s => s.onRequest)
  const onBody = stages.filter(s => s.onBody)
  const headers = stages.flatMap(s => (s.subgraphCalls?.subgraphHeaders ? [s.subgraphCalls.subgraphHeaders] : []))
  const settled = stages.flatMap(s => (s.subgraphCalls?.onSubgraphFetch ? [s.subgraphCalls.onSubgraphFetch] : []))
  const subgraphHeaders: SubgraphHeaders =
    headers.length === 1 ? headers[0] : (subgraph, context) => Object.assign({}, ...headers.map(h => h(subgraph, context)))
  const onSubgraphFetch: OnSubgraphFetch =
    settled.length === 1
      ? settled[0]
      : (subgraph, seconds, ok) => {
          for (const s of settled) s(subgraph, seconds, ok)
        }
  const planner = stages.find(s => s.createExecutor)
  return {
    async serve(req, res, observed) {
      const request: PipelineRequest = { req, res, observed }
      for (const stage of onRequest) if ((await stage.onRequest!(request)) === 'answered') return
      const { principal, access, server, rowFilters } = request
      if (!principal || !access || !server) throw new Error('the stage list must authenticate and choose a projection before GraphQL')
      const context: GatewayContext & { request: GatewayRequest } = { principal, access, rowFilters: rowFilters ?? [], request: observed }
      return handleGraphQL(
        server,
        req,
        res,
        async () => context,
        body => onBody.reduce((prepared, stage) => stage.onBody!(prepared, request), body),
        { maxJsonDepth: opts.maxJsonDepth },
      )
    },
    subgraphCalls: { subgraphHeaders, onSubgraphFetch },
    createExecutor: async execution => (planner ? planner.createExecutor!(execution) : null),
    reset() {
      for (const stage of stages) stage.onReset?.()
    },
  }
}
