import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino'
import pretty from 'pino-pretty'

export type { Logger } from 'pino'

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const
export type LogLevel = (typeof LOG_LEVELS)[number]

export interface LoggerOptionsInput {
  /** `gateway` or the department's name; every line carries it as `name`. */
  name: string
  /** Default: `LOG_LEVEL` (validated by readObservabilityConfig), else `info`. */
  level?: LogLevel
  /** Where lines go (tests); default stdout — JSON, or pino-pretty's readable form when stdout is a terminal. */
  destination?: DestinationStream
  /** Force the readable form on or off; default: whether stdout is a TTY. */
  pretty?: boolean
}

/**
 * Fields whose values are credentials, replaced where the project's log calls can put them: at the
 * top level, and in `headers` / `req.headers`. Paths are explicit: pino's leading-wildcard paths
 * (`*.token`) cost about 15 µs per line, six times the rest of a line.
 */
const SECRET_FIELDS = ['authorization', 'token', 'accessToken', 'metricsToken', 'secret', 'password', 'cookie', '"x-stadtgraph-internal"']
const REDACTED_PATHS = [
  ...SECRET_FIELDS.map(f => (f.startsWith('"') ? `[${f}]` : f)),
  ...SECRET_FIELDS.map(f => (f.startsWith('"') ? `headers[${f}]` : `headers.${f}`)),
  ...SECRET_FIELDS.map(f => (f.startsWith('"') ? `req.headers[${f}]` : `req.headers.${f}`)),
]

/** A bearer credential or a JWT inside free text (an error message quoting a header, say). */
const TOKEN_IN_TEXT = /\b(Bearer\s+)[A-Za-z0-9._~+/=-]+|\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/gi

/** The text with every bearer credential and JWT replaced. */
export function scrubTokens(text: string): string {
  return text.replace(TOKEN_IN_TEXT, (_m, bearer: string | undefined) => (bearer ? `${bearer}[redacted]` : '[redacted]'))
}

/**
 * The process logger (pino): one JSON object per line with `level`, `time`, `pid`, `hostname`, `name` and `msg`;
 * readable (pino-pretty, in-process, no worker thread) only when stdout is a terminal. Credentials
 * never reach a line: fields named like credentials (`authorization`, `token`, the internal token
 * header, …) are redacted at the top level and in `headers` / `req.headers`, and bearer tokens or
 * JWTs inside message strings and error messages and stacks are scrubbed.
 * A disabled level costs one comparison: call sites pass objects and constant messages, and
 * pino builds nothing for a level that is off.
 */
export function createLogger(opts: LoggerOptionsInput): Logger {
  const level = opts.level ?? readLogLevel(process.env.LOG_LEVEL)
  const options: LoggerOptions = {
    name: opts.name,
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    hooks: {
      logMethod(args, method) {
        for (let i = 0; i < args.length; i++) if (typeof args[i] === 'string') args[i] = scrubTokens(args[i] as string)
        return method.apply(this, args as Parameters<typeof method>)
      },
    },
    serializers: { err: serializeError },
  }
  if (opts.destination) return pino(options, opts.destination)
  const readable = opts.pretty ?? Boolean(process.stdout.isTTY)
  return readable ? pino(options, pretty({ colorize: true, sync: true })) : pino(options)
}

/** pino's error serializer, with tokens scrubbed from the message and stack. */
function serializeError(err: Error): unknown {
  const out = pino.stdSerializers.err(err) as { message?: string; stack?: string } | undefined
  if (out && typeof out === 'object') {
    if (typeof out.message === 'string') out.message = scrubTokens(out.message)
    if (typeof out.stack === 'string') out.stack = scrubTokens(out.stack)
  }
  return out
}

/** `LOG_LEVEL` as a pino level; a wrong value fails at start with the allowed ones. */
export function readLogLevel(value: string | undefined): LogLevel {
  if (value === undefined || value.trim() === '') return 'info'
  const v = value.trim().toLowerCase() as LogLevel
  if (!LOG_LEVELS.includes(v)) throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${value}"`)
  return v
}
