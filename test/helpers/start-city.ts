import { createGateway, type Gateway } from '../../gateway/gateway.js'
import type { GatewayConfig } from '../../gateway/config.js'
import { createGatewayDeps } from '../../gateway/create-gateway-deps.js'
import { DEFAULT_LIMITS } from '../../gateway/limits/operation-limits.js'
import { readIdentityConfig, type IdentityConfig } from '../../auth/identity/identity-config.js'
import { signDevToken } from '../../auth/identity/dev-token.js'
import { composeSupergraph } from '../../schema/compose.js'
import type { CacheConfig } from '../../lib/cache/cache-config.js'
import { graphql, startSubgraphs, TEST_INTERNAL_SECRET, type RunningSubgraphs } from './start-subgraphs.js'

/** The identity provider of the tests: HS256 with a fixed development secret. */
export const TEST_IDENTITY_CONFIG: IdentityConfig = readIdentityConfig({
  AUTH_ISSUER: 'https://idp.test/realms/kl',
  AUTH_AUDIENCE: 'stadtgraph',
  AUTH_HS256_SECRET: 'stadtgraph-test-idp-secret-0123456789abcdef',
})

export interface TokenOptions {
  department?: string
  sub?: string
  purpose?: string
  ttlSeconds?: number
}

/** A signed token for `roles`, as the city's identity provider would issue it. */
export function token(roles: string | string[], opts: TokenOptions = {}): string {
  return signDevToken(TEST_IDENTITY_CONFIG, { roles: Array.isArray(roles) ? roles : [roles], sub: opts.sub ?? `test-${roles}`, ...opts })
}

export const bearer = (roles: string | string[], opts: TokenOptions = {}) => ({ authorization: `Bearer ${token(roles, opts)}` })

export interface RunningCity {
  gateway: Gateway
  subgraphs: RunningSubgraphs
  supergraphSdl: string
  /** As an anonymous caller (role public) unless headers say otherwise. */
  query(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): ReturnType<typeof graphql>
  /** As a caller holding `roles`. */
  queryAs(roles: string | string[], query: string, variables?: Record<string, unknown>, opts?: TokenOptions): ReturnType<typeof graphql>
  stop(): Promise<void>
}

export function testGatewayConfig(overrides: Partial<GatewayConfig> = {}): GatewayConfig {
  return {
    port: 0,
    host: '127.0.0.1',
    graphqlPath: '/graphql',
    healthPath: '/healthz',
    readyPath: '/readyz',
    supergraphPath: null,
    supergraphSdl: null,
    subgraphUrls: {},
    watch: false,
    subgraphTimeoutMs: 5_000,
    authorization: 'enforce',
    adminPath: '/admin/graphql',
    replicaId: 'test',
    databaseUrl: null,
    internalTokenSecret: TEST_INTERNAL_SECRET,
    limits: DEFAULT_LIMITS,
    introspection: 'all',
    trustedDocuments: { path: null, mode: 'off' },
    denials: 'partial',
    ...overrides,
  }
}

export interface StartCityOptions {
  only?: readonly string[]
  /** Database of the policy store; defaults to the city database. */
  policyDatabaseUrl?: string | null
  replicaId?: string
  /** Cross-request cache of the departments (off by default, so tests see every write at once). */
  cache?: CacheConfig
  /** Gateway overrides (e.g. `dedupe: false`). */
  gateway?: Partial<GatewayConfig>
  /** Departments from another folder than `services/` (e.g. a copy with a new department). */
  servicesDir?: string
  /** What the gateway verifies tokens with (default TEST_IDENTITY_CONFIG; e.g. a real OpenID provider's JWKS). */
  identity?: IdentityConfig
}

/** All departments in-process on ephemeral ports, composed at their real URLs, behind a gateway. */
export async function startCity(databaseUrl: string, opts: StartCityOptions = {}): Promise<RunningCity> {
  const subgraphs = await startSubgraphs(databaseUrl, opts.only, { cache: opts.cache, servicesDir: opts.servicesDir })
  const supergraphSdl = composeSupergraph(subgraphs.list.map(s => ({ name: s.def.name, url: s.server.url, typeDefs: s.def.typeDefs })))
  const config = testGatewayConfig({
    supergraphSdl,
    databaseUrl: opts.policyDatabaseUrl === undefined ? databaseUrl : opts.policyDatabaseUrl,
    replicaId: opts.replicaId ?? 'test',
    ...opts.gateway,
  })
  const deps = await createGatewayDeps(config, opts.identity ?? TEST_IDENTITY_CONFIG)
  const gateway = await createGateway(config, deps)
  return {
    gateway,
    subgraphs,
    supergraphSdl,
    query: (q, v, h) => graphql(gateway.url, q, v, h),
    queryAs: (roles, q, v, o) => graphql(gateway.url, q, v, bearer(roles, o)),
    stop: async () => {
      await gateway.close()
      await deps.close()
      await subgraphs.stop()
    },
  }
}
