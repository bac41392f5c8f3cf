import { Writable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-node'
import { createGateway, type Gateway } from '../../gateway/gateway.js'
import { createGatewayDeps } from '../../gateway/create-gateway-deps.js'
import { composeSupergraph } from '../../schema/compose.js'
import { OPERATIONS } from '../../bench/operations.js'
import { createLogger } from '../../platform/logger/create-logger.js'
import { startTracing, type Tracing } from '../../lib/observability/start-tracing.js'
import { readObservabilityConfig } from '../../lib/observability/observability-config.js'
import { startSubgraphs, type RunningSubgraphs } from '../helpers/start-subgraphs.js'
import { waitFor } from '../helpers/wait-for.js'
import { bearer, testGatewayConfig, TEST_IDENTITY_CONFIG, token } from '../helpers/start-city.js'
import { DEFAULT_LIMITS } from '../../gateway/limits/operation-limits.js'

// One process holds the gateway and the departments it calls (over real HTTP on ephemeral ports);
// spans go to an in-memory exporter, log lines of the gateway to an array.
const exporter = new InMemorySpanExporter()
const lines: Array<Record<string, any>> = []
const sink = new Writable({
  write(chunk, _enc, done) {
    for (const l of String(chunk).split('\n')) if (l) lines.push(JSON.parse(l))
    done()
  },
})
const METRICS_TOKEN = 'metrics-token-0123456789abcdef'

let tracing: Tracing | null
let subgraphs: RunningSubgraphs
let gateway: Gateway
let closeDeps: () => Promise<void>
let supergraphSdl: string
const profile = OPERATIONS.find(o => o.name === 'DistrictProfile')!

beforeAll(async () => {
  tracing = await startTracing({ serviceName: 'stadtgraph-test', exporter })
  const url = inject('cityDatabaseUrl')
  subgraphs = await startSubgraphs(url, profile.subgraphs)
  supergraphSdl = composeSupergraph(subgraphs.list.map(s => ({ name: s.def.name, url: s.server.url, typeDefs: s.def.typeDefs })))
  const config = testGatewayConfig({ supergraphSdl, databaseUrl: url, observability: readObservabilityConfig({ METRICS_TOKEN }) })
  const deps = await createGatewayDeps(config, TEST_IDENTITY_CONFIG)
  closeDeps = deps.close
  gateway = await createGateway(config, { ...deps, logger: createLogger({ name: 'gateway', level: 'info', destination: sink }) })
})
afterAll(async () => {
  await gateway?.close()
  await closeDeps?.()
  await subgraphs?.stop()
  await tracing?.shutdown()
})

const base = () => gateway.url.replace(/\/graphql$/, '')
const districtProfile = (headers: Record<string, string> = {}) =>
  fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...bearer('controlling'), ...headers },
    body: JSON.stringify({ query: profile.query, variables: profile.variables(0), operationName: 'DistrictProfile' }),
  })
