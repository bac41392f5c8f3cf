/**
 * Whether `err` says the database could not be reached or the connection to it was lost (refused,
 * reset, timed out, shut down, no such database), as opposed to an error of the statement itself.
 * Callers answer the former with their "unavailable" code (503) instead of an internal error.
 */
export function isConnectionError(err: unknown): boolean {
  if (!(err instanceof Error)) return false
  const code = (err as { code?: unknown }).code
  if (typeof code === 'string') {
    // SQLSTATE class 08 (connection exception), 57P01–57P03 (shutdown, cannot connect now), 3D000 (no such database).
    if (/^08...$|^57P0[123]$|^3D000$/.test(code)) return true
    if (/^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN)$/.test(code)) return true
  }
  // node-postgres raises these without a code.
  return /^(Connection terminated|Query read timeout|timeout exceeded when trying to connect|Client has encountered a connection error)/.test(
    err.message,
  )
}
