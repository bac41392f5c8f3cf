import type { Kysely, Migration } from 'kysely'
import type { SeedProfile } from '../../platform/city.js'
import type { SubgraphResolvers } from '../subgraph/build-subgraph-schema.js'
import type { InternalIdentity } from '../../auth/internal/internal-token.js'
import type { DatasetInvalidator, LoaderCache } from '../cache/create-service-cache.js'
import type { DisclosureDeclarations } from './disclosure-cells.js'
import type { RowRuleTargets } from './row-filter.js'

/**
 * The database of some department, whichever its tables: for what the kit does with any department's
 * database (raw SQL on `<schema>.dataset`, the write audit, migrations). Kysely's table map is invariant,
 * so no narrower type admits every department's `Kysely<…Database>`; a department itself always names its own.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the one place the kit says "any department's tables"
export type AnyDatabase = any

/**
 * What a resolver of a department subgraph receives as context: its database, per-request loaders,
 * the caller as the gateway vouched for it (roles, department, whether disclosure control applies),
 * and the department's cross-request cache, if one is configured.
 */
export interface ServiceContext<DB = AnyDatabase, L = unknown> {
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
 * The platform discovers departments by folder; nothing else needs to list them. `R` is the type of its
 * resolvers: the department's generated `Resolvers` (services/<name>/generated/resolvers.ts, written by
 * `npm run compose` from its schema.graphql).
 */
export interface ServiceDefinition<DB = AnyDatabase, L = unknown, R extends SubgraphResolvers = SubgraphResolvers> {
  /** Subgraph name in the supergraph, e.g. `population`. */
  name: string
  /** Postgres schema the department owns, e.g. `pop`. */
  dbSchema: string
  /** Port when run alone or by `npm start` (overridable by env). */
  defaultPort: number
  /** Federation v2 SDL (the department's `schema.graphql`). */
  typeDefs: string
  /** Resolvers per GraphQL type, checked against the SDL by the generated types (`satisfies Resolvers`). */
  resolvers: R
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
   * The types whose rows an administrator's row rules may limit (type name → target): the fields a
   * condition may name, their columns, the root field and how to count its rows (lib/service/row-filter.ts).
   * The admin API offers and accepts rules on these only.
   */
  rowRules?: RowRuleTargets
  /**
   * For a department whose schema depends on the others' (the catalog serves its warning gauge when
   * another department serves `HealthDay`): its definition given the other departments' definitions.
   * The kit calls it when it loads departments (lib/service/discover-services.ts); the folder's
   * `service` export alone stands for no other department, and importing it reads nothing else.
   */
  withDepartments?(others: readonly ServiceDefinition[]): ServiceDefinition<DB, L, R>
}

export function defineService<DB, L, R extends SubgraphResolvers = SubgraphResolvers>(
  def: ServiceDefinition<DB, L, R>,
): ServiceDefinition<DB, L, R> {
  return Object.freeze(def)
}
