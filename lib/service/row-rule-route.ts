import type { IncomingMessage, ServerResponse } from 'node:http'
import { readBody } from '../../platform/http/apollo-handler.js'
import { sendError, sendJson } from '../../platform/http/send-json.js'
import type { InternalIdentity } from '../../auth/internal/internal-identity.js'
import type { ServiceContext } from './define-service.js'
import type { RowRuleTargets } from './row-filter.js'

/** A count request names one type; nothing else. */
const MAX_COUNT_BODY = 1024

/** What `GET /row-rules` answers: the department's row-rule targets. */
export interface RowRuleTargetInfo {
  coordinate: string
  field: string
  columns: string[]
}

/**
 * `/row-rules` of a department, for the gateway's admin API (the caller is verified like any
 * GraphQL request: an internal token for this department):
 *   GET  /row-rules          → { targets: [{ coordinate, field, columns }] }
 *   POST /row-rules/count    { "coordinate": "AllocationRecord" } → { coordinate, rows }
 * `rows` is what the target's root field would return to the identity in the token (its roles,
 * department and row rules), counted in SQL; the rows themselves never leave the department.
 */
export async function serveRowRules(
  path: string,
  req: IncomingMessage,
  res: ServerResponse,
  targets: RowRuleTargets,
  context: (principal: InternalIdentity) => Promise<ServiceContext>,
  principal: InternalIdentity,
): Promise<void> {
  if (path === '/row-rules') {
    if (req.method !== 'GET')
      return sendError(res, 405, 'METHOD_NOT_ALLOWED', 'GET /row-rules lists the row-rule targets', { allow: 'GET' })
    const list: RowRuleTargetInfo[] = Object.entries(targets)
      .map(([coordinate, t]) => ({ coordinate, field: t.field, columns: Object.keys(t.columns).sort() }))
      .sort((a, b) => a.coordinate.localeCompare(b.coordinate))
    return sendJson(res, 200, { targets: list })
  }
  if (req.method !== 'POST') return sendError(res, 405, 'METHOD_NOT_ALLOWED', 'POST /row-rules/count counts rows', { allow: 'POST' })
  let coordinate: unknown
  try {
    coordinate = (JSON.parse(await readBody(req, MAX_COUNT_BODY)) as { coordinate?: unknown } | null)?.coordinate
  } catch {
    return sendError(res, 400, 'BAD_REQUEST', 'The body must be JSON: { "coordinate": "<Type>" } of at most 1 KB')
  }
  if (typeof coordinate !== 'string' || !Object.hasOwn(targets, coordinate)) {
    return sendError(
      res,
      400,
      'BAD_REQUEST',
      `"coordinate" must name a row-rule target of this department (${Object.keys(targets).join(', ')})`,
    )
  }
  const rows = await targets[coordinate].count(await context(principal))
  return sendJson(res, 200, { coordinate, rows })
}
