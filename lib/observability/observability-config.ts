import { readLogLevel, type LogLevel } from '../../platform/logger/create-logger.js'

/** Who may read `GET /metrics` on the client port. */
export type MetricsAccess =
  /** Not served there (a separate METRICS_PORT serves it, or production without a token). */
  | 'off'
  /** Callers with `Authorization: Bearer <METRICS_TOKEN>`. */
  | 'token'
  /** Callers on the same machine only (127.0.0.1, ::1): the development default. */
  | 'loopback'
  /** Anyone who reaches the port (a METRICS_PORT listener without token; a department, reached only inside the city's network). */
  | 'open'

export interface ObservabilityConfig {
  /** `METRICS=off` turns metrics off entirely (no registry, no observations). */
  readonly metrics: boolean
  /** `METRICS_PORT`: a separate listener serving only `/metrics` (and no other route). */
  readonly metricsPort: number | null
  /** `METRICS_HOST`: the address that listener binds (default: the server's host). */
  readonly metricsHost: string | null
  /** `METRICS_TOKEN`: a bearer token every `/metrics` reader must send (on either port). */
  readonly metricsToken: string | null
  /** What `/metrics` on the client port allows. */
  readonly clientPortAccess: MetricsAccess
  readonly logLevel: LogLevel
  /** `OTEL_EXPORTER_OTLP_ENDPOINT`: traces are exported there; without it tracing stays off. */
  readonly otlpEndpoint: string | null
}

export class ObservabilityConfigError extends Error {}

/**
 * Reads the observability settings once. The safe default for `/metrics` on the client port:
 * with METRICS_PORT it is not served there; else with METRICS_TOKEN it needs the token; else in
 * production (NODE_ENV=production) it is not served at all (set one of the two); in development it
 * answers loopback callers only.
 */
export function readObservabilityConfig(env: Readonly<Record<string, string | undefined>> = process.env): ObservabilityConfig {
  const metricsValue = env.METRICS?.trim().toLowerCase()
  if (metricsValue && metricsValue !== 'on' && metricsValue !== 'off')
    throw new ObservabilityConfigError(`METRICS must be "on" or "off", got "${env.METRICS}"`)
  let metricsPort: number | null = null
  if (env.METRICS_PORT !== undefined && env.METRICS_PORT !== '') {
    const port = Number(env.METRICS_PORT)
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new ObservabilityConfigError(`METRICS_PORT must be a port number (0–65535), got "${env.METRICS_PORT}"`)
    metricsPort = port
  }
  const metricsToken = env.METRICS_TOKEN || null
  if (metricsToken !== null && metricsToken.length < 16) throw new ObservabilityConfigError('METRICS_TOKEN must be at least 16 characters')
  const otlp = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() || null
  if (otlp && !/^https?:\/\//.test(otlp))
    throw new ObservabilityConfigError(`OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL, got "${otlp}"`)
  let logLevel: LogLevel
  try {
    logLevel = readLogLevel(env.LOG_LEVEL)
  } catch (err) {
    throw new ObservabilityConfigError((err as Error).message)
  }
  return Object.freeze({
    metrics: metricsValue !== 'off',
    metricsPort,
    metricsHost: env.METRICS_HOST || null,
    metricsToken,
    clientPortAccess: metricsPort !== null ? 'off' : metricsToken ? 'token' : env.NODE_ENV === 'production' ? 'off' : 'loopback',
    logLevel,
    otlpEndpoint: otlp,
  })
}
