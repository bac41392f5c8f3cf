/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] }
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never }
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core'
export type CellFlag = 'ESTIMATED' | 'LIMITED_RELIABILITY' | 'PROVISIONAL' | 'REVISED'

/** How a statistical cell may be read. */
export type CellStatus = 'EXACT' | 'NOT_AVAILABLE' | 'NOT_MEANINGFUL' | 'PERTURBED' | 'ROUNDED' | 'SECRET' | 'ZERO'

export type DistrictKind = 'KERNSTADT' | 'ORTSBEZIRK'

/** How current a dataset is against its refresh cadence. */
export type Freshness =
  /** Past its cadence, within the grace period: the next update is due. */
  | 'DUE'
  /** Updated within its cadence. */
  | 'FRESH'
  /** Past its cadence and the grace period. */
  | 'STALE'
  /** The cadence is not one the catalog knows, so freshness cannot be judged. */
  | 'UNKNOWN'

/** Abschlussart (RLP): ohne Berufsreife, Berufsreife, qualifizierter Sekundarabschluss I, Fachhochschulreife (schulischer Teil), allgemeine Hochschulreife. */
export type SchoolQualification = 'AHR' | 'BERUFSREIFE' | 'FHR_SCHUL' | 'OHNE_BR' | 'QUAL_SEK1'

/** Schulart (RLP): Grundschule, Realschule plus, Integrierte Gesamtschule, Gymnasium, Förderschule, berufsbildende Schule. */
export type SchoolType = 'BBS' | 'FOES' | 'GS' | 'GYM' | 'IGS' | 'RSPLUS'

/** Rule sets of the warning gauge; AUTO picks the one in force on the day. */
export type WarnRuleSet = 'AUTO' | 'RLP_AKTIONSPLAN_2020' | 'RLP_WARNSTUFEN_2021'

export type TypeFieldsQueryVariables = Exact<{
  name: string
}>

export type TypeFieldsQuery = { __type: { name: string | null; fields: Array<{ name: string }> | null } | null }

export type DistrictsFiguresQueryVariables = Exact<{
  ags: string | number
  year: number
  cohortYear: number
  investFrom: number
  day: string
}>

export type DistrictsFiguresQuery = {
  districts: Array<{
    code: string
    name: string
    kind: DistrictKind
    hasOrtsbeirat: boolean
    areaKm2: number | null
    postalCodes: Array<string>
    centroid: { lat: number; lon: number } | null
    provenance: { ownerDepartment: string; stichtag: string; asOf: string }
    population: {
      stichtag: string
      total: { value: number | null; status: CellStatus; flags: Array<CellFlag> }
      foreignerShare: { value: number | null; status: CellStatus; flags: Array<CellFlag> }
      meanAge: { value: number | null; status: CellStatus; flags: Array<CellFlag> }
      provenance: { ownerDepartment: string; stichtag: string; asOf: string }
    } | null
    movements: {
      births: { value: number | null; status: CellStatus; flags: Array<CellFlag> }
      deaths: { value: number | null; status: CellStatus; flags: Array<CellFlag> }
      netMigration: { value: number | null; status: CellStatus; flags: Array<CellFlag> }
      provenance: { ownerDepartment: string; stichtag: string; asOf: string }
    } | null
    kitaPlaces: {
      year: number
      kitas: number
      placesTotal: number
      placesU3: number
      provenance: { ownerDepartment: string; stichtag: string; asOf: string }
    } | null
    under3: { value: number | null; status: CellStatus; flags: Array<CellFlag> } | null
    age3to5: { value: number | null; status: CellStatus; flags: Array<CellFlag> } | null
    schools: Array<{ id: string; type: SchoolType }> | null
    eingliederungshilfeRecipients: { value: number | null; status: CellStatus; flags: Array<CellFlag> } | null
    streetLighting: {
      stichtag: string
      lights: number
      ledLights: number
      ledShare: number
      energyKwh: number
      provenance: { ownerDepartment: string; stichtag: string; asOf: string }
    } | null
    investmentPerCapita: { amount: number | null; status: CellStatus } | null
    investments: Array<{ id: string }> | null
    accommodations: Array<{ id: string; capacity: number }> | null
  }>
  socialDataset: { ownerDepartment: string; stichtag: string; asOf: string } | null
  investmentDataset: { ownerDepartment: string; stichtag: string; asOf: string } | null
  accommodationDataset: { ownerDepartment: string; stichtag: string; asOf: string } | null
}

export type DistrictsAsylumQueryVariables = Exact<{
  ags: string | number
  day: string
}>

export type DistrictsAsylumQuery = {
  districts: Array<{
    code: string
    asylumCapacity: {
      day: string
      capacity: number
      occupied: number
      free: number
      provenance: { ownerDepartment: string; stichtag: string; asOf: string }
    } | null
  }>
}

export type EducationDatasetsQueryVariables = Exact<{ [key: string]: never }>

export type EducationDatasetsQuery = {
  kita: { id: string; ownerDepartment: string; stichtag: string; asOf: string } | null
  transitions: { id: string; ownerDepartment: string; stichtag: string; asOf: string } | null
  graduates: { id: string; ownerDepartment: string; stichtag: string; asOf: string } | null
  pupils: { id: string; ownerDepartment: string; stichtag: string; asOf: string } | null
  population: { id: string; ownerDepartment: string; stichtag: string; asOf: string } | null
}

export type EducationDatasetFragment = { id: string; ownerDepartment: string; stichtag: string; asOf: string }

export type EducationFiguresQueryVariables = Exact<{
  ags: string | number
  year: number
  cohortYear: number
  from: number
  to: number
}>

export type EducationFiguresQuery = {
  districts: Array<{
    code: string
    name: string
    kitaPlaces: {
      year: number
      kitas: number
      placesTotal: number
      placesU3: number
      provenance: { ownerDepartment: string; stichtag: string; asOf: string }
    } | null
    under3: { value: number | null; status: CellStatus; flags: Array<CellFlag> } | null
    age3to5: { value: number | null; status: CellStatus; flags: Array<CellFlag> } | null
  }>
  year: {
    year: number
    transitions: Array<{
      residence: string
      toSchoolType: SchoolType
      applications: { value: number | null; status: CellStatus; flags: Array<CellFlag> }
      admissions: { value: number | null; status: CellStatus; flags: Array<CellFlag> }
    }> | null
  } | null
  years: Array<{
    year: number
    firstGraders: { value: number | null; status: CellStatus; flags: Array<CellFlag> } | null
    graduates: Array<{
      qualification: SchoolQualification
      count: { value: number | null; status: CellStatus; flags: Array<CellFlag> }
    }> | null
  }>
}

