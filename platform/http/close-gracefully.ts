import type { Server } from 'node:http'

/** How long in-flight requests may take to finish after a shutdown began, unless the caller says otherwise. */
export const DEFAULT_GRACE_MS = 10_000

/**
 * Stops an HTTP server the way an orchestrator expects on SIGTERM: the listening socket closes at
 * once (a new connection is refused), requests in flight run to their end, and each keep-alive
 * connection is closed as soon as it is idle (a client never starts a new request on a server that
 * is going away; a keep-alive socket would otherwise hold `close()` open for its whole timeout).
 * After `graceMs` whatever is still open is cut. Resolves with `forced: true` in that case.
 */
export async function closeGracefully(server: Server, graceMs = DEFAULT_GRACE_MS): Promise<{ forced: boolean }> {
  if (!server.listening) {
    server.closeAllConnections()
    return { forced: false }
  }
  let forced = false
  const closed = new Promise<void>(resolve => server.close(() => resolve()))
  server.closeIdleConnections()
  // A response that finishes leaves its connection idle; no event says so for the server, so it is looked for.
  const sweep = setInterval(() => server.closeIdleConnections(), 50)
  const deadline = setTimeout(() => {
    forced = true
    server.closeAllConnections()
  }, graceMs)
  try {
    await closed
  } finally {
    clearInterval(sweep)
    clearTimeout(deadline)
  }
  return { forced }
}
