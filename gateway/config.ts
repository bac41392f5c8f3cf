import { existsSync } from 'node:fs'
import { hostname } from 'node:os'
import { resolve } from 'node:path'
import { DEFAULT_SUPERGRAPH_PATH } from './supergraph/supergraph-path.js'
import { DEFAULT_LIMITS, type OperationLimits } from './limits/operation-limits.js'
import { DEFAULT_MAX_JSON_DEPTH } from '../platform/http/json-depth.js'
import type { TrustedDocumentsMode } from './limits/trusted-documents.js'
import type { DenialMode } from './authorize/denial-mode-plugin.js'
import { readObservabilityConfig, type ObservabilityConfig } from '../lib/observability/observability-config.js'
import { DEFAULT_WEB_DIST } from './web/web-dist-path.js'

export interface GatewayConfig {
  readonly port: number
  readonly host: string
  readonly graphqlPath: string
  readonly healthPath: string
  readonly readyPath: string
  /** Supergraph file; reloaded without restart when it changes (unless `watch` is false). */
  readonly supergraphPath: string | null
  /** Or the supergraph itself (tests, embedding). */
  readonly supergraphSdl: string | null
  readonly subgraphUrls: Readonly<Record<string, string>>
  readonly watch: boolean
  readonly subgraphTimeoutMs: number
  /** `enforce`: role-based projected schemas (default); `off`: serve the whole supergraph (third-party graphs, test suites). */
  readonly authorization: 'enforce' | 'off'
  readonly adminPath: string
  /** Name this replica reports with its policy version. */
  readonly replicaId: string
  /** Policy store (the `access` schema); without it the built-in default roles apply, read-only. */
  readonly databaseUrl: string | null
  /** Secret for signing internal identity tokens to subgraphs; null sends none (third-party subgraphs). */
  readonly internalTokenSecret: string | null
  readonly limits: OperationLimits
  /** Who may introspect (their own projection): everyone, authenticated callers only, or nobody. */
  readonly introspection: 'all' | 'authenticated' | 'off'
  /** Instance-level denials: `partial` answers with null at the denied paths, `reject` refuses the operation. */
  readonly denials: DenialMode
  /**
   * How operations run: `plan` (default) plans them with the Hive Router query planner and executes the
   * plan; `stitched` runs them through @graphql-tools/federation's stitched schema (the fallback).
   */
  readonly executor?: 'plan' | 'stitched'
  /** Trusted documents file and how strictly anonymous callers are held to it. */
  readonly trustedDocuments: { path: string | null; mode: TrustedDocumentsMode }
  /** In-flight deduplication of identical non-personal queries (gateway/cache); on unless false. */
  readonly dedupe?: boolean
  /** In-flight deduplication of identical non-personal subgraph fetches across operations (gateway/cache/subgraph-dedupe.ts); on unless false. */
  readonly subgraphDedupe?: boolean
  /** Deepest nesting of arrays/objects in a request's JSON (body, GET variables/extensions); default 64. */
  readonly maxJsonDepth?: number
  /** Metrics, `/metrics` access, log level, trace export (lib/observability); default: read from the environment. */
  readonly observability?: ObservabilityConfig
  /** The web app served at `/` (gateway/web); without it `/` serves GraphiQL. */
  readonly web?: WebConfig
  /** Bounds of the caches keyed by what clients send; DEFAULT_CACHE_LIMITS without it. */
  readonly caches?: CacheLimits
}

/**
 * The caches keyed by what clients send (platform/lru.ts), each bounded in entries and in
 * approximate bytes, so that a new document on every request cannot grow the gateway's memory.
 */
export interface CacheLimits {
  /**
   * Parsed and validated documents, one store shared by every projection, each kept from its second
   * request on (with what is derived from them: query plans).
   */
  readonly documentEntries: number
  readonly documentBytes: number
  /** Verdicts of the shape limits by query text. */
  readonly shapeEntries: number
  readonly shapeBytes: number
  /** Projected schemas, each with its Apollo Server (by supergraph and effective access, not by document). */
  readonly projectionEntries: number
}

/**
 * Together under 40 MiB of estimated bytes. V8 lets the heap grow to about twice what is live before a
 * full collection, so each MiB kept costs about two of resident memory: these keep the gateway under
 * 300 MB with its caches full (docs/operations.md#configuration).
 */