export type OverviewFiguresQueryVariables = Exact<{
  from: number
  to: number
  prev: number
  prev2: number
  ags: string | number
}>

export type OverviewFiguresQuery = {
  years: Array<{
    year: number
    residents: number | null
    population: { value: number | null; status: CellStatus; flags: Array<CellFlag> } | null
    asylumCapacity: {
      day: string
      capacity: number
      occupied: number
      free: number
      aboveCapacity: number
      arrivalsPerMonth: number
      occupancyRate: { value: number | null; status: CellStatus }
      provenance: { ownerDepartment: string; stichtag: string; asOf: string }
    } | null
    ansatz: {
      ordinaryResult: { amount: number | null; status: CellStatus }
      ordinaryExpense: { amount: number | null; status: CellStatus }
    } | null
    ist: {
      ordinaryResult: { amount: number | null; status: CellStatus }
      ordinaryExpense: { amount: number | null; status: CellStatus }
      provenance: { ownerDepartment: string; stichtag: string; asOf: string }
    } | null
    streetLighting: {
      stichtag: string
      lights: number
      ledLights: number
      ledShare: number
      provenance: { ownerDepartment: string; stichtag: string; asOf: string }
    } | null
    eingliederungshilfe: Array<{
      recipients: { value: number | null; status: CellStatus; flags: Array<CellFlag> }
      provenance: { ownerDepartment: string; stichtag: string; asOf: string }
    }> | null
  }>
  thisYear: {
    year: number
    allocations: Array<{ period: string; count: { value: number | null; status: CellStatus; flags: Array<CellFlag> } }> | null
  } | null
  lastYear: {
    year: number
    allocations: Array<{ period: string; count: { value: number | null; status: CellStatus; flags: Array<CellFlag> } }> | null
  } | null
  districts: Array<{
    code: string
    kitaNow: {
      year: number
      placesTotal: number
      placesU3: number
      provenance: { ownerDepartment: string; stichtag: string; asOf: string }
    } | null
    kitaBefore: { year: number; placesTotal: number; placesU3: number } | null
    under3Now: { value: number | null; status: CellStatus; flags: Array<CellFlag> } | null
    age3to5Now: { value: number | null; status: CellStatus; flags: Array<CellFlag> } | null
    under3Before: { value: number | null; status: CellStatus; flags: Array<CellFlag> } | null
    age3to5Before: { value: number | null; status: CellStatus; flags: Array<CellFlag> } | null
  }>
  populationDataset: {
    id: string
    title: string
    department: string
    ownerDepartment: string
    stichtag: string
    asOf: string
    refreshCadence: string
    freshness: Freshness
    stale: boolean
    nextUpdateDue: string | null
  } | null
  healthDataset: {
    id: string
    title: string
    department: string
    ownerDepartment: string
    stichtag: string
    asOf: string
    refreshCadence: string
    freshness: Freshness
    stale: boolean
    nextUpdateDue: string | null
  } | null
  datasets: Array<{
    id: string
    title: string
    department: string
    ownerDepartment: string
    stichtag: string
    asOf: string
    refreshCadence: string
    freshness: Freshness
    stale: boolean
    nextUpdateDue: string | null
  }>
}

export type OverviewSourceFragment = { ownerDepartment: string; stichtag: string; asOf: string }

export type OverviewDatasetFragment = {
  id: string
  title: string
  department: string
  ownerDepartment: string
  stichtag: string
  asOf: string
  refreshCadence: string
  freshness: Freshness
  stale: boolean
  nextUpdateDue: string | null
}

export type OverviewWarnGaugeQueryVariables = Exact<{
  ags: string | number
  day: string
}>

export type OverviewWarnGaugeQuery = {
  municipality: {
    healthDay: {
      day: string
      warnGauge: {
        day: string
        value: number | null
        level: number
        label: string
        color: string
        trend7d: number | null
        daysAboveThreshold: number
        bands: Array<{ level: number; from: number | null; to: number | null; label: string; color: string }>
        readings: Array<{ value: number | null; level: number | null; indicator: { id: string; title: string } }>
        provenance: { ownerDepartment: string; stichtag: string; asOf: string }
      } | null
    } | null
  } | null
}

export type OverviewAsylumSufficiencyQueryVariables = Exact<{
  day: string
}>

export type OverviewAsylumSufficiencyQuery = {
  asylumCapacity: { day: string; sufficient: boolean; monthsOfHeadroom: number | null } | null
}

export type WarningMetaQueryVariables = Exact<{ [key: string]: never }>

export type WarningMetaQuery = {
  healthDataset: { id: string; title: string; ownerDepartment: string; stichtag: string; asOf: string; temporalStart: string | null } | null
  indicatorDataset: { id: string; ownerDepartment: string; stichtag: string; asOf: string } | null
  warnRuleSets: Array<{
    id: WarnRuleSet
    title: string
    validFrom: string
    validTo: string | null
    quorum: number
    confirmDays: number
    confirmFromLevel: number
    countedWeekdays: Array<number>
    effectiveAfterDays: number
    indicators: Array<{
      primary: boolean
      indicator: { id: string; title: string; unit: string; description: string }
      bands: Array<{ level: number; from: number | null; to: number | null; fromInclusive: boolean; label: string; color: string }>
    }>
  }>
}

export type WarningDayQueryVariables = Exact<{
  ags: string | number
  day: string
}>

export type WarningDayQuery = {
  municipality: {
    ags: string
    name: string
    healthDay: {
      day: string
      incidence7: number | null
      hospitalization7: number | null
      icuShare: number | null
      provenance: { ownerDepartment: string; stichtag: string; asOf: string }
      warnGauge: {
        day: string
        value: number | null
        level: number
        readingLevel: number | null
        label: string
        color: string
        trend7d: number | null
        daysAboveThreshold: number
        ruleSet: WarnRuleSet
        bands: Array<{ level: number; from: number | null; to: number | null; fromInclusive: boolean; label: string; color: string }>
        readings: Array<{ value: number | null; level: number | null; indicator: { id: string; title: string; unit: string } }>
        provenance: { ownerDepartment: string; stichtag: string; asOf: string }
      } | null
    } | null
  } | null
}

