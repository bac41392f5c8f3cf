import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { networkInterfaces, tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readIdentityConfig } from '../../auth/identity/identity-config.js'
import { createLogger } from '../../platform/logger/create-logger.js'
import { composeSupergraph } from '../../schema/compose.js'
import { rawRequest } from '../../test/helpers/raw-request.js'
import { TEST_IDENTITY_CONFIG, testGatewayConfig } from '../../test/helpers/start-city.js'
import { ConfigError, readGatewayConfig, type GatewayConfig } from '../config.js'
import { createGatewayDeps } from '../create-gateway-deps.js'
import { createGateway, type Gateway } from '../gateway.js'
import { fromThisMachine } from './auth-routes.js'
import { createStaticFiles, negotiate, pathSegments } from './static-files.js'
import { DEFAULT_WEB_DIST } from './web-dist-path.js'

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key"])'
// The supergraph is never queried beyond __typename: these tests are about the paths around GraphQL.
const SUPERGRAPH = composeSupergraph([
  { name: 'things', url: 'http://things.invalid/graphql', typeDefs: `${LINK}\n type Query { thing: String }` },
])

const INDEX =
  '<!doctype html><html lang="de"><head><meta charset="utf-8"><title>KLAR</title><script type="module" src="/assets/index-abc123.js"></script></head><body><div id="root"></div></body></html>\n'
const SCRIPT = `// the app\n${'export const figures = ['.padEnd(40, ' ')}${Array.from({ length: 400 }, (_, i) => `{ district: '${i % 18}', value: ${i * 7} }`).join(',\n')}]\n`

let root: string
let dist: string
const running: Array<{ gateway: Gateway; close(): Promise<void> }> = []

interface Started {
  gateway: Gateway
  base: string
  logLines: string[]
}
async function start(config: Partial<GatewayConfig>, identity = TEST_IDENTITY_CONFIG): Promise<Started> {
  const logLines: string[] = []
  const logger = createLogger({
    name: 'gateway',
    level: 'info',
    pretty: false,
    destination: new Writable({
      write(chunk, _enc, cb) {
        logLines.push(String(chunk))
        cb()
      },
    }),
  })
  const full = testGatewayConfig({ supergraphSdl: SUPERGRAPH, authorization: 'off', internalTokenSecret: null, ...config })
  const deps = await createGatewayDeps(full, identity)
  const gateway = await createGateway(full, { ...deps, logger })
  running.push({
    gateway,
    close: async () => {
      await gateway.close()
      await deps.close()
    },
  })
  return { gateway, base: gateway.url.replace(/\/graphql$/, ''), logLines }
}
const webConfig = (d: string | null, oidcClientId: string | null = null) => ({
  web: { dist: d, oidcClientId, oidcScope: 'openid profile' },
})

let app: Started
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'stadtgraph-web-'))
  dist = join(root, 'dist')
  mkdirSync(join(dist, 'assets'), { recursive: true })
  writeFileSync(join(dist, 'index.html'), INDEX)
  writeFileSync(join(dist, 'assets', 'index-abc123.js'), SCRIPT)
  writeFileSync(join(dist, 'assets', 'logo-def456.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]))
  writeFileSync(join(dist, 'manifest.webmanifest'), '{"name":"KLAR"}')
  writeFileSync(join(dist, '.source-hash'), 'abc\n')
  writeFileSync(join(root, 'secret.txt'), 'outside the app')
  symlinkSync(join(root, 'secret.txt'), join(dist, 'assets', 'escape.txt'))
  app = await start(webConfig(dist))
})
afterAll(async () => {
  for (const r of running) await r.close()
  rmSync(root, { recursive: true, force: true })
})

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; manifest-src 'self'; worker-src 'self'; object-src 'none'"

