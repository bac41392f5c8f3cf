import type { Kysely, Migration } from 'kysely'
import type { SeedProfile } from '../../platform/city.js'
import type { SubgraphResolvers } from '../subgraph/build-subgraph-schema.js'
import type { InternalIdentity } from '../../auth/internal/internal-token.js'
import type { DatasetInvalidator, LoaderCache } from '../cache/create-service-cache.js'
import type { DisclosureDeclarations } from './disclosure-cells.js'

/**
 * What a resolver of a department subgraph receives as context: its database, per-request loaders,
 * the caller as the gateway vouched for it (roles, department, whether disclosure control applies),
 * and the department's cross-request cache, if one is configured.
 */
export interface ServiceContext<DB = any, L = any> {
  db: Kysely<DB>
  loaders: L
  principal: InternalIdentity
  /**
   * Write contract: after a write has COMMITTED, call `afterWrite(ctx, datasetIds)`
   * (lib/service/after-write.ts) — it calls `ctx.cache?.invalidate(datasetIds)` with the ids of
   * the `<schema>.dataset` rows whose data changed (e.g. `['asy.occupancy']`). Absent when caching is off.
   */
  cache?: DatasetInvalidator
}

/**
 * A department subgraph, as its folder `services/<name>/server.ts` exports it (`export const service`).
 * The platform discovers departments by folder; nothing else needs to list them.
 */
export interface ServiceDefinition<DB = any, L = any> {
  /** Subgraph name in the supergraph, e.g. `population`. */
  name: string
  /** Postgres schema the department owns, e.g. `pop`. */
  dbSchema: string
  /** Port when run alone or by `npm start` (overridable by env). */
  defaultPort: number
  /** Federation v2 SDL (the department's `schema.graphql`). */
  typeDefs: string
  resolvers: SubgraphResolvers
  migrations: Record<string, Migration>
  seed(db: Kysely<DB>, profile: SeedProfile): Promise<void>
  /**
   * Per-request loaders. `cache.loader(name, batch, policy)` makes a loader answer from the
   * department's cross-request cache first (see lib/cache/create-service-cache.ts for its contract).
   * A department that caches nothing may ignore it; absent means no cache.
   */
  createLoaders(db: Kysely<DB>, cache?: LoaderCache): L
  /**
   * The stated disclosure guarantee of every count field (`Type.field` → method), for aggregate-only
   * roles (lib/service/disclosure-cells.ts, docs/disclosure.md). Checked against the SDL at start:
   * a department with a count field and no guarantee for it does not start.
   */
  disclosure?: DisclosureDeclarations
  /**
   * For a department whose schema depends on the others' (the catalog serves its warning gauge when
   * another department serves `HealthDay`): its definition given the other departments' definitions.
   * The kit calls it when it loads departments (lib/service/discover-services.ts); the folder's
   * `service` export alone stands for no other department, and importing it reads nothing else.
   */
  withDepartments?(others: readonly ServiceDefinition[]): ServiceDefinition<DB, L>
}

export function defineService<DB, L>(def: ServiceDefinition<DB, L>): ServiceDefinition<DB, L> {
  return Object.freeze(def)
}