export type WarningHistoryQueryVariables = Exact<{
  ags: string | number
  d0: string
  d1: string
  d2: string
  d3: string
  d4: string
  d5: string
  d6: string
  d7: string
  d8: string
  d9: string
  d10: string
  d11: string
  d12: string
  d13: string
  d14: string
  d15: string
  d16: string
  d17: string
  d18: string
  d19: string
  d20: string
  d21: string
  d22: string
  d23: string
  d24: string
  d25: string
  d26: string
  d27: string
}>

export type WarningHistoryQuery = {
  municipality: {
    ags: string
    d0: {
      day: string
      incidence7: number | null
      hospitalization7: number | null
      icuShare: number | null
      warnGauge: { day: string; level: number; readingLevel: number | null; label: string; color: string; value: number | null } | null
    } | null
    d1: {
      day: string
      incidence7: number | null
      hospitalization7: number | null
      icuShare: number | null
      warnGauge: { day: string; level: number; readingLevel: number | null; label: string; color: string; value: number | null } | null
    } | null
    d2: {
      day: string
      incidence7: number | null
      hospitalization7: number | null
      icuShare: number | null
      warnGauge: { day: string; level: number; readingLevel: number | null; label: string; color: string; value: number | null } | null
    } | null
    d3: {
      day: string
      incidence7: number | null
      hospitalization7: number | null
      icuShare: number | null
      warnGauge: { day: string; level: number; readingLevel: number | null; label: string; color: string; value: number | null } | null
    } | null
    d4: {
      day: string
      incidence7: number | null
      hospitalization7: number | null
      icuShare: number | null
      warnGauge: { day: string; level: number; readingLevel: number | null; label: string; color: string; value: number | null } | null
    } | null
    d5: {
      day: string
      incidence7: number | null
      hospitalization7: number | null
      icuShare: number | null
      warnGauge: { day: string; level: number; readingLevel: number | null; label: string; color: string; value: number | null } | null
    } | null
    d6: {
      day: string
      incidence7: number | null
      hospitalization7: number | null
      icuShare: number | null
      warnGauge: { day: string; level: number; readingLevel: number | null; label: string; color: string; value: number | null } | null
    } | null
    d7: {
      day: string
      incidence7: number | null
      hospitalization7: number | null
      icuShare: number | null
      warnGauge: { day: string; level: number; readingLevel: number | null; label: string; color: string; value: number | null } | null
    } | null
    d8: {
      day: string
      incidence7: number | null
      hospitalization7: number | null
      icuShare: number | null
      warnGauge: { day: string; level: number; readingLevel: number | null; label: string; color: string; value: number | null } | null
    } | null
    d9: {
      day: string
      incidence7: number | null
      hospitalization7: number | null
      icuShare: number | null
      warnGauge: { day: string; level: number; readingLevel: number | null; label: string; color: string; value: number | null } | null
    } | null
    d10: {
      day: string
      incidence7: number | null
      hospitalization7: number | null
      icuShare: number | null
      warnGauge: { day: string; level: number; readingLevel: number | null; label: string; color: string; value: number | null } | null
    } | null
    d11: {
      day: string
      incidence7: number | null
      hospitalization7: number | null
      icuShare: number | null
      warnGauge: { day: string; level: number; readingLevel: number | null; label: string; color: string; value: number | null } | null
    } | null
    d12: {
      day: string
      incidence7: number | null
      hospitalization7: number | null
      icuShare: number | null
      warnGauge: { day: string; level: number; readingLevel: number | null; label: string; color: string; value: number | null } | null
    } | null
    d13: {
      day: string
      incidence7: number | null
      hospitalization7: number | null
      icuShare: number | null
      warnGauge: { day: string; level: number; readingLevel: number | null; label: string; color: string; value: number | null } | null
    } | null
    d14: {
      day: string
      incidence7: number | null
      hospitalization7: number | null
      icuShare: number | null
      warnGauge: { day: string; level: number; readingLevel: number | null; label: string; color: string; value: number | null } | null
    } | null
    d15: {
      day: string
      incidence7: number | null
      hospitalization7: number | null
      icuShare: number | null
      warnGauge: { day: string; level: number; readingLevel: number | null; label: string; color: string; value: number | null } | null
    } | null
    d16: {
      day: string
      incidence7: number | null
      hospitalization7: number | null
      icuShare: number | null
      warnGauge: { day: string; level: number; readingLevel: number | null; label: string; color: string; value: number | null } | null
    } | null
    d17: {
      day: string
      incidence7: number | null
      hospitalization7: number | null
      icuShare: number | null
      warnGauge: { day: string; level: number; readingLevel: number | null; label: string; color: string; value: number | null } | null
    } | null
    d18: {
      day: string
      incidence7: number | null
      hospitalization7: number | null
      icuShare: number | null
      warnGauge: { day: string; level: number; readingLevel: number | null; label: string; color: string; value: number | null } | null
    } | null
    d19: {
      day: string
      incidence7: number | null
      hospitalization7: number | null
      icuShare: number | null
      warnGauge: { day: string; level: number; readingLevel: number | null; label: string; color: string; value: number | null } | null
    } | null
    d20: {
      day: string
      incidence7: number | null
      hospitalization7: number | null
      icuShare: number | null
      warnGauge: { day: string; level: number; readingLevel: number | null; label: string; color: string; value: number | null } | null
    } | null
    d21: {
      day: string
      incidence7: number | null
      hospitalization7: number | null
      icuShare: number | null
      warnGauge: { day: string; level: number; readingLevel: number | null; label: string; color: string; value: number | null } | null
    } | null
    d22: {
      day: string
      incidence7: number | null
      hospitalization7: number | null
      icuShare: number | null
      warnGauge: { day: string; level: number; readingLevel: number | null; label: string; color: string; value: number | null } | null
    } | null
    d23: {
      day: string
      incidence7: number | null
      hospitalization7: number | null
      icuShare: number | null
      warnGauge: { day: string; level: number; readingLevel: number | null; label: string; color: string; value: number | null } | null
    } | null
    d24: {
      day: string
      incidence7: number | null
      hospitalization7: number | null
      icuShare: number | null
      warnGauge: { day: string; level: number; readingLevel: number | null; label: string; color: string; value: number | null } | null
    } | null
    d25: {
      day: string
      incidence7: number | null
      hospitalization7: number | null
      icuShare: number | null
      warnGauge: { day: string; level: number; readingLevel: number | null; label: string; color: string; value: number | null } | null
    } | null
    d26: {
      day: string
      incidence7: number | null
      hospitalization7: number | null
      icuShare: number | null
      warnGauge: { day: string; level: number; readingLevel: number | null; label: string; color: string; value: number | null } | null
    } | null
    d27: {
      day: string
      incidence7: number | null
      hospitalization7: number | null
      icuShare: number | null
      warnGauge: { day: string; level: number; readingLevel: number | null; label: string; color: string; value: number | null } | null
    } | null
  } | null
}

