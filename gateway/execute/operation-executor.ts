import type { DocumentNode, ExecutionResult, GraphQLSchema } from 'graphql'
import type { GatewayInterface } from '@apollo/server-gateway-interface'

export interface OperationRequest {
  /** The (projected) schema the operation was validated against. */
  schema: GraphQLSchema
  document: DocumentNode
  operationName?: string | null
  variables?: Record<string, unknown>
  context: unknown
}

/** Runs one parsed and validated operation against the subgraphs. */
export type OperationExecutor = (request: OperationRequest) => Promise<ExecutionResult>

/**
 * Apollo Server's hook for an executor of its own (the one @apollo/gateway uses): the server
 * parses and validates against `schema`, runs its plugins, and hands execution to `executor`.
 */
export function asApolloGateway(schema: GraphQLSchema, executor: OperationExecutor): GatewayInterface {
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' })
      return () => {}
    },
    async load() {
      return {
        schema,
        executor: async ctx =>
          executor({
            schema,
            document: ctx.document,
            operationName: ctx.operationName,
            variables: ctx.request.variables,
            context: ctx.context,
          }),
      }
    },
    async stop() {},
  }
}
