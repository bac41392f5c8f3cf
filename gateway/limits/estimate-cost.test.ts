import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { buildSchema, parse } from 'graphql'
import { composeServices } from '@theguild/federation-composition'
import { getStitchedSchemaFromSupergraphSdl } from '@graphql-tools/federation'
import { SUPERGRAPH_PATH } from '../../schema/supergraph-file.js'
import { DEFAULT_LIST_SIZE, estimateCost } from './estimate-cost.js'
import { readCostDirectives } from './cost-directives.js'
import { DEFAULT_LIMITS } from './operation-limits.js'

const schema = getStitchedSchemaFromSupergraphSdl({ supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8') })
const cost = (query: string, variables?: Record<string, unknown>) => estimateCost(schema, parse(query), undefined, variables).cost

describe('estimateCost (T33)', () => {
  it.each([
    ['one object with a scalar: the object costs 1, scalars 0', '{ district(code: "01") { code } }', 1],
    ['a list without a bound counts the default size', '{ districts { code name } }', DEFAULT_LIST_SIZE],
    ['first bounds a list', '{ allocationRecords(from: "2022-01-01", to: "2022-12-31", first: 10) { id route } }', 10],
    ['the declared default of first counts when it is left out', '{ allocationRecords(from: "2022-01-01", to: "2022-12-31") { id } }', 100],
    ['a from/to range', '{ years(from: 2015, to: 2024) { year } }', 10],
    ['nesting multiplies', '{ districts { population(year: 2025) { byNationality(top: 5) { group } } } }', DEFAULT_LIST_SIZE * (1 + 1 + 5)],
    [
      'fragments count where they are spread',
      '{ districts { ...F ...F } } fragment F on District { municipality { ags } }',
      DEFAULT_LIST_SIZE * (1 + 2),
    ],
    ['introspection and __typename are free', '{ __typename __schema { types { name } } }', 0],
  ])('%s', (_name, query, expected) => {
    expect(cost(query)).toBe(expected)
  })

  it('reads list sizes from variables', () => {
    expect(cost('query ($n: Int) { allocationRecords(from: "2022-01-01", to: "2022-12-31", first: $n) { id } }', { n: 99_999_999 })).toBe(
      99_999_999,
    )
  })

  it('stops walking once the cost passes maxCost, and walks each fragment once however often it is spread', () => {
    const levels = 64
    const fragments = Array.from(
      { length: levels },
      (_, i) => `fragment F${i} on District { municipality { ags } ...F${i + 1} ...F${i + 1} }`,
    ).join('\n')
    const document = parse(`{ districts { ...F0 } } ${fragments} fragment F${levels} on District { code }`)
    const full = estimateCost(schema, document, undefined, undefined)
    expect(full.cost).toBe(DEFAULT_LIST_SIZE * (2 ** levels - 1)) // each F_i brings 1 and two F_(i+1)
    expect(full.visited).toBe(1 + 3 * levels + 1 + levels + 1) // every selection node once
    const stopped = estimateCost(schema, document, undefined, undefined, { maxCost: 1_000 })
    expect(stopped.cost).toBeGreaterThan(1_000)
    expect(stopped.visited).toBeLessThanOrEqual(full.visited)
  })
})

const SHOP = `
  type Query { products(first: Int): [Product] topProducts: [Product] users: [User] }
  interface Product { upc: ID reviews: [Review] }
  type Book implements Product { upc: ID reviews: [Review] author: User pages: Int }
  type Furniture implements Product { upc: ID reviews: [Review] material: String parts: [Part] }
  type Part { id: ID }
  type Review { id: ID body: String author: User product: Product }
  type User { id: ID name: String reviews: [Review] }
`

describe('estimateCost on abstract types', () => {
  const shop = buildSchema(SHOP)
  const shopCost = (query: string, options = {}) => estimateCost(shop, parse(query), undefined, undefined, options).cost

  it('takes the dearest branch for the object types of an interface, not their sum (an object matches one)', () => {
    const query = `{ topProducts { upc ... on Book { author { name } } ... on Furniture { parts { id } } } }`
    // Book: author 1; Furniture: parts 20 × 1 — the dearer branch counts
    expect(shopCost(query)).toBe(DEFAULT_LIST_SIZE * (1 + DEFAULT_LIST_SIZE))
    const spreads = `{ topProducts { ...B ...Fu ...Fu2 } } fragment B on Book { author { name } } fragment Fu on Furniture { parts { id } } fragment Fu2 on Furniture { material }`
    expect(shopCost(spreads)).toBe(DEFAULT_LIST_SIZE * (1 + DEFAULT_LIST_SIZE))
    // fragments on the interface itself apply to every object
    expect(shopCost(`{ topProducts { ... on Product { reviews { id } } ... on Book { author { id } } } }`)).toBe(
      DEFAULT_LIST_SIZE * (1 + DEFAULT_LIST_SIZE + 1),
    )
  })

  it('admits an ordinary three-level nested list query over interfaces under the default limit', () => {
    const query = `{
      topProducts {
        upc
        ... on Book { pages author { name } }
        ... on Furniture { material }
        reviews { id body author { id name reviews { id body product { upc ... on Book { pages } ... on Furniture { material } } } } }
      }
    }`
    const estimated = shopCost(query)
    expect(estimated).toBe(20 * (1 + 1 + 20 * (1 + 1 + 20 * (1 + 1))))
    expect(estimated).toBeLessThanOrEqual(DEFAULT_LIMITS.maxCost)
  })
})

describe('@listSize and @cost', () => {
  const subgraph = `
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@listSize", "@cost"])
    type Query {
      items(first: Int, pageSize: Int): [Item!]! @listSize(assumedSize: 5, slicingArguments: ["pageSize"])
      everything: [Item!]! @listSize(assumedSize: 3)
      plain: [Item!]!
    }
    type Item @key(fields: "id") { id: ID! name: String @cost(weight: 4) related: [Item!]! }
  `
  const composed = composeServices([{ name: 'shop', typeDefs: parse(subgraph), url: 'http://shop.invalid/graphql' }])
  if (!('supergraphSdl' in composed) || !composed.supergraphSdl) throw new Error(`composition failed: ${JSON.stringify(composed.errors)}`)
  const supergraph = composed.supergraphSdl
  const api = getStitchedSchemaFromSupergraphSdl({ supergraphSdl: supergraph })
  const directives = readCostDirectives(supergraph)
  const costOf = (query: string, variables?: Record<string, unknown>) =>
    estimateCost(api, parse(query), undefined, variables, { directives }).cost

  it('reads them from a composed supergraph', () => {
    expect(directives.get('Query.items')).toEqual({ assumedSize: 5, slicingArguments: ['pageSize'] })
    expect(directives.get('Query.everything')).toEqual({ assumedSize: 3 })
    expect(directives.get('Item.name')).toEqual({ weight: 4 })
  })

  it('sizes a list by its slicing arguments, else its assumed size, else the default', () => {
    expect(costOf('{ items(pageSize: 7) { id } }')).toBe(7)
    expect(costOf('query ($n: Int) { items(pageSize: $n) { id } }', { n: 2 })).toBe(2)
    // `first` is not a slicing argument of this field: the assumed size counts
    expect(costOf('{ items(first: 1000) { id } }')).toBe(5)
    expect(costOf('{ everything { id } }')).toBe(3)
    expect(costOf('{ plain { id } }')).toBe(DEFAULT_LIST_SIZE)
    expect(estimateCost(api, parse('{ plain { id } }'), undefined, undefined, { directives, defaultListSize: 4 }).cost).toBe(4)
  })

  it('weighs a field by @cost', () => {
    expect(costOf('{ everything { name } }')).toBe(3 * (1 + 4))
  })
})
