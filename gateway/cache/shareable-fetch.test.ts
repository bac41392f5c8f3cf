import { describe, expect, it } from 'vitest'
import { buildSchema, parse } from 'graphql'
import type { Requirements } from '../../auth/policy/types.js'
import { shareableFetch } from './subgraph-dedupe.js'

// The verdict on subgraph fetch documents as the planner writes them (root fetches, `_entities`
// fetches through `... on Type`, named fragments), against a small supergraph-like schema.

const supergraph = buildSchema(`
  type Query { district(code: ID!): District, resident(id: ID!): Resident, node(id: ID!): Node }
  type Mutation { renameDistrict(code: ID!): District }
  interface Node { id: ID! }
  type District implements Node { id: ID!, code: ID!, name: String, households: Int, mayor: Resident }
  type Resident implements Node { id: ID!, name: String }
`)
const requirements: Requirements = new Map([
  ['Query.district', [['open']]],
  ['Query.resident', [['personal']]],
  ['District.code', [['open']]],
  ['District.name', [['open']]],
  ['District.households', [['special']]],
  ['Resident', [['personal']]],
])
const shareable = (text: string) => shareableFetch(supergraph, requirements, parse(text))

describe('shareableFetch', () => {
  it('shares queries over fields that are neither personal nor special, meta fields included', () => {
    expect(shareable('query { district(code: "1") { __typename code name } }')).toBe(true)
    expect(shareable('{ __typename node(id: "1") { id ... on District { name } } }')).toBe(true)
  })

  it('never shares a mutation', () => {
    expect(shareable('mutation { renameDistrict(code: "1") { code } }')).toBe(false)
  })

  it("refuses by the field's own class, its type's, or its parent type's", () => {
    expect(shareable('{ district(code: "1") { households } }')).toBe(false)
    expect(shareable('{ district(code: "1") { mayor { id } } }')).toBe(false)
    expect(shareable('{ resident(id: "1") { id } }')).toBe(false)
  })

  it('looks into `_entities` through the type conditions, `__typename` directly under it allowed', () => {
    const entities = (selection: string) =>
      shareable(`query($r: [String!]!) { _entities(representations: $r) { __typename ${selection} } }`)
    expect(entities('... on District { code name }')).toBe(true)
    expect(entities('... on District { households }')).toBe(false)
    expect(entities('... on Resident { id }')).toBe(false)
    // Without a type condition the parent type is unknown, and so is the field's class.
    expect(entities('... { code }')).toBe(false)
  })

  it('walks named fragments against their type condition', () => {
    expect(shareable('{ district(code: "1") { ...D } } fragment D on District { code name }')).toBe(true)
    expect(shareable('{ district(code: "1") { ...D } } fragment D on District { households }')).toBe(false)
    expect(shareable('{ district(code: "1") { code } } fragment R on Resident { id }')).toBe(false)
  })

  it('refuses fields the supergraph does not know', () => {
    expect(shareable('{ district(code: "1") { population } }')).toBe(false)
    expect(shareable('{ unknown }')).toBe(false)
    expect(shareable('{ district(code: "1") { ... on Unknown { code } } }')).toBe(false)
  })

  it("judges each field by the requirements it is given: another supergraph's requirements are judged anew", () => {
    const text = '{ district(code: "1") { name } }'
    expect(shareable(text)).toBe(true)
    const stricter: Requirements = new Map([...requirements, ['District.name', [['personal']]]])
    expect(shareableFetch(supergraph, stricter, parse(text))).toBe(false)
    expect(shareable(text)).toBe(true)
  })
})
