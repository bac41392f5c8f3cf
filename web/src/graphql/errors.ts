import type { CombinedError } from 'urql'

/**
 * Departments whose subgraph did not answer: the gateway returns what the others gave and an error with
 * extensions.code SUBGRAPH_UNAVAILABLE naming the service (extensions.serviceName).
 */
export function departmentsDown(error: CombinedError | undefined): string[] {
  if (!error) return []
  const names = error.graphQLErrors
    .filter(e => e.extensions?.code === 'SUBGRAPH_UNAVAILABLE' && typeof e.extensions.serviceName === 'string')
    .map(e => e.extensions.serviceName as string)
  return [...new Set(names)]
}

/** Whether the error leaves nothing to show (network failure, or errors with no data at all). */
export function isFatal(error: CombinedError | undefined, data: unknown): boolean {
  if (!error) return false
  if (error.networkError) return true
  return data === undefined || data === null
}

/**
 * The caller's schema lacks what the operation asks for: the gateway shows each role only the fields it may see, so
 * an operation over hidden fields fails validation. The figure is then left out for this role, not shown as an error.
 */
export function isHiddenForRole(error: CombinedError | undefined): boolean {
  return !!error?.graphQLErrors.some(e => e.extensions?.code === 'GRAPHQL_VALIDATION_FAILED')
}
