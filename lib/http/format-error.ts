import type { GraphQLFormattedError } from 'graphql'
import { createLogger, type Logger } from '../observability/create-logger.js'

/** Codes whose messages are written for clients; anything else is masked. */
const PUBLIC_CODES = new Set([
  'BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE', 'SUBGRAPH_UNAVAILABLE', 'UNAUTHENTICATED', 'FORBIDDEN',
  'FORBIDDEN_FIELD', 'REQUEST_TOO_LARGE', 'PURPOSE_REQUIRED', 'AUDIT_UNAVAILABLE', 'VERSION_CONFLICT', 'INVALID_POLICY', 'PENDING_APPROVAL',
  'POLICY_STORE_UNAVAILABLE', 'REQUEST_HEADER_TOO_LARGE', 'MAX_TOKENS_EXCEEDED', 'MAX_DEPTH_EXCEEDED', 'MAX_ALIASES_EXCEEDED',
  'MAX_DIRECTIVES_EXCEEDED', 'MAX_ROOT_FIELDS_EXCEEDED', 'RATE_LIMITED', 'INTROSPECTION_DISABLED', 'OPERATION_NOT_TRUSTED',
  'VALIDATION_FAILED', 'DUPLICATE_PERIOD', 'IDEMPOTENCY_KEY_REUSED',
  'COST_LIMIT_EXCEEDED', 'CSRF_PREVENTED', 'BATCHING_DISABLED', 'METHOD_NOT_ALLOWED',
])

/**
 * Apollo `formatError`: errors from our catalog pass; everything else (a database error, a bug)
 * becomes a generic INTERNAL_SERVER_ERROR so no SQL, path or stack reaches a client. The original
 * is logged on the server.
 */
export function createFormatError(service: string, log: Logger = createLogger({ name: service })) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code
    if (typeof code === 'string' && PUBLIC_CODES.has(code)) {
      const { stacktrace: _s, exception: _e, ...extensions } = formatted.extensions ?? {}
      return { ...formatted, extensions }
    }
    const original = (error as { originalError?: unknown })?.originalError ?? error
    log.error({ path: formatted.path?.join('.') ?? '-', err: original instanceof Error ? original : undefined, error: original instanceof Error ? undefined : String(original) }, 'internal error')
    return { message: 'Internal server error', path: formatted.path, locations: formatted.locations, extensions: { code: 'INTERNAL_SERVER_ERROR' } }
  }
}
