import { createDb } from '../../platform/db/create-db.js'
import { prepareDatabase } from './prepare-database.js'
import { SEED_PROFILES, type SeedProfile } from '../../platform/city.js'
import { createSubgraphServer } from './create-subgraph-server.js'
import { stopOnSignal } from './stop-on-signal.js'
import { readInternalTokenSecret } from '../../auth/internal/internal-token.js'
import type { InternalIdentityVerifier } from '../../auth/internal/internal-identity.js'
import type { ServiceDefinition } from './define-service.js'
import { readCacheConfig } from '../cache/cache-config.js'
import { readPreparedStatements } from '../../platform/db/prepared-statements.js'
import { readDbTimeouts } from '../../platform/db/db-timeouts.js'
import { createLogger } from '../../platform/logger/create-logger.js'
import { readObservabilityConfig } from '../observability/observability-config.js'
import { startTracing } from '../observability/start-tracing.js'
import { readDataEntryLimits } from '../data-entry/data-entry-routes.js'

export interface RunServiceOptions {
  /**
   * How the department verifies the gateway's internal identity token (auth/internal/internal-identity.ts).
   * Default: the HS256 token verifier keyed with INTERNAL_TOKEN_SECRET, which is then required.
   */
  internalIdentity?: InternalIdentityVerifier
}

/**
 * Entry for running one department alone (its own process or container), configured by env only:
 * DATABASE_URL (required), PORT (default: the service's port), HOST (default 127.0.0.1),
 * MIGRATE_ON_START=true and SEED_PROFILE to migrate/seed its own schema first, and
 * INTERNAL_TOKEN_SECRET (shared with the gateway, which signs every request it sends), DB_POOL_MAX
 * (connections, default 10), DB_PREPARED_STATEMENTS=off to send no named prepared statements (behind
 * PgBouncer in transaction mode), DB_STATEMENT_TIMEOUT_MS and DB_CONNECT_TIMEOUT_MS (platform/db/db-timeouts.ts,
 * default 5000 each), the cache settings of lib/cache/cache-config.ts (CACHE,
 * REDIS_URL, CACHE_TTL_SECONDS, CACHE_TTLS …), and the bounds of a data-entry upload
 * (DATA_ENTRY_MAX_BYTES, default 64 MiB; DATA_ENTRY_TIMEOUT_MS, default 5 minutes).
 */
export async function runService(def: ServiceDefinition, opts: RunServiceOptions = {}): Promise<void> {
  // A wrong LOG_LEVEL cannot be logged with the level it names: the logger starts at info then.
  let log = createLogger({ name: def.name, level: 'info' })
  const url = process.env.DATABASE_URL
  if (!url) {
    log.error('DATABASE_URL is not set')
    process.exit(2)
  }
  const port = Number(process.env.PORT ?? def.defaultPort)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    log.error(`PORT must be a port number, got ${process.env.PORT}`)
    process.exit(2)
  }
  // A setting that is missing or wrong stops the department at start, naming it.
  const setting = <T>(read: () => T): T => {
    try {
      return read()
    } catch (err) {
      log.error((err as Error).message)
      process.exit(2)
    }
  }
  const identity = opts.internalIdentity
    ? { internalIdentity: opts.internalIdentity }
    : { internalTokenSecret: setting(() => readInternalTokenSecret(process.env)) }
  const cache = setting(() => readCacheConfig(process.env))
  const preparedStatements = setting(() => readPreparedStatements(process.env))
  const timeouts = setting(() => readDbTimeouts(process.env))
  const observability = setting(() => readObservabilityConfig(process.env))
  const dataEntry = setting(() => readDataEntryLimits(process.env))
  log = createLogger({ name: def.name, level: observability.logLevel })
  // Before the first request: spans need the provider registered (the SDK loads only with an endpoint).
  const tracing = await startTracing({ serviceName: `stadtgraph-${def.name}`, endpoint: observability.otlpEndpoint })
  // In a container the department migrates (and on first start seeds) its own schema with its own role,
  // on a pool of its own: a seed or migration may run longer than a served query may.
  const seedProfile = process.env.SEED_PROFILE as SeedProfile | undefined
  if (process.env.MIGRATE_ON_START === 'true') {
    if (seedProfile && !SEED_PROFILES.includes(seedProfile)) {
      log.error(`SEED_PROFILE must be one of ${SEED_PROFILES.join(', ')}`)
      process.exit(2)
    }
    const setup = createDb(url, { applicationName: `stadtgraph-${def.name}-migrate`, max: 4, preparedStatements })
    try {
      const [r] = await prepareDatabase(setup.db, [def], seedProfile ?? null)
      log.info(`migrations: ${r.migrated.join(', ') || 'none pending'}${r.seeded ? `, seeded ${seedProfile}` : ''}`)
    } catch (err) {
      log.error(`cannot prepare its schema: ${err instanceof Error ? err.message : String(err)}`)
      await setup.close()
      process.exit(1)
    }
    await setup.close()
  }
  const handle = createDb(url, {
    applicationName: `stadtgraph-${def.name}`,
    max: Number(process.env.DB_POOL_MAX ?? 10),
    preparedStatements,
    ...timeouts,
  })
  let server
  try {
    server = await createSubgraphServer(def, handle, {
      port,
      host: process.env.HOST ?? '127.0.0.1',
      ...identity,
      cache,
      databaseUrl: url,
      observability,
      logger: log,
      dataEntry,
    })
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    log.error(`cannot listen on port ${port}: ${code === 'EADDRINUSE' ? 'port in use (set PORT)' : (err as Error).message}`)
    await handle.close()
    process.exit(1)
  }
  log.info(`subgraph ready at ${server.url} (cache: ${cache.mode}${tracing ? ', tracing' : ''})`)
  // SIGTERM: requests in flight finish (≤ 10 s), then the listener, LISTEN connection, cache and pool close,
  // and the spans still buffered are sent.
  stopOnSignal(
    async () => {
      await server.close()
      await handle.close()
      await tracing?.shutdown()
    },
    { label: `[${def.name}]` },
  )
}
