import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Registry } from 'prom-client'
import { createMetricsRegistry, processMetricsRegistry } from '../lib/observability/create-metrics-registry.js'
import { createGatewayMetrics } from '../lib/observability/gateway-metrics.js'
import { createServiceMetrics } from '../lib/observability/service-metrics.js'

const dashboard = JSON.parse(readFileSync(new URL('./grafana/stadtgraph-dashboard.json', import.meta.url), 'utf8')) as {
  panels: Array<{ title: string; targets: Array<{ expr: string }> }>
}
// Written as JSON, which is YAML too: Prometheus reads it as a rule file, and it checks without a YAML parser.
const alerts = JSON.parse(readFileSync(new URL('./prometheus/alerts.yml', import.meta.url), 'utf8')) as {
  groups: Array<{
    name: string
    rules: Array<{ alert: string; expr: string; for: string; labels: Record<string, string>; annotations: Record<string, string> }>
  }>
}

/** Every series name and its label names, as the gateway and a department export them. */
async function exported(): Promise<Map<string, Set<string>>> {
  const names = new Map<string, Set<string>>()
  const add = async (registry: Registry, extraLabels: string[]) => {
    for (const m of await registry.getMetricsAsJSON()) {
      const labels = new Set([
        ...extraLabels,
        ...((m as { values?: Array<{ labels: Record<string, unknown> }> }).values ?? []).flatMap(v => Object.keys(v.labels)),
      ])
      const own = (m as unknown as { labelNames?: string[] }).labelNames
      for (const l of own ?? []) labels.add(l)
      const series = m.type === 'histogram' ? [`${m.name}_bucket`, `${m.name}_sum`, `${m.name}_count`] : [m.name]
      for (const s of series) names.set(s, new Set([...(names.get(s) ?? []), ...labels, ...(m.type === 'histogram' ? ['le'] : [])]))
    }
  }
  const gatewayRegistry = createMetricsRegistry()
  const gateway = createGatewayMetrics(gatewayRegistry, { policyVersion: () => 1, replica: 'r1' })
  gateway.request('Op', 200, 'public', 0.01)
  gateway.subgraphFetch('geo', 0.01, true)
  gateway.graphqlError('AUDIT_UNAVAILABLE')
  gateway.dedupeHit()
  gateway.rateLimited('public')
  const departmentRegistry = createMetricsRegistry({ department: 'geo' })
  const department = createServiceMetrics(departmentRegistry, {
    pool: { totalCount: 2, idleCount: 1, waitingCount: 0 },
    datasets: async () => [{ id: 'geo.district', ageSeconds: 10, refreshCadence: 'ANNUAL' }],
  })
  department.request(200, 0.01)
  department.statement('s0123', 0.001, true)
  department.cache('district', 'hit')
  department.invalidation('geo.district')
  await add(processMetricsRegistry(), ['instance', 'job'])
  await add(gatewayRegistry, ['instance', 'job'])
  await add(departmentRegistry, ['instance', 'job', 'department'])
  return names
}

/** Metric selectors of our namespaces in a PromQL expression: name and the label names it matches on. */
function selectors(expr: string): Array<{ name: string; labels: string[] }> {
  return [...expr.matchAll(/\b((?:stadtgraph|nodejs|process)_[a-z0-9_]+)(\{([^}]*)\})?/g)].map(m => ({
    name: m[1],
    labels: m[3] ? [...m[3].matchAll(/([a-z_]+)\s*(?:=~|!~|!=|=)/g)].map(l => l[1]) : [],
  }))
}

/** Label names in `by (…)` / `without (…)` clauses. */
const groupings = (expr: string) =>
  [...expr.matchAll(/\b(?:by|without)\s*\(([^)]*)\)/g)].flatMap(m =>
    m[1]
      .split(',')
      .map(s => s.trim())
      .filter(Boolean),
  )

describe('deploy/grafana/stadtgraph-dashboard.json', () => {
  it('parses, and every metric and label it queries is one the gateway or a department exports', async () => {
    const names = await exported()
    const exprs = dashboard.panels.flatMap(p => p.targets.map(t => t.expr))
    expect(exprs.length).toBeGreaterThanOrEqual(10)
    const used = exprs.flatMap(selectors)
    expect(used.length).toBeGreaterThanOrEqual(exprs.length)
    for (const { name, labels } of used) {
      expect(names.has(name), `${name} is not exported`).toBe(true)
      for (const l of labels) expect(names.get(name), `${name} has no label ${l}`).toContain(l)
    }
    const allLabels = new Set([...names.values()].flatMap(s => [...s]))
    for (const l of exprs.flatMap(groupings)) expect(allLabels, `no metric has label ${l}`).toContain(l)
  })

  it('shows what operators asked for', () => {
    const titles = dashboard.panels.map(p => p.title.toLowerCase()).join('\n')
    for (const t of [
      'request rate',
      'error rate',
      'p95',
      'subgraph',
      'cache hit rate',
      'db pool',
      'event-loop lag',
      'policy version per replica',
    ])
      expect(titles).toContain(t)
  })
})

describe('deploy/prometheus/alerts.yml', () => {
  it('parses as a rule file whose rules query exported metrics', async () => {
    const names = await exported()
    const rules = alerts.groups.flatMap(g => g.rules)
    for (const r of rules) {
      expect(r.alert).toMatch(/^[A-Za-z]+$/)
      expect(r.for).toMatch(/^\d+[smh]$/)
      expect(['page', 'ticket']).toContain(r.labels.severity)
      expect(r.annotations.summary).toBeTruthy()
      for (const { name, labels } of selectors(r.expr)) {
        expect(names.has(name), `${r.alert}: ${name} is not exported`).toBe(true)
        for (const l of labels) expect(names.get(name), `${r.alert}: ${name} has no label ${l}`).toContain(l)
      }
    }
    const all = rules.map(r => r.expr).join('\n')
    expect(all).toMatch(/status=~"5\.\."/) // error rate
    expect(all).toContain('histogram_quantile(0.95') // p95
    expect(all).toMatch(/\bup\{[^}]*\} == 0/) // a department down
    expect(all).toContain('stadtgraph_dataset_age_seconds') // stale dataset
    expect(all).toContain('code="AUDIT_UNAVAILABLE"') // audit unavailable
  })
})
