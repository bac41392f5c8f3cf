import type { IncomingMessage, ServerResponse } from 'node:http'
import { ApolloServer } from '@apollo/server'
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled'
import { handleGraphQL, sendError, sendJson } from '../../platform/http/apollo-handler.js'
import { createFormatError } from '../../platform/http/format-error.js'
import type { GatewayMetrics } from '../../lib/observability/gateway-metrics.js'
import type { GatewayRequest } from '../../lib/observability/gateway-observability.js'
import { createRequestRecordPlugin } from '../../lib/observability/request-record-plugin.js'
import { createAdminSchema, type RowRuleDepartments } from '../../auth/policy/admin-schema.js'
import { effectiveAccess } from '../../auth/policy/effective-access.js'
import type { PolicyRuntime } from '../authorize/policy-runtime.js'
import type { Authenticate } from '../pipeline/authenticate.js'
import type { LoadedSupergraph } from '../supergraph/supergraph-manager.js'
import { serveAuditCsv } from './audit-csv.js'

export interface AdminRouteOptions {
  policy: PolicyRuntime
  supergraph: () => LoadedSupergraph
  /** The departments' row-rule targets and counts; without it the admin API checks row rules by shape only. */
  rowRules?: RowRuleDepartments
  authenticate: Authenticate
  metrics: GatewayMetrics
  maxJsonDepth?: number
}

/** `GET …/access` beside the admin API: whether the caller may use it (router.ts). */
export const adminAccessPath = (adminPath: string) => adminPath.replace(/[^/]*$/, 'access')

/**
 * The admin API (policy: roles, grants, row rules, audit): a bearer token (401), a role with the
 * admin flag (403), and the policy database (503 without one). Its Apollo Server is built on first use.
 *
 * `GET …/access` answers `{ "admin": true|false }` with 200 for any caller: the web app asks it
 * whether to offer the console, and gets the decision this route makes (the policy's admin flag,
 * not a role's name) without provoking an error for everyone who is not an administrator.
 */
export function createAdminRoute({ policy, supergraph, rowRules, authenticate, metrics, maxJsonDepth }: AdminRouteOptions) {
  let admin: ApolloServer<any> | null = null
  const adminServer = async () => {
    if (admin) return admin
    const store = policy.store
    if (!store) return null
    admin = new ApolloServer({
      schema: createAdminSchema({
        store,
        supergraph: () => {
          const current = supergraph()
          return { sdl: current.sdl, apiSchema: current.schema, requirements: current.requirements, owners: current.owners }
        },
        rowRules,
      }),
      includeStacktraceInErrorResponses: false,
      hideSchemaDetailsFromClientErrors: true,
      formatError: createFormatError('admin'),
      stopOnTerminationSignals: false,
      plugins: [ApolloServerPluginLandingPageDisabled(), createRequestRecordPlugin(metrics)],
    })
    await admin.start()
    return admin
  }

  return async (req: IncomingMessage, res: ServerResponse, observed: GatewayRequest): Promise<void> => {
    const principal = await authenticate(req, res)
    if (!principal) return
    if ((req.url ?? '').split('?')[0].endsWith('/access')) {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return sendError(res, 405, 'METHOD_NOT_ALLOWED', 'read the admin access with GET', { allow: 'GET, HEAD' })
      }
      const admin = principal.authenticated && effectiveAccess(policy.snapshot(), principal).admin
      return sendJson(res, 200, { admin }, { 'cache-control': 'no-store' })
    }
    if (!principal.authenticated) {
      return sendError(res, 401, 'UNAUTHENTICATED', 'The admin API needs a bearer token', { 'www-authenticate': 'Bearer' })
    }
    observed.principal = principal
    const access = effectiveAccess(policy.snapshot(), principal)
    observed.admin = access.admin
    if (!access.admin) return sendError(res, 403, 'FORBIDDEN', 'The admin API is for the admin role only')
    // GET …/audit.csv (router.ts): the audit log export, behind the same token and role checks.
    if ((req.url ?? '').split('?')[0].endsWith('/audit.csv')) {
      if (!policy.store) return sendError(res, 503, 'POLICY_STORE_UNAVAILABLE', 'The audit log needs the policy database (DATABASE_URL)')
      return serveAuditCsv(policy.store, req, res)
    }
    const apollo = await adminServer()
    if (!apollo) return sendError(res, 503, 'POLICY_STORE_UNAVAILABLE', 'The admin API needs the policy database (DATABASE_URL)')
    return handleGraphQL(
      apollo,
      req,
      res,
      async () => ({ principal, isAdmin: true, actor: principal.subject ?? 'unknown', request: observed }),
      undefined,
      { maxJsonDepth },
    )
  }
}
