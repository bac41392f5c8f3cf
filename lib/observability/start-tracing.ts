import { setTracingEnabled } from './tracing.js'

export interface StartTracingOptions {
  /** `service.name` of the spans: `stadtgraph-gateway`, `stadtgraph-population`, … */
  serviceName: string
  /** OTLP/HTTP collector base URL (`OTEL_EXPORTER_OTLP_ENDPOINT`); traces go to `<endpoint>/v1/traces`. */
  endpoint?: string | null
  /**
   * A span exporter of the caller's (tests: the SDK's InMemorySpanExporter), exported span by span
   * instead of in batches. Wins over `endpoint`.
   */
  exporter?: unknown
}

export interface Tracing {
  shutdown(): Promise<void>
}

/**
 * Loads the OpenTelemetry trace SDK (by dynamic import: a process without tracing never loads it)
 * and registers a Node tracer provider — AsyncLocalStorage context, W3C trace-context propagation,
 * parent-based sampling — exporting to the OTLP/HTTP endpoint in batches. Without an endpoint or
 * exporter it does nothing and returns null: the API's no-op tracer stays in place.
 * The standard `OTEL_*` variables (`OTEL_EXPORTER_OTLP_HEADERS`, `OTEL_TRACES_SAMPLER`, …) apply.
 */
export async function startTracing(opts: StartTracingOptions): Promise<Tracing | null> {
  if (!opts.exporter && !opts.endpoint) return null
  const sdk = await import('@opentelemetry/sdk-trace-node')
  const { resourceFromAttributes } = await import('@opentelemetry/resources')
  let processor
  if (opts.exporter) {
    processor = new sdk.SimpleSpanProcessor(opts.exporter as InstanceType<typeof sdk.InMemorySpanExporter>)
  } else {
    const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-http')
    processor = new sdk.BatchSpanProcessor(new OTLPTraceExporter({ url: `${opts.endpoint!.replace(/\/+$/, '')}/v1/traces` }))
  }
  const provider = new sdk.NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': opts.serviceName }),
    spanProcessors: [processor],
  })
  provider.register()
  setTracingEnabled(true)
  return {
    shutdown: async () => {
      setTracingEnabled(false)
      await provider.shutdown()
    },
  }
}
