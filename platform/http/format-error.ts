import type { GraphQLFormattedError } from 'graphql'
import { isDatabaseTimeout } from '../db/database-timeout.js'
import { errorEntry, PUBLIC_CODES } from '../errors.js'
import { createLogger, type Logger } from '../logger/create-logger.js'

/**
 * Longest message a client gets. Messages of graphql-js and of our resolvers echo client input
 * ("Expected value of type …, found <the argument>"); a 900 KB argument must not come back whole,
 * once per error. The middle is cut so both the start and the reason at the end stay readable.
 */
export const MAX_MESSAGE_LENGTH = 1000
const HEAD = 700

export function truncateMessage(message: string, max = MAX_MESSAGE_LENGTH): string {
  if (message.length <= max) return message
  const tail = max - HEAD
  return `${message.slice(0, HEAD)}… [${message.length - max} characters omitted] …${message.slice(message.length - tail)}`
}

/**
 * Apollo `formatError`: errors whose code the catalogue (platform/errors.ts) marks public pass, their
 * message bounded; everything else (a database error, a bug) becomes a generic
 * INTERNAL_SERVER_ERROR so no SQL, path or stack reaches a client. The original is logged on the server.
 */
export function createFormatError(service: string, log: Logger = createLogger({ name: service })) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code
    if (typeof code === 'string' && PUBLIC_CODES.has(code)) {
      const { stacktrace: _s, exception: _e, ...extensions } = formatted.extensions ?? {}
      return { ...formatted, message: truncateMessage(formatted.message), extensions }
    }
    const original = (error as { originalError?: unknown })?.originalError ?? error
    // A database that did not answer in time is the operator's to see and the client's to retry, not a bug.
    if (isDatabaseTimeout(original)) {
      log.warn({ path: formatted.path?.join('.') ?? '-', error: (original as Error).message }, 'database timeout')
      const { message, extensions } = errorEntry('DATABASE_TIMEOUT', 'The database did not answer in time; retry later', {
        serviceName: service,
      })
      return { message, path: formatted.path, locations: formatted.locations, extensions }
    }
    log.error(
      {
        path: formatted.path?.join('.') ?? '-',
        err: original instanceof Error ? original : undefined,
        error: original instanceof Error ? undefined : String(original),
      },
      'internal error',
    )
    const { message, extensions } = errorEntry('INTERNAL_SERVER_ERROR', 'Internal server error')
    return { message, path: formatted.path, locations: formatted.locations, extensions }
  }
}
