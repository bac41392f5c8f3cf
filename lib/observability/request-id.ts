import { randomUUID } from 'node:crypto'

const ACCEPTED = /^[A-Za-z0-9._:-]{1,128}$/

/**
 * The request id of a request: the caller's `x-request-id` when it is a plain token of at most 128
 * characters (a proxy's or load balancer's id, so their logs and ours join), else a fresh UUID.
 * Anything else a caller sends there is ignored: it goes into every log line of the request.
 */
export function requestIdOf(header: string | string[] | undefined): string {
  return typeof header === 'string' && ACCEPTED.test(header) ? header : randomUUID()
}