const scrape = async (url: string) => {
  const res = await fetch(url, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
  expect(res.status).toBe(200)
  return res.text()
}
/** The spans once the gateway's request span has ended (it ends when the response is handed to the socket, maybe after the client read it). */
async function finishedTrace() {
  await waitFor('the gateway.request span to end', () => exporter.getFinishedSpans().some(s => s.name === 'gateway.request'), {
    timeoutMs: 1_000,
    intervalMs: 10,
  })
  return exporter.getFinishedSpans()
}
/** The value of one sample line `name{labels} value` whose labels include all of `labels`. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(name + '{') && !line.startsWith(name + ' ')) continue
    if (Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`))) return Number(line.slice(line.lastIndexOf(' ') + 1))
  }
  return undefined
}

describe('a district-profile request, observed', () => {
  it('is one trace from the gateway through every department down to SQL', async () => {
    exporter.reset()
    const res = await districtProfile()
    const body = (await res.json()) as { data?: unknown; errors?: unknown }
    expect(body.errors).toBeUndefined()
    const spans = await finishedTrace()
    const root = spans.find(s => s.name === 'gateway.request')!
    expect(root).toBeDefined()
    const traceId = root.spanContext().traceId
    expect(new Set(spans.map(s => s.spanContext().traceId))).toEqual(new Set([traceId]))
    const names = new Set(spans.map(s => s.name))
    for (const n of [
      'gateway.authenticate',
      'gateway.authorize',
      'gateway.plan_and_execute',
      'subgraph.fetch',
      'department.request',
      'loader.batch',
      'sql',
    ]) {
      expect(names, n).toContain(n)
    }
    // Every department the operation touches answered inside the trace, each below a fetch span of the gateway.
    const fetchIds = new Set(spans.filter(s => s.name === 'subgraph.fetch').map(s => s.spanContext().spanId))
    const departmentSpans = spans.filter(s => s.name === 'department.request')
    expect(new Set(departmentSpans.map(s => s.attributes['stadtgraph.department']))).toEqual(new Set(profile.subgraphs))
    for (const d of departmentSpans) expect(fetchIds).toContain(d.parentSpanContext?.spanId)
    // Below a department: its loader batches, and below them the SQL statements they sent.
    const ids = (name: string) => new Set(spans.filter(s => s.name === name).map(s => s.spanContext().spanId))
    const departmentIds = ids('department.request')
    const batchIds = ids('loader.batch')
    const parentOf = (s: (typeof spans)[number]) => s.parentSpanContext?.spanId ?? ''
    expect(spans.filter(s => s.name === 'loader.batch').some(s => departmentIds.has(parentOf(s)))).toBe(true)
    expect(spans.filter(s => s.name === 'sql').some(s => batchIds.has(parentOf(s)))).toBe(true)
    // The log line of the request carries the same trace id.
    const line = lines.filter(l => l.msg === 'request').at(-1)!
    expect(line.traceId).toBe(traceId)
  })

  it("continues a caller's W3C traceparent", async () => {
    exporter.reset()
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736'
    await (await districtProfile({ traceparent: `00-${traceId}-00f067aa0ba902b7-01` })).json()
    const spans = await finishedTrace()
    expect(spans.length).toBeGreaterThan(5)
    expect(spans.every(s => s.spanContext().traceId === traceId)).toBe(true)
  })

  it('writes one log line with request id, trace id, operation, principal and status, never the token', async () => {
    exporter.reset()
    const before = lines.length
    const jwt = token('controlling', { sub: 'anna.keller' })
    const res = await districtProfile({ authorization: `Bearer ${jwt}`, 'x-request-id': 'lb-7f3a-0001' })
    await res.json()
    expect(res.headers.get('x-request-id')).toBe('lb-7f3a-0001')
    await finishedTrace()
    const mine = lines.slice(before).filter(l => l.msg === 'request')
    expect(mine).toHaveLength(1)
    expect(mine[0]).toMatchObject({
      level: 30,
      name: 'gateway',
      requestId: 'lb-7f3a-0001',
      operationName: 'DistrictProfile',
      sub: 'anna.keller',
      roles: ['controlling'],
      status: 200,
    })
    expect(mine[0].operationHash).toMatch(/^[0-9a-f]{64}$/)
    expect(mine[0].traceId).toMatch(/^[0-9a-f]{32}$/)
    expect(typeof mine[0].durationMs).toBe('number')
    expect(JSON.stringify(lines)).not.toContain(jwt.split('.')[2])
  })

  it('logs admin API requests too, with their operation and the admin role class in metrics', async () => {
    const before = lines.length
    const res = await fetch(`${base()}/admin/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer('admin', { sub: 'root.admin' }) },
      body: JSON.stringify({ query: 'query PolicyVersion { policy { version } }' }),
    })
    expect(res.status).toBe(200)
    await res.json()
    await waitFor('the request log line', () => lines.slice(before).some(l => l.msg === 'request'), { timeoutMs: 1_000, intervalMs: 10 })
    expect(lines.slice(before).find(l => l.msg === 'request')).toMatchObject({
      operationName: 'PolicyVersion',
      sub: 'root.admin',
      status: 200,
    })
    expect(
      sample(await scrape(`${base()}/metrics`), 'stadtgraph_gateway_requests_total', { operation: 'PolicyVersion', role_class: 'admin' }),
    ).toBe(1)
  })

  it('answers a fresh request id when the caller sends none or a hostile one', async () => {
    const res = await districtProfile({ 'x-request-id': 'x'.repeat(500) })
    await res.json()
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
  })
})

describe('GET /metrics', () => {
  it('on the gateway: requests by operation, status and role class; latency; subgraph fetches; policy version', async () => {
    const text0 = await scrape(`${base()}/metrics`)
    const before =
      sample(text0, 'stadtgraph_gateway_requests_total', { operation: 'DistrictProfile', status: '200', role_class: 'authenticated' }) ?? 0
    const fetchesBefore =
      sample(text0, 'stadtgraph_gateway_subgraph_fetch_duration_seconds_count', { subgraph: 'population', outcome: 'ok' }) ?? 0
    await (await districtProfile()).json()
    await (
      await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ districts { code } }' }),
      })
    ).json()
    const text = await scrape(`${base()}/metrics`)
    expect(
      sample(text, 'stadtgraph_gateway_requests_total', { operation: 'DistrictProfile', status: '200', role_class: 'authenticated' }),
    ).toBe(before + 1)
    expect(sample(text, 'stadtgraph_gateway_requests_total', { operation: 'anonymous', role_class: 'public' })).toBeGreaterThanOrEqual(1)
    expect(sample(text, 'stadtgraph_gateway_subgraph_fetch_duration_seconds_count', { subgraph: 'population', outcome: 'ok' })).toBe(
      fetchesBefore + 1,
    )
    expect(sample(text, 'stadtgraph_gateway_request_duration_seconds_count', { role_class: 'authenticated' })).toBeGreaterThan(0)
    expect(sample(text, 'stadtgraph_gateway_policy_version', { replica: 'test' })).toBe(gateway.policyVersion())
    expect(sample(text, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0)
    expect(text).not.toMatch(/controlling|anna\.keller/)
  })

  it('counts error codes of responses', async () => {
    const text0 = await scrape(`${base()}/metrics`)
    const before = sample(text0, 'stadtgraph_gateway_graphql_errors_total', { code: 'GRAPHQL_VALIDATION_FAILED' }) ?? 0
    await (
      await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ nope }' }),
      })
    ).json()
    expect(
      sample(await scrape(`${base()}/metrics`), 'stadtgraph_gateway_graphql_errors_total', { code: 'GRAPHQL_VALIDATION_FAILED' }),
    ).toBe(before + 1)
  })

  it('bounds operation names: a flood of fresh names ends up as `other`', async () => {
    for (let i = 0; i < 210; i += 30) {
      await Promise.all(
        Array.from({ length: 30 }, (_, j) =>
          fetch(gateway.url, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query: `query Flood${i + j} { districts { code } }` }),
          }).then(r => r.json()),
        ),
      )
    }
    const text = await scrape(`${base()}/metrics`)
    const names = new Set([...text.matchAll(/stadtgraph_gateway_requests_total\{operation="([^"]+)"/g)].map(m => m[1]))
    expect(names.size).toBeLessThanOrEqual(200 + 3)
    expect(names).toContain('other')
  })

  it('on a department: requests, SQL by statement name, pool, dataset age', async () => {
    await (await districtProfile()).json()
    const population = subgraphs.byName.get('population')!.server
    const text = await scrape(population.url.replace(/\/graphql$/, '/metrics'))
    expect(sample(text, 'stadtgraph_department_requests_total', { department: 'population', status: '200' })).toBeGreaterThan(0)
    expect(text).toMatch(/stadtgraph_department_sql_duration_seconds_count\{[^}]*statement="s[0-9a-f]{24}"[^}]*outcome="ok"[^}]*\} [1-9]/)
    expect(sample(text, 'stadtgraph_department_db_pool_connections', { state: 'idle' })).toBeGreaterThanOrEqual(0)
    expect(sample(text, 'stadtgraph_department_db_pool_waiting')).toBe(0)
    expect(sample(text, 'stadtgraph_dataset_age_seconds', { dataset: 'pop.stock' })).toBeGreaterThan(0)
  })

  it("is refused on the gateway's client port without the metrics token", async () => {
    for (const url of [`${base()}/metrics`]) {
      const none = await fetch(url)
      expect(none.status).toBe(401)
      const wrong = await fetch(url, { headers: { authorization: `Bearer ${METRICS_TOKEN.slice(0, -1)}x` } })
      expect(wrong.status).toBe(401)
      expect(await wrong.text()).not.toMatch(/stadtgraph_/)
    }
  })
})

describe('/metrics on the gateway, by configuration', () => {
  const start = async (env: Record<string, string>, overrides: Parameters<typeof testGatewayConfig>[0] = {}) => {
    const config = testGatewayConfig({
      supergraphSdl,
      replicaId: 'metrics-config',
      observability: readObservabilityConfig(env),
      ...overrides,
    })
    const deps = await createGatewayDeps(config, TEST_IDENTITY_CONFIG)
    const g = await createGateway(config, { ...deps, logger: createLogger({ name: 'gateway', level: 'silent' }) })
    return {
      g,
      base: g.url.replace(/\/graphql$/, ''),
      close: async () => {
        await g.close()
        await deps.close()
      },
    }
  }

  it('with METRICS_PORT: only there, not on the client port (production)', async () => {
    const { g, base, close } = await start({ NODE_ENV: 'production', METRICS_PORT: '0' })
    try {
      expect((await fetch(`${base}/metrics`)).status).toBe(404)
      expect(g.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/)
      const res = await fetch(g.metricsUrl!)
      expect(res.status).toBe(200)
      expect(await res.text()).toContain('stadtgraph_gateway_policy_version{replica="metrics-config"}')
    } finally {
      await close()
    }
  })

  it('in production without port or token: not served; in development: served to loopback callers', async () => {
    const prod = await start({ NODE_ENV: 'production' })
    try {
      expect((await fetch(`${prod.base}/metrics`)).status).toBe(404)
    } finally {
      await prod.close()
    }
    const dev = await start({})
    try {
      const res = await fetch(`${dev.base}/metrics`)
      expect(res.status).toBe(200)
      expect(await res.text()).toContain('nodejs_eventloop_lag_seconds')
    } finally {
      await dev.close()
    }
  })

  it('counts rate-limit refusals by role class', async () => {
    const { base, close } = await start({}, { limits: { ...DEFAULT_LIMITS, anonymousRatePerMinute: 1 } })
    try {
      const statuses: number[] = []
      for (let i = 0; i < 3; i++) {
        const res = await fetch(`${base}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ districts { code } }' }),
        })
        statuses.push(res.status)
        await res.text()
      }
      expect(statuses.filter(s => s === 429)).toHaveLength(2)
      const text = await (await fetch(`${base}/metrics`)).text()
      expect(sample(text, 'stadtgraph_gateway_rate_limited_total', { role_class: 'public' })).toBe(2)
      expect(sample(text, 'stadtgraph_gateway_requests_total', { operation: 'none', status: '429', role_class: 'public' })).toBe(2)
    } finally {
      await close()
    }
  })

  it('with METRICS=off: no /metrics at all', async () => {
    const { g, base, close } = await start({ METRICS: 'off' })
    try {
      expect((await fetch(`${base}/metrics`)).status).toBe(404)
      expect(g.metricsUrl).toBeNull()
    } finally {
      await close()
    }
  })
})