describe('the web app at /', () => {
  it('serves index.html with a strict CSP, no-cache and an ETag answered with 304', async () => {
    const res = await fetch(`${app.base}/`, { headers: { accept: 'text/html' } })
    expect(res.status).toBe(200)
    expect(await res.text()).toBe(INDEX)
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(res.headers.get('cache-control')).toBe('no-cache')
    expect(res.headers.get('content-security-policy')).toBe(CSP)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('referrer-policy')).toBe('no-referrer')
    const etag = res.headers.get('etag')!
    expect(etag).toMatch(/^W\/"[\w-]+"$/)
    const again = await fetch(`${app.base}/`, { headers: { 'if-none-match': etag } })
    expect(again.status).toBe(304)
    expect(again.headers.get('etag')).toBe(etag)
    expect(await again.text()).toBe('')
    expect((await fetch(`${app.base}/`, { headers: { 'if-none-match': 'W/"other"' } })).status).toBe(200)
  })

  it('keeps hashed assets for a year and compresses by Accept-Encoding, brotli preferred', async () => {
    const plain = await fetch(`${app.base}/assets/index-abc123.js`, { headers: { 'accept-encoding': 'identity' } })
    expect(plain.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(plain.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(plain.headers.get('content-encoding')).toBeNull()
    expect(plain.headers.get('vary')).toBe('Accept-Encoding')
    expect(await plain.text()).toBe(SCRIPT)
    // fetch would decompress on its own; the raw bytes show what went over the wire.
    for (const [accept, encoding, decode] of [
      ['gzip, deflate, br', 'br', brotliDecompressSync],
      ['gzip', 'gzip', gunzipSync],
      ['br;q=0.5, gzip', 'gzip', gunzipSync],
    ] as const) {
      const res = await rawGet(`${app.base}/assets/index-abc123.js`, { 'accept-encoding': accept })
      expect(res.headers['content-encoding'], accept).toBe(encoding)
      expect(res.body.length).toBeLessThan(SCRIPT.length / 3)
      expect(Number(res.headers['content-length'])).toBe(res.body.length)
      expect(decode(res.body).toString()).toBe(SCRIPT)
    }
    // Images are compressed already; a tiny manifest is not worth it.
    expect((await rawGet(`${app.base}/assets/logo-def456.png`, { 'accept-encoding': 'br' })).headers['content-encoding']).toBeUndefined()
    const manifest = await rawGet(`${app.base}/manifest.webmanifest`, { 'accept-encoding': 'br' })
    expect(manifest.headers['content-type']).toBe('application/manifest+json; charset=utf-8')
    expect(manifest.headers['cache-control']).toBe('no-cache')
  })

  it('answers HEAD with the headers of GET and no body', async () => {
    const res = await rawGet(`${app.base}/assets/index-abc123.js`, { 'accept-encoding': 'gzip' }, 'HEAD')
    expect(res.status).toBe(200)
    expect(res.body.length).toBe(0)
    expect(Number(res.headers['content-length'])).toBeGreaterThan(100)
    expect(res.headers['content-encoding']).toBe('gzip')
    expect((await rawGet(`${app.base}/stadtteile/05`, { accept: 'text/html' }, 'HEAD')).status).toBe(200)
  })

  it('answers client routes asking for HTML with index.html, and nothing else', async () => {
    const route = await fetch(`${app.base}/fazit?year=2024&area=1`, { headers: { accept: 'text/html,application/xhtml+xml' } })
    expect(route.status).toBe(200)
    expect(await route.text()).toBe(INDEX)
    expect(route.headers.get('content-security-policy')).toBe(CSP)
    expect((await fetch(`${app.base}/auth/callback?code=x&state=y`, { headers: { accept: 'text/html' } })).status).toBe(200)
    expect((await fetch(`${app.base}/fazit`, { headers: { accept: 'application/json' } })).status).toBe(404)
    expect((await fetch(`${app.base}/assets/missing-000.js`, { headers: { accept: 'text/html' } })).status).toBe(404)
    expect((await fetch(`${app.base}/favicon.ico`, { headers: { accept: 'text/html' } })).status).toBe(404)
  })

  it('answers other methods with 405 where a file is, 404 elsewhere', async () => {
    for (const path of ['/', '/assets/index-abc123.js']) {
      const res = await fetch(`${app.base}${path}`, { method: 'POST', body: '{}' })
      expect(res.status, path).toBe(405)
      expect(res.headers.get('allow')).toBe('GET, HEAD')
    }
    expect((await fetch(`${app.base}/fazit`, { method: 'DELETE', headers: { accept: 'text/html' } })).status).toBe(404)
  })

  it('never serves a file outside the app folder, a hidden file, or a path it cannot read', async () => {
    const attempts = [
      '/..%2f..%2fsecret.txt',
      '/..%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      '/..%5c..%5csecret.txt',
      '/assets/escape.txt',
      '/.source-hash',
      '/%2esource-hash',
      '/index.html%00.js',
      '/assets/%00',
      '/%00',
    ]
    for (const path of attempts) {
      const res = await rawPath(app.base, path)
      expect(res.status, path).toBe(404)
      expect(res.body, path).not.toContain('outside the app')
      expect(res.body, path).not.toContain('root:')
    }
    expect((await rawPath(app.base, `/assets/${'a'.repeat(5000)}.js`)).status).toBe(414)
    expect((await rawPath(app.base, '/%E0%A4%A')).status).toBe(400)
    expect(pathSegments('/a/./b')).toBe(404)
    expect(pathSegments('/assets/x-1.js')).toEqual(['assets', 'x-1.js'])
  })

  it('moves GraphiQL to /graphiql and keeps it at /graphql for a browser', async () => {
    for (const path of ['/graphiql', '/graphql']) {
      const res = await fetch(`${app.base}${path}`, { headers: { accept: 'text/html' } })
      expect(await res.text(), path).toContain('/graphiql/assets/yoga-graphiql.umd.js')
    }
    const asset = await fetch(`${app.base}/graphiql/assets/yoga-graphiql.umd.js`)
    expect(asset.status).toBe(200)
    await asset.arrayBuffer()
  })

  it('keeps GraphiQL at / while the app is not built, and says so once', async () => {
    const missing = await start(webConfig(join(root, 'not-built')))
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${missing.base}/`, { headers: { accept: 'text/html' } })
      expect(await res.text()).toContain('yoga-graphiql')
    }
    expect((await fetch(`${missing.base}/fazit`, { headers: { accept: 'text/html' } })).status).toBe(404)
    expect(missing.logLines.filter(l => l.includes('the web app is not built'))).toHaveLength(1)
  })
})

describe('sign-in endpoints in development', () => {
  it('lists the development roles and mints tokens the gateway accepts', async () => {
    const config = await fetch(`${app.base}/auth/config`).then(r => r.json())
    expect(config.mode).toBe('development')
    expect(config.devRoles).toEqual(
      expect.arrayContaining([{ name: 'public' }, { name: 'committee' }, { name: 'leadership' }, { name: 'staff', department: 'asylum' }]),
    )
    const res = await devToken(app.base, { role: 'staff', department: 'asylum' })
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const body = await res.json()
    expect(body).toMatchObject({ role: 'staff', department: 'asylum', expires_in: 3600, token_type: 'Bearer' })
    const ok = await fetch(`${app.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${body.access_token}` },
      body: '{"query":"{ __typename }"}',
    })
    expect(ok.status).toBe(200)
    const forged = await fetch(`${app.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${body.access_token}x` },
      body: '{"query":"{ __typename }"}',
    })
    expect(forged.status).toBe(401)
  })

  it('refuses unknown roles and bad bodies with a clear error', async () => {
    const unknown = await devToken(app.base, { role: 'mayor' })
    expect(unknown.status).toBe(400)
    const error = (await unknown.json()).errors[0]
    expect(error.extensions.code).toBe('BAD_USER_INPUT')
    expect(error.message).toMatch(/unknown role "mayor"; the roles are public, committee, leadership/)
    expect((await devToken(app.base, { role: 'staff', department: '../x' })).status).toBe(400)
    expect((await devToken(app.base, '{"role":')).status).toBe(400)
    expect((await devToken(app.base, [])).status).toBe(400)
    const big = await devToken(app.base, { role: 'public', padding: 'x'.repeat(5000) })
    expect(big.status).toBe(413)
    expect((await big.json()).errors[0].extensions.code).toBe('REQUEST_TOO_LARGE')
    const form = await fetch(`${app.base}/auth/dev-token`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"role":"public"}',
    })
    expect(form.status).toBe(400)
    expect((await fetch(`${app.base}/auth/dev-token`)).status).toBe(405)
  })

  it('does not exist for a request relayed by a proxy or addressed to another host name', async () => {
    const body = '{"role":"leadership"}'
    const json: Array<[string, string]> = [['content-type', 'application/json']]
    expect((await rawRequest(`${app.base}/auth/dev-token`, json, body)).status).toBe(200)
    expect((await rawRequest(`${app.base}/auth/dev-token`, [...json, ['x-forwarded-for', '203.0.113.9']], body)).status).toBe(404)
    // A page on another name resolving to 127.0.0.1 (DNS rebinding) sends its own Host.
    expect((await rawRequestWithHost(`${app.base}/auth/dev-token`, 'attacker.example', json, body)).status).toBe(404)
    expect(fromThisMachine(fakeRequest('10.1.2.3', 'localhost:4000'))).toBe(false)
    expect(fromThisMachine(fakeRequest('::ffff:127.0.0.1', '127.0.0.1:4000'))).toBe(true)
    expect(fromThisMachine(fakeRequest('::1', '[::1]:4000'))).toBe(true)
  })

  it('does not exist for a caller on another machine', async ({ skip }) => {
    const address = Object.values(networkInterfaces())
      .flat()
      .find(a => a && a.family === 'IPv4' && !a.internal)?.address
    if (!address) return skip('no non-loopback network interface on this machine')
    const open = await start({ host: '0.0.0.0', ...webConfig(dist) })
    const remote = `http://${address}:${open.gateway.port}`
    expect((await fetch(`${remote}/`, { headers: { accept: 'text/html' } })).status).toBe(200)
    expect(await fetch(`${remote}/auth/config`).then(r => r.json())).toEqual({ mode: 'development' })
    expect((await devToken(remote, { role: 'leadership' })).status).toBe(404)
    expect((await devToken(open.base, { role: 'leadership' })).status).toBe(200)
  })
})

describe('sign-in endpoints in production', () => {
  it('say oidc with the issuer and client, allow the issuer in the CSP, and have no development token', async () => {
    const identity = readIdentityConfig({
      AUTH_ISSUER: 'https://login.stadt.example/realms/kl',
      AUTH_JWKS_URL: 'https://login.stadt.example/realms/kl/protocol/openid-connect/certs',
    })
    const prod = await start(webConfig(dist, 'klar-web'), identity)
    const res = await fetch(`${prod.base}/auth/config`)
    expect(await res.json()).toEqual({
      mode: 'oidc',
      issuer: 'https://login.stadt.example/realms/kl',
      clientId: 'klar-web',
      scope: 'openid profile',
    })
    for (const method of ['POST', 'GET']) {
      const token = await fetch(`${prod.base}/auth/dev-token`, {
        method,
        headers: { 'content-type': 'application/json' },
        body: method === 'POST' ? '{"role":"leadership"}' : undefined,
      })
      expect(token.status, method).toBe(404)
    }
    const csp = (await fetch(`${prod.base}/`)).headers.get('content-security-policy')!
    expect(csp).toContain("connect-src 'self' https://login.stadt.example;")
    expect(csp).toContain("frame-src 'self' https://login.stadt.example;")
    expect(csp).toContain("script-src 'self';")
  })
})

describe('web settings', () => {
  it('reads WEB_DIST, WEB_OIDC_CLIENT_ID and WEB_OIDC_SCOPE', () => {
    expect(readGatewayConfig([], {}).web).toEqual({ dist: DEFAULT_WEB_DIST, oidcClientId: null, oidcScope: 'openid profile' })
    expect(DEFAULT_WEB_DIST).toMatch(/\/web\/dist$/)
    expect(readGatewayConfig([], { WEB_DIST: 'off' }).web?.dist).toBeNull()
    expect(readGatewayConfig([], { WEB_DIST: '/srv/klar', WEB_OIDC_CLIENT_ID: 'klar', WEB_OIDC_SCOPE: 'openid  email' }).web).toEqual({
      dist: '/srv/klar',
      oidcClientId: 'klar',
      oidcScope: 'openid email',
    })
    expect(() => readGatewayConfig([], { WEB_OIDC_CLIENT_ID: 'two words' })).toThrow(ConfigError)
    expect(() => readGatewayConfig([], { WEB_OIDC_SCOPE: 'profile' })).toThrow(
      /WEB_OIDC_SCOPE must be space-separated scopes including "openid"/,
    )
  })

  it('compresses each file once and keeps files and their compressed forms within the memory bound', async () => {
    const big = (n: number) => Array.from({ length: 300 }, (_, i) => `const v${n}_${i} = ${i * n}`).join('\n')
    for (const n of [1, 2, 3]) writeFileSync(join(dist, 'assets', `chunk${n}-aaaa.js`), big(n))
    const size = Buffer.byteLength(big(1))
    const files = createStaticFiles({ dir: dist, maxCacheBytes: Math.floor(size * 2.5) })
    const server = (await import('node:http')).createServer(async (req, res) => {
      const found = await files.resolve(req.url!)
      if (found.status === 'file') await files.send(req, res, found, { cacheControl: 'no-cache' })
      else res.writeHead(404).end()
    })
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    const base = `http://127.0.0.1:${(server.address() as import('node:net').AddressInfo).port}`
    try {
      const first = await rawGet(`${base}/assets/chunk1-aaaa.js`, { 'accept-encoding': 'br' })
      const held = files.cachedBytes()
      expect(held).toBe(size + first.body.length)
      // Asked again (and with HEAD): served from memory, nothing compressed or held anew.
      for (let i = 0; i < 3; i++)
        expect((await rawGet(`${base}/assets/chunk1-aaaa.js`, { 'accept-encoding': 'br' })).body).toEqual(first.body)
      expect(files.cachedBytes()).toBe(held)
      // More files than the bound: the least recently used is dropped, the total stays within it.
      for (const n of [2, 3]) await rawGet(`${base}/assets/chunk${n}-aaaa.js`, { 'accept-encoding': 'gzip' })
      expect(files.cachedBytes()).toBeLessThanOrEqual(Math.floor(size * 2.5))
      expect(files.cachedBytes()).toBeGreaterThan(size)
      const again = await rawGet(`${base}/assets/chunk1-aaaa.js`, { 'accept-encoding': 'br' })
      expect(brotliDecompressSync(again.body).toString()).toBe(big(1))
    } finally {
      server.close()
    }
  })

  it('negotiates content codings by q-value', () => {
    expect(negotiate('gzip, deflate, br, zstd')).toBe('br')
    expect(negotiate('gzip;q=1.0, br;q=0.8')).toBe('gzip')
    expect(negotiate('br;q=0, gzip;q=0')).toBeNull()
    expect(negotiate('*')).toBe('br')
    expect(negotiate('identity')).toBeNull()
    expect(negotiate(undefined)).toBeNull()
  })
})

function devToken(base: string, body: unknown): Promise<Response> {
  return fetch(`${base}/auth/dev-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

function fakeRequest(remoteAddress: string, host: string) {
  return { socket: { remoteAddress }, headers: { host } } as never
}

/**
 * GET of a path exactly as written (fetch would normalise `%2e%2e` and `..`). The connection stays
 * open until the answer: a client that half-closes first is cut off by node:http.
 */
function rawPath(base: string, path: string): Promise<{ status: number; body: string }> {
  const url = new URL(base)
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname, () => {
      socket.write(`GET ${path} HTTP/1.1\r\nhost: ${url.host}\r\naccept: text/html\r\nconnection: close\r\n\r\n`)
    })
    let text = ''
    socket.on('data', c => {
      text += c
    })
    socket.on('error', reject)
    socket.on('close', () => resolve({ status: Number(text.split(' ')[1]), body: text.split('\r\n\r\n').slice(1).join('\r\n\r\n') }))
  })
}

/** A request with the Host header a browser would send for another name. */
async function rawRequestWithHost(target: string, host: string, headers: Array<[string, string]>, body: string) {
  const { request } = await import('node:http')
  const url = new URL(target)
  return new Promise<{ status: number }>((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { ...Object.fromEntries(headers), host } },
      res => {
        res.resume()
        res.on('end', () => resolve({ status: res.statusCode! }))
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

/** GET (or HEAD) without fetch's automatic decompression: the body as sent. */
async function rawGet(target: string, headers: Record<string, string>, method = 'GET') {
  const { request } = await import('node:http')
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    const req = request(target, { method, headers }, res => {
      const chunks: Buffer[] = []
      res.on('data', c => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }))
    })
    req.on('error', reject)
    req.end()
  })
}
