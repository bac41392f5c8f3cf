import { connect } from 'node:net'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { documentId } from '../../gateway/limits/trusted-documents.js'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { bearer, startCity, TEST_IDENTITY_CONFIG, testGatewayConfig, token, type RunningCity } from '../helpers/start-city.js'
import { graphql } from '../helpers/start-subgraphs.js'
import { createGateway } from '../../gateway/gateway.js'
import { createGatewayDeps } from '../../gateway/create-gateway-deps.js'
import { DEFAULT_LIMITS } from '../../gateway/limits/operation-limits.js'

// Operation and request limits (authorization.md T11, T29–T36): refused with a code before any
// planning, so no department sees a single SQL statement.

let city: RunningCity
beforeAll(async () => { city = await startCity(inject('cityDatabaseUrl')) })
afterAll(async () => { await city?.stop() })

const nested = (levels: number) => `{ district(code: "01") { ${'municipality { districts { '.repeat(levels)}code${' } }'.repeat(levels)} } }`

describe('operation limits', () => {
  it.each([
    ['a depth bomb', nested(12), 'MAX_DEPTH_EXCEEDED'],
    ['an alias bomb', `{ ${Array.from({ length: 1000 }, (_, i) => `p${i}: districts { code }`).join(' ')} }`, 'MAX_TOKENS_EXCEEDED'],
    ['many aliases', `{ district(code: "01") { ${Array.from({ length: 60 }, (_, i) => `n${i}: name`).join(' ')} } }`, 'MAX_ALIASES_EXCEEDED'],
    ['a token bomb', `{ ${'__typename '.repeat(50_000)} }`, 'MAX_TOKENS_EXCEEDED'],
    ['a directive pile', `{ districts { ${'code @include(if: true) '.repeat(60)} } }`, 'MAX_DIRECTIVES_EXCEEDED'],
    ['a fragment cycle', '{ districts { ...A } } fragment A on District { code ...B } fragment B on District { name ...A }', 'GRAPHQL_VALIDATION_FAILED'],
  ])('refuses %s with 400 and no subgraph work', async (_name, query, code) => {
    city.subgraphs.resetStatements()
    const res = await city.query(query)
    expect(res.status).toBe(400)
    expect(res.errors?.[0].extensions?.code).toBe(code)
    expect(res.data).toBeUndefined()
    expect(Object.values(city.subgraphs.statements()).reduce((a, b) => a + b, 0)).toBe(0)
  })

  it('lets ordinary deep-ish queries and GraphiQL-style introspection through', async () => {
    const ok = await city.query(nested(3))
    expect(ok.errors).toBeUndefined()
    const typeRef = 'kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } }'
    const introspection = await city.query(`{ __schema { types { name fields { name type { ${typeRef} } } } } }`)
    expect(introspection.errors).toBeUndefined()
  })
})