export type WarnHistoryDayFragment = {
  day: string
  incidence7: number | null
  hospitalization7: number | null
  icuShare: number | null
  warnGauge: { day: string; level: number; readingLevel: number | null; label: string; color: string; value: number | null } | null
}

export const EducationDatasetFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'EducationDataset' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Dataset' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'ownerDepartment' } },
          { kind: 'Field', name: { kind: 'Name', value: 'stichtag' } },
          { kind: 'Field', name: { kind: 'Name', value: 'asOf' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<EducationDatasetFragment, unknown>
export const OverviewSourceFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'OverviewSource' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Provenance' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'ownerDepartment' } },
          { kind: 'Field', name: { kind: 'Name', value: 'stichtag' } },
          { kind: 'Field', name: { kind: 'Name', value: 'asOf' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<OverviewSourceFragment, unknown>
export const OverviewDatasetFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'OverviewDataset' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Dataset' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'title' } },
          { kind: 'Field', name: { kind: 'Name', value: 'department' } },
          { kind: 'Field', name: { kind: 'Name', value: 'ownerDepartment' } },
          { kind: 'Field', name: { kind: 'Name', value: 'stichtag' } },
          { kind: 'Field', name: { kind: 'Name', value: 'asOf' } },
          { kind: 'Field', name: { kind: 'Name', value: 'refreshCadence' } },
          { kind: 'Field', name: { kind: 'Name', value: 'freshness' } },
          { kind: 'Field', name: { kind: 'Name', value: 'stale' } },
          { kind: 'Field', name: { kind: 'Name', value: 'nextUpdateDue' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<OverviewDatasetFragment, unknown>
export const WarnHistoryDayFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'WarnHistoryDay' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'HealthDay' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'day' } },
          { kind: 'Field', name: { kind: 'Name', value: 'incidence7' } },
          { kind: 'Field', name: { kind: 'Name', value: 'hospitalization7' } },
          { kind: 'Field', name: { kind: 'Name', value: 'icuShare' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'warnGauge' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'day' } },
                { kind: 'Field', name: { kind: 'Name', value: 'level' } },
                { kind: 'Field', name: { kind: 'Name', value: 'readingLevel' } },
                { kind: 'Field', name: { kind: 'Name', value: 'label' } },
                { kind: 'Field', name: { kind: 'Name', value: 'color' } },
                { kind: 'Field', name: { kind: 'Name', value: 'value' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<WarnHistoryDayFragment, unknown>
export const TypeFieldsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'TypeFields' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'name' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: '__type' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'name' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'name' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'fields' },
                  selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'name' } }] },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<TypeFieldsQuery, TypeFieldsQueryVariables>
export const DistrictsFiguresDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'DistrictsFigures' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'ags' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'year' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'cohortYear' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'investFrom' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'day' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Date' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'districts' },
            arguments: [
              { kind: 'Argument', name: { kind: 'Name', value: 'ags' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'ags' } } },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                { kind: 'Field', name: { kind: 'Name', value: 'hasOrtsbeirat' } },
                { kind: 'Field', name: { kind: 'Name', value: 'areaKm2' } },
                { kind: 'Field', name: { kind: 'Name', value: 'postalCodes' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'centroid' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'lat' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'lon' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'provenance' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'ownerDepartment' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'stichtag' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'asOf' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'population' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'year' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'year' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'stichtag' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'total' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'flags' } },
                          ],
                        },
                      },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'foreignerShare' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'flags' } },
                          ],
                        },
                      },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'meanAge' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'flags' } },
                          ],
                        },
                      },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'provenance' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'ownerDepartment' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'stichtag' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'asOf' } },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'movements' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'year' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'year' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'births' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'flags' } },
                          ],
                        },
                      },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'deaths' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'flags' } },
                          ],
                        },
                      },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'netMigration' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'flags' } },
                          ],
                        },
                      },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'provenance' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'ownerDepartment' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'stichtag' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'asOf' } },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'kitaPlaces' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'year' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'year' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'year' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'kitas' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'placesTotal' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'placesU3' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'provenance' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'ownerDepartment' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'stichtag' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'asOf' } },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  alias: { kind: 'Name', value: 'under3' },
                  name: { kind: 'Name', value: 'cohort' },
                  arguments: [
                    { kind: 'Argument', name: { kind: 'Name', value: 'ageFrom' }, value: { kind: 'IntValue', value: '0' } },
                    { kind: 'Argument', name: { kind: 'Name', value: 'ageTo' }, value: { kind: 'IntValue', value: '2' } },
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'year' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'cohortYear' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'flags' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  alias: { kind: 'Name', value: 'age3to5' },
                  name: { kind: 'Name', value: 'cohort' },
                  arguments: [
                    { kind: 'Argument', name: { kind: 'Name', value: 'ageFrom' }, value: { kind: 'IntValue', value: '3' } },
                    { kind: 'Argument', name: { kind: 'Name', value: 'ageTo' }, value: { kind: 'IntValue', value: '5' } },
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'year' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'cohortYear' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'flags' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'schools' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'type' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'eingliederungshilfeRecipients' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'year' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'year' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'flags' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'streetLighting' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'year' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'year' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'stichtag' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'lights' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'ledLights' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'ledShare' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'energyKwh' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'provenance' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'ownerDepartment' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'stichtag' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'asOf' } },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'investmentPerCapita' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'from' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'investFrom' } },
                    },
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'to' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'year' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'amount' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'investments' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'from' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'investFrom' } },
                    },
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'to' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'year' } },
                    },
                  ],
                  selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }] },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'accommodations' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'activeOn' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'day' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'capacity' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            alias: { kind: 'Name', value: 'socialDataset' },
            name: { kind: 'Name', value: 'dataset' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'StringValue', value: 'soc.egh_statistics', block: false },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'ownerDepartment' } },
                { kind: 'Field', name: { kind: 'Name', value: 'stichtag' } },
                { kind: 'Field', name: { kind: 'Name', value: 'asOf' } },
              ],
            },
          },
          {
            kind: 'Field',
            alias: { kind: 'Name', value: 'investmentDataset' },
            name: { kind: 'Name', value: 'dataset' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'StringValue', value: 'fin.investments', block: false },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'ownerDepartment' } },
                { kind: 'Field', name: { kind: 'Name', value: 'stichtag' } },
                { kind: 'Field', name: { kind: 'Name', value: 'asOf' } },
              ],
            },
          },
          {
            kind: 'Field',
            alias: { kind: 'Name', value: 'accommodationDataset' },
            name: { kind: 'Name', value: 'dataset' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'StringValue', value: 'asy.accommodation', block: false },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'ownerDepartment' } },
                { kind: 'Field', name: { kind: 'Name', value: 'stichtag' } },
                { kind: 'Field', name: { kind: 'Name', value: 'asOf' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<DistrictsFiguresQuery, DistrictsFiguresQueryVariables>
export const DistrictsAsylumDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'DistrictsAsylum' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'ags' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'day' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Date' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'districts' },
            arguments: [
              { kind: 'Argument', name: { kind: 'Name', value: 'ags' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'ags' } } },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'asylumCapacity' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'day' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'day' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'day' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'capacity' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'occupied' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'free' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'provenance' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'ownerDepartment' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'stichtag' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'asOf' } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<DistrictsAsylumQuery, DistrictsAsylumQueryVariables>
export const EducationDatasetsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'EducationDatasets' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            alias: { kind: 'Name', value: 'kita' },
            name: { kind: 'Name', value: 'dataset' },
            arguments: [
              { kind: 'Argument', name: { kind: 'Name', value: 'id' }, value: { kind: 'StringValue', value: 'edu.kita', block: false } },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'EducationDataset' } }],
            },
          },
          {
            kind: 'Field',
            alias: { kind: 'Name', value: 'transitions' },
            name: { kind: 'Name', value: 'dataset' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'StringValue', value: 'edu.transitions', block: false },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'EducationDataset' } }],
            },
          },
          {
            kind: 'Field',
            alias: { kind: 'Name', value: 'graduates' },
            name: { kind: 'Name', value: 'dataset' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'StringValue', value: 'edu.graduates', block: false },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'EducationDataset' } }],
            },
          },
          {
            kind: 'Field',
            alias: { kind: 'Name', value: 'pupils' },
            name: { kind: 'Name', value: 'dataset' },
            arguments: [
              { kind: 'Argument', name: { kind: 'Name', value: 'id' }, value: { kind: 'StringValue', value: 'edu.pupils', block: false } },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'EducationDataset' } }],
            },
          },
          {
            kind: 'Field',
            alias: { kind: 'Name', value: 'population' },
            name: { kind: 'Name', value: 'dataset' },
            arguments: [
              { kind: 'Argument', name: { kind: 'Name', value: 'id' }, value: { kind: 'StringValue', value: 'pop.stock', block: false } },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'EducationDataset' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'EducationDataset' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Dataset' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'ownerDepartment' } },
          { kind: 'Field', name: { kind: 'Name', value: 'stichtag' } },
          { kind: 'Field', name: { kind: 'Name', value: 'asOf' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<EducationDatasetsQuery, EducationDatasetsQueryVariables>
export const EducationFiguresDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'EducationFigures' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'ags' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'year' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'cohortYear' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'from' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'to' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'districts' },
            arguments: [
              { kind: 'Argument', name: { kind: 'Name', value: 'ags' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'ags' } } },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'kitaPlaces' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'year' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'year' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'year' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'kitas' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'placesTotal' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'placesU3' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'provenance' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'ownerDepartment' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'stichtag' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'asOf' } },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  alias: { kind: 'Name', value: 'under3' },
                  name: { kind: 'Name', value: 'cohort' },
                  arguments: [
                    { kind: 'Argument', name: { kind: 'Name', value: 'ageFrom' }, value: { kind: 'IntValue', value: '0' } },
                    { kind: 'Argument', name: { kind: 'Name', value: 'ageTo' }, value: { kind: 'IntValue', value: '2' } },
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'year' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'cohortYear' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'flags' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  alias: { kind: 'Name', value: 'age3to5' },
                  name: { kind: 'Name', value: 'cohort' },
                  arguments: [
                    { kind: 'Argument', name: { kind: 'Name', value: 'ageFrom' }, value: { kind: 'IntValue', value: '3' } },
                    { kind: 'Argument', name: { kind: 'Name', value: 'ageTo' }, value: { kind: 'IntValue', value: '5' } },
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'year' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'cohortYear' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'flags' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'year' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'year' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'year' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'year' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'transitions' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'residence' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'toSchoolType' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'applications' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'flags' } },
                          ],
                        },
                      },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'admissions' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'flags' } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'years' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'from' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'from' } },
              },
              { kind: 'Argument', name: { kind: 'Name', value: 'to' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'to' } } },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'year' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'firstGraders' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'flags' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'graduates' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'qualification' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'count' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'flags' } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<EducationFiguresQuery, EducationFiguresQueryVariables>
