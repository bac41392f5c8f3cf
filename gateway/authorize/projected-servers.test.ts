import { createRequire } from 'node:module'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { buildSchema, GraphQLError, parse, specifiedRules, validate, ValidationContext, type DocumentNode } from 'graphql'
import type { ApolloServer, ApolloServerPlugin } from '@apollo/server'
import { HttpRefusal } from '../../platform/http/apollo-handler.js'
import { createParsedHandoff } from '../cache/parsed-handoff.js'
import { DEFAULT_LIMITS } from '../limits/operation-limits.js'
import { createShapeGuard } from '../limits/shape-guard.js'
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

/** The gateway's path for a new text: the limits stage's shape guard, then the projected server, sharing a hand-off. */
function guarded(guardTokens: number, serverTokens: number, plugins: ApolloServerPlugin<GatewayContext>[] = []) {
  const handoff = createParsedHandoff()
  const guard = createShapeGuard({ ...DEFAULT_LIMITS, maxTokens: guardTokens }, { shapeEntries: 100, shapeBytes: 1e9 }, handoff)
  const servers = createProjectedServers(plugins, serverTokens, LIMITS, true, handoff)
  return { handoff, guard, servers }
}

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

  it('parses a valid new document once in all on the gateway path: the shape guard hands it to the prevalidation', async () => {
    const { seen, plugin } = observer()
    const { handoff, guard, servers } = guarded(5_000, 5_000, [plugin])
    const server = await servers.get('k', () => schema)
    const query = 'query Q($c: ID!) { district(code: $c) { name residents { name } } districts { code } }'
    const getSchema = vi.spyOn(ValidationContext.prototype, 'getSchema')
    validate(schema, parse(query), [...specifiedRules, KnownOperationTypes, collectSelectedCoordinates])
    const perValidation = getSchema.mock.calls.length
    getSchema.mockClear()
    const parses = vi.spyOn(Parser.prototype, 'parseDocument')

    guard.check(query, 'Q')
    const first = await serve(server, query, { c: '01' })
    expect(first.body).toMatchObject({ kind: 'single', singleResult: { data: { district: null, districts: null } } })
    expect(parses).toHaveBeenCalledTimes(1)
    expect(getSchema).toHaveBeenCalledTimes(perValidation)
    expect(seen).toMatchObject({ parsing: 0, validation: 0 })
    // Apollo ran the document the guard parsed; nothing is left waiting.
    expect(seen.documents[0]).toBe(parses.mock.results[0].value)
    expect(handoff.size()).toBe(0)
    // The guard remembers its verdict and parses nothing; the store has only the key: the prevalidation parses.
    guard.check(query, 'Q')
    await serve(server, query, { c: '01' })
    expect(parses).toHaveBeenCalledTimes(2)
    // Kept: parsed by no one.
    guard.check(query, 'Q')
    await serve(server, query, { c: '01' })
    expect(parses).toHaveBeenCalledTimes(2)
    expect(seen).toMatchObject({ parsing: 0, validation: 0 })
  })

  it('hands nothing on between different token limits: the prevalidation parses itself', async () => {
    const { handoff, guard, servers } = guarded(4_000, 5_000)
    const server = await servers.get('k', () => schema)
    const query = '{ districts { code name } }'
    const parses = vi.spyOn(Parser.prototype, 'parseDocument')
    guard.check(query, undefined)
    expect(handoff.size()).toBe(1)
    const response = await serve(server, query)
    expect(response.body).toMatchObject({ singleResult: { data: { districts: null } } })
    expect(parses).toHaveBeenCalledTimes(2)
    expect(handoff.size()).toBe(0)
  })

  it('answers a document handed on by the shape guard exactly as Apollo Server alone does, error locations included', async () => {
    const failing = buildSchema(`
      type District { code: ID! name: String! }
      type Query { district(code: ID!): District districts: [District!] }
    `)
    failing.getQueryType()!.getFields().district.resolve = () => ({ code: '01', name: 'Mitte' })
    failing.getQueryType()!.getFields().districts.resolve = () => {
      throw new GraphQLError('No districts today', { extensions: { code: 'NOT_FOUND' } })
    }
    const { handoff, guard, servers } = guarded(20, 20)
    const ours = await servers.get('k', () => failing)
    const apollos = await createProjectedServers([], 20, LIMITS, false).get('k', () => failing)
    const documents = [
      ...INVALID,
      'query {\n  districts {\n    code\n  }\n}',
      'query Q {\n  district(code: "01") {\n    code\n    name\n  }\n}',
    ]
    for (const round of [1, 2, 3])
      for (const query of documents) {
        try {
          guard.check(query, undefined)
        } catch (err) {
          if (!(err instanceof HttpRefusal)) throw err
          continue
        }
        expect(await serve(ours, query), `${query} (round ${round})`).toEqual(await serve(apollos, query))
      }
    // A new text, handed on: parsed once, and its error located in it.
    const query = 'query {\n  districts {\n    code\n  }\n}\n# again'
    const parses = vi.spyOn(Parser.prototype, 'parseDocument')
    guard.check(query, undefined)
    expect(handoff.size()).toBe(1)
    const located = await serve(ours, query)
    expect(parses).toHaveBeenCalledTimes(1)
    expect(handoff.size()).toBe(0)
    expect(located.body).toMatchObject({
      singleResult: { data: { districts: null }, errors: [{ path: ['districts'], locations: [{ line: 2, column: 3 }] }] },
    })
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
