import { collectDefaultMetrics, Registry } from 'prom-client'

/**
 * The Prometheus registry of one process (a gateway or a department): prom-client's default process
 * metrics — CPU, memory, heap, GC, handles and `nodejs_eventloop_lag_seconds` (plus its percentiles
 * from `perf_hooks.monitorEventLoopDelay`) — and every metric the process defines on it.
 * `defaultLabels` go on every series (a department names itself: `{ department: 'population' }`), so
 * one Prometheus scraping all processes keeps them apart without relabelling.
 * Creating one starts the event-loop delay monitor: one per process (or per in-process server in tests).
 */
export function createMetricsRegistry(defaultLabels: Record<string, string> = {}): Registry {
  const registry = new Registry()
  if (Object.keys(defaultLabels).length) registry.setDefaultLabels(defaultLabels)
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 })
  return registry
}
