import type { IncomingMessage, ServerResponse } from 'node:http'
import {
  execute,
  getOperationAST,
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  parse,
  specifiedRules,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql'
import { BodyTooLargeError, readBody, sendJson } from '../../platform/http/apollo-handler.js'
import { errorEntry, graphqlError, type ErrorCode, type StatusOf } from '../../platform/errors.js'
import { DEFAULT_MAX_JSON_DEPTH, exceedsJsonDepth, jsonDepthMessage, nestsDeeper } from '../../platform/http/json-depth.js'
import { validateDocument } from '../../platform/validate-document.js'
import { createDocumentLru } from '../../platform/document-lru.js'

export type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError

export interface SubgraphGraphQLHandlerOptions {
  /** Applied to every error before it is sent (platform/http/format-error.ts: public codes pass, the rest is masked). */
  formatError: FormatError
  /** Parsed and validated documents kept, by query text, each from its second request on (default 1000). */
  maxDocuments?: number
  /** Bytes those documents may hold, estimated from their text (default 32 MiB; platform/document-lru.ts). */
  maxDocumentBytes?: number
  /** Schema introspection (`__schema`, `__type`); default: off when NODE_ENV=production, as Apollo Server does. */
  introspection?: boolean
  /** Deepest JSON nesting of a request body (default 64, as at the gateway). */
  maxJsonDepth?: number
}

export type SubgraphGraphQLHandler<C> = (req: IncomingMessage, res: ServerResponse, context: () => Promise<C>) => Promise<void>

/** Longer query texts are served but not kept: the document cache holds the gateway's plan fetches, not arbitrary text. */
const MAX_CACHED_QUERY_LENGTH = 64 * 1024

/**
 * GraphQL over HTTP for a department subgraph: POST with a JSON body, parsed and validated documents
 * cached by their text, graphql-js execution, errors formatted like Apollo Server's (same codes and HTTP
 * statuses: 400 for a request that cannot execute, 200 for an executed one). A subgraph's only client is
 * the gateway (every call carries a token it signed), so the request pipeline stops there: no plugins,
 * no per-field instrumentation, no persisted queries, no batching, no GET.
 */
export function createSubgraphGraphQLHandler<C>(schema: GraphQLSchema, opts: SubgraphGraphQLHandlerOptions): SubgraphGraphQLHandler<C> {
  const introspection = opts.introspection ?? process.env.NODE_ENV !== 'production'
  const rules: ValidationRule[] = introspection ? [...specifiedRules] : [...specifiedRules, NoSchemaIntrospectionCustomRule]
  const documents = createDocumentLru({ maxEntries: opts.maxDocuments ?? 1000, maxBytes: opts.maxDocumentBytes ?? 32 * 1024 * 1024 })
  const maxJsonDepth = opts.maxJsonDepth ?? DEFAULT_MAX_JSON_DEPTH

  const formatErrors = (errors: readonly GraphQLError[]): GraphQLFormattedError[] =>
    errors.map(error => {
      const json = error.toJSON()
      const formatted: GraphQLFormattedError = {
        ...json,
        extensions: { ...json.extensions, code: json.extensions?.code ?? ('INTERNAL_SERVER_ERROR' satisfies ErrorCode) },
      }
      try {
        return opts.formatError(formatted, error)
      } catch {
        return errorEntry('INTERNAL_SERVER_ERROR', 'Internal server error')
      }
    })
  const refuse = <Code extends ErrorCode>(
    res: ServerResponse,
    status: NoInfer<StatusOf<Code>>,
    code: Code,
    errors: readonly GraphQLError[] | string,
    headers: Record<string, string> = {},
  ) => {
    const list = typeof errors === 'string' ? [graphqlError(code, errors)] : errors.map(e => withCode(e, code))
    sendJson(res, status, { errors: formatErrors(list) }, headers)
  }

  return async (req, res, context) => {
    if (req.method !== 'POST') return refuse(res, 405, 'METHOD_NOT_ALLOWED', 'A subgraph answers POST requests only', { allow: 'POST' })
    const contentType = req.headers['content-type'] ?? ''
    if (!contentType.toLowerCase().includes('application/json')) {
      return refuse(
        res,
        400,
        'BAD_REQUEST',
        'POST body missing, invalid Content-Type, or JSON object has no keys (send content-type: application/json)',
      )
    }
    const responseType = negotiate(req.headers.accept)
    if (!responseType)
      return refuse(res, 406, 'BAD_REQUEST', 'Accept allows neither application/json nor application/graphql-response+json')
    let raw: string
    try {
      raw = await readBody(req)
    } catch (err) {
      if (!(err instanceof BodyTooLargeError)) throw err
      // The rest of the body is never read: the connection cannot carry another request.
      return refuse(res, 413, 'REQUEST_TOO_LARGE', err.message, { connection: 'close' })
    }
    // JSON.parse is iterative, so the nesting is checked on the parsed value (a walk over its objects, not a
    // scan of every character); text that does not parse is scanned, so a deep body is refused as too deep first.
    let body: unknown
    try {
      body = JSON.parse(raw)
    } catch {
      if (exceedsJsonDepth(raw, maxJsonDepth))
        return refuse(res, 400, 'MAX_JSON_DEPTH_EXCEEDED', jsonDepthMessage('The request body', maxJsonDepth))
      return refuse(res, 400, 'BAD_REQUEST', 'Request body is not valid JSON')
    }
    if (nestsDeeper(body, maxJsonDepth))
      return refuse(res, 400, 'MAX_JSON_DEPTH_EXCEEDED', jsonDepthMessage('The request body', maxJsonDepth))
    const request = readRequest(body)
    if (typeof request === 'string') return refuse(res, 400, 'BAD_REQUEST', request)

    let document = documents.get(request.query)
    if (!document) {
      try {
        document = parse(request.query)
      } catch (err) {
        return refuse(res, 400, 'GRAPHQL_PARSE_FAILED', [
          err instanceof GraphQLError ? err : graphqlError('GRAPHQL_PARSE_FAILED', String(err)),
        ])
      }
      // graphql-js's rules and errors, cheaper on a valid document (each node runs only the rules for its kind).
      const invalid = validateDocument(schema, document, rules)
      if (invalid.length) return refuse(res, 400, 'GRAPHQL_VALIDATION_FAILED', invalid)
      if (request.query.length <= MAX_CACHED_QUERY_LENGTH) documents.remember(request.query, document)
    }
    if (!getOperationAST(document, request.operationName)) {
      return refuse(
        res,
        400,
        'OPERATION_RESOLUTION_FAILURE',
        request.operationName
          ? `Unknown operation named "${request.operationName}".`
          : 'Must provide operation name if query contains multiple operations.',
      )
    }

    let result: ExecutionResult
    try {
      result = await execute({
        schema,
        document,
        operationName: request.operationName,
        variableValues: request.variables,
        contextValue: await context(),
      })
    } catch (err) {
      const error =
        err instanceof GraphQLError
          ? err
          : new GraphQLError(err instanceof Error ? err.message : String(err), { originalError: err instanceof Error ? err : undefined })
      return sendJson(res, 500, { errors: formatErrors([error]) })
    }
    if (!('data' in result)) {
      // Variables that do not fit their types: nothing executed.
      return refuse(res, 400, 'BAD_USER_INPUT', result.errors ?? [])
    }
    const payload = result.errors?.length
      ? { errors: formatErrors(result.errors), data: result.data, ...(result.extensions ? { extensions: result.extensions } : {}) }
      : result
    const text = JSON.stringify(payload)
    res.writeHead(200, { 'content-type': responseType, 'content-length': Buffer.byteLength(text) })
    res.end(text)
  }
}

/** The error with `code` unless it already carries one (graphql-js's own errors, which name no code). */
function withCode(error: GraphQLError, code: ErrorCode): GraphQLError {
  if (error.extensions?.code != null) return error
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: { ...error.extensions, code },
  })
}

