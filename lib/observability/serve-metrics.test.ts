import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { Counter, Registry } from 'prom-client'
import { serveMetrics, startMetricsServer } from './serve-metrics.js'
import { readObservabilityConfig, type MetricsAccess } from './observability-config.js'

const TOKEN = 'metrics-token-0123456789abcdef'
const servers: Array<{ close(): unknown }> = []
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close()
})

function registry(): Registry {
  const r = new Registry()
  new Counter({ name: 'probe_total', help: 'probe', registers: [r] }).inc()
  return r
}

/** A server answering /metrics with `access`, bound to 127.0.0.1 (so callers are loopback callers). */
async function serve(access: MetricsAccess, token: string | null): Promise<string> {
  const r = registry()
  const server: Server = createServer((req, res) => {
    void serveMetrics(r, req, res, access, token)
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', () => resolve()))
  servers.push({ close: () => new Promise(resolve => server.close(resolve)) })
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`
}

describe('serveMetrics', () => {
  it('serves the Prometheus text format', async () => {
    const res = await fetch(await serve('loopback', null))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/)
    expect(await res.text()).toContain('probe_total 1')
  })
  it('answers 404 when metrics are off on that port', async () => {
    const res = await fetch(await serve('off', null))
    expect(res.status).toBe(404)
    // The same answer as for any unknown path: the port does not tell that metrics exist.
    expect(await res.json()).toEqual({ error: 'not found' })
  })
  it('requires the token when one is configured, whatever the access', async () => {
    for (const access of ['token', 'loopback', 'open'] as const) {
      const url = await serve(access, TOKEN)
      expect((await fetch(url)).status).toBe(401)
      expect((await fetch(url, { headers: { authorization: `Bearer ${TOKEN}x` } })).status).toBe(401)
      expect((await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200)
    }
  })
  it('serves only /metrics on a separate metrics port', async () => {
    const s = await startMetricsServer(registry(), 0, '127.0.0.1', null)
    servers.push(s)
    expect((await fetch(`http://127.0.0.1:${s.port}/metrics`)).status).toBe(200)
    expect((await fetch(`http://127.0.0.1:${s.port}/graphql`)).status).toBe(404)
  })
})

describe('readObservabilityConfig: /metrics on the client port', () => {
  it('is loopback-only in development, off in production, token-guarded with a token, absent with a metrics port', () => {
    expect(readObservabilityConfig({}).clientPortAccess).toBe('loopback')
    expect(readObservabilityConfig({ NODE_ENV: 'production' }).clientPortAccess).toBe('off')
    expect(readObservabilityConfig({ NODE_ENV: 'production', METRICS_TOKEN: TOKEN }).clientPortAccess).toBe('token')
    expect(readObservabilityConfig({ METRICS_PORT: '9464', METRICS_TOKEN: TOKEN }).clientPortAccess).toBe('off')
    expect(readObservabilityConfig({ METRICS: 'off' }).metrics).toBe(false)
  })
  it('refuses bad settings with their name', () => {
    expect(() => readObservabilityConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/)
    expect(() => readObservabilityConfig({ METRICS_PORT: 'x' })).toThrow(/METRICS_PORT/)
    expect(() => readObservabilityConfig({ METRICS: 'maybe' })).toThrow(/METRICS/)
    expect(() => readObservabilityConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/)
    expect(() => readObservabilityConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' })).toThrow(/OTEL_EXPORTER_OTLP_ENDPOINT/)
  })
})