export const OverviewFiguresDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'OverviewFigures' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'from' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'to' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'prev' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'prev2' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'ags' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'years' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'from' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'from' } },
              },
              { kind: 'Argument', name: { kind: 'Name', value: 'to' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'to' } } },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'year' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'population' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'flags' } },
                    ],
                  },
                },
                { kind: 'Field', name: { kind: 'Name', value: 'residents' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'asylumCapacity' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'day' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'capacity' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'occupied' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'free' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'aboveCapacity' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'occupancyRate' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                          ],
                        },
                      },
                      { kind: 'Field', name: { kind: 'Name', value: 'arrivalsPerMonth' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'provenance' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'OverviewSource' } }],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  alias: { kind: 'Name', value: 'ansatz' },
                  name: { kind: 'Name', value: 'budget' },
                  arguments: [
                    { kind: 'Argument', name: { kind: 'Name', value: 'version' }, value: { kind: 'EnumValue', value: 'ANSATZ' } },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'ordinaryResult' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'amount' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                          ],
                        },
                      },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'ordinaryExpense' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'amount' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  alias: { kind: 'Name', value: 'ist' },
                  name: { kind: 'Name', value: 'budget' },
                  arguments: [{ kind: 'Argument', name: { kind: 'Name', value: 'version' }, value: { kind: 'EnumValue', value: 'IST' } }],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'ordinaryResult' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'amount' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                          ],
                        },
                      },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'ordinaryExpense' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'amount' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                          ],
                        },
                      },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'provenance' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'OverviewSource' } }],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'streetLighting' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'stichtag' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'lights' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'ledLights' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'ledShare' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'provenance' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'OverviewSource' } }],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'eingliederungshilfe' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'recipients' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'flags' } },
                          ],
                        },
                      },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'provenance' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'OverviewSource' } }],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            alias: { kind: 'Name', value: 'thisYear' },
            name: { kind: 'Name', value: 'year' },
            arguments: [
              { kind: 'Argument', name: { kind: 'Name', value: 'year' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'to' } } },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'year' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'allocations' },
                  arguments: [{ kind: 'Argument', name: { kind: 'Name', value: 'grain' }, value: { kind: 'EnumValue', value: 'MONTH' } }],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'period' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'count' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'flags' } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            alias: { kind: 'Name', value: 'lastYear' },
            name: { kind: 'Name', value: 'year' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'year' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'prev' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'year' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'allocations' },
                  arguments: [{ kind: 'Argument', name: { kind: 'Name', value: 'grain' }, value: { kind: 'EnumValue', value: 'MONTH' } }],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'period' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'count' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'flags' } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'districts' },
            arguments: [
              { kind: 'Argument', name: { kind: 'Name', value: 'ags' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'ags' } } },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                {
                  kind: 'Field',
                  alias: { kind: 'Name', value: 'kitaNow' },
                  name: { kind: 'Name', value: 'kitaPlaces' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'year' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'to' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'year' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'placesTotal' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'placesU3' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'provenance' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'OverviewSource' } }],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  alias: { kind: 'Name', value: 'kitaBefore' },
                  name: { kind: 'Name', value: 'kitaPlaces' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'year' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'prev' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'year' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'placesTotal' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'placesU3' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  alias: { kind: 'Name', value: 'under3Now' },
                  name: { kind: 'Name', value: 'cohort' },
                  arguments: [
                    { kind: 'Argument', name: { kind: 'Name', value: 'ageFrom' }, value: { kind: 'IntValue', value: '0' } },
                    { kind: 'Argument', name: { kind: 'Name', value: 'ageTo' }, value: { kind: 'IntValue', value: '2' } },
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'year' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'prev' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'flags' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  alias: { kind: 'Name', value: 'age3to5Now' },
                  name: { kind: 'Name', value: 'cohort' },
                  arguments: [
                    { kind: 'Argument', name: { kind: 'Name', value: 'ageFrom' }, value: { kind: 'IntValue', value: '3' } },
                    { kind: 'Argument', name: { kind: 'Name', value: 'ageTo' }, value: { kind: 'IntValue', value: '5' } },
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'year' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'prev' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'flags' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  alias: { kind: 'Name', value: 'under3Before' },
                  name: { kind: 'Name', value: 'cohort' },
                  arguments: [
                    { kind: 'Argument', name: { kind: 'Name', value: 'ageFrom' }, value: { kind: 'IntValue', value: '0' } },
                    { kind: 'Argument', name: { kind: 'Name', value: 'ageTo' }, value: { kind: 'IntValue', value: '2' } },
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'year' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'prev2' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'flags' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  alias: { kind: 'Name', value: 'age3to5Before' },
                  name: { kind: 'Name', value: 'cohort' },
                  arguments: [
                    { kind: 'Argument', name: { kind: 'Name', value: 'ageFrom' }, value: { kind: 'IntValue', value: '3' } },
                    { kind: 'Argument', name: { kind: 'Name', value: 'ageTo' }, value: { kind: 'IntValue', value: '5' } },
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'year' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'prev2' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'flags' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            alias: { kind: 'Name', value: 'populationDataset' },
            name: { kind: 'Name', value: 'dataset' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'StringValue', value: 'pop.official_total', block: false },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'OverviewDataset' } }],
            },
          },
          {
            kind: 'Field',
            alias: { kind: 'Name', value: 'healthDataset' },
            name: { kind: 'Name', value: 'dataset' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'StringValue', value: 'soc.daily_metric', block: false },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'OverviewDataset' } }],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'datasets' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'OverviewDataset' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'OverviewSource' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Provenance' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'ownerDepartment' } },
          { kind: 'Field', name: { kind: 'Name', value: 'stichtag' } },
          { kind: 'Field', name: { kind: 'Name', value: 'asOf' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'OverviewDataset' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Dataset' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'title' } },
          { kind: 'Field', name: { kind: 'Name', value: 'department' } },
          { kind: 'Field', name: { kind: 'Name', value: 'ownerDepartment' } },
          { kind: 'Field', name: { kind: 'Name', value: 'stichtag' } },
          { kind: 'Field', name: { kind: 'Name', value: 'asOf' } },
          { kind: 'Field', name: { kind: 'Name', value: 'refreshCadence' } },
          { kind: 'Field', name: { kind: 'Name', value: 'freshness' } },
          { kind: 'Field', name: { kind: 'Name', value: 'stale' } },
          { kind: 'Field', name: { kind: 'Name', value: 'nextUpdateDue' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<OverviewFiguresQuery, OverviewFiguresQueryVariables>
export const OverviewWarnGaugeDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'OverviewWarnGauge' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'ags' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'day' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Date' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'municipality' },
            arguments: [
              { kind: 'Argument', name: { kind: 'Name', value: 'ags' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'ags' } } },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'healthDay' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'day' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'day' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'day' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'warnGauge' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'day' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'level' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'label' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'color' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'trend7d' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'daysAboveThreshold' } },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'bands' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'level' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'from' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'to' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'label' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'color' } },
                                ],
                              },
                            },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'readings' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  {
                                    kind: 'Field',
                                    name: { kind: 'Name', value: 'indicator' },
                                    selectionSet: {
                                      kind: 'SelectionSet',
                                      selections: [
                                        { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                                        { kind: 'Field', name: { kind: 'Name', value: 'title' } },
                                      ],
                                    },
                                  },
                                  { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'level' } },
                                ],
                              },
                            },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'provenance' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'ownerDepartment' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'stichtag' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'asOf' } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<OverviewWarnGaugeQuery, OverviewWarnGaugeQueryVariables>
export const OverviewAsylumSufficiencyDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'OverviewAsylumSufficiency' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'day' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Date' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'asylumCapacity' },
            arguments: [
              { kind: 'Argument', name: { kind: 'Name', value: 'day' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'day' } } },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'day' } },
                { kind: 'Field', name: { kind: 'Name', value: 'sufficient' } },
                { kind: 'Field', name: { kind: 'Name', value: 'monthsOfHeadroom' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<OverviewAsylumSufficiencyQuery, OverviewAsylumSufficiencyQueryVariables>
export const WarningMetaDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'WarningMeta' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            alias: { kind: 'Name', value: 'healthDataset' },
            name: { kind: 'Name', value: 'dataset' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'StringValue', value: 'soc.daily_metric', block: false },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'title' } },
                { kind: 'Field', name: { kind: 'Name', value: 'ownerDepartment' } },
                { kind: 'Field', name: { kind: 'Name', value: 'stichtag' } },
                { kind: 'Field', name: { kind: 'Name', value: 'asOf' } },
                { kind: 'Field', name: { kind: 'Name', value: 'temporalStart' } },
              ],
            },
          },
          {
            kind: 'Field',
            alias: { kind: 'Name', value: 'indicatorDataset' },
            name: { kind: 'Name', value: 'dataset' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'StringValue', value: 'cat.indicator', block: false },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'ownerDepartment' } },
                { kind: 'Field', name: { kind: 'Name', value: 'stichtag' } },
                { kind: 'Field', name: { kind: 'Name', value: 'asOf' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'warnRuleSets' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'title' } },
                { kind: 'Field', name: { kind: 'Name', value: 'validFrom' } },
                { kind: 'Field', name: { kind: 'Name', value: 'validTo' } },
                { kind: 'Field', name: { kind: 'Name', value: 'quorum' } },
                { kind: 'Field', name: { kind: 'Name', value: 'confirmDays' } },
                { kind: 'Field', name: { kind: 'Name', value: 'confirmFromLevel' } },
                { kind: 'Field', name: { kind: 'Name', value: 'countedWeekdays' } },
                { kind: 'Field', name: { kind: 'Name', value: 'effectiveAfterDays' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'indicators' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'primary' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'indicator' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'title' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'unit' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'description' } },
                          ],
                        },
                      },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'bands' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'level' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'from' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'to' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'fromInclusive' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'label' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'color' } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<WarningMetaQuery, WarningMetaQueryVariables>