interface GraphQLRequestBody {
  query: string
  variables?: Record<string, unknown>
  operationName?: string
}

/** The request fields, or why the body is not a GraphQL request. */
function readRequest(body: unknown): GraphQLRequestBody | string {
  if (Array.isArray(body)) return 'Operation batching is not supported'
  if (!body || typeof body !== 'object') return 'The request body must be a JSON object'
  const { query, variables, operationName, extensions } = body as Record<string, unknown>
  if (typeof query !== 'string' || query === '') return 'GraphQL operations must contain a non-empty `query`'
  if (variables != null && (typeof variables !== 'object' || Array.isArray(variables))) return '`variables` must be a JSON object'
  if (operationName != null && typeof operationName !== 'string') return '`operationName` must be a string'
  if (extensions != null && (typeof extensions !== 'object' || Array.isArray(extensions))) return '`extensions` must be a JSON object'
  if ((extensions as Record<string, unknown> | null)?.persistedQuery) return 'Persisted queries are not supported by a subgraph'
  return {
    query,
    variables: (variables ?? undefined) as Record<string, unknown> | undefined,
    operationName: (operationName ?? undefined) as string | undefined,
  }
}

const JSON_TYPE = 'application/json; charset=utf-8'
const GRAPHQL_RESPONSE_TYPE = 'application/graphql-response+json; charset=utf-8'

/** application/json unless the client accepts only application/graphql-response+json; null when it accepts neither. */
export function negotiate(accept: string | undefined): string | null {
  if (!accept) return JSON_TYPE
  let json = false
  let graphqlResponse = false
  for (const part of accept.split(',')) {
    const [type, ...params] = part.trim().toLowerCase().split(';')
    if (params.some(p => /^\s*q\s*=\s*0(\.0*)?\s*$/.test(p))) continue
    if (type === 'application/json' || type === 'application/*' || type === '*/*') json = true
    if (type === 'application/graphql-response+json') graphqlResponse = true
  }
  return json ? JSON_TYPE : graphqlResponse ? GRAPHQL_RESPONSE_TYPE : null
}
