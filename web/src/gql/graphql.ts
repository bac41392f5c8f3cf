/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] }
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never }
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core'
export type AccommodationKind = 'CONTAINER' | 'ERSTAUFNAHME' | 'GU' | 'NOTUNTERKUNFT' | 'WOHNUNG_ANGEMIETET'

/** Version of a budget figure: plan (Ansatz, Nachtrag, fortgeschriebener Ansatz), result (Ist), in-year forecast, medium-term plan. */
export type BudgetVersion = 'ANSATZ' | 'FINANZPLAN' | 'FORTGESCHRIEBEN' | 'IST' | 'NACHTRAG' | 'PROGNOSE'

export type CellFlag = 'ESTIMATED' | 'LIMITED_RELIABILITY' | 'PROVISIONAL' | 'REVISED'

/** How a statistical cell may be read. */
export type CellStatus = 'EXACT' | 'NOT_AVAILABLE' | 'NOT_MEANINGFUL' | 'PERTURBED' | 'ROUNDED' | 'SECRET' | 'ZERO'

export type DistrictKind = 'KERNSTADT' | 'ORTSBEZIRK'

/** Leistungsgruppe of the Eingliederungshilfe (SGB IX Teil 2). */
export type EghBenefitGroup =
  /** Teilhabe am Arbeitsleben: Werkstatt für behinderte Menschen. */
  | 'ARBEITSLEBEN_WFBM'
  /** Teilhabe an Bildung: Schulbegleitung. */
  | 'BILDUNG_SCHULBEGLEITUNG'
  /** Heilpädagogische Leistungen, Frühförderung. */
  | 'FRUEHFOERDERUNG'
  /** Leistungen zur medizinischen Rehabilitation. */
  | 'MED_REHA'
  /** Soziale Teilhabe: Assistenzleistungen. */
  | 'SOZIALE_TEILHABE_ASSISTENZ'
  /** Soziale Teilhabe: Wohnen (besondere Wohnform, ambulant betreutes Wohnen). */
  | 'SOZIALE_TEILHABE_WOHNEN'

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

/**
 * Population register figures by district (Statistikstelle). Register bases (REGISTER_MAIN, REGISTER_ALL)
 * exist per district; official bases (OFFICIAL_UPDATE, CENSUS) only for whole municipalities.
 */
export type PopulationBasis =
  /** Zensus (Stichtag 15.5.2022). */
  | 'CENSUS'
  /** Amtliche Fortschreibung des Statistischen Landesamts (31.12.). */
  | 'OFFICIAL_UPDATE'
  /** Melderegister, Haupt- und Nebenwohnsitz (wohnberechtigte Bevölkerung). */
  | 'REGISTER_ALL'
  /** Melderegister, Hauptwohnsitz. */
  | 'REGISTER_MAIN'

/** Abschlussart (RLP): ohne Berufsreife, Berufsreife, qualifizierter Sekundarabschluss I, Fachhochschulreife (schulischer Teil), allgemeine Hochschulreife. */
export type SchoolQualification = 'AHR' | 'BERUFSREIFE' | 'FHR_SCHUL' | 'OHNE_BR' | 'QUAL_SEK1'

/** Schulart (RLP): Grundschule, Realschule plus, Integrierte Gesamtschule, Gymnasium, Förderschule, berufsbildende Schule. */
export type SchoolType = 'BBS' | 'FOES' | 'GS' | 'GYM' | 'IGS' | 'RSPLUS'

export type TypeFieldsQueryVariables = Exact<{
  name: string
}>

export type TypeFieldsQuery = { __type: { name: string | null; fields: Array<{ name: string }> | null } | null }

export type CatalogBudgetSeriesQueryVariables = Exact<{
  from: number
  to: number
  version: BudgetVersion
}>

export type CatalogBudgetSeriesQuery = {
  products: Array<{
    code: string
    name: string
    level: number
    series: Array<{
      year: number
      version: BudgetVersion
      ordinaryIncome: { amount: number | null; status: CellStatus }
      ordinaryExpense: { amount: number | null; status: CellStatus }
      ordinaryResult: { amount: number | null; status: CellStatus }
    }>
  }>
}

