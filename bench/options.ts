import { SEED_PROFILES, type SeedProfile } from '../platform/city.js'
import { OPERATIONS } from './operations.js'

export const TARGETS = [
  'ours',
  'ours-public',
  'ours-authz-off',
  'ours-metrics-off',
  'ours-dedupe-off',
  'apollo',
  'hive',
  'hive-rust',
  'hive-rust-dedupe-off',
  'direct',
] as const
export type TargetName = (typeof TARGETS)[number]
/**
 * `distinct`: the variables change with every request; `identical`: every request the same; `unique`: the
 * variables of distinct requests and a new document every time (root-field aliases vary, bench/unique-aliases.ts).
 */
export const MODES = ['distinct', 'identical', 'unique'] as const
export type Mode = (typeof MODES)[number]
/**
 * How the departments run. `uncached`: caches off, every subgraph call reads PostgreSQL (the whole system on
 * one machine sets the pace). `cached`: their loader caches on for the whole run, so each variable set reads
 * PostgreSQL once and the gateways set the pace — how federation gateways are usually compared.
 */
export const DEPARTMENT_SETUPS = ['uncached', 'cached'] as const
export type DepartmentSetup = (typeof DEPARTMENT_SETUPS)[number]

export interface BenchOptions {
  profile: SeedProfile
  connections: number
  warmupSeconds: number
  durationSeconds: number
  timeoutSeconds: number
  modes: Mode[]
  departments: DepartmentSetup[]
  operations: string[]
  targets: TargetName[]
  /** Measurements per target × operation × mode, interleaved with the other targets' (order reversed every other round). */
  rounds: number
  propagation: boolean
  outDir: string
}

export const USAGE = `npm run bench -- [flags]
  --profile small|large     seed profile (default small); an already seeded database is reused
  --connections N           concurrent connections (default 20)
  --warmup S                warm-up seconds before each measurement (default 2)
  --duration S              measured seconds per gateway × operation × mode (default 4)
  --timeout S               request timeout (default 10)
  --modes a,b               distinct,identical,unique (default all): variables vary per request, every request
                            the same, or variables vary and every request is a new document (aliases vary)
  --departments a,b         uncached,cached (default both): departments read PostgreSQL on every call, or answer
                            repeated calls from their caches so that the gateways set the pace
  --operations a,b          ${OPERATIONS.map(o => o.name).join(',')} (default all)
  --targets a,b             ${TARGETS.join(',')} (default all)
  --rounds N                measure each row N times, --duration seconds each, the targets interleaved and their order
                            reversed every other round, so drift on a shared machine falls on every target alike;
                            a row reports the rounds combined (default 1)
  --no-propagation          skip the policy propagation measurement
  --out DIR                 results folder (default bench/results)
DATABASE_URL              use this database instead of the embedded one in .data/bench-postgres`

export class UsageError extends Error {}

function list<T extends string>(value: string | undefined, allowed: readonly T[], flag: string): T[] | undefined {
  if (value === undefined) return undefined
  const items = value
    .split(',')
    .map(s => s.trim())
    .filter(Boolean)
  const bad = items.filter(i => !allowed.includes(i as T))
  if (bad.length || !items.length)
    throw new UsageError(`${flag}: unknown ${bad.join(', ') || '(empty)'}; one or more of ${allowed.join(', ')}`)
  return items as T[]
}

function positive(value: string | undefined, flag: string, fallback: number, allowZero = false): number {
  if (value === undefined) return fallback
  const n = Number(value)
  if (!Number.isFinite(n) || n < 0 || (!allowZero && n === 0))
    throw new UsageError(`${flag} must be a ${allowZero ? 'non-negative' : 'positive'} number, got "${value}"`)
  return n
}

export function parseOptions(argv: string[]): BenchOptions {
  const values = new Map<string, string>()
  const flags = new Set<string>()
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument "${arg}"`)
    const [name, inline] = arg.slice(2).split('=', 2)
    if (name === 'no-propagation' || name === 'help') {
      flags.add(name)
      continue
    }
    const value = inline ?? argv[++i]
    if (value === undefined) throw new UsageError(`--${name} needs a value`)
    values.set(name, value)
  }
  if (flags.has('help')) throw new UsageError('')
  const known = new Set([
    'profile',
    'connections',
    'warmup',
    'duration',
    'timeout',
    'modes',
    'departments',
    'operations',
    'targets',
    'rounds',
    'out',
  ])
  for (const k of values.keys()) if (!known.has(k)) throw new UsageError(`unknown flag --${k}`)
  const profile = (values.get('profile') ?? 'small') as SeedProfile
  if (!SEED_PROFILES.includes(profile)) throw new UsageError(`--profile must be one of ${SEED_PROFILES.join(', ')}`)
  return {
    profile,
    connections: Math.round(positive(values.get('connections'), '--connections', 20)),
    warmupSeconds: positive(values.get('warmup'), '--warmup', 2, true),
    durationSeconds: positive(values.get('duration'), '--duration', 4),
    timeoutSeconds: positive(values.get('timeout'), '--timeout', 10),
    modes: list(values.get('modes'), MODES, '--modes') ?? [...MODES],
    departments: list(values.get('departments'), DEPARTMENT_SETUPS, '--departments') ?? [...DEPARTMENT_SETUPS],
    operations:
      list(
        values.get('operations'),
        OPERATIONS.map(o => o.name),
        '--operations',
      ) ?? OPERATIONS.map(o => o.name),
    targets: list(values.get('targets'), TARGETS, '--targets') ?? [...TARGETS],
    rounds: Math.round(positive(values.get('rounds'), '--rounds', 1)),
    propagation: !flags.has('no-propagation'),
    outDir: values.get('out') ?? new URL('./results/', import.meta.url).pathname,
  }
}
