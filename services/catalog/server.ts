import { readFileSync } from 'node:fs'
import { defineService, type ServiceDefinition } from '../../lib/service/define-service.js'
import type { CatDatabase } from './db.js'
import type { DcatOptions } from './dcat-jsonld.js'
import { createLoaders, type CatalogLoaders } from './loaders.js'
import { migrations } from './migrations/index.js'
import { resolvers } from './resolvers.js'
import { seed } from './seed.js'

const CORE_SDL = readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8')
const GAUGE_SDL = readFileSync(new URL('./warn-gauge.graphql', import.meta.url), 'utf8')
const GAUGE_TYPES = ['HealthDay', 'WarnGauge', 'GaugeReading']

/**
 * Whether another department serves `HealthDay`. The gauge @requires that department's fields, and a
 * supergraph cannot compose an `@external` field nobody defines; so the catalog serves the gauge
 * exactly when such a department is present.
 */
export function healthDayServed(others: ReadonlyArray<Pick<ServiceDefinition, 'name' | 'typeDefs'>>): boolean {
  return others.some(s => s.name !== 'catalog' && /\btype\s+HealthDay\b[^{]*@key\b/.test(s.typeDefs))
}

export interface CatalogServiceOptions {
  /** The clock freshness is judged by (read once per request); tests pass a fixed one. */
  now?: () => Date
  /**
   * Serve the warning gauge on HealthDay (default: no; the kit hands the catalog the other departments,
   * and it serves the gauge when one of them serves HealthDay, see `withDepartments`).
   */
  warnGauge?: boolean
  /** Identifiers and access URL of the DCAT-AP.de catalogue (default: CATALOG_BASE_URI, CATALOG_ACCESS_URL). */
  dcat?: DcatOptions
}

/** The DCAT identifiers and access URL from the environment; the defaults suit `npm start`. */
export function dcatOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): DcatOptions {
  return Object.freeze({
    baseUri: env.CATALOG_BASE_URI ?? 'https://daten.kaiserslautern.example/',
    accessUrl: env.CATALOG_ACCESS_URL ?? 'http://127.0.0.1:4000/graphql',
  })
}

type CatalogService = ServiceDefinition<CatDatabase, CatalogLoaders & { dcat: DcatOptions }>

export function createCatalogService(opts: CatalogServiceOptions = {}): CatalogService {
  const gauge = opts.warnGauge ?? false
  const now = opts.now ?? (() => new Date())
  const dcat = opts.dcat ?? dcatOptionsFromEnv()
  return defineService<CatDatabase, CatalogLoaders & { dcat: DcatOptions }>({
    name: 'catalog',
    dbSchema: 'cat',
    defaultPort: 4008,
    typeDefs: gauge ? `${CORE_SDL.trimEnd()}\n\n${GAUGE_SDL}` : CORE_SDL,
    resolvers: gauge ? resolvers : Object.fromEntries(Object.entries(resolvers).filter(([type]) => !GAUGE_TYPES.includes(type))),
    migrations,
    seed,
    createLoaders: db => ({ ...createLoaders(db, now), dcat }),
    withDepartments: others => createCatalogService({ ...opts, warnGauge: opts.warnGauge ?? healthDayServed(others) }),
  })
}

/** As the folder exports it: no other department known (the kit's loadService hands it the others). */
export const service = createCatalogService()
