import type { GraphQLError } from 'graphql'
import { graphqlError } from '../../platform/errors.js'

/** A subgraph that did not answer (refused, reset, timed out, no GraphQL answer); names it. */
export function unavailable(service: string, reason: string): GraphQLError {
  return graphqlError('SUBGRAPH_UNAVAILABLE', `Service "${service}" is unavailable: ${reason}`, { serviceName: service })
}

/** A transport failure (refused, reset, timed out, non-GraphQL answer), as opposed to a GraphQL error of the subgraph. */
export function isTransportError(err: { message?: string; extensions?: Record<string, unknown> }): boolean {
  if (err.extensions?.code === 'SUBREQUEST_HTTP_ERROR') return true
  if (typeof err.extensions?.code === 'string') return false
  return /fetch failed|ECONNREFUSED|ECONNRESET|socket hang up|timed? ?out|aborted|Unexpected response|not valid JSON|No response/i.test(
    err.message ?? '',
  )
}
