import type { ServiceContext } from '../../lib/service/define-service.js'
import type { CellFlag } from '../../platform/stat.js'
import type { PopDatabase } from './db.js'
import type { PopLoaders, StockScope, StockSummary } from './loaders.js'

// What the population resolvers receive (generated/resolvers.ts is generated with these; `npm run compose`).

export type Context = ServiceContext<PopDatabase, PopLoaders>

/** A population stock at a Stichtag: its scope, the summary loaded for it and its flags. */
export interface Stock extends StockScope {
  stichtag: string
  summary: StockSummary
  flags: CellFlag[]
}
export type PopulationStockMapper = Stock
/** The movement cells of a year, with the last month-end they cover (provenance resolves it). */
export interface PopulationMovementSummaryMapper {
  stichtag: string
}
/** References to other departments' entities: their key fields only. */
export interface DistrictMapper {
  ags: string
  code: string
}
export interface YearMapper {
  year: number
}
export interface MunicipalityMapper {
  ags: string
}
export interface CountryMapper {
  code: string
}
