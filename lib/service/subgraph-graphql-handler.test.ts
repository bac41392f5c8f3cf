import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createRequire } from 'node:module'
import { GraphQLError, type DocumentNode } from 'graphql'
import { makeExecutableSchema } from '@graphql-tools/schema'
import { Writable } from 'node:stream'
import { createFormatError } from '../../platform/http/format-error.js'
import { createLogger } from '../../platform/logger/create-logger.js'
import { createSubgraphGraphQLHandler, negotiate } from './subgraph-graphql-handler.js'

// graphql-js's parser class, the one `parse` uses (vitest maps `graphql` to its CommonJS build; so does this).
const { Parser } = createRequire(import.meta.url)('graphql/language/parser.js') as {
  Parser: { prototype: { parseDocument(): DocumentNode } }
}

const schema = makeExecutableSchema({
  typeDefs: /* GraphQL */ `
    type Query {
      hello(name: String!): String
      count: Int!
      broken: String
      refused: String
      seenBy: String
    }
    type Mutation {
      touch: Boolean
    }
  `,
  resolvers: {
    Query: {
      hello: (_: unknown, { name }: { name: string }) => `Hallo ${name}`,
      count: () => 3,
      broken: () => {
        throw new Error('relation "pop.secret" does not exist')
      },
      refused: () => {
        throw new GraphQLError('not yours', { extensions: { code: 'FORBIDDEN' } })
      },
      seenBy: (_: unknown, __: unknown, ctx: { who: string }) => ctx.who,
    },
    Mutation: { touch: () => true },
  },
})

let server: Server
let url: string
let production: Server
let productionUrl: string
const logged: unknown[] = []

async function listen(handler: ReturnType<typeof createSubgraphGraphQLHandler<{ who: string }>>): Promise<[Server, string]> {
  const s = createServer((req, res) => {
    handler(req, res, async () => ({ who: 'gateway' })).catch(err => {
      res.statusCode = 500
      res.end(String(err))
    })
  })
  await new Promise<void>(resolve => s.listen(0, '127.0.0.1', resolve))
  return [s, `http://127.0.0.1:${(s.address() as AddressInfo).port}/graphql`]
}

beforeAll(async () => {
  const sink = new Writable({
    write(chunk, _enc, done) {
      logged.push(String(chunk))
      done()
    },
  })
  const quietFormat = createFormatError('test', createLogger({ name: 'test', level: 'info', destination: sink }))
  ;[server, url] = await listen(createSubgraphGraphQLHandler(schema, { formatError: quietFormat }))
  ;[production, productionUrl] = await listen(createSubgraphGraphQLHandler(schema, { formatError: quietFormat, introspection: false }))
})
afterAll(async () => {
  for (const s of [server, production])
    await new Promise(resolve => {
      s.close(resolve)
      s.closeAllConnections()
    })
})

async function post(body: unknown, headers: Record<string, string> = {}, target = url) {
  const res = await fetch(target, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    body: (await res.json()) as { data?: any; errors?: Array<{ message: string; extensions?: { code?: string } }> },
  }
}