export const DEFAULT_CACHE_LIMITS: CacheLimits = Object.freeze({
  documentEntries: 2_000,
  documentBytes: 32 * 1024 * 1024,
  shapeEntries: 1_000,
  shapeBytes: 4 * 1024 * 1024,
  projectionEntries: 64,
})

export interface WebConfig {
  /** The built app (WEB_DIST, default web/dist); null serves none. A folder without index.html leaves `/` to GraphiQL. */
  readonly dist: string | null
  /** The OpenID Connect client the app signs in as (WEB_OIDC_CLIENT_ID), when the gateway verifies an identity provider's tokens. */
  readonly oidcClientId: string | null
  /** The scopes it asks for (WEB_OIDC_SCOPE, default `openid profile`). */
  readonly oidcScope: string
}

export class ConfigError extends Error {}

function parsePort(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined || value === '') return fallback
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`${name} must be a port number (0–65535), got "${value}"`)
  return port
}

function parsePath(value: string | undefined, name: string, fallback: string): string {
  const v = value ?? fallback
  if (!v.startsWith('/')) throw new ConfigError(`${name} must start with "/", got "${v}"`)
  return v
}

function parseLimit(value: string | undefined, name: string, fallback: number, zeroAllowed = false): number {
  if (value === undefined || value === '') return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < (zeroAllowed ? 0 : 1))
    throw new ConfigError(`${name} must be a ${zeroAllowed ? 'non-negative' : 'positive'} integer, got "${value}"`)
  return n
}

/** Production hides the schema from anonymous callers (docs/access-control.md#projected-schemas); development shows each caller its projection. */
function parseIntrospection(value: string | undefined, nodeEnv: string | undefined): 'all' | 'authenticated' | 'off' {
  if (value === undefined || value === '') return nodeEnv === 'production' ? 'authenticated' : 'all'
  if (value === 'all' || value === 'authenticated' || value === 'off') return value
  throw new ConfigError(`INTROSPECTION must be "all", "authenticated" or "off", got "${value}"`)
}

function parseDenials(value: string | undefined): DenialMode {
  if (value === undefined || value === '' || value === 'partial') return 'partial'
  if (value === 'reject') return 'reject'
  throw new ConfigError(`AUTHORIZATION_DENIALS must be "partial" or "reject", got "${value}"`)
}

function parseTrustedDocuments(path: string | undefined, mode: string | undefined): { path: string | null; mode: TrustedDocumentsMode } {
  if (mode !== undefined && mode !== '' && !['off', 'log', 'enforce'].includes(mode)) {
    throw new ConfigError(`TRUSTED_DOCUMENTS_MODE must be "off", "log" or "enforce", got "${mode}"`)
  }
  if (!path) {
    if (mode && mode !== 'off') throw new ConfigError('TRUSTED_DOCUMENTS_MODE needs TRUSTED_DOCUMENTS (a JSON file of documents)')
    return { path: null, mode: 'off' }
  }
  if (!existsSync(path)) throw new ConfigError(`TRUSTED_DOCUMENTS file not found: ${path}`)
  return { path: resolve(path), mode: (mode || 'enforce') as TrustedDocumentsMode }
}

function parseExecutor(value: string | undefined): 'plan' | 'stitched' {
  if (value === undefined || value === '' || value === 'plan') return 'plan'
  if (value === 'stitched') return 'stitched'
  throw new ConfigError(`GATEWAY_EXECUTOR must be "plan" or "stitched", got "${value}"`)
}

/** GATEWAY_DEDUPE=on|off; `CACHE=off` switches it off too unless GATEWAY_DEDUPE says otherwise. */
function parseDedupe(value: string | undefined, cache: string | undefined): boolean {
  if (value === undefined || value === '') return cache?.trim() !== 'off'
  if (value === 'on' || value === 'off') return value === 'on'
  throw new ConfigError(`GATEWAY_DEDUPE must be "on" or "off", got "${value}"`)
}

/** SUBGRAPH_DEDUPE=on|off, on by default. */
function parseSubgraphDedupe(value: string | undefined): boolean {
  if (value === undefined || value === '' || value === 'on') return true
  if (value === 'off') return false
  throw new ConfigError(`SUBGRAPH_DEDUPE must be "on" or "off", got "${value}"`)
}

function parseAuthorization(value: string | undefined): 'enforce' | 'off' {
  if (value === undefined || value === '' || value === 'enforce') return 'enforce'
  if (value === 'off') return 'off'
  throw new ConfigError(`AUTHORIZATION must be "enforce" or "off", got "${value}"`)
}

