import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { defineService } from '../../lib/service/define-service.js'
import { SERVICES_DIR, serviceFolders } from '../../lib/service/discover-services.js'
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
export function healthDayServed(dir = SERVICES_DIR): boolean {
  return serviceFolders(dir).some(folder => {
    const file = join(dir, folder, 'schema.graphql')
    return folder !== 'catalog' && existsSync(file) && /\btype\s+HealthDay\b[^{]*@key\b/.test(readFileSync(file, 'utf8'))
  })
}

export interface CatalogServiceOptions {
  /** The clock freshness is judged by (read once per request); tests pass a fixed one. */
  now?: () => Date
  /** Serve the warning gauge on HealthDay (default: when a department serves HealthDay). */
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

export function createCatalogService(opts: CatalogServiceOptions = {}) {
  const gauge = opts.warnGauge ?? healthDayServed()
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
  })
}

export const service = createCatalogService()