describe('subgraph GraphQL over HTTP', () => {
  it('executes a query with variables and the request context', async () => {
    const r = await post({ query: 'query Q($n: String!) { hello(name: $n) count seenBy }', variables: { n: 'Lautern' } })
    expect(r).toMatchObject({ status: 200, body: { data: { hello: 'Hallo Lautern', count: 3, seenBy: 'gateway' } } })
    expect(r.body.errors).toBeUndefined()
    expect(r.type).toBe('application/json; charset=utf-8')
  })

  it('answers the same text twice from its document cache with the same result', async () => {
    const body = { query: '{ count }' }
    expect((await post(body)).body).toEqual({ data: { count: 3 } })
    expect((await post(body)).body).toEqual({ data: { count: 3 } })
  })

  it('refuses a syntax error with 400 GRAPHQL_PARSE_FAILED', async () => {
    const r = await post({ query: '{ count' })
    expect(r.status).toBe(400)
    expect(r.body.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED')
    expect(r.body.data).toBeUndefined()
  })

  it('refuses an invalid document with 400 GRAPHQL_VALIDATION_FAILED, every error listed', async () => {
    const r = await post({ query: '{ nope alsoNope }' })
    expect(r.status).toBe(400)
    expect(r.body.errors?.map(e => e.extensions?.code)).toEqual(['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_VALIDATION_FAILED'])
  })

  it('refuses variables that do not fit with 400 BAD_USER_INPUT, executing nothing', async () => {
    const r = await post({ query: 'query Q($n: String!) { hello(name: $n) }', variables: { n: 5 } })
    expect(r.status).toBe(400)
    expect(r.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT')
    expect('data' in r.body).toBe(false)
  })

  it('refuses an unknown or missing operation name with 400 OPERATION_RESOLUTION_FAILURE', async () => {
    const unknown = await post({ query: 'query A { count }', operationName: 'B' })
    expect(unknown.status).toBe(400)
    expect(unknown.body.errors?.[0]).toMatchObject({
      message: 'Unknown operation named "B".',
      extensions: { code: 'OPERATION_RESOLUTION_FAILURE' },
    })
    const missing = await post({ query: 'query A { count } query B { count }' })
    expect(missing.status).toBe(400)
    expect(missing.body.errors?.[0].extensions?.code).toBe('OPERATION_RESOLUTION_FAILURE')
    expect((await post({ query: 'query A { count } query B { hello(name: "x") }', operationName: 'B' })).body).toEqual({
      data: { hello: 'Hallo x' },
    })
  })

  it('masks an internal error (no SQL reaches the caller) and passes a public code, with partial data', async () => {
    const r = await post({ query: '{ count broken refused }' })
    expect(r.status).toBe(200)
    expect(r.body.data).toEqual({ count: 3, broken: null, refused: null })
    expect(r.body.errors).toEqual([
      {
        message: 'Internal server error',
        path: ['broken'],
        locations: [{ line: 1, column: 9 }],
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      },
      { message: 'not yours', path: ['refused'], locations: [{ line: 1, column: 16 }], extensions: { code: 'FORBIDDEN' } },
    ])
    expect(JSON.stringify(r.body)).not.toContain('pop.secret')
    expect(JSON.stringify(logged)).toContain('pop.secret')
  })

  it('refuses bodies that are not one GraphQL request with 400 BAD_REQUEST', async () => {
    for (const body of [
      '{"query":',
      '[{"query":"{ count }"}]',
      '{}',
      '{"query":""}',
      '{"query":"{ count }","variables":[1]}',
      '{"query":"{ count }","operationName":7}',
      '{"query":"{ count }","extensions":{"persistedQuery":{"version":1}}}',
      '"{ count }"',
    ]) {
      const r = await post(body)
      expect(r.status, body).toBe(400)
      expect(r.body.errors?.[0].extensions?.code, body).toBe('BAD_REQUEST')
    }
    const form = await post('query={count}', { 'content-type': 'application/x-www-form-urlencoded' })
    expect(form.status).toBe(400)
  })

  it('refuses a body nested deeper than 64 levels with 400 MAX_JSON_DEPTH_EXCEEDED, valid JSON or not', async () => {
    const deep = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`
    for (const body of [
      `{"query":"{ count }","variables":{"v":${deep(70)}}}`,
      `{"query":"{ count }","variables":{"v":${deep(5000)}}}`,
      `{"query":"{ count }","variables":{"v":${deep(70)}`,
    ]) {
      const r = await post(body)
      expect(r.status).toBe(400)
      expect(r.body.errors?.[0].extensions?.code).toBe('MAX_JSON_DEPTH_EXCEEDED')
    }
    // 64 levels in all (the body object is the first) are served; brackets inside strings do not count.
    const r = await post(`{"query":"{ count } #${deep(100)}","variables":{"v":${deep(62)}}}`)
    expect(r).toMatchObject({ status: 200, body: { data: { count: 3 } } })
  })

  it('answers POST only (405 with Allow)', async () => {
    const res = await fetch(`${url}?query=${encodeURIComponent('{ count }')}`)
    expect(res.status).toBe(405)
    expect(res.headers.get('allow')).toBe('POST')
    expect(((await res.json()) as any).errors[0].extensions.code).toBe('METHOD_NOT_ALLOWED')
  })

  it('refuses a body over 1 MB with 413 and closes the connection', async () => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ count } #${'x'.repeat(1_100_000)}` }),
    })
    expect(res.status).toBe(413)
    expect(res.headers.get('connection')).toBe('close')
  })

  it('negotiates the response media type', async () => {
    expect((await post({ query: '{ count }' }, { accept: 'application/graphql-response+json' })).type).toBe(
      'application/graphql-response+json; charset=utf-8',
    )
    expect((await post({ query: '{ count }' }, { accept: 'application/graphql-response+json, application/json' })).type).toBe(
      'application/json; charset=utf-8',
    )
    expect((await post({ query: '{ count }' }, { accept: 'text/html' })).status).toBe(406)
    expect(negotiate(undefined)).toBe('application/json; charset=utf-8')
    expect(negotiate('*/*')).toBe('application/json; charset=utf-8')
    expect(negotiate('application/json;q=0, application/graphql-response+json')).toBe('application/graphql-response+json; charset=utf-8')
    expect(negotiate('image/png')).toBeNull()
  })

  it('executes a mutation sent by POST', async () => {
    expect((await post({ query: 'mutation { touch }' })).body).toEqual({ data: { touch: true } })
  })

  it('refuses introspection when it is off (production)', async () => {
    const r = await post({ query: '{ __schema { types { name } } }' }, {}, productionUrl)
    expect(r.status).toBe(400)
    expect(r.body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED')
    expect((await post({ query: '{ __typename count }' }, {}, productionUrl)).body).toEqual({ data: { __typename: 'Query', count: 3 } })
    expect((await post({ query: '{ __schema { queryType { name } } }' })).body).toEqual({
      data: { __schema: { queryType: { name: 'Query' } } },
    })
  })
})

describe('the document cache', () => {
  /** How often graphql-js parsed a document while `fn` ran. */
  async function parses(fn: () => Promise<unknown>): Promise<number> {
    const spy = vi.spyOn(Parser.prototype, 'parseDocument')
    try {
      await fn()
      return spy.mock.calls.length
    } finally {
      spy.mockRestore()
    }
  }

  it('keeps a document from its second request on, so a new document on every request leaves the cache to the others', async () => {
    const query = '{ count hello(name: "kept") }'
    expect(await parses(() => post({ query }))).toBe(1)
    expect(await parses(() => post({ query }))).toBe(1)
    expect(await parses(() => post({ query }))).toBe(0)
    for (let i = 0; i < 20; i++) await post({ query: `{ r${i}: count }` })
    expect(await parses(() => post({ query }))).toBe(0)
  })

  it('keeps no more bytes than it may: a document larger than the whole budget is parsed every time', async () => {
    const quiet = createFormatError('test', createLogger({ name: 'test', level: 'fatal' }))
    const [small, smallUrl] = await listen(createSubgraphGraphQLHandler(schema, { formatError: quiet, maxDocumentBytes: 1000 }))
    try {
      const query = `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: count`).join(' ')} }`
      for (let i = 0; i < 3; i++) {
        const n = await parses(async () => expect((await post({ query }, {}, smallUrl)).body.data.a19).toBe(3))
        expect(n).toBe(1)
      }
    } finally {
      await new Promise(resolve => {
        small.close(resolve)
        small.closeAllConnections()
      })
    }
  })
})
