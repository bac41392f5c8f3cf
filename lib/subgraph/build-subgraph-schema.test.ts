import { describe, expect, it } from 'vitest'
import { graphql, printSchema } from 'graphql'
import { buildSubgraphSchema } from './build-subgraph-schema.js'
import { composeSupergraph, CompositionError } from '../../schema/compose.js'
import { subgraphsOf, withSubgraphUrls } from '../../platform/supergraph-readers.js'

const inventory = `
extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: [{ name: "@key", as: "@primaryKey" }, "@shareable", "@requiresScopes"])
type Query { shelf(id: ID!): Shelf }
type Shelf @primaryKey(fields: "id") { id: ID! books: [Book!]! @requiresScopes(scopes: [["staff"]]) }
type Book @primaryKey(fields: "isbn", resolvable: false) { isbn: ID! }
type Room @primaryKey(fields: "number") { number: Int! label: String }
`

const calls: string[][] = []
const resolvers = {
  Query: { shelf: (_: unknown, { id }: { id: string }) => ({ id }) },
  Shelf: {
    __resolveReference: async (ref: { id: string }) => (ref.id === 'missing' ? null : { id: ref.id }),
    books: (s: { id: string }) => {
      calls.push([s.id])
      return [{ isbn: `${s.id}-1` }]
    },
  },
}

describe('buildSubgraphSchema', () => {
  const { schema, sdl, entityTypes } = buildSubgraphSchema(inventory, resolvers)

  it('adds the federation plumbing for resolvable @key types only, honouring import aliases', () => {
    expect(entityTypes).toEqual(['Shelf', 'Room'])
    const printed = printSchema(schema)
    expect(printed).toContain('union _Entity = Shelf | Room')
    expect(printed).toContain('_entities(representations: [_Any!]!): [_Entity]!')
    expect(printed).toContain('directive @primaryKey(')
    expect(printed).toContain('directive @federation__override(')
    expect(sdl).toContain('type StatCount @shareable')
  })

  it('serves the SDL it was built from, shared value types included', async () => {
    const res = await graphql({ schema, source: '{ _service { sdl } }' })
    expect((res.data as any)._service.sdl).toBe(sdl)
  })

  it('resolves representations through __resolveReference, or to the representation itself', async () => {
    const res = await graphql({
      schema,
      source: `query ($r: [_Any!]!) { _entities(representations: $r) { __typename ... on Shelf { id books { isbn } } ... on Room { number label } } }`,
      variableValues: {
        r: [
          { __typename: 'Shelf', id: 's1' },
          { __typename: 'Shelf', id: 'missing' },
          { __typename: 'Room', number: 7, label: 'A' },
        ],
      },
    })
    expect(res.errors).toBeUndefined()
    expect((res.data as any)._entities).toEqual([
      { __typename: 'Shelf', id: 's1', books: [{ isbn: 's1-1' }] },
      null,
      { __typename: 'Room', number: 7, label: 'A' },
    ])
  })

  it('rejects representations of types that are not entities here', async () => {
    const res = await graphql({
      schema,
      source: `query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }`,
      variableValues: { r: [{ __typename: 'Book', isbn: '1' }] },
    })
    expect(res.errors?.[0].message).toMatch(/Unknown entity type "Book"/)
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT')
  })

  it('omits _entities when a subgraph has no entities', () => {
    const plain = buildSubgraphSchema(
      `extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@shareable"])
      type Query { ping: String }`,
      { Query: { ping: () => 'pong' } },
    )
    expect(plain.entityTypes).toEqual([])
    expect(printSchema(plain.schema)).not.toContain('_entities')
  })
})

describe('composeSupergraph', () => {
  const library = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key", "@shareable"])
    type Book @key(fields: "isbn") { isbn: ID! title: String! }
    type Query { books: [Book!]! }`

  it('composes subgraphs and exposes their URLs', () => {
    const sdl = composeSupergraph([
      { name: 'inventory', url: 'http://inventory:1/graphql', typeDefs: inventory },
      { name: 'library', url: 'http://library:2/graphql', typeDefs: library },
    ])
    expect(subgraphsOf(sdl)).toEqual([
      { name: 'inventory', url: 'http://inventory:1/graphql' },
      { name: 'library', url: 'http://library:2/graphql' },
    ])
    expect(subgraphsOf(withSubgraphUrls(sdl, { library: 'http://elsewhere/graphql' }))[1].url).toBe('http://elsewhere/graphql')
  })

  it('fails with one readable line per problem', () => {
    const conflicting = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key", "@shareable"])
      type Book @key(fields: "isbn") { isbn: ID! title: Int! }`
    let error: unknown
    try {
      composeSupergraph([
        { name: 'library', url: 'http://a/graphql', typeDefs: library },
        { name: 'shop', url: 'http://b/graphql', typeDefs: conflicting },
      ])
    } catch (err) {
      error = err
    }
    expect(error).toBeInstanceOf(CompositionError)
    expect((error as Error).message).toMatch(/Book\.title/)
  })

  it('names the department whose SDL does not parse', () => {
    expect(() => composeSupergraph([{ name: 'broken', url: 'http://a/graphql', typeDefs: 'type Query { x: }' }])).toThrow(/\[broken\]/)
  })
})