export const WarningDayDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'WarningDay' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'ags' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'day' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Date' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'municipality' },
            arguments: [
              { kind: 'Argument', name: { kind: 'Name', value: 'ags' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'ags' } } },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'ags' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'healthDay' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'day' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'day' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'day' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'incidence7' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'hospitalization7' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'icuShare' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'provenance' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'ownerDepartment' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'stichtag' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'asOf' } },
                          ],
                        },
                      },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'warnGauge' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'day' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'level' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'readingLevel' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'label' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'color' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'trend7d' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'daysAboveThreshold' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'ruleSet' } },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'bands' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'level' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'from' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'to' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'fromInclusive' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'label' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'color' } },
                                ],
                              },
                            },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'readings' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  {
                                    kind: 'Field',
                                    name: { kind: 'Name', value: 'indicator' },
                                    selectionSet: {
                                      kind: 'SelectionSet',
                                      selections: [
                                        { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                                        { kind: 'Field', name: { kind: 'Name', value: 'title' } },
                                        { kind: 'Field', name: { kind: 'Name', value: 'unit' } },
                                      ],
                                    },
                                  },
                                  { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'level' } },
                                ],
                              },
                            },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'provenance' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'ownerDepartment' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'stichtag' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'asOf' } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<WarningDayQuery, WarningDayQueryVariables>
