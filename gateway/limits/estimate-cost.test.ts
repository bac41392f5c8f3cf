import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'graphql'
import { getStitchedSchemaFromSupergraphSdl } from '@graphql-tools/federation'
import { SUPERGRAPH_PATH } from '../../schema/supergraph-file.js'
import { DEFAULT_LIST_SIZE, estimateCost } from './estimate-cost.js'

const schema = getStitchedSchemaFromSupergraphSdl({ supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8') })
const cost = (query: string, variables?: Record<string, unknown>) => estimateCost(schema, parse(query), undefined, variables)

describe('estimateCost (T33)', () => {
  it.each([
    ['one scalar field of one object', '{ district(code: "01") { code } }', 2],
    ['a list without a bound counts the default size', '{ districts { code name } }', DEFAULT_LIST_SIZE * 3],
    ['first bounds a list', '{ allocationRecords(from: "2022-01-01", to: "2022-12-31", first: 10) { id route } }', 30],
    ['the declared default of first counts when it is left out', '{ allocationRecords(from: "2022-01-01", to: "2022-12-31") { id } }', 200],
    ['a from/to range', '{ years(from: 2015, to: 2024) { year } }', 20],
    ['nesting multiplies', '{ districts { population(year: 2025) { byNationality(top: 5) { group } } } }', DEFAULT_LIST_SIZE * (1 + 1 + 5 * 2)],
    ['fragments count where they are spread', '{ districts { ...F } } fragment F on District { code }', DEFAULT_LIST_SIZE * 2],
    ['introspection and __typename are free', '{ __typename __schema { types { name } } }', 0],
  ])('%s', (_name, query, expected) => {
    expect(cost(query)).toBe(expected)
  })

  it('reads list sizes from variables', () => {
    expect(cost('query ($n: Int) { allocationRecords(from: "2022-01-01", to: "2022-12-31", first: $n) { id } }', { n: 99_999_999 })).toBe(199_999_998)
  })
})
