import type { WriteReceipt } from '../../lib/data-entry/write-dataset.js'
import type { KeyedAmount, KeyedCount } from '../../lib/service/disclosure-cells.js'
import type { ServiceContext } from '../../lib/service/define-service.js'
import type { EghBenefitGroup, EghCaseTable, SocDatabase } from './db.js'
import type { HealthDayRow, SocialLoaders } from './loaders.js'

// What the social resolvers receive (generated/resolvers.ts is generated with these; `npm run compose`).

export type Context = ServiceContext<SocDatabase, SocialLoaders>

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
/** A case row as Query.eghCases selects it: never the record key. */
export type EghCaseMapper = Omit<EghCaseTable, 'rkey'>
/**
 * One row of a published table, with the exact figures and their keys; each field resolver decides per
 * request what the caller sees (the figures come from a loader cached across callers).
 */
export interface EghBenefitStatMapper {
  year: number
  benefitGroup: EghBenefitGroup
  district: DistrictMapper | null
  count: KeyedCount
  sum: KeyedAmount
}
export type HealthDayMapper = HealthDayRow
/** What lib/data-entry/enter-rows.ts answers a write with. */
export type SocialEntryReceiptMapper = WriteReceipt
