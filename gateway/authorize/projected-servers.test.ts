import { createRequire } from 'node:module'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { buildSchema, parse, specifiedRules, validate, ValidationContext, type DocumentNode } from 'graphql'
import type { ApolloServer, ApolloServerPlugin } from '@apollo/server'
import { collectSelectedCoordinates, rememberedCoordinates } from '../../auth/audit/personal-coordinates.js'
import { UNRESTRICTED, type GatewayContext } from '../gateway-context.js'
import { createProjectedServers, KnownOperationTypes } from './projected-servers.js'

const { Parser } = createRequire(import.meta.url)('graphql/language/parser.js') as {
  Parser: { prototype: { parseDocument(): DocumentNode } }
}

const schema = buildSchema(`
  type Resident { name: String! address: String }
  type District { code: ID! name: String! residents(first: Int = 10): [Resident!]! }
  type Query { district(code: ID!): District districts: [District!] }
`)

const LIMITS = { projectionEntries: 10, documentEntries: 100, documentBytes: 1e9 }

/** Counts Apollo's parse and validation hooks and remembers the document each operation ran with. */
function observer() {
  const seen = { parsing: 0, validation: 0, documents: [] as DocumentNode[] }
  const plugin: ApolloServerPlugin<GatewayContext> = {
    async requestDidStart() {
      return {
        async parsingDidStart() {
          seen.parsing++
        },
        async validationDidStart() {
          seen.validation++
        },
        async didResolveOperation({ document }) {
          seen.documents.push(document)
        },
      }
    },
  }
  return { seen, plugin }
}

async function serve(server: ApolloServer<GatewayContext>, query: string, variables?: Record<string, unknown>) {
  const response = await server.executeOperation(
    { query, variables },
    { contextValue: { principal: {} as GatewayContext['principal'], access: UNRESTRICTED } },
  )
  return { status: response.http.status ?? 200, body: response.body }
}

const INVALID = [
  '{ nope }',
  '{ district { code } }',
  '{ district(code: 1) { code nope: name nope: code } }',
  'query Q($unused: Int) { districts { code } }',
  '{ districts { ...A } } fragment A on District { ...B } fragment B on District { ...A }',
  '{ districts { code @skip } }',
  'subscription { districts { code } }',
  'mutation { districts { code } }',
  '{ __schema { queryType { name } } }',
  '{ districts { code ',
  `{ ${Array.from({ length: 40 }, () => 'districts { code }').join(' ')} }`,
]

afterEach(() => void vi.restoreAllMocks())

describe('projected servers', () => {
  it('answers every document, valid or not, new or kept, exactly as Apollo Server alone does', async () => {
    for (const introspection of [true, false]) {
      const ours = await createProjectedServers([], 20, LIMITS).get('k', () => schema, { introspection })
      const apollos = await createProjectedServers([], 20, LIMITS, false).get('k', () => schema, { introspection })
      const documents = [...INVALID, '{ districts { code name } }', '{ __type(name: "District") { name } }']
      // Three times: new, asked again (kept from then on), and kept.
      for (const round of [1, 2, 3])
        for (const query of documents)
          expect(await serve(ours, query), `${query} (round ${round}, introspection ${introspection})`).toEqual(await serve(apollos, query))
    }
  })

  it('parses and validates a valid new document once, handing it to Apollo Server, which does neither', async () => {
    const { seen, plugin } = observer()
    const servers = createProjectedServers([plugin], 5_000, LIMITS)
    const server = await servers.get('k', () => schema)
    const query = 'query Q($c: ID!) { district(code: $c) { name residents { name } } districts { code } }'
    const rules = [...specifiedRules, KnownOperationTypes, collectSelectedCoordinates]
    const getSchema = vi.spyOn(ValidationContext.prototype, 'getSchema')
    validate(schema, parse(query), rules)
    const perValidation = getSchema.mock.calls.length
    expect(perValidation).toBeGreaterThan(0)
    getSchema.mockClear()
    const parses = vi.spyOn(Parser.prototype, 'parseDocument')

    const first = await serve(server, query, { c: '01' })
    expect(first.body).toMatchObject({ kind: 'single', singleResult: { data: { district: null, districts: null } } })
    expect(parses).toHaveBeenCalledTimes(1)
    expect(getSchema).toHaveBeenCalledTimes(perValidation)
    expect(seen).toMatchObject({ parsing: 0, validation: 0 })
    // The coordinates were collected on that validation, for the personal-data and dedupe stages.
    expect(rememberedCoordinates(schema, seen.documents[0])).toEqual([
      'District.code',
      'District.name',
      'District.residents',
      'Query.district',
      'Query.districts',
      'Resident.name',
    ])
    // Asked once: only its key is remembered; the second request prepares it again, and it is kept.
    expect(servers.stats()).toMatchObject({ documents: { entries: 0 }, documentKeys: { entries: 1 } })
    await serve(server, query, { c: '01' })
    expect(parses).toHaveBeenCalledTimes(2)
    expect(servers.stats()).toMatchObject({ documents: { entries: 1 }, documentKeys: { entries: 0 } })
    // Kept: neither parsed nor validated again.
    await serve(server, query, { c: '01' })
    expect(parses).toHaveBeenCalledTimes(2)
    expect(getSchema).toHaveBeenCalledTimes(2 * perValidation)
    expect(seen.documents[2]).toBe(seen.documents[1])
    expect(seen).toMatchObject({ parsing: 0, validation: 0 })
  })

  it('leaves an invalid document to Apollo Server, which parses and validates it and reports its errors', async () => {
    const { seen, plugin } = observer()
    const server = await createProjectedServers([plugin], 5_000, LIMITS).get('k', () => schema)
    const parses = vi.spyOn(Parser.prototype, 'parseDocument')
    const response = await serve(server, '{ districts { code nope } }')
    expect(response.status).toBe(400)
    expect(response.body).toMatchObject({
      singleResult: {
        errors: [{ message: 'Cannot query field "nope" on type "District".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }],
      },
    })
    expect(parses).toHaveBeenCalledTimes(2)
    expect(seen).toMatchObject({ parsing: 1, validation: 1 })
  })
})
