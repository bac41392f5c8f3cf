import type { WriteReceipt } from '../../lib/data-entry/write-dataset.js'
import type { ServiceContext } from '../../lib/service/define-service.js'
import type { AccommodationTable, AllocationTable, AsyDatabase, OccupancyTable } from './db.js'
import type { AllocationBucket, AsylumLoaders, CapacityStatus } from './loaders.js'

// What the asylum resolvers receive (generated/resolvers.ts is generated with these; `npm run compose`).

export type Context = ServiceContext<AsyDatabase, AsylumLoaders>

/** The columns Query.allocationRecords selects (never the record key). */
export type AllocationRecordMapper = Pick<
  AllocationTable,
  'id' | 'allocation_date' | 'route' | 'age_at_allocation' | 'sex' | 'country_of_origin' | 'religion' | 'first_accommodation_id'
>
export type AccommodationMapper = AccommodationTable
export type AccommodationOccupancyMapper = OccupancyTable
export type AsylumCapacityStatusMapper = CapacityStatus
export type AsylumAllocationBucketMapper = AllocationBucket
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
export interface CountryMapper {
  code: string
}
/** What lib/data-entry/enter-rows.ts answers a write with. */
export type AsylumEntryReceiptMapper = WriteReceipt
