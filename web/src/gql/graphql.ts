/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] }
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never }
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core'
export type CellFlag = 'ESTIMATED' | 'LIMITED_RELIABILITY' | 'PROVISIONAL' | 'REVISED'

/** How a statistical cell may be read. */
export type CellStatus = 'EXACT' | 'NOT_AVAILABLE' | 'NOT_MEANINGFUL' | 'PERTURBED' | 'ROUNDED' | 'SECRET' | 'ZERO'

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

export type TypeFieldsQueryVariables = Exact<{
  name: string
}>

export type TypeFieldsQuery = { __type: { name: string | null; fields: Array<{ name: string }> | null } | null }

export type OverviewPopulationQueryVariables = Exact<{
  from: number
  to: number
}>

export type OverviewPopulationQuery = {
  years: Array<{ year: number; population: { value: number | null; status: CellStatus; flags: Array<CellFlag> } | null }>
  dataset: { ownerDepartment: string; stichtag: string; asOf: string } | null
}

export type OverviewAsylumQueryVariables = Exact<{
  from: number
  to: number
  prev: number
}>

export type OverviewAsylumQuery = {
  years: Array<{
    year: number
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
  }>
  thisYear: {
    allocations: Array<{ period: string; count: { value: number | null; status: CellStatus; flags: Array<CellFlag> } }> | null
  } | null
  lastYear: {
    allocations: Array<{ period: string; count: { value: number | null; status: CellStatus; flags: Array<CellFlag> } }> | null
  } | null
}

export type OverviewAsylumSufficiencyQueryVariables = Exact<{
  day: string
}>

export type OverviewAsylumSufficiencyQuery = {
  asylumCapacity: { day: string; sufficient: boolean; monthsOfHeadroom: number | null } | null
}

export type OverviewFinanceQueryVariables = Exact<{
  from: number
  to: number
}>

export type OverviewFinanceQuery = {
  years: Array<{
    year: number
    ansatz: {
      ordinaryResult: { amount: number | null; status: CellStatus }
      ordinaryExpense: { amount: number | null; status: CellStatus }
    } | null
    ist: {
      ordinaryResult: { amount: number | null; status: CellStatus }
      ordinaryExpense: { amount: number | null; status: CellStatus }
      provenance: { ownerDepartment: string; stichtag: string; asOf: string }
    } | null
  }>
}

export type OverviewKitaQueryVariables = Exact<{
  ags: string | number
  to: number
  prev: number
  prev2: number
}>

export type OverviewKitaQuery = {
  districts: Array<{
    code: string
    kitaNow: {
      year: number
      placesTotal: number
      placesU3: number
      provenance: { ownerDepartment: string; stichtag: string; asOf: string }
    } | null
    kitaBefore: { year: number; placesTotal: number } | null
    under3Now: { value: number | null; status: CellStatus; flags: Array<CellFlag> } | null
    age3to5Now: { value: number | null; status: CellStatus; flags: Array<CellFlag> } | null
    under3Before: { value: number | null; status: CellStatus; flags: Array<CellFlag> } | null
    age3to5Before: { value: number | null; status: CellStatus; flags: Array<CellFlag> } | null
  }>
}

export type OverviewSocialQueryVariables = Exact<{
  from: number
  to: number
}>

export type OverviewSocialQuery = {
  years: Array<{
    year: number
    residents: number | null
    eingliederungshilfe: Array<{
      recipients: { value: number | null; status: CellStatus; flags: Array<CellFlag> }
      provenance: { ownerDepartment: string; stichtag: string; asOf: string }
    }> | null
  }>
}

export type OverviewLightingQueryVariables = Exact<{
  from: number
  to: number
}>

export type OverviewLightingQuery = {
  years: Array<{
    year: number
    streetLighting: {
      stichtag: string
      lights: number
      ledShare: number
      provenance: { ownerDepartment: string; stichtag: string; asOf: string }
    } | null
  }>
}

export type OverviewFreshnessQueryVariables = Exact<{ [key: string]: never }>

export type OverviewFreshnessQuery = {
  datasets: Array<{
    id: string
    title: string
    ownerDepartment: string
    stichtag: string
    refreshCadence: string
    freshness: Freshness
    stale: boolean
  }>
}

export type OverviewWarnDayQueryVariables = Exact<{ [key: string]: never }>

export type OverviewWarnDayQuery = { dataset: { stichtag: string } | null }

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
        bands: Array<{ from: number | null; to: number | null; label: string; color: string }>
        provenance: { ownerDepartment: string; stichtag: string; asOf: string }
      } | null
    } | null
  } | null
}

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
export const OverviewPopulationDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'OverviewPopulation' },
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
              ],
            },
          },
          {
            kind: 'Field',
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
} as unknown as DocumentNode<OverviewPopulationQuery, OverviewPopulationQueryVariables>
export const OverviewAsylumDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'OverviewAsylum' },
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
            alias: { kind: 'Name', value: 'thisYear' },
            name: { kind: 'Name', value: 'year' },
            arguments: [
              { kind: 'Argument', name: { kind: 'Name', value: 'year' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'to' } } },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
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
        ],
      },
    },
  ],
} as unknown as DocumentNode<OverviewAsylumQuery, OverviewAsylumQueryVariables>
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
export const OverviewFinanceDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'OverviewFinance' },
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
} as unknown as DocumentNode<OverviewFinanceQuery, OverviewFinanceQueryVariables>
export const OverviewKitaDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'OverviewKita' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'ags' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
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
        ],
      },
    },
  ],
} as unknown as DocumentNode<OverviewKitaQuery, OverviewKitaQueryVariables>
export const OverviewSocialDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'OverviewSocial' },
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
                { kind: 'Field', name: { kind: 'Name', value: 'residents' } },
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
} as unknown as DocumentNode<OverviewSocialQuery, OverviewSocialQueryVariables>
export const OverviewLightingDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'OverviewLighting' },
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
                      { kind: 'Field', name: { kind: 'Name', value: 'stichtag' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'lights' } },
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
        ],
      },
    },
  ],
} as unknown as DocumentNode<OverviewLightingQuery, OverviewLightingQueryVariables>
export const OverviewFreshnessDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'OverviewFreshness' },
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
                { kind: 'Field', name: { kind: 'Name', value: 'ownerDepartment' } },
                { kind: 'Field', name: { kind: 'Name', value: 'stichtag' } },
                { kind: 'Field', name: { kind: 'Name', value: 'refreshCadence' } },
                { kind: 'Field', name: { kind: 'Name', value: 'freshness' } },
                { kind: 'Field', name: { kind: 'Name', value: 'stale' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<OverviewFreshnessQuery, OverviewFreshnessQueryVariables>
export const OverviewWarnDayDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'OverviewWarnDay' },
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
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'stichtag' } }] },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<OverviewWarnDayQuery, OverviewWarnDayQueryVariables>
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
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'bands' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'from' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'to' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'label' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'color' } },
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
