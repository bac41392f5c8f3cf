import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { documentId } from '../../gateway/limits/trusted-documents.js'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { bearer, startCity, TEST_IDENTITY_CONFIG, testGatewayConfig, token, type RunningCity } from '../helpers/start-city.js'
import { graphql } from '../helpers/start-subgraphs.js'
import { rawRequest } from '../helpers/raw-request.js'
import { createGateway } from '../../gateway/gateway.js'
import { createGatewayDeps } from '../../gateway/create-gateway-deps.js'
import { DEFAULT_LIMITS } from '../../gateway/limits/operation-limits.js'

// cases T29–T37, docs/access-control.md#adversarial-cases: operation and request limits, batching, rates, CSRF and trusted
// documents. Each is refused with its code before any planning, so no department sees a single SQL
// statement.

let city: RunningCity
beforeAll(async () => {
  city = await startCity(inject('cityDatabaseUrl'))
})
afterAll(async () => {
  await city?.stop()
})

const nested = (levels: number) =>
  `{ district(code: "01") { ${'municipality { districts { '.repeat(levels)}code${' } }'.repeat(levels)} } }`
const statements = () => Object.values(city.subgraphs.statements()).reduce((a, b) => a + b, 0)

/** 400 with `code`, no data, and not one SQL statement in any department. */
async function expectRefused(query: string, code: string, variables?: Record<string, unknown>, headers?: Record<string, string>) {
  city.subgraphs.resetStatements()
  const res = await city.query(query, variables, headers)
  expect(res.status).toBe(400)
  expect(res.errors?.[0].extensions?.code).toBe(code)
  expect(res.data).toBeUndefined()
  expect(statements()).toBe(0)
  return res
}

describe('T29 depth bomb', () => {
  it('25 levels of nested lists: 400 MAX_DEPTH_EXCEEDED, no subgraph call; ordinary nesting and GraphiQL introspection pass', async () => {
    await expectRefused(nested(12), 'MAX_DEPTH_EXCEEDED')
    expect((await city.query(nested(3))).errors).toBeUndefined()
    const typeRef =
      'kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } }'
    expect((await city.query(`{ __schema { types { name fields { name type { ${typeRef} } } } } }`)).errors).toBeUndefined()
  })
})

describe('T30 alias bomb', () => {
  it('1000 aliases of one field: 400 MAX_ALIASES_EXCEEDED', async () => {
    await expectRefused(
      `{ ${Array.from({ length: 1000 }, (_, i) => `p${i}: district(code: "01") { name }`).join(' ')} }`,
      'MAX_ALIASES_EXCEEDED',
    )
    await expectRefused(
      `{ district(code: "01") { ${Array.from({ length: 60 }, (_, i) => `n${i}: name`).join(' ')} } }`,
      'MAX_ALIASES_EXCEEDED',
    )
  })
})

