import { randomUUID } from 'node:crypto'
import { pino } from 'pino'
import { createMetricsRegistry } from '../../lib/observability/create-metrics-registry.js'
import { createGatewayMetrics } from '../../lib/observability/gateway-metrics.js'
import { createLogger } from '../../platform/logger/create-logger.js'

// The gateway's per-request observability work in isolation, for a district profile (five subgraph
// calls): what `npm run bench` cannot resolve on a shared machine, where 2-second rounds of the same
// gateway differ by a third. Run: npx tsx bench/dev/observability-cost.ts
const SUBGRAPHS = ['geo', 'population', 'education', 'asylum', 'finance']
const N = 200_000

const metrics = createGatewayMetrics(createMetricsRegistry(), { policyVersion: () => 1, replica: 'cost' })
const log = createLogger({ name: 'gateway', level: 'info', destination: pino.destination({ dest: '/dev/null', sync: true }) })

const observe = () => {
  for (const s of SUBGRAPHS) metrics.subgraphFetch(s, 0.003, true)
  metrics.request('DistrictProfile', 200, 'authenticated', 0.02)
}
const logLine = () =>
  log.info(
    {
      requestId: randomUUID(),
      traceId: undefined,
      operationName: 'DistrictProfile',
      operationHash: 'a'.repeat(64),
      sub: 'u1',
      roles: ['controlling'],
      status: 200,
      durationMs: 12.3,
    },
    'request',
  )

function perCall(f: () => void): number {
  for (let i = 0; i < N / 10; i++) f()
  const t0 = performance.now()
  for (let i = 0; i < N; i++) f()
  return ((performance.now() - t0) * 1000) / N
}

const m = perCall(observe)
const l = perCall(logLine)
console.log(
  `per district-profile request: metrics ${m.toFixed(2)} µs, request log line ${l.toFixed(2)} µs, together ${(m + l).toFixed(2)} µs`,
)