describe('request limits', () => {
  /** A request written byte by byte, so header lines can repeat exactly as an attacker sends them. */
  const raw = (headers: Array<[string, string]>, body: string, method = 'POST', path = '/graphql') => new Promise<{ status: number; body: string }>((resolve, reject) => {
    const url = new URL(city.gateway.url)
    const socket = connect(Number(url.port), url.hostname, () => {
      const lines = [`${method} ${path} HTTP/1.1`, `host: ${url.host}`, 'connection: close', `content-length: ${Buffer.byteLength(body)}`,
        ...headers.map(([k, v]) => `${k}: ${v}`)]
      socket.end(`${lines.join('\r\n')}\r\n\r\n${body}`)
    })
    let text = ''
    socket.on('data', c => { text += c })
    socket.on('error', reject)
    socket.on('close', () => {
      const [head, ...rest] = text.split('\r\n\r\n')
      resolve({ status: Number(head.split(' ')[1]), body: rest.join('\r\n\r\n') })
    })
  })

  it('refuses two Authorization headers', async () => {
    const t = token('controlling')
    const res = await raw([['content-type', 'application/json'], ['authorization', `Bearer ${t}`], ['authorization', `Bearer ${t}`]], '{"query":"{ districts { code } }"}')
    expect(res.status, res.body).toBe(401)
  })

  it('refuses an oversized header block with 431 and a body over 1 MB with 413', async () => {
    const big = await raw([['content-type', 'application/json'], ['authorization', `Bearer ${'a'.repeat(64 * 1024)}`]], '{"query":"{ districts { code } }"}')
    expect(big.status).toBe(431)
    const body = await city.query(`{ districts { code } } # ${'x'.repeat(1_100_000)}`)
    expect(body.status).toBe(413)
    expect(body.errors?.[0].extensions?.code).toBe('REQUEST_TOO_LARGE')
  })

  it('prevents CSRF and mutations over GET, and does not batch', async () => {
    const plain = await raw([['content-type', 'text/plain']], '{"query":"{ districts { code } }"}')
    expect(plain.status).toBe(400)
    const get = await raw([['apollo-require-preflight', 'true']], '', 'GET', '/graphql?query=' + encodeURIComponent('mutation { x }'))
    expect([400, 405]).toContain(get.status)
    const batch = await raw([['content-type', 'application/json']], JSON.stringify([{ query: '{ districts { code } }' }, { query: '{ districts { name } }' }]))
    expect(batch.status).toBe(400)
  })

  it('ignores a token in the query string (treated as anonymous)', async () => {
    const res = await raw([['content-type', 'application/json']], '{"query":"{ accommodations { operator } }"}', 'POST', `/graphql?access_token=${token('controlling')}`)
    expect(res.body, String(res.status)).not.toBe('')
    expect(JSON.parse(res.body).errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED')
  })
})

describe('rate limits', () => {
  it('gives each principal its budget across all its tokens, with 429 and Retry-After beyond it', async () => {
    const config = testGatewayConfig({ supergraphSdl: city.supergraphSdl, limits: { ...DEFAULT_LIMITS, ratePerMinute: 5, anonymousRatePerMinute: 3 } })
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
      const res = await fetch(gw.url, { method: 'POST', headers: { 'content-type': 'application/json', ...bearer('staff', { sub: 'u-1', department: 'asylum' }) }, body: '{"query":"{ districts { code } }"}' })
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

describe('introspection in production', () => {
  it('is closed to anonymous callers in every form, and shows authenticated callers their projection', async () => {
    const config = testGatewayConfig({ supergraphSdl: city.supergraphSdl, introspection: 'authenticated' })
    const deps = await createGatewayDeps(config, TEST_IDENTITY_CONFIG)
    const gw = await createGateway(config, deps)
    try {
      for (const query of ['{ __schema { types { name } } }', '{ __type(name: "Accommodation") { fields { name } } }', '{ s: __schema { queryType { name } } }', '{ __schema #x\n { types { name } } }']) {
        const res = await graphql(gw.url, query)
        expect(res.status, query).toBe(400)
        expect(res.errors?.[0].extensions?.code, query).toBe('INTROSPECTION_DISABLED')
      }
      expect((await graphql(gw.url, '{ __typename districts { code } }')).errors).toBeUndefined()
      const staff = await graphql(gw.url, '{ __type(name: "Accommodation") { fields { name } } }', undefined, bearer('staff', { department: 'asylum' }))
      expect(staff.data.__type.fields.map((f: { name: string }) => f.name)).toContain('operator')
    } finally {
      await gw.close()
      await deps.close()
    }
  })
})

describe('trusted documents', () => {
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
      const res = await fetch(gw.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })
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
      const apq = await post({ query: '{ districts { name } }', extensions: { persistedQuery: { version: 1, sha256Hash: documentId('{ districts { name } }') } } })
      expect([apq.status, apq.errors[0].extensions.code]).toEqual([400, 'OPERATION_NOT_TRUSTED'])
      expect((await post({ query: '{ districts { name } }' }, bearer('controlling'))).data.districts).toHaveLength(18)
    } finally {
      await gw.close()
      await deps.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