describe('T31 token, size and header bombs', () => {
  it('50,000 __typename: 400 MAX_TOKENS_EXCEEDED', async () => {
    await expectRefused(`{ ${'__typename '.repeat(50_000)} }`, 'MAX_TOKENS_EXCEEDED')
  })

  it('a 3 MB body and a 2 MB variables object: 413 REQUEST_TOO_LARGE; 200 headers and a 64 KB header: 431', async () => {
    for (const body of [
      { query: `{ districts { code } } # ${'x'.repeat(3_000_000)}` },
      { query: '{ districts { code } }', variables: { v: 'x'.repeat(2_000_000) } },
    ]) {
      const res = await fetch(city.gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
      expect(res.status).toBe(413)
      expect((await res.json()).errors[0].extensions.code).toBe('REQUEST_TOO_LARGE')
    }
    const many = Array.from({ length: 200 }, (_, i): [string, string] => [`x-h${i}`, '1'])
    expect(
      (await rawRequest(city.gateway.url, [['content-type', 'application/json'], ...many], '{"query":"{ districts { code } }"}')).status,
    ).toBe(431)
    expect(
      (
        await rawRequest(
          city.gateway.url,
          [
            ['content-type', 'application/json'],
            ['x-big', 'a'.repeat(64 * 1024)],
          ],
          '{"query":"{ districts { code } }"}',
        )
      ).status,
    ).toBe(431)
  })
})

describe('T32 directives and fragments', () => {
  it('a directive pile: 400 MAX_DIRECTIVES_EXCEEDED', async () => {
    await expectRefused(`{ districts { ${'code @include(if: true) '.repeat(60)} } }`, 'MAX_DIRECTIVES_EXCEEDED')
  })

  it('a fragment cycle: 400 GRAPHQL_VALIDATION_FAILED', async () => {
    await expectRefused(
      '{ districts { ...A } } fragment A on District { code ...B } fragment B on District { name ...A }',
      'GRAPHQL_VALIDATION_FAILED',
    )
  })

  it('a chain of 64 fragments each spreading the next twice (2^64 fields expanded): 400 MAX_FIELDS_EXCEEDED, /healthz answers meanwhile', async () => {
    const fanOut = (levels: number, spread: string) =>
      `{ districts { ...F0 } } ${Array.from(
        { length: levels },
        (_, i) => `fragment F${i} on District { name ${spread.replaceAll('N', String(i + 1))} }`,
      ).join(' ')} fragment F${levels} on District { code }`
    const health = new URL('/healthz', city.gateway.url)
    const hostile: [string, string][] = [
      [fanOut(64, '...FN ...FN'), 'MAX_FIELDS_EXCEEDED'],
      [fanOut(30, '...FN ...FN'), 'MAX_FIELDS_EXCEEDED'],
      [fanOut(20, '...FN ...FN ...FN ...FN'), 'MAX_FIELDS_EXCEEDED'],
      [fanOut(40, '...FN ... on District { ...FN a: code }'), 'MAX_ALIASES_EXCEEDED'],
    ]
    const [refusals, healthy] = await Promise.all([
      Promise.all(hostile.map(([query, code]) => expectRefused(query, code))),
      Promise.all(Array.from({ length: 3 }, () => fetch(health).then(r => r.status))),
    ])
    expect(refusals).toHaveLength(hostile.length)
    expect(healthy).toEqual([200, 200, 200])
    const get = await fetch(`${city.gateway.url}?query=${encodeURIComponent(fanOut(64, '...FN ...FN'))}`, {
      headers: { 'apollo-require-preflight': 'true' },
    })
    expect([get.status, (await get.json()).errors[0].extensions.code]).toEqual([400, 'MAX_FIELDS_EXCEEDED'])
    // the same chain with a fan-out of one is an ordinary query
    expect((await city.query(fanOut(8, '...FN'))).data.districts).toHaveLength(18)
  })

  it('what makes validation quadratic — many fragments side by side, one composite field repeated: refused before validation', async () => {
    const side = Array.from({ length: 400 }, (_, i) => `fragment F${i} on District { name }`)
    await expectRefused(`{ districts { ${side.map((_, i) => `...F${i}`).join(' ')} } } ${side.join(' ')}`, 'MAX_FRAGMENTS_EXCEEDED')
    await expectRefused(`{ districts { ${'municipality { ags } '.repeat(400)} } }`, 'MAX_DUPLICATE_FIELDS_EXCEEDED')
    await expectRefused(`{ districts { ${'... on District { municipality { ags } } '.repeat(400)} } }`, 'MAX_DUPLICATE_FIELDS_EXCEEDED')
  })

  it('90 nested fragment spreads: caught by the depth limit (fragments are flattened); 200 fragments by the fragment limit', async () => {
    const fragments = Array.from(
      { length: 90 },
      (_, i) => `fragment F${i} on District { municipality { districts { ${i < 89 ? `...F${i + 1}` : 'code'} } } }`,
    ).join(' ')
    await expectRefused(`{ districts { ...F0 } } ${fragments}`, 'MAX_DEPTH_EXCEEDED')
    const many = Array.from(
      { length: 200 },
      (_, i) => `fragment F${i} on District { municipality { districts { ${i < 199 ? `...F${i + 1}` : 'code'} } } }`,
    ).join(' ')
    await expectRefused(`{ districts { ...F0 } } ${many}`, 'MAX_FRAGMENTS_EXCEEDED')
  })
})

describe('T33 amount and cost', () => {
  const staff = { ...bearer('staff', { department: 'asylum' }), 'x-stadtgraph-purpose': 'Unterbringungsplanung' }

  it('allocationRecords(first: 99999999): 400 COST_LIMIT_EXCEEDED with estimated and maximum cost, before any department is asked', async () => {
    const res = await expectRefused(
      '{ allocationRecords(from: "2015-01-01", to: "2026-12-31", first: 99999999) { id route } }',
      'COST_LIMIT_EXCEEDED',
      undefined,
      staff,
    )
    expect(res.errors?.[0].extensions).toEqual({ code: 'COST_LIMIT_EXCEEDED', estimatedCost: 99_999_999, maxCost: DEFAULT_LIMITS.maxCost })
    await expectRefused(
      'query ($n: Int) { allocationRecords(from: "2015-01-01", to: "2026-12-31", first: $n) { id } }',
      'COST_LIMIT_EXCEEDED',
      { n: 99_999_999 },
      staff,
    )
    const page = await city.query('{ allocationRecords(from: "2022-03-01", to: "2022-03-31", first: 100) { id } }', undefined, staff)
    expect(page.data.allocationRecords).toHaveLength(100)
  })

  it('huge year ranges: 400 COST_LIMIT_EXCEEDED; a list of 201 years is not an argument the graph has', async () => {
    await expectRefused('{ years(from: -10000000, to: 10000000) { year allocations { period } } }', 'COST_LIMIT_EXCEEDED')
    await expectRefused(
      `{ districts { population(years: [${Array.from({ length: 201 }, (_, i) => 1900 + i).join(',')}]) { total { value } } } }`,
      'GRAPHQL_VALIDATION_FAILED',
    )
    expect((await city.query('{ years(from: 2015, to: 2025) { year allocations { period } } }')).data.years).toHaveLength(11)
  })
})

describe('T34 batching', () => {
  it('a JSON array of 500 operations, and one of a mutation and a query: 400 BATCHING_DISABLED, nothing executed', async () => {
    city.subgraphs.resetStatements()
    for (const batch of [
      Array.from({ length: 500 }, () => ({ query: '{ districts { code } }' })),
      [{ query: 'mutation { x }' }, { query: '{ districts { code } }' }],
    ]) {
      const res = await fetch(city.gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(batch),
      })
      expect(res.status).toBe(400)
      const body = await res.json()
      expect(body.errors[0].extensions.code).toBe('BATCHING_DISABLED')
      expect(body.data).toBeUndefined()
    }
    expect(statements()).toBe(0)
  })
})