/** `name=url` pairs, from `--subgraph name=url` flags or SUBGRAPH_URLS="name=url,name=url". */
function parseSubgraphUrls(pairs: string[]): Record<string, string> {
  const urls: Record<string, string> = {}
  for (const pair of pairs) {
    const eq = pair.indexOf('=')
    const name = pair.slice(0, eq).trim()
    const url = pair.slice(eq + 1).trim()
    if (eq < 1 || !/^https?:\/\//.test(url)) throw new ConfigError(`subgraph must be given as name=http(s)://host:port/path, got "${pair}"`)
    urls[name] = url
  }
  return urls
}

/** WEB_DIST (a folder, or `off`), WEB_OIDC_CLIENT_ID, WEB_OIDC_SCOPE. */
function parseWeb(env: NodeJS.ProcessEnv): WebConfig {
  const dist = env.WEB_DIST?.trim()
  const clientId = env.WEB_OIDC_CLIENT_ID?.trim() || null
  if (clientId !== null && !/^[\x21-\x7e]{1,256}$/.test(clientId))
    throw new ConfigError(`WEB_OIDC_CLIENT_ID must be a client id (printable characters, no spaces), got "${clientId}"`)
  const scope = env.WEB_OIDC_SCOPE?.trim().replace(/\s+/g, ' ') || 'openid profile'
  if (!/^[\x21\x23-\x5b\x5d-\x7e]+( [\x21\x23-\x5b\x5d-\x7e]+)*$/.test(scope) || !scope.split(' ').includes('openid')) {
    throw new ConfigError(`WEB_OIDC_SCOPE must be space-separated scopes including "openid", got "${scope}"`)
  }
  return Object.freeze({ dist: dist === 'off' ? null : resolve(dist || DEFAULT_WEB_DIST), oidcClientId: clientId, oidcScope: scope })
}

/** The command-line flags (without `--`); GATEWAY_USAGE describes each. */
export const GATEWAY_FLAGS: readonly string[] = [
  'port',
  'host',
  'supergraph',
  'subgraph',
  'health-path',
  'ready-path',
  'graphql-path',
  'no-watch',
  'subgraph-timeout-ms',
  'authorization',
  'admin-path',
  'replica-id',
]

/** `npm run gateway -- --help`: every flag, and the environment variable each one overrides. */
export const GATEWAY_USAGE = `Usage: npm run gateway -- [options]

Serves a Federation v2 supergraph (ours by default, or any other) as one GraphQL endpoint.

Options (each overrides the environment variable in brackets):
  --supergraph <file>           supergraph to serve (SUPERGRAPH_PATH; default schema/supergraph.graphql)
  --subgraph <name>=<url>       URL of a subgraph, instead of the one in the supergraph; repeatable (SUBGRAPH_URLS="a=url,b=url")
  --port <n>                    port, 0 for any free one (GATEWAY_PORT or PORT; default 4000)
  --host <address>              address to listen on (HOST; default 127.0.0.1)
  --graphql-path <path>         GraphQL endpoint (GRAPHQL_PATH; default /graphql)
  --health-path <path>          liveness (HEALTH_PATH; default /healthz)
  --ready-path <path>           readiness: every subgraph answers (READY_PATH; default /readyz)
  --admin-path <path>           admin API of the policy store (ADMIN_PATH; default /admin/graphql)
  --authorization enforce|off   role-based projected schemas, or the whole supergraph for everyone (AUTHORIZATION; default enforce)
  --subgraph-timeout-ms <ms>    timeout of each subgraph call (SUBGRAPH_TIMEOUT_MS; default 15000)
  --replica-id <name>           name this replica reports with its policy version (REPLICA_ID; default host-pid)
  --no-watch                    do not reload the supergraph file when it changes (SUPERGRAPH_WATCH=false)
  --help, -h                    print this and exit

Web app at /: WEB_DIST (built app folder, or off; default web/dist), WEB_OIDC_CLIENT_ID, WEB_OIDC_SCOPE.
Environment only: DATABASE_URL (policy store), INTERNAL_TOKEN_SECRET, INTROSPECTION, AUTHORIZATION_DENIALS,
GATEWAY_EXECUTOR, GATEWAY_DEDUPE, SUBGRAPH_DEDUPE, TRUSTED_DOCUMENTS, TRUSTED_DOCUMENTS_MODE, RATE_LIMIT_PER_MINUTE,
RATE_LIMIT_ANONYMOUS_PER_MINUTE, LIMIT_MAX_TOKENS, LIMIT_MAX_DEPTH, LIMIT_MAX_ALIASES, LIMIT_MAX_DIRECTIVES,
LIMIT_MAX_ROOT_FIELDS, LIMIT_MAX_COST, LIMIT_MAX_JSON_DEPTH, DATA_ENTRY_MAX_BYTES (largest upload forwarded to
/data-entry/, default 64 MiB), DOCUMENT_CACHE_MAX_ENTRIES, DOCUMENT_CACHE_MAX_BYTES, SHAPE_CACHE_MAX_ENTRIES,
SHAPE_CACHE_MAX_BYTES, PROJECTION_CACHE_MAX_ENTRIES, and the AUTH_* settings of token verification.
A wrong setting or supergraph stops the start with one line on stderr and exit code 2.
`

/** Whether the command line asks for the usage text instead of a gateway. */
export const wantsHelp = (argv: readonly string[] = process.argv.slice(2)): boolean => argv.includes('--help') || argv.includes('-h')

/**
 * Reads the gateway configuration once from command-line flags (which win) and environment,
 * validates it and freezes it. A mistake fails at start with the name of the setting.
 */
export function readGatewayConfig(argv: readonly string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const flags = new Map<string, string[]>()
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (!arg.startsWith('--')) throw new ConfigError(`unexpected argument "${arg}"`)
    const [key, inline] = arg.slice(2).split(/=(.*)/s, 2)
    const value = inline ?? (argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[++i] : 'true')
    flags.set(key, [...(flags.get(key) ?? []), value])
  }
  for (const key of flags.keys()) if (!GATEWAY_FLAGS.includes(key)) throw new ConfigError(`unknown option --${key} (see --help)`)
  const one = (key: string) => flags.get(key)?.at(-1)

  const supergraphArg = one('supergraph') ?? env.SUPERGRAPH_PATH
  const supergraphPath = resolve(supergraphArg ?? DEFAULT_SUPERGRAPH_PATH)
  if (!existsSync(supergraphPath)) throw new ConfigError(`supergraph file not found: ${supergraphPath}`)
  const timeout = Number(one('subgraph-timeout-ms') ?? env.SUBGRAPH_TIMEOUT_MS ?? 15_000)
  if (!Number.isFinite(timeout) || timeout <= 0) throw new ConfigError('SUBGRAPH_TIMEOUT_MS must be a positive number of milliseconds')

  return Object.freeze({
    port: parsePort(one('port') ?? env.GATEWAY_PORT ?? env.PORT, 'GATEWAY_PORT', 4000),
    host: one('host') ?? env.HOST ?? '127.0.0.1',
    graphqlPath: parsePath(one('graphql-path') ?? env.GRAPHQL_PATH, 'GRAPHQL_PATH', '/graphql'),
    healthPath: parsePath(one('health-path') ?? env.HEALTH_PATH, 'HEALTH_PATH', '/healthz'),
    readyPath: parsePath(one('ready-path') ?? env.READY_PATH, 'READY_PATH', '/readyz'),
    supergraphPath,
    supergraphSdl: null,
    subgraphUrls: Object.freeze(
      parseSubgraphUrls([...(env.SUBGRAPH_URLS ? env.SUBGRAPH_URLS.split(',').filter(Boolean) : []), ...(flags.get('subgraph') ?? [])]),
    ),
    watch: one('no-watch') !== 'true' && env.SUPERGRAPH_WATCH !== 'false',
    subgraphTimeoutMs: timeout,
    authorization: parseAuthorization(one('authorization') ?? env.AUTHORIZATION),
    adminPath: parsePath(one('admin-path') ?? env.ADMIN_PATH, 'ADMIN_PATH', '/admin/graphql'),
    replicaId: one('replica-id') ?? env.REPLICA_ID ?? `${hostname()}-${process.pid}`,
    databaseUrl: env.DATABASE_URL || null,
    internalTokenSecret: env.INTERNAL_TOKEN_SECRET || null,
    introspection: parseIntrospection(env.INTROSPECTION, env.NODE_ENV),
    denials: parseDenials(env.AUTHORIZATION_DENIALS),
    executor: parseExecutor(env.GATEWAY_EXECUTOR),
    trustedDocuments: Object.freeze(parseTrustedDocuments(env.TRUSTED_DOCUMENTS, env.TRUSTED_DOCUMENTS_MODE)),
    dedupe: parseDedupe(env.GATEWAY_DEDUPE, env.CACHE),
    subgraphDedupe: parseSubgraphDedupe(env.SUBGRAPH_DEDUPE),
    maxJsonDepth: parseLimit(env.LIMIT_MAX_JSON_DEPTH, 'LIMIT_MAX_JSON_DEPTH', DEFAULT_MAX_JSON_DEPTH),
    web: parseWeb(env),
    caches: Object.freeze({
      documentEntries: parseLimit(env.DOCUMENT_CACHE_MAX_ENTRIES, 'DOCUMENT_CACHE_MAX_ENTRIES', DEFAULT_CACHE_LIMITS.documentEntries, true),
      documentBytes: parseLimit(env.DOCUMENT_CACHE_MAX_BYTES, 'DOCUMENT_CACHE_MAX_BYTES', DEFAULT_CACHE_LIMITS.documentBytes, true),
      shapeEntries: parseLimit(env.SHAPE_CACHE_MAX_ENTRIES, 'SHAPE_CACHE_MAX_ENTRIES', DEFAULT_CACHE_LIMITS.shapeEntries, true),
      shapeBytes: parseLimit(env.SHAPE_CACHE_MAX_BYTES, 'SHAPE_CACHE_MAX_BYTES', DEFAULT_CACHE_LIMITS.shapeBytes, true),
      projectionEntries: parseLimit(
        env.PROJECTION_CACHE_MAX_ENTRIES,
        'PROJECTION_CACHE_MAX_ENTRIES',
        DEFAULT_CACHE_LIMITS.projectionEntries,
      ),
    }),
    observability: (() => {
      try {
        return readObservabilityConfig(env)
      } catch (err) {
        throw new ConfigError((err as Error).message)
      }
    })(),
    limits: Object.freeze({
      ratePerMinute: parseLimit(env.RATE_LIMIT_PER_MINUTE, 'RATE_LIMIT_PER_MINUTE', DEFAULT_LIMITS.ratePerMinute, true),
      anonymousRatePerMinute: parseLimit(
        env.RATE_LIMIT_ANONYMOUS_PER_MINUTE,
        'RATE_LIMIT_ANONYMOUS_PER_MINUTE',
        DEFAULT_LIMITS.anonymousRatePerMinute,
        true,
      ),
      maxTokens: parseLimit(env.LIMIT_MAX_TOKENS, 'LIMIT_MAX_TOKENS', DEFAULT_LIMITS.maxTokens),
      maxDepth: parseLimit(env.LIMIT_MAX_DEPTH, 'LIMIT_MAX_DEPTH', DEFAULT_LIMITS.maxDepth),
      maxAliases: parseLimit(env.LIMIT_MAX_ALIASES, 'LIMIT_MAX_ALIASES', DEFAULT_LIMITS.maxAliases),
      maxDirectives: parseLimit(env.LIMIT_MAX_DIRECTIVES, 'LIMIT_MAX_DIRECTIVES', DEFAULT_LIMITS.maxDirectives),
      maxRootFields: parseLimit(env.LIMIT_MAX_ROOT_FIELDS, 'LIMIT_MAX_ROOT_FIELDS', DEFAULT_LIMITS.maxRootFields),
      maxFields: parseLimit(env.LIMIT_MAX_FIELDS, 'LIMIT_MAX_FIELDS', DEFAULT_LIMITS.maxFields),
      maxFragments: parseLimit(env.LIMIT_MAX_FRAGMENTS, 'LIMIT_MAX_FRAGMENTS', DEFAULT_LIMITS.maxFragments),
      maxDuplicateFields: parseLimit(env.LIMIT_MAX_DUPLICATE_FIELDS, 'LIMIT_MAX_DUPLICATE_FIELDS', DEFAULT_LIMITS.maxDuplicateFields, true),
      maxCost: parseLimit(env.LIMIT_MAX_COST, 'LIMIT_MAX_COST', DEFAULT_LIMITS.maxCost),
      defaultListSize: parseLimit(env.LIMIT_DEFAULT_LIST_SIZE, 'LIMIT_DEFAULT_LIST_SIZE', DEFAULT_LIMITS.defaultListSize),
    }),
  })
}
