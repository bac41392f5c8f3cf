import { describe, expect, it } from 'vitest'
import { buildSchema, parse, specifiedRules, validate } from 'graphql'
import { collectSelectedCoordinates, personalCoordinates, rememberedCoordinates, selectedCoordinates } from './personal-coordinates.js'

const schema = buildSchema(`
  type Query { records: [Record!]! districts: [District!]! }
  type Record { id: ID! religion: String }
  type District { code: ID! name: String! }
`)

describe('selectedCoordinates', () => {
  it('sees through aliases and fragments, leaves out introspection, and sorts', () => {
    const doc = parse('{ a: districts { ...D } __typename records { ... on Record { religion } } } fragment D on District { code name }')
    expect(selectedCoordinates(schema, doc)).toEqual([
      'District.code',
      'District.name',
      'Query.districts',
      'Query.records',
      'Record.religion',
    ])
  })

  it('walks a document once per schema and hands out the same frozen answer', () => {
    const doc = parse('{ districts { code } }')
    const first = selectedCoordinates(schema, doc)
    expect(selectedCoordinates(schema, doc)).toBe(first)
    expect(Object.isFrozen(first)).toBe(true)
    // Another document or another schema is walked on its own.
    expect(selectedCoordinates(schema, parse('{ districts { name } }'))).toEqual(['District.name', 'Query.districts'])
    const other = buildSchema('type Query { districts: [District!]! } type District { code: ID! }')
    expect(selectedCoordinates(other, doc)).not.toBe(first)
    expect(selectedCoordinates(other, doc)).toEqual(first)
  })
})

describe('collectSelectedCoordinates', () => {
  const text = '{ a: districts { ...D } __typename records { ... on Record { religion } } } fragment D on District { code name }'

  it('remembers during validation what a walk would find, and reports nothing', () => {
    const doc = parse(text)
    expect(rememberedCoordinates(schema, doc)).toBeUndefined()
    expect(validate(schema, doc, [...specifiedRules, collectSelectedCoordinates])).toEqual([])
    const remembered = rememberedCoordinates(schema, doc)
    expect(remembered).toEqual(selectedCoordinates(schema, parse(text)))
    expect(selectedCoordinates(schema, doc)).toBe(remembered)
    // Remembered per schema: another schema's walk is its own.
    const other = buildSchema('type Query { districts: [District!]! } type District { code: ID! }')
    expect(rememberedCoordinates(other, doc)).toBeUndefined()
  })

  it('remembers nothing when validation stopped early (too many errors)', () => {
    const doc = parse('{ nope1 nope2 districts { code } }')
    expect(validate(schema, doc, [...specifiedRules, collectSelectedCoordinates], { maxErrors: 1 })).toHaveLength(2)
    expect(rememberedCoordinates(schema, doc)).toBeUndefined()
    expect(selectedCoordinates(schema, doc)).toEqual(['District.code', 'Query.districts'])
  })
})

describe('personalCoordinates', () => {
  it('keeps the selected coordinates of class personal or special', () => {
    const requirements = new Map([
      ['Record.religion', [['special']]],
      ['Query.records', [['personal']]],
      ['District.code', [['open']]],
    ]) as any
    expect(personalCoordinates(schema, parse('{ records { id religion } districts { code } }'), requirements)).toEqual([
      'Query.records',
      'Record.religion',
    ])
  })

  it("counts the field's return type and the type it is selected on, and answers once per document", () => {
    const requirements = new Map([['Record', [['personal']]]]) as any
    const doc = parse('{ records { id } districts { code } }')
    const first = personalCoordinates(schema, doc, requirements)
    expect(first).toEqual(['Query.records', 'Record.id'])
    expect(personalCoordinates(schema, doc, requirements)).toBe(first)
    expect(Object.isFrozen(first)).toBe(true)
  })

  it('sees a personal type reached through an interface or a union, where no selected field returns it', () => {
    const abstract = buildSchema(`
      type Query { node(id: ID!): Node search: [Hit!]! }
      interface Node { id: ID! }
      type Resident implements Node { id: ID! name: String }
      type District implements Node { id: ID! code: ID! }
      union Hit = Resident | District
    `)
    const requirements = new Map([['Resident', [['personal']]]]) as any
    expect(personalCoordinates(abstract, parse('{ node(id: "1") { ... on Resident { name } } }'), requirements)).toEqual(['Resident.name'])
    expect(personalCoordinates(abstract, parse('{ search { ... on Resident { id } ... on District { code } } }'), requirements)).toEqual([
      'Resident.id',
    ])
    expect(personalCoordinates(abstract, parse('{ node(id: "1") { id ... on District { code } } }'), requirements)).toEqual([])
  })
})