export type CatalogDebtQueryVariables = Exact<{
  from: number
  to: number
}>

export type CatalogDebtQuery = {
  years: Array<{
    year: number
    debt: {
      stichtag: string
      total: { amount: number | null; status: CellStatus }
      investmentCredits: { amount: number | null; status: CellStatus }
      liquidityCredits: { amount: number | null; status: CellStatus }
    } | null
  }>
}

export type CatalogInvestmentsQueryVariables = Exact<{ [key: string]: never }>

export type CatalogInvestmentsQuery = {
  investmentMeasures: Array<{
    id: string
    name: string
    category: string
    status: string
    startYear: number | null
    endYear: number | null
    fundingShare: number | null
    fundingSource: string | null
    totalCost: { amount: number | null; status: CellStatus }
    district: { code: string } | null
    product: { code: string } | null
    values: Array<{
      year: number
      ansatz: { amount: number | null; status: CellStatus } | null
      ist: { amount: number | null; status: CellStatus } | null
    }>
  }>
}

export type CatalogDistrictsQueryVariables = Exact<{ [key: string]: never }>

export type CatalogDistrictsQuery = {
  districts: Array<{
    ags: string
    code: string
    name: string
    kind: DistrictKind
    areaKm2: number | null
    hasOrtsbeirat: boolean
    postalCodes: Array<string>
    centroid: { lat: number; lon: number } | null
  }>
}

export type CatalogEnergyQueryVariables = Exact<{
  from: number
  to: number
}>

export type CatalogEnergyQuery = {
  years: Array<{
    year: number
    streetLighting: { monthly: Array<{ month: string; energyKwh: number; lights: number; ledLights: number }> } | null
  }>
}

export type CatalogPopulationQueryVariables = Exact<{
  from: number
  to: number
}>

export type CatalogPopulationQuery = {
  districts: Array<{
    code: string
    name: string
    populationSeries: Array<{
      stichtag: string
      basis: PopulationBasis
      total: { value: number | null; status: CellStatus }
      foreigners: { value: number | null; status: CellStatus }
      meanAge: { value: number | null; status: CellStatus }
    }> | null
  }>
}

export type CatalogKitaQueryVariables = Exact<{
  year: number
}>

export type CatalogKitaQuery = {
  kitas: Array<{
    id: string
    name: string
    operatorType: string
    district: { code: string } | null
    stats: { stichtag: string; placesTotal: number; placesU3: number; staffTotal: number; staffPedagogical: number } | null
  }>
}

export type CatalogGraduatesQueryVariables = Exact<{
  from: number
  to: number
}>

export type CatalogGraduatesQuery = {
  years: Array<{
    year: number
    graduates: Array<{ qualification: SchoolQualification; count: { value: number | null; status: CellStatus } }> | null
  }>
}

export type CatalogTransitionsQueryVariables = Exact<{
  from: number
  to: number
}>

export type CatalogTransitionsQuery = {
  years: Array<{
    year: number
    transitions: Array<{
      toSchoolType: SchoolType
      residence: string
      applications: { value: number | null; status: CellStatus }
      admissions: { value: number | null; status: CellStatus }
    }> | null
  }>
}

export type CatalogEghQueryVariables = Exact<{
  from: number
  to: number
}>

export type CatalogEghQuery = {
  years: Array<{
    year: number
    eingliederungshilfe: Array<{
      benefitGroup: EghBenefitGroup
      recipients: { value: number | null; status: CellStatus }
      cost: { amount: number | null; status: CellStatus }
    }> | null
  }>
}

export type CatalogAccommodationsQueryVariables = Exact<{ [key: string]: never }>

export type CatalogAccommodationsQuery = {
  accommodations: Array<{
    id: string
    name: string
    kind: AccommodationKind
    capacity: number
    opened: string
    closed: string | null
    district: { code: string } | null
  }>
}

export type CatalogIndicatorsQueryVariables = Exact<{ [key: string]: never }>

export type CatalogIndicatorsQuery = {
  indicators: Array<{ id: string; title: string; unit: string; description: string; sourceDatasetIds: Array<string> }>
}

export type CatalogOfficialPopulationQueryVariables = Exact<{
  year: number
}>

