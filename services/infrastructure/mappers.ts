import type { WriteReceipt } from '../../lib/data-entry/write-dataset.js'
import type { ServiceContext } from '../../lib/service/define-service.js'
import type { InfraDatabase, StreetLightTable } from './db.js'
import type { InfraLoaders, LightingFigures } from './loaders.js'

// What the infrastructure resolvers receive (generated/resolvers.ts is generated with these; `npm run compose`).

export type Context = ServiceContext<InfraDatabase, InfraLoaders>

export type StreetLightMapper = StreetLightTable
export type LightingSummaryMapper = LightingFigures
/** References to other departments' entities: their key fields only. */
export interface DistrictMapper {
  ags: string
  code: string
}
export interface YearMapper {
  year: number
}
export interface InvestmentMeasureMapper {
  id: string
}
/** What lib/data-entry/enter-rows.ts answers a write with. */
export type InfrastructureEntryReceiptMapper = WriteReceipt
