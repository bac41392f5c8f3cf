import { afterAll, describe, expect, inject, it } from 'vitest'
import { execute, parse, type GraphQLSchema } from 'graphql'
import { getStitchedSchemaFromSupergraphSdl } from '@graphql-tools/federation'
import { createDb } from '../../platform/db/create-db.js'
import { buildSubgraphSchema } from '../../lib/subgraph/build-subgraph-schema.js'
import { checkClassification } from '../../schema/check-classification.js'
import { composeSupergraph } from '../../schema/compose.js'
import { TEST_IDENTITY } from '../../test/helpers/start-subgraphs.js'
import { createCatalogService } from './server.js'
import { addDays } from './warn-gauge.js'

/**
 * The gauge through the planner: the catalog's `@requires` with a nested selection, composed with a
 * department that serves HealthDay exactly as the social department's contract says. The department
 * here is a fixture with a fixed series (the real one is tested through the gateway in
 * test/e2e/warn-gauge.test.ts); what is under test is composition, planning and the catalog.
 */
const HEALTH_SDL = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key", "@shareable", "@requiresScopes"])
type Query { municipality(ags: ID!): Municipality @requiresScopes(scopes: [["open"]]) }
type Municipality @key(fields: "ags") {
  ags: ID! @requiresScopes(scopes: [["open"]])
  healthDay(day: Date!): HealthDay @requiresScopes(scopes: [["open"]])
}
type HealthDay @key(fields: "ags day") {
  ags: ID! @requiresScopes(scopes: [["open"]])
  day: Date! @requiresScopes(scopes: [["open"]])
  incidence7: Float @requiresScopes(scopes: [["open"]])
  hospitalization7: Float @requiresScopes(scopes: [["open"]])
  icuShare: Float @requiresScopes(scopes: [["open"]])
  recent: [HealthDayValues!]! @requiresScopes(scopes: [["open"]])
}
type HealthDayValues @shareable { day: Date! incidence7: Float hospitalization7: Float icuShare: Float }
`

// October 2020 in the city: 18, 22, 36, then three days above 50.
const SERIES = new Map(
  [18, 22, 36, 51, 58, 65].map((v, i) => [addDays('2020-10-20', i), { incidence7: v, hospitalization7: null, icuShare: null }]),
)
const valuesOn = (day: string) => ({ day, ...(SERIES.get(day) ?? { incidence7: null, hospitalization7: null, icuShare: null }) })
const representations: unknown[] = []

const healthResolvers = {
  Query: { municipality: (_: unknown, { ags }: { ags: string }) => ({ ags }) },
  Municipality: { healthDay: (m: { ags: string }, { day }: { day: string }) => ({ ags: m.ags, day }) },
  HealthDay: {
    __resolveReference: (ref: { ags: string; day: string }) => ({ ags: ref.ags, day: ref.day }),
    incidence7: (h: { day: string }) => valuesOn(h.day).incidence7,
    hospitalization7: (h: { day: string }) => valuesOn(h.day).hospitalization7,
    icuShare: (h: { day: string }) => valuesOn(h.day).icuShare,
    recent: (h: { day: string }) => Array.from({ length: 14 }, (_, i) => valuesOn(addDays(h.day, i - 13))),
  },
}

const catalog = createCatalogService({ warnGauge: true, now: () => new Date('2020-10-25T12:00:00Z') })
const handle = createDb<any>(inject('cityDatabaseUrl'), { max: 2 })
afterAll(() => handle.close())

function gatewaySchema(): GraphQLSchema {
  const supergraphSdl = composeSupergraph([
    { name: 'social', url: 'http://social.invalid/graphql', typeDefs: HEALTH_SDL },
    { name: 'catalog', url: 'http://catalog.invalid/graphql', typeDefs: catalog.typeDefs },
  ])
  const locals = new Map<string, { schema: GraphQLSchema; context: () => unknown }>([
    ['SOCIAL', { schema: buildSubgraphSchema(HEALTH_SDL, healthResolvers).schema, context: () => ({}) }],
    [
      'CATALOG',
      {
        schema: buildSubgraphSchema(catalog.typeDefs, catalog.resolvers).schema,
        context: () => ({ db: handle.db, loaders: catalog.createLoaders(handle.db), principal: TEST_IDENTITY }),
      },
    ],
  ])
  return getStitchedSchemaFromSupergraphSdl({
    supergraphSdl,
    onSubschemaConfig(config) {
      const local = locals.get(config.name)!
      config.executor = (async ({ document, variables }: any) => {
        if (config.name === 'CATALOG' && variables?.representations) representations.push(...variables.representations)
        return execute({ schema: local.schema, document, variableValues: variables, contextValue: local.context() })
      }) as any
    },
  })
}

describe('warning gauge through the federation planner', () => {
  it('classifies the gauge consistently with a department serving HealthDay', () => {
    expect(
      checkClassification([
        { name: 'social', typeDefs: HEALTH_SDL, file: 'social.graphql' },
        { name: 'catalog', typeDefs: catalog.typeDefs, file: 'catalog.graphql' },
      ]),
    ).toEqual([])
  })

  it('hands __resolveReference the whole representation, required fields included', async () => {
    const seen: unknown[] = []
    const { schema } = buildSubgraphSchema(catalog.typeDefs, {
      ...catalog.resolvers,
      HealthDay: {
        ...catalog.resolvers.HealthDay,
        __resolveReference: (ref: unknown) => {
          seen.push(ref)
          return ref
        },
      },
    })
    const rep = {
      __typename: 'HealthDay',
      ags: '07312000',
      day: '2020-10-25',
      incidence7: 65,
      hospitalization7: null,
      icuShare: null,
      recent: [{ day: '2020-10-25', incidence7: 65 }],
    }
    const res = await execute({
      schema,
      document: parse('query ($r: [_Any!]!) { _entities(representations: $r) { ... on HealthDay { day } } }'),
      variableValues: { r: [rep] },
    })
    expect(res.errors).toBeUndefined()
    expect(seen).toEqual([rep])
  })

  it('sends the required fields, the nested recent series included, and computes the level from them', async () => {
    const schema = gatewaySchema()
    const res = await execute({
      schema,
      contextValue: {},
      document: parse(`{ municipality(ags: "07312000") {
      d4: healthDay(day: "2020-10-24") { warnGauge { level label daysAboveThreshold } }
      d5: healthDay(day: "2020-10-25") { day incidence7 warnGauge { value level label color ruleSet trend7d readings { indicator { id } level } } } } }`),
    })
    expect(res.errors).toBeUndefined()
    const m = (res.data as any).municipality
    expect(m.d4.warnGauge).toEqual({ level: 2, label: 'Gefahrenstufe (orange)', daysAboveThreshold: 2 })
    expect(m.d5).toEqual({
      day: '2020-10-25',
      incidence7: 65,
      warnGauge: {
        value: 65,
        level: 3,
        label: 'Alarmstufe (rot)',
        color: '#d73027',
        ruleSet: 'RLP_AKTIONSPLAN_2020',
        trend7d: null,
        readings: [{ indicator: { id: 'incidence7' }, level: 3 }],
      },
    })
    const sent = representations.find((r: any) => r.day === '2020-10-25') as any
    expect(sent).toMatchObject({ __typename: 'HealthDay', ags: '07312000', day: '2020-10-25', incidence7: 65 })
    expect(sent.recent).toHaveLength(14)
    expect(sent.recent[13]).toEqual({ day: '2020-10-25', incidence7: 65, hospitalization7: null, icuShare: null })
  })
})
