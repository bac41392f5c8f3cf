import type { Kysely, Migration } from 'kysely'
import type { SeedProfile } from '../city.js'
import type { SubgraphResolvers } from '../../schema/build-subgraph-schema.js'
import type { InternalIdentity } from '../../auth/internal/internal-token.js'

/**
 * What a resolver of a department subgraph receives as context: its database, per-request loaders,
 * and the caller as the gateway vouched for it (roles, department, whether disclosure control applies).
 */
export interface ServiceContext<DB = any, L = any> {
  db: Kysely<DB>
  loaders: L
  principal: InternalIdentity
  /** The service's cache, when it has one: data-entry writes tell it after commit which datasets changed. */
  cache?: { invalidate(datasetIds: string[]): Promise<void> }
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
  createLoaders(db: Kysely<DB>): L
}

export function defineService<DB, L>(def: ServiceDefinition<DB, L>): ServiceDefinition<DB, L> {
  return Object.freeze(def)
}
