import { describe, expect, it } from 'vitest'
import { satisfies } from '../classes.js'
import { composeSupergraph } from '../../schema/compose.js'
import { andRequirements, classOfCoordinate, defaultRequirement, fieldOwners, readRequirements, requirementOf } from './requirements.js'

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key", "@shareable", "@requiresScopes"])'
const SUPERGRAPH = composeSupergraph([
  {
    name: 'asylum',
    url: 'http://asylum.test/graphql',
    typeDefs: `${LINK}
    type Query { accommodations: [Accommodation!]! @requiresScopes(scopes: [["open"]]) asylumNote: String }
    type Accommodation @key(fields: "id") { id: ID! @requiresScopes(scopes: [["open"]]) operator: String @requiresScopes(scopes: [["internal"], ["asylum:internal"]]) district: District }
    type AllocationRecord @requiresScopes(scopes: [["personal"], ["asylum:personal"]]) { id: ID religion: String @requiresScopes(scopes: [["special"], ["asylum:special"]]) }
    type District @key(fields: "code") { code: ID! @requiresScopes(scopes: [["open"]]) label: String @shareable }`,
  },
  {
    name: 'population',
    url: 'http://population.test/graphql',
    typeDefs: `${LINK}
    type Query { districts: [District!]! @requiresScopes(scopes: [["open"]]) }
    type District @key(fields: "code") { code: ID! @requiresScopes(scopes: [["open"]]) label: String @shareable residents: Int }`,
  },
])

describe('readRequirements', () => {
  const reqs = readRequirements(SUPERGRAPH)

  it.each([
    ['Query.accommodations', [['open']]],
    ['Accommodation.operator', [['internal'], ['asylum:internal']]],
    ['AllocationRecord', [['personal'], ['asylum:personal']]],
    ['AllocationRecord.religion', [['special'], ['asylum:special']]],
    ['District.code', [['open']]],
  ])('%s → %j', (coordinate, expected) => {
    expect(reqs.get(coordinate)).toEqual(expected)
  })

  it('has no entry for unclassified fields', () => {
    for (const c of ['Query.asylumNote', 'Accommodation.district', 'AllocationRecord.id', 'District.residents', 'District.label']) {
      expect(reqs.has(c)).toBe(false)
    }
  })

  it('honours a renamed directive (@link as:) and ANDs repeated type-level requirements', () => {
    const sdl = `
      schema @link(url: "https://specs.apollo.dev/requiresScopes/v0.1", as: "scopes") { query: Query }
      type Query @scopes(scopes: [["open"]]) { a: Int @scopes(scopes: [["x"], ["y"]]) }
      extend type Query @scopes(scopes: [["z"]])`
    const r = readRequirements(sdl)
    expect(r.get('Query.a')).toEqual([['x'], ['y']])
    expect(r.get('Query')).toEqual([['open', 'z']])
  })

  it('refuses a requirement it cannot read rather than treating the field as unclassified', () => {
    expect(() => readRequirements('type Query { a: Int @requiresScopes(scopes: "open") }')).toThrow(/Query\.a/)
  })
})

describe('fieldOwners', () => {
  const owners = fieldOwners(SUPERGRAPH)

  it.each([
    ['Query.accommodations', ['asylum']],
    ['Query.districts', ['population']],
    ['Accommodation.operator', ['asylum']],
    ['District.code', ['asylum', 'population']], // key of an entity shared by both
    ['District.label', ['asylum', 'population']], // shareable field resolved by both
    ['District.residents', ['population']],
    ['AllocationRecord.id', ['asylum']],
  ])('%s → %j', (coordinate, expected) => {
    expect(owners.get(coordinate)).toEqual(expected)
  })

  it('does not count external or overridden appearances as owners', () => {
    const sdl = `
      enum join__Graph { A @join__graph(name: "alpha", url: "") B @join__graph(name: "beta", url: "") }
      type T @join__type(graph: A) @join__type(graph: B) {
        x: Int @join__field(graph: A, external: true) @join__field(graph: B)
        y: Int @join__field(graph: A, usedOverridden: true) @join__field(graph: B, override: "alpha")
        z: Int
      }`
    const o = fieldOwners(sdl)
    expect(o.get('T.x')).toEqual(['beta'])
    expect(o.get('T.y')).toEqual(['beta'])
    expect(o.get('T.z')).toEqual(['alpha', 'beta'])
  })
})

describe('requirementOf and classOfCoordinate', () => {
  const reqs = readRequirements(SUPERGRAPH)
  const owners = fieldOwners(SUPERGRAPH)

  it('an unclassified field is internal of every department that resolves it', () => {
    expect(requirementOf('District.label', reqs, owners)).toEqual([['internal'], ['asylum:internal'], ['population:internal']])
    expect(requirementOf('Query.asylumNote', reqs, owners)).toEqual(defaultRequirement(['asylum']))
    expect(classOfCoordinate('Query.asylumNote', reqs, owners)).toBe('internal')
  })

  it('a type-level requirement is ANDed with the field requirement', () => {
    const req = requirementOf('AllocationRecord.religion', reqs, owners)
    expect(classOfCoordinate('AllocationRecord.religion', reqs, owners)).toBe('special')
    expect(classOfCoordinate('AllocationRecord.id', reqs, owners)).toBe('personal')
    expect(satisfies(req, new Set(['asylum:special']))).toBe(false)
    expect(satisfies(req, new Set(['asylum:special', 'asylum:personal']))).toBe(true)
    const idReq = requirementOf('AllocationRecord.id', reqs, owners)
    expect(satisfies(idReq, new Set(['asylum:personal']))).toBe(false) // unclassified = internal, and the type says personal
    expect(satisfies(idReq, new Set(['asylum:personal', 'asylum:internal']))).toBe(true)
  })

  it.each([
    [
      [['a'], ['b']],
      [['c']],
      [
        ['a', 'c'],
        ['b', 'c'],
      ],
    ],
    [[['a']], [['a'], ['b']], [['a'], ['a', 'b']]],
    [[], [['a']], []],
  ])('andRequirements(%j, %j) = %j', (x, y, expected) => {
    expect(andRequirements(x, y)).toEqual(expected)
  })
})
