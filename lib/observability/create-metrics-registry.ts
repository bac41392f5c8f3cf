import { collectDefaultMetrics, Registry } from 'prom-client'

let processMetrics: Registry | null = null

/**
 * The process's own metrics — prom-client's defaults: CPU, memory, heap, GC, handles and
 * `nodejs_eventloop_lag_seconds` with its percentiles (`perf_hooks.monitorEventLoopDelay`, 20 ms
 * resolution). Collected once per process, however many servers it runs (tests run dozens): the
 * event-loop monitor and GC observer are started on the first call and live as long as the process.
 */
export function processMetricsRegistry(): Registry {
  if (!processMetrics) {
    processMetrics = new Registry()
    collectDefaultMetrics({ register: processMetrics, eventLoopMonitoringPrecision: 20 })
  }
  return processMetrics
}

/**
 * The registry of one server (the gateway, or a department): the metrics it defines, each series
 * carrying `defaultLabels` (a department names itself: `{ department: 'population' }`), so one
 * Prometheus scraping all processes keeps them apart without relabelling. `/metrics` serves it
 * together with the process metrics (`serveMetrics`).
 */
export function createMetricsRegistry(defaultLabels: Record<string, string> = {}): Registry {
  const registry = new Registry()
  if (Object.keys(defaultLabels).length) registry.setDefaultLabels(defaultLabels)
  return registry
}
