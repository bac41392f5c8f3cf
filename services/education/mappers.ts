import type { WriteReceipt } from '../../lib/data-entry/write-dataset.js'
import type { ServiceContext } from '../../lib/service/define-service.js'
import type { EducationDatabase, KitaStatTable, KitaTable, SchoolTable } from './db.js'
import type { EducationLoaders, KitaSupplyRow, PupilGrade, PupilStats, TransitionCount } from './loaders.js'

// What the education resolvers receive (generated/resolvers.ts is generated with these; `npm run compose`).

export type Context = ServiceContext<EducationDatabase, EducationLoaders>

export type SchoolMapper = SchoolTable
export type SchoolPupilStatsMapper = PupilStats
export type SchoolGradeCountMapper = PupilGrade
export type KitaMapper = KitaTable
export type KitaStatsMapper = KitaStatTable
export type KitaSupplyMapper = KitaSupplyRow
export type SchoolTransitionCountMapper = TransitionCount
/** References to other departments' entities: their key fields only. */
export interface DistrictMapper {
  ags: string
  code: string
}
export interface YearMapper {
  year: number
}
export interface ProductMapper {
  code: string
}
/** What lib/data-entry/enter-rows.ts answers a write with. */
export type EducationEntryReceiptMapper = WriteReceipt
