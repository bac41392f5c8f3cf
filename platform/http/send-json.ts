import type { ServerResponse } from 'node:http'
import { errorBody, type ErrorCode, type StatusOf } from '../errors.js'

/** A JSON answer with its status (and extra headers). */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers })
  res.end(text)
}

/**
 * Answers a refusal outside GraphQL execution: `{ errors: [{ message, extensions: { code } }] }` with
 * an HTTP status the catalogue (platform/errors.ts) lists for the code, or this does not typecheck.
 * The message is sent as it is: it must be written for clients (bounded, no input echoed unbounded).
 */
export function sendError<C extends ErrorCode>(
  res: ServerResponse,
  status: NoInfer<StatusOf<C>>,
  code: C,
  message: string,
  headers: Record<string, string> = {},
): void {
  sendJson(res, status, errorBody(code, message), headers)
}
