import { context, propagation, SpanKind, SpanStatusCode, trace, type Attributes, type Context, type Span } from '@opentelemetry/api'

/**
 * Tracing over `@opentelemetry/api` only. Until an SDK registers a tracer provider (startTracing,
 * when `OTEL_EXPORTER_OTLP_ENDPOINT` is set, or a test), every helper here returns at once without
 * creating a span or touching the context: the hot path pays one boolean test.
 */
const tracer = trace.getTracer('stadtgraph')
let enabled = false

/** Called by startTracing once a provider is registered (and with false when it shuts down). */
export function setTracingEnabled(on: boolean): void {
  enabled = on
}
export function tracingEnabled(): boolean {
  return enabled
}

/**
 * Runs `fn` inside a span named `name` (child of the active span), ends it when `fn` settles and
 * records a thrown error on it. Without tracing, just runs `fn`.
 */
export function withSpan<T>(
  name: string,
  attributes: Attributes | undefined,
  fn: (span: Span | undefined) => Promise<T>,
  kind: SpanKind = SpanKind.INTERNAL,
): Promise<T> {
  if (!enabled) return fn(undefined)
  return tracer.startActiveSpan(name, { kind, attributes }, async span => {
    try {
      return await fn(span)
    } catch (err) {
      span.recordException(err as Error)
      span.setStatus({ code: SpanStatusCode.ERROR })
      throw err
    } finally {
      span.end()
    }
  })
}

/** Starts a span that the caller ends (for work that settles through callbacks); undefined without tracing. */
export function startSpan(name: string, attributes?: Attributes, kind: SpanKind = SpanKind.INTERNAL, parent?: Context): Span | undefined {
  if (!enabled) return undefined
  return tracer.startSpan(name, { kind, attributes }, parent ?? context.active())
}

/** Records a finished piece of work (a SQL statement whose duration the driver reports afterwards) as a span. */
export function recordSpan(name: string, durationMs: number, attributes?: Attributes, failed = false): void {
  if (!enabled) return
  const end = Date.now()
  const span = tracer.startSpan(name, { kind: SpanKind.CLIENT, attributes, startTime: end - durationMs }, context.active())
  if (failed) span.setStatus({ code: SpanStatusCode.ERROR })
  span.end(end)
}

/** Runs `fn` with `span` as the active span (its children and outgoing calls belong to it). */
export function runInSpan<T>(span: Span | undefined, fn: () => T): T {
  if (!span) return fn()
  return context.with(trace.setSpan(context.active(), span), fn)
}

/** Adds the W3C `traceparent` (and `tracestate`) of `span`, or of the active span, to outgoing headers. */
export function injectTraceHeaders(headers: Record<string, string>, span?: Span): Record<string, string> {
  if (!enabled) return headers
  const ctx = span ? trace.setSpan(context.active(), span) : context.active()
  propagation.inject(ctx, headers)
  return headers
}

/** The context a caller's `traceparent` header describes (the active context when it has none). */
export function extractTraceContext(headers: Readonly<Record<string, string | string[] | undefined>>): Context {
  if (!enabled) return context.active()
  return propagation.extract(context.active(), headers)
}

export { SpanKind, type Span }