describe('T35 rate limit', () => {
  it('gives each principal its budget across all its tokens, with 429 and Retry-After beyond it', async () => {
    const config = testGatewayConfig({
      supergraphSdl: city.supergraphSdl,
      limits: { ...DEFAULT_LIMITS, ratePerMinute: 5, anonymousRatePerMinute: 3 },
    })
    const deps = await createGatewayDeps(config, TEST_IDENTITY_CONFIG)
    const gw = await createGateway(config, deps)
    try {
      const ask = (headers: Record<string, string> = {}) => graphql(gw.url, '{ districts { code } }', undefined, headers)
      const statuses: number[] = []
      for (let i = 0; i < 6; i++) statuses.push((await ask(bearer('staff', { sub: 'u-1', department: 'asylum' }))).status)
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429])
      // a fresh token of the same person shares the budget; another person has their own
      expect((await ask(bearer('committee', { sub: 'u-1' }))).status).toBe(429)
      expect((await ask(bearer('committee', { sub: 'u-2' }))).status).toBe(200)
      const res = await fetch(gw.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...bearer('staff', { sub: 'u-1', department: 'asylum' }) },
        body: '{"query":"{ districts { code } }"}',
      })
      expect(res.status).toBe(429)
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0)
      expect((await res.json()).errors[0].extensions.code).toBe('RATE_LIMITED')
      const anonymous = []
      for (let i = 0; i < 4; i++) anonymous.push((await ask()).status)
      expect(anonymous).toEqual([200, 200, 200, 429])
    } finally {
      await gw.close()
      await deps.close()
    }
  })
})