export type CatalogOfficialPopulationQuery = {
  municipalities: Array<{ ags: string; name: string; officialPopulation: { value: number | null; status: CellStatus } | null }>
}

export type CatalogMovementsQueryVariables = Exact<{
  year: number
}>

export type CatalogMovementsQuery = {
  districts: Array<{
    code: string
    name: string
    movements: {
      births: { value: number | null; status: CellStatus }
      deaths: { value: number | null; status: CellStatus }
      inMoves: { value: number | null; status: CellStatus }
      outMoves: { value: number | null; status: CellStatus }
      naturalBalance: { value: number | null; status: CellStatus }
      netMigration: { value: number | null; status: CellStatus }
    } | null
  }>
}

export type CatalogDailyRangeQueryVariables = Exact<{ [key: string]: never }>

export type CatalogDailyRangeQuery = { dataset: { temporalStart: string | null; temporalEnd: string | null; stichtag: string } | null }

export type CatalogDailyQueryVariables = Exact<{
  ags: string | number
  from: string
  to: string
}>

export type CatalogDailyQuery = {
  municipality: {
    cases: Array<{ day: string; value: number }> | null
    inc7: Array<{ day: string; value: number }> | null
    inc7Usaf: Array<{ day: string; value: number }> | null
    hospInc7: Array<{ day: string; value: number }> | null
    icuShare: Array<{ day: string; value: number }> | null
  } | null
}

export type CatalogQueryVariables = Exact<{ [key: string]: never }>

export type CatalogQuery = {
  datasets: Array<{
    id: string
    title: string
    description: string
    department: string
    ownerDepartment: string
    publisher: string
    stichtag: string
    asOf: string
    refreshCadence: string
    freshness: Freshness
    stale: boolean
    nextUpdateDue: string | null
    license: string | null
    openData: boolean
    temporalStart: string | null
    temporalEnd: string | null
    contactPoint: { name: string; email: string | null } | null
  }>
}

export type CatalogDcatQueryVariables = Exact<{ [key: string]: never }>

export type CatalogDcatQuery = { dcatCatalog: string }

export type FazitQueryVariables = Exact<{
  from: number
  to: number
  year: number
  area: string | number
  hasArea: boolean
  ags: string | number
}>

export type FazitQuery = {
  years: Array<{
    year: number
    residents: number | null
    ansatz: {
      ordinaryExpense: { amount: number | null; status: CellStatus }
      provenance: { ownerDepartment: string; stichtag: string; asOf: string }
    } | null
    nachtrag: { ordinaryExpense: { amount: number | null; status: CellStatus } } | null
    ist: {
      ordinaryExpense: { amount: number | null; status: CellStatus }
      provenance: { ownerDepartment: string; stichtag: string; asOf: string }
    } | null
    expensePerCapita: { amount: number | null; status: CellStatus } | null
  }>
  area?: {
    code: string
    name: string
    ansatz: Array<{
      year: number
      ordinaryExpense: { amount: number | null; status: CellStatus }
      provenance: { ownerDepartment: string; stichtag: string; asOf: string }
    }>
    nachtrag: Array<{ year: number; ordinaryExpense: { amount: number | null; status: CellStatus } }>
    ist: Array<{
      year: number
      ordinaryExpense: { amount: number | null; status: CellStatus }
      provenance: { ownerDepartment: string; stichtag: string; asOf: string }
    }>
  } | null
  areas: Array<{ code: string; name: string; children: Array<{ code: string; name: string }> }>
  deviations: Array<{
    code: string
    name: string
    comparison: {
      deviationPct: number | null
      ansatz: { amount: number | null; status: CellStatus }
      nachtrag: { amount: number | null; status: CellStatus } | null
      ist: { amount: number | null; status: CellStatus } | null
      deviation: { amount: number | null; status: CellStatus } | null
      provenance: { ownerDepartment: string; stichtag: string; asOf: string }
    }
  }>
  districts: Array<{
    code: string
    name: string
    residents: number | null
    investmentPerCapita: { amount: number | null; status: CellStatus } | null
    investments: Array<{
      id: string
      values: Array<{
        year: number
        ansatz: { amount: number | null; status: CellStatus } | null
        ist: { amount: number | null; status: CellStatus } | null
      }>
    }> | null
    provenance: { ownerDepartment: string; stichtag: string; asOf: string }
  }>
  investmentsDataset: { ownerDepartment: string; stichtag: string; asOf: string } | null
}

