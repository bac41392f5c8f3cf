import type { ServiceContext } from '../../lib/service/define-service.js'
import type { DcatOptions } from './dcat-jsonld.js'
import type { CatDatabase } from './db.js'
import type { CatalogLoaders, DatasetView, IndicatorView } from './loaders.js'
import type { DayValues, GaugeReading, GaugeResult, RuleSetDefinition } from './warn-gauge.js'

// What the catalog resolvers receive (generated/resolvers.ts is generated with these; `npm run compose`).

export type Context = ServiceContext<CatDatabase, CatalogLoaders & { dcat: DcatOptions }>

export type DatasetMapper = DatasetView
export type IndicatorMapper = IndicatorView
export type WarnRuleSetDeclarationMapper = RuleSetDefinition
export type WarnGaugeMapper = GaugeResult
export type GaugeReadingMapper = GaugeReading
/** The social department's HealthDay as its representation: the key and the fields the gauge @requires. */
export interface HealthDayMapper extends DayValues {
  ags: string
  recent?: DayValues[] | null
}
