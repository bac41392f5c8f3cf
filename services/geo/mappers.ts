import type { ServiceContext } from '../../lib/service/define-service.js'
import type { CountryTable, DistrictTable, GeoDatabase, MunicipalityTable } from './db.js'
import type { GeoLoaders } from './loaders.js'

// What the geo resolvers receive (generated/resolvers.ts is generated with these; `npm run compose`).

export type Context = ServiceContext<GeoDatabase, GeoLoaders>

export type MunicipalityMapper = MunicipalityTable
export type DistrictMapper = DistrictTable
export type CountryMapper = CountryTable