export type FazitForecastQueryVariables = Exact<{
  from: number
  to: number
  year: number
  area: string | number
  hasArea: boolean
}>

export type FazitForecastQuery = {
  years: Array<{
    year: number
    prognose: {
      ordinaryExpense: { amount: number | null; status: CellStatus }
      provenance: { ownerDepartment: string; stichtag: string; asOf: string }
    } | null
    prognosePerCapita: { amount: number | null; status: CellStatus } | null
  }>
  area?: { code: string; prognose: Array<{ year: number; ordinaryExpense: { amount: number | null; status: CellStatus } }> } | null
  deviations: Array<{ code: string; comparison: { prognose: { amount: number | null; status: CellStatus } | null } }>
}

export type LightingQueryVariables = Exact<{
  from: number
  to: number
  year: number
  district: string | number
  hasDistrict: boolean
  ags: string | number
}>

export type LightingQuery = {
  years: Array<{
    year: number
    streetLighting: {
      stichtag: string
      lights: number
      ledLights: number
      ledShare: number
      convertedInYear: number
      energyKwh: number
      months: number
      energyCost: { amount: number | null; status: CellStatus } | null
      provenance: { ownerDepartment: string; stichtag: string; asOf: string }
    } | null
  }>
  city?: {
    year: number
    streetLighting: {
      stichtag: string
      lights: number
      ledLights: number
      ledShare: number
      energyKwh: number
      months: number
      monthly: Array<{ month: string; energyKwh: number; lights: number; ledLights: number }>
      provenance: { ownerDepartment: string; stichtag: string; asOf: string }
    } | null
  } | null
  district?: {
    code: string
    name: string
    streetLighting: {
      stichtag: string
      lights: number
      ledLights: number
      ledShare: number
      energyKwh: number
      months: number
      monthly: Array<{ month: string; energyKwh: number; lights: number; ledLights: number }>
      provenance: { ownerDepartment: string; stichtag: string; asOf: string }
    } | null
  } | null
  districts: Array<{
    code: string
    name: string
    streetLighting: {
      lights: number
      ledLights: number
      ledShare: number
      provenance: { ownerDepartment: string; stichtag: string; asOf: string }
    } | null
  }>
  investmentMeasures: Array<{
    id: string
    name: string
    status: string
    startYear: number | null
    endYear: number | null
    fundingShare: number | null
    fundingSource: string | null
    convertedLights: number | null
    estimatedSavingKwh: number | null
    totalCost: { amount: number | null; status: CellStatus }
    district: { code: string; name: string } | null
  }>
  measuresDataset: { ownerDepartment: string; stichtag: string; asOf: string } | null
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
export const CatalogBudgetSeriesDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'CatalogBudgetSeries' },
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
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'version' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'BudgetVersion' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'products' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'level' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'series' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'from' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'from' } },
                    },
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'to' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'to' } },
                    },
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'version' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'version' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'year' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'version' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'ordinaryIncome' },
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
                        name: { kind: 'Name', value: 'ordinaryResult' },
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
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CatalogBudgetSeriesQuery, CatalogBudgetSeriesQueryVariables>
export const CatalogDebtDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'CatalogDebt' },
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
                  name: { kind: 'Name', value: 'debt' },
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
                            { kind: 'Field', name: { kind: 'Name', value: 'amount' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                          ],
                        },
                      },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'investmentCredits' },
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
                        name: { kind: 'Name', value: 'liquidityCredits' },
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
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CatalogDebtQuery, CatalogDebtQueryVariables>
export const CatalogInvestmentsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'CatalogInvestments' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'investmentMeasures' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'category' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'startYear' } },
                { kind: 'Field', name: { kind: 'Name', value: 'endYear' } },
                { kind: 'Field', name: { kind: 'Name', value: 'fundingShare' } },
                { kind: 'Field', name: { kind: 'Name', value: 'fundingSource' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'totalCost' },
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
                  name: { kind: 'Name', value: 'district' },
                  selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'code' } }] },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'product' },
                  selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'code' } }] },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'values' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'year' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'ansatz' },
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
                        name: { kind: 'Name', value: 'ist' },
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
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CatalogInvestmentsQuery, CatalogInvestmentsQueryVariables>
export const CatalogDistrictsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'CatalogDistricts' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'districts' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'ags' } },
                { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                { kind: 'Field', name: { kind: 'Name', value: 'areaKm2' } },
                { kind: 'Field', name: { kind: 'Name', value: 'hasOrtsbeirat' } },
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
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CatalogDistrictsQuery, CatalogDistrictsQueryVariables>
export const CatalogEnergyDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'CatalogEnergy' },
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
                  name: { kind: 'Name', value: 'streetLighting' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'monthly' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'month' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'energyKwh' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'lights' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'ledLights' } },
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
} as unknown as DocumentNode<CatalogEnergyQuery, CatalogEnergyQueryVariables>
export const CatalogPopulationDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'CatalogPopulation' },
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
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'districts' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'populationSeries' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'from' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'from' } },
                    },
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'to' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'to' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'stichtag' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'basis' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'total' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                          ],
                        },
                      },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'foreigners' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'status' } },
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
} as unknown as DocumentNode<CatalogPopulationQuery, CatalogPopulationQueryVariables>
export const CatalogKitaDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'CatalogKita' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'year' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'kitas' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'operatorType' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'district' },
                  selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'code' } }] },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'stats' },
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
                      { kind: 'Field', name: { kind: 'Name', value: 'placesTotal' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'placesU3' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'staffTotal' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'staffPedagogical' } },
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
} as unknown as DocumentNode<CatalogKitaQuery, CatalogKitaQueryVariables>
export const CatalogGraduatesDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'CatalogGraduates' },
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
} as unknown as DocumentNode<CatalogGraduatesQuery, CatalogGraduatesQueryVariables>
export const CatalogTransitionsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'CatalogTransitions' },
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
                  name: { kind: 'Name', value: 'transitions' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'toSchoolType' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'residence' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'applications' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'status' } },
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
} as unknown as DocumentNode<CatalogTransitionsQuery, CatalogTransitionsQueryVariables>
export const CatalogEghDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'CatalogEgh' },
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
                  name: { kind: 'Name', value: 'eingliederungshilfe' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'benefitGroup' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'recipients' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                          ],
                        },
                      },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'cost' },
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
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CatalogEghQuery, CatalogEghQueryVariables>
export const CatalogAccommodationsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'CatalogAccommodations' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'accommodations' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'district' },
                  selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'code' } }] },
                },
                { kind: 'Field', name: { kind: 'Name', value: 'capacity' } },
                { kind: 'Field', name: { kind: 'Name', value: 'opened' } },
                { kind: 'Field', name: { kind: 'Name', value: 'closed' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CatalogAccommodationsQuery, CatalogAccommodationsQueryVariables>
export const CatalogIndicatorsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'CatalogIndicators' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'indicators' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'title' } },
                { kind: 'Field', name: { kind: 'Name', value: 'unit' } },
                { kind: 'Field', name: { kind: 'Name', value: 'description' } },
                { kind: 'Field', name: { kind: 'Name', value: 'sourceDatasetIds' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CatalogIndicatorsQuery, CatalogIndicatorsQueryVariables>
export const CatalogOfficialPopulationDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'CatalogOfficialPopulation' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'year' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'municipalities' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'ags' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'officialPopulation' },
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
} as unknown as DocumentNode<CatalogOfficialPopulationQuery, CatalogOfficialPopulationQueryVariables>
export const CatalogMovementsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'CatalogMovements' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'year' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'districts' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
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
                          ],
                        },
                      },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'inMoves' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                          ],
                        },
                      },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'outMoves' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                          ],
                        },
                      },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'naturalBalance' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'status' } },
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
} as unknown as DocumentNode<CatalogMovementsQuery, CatalogMovementsQueryVariables>
export const CatalogDailyRangeDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'CatalogDailyRange' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
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
                { kind: 'Field', name: { kind: 'Name', value: 'temporalStart' } },
                { kind: 'Field', name: { kind: 'Name', value: 'temporalEnd' } },
                { kind: 'Field', name: { kind: 'Name', value: 'stichtag' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CatalogDailyRangeQuery, CatalogDailyRangeQueryVariables>
export const CatalogDailyDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'CatalogDaily' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'ags' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'from' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Date' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'to' } },
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
                  alias: { kind: 'Name', value: 'cases' },
                  name: { kind: 'Name', value: 'dailySeries' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'from' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'from' } },
                    },
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'to' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'to' } },
                    },
                    { kind: 'Argument', name: { kind: 'Name', value: 'metric' }, value: { kind: 'EnumValue', value: 'COVID_CASES' } },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'day' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  alias: { kind: 'Name', value: 'inc7' },
                  name: { kind: 'Name', value: 'dailySeries' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'from' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'from' } },
                    },
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'to' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'to' } },
                    },
                    { kind: 'Argument', name: { kind: 'Name', value: 'metric' }, value: { kind: 'EnumValue', value: 'COVID_INC7' } },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'day' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  alias: { kind: 'Name', value: 'inc7Usaf' },
                  name: { kind: 'Name', value: 'dailySeries' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'from' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'from' } },
                    },
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'to' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'to' } },
                    },
                    { kind: 'Argument', name: { kind: 'Name', value: 'metric' }, value: { kind: 'EnumValue', value: 'COVID_INC7_USAF' } },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'day' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  alias: { kind: 'Name', value: 'hospInc7' },
                  name: { kind: 'Name', value: 'dailySeries' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'from' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'from' } },
                    },
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'to' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'to' } },
                    },
                    { kind: 'Argument', name: { kind: 'Name', value: 'metric' }, value: { kind: 'EnumValue', value: 'HOSP_INC7' } },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'day' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  alias: { kind: 'Name', value: 'icuShare' },
                  name: { kind: 'Name', value: 'dailySeries' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'from' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'from' } },
                    },
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'to' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'to' } },
                    },
                    { kind: 'Argument', name: { kind: 'Name', value: 'metric' }, value: { kind: 'EnumValue', value: 'ICU_SHARE' } },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'day' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'value' } },
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
} as unknown as DocumentNode<CatalogDailyQuery, CatalogDailyQueryVariables>
export const CatalogDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Catalog' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'datasets' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'title' } },
                { kind: 'Field', name: { kind: 'Name', value: 'description' } },
                { kind: 'Field', name: { kind: 'Name', value: 'department' } },
                { kind: 'Field', name: { kind: 'Name', value: 'ownerDepartment' } },
                { kind: 'Field', name: { kind: 'Name', value: 'publisher' } },
                { kind: 'Field', name: { kind: 'Name', value: 'stichtag' } },
                { kind: 'Field', name: { kind: 'Name', value: 'asOf' } },
                { kind: 'Field', name: { kind: 'Name', value: 'refreshCadence' } },
                { kind: 'Field', name: { kind: 'Name', value: 'freshness' } },
                { kind: 'Field', name: { kind: 'Name', value: 'stale' } },
                { kind: 'Field', name: { kind: 'Name', value: 'nextUpdateDue' } },
                { kind: 'Field', name: { kind: 'Name', value: 'license' } },
                { kind: 'Field', name: { kind: 'Name', value: 'openData' } },
                { kind: 'Field', name: { kind: 'Name', value: 'temporalStart' } },
                { kind: 'Field', name: { kind: 'Name', value: 'temporalEnd' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'contactPoint' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'email' } },
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
} as unknown as DocumentNode<CatalogQuery, CatalogQueryVariables>
export const CatalogDcatDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'CatalogDcat' },
      selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'dcatCatalog' } }] },
    },
  ],
} as unknown as DocumentNode<CatalogDcatQuery, CatalogDcatQueryVariables>
export const FazitDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Fazit' },
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
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'year' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'area' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'hasArea' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Boolean' } } },
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
                { kind: 'Field', name: { kind: 'Name', value: 'residents' } },
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
                  alias: { kind: 'Name', value: 'nachtrag' },
                  name: { kind: 'Name', value: 'budget' },
                  arguments: [
                    { kind: 'Argument', name: { kind: 'Name', value: 'version' }, value: { kind: 'EnumValue', value: 'NACHTRAG' } },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
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
                  name: { kind: 'Name', value: 'expensePerCapita' },
                  arguments: [{ kind: 'Argument', name: { kind: 'Name', value: 'version' }, value: { kind: 'EnumValue', value: 'IST' } }],
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
            alias: { kind: 'Name', value: 'area' },
            name: { kind: 'Name', value: 'product' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'code' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'area' } },
              },
            ],
            directives: [
              {
                kind: 'Directive',
                name: { kind: 'Name', value: 'include' },
                arguments: [
                  {
                    kind: 'Argument',
                    name: { kind: 'Name', value: 'if' },
                    value: { kind: 'Variable', name: { kind: 'Name', value: 'hasArea' } },
                  },
                ],
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                {
                  kind: 'Field',
                  alias: { kind: 'Name', value: 'ansatz' },
                  name: { kind: 'Name', value: 'series' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'from' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'from' } },
                    },
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'to' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'to' } },
                    },
                    { kind: 'Argument', name: { kind: 'Name', value: 'version' }, value: { kind: 'EnumValue', value: 'ANSATZ' } },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'year' } },
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
                  alias: { kind: 'Name', value: 'nachtrag' },
                  name: { kind: 'Name', value: 'series' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'from' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'from' } },
                    },
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'to' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'to' } },
                    },
                    { kind: 'Argument', name: { kind: 'Name', value: 'version' }, value: { kind: 'EnumValue', value: 'NACHTRAG' } },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'year' } },
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
                  name: { kind: 'Name', value: 'series' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'from' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'from' } },
                    },
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'to' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'to' } },
                    },
                    { kind: 'Argument', name: { kind: 'Name', value: 'version' }, value: { kind: 'EnumValue', value: 'IST' } },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'year' } },
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
          {
            kind: 'Field',
            alias: { kind: 'Name', value: 'areas' },
            name: { kind: 'Name', value: 'products' },
            arguments: [{ kind: 'Argument', name: { kind: 'Name', value: 'level' }, value: { kind: 'IntValue', value: '1' } }],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'children' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            alias: { kind: 'Name', value: 'deviations' },
            name: { kind: 'Name', value: 'products' },
            arguments: [{ kind: 'Argument', name: { kind: 'Name', value: 'level' }, value: { kind: 'IntValue', value: '2' } }],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'comparison' },
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
                        name: { kind: 'Name', value: 'ansatz' },
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
                        name: { kind: 'Name', value: 'nachtrag' },
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
                        name: { kind: 'Name', value: 'ist' },
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
                        name: { kind: 'Name', value: 'deviation' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'amount' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                          ],
                        },
                      },
                      { kind: 'Field', name: { kind: 'Name', value: 'deviationPct' } },
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
                { kind: 'Field', name: { kind: 'Name', value: 'residents' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'investmentPerCapita' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'from' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'year' } },
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
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'year' } },
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
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'values' },
                        arguments: [
                          {
                            kind: 'Argument',
                            name: { kind: 'Name', value: 'from' },
                            value: { kind: 'Variable', name: { kind: 'Name', value: 'year' } },
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
                            { kind: 'Field', name: { kind: 'Name', value: 'year' } },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'ansatz' },
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
                              name: { kind: 'Name', value: 'ist' },
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
            alias: { kind: 'Name', value: 'investmentsDataset' },
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
        ],
      },
    },
  ],
} as unknown as DocumentNode<FazitQuery, FazitQueryVariables>
export const FazitForecastDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'FazitForecast' },
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
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'year' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'area' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'hasArea' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Boolean' } } },
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
                  alias: { kind: 'Name', value: 'prognose' },
                  name: { kind: 'Name', value: 'budget' },
                  arguments: [
                    { kind: 'Argument', name: { kind: 'Name', value: 'version' }, value: { kind: 'EnumValue', value: 'PROGNOSE' } },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
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
                  alias: { kind: 'Name', value: 'prognosePerCapita' },
                  name: { kind: 'Name', value: 'expensePerCapita' },
                  arguments: [
                    { kind: 'Argument', name: { kind: 'Name', value: 'version' }, value: { kind: 'EnumValue', value: 'PROGNOSE' } },
                  ],
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
            alias: { kind: 'Name', value: 'area' },
            name: { kind: 'Name', value: 'product' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'code' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'area' } },
              },
            ],
            directives: [
              {
                kind: 'Directive',
                name: { kind: 'Name', value: 'include' },
                arguments: [
                  {
                    kind: 'Argument',
                    name: { kind: 'Name', value: 'if' },
                    value: { kind: 'Variable', name: { kind: 'Name', value: 'hasArea' } },
                  },
                ],
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                {
                  kind: 'Field',
                  alias: { kind: 'Name', value: 'prognose' },
                  name: { kind: 'Name', value: 'series' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'from' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'from' } },
                    },
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'to' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'to' } },
                    },
                    { kind: 'Argument', name: { kind: 'Name', value: 'version' }, value: { kind: 'EnumValue', value: 'PROGNOSE' } },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'year' } },
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
              ],
            },
          },
          {
            kind: 'Field',
            alias: { kind: 'Name', value: 'deviations' },
            name: { kind: 'Name', value: 'products' },
            arguments: [{ kind: 'Argument', name: { kind: 'Name', value: 'level' }, value: { kind: 'IntValue', value: '2' } }],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'comparison' },
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
                        name: { kind: 'Name', value: 'prognose' },
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
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<FazitForecastQuery, FazitForecastQueryVariables>
export const LightingDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Lighting' },
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
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'year' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'district' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'hasDistrict' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Boolean' } } },
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
                  name: { kind: 'Name', value: 'streetLighting' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'stichtag' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'lights' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'ledLights' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'ledShare' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'convertedInYear' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'energyKwh' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'months' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'energyCost' },
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
          {
            kind: 'Field',
            alias: { kind: 'Name', value: 'city' },
            name: { kind: 'Name', value: 'year' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'year' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'year' } },
              },
            ],
            directives: [
              {
                kind: 'Directive',
                name: { kind: 'Name', value: 'skip' },
                arguments: [
                  {
                    kind: 'Argument',
                    name: { kind: 'Name', value: 'if' },
                    value: { kind: 'Variable', name: { kind: 'Name', value: 'hasDistrict' } },
                  },
                ],
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'year' } },
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
                      { kind: 'Field', name: { kind: 'Name', value: 'energyKwh' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'months' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'monthly' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'month' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'energyKwh' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'lights' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'ledLights' } },
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
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'district' },
            arguments: [
              { kind: 'Argument', name: { kind: 'Name', value: 'ags' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'ags' } } },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'code' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'district' } },
              },
            ],
            directives: [
              {
                kind: 'Directive',
                name: { kind: 'Name', value: 'include' },
                arguments: [
                  {
                    kind: 'Argument',
                    name: { kind: 'Name', value: 'if' },
                    value: { kind: 'Variable', name: { kind: 'Name', value: 'hasDistrict' } },
                  },
                ],
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
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
                      { kind: 'Field', name: { kind: 'Name', value: 'months' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'monthly' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'month' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'energyKwh' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'lights' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'ledLights' } },
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
                      { kind: 'Field', name: { kind: 'Name', value: 'lights' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'ledLights' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'ledShare' } },
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
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'investmentMeasures' },
            arguments: [
              { kind: 'Argument', name: { kind: 'Name', value: 'category' }, value: { kind: 'StringValue', value: 'LED', block: false } },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'startYear' } },
                { kind: 'Field', name: { kind: 'Name', value: 'endYear' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'totalCost' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'amount' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                    ],
                  },
                },
                { kind: 'Field', name: { kind: 'Name', value: 'fundingShare' } },
                { kind: 'Field', name: { kind: 'Name', value: 'fundingSource' } },
                { kind: 'Field', name: { kind: 'Name', value: 'convertedLights' } },
                { kind: 'Field', name: { kind: 'Name', value: 'estimatedSavingKwh' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'district' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            alias: { kind: 'Name', value: 'measuresDataset' },
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
        ],
      },
    },
  ],
} as unknown as DocumentNode<LightingQuery, LightingQueryVariables>
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