describe('T36 CSRF and method', () => {
  it('text/plain or form posts without a preflight header: 400 CSRF_PREVENTED; GET with a mutation: 405; GET needs the header', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
      const res = await rawRequest(city.gateway.url, [['content-type', type]], '{"query":"{ districts { code } }"}')
      expect([res.status, JSON.parse(res.body).errors[0].extensions.code], type).toEqual([400, 'CSRF_PREVENTED'])
    }
    const get = (query: string, headers: Record<string, string> = {}) =>
      fetch(`${city.gateway.url}?query=${encodeURIComponent(query)}`, { headers })
    const mutation = await get('mutation { x }', { 'apollo-require-preflight': 'true' })
    expect([mutation.status, (await mutation.json()).errors[0].extensions.code]).toEqual([405, 'METHOD_NOT_ALLOWED'])
    const bare = await get('{ districts { code } }')
    expect([bare.status, (await bare.json()).errors[0].extensions.code]).toEqual([400, 'CSRF_PREVENTED'])
    const withHeader = await get('{ districts { code } }', { 'apollo-require-preflight': 'true' })
    expect((await withHeader.json()).data.districts).toHaveLength(18)
  })
})

describe('T37 trusted documents', () => {
  it('holds anonymous callers to registered operations; authenticated tools may send documents', async () => {
    const registered = '{ districts { code } }'
    const dir = mkdtempSync(join(tmpdir(), 'stadtgraph-trusted-'))
    const file = join(dir, 'documents.json')
    writeFileSync(file, JSON.stringify([registered]))
    const id = documentId(registered)
    const config = testGatewayConfig({ supergraphSdl: city.supergraphSdl, trustedDocuments: { path: file, mode: 'enforce' } })
    const deps = await createGatewayDeps(config, TEST_IDENTITY_CONFIG)
    const gw = await createGateway(config, deps)
    const post = async (body: unknown, headers: Record<string, string> = {}) => {
      const res = await fetch(gw.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      })
      return { status: res.status, ...(await res.json()) }
    }
    try {
      expect((await post({ documentId: id })).data.districts).toHaveLength(18)
      expect((await post({ documentId: `sha256:${id}` })).data.districts).toHaveLength(18)
      expect((await post({ extensions: { persistedQuery: { version: 1, sha256Hash: id } } })).data.districts).toHaveLength(18)
      expect((await post({ query: registered })).data.districts).toHaveLength(18)
      const free = await post({ query: '{ districts { name } }' })
      expect([free.status, free.errors[0].extensions.code]).toEqual([400, 'OPERATION_NOT_TRUSTED'])
      const unknown = await post({ documentId: 'f'.repeat(64) })
      expect([unknown.status, unknown.errors[0].extensions.code]).toEqual([400, 'PERSISTED_QUERY_NOT_FOUND'])
      const apq = await post({
        query: '{ districts { name } }',
        extensions: { persistedQuery: { version: 1, sha256Hash: documentId('{ districts { name } }') } },
      })
      expect([apq.status, apq.errors[0].extensions.code]).toEqual([400, 'OPERATION_NOT_TRUSTED'])
      expect((await post({ query: '{ districts { name } }' }, bearer('controlling'))).data.districts).toHaveLength(18)
    } finally {
      await gw.close()
      await deps.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