export const WarningHistoryDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'WarningHistory' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'ags' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'd0' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Date' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'd1' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Date' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'd2' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Date' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'd3' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Date' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'd4' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Date' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'd5' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Date' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'd6' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Date' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'd7' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Date' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'd8' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Date' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'd9' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Date' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'd10' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Date' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'd11' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Date' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'd12' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Date' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'd13' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Date' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'd14' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Date' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'd15' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Date' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'd16' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Date' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'd17' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Date' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'd18' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Date' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'd19' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Date' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'd20' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Date' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'd21' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Date' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'd22' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Date' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'd23' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Date' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'd24' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Date' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'd25' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Date' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'd26' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Date' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'd27' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Date' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'municipality' },
            arguments: [
              { kind: 'Argument', name: { kind: 'Name', value: 'ags' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'ags' } } },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'ags' } },
                {
                  kind: 'Field',
                  alias: { kind: 'Name', value: 'd0' },
                  name: { kind: 'Name', value: 'healthDay' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'day' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'd0' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'WarnHistoryDay' } }],
                  },
                },
                {
                  kind: 'Field',
                  alias: { kind: 'Name', value: 'd1' },
                  name: { kind: 'Name', value: 'healthDay' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'day' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'd1' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'WarnHistoryDay' } }],
                  },
                },
                {
                  kind: 'Field',
                  alias: { kind: 'Name', value: 'd2' },
                  name: { kind: 'Name', value: 'healthDay' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'day' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'd2' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'WarnHistoryDay' } }],
                  },
                },
                {
                  kind: 'Field',
                  alias: { kind: 'Name', value: 'd3' },
                  name: { kind: 'Name', value: 'healthDay' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'day' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'd3' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'WarnHistoryDay' } }],
                  },
                },
                {
                  kind: 'Field',
                  alias: { kind: 'Name', value: 'd4' },
                  name: { kind: 'Name', value: 'healthDay' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'day' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'd4' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'WarnHistoryDay' } }],
                  },
                },
                {
                  kind: 'Field',
                  alias: { kind: 'Name', value: 'd5' },
                  name: { kind: 'Name', value: 'healthDay' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'day' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'd5' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'WarnHistoryDay' } }],
                  },
                },
                {
                  kind: 'Field',
                  alias: { kind: 'Name', value: 'd6' },
                  name: { kind: 'Name', value: 'healthDay' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'day' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'd6' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'WarnHistoryDay' } }],
                  },
                },
                {
                  kind: 'Field',
                  alias: { kind: 'Name', value: 'd7' },
                  name: { kind: 'Name', value: 'healthDay' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'day' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'd7' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'WarnHistoryDay' } }],
                  },
                },
                {
                  kind: 'Field',
                  alias: { kind: 'Name', value: 'd8' },
                  name: { kind: 'Name', value: 'healthDay' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'day' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'd8' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'WarnHistoryDay' } }],
                  },
                },
                {
                  kind: 'Field',
                  alias: { kind: 'Name', value: 'd9' },
                  name: { kind: 'Name', value: 'healthDay' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'day' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'd9' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'WarnHistoryDay' } }],
                  },
                },
                {
                  kind: 'Field',
                  alias: { kind: 'Name', value: 'd10' },
                  name: { kind: 'Name', value: 'healthDay' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'day' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'd10' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'WarnHistoryDay' } }],
                  },
                },
                {
                  kind: 'Field',
                  alias: { kind: 'Name', value: 'd11' },
                  name: { kind: 'Name', value: 'healthDay' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'day' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'd11' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'WarnHistoryDay' } }],
                  },
                },
                {
                  kind: 'Field',
                  alias: { kind: 'Name', value: 'd12' },
                  name: { kind: 'Name', value: 'healthDay' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'day' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'd12' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'WarnHistoryDay' } }],
                  },
                },
                {
                  kind: 'Field',
                  alias: { kind: 'Name', value: 'd13' },
                  name: { kind: 'Name', value: 'healthDay' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'day' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'd13' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'WarnHistoryDay' } }],
                  },
                },
                {
                  kind: 'Field',
                  alias: { kind: 'Name', value: 'd14' },
                  name: { kind: 'Name', value: 'healthDay' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'day' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'd14' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'WarnHistoryDay' } }],
                  },
                },
                {
                  kind: 'Field',
                  alias: { kind: 'Name', value: 'd15' },
                  name: { kind: 'Name', value: 'healthDay' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'day' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'd15' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'WarnHistoryDay' } }],
                  },
                },
                {
                  kind: 'Field',
                  alias: { kind: 'Name', value: 'd16' },
                  name: { kind: 'Name', value: 'healthDay' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'day' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'd16' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'WarnHistoryDay' } }],
                  },
                },
                {
                  kind: 'Field',
                  alias: { kind: 'Name', value: 'd17' },
                  name: { kind: 'Name', value: 'healthDay' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'day' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'd17' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'WarnHistoryDay' } }],
                  },
                },
                {
                  kind: 'Field',
                  alias: { kind: 'Name', value: 'd18' },
                  name: { kind: 'Name', value: 'healthDay' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'day' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'd18' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'WarnHistoryDay' } }],
                  },
                },
                {
                  kind: 'Field',
                  alias: { kind: 'Name', value: 'd19' },
                  name: { kind: 'Name', value: 'healthDay' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'day' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'd19' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'WarnHistoryDay' } }],
                  },
                },
                {
                  kind: 'Field',
                  alias: { kind: 'Name', value: 'd20' },
                  name: { kind: 'Name', value: 'healthDay' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'day' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'd20' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'WarnHistoryDay' } }],
                  },
                },
                {
                  kind: 'Field',
                  alias: { kind: 'Name', value: 'd21' },
                  name: { kind: 'Name', value: 'healthDay' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'day' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'd21' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'WarnHistoryDay' } }],
                  },
                },
                {
                  kind: 'Field',
                  alias: { kind: 'Name', value: 'd22' },
                  name: { kind: 'Name', value: 'healthDay' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'day' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'd22' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'WarnHistoryDay' } }],
                  },
                },
                {
                  kind: 'Field',
                  alias: { kind: 'Name', value: 'd23' },
                  name: { kind: 'Name', value: 'healthDay' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'day' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'd23' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'WarnHistoryDay' } }],
                  },
                },
                {
                  kind: 'Field',
                  alias: { kind: 'Name', value: 'd24' },
                  name: { kind: 'Name', value: 'healthDay' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'day' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'd24' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'WarnHistoryDay' } }],
                  },
                },
                {
                  kind: 'Field',
                  alias: { kind: 'Name', value: 'd25' },
                  name: { kind: 'Name', value: 'healthDay' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'day' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'd25' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'WarnHistoryDay' } }],
                  },
                },
                {
                  kind: 'Field',
                  alias: { kind: 'Name', value: 'd26' },
                  name: { kind: 'Name', value: 'healthDay' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'day' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'd26' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'WarnHistoryDay' } }],
                  },
                },
                {
                  kind: 'Field',
                  alias: { kind: 'Name', value: 'd27' },
                  name: { kind: 'Name', value: 'healthDay' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'day' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'd27' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'WarnHistoryDay' } }],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'WarnHistoryDay' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'HealthDay' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'day' } },
          { kind: 'Field', name: { kind: 'Name', value: 'incidence7' } },
          { kind: 'Field', name: { kind: 'Name', value: 'hospitalization7' } },
          { kind: 'Field', name: { kind: 'Name', value: 'icuShare' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'warnGauge' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'day' } },
                { kind: 'Field', name: { kind: 'Name', value: 'level' } },
                { kind: 'Field', name: { kind: 'Name', value: 'readingLevel' } },
                { kind: 'Field', name: { kind: 'Name', value: 'label' } },
                { kind: 'Field', name: { kind: 'Name', value: 'color' } },
                { kind: 'Field', name: { kind: 'Name', value: 'value' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<WarningHistoryQuery, WarningHistoryQueryVariables>
