import { parse, print } from 'graphql'
import { describe, expect, it } from 'vitest'
import { fetchBody } from './plan-executor.js'

describe('fetch request body', () => {
  const document = parse('query Q($r: [_Any!]!) { _entities(representations: $r) { ... on District { name } } }')
  const text = print(document)

  it.each([
    { name: 'variables and operation name', variables: { r: [{ __typename: 'District', id: '01' }] }, operationName: 'Q' },
    { name: 'no variables', variables: undefined, operationName: 'Q' },
    { name: 'no operation name', variables: { r: [] }, operationName: undefined },
    { name: 'a null operation name', variables: { r: [] }, operationName: null },
    { name: 'strings to escape', variables: { s: 'a"b\\c\n\u2028ü', n: null, x: { y: [1.5, true] } }, operationName: 'Q' },
  ])('is what JSON.stringify writes, for a document sent again and again: $name', ({ variables, operationName }) => {
    const expected = JSON.stringify({ query: text, variables, operationName })
    expect(fetchBody(document, variables, operationName)).toBe(expected)
    expect(fetchBody(document, variables, operationName)).toBe(expected)
  })

  it('keeps each document its own text', () => {
    const other = parse('{ districts { name } }')
    expect(fetchBody(other, undefined, undefined)).toBe(JSON.stringify({ query: print(other) }))
    expect(JSON.parse(fetchBody(document, {}, undefined))).toEqual({ query: text, variables: {} })
  })
})
