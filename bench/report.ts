import type { SeedProfile } from '../platform/city.js'
import type { LoadResult, LoadSettings } from './load.js'
import type { DepartmentSetup, Mode, TargetName } from './options.js'

export const TARGET_LABELS: Record<TargetName, string> = {
  ours: 'ours (authorization on)',
  'ours-public': 'ours (anonymous: role public)',
  'ours-authz-off': 'ours (authorization off)',
  'ours-metrics-off': 'ours (metrics off)',
  'ours-dedupe-off': 'ours (authorization on, dedupe off)',
  apollo: '@apollo/gateway',
  hive: 'Hive gateway runtime (JS planner)',
  'hive-rust': 'Hive gateway runtime (Rust planner)',
  'hive-rust-dedupe-off': 'Hive gateway runtime (Rust planner, dedupe off)',
  direct: 'subgraph directly',
}

/**
 * A target as the tables name it: its label and the deduplication it ran with (`BenchReport.dedupe`), so
 * that no row compares a gateway that shares work between requests with one that cannot without saying so.
 */
export function targetLabel(target: TargetName, dedupe: BenchReport['dedupe']): string {
  const setting = dedupe?.[target]
  return setting ? `${TARGET_LABELS[target]}; dedupe: ${setting}` : TARGET_LABELS[target]
}

/** `departments` is absent in results written before the harness measured both setups: they were `uncached`. */
export interface RunResult extends LoadResult {
  target: TargetName
  operation: string
  mode: Mode
  departments?: DepartmentSetup
}
export interface CheckResult {
  target: TargetName
  operation: string
  ok: boolean
  error?: string
  sameDataAsOurs?: boolean
  departments?: DepartmentSetup
}
export interface RatioRow {
  departments: DepartmentSetup
  operation: string
  mode: Mode
  oursVsApollo: number | null
  oursVsHive: number | null
  /** ours / the Hive runtime with the Rust planner, everyone at defaults. */
  oursVsHiveRust?: number | null
  /** ours with GATEWAY_DEDUPE=off and SUBGRAPH_DEDUPE=off / the Hive runtime (Rust planner) with upstream dedupe off. */
  dedupeOffOursVsHiveRust?: number | null
  oursVsDirect: number | null
  authzOnVsOff: number | null
  /** ours (metrics on) / the same gateway with METRICS=off: the throughput metrics cost. */
  metricsOnVsOff?: number | null
}

export interface BenchReport {
  date: string
  profile: SeedProfile
  machine: { cpus: number; loadAverageAtStart: number[]; node: string; platform: string }
  settings: LoadSettings & { modes: Mode[]; departments?: DepartmentSetup[]; rounds?: number }
  database: { seeded: boolean; seedMs: number; rows: Record<string, number> }
  /** The deduplication each target ran with, in words (absent in results written before it was recorded). */
  dedupe?: Partial<Record<TargetName, string>>
  notes: string[]
  operations: Array<{ name: string; file: string; subgraphs: string[]; distinctVariableSets: number; description: string }>
  checks: CheckResult[]
  runs: RunResult[]
  ratios: RatioRow[]
  policyPropagationMs: { p50: number; max: number; samples: number[] } | null
}

const ratio = (a: RunResult | undefined, b: RunResult | undefined) => (a && b && b.rps > 0 ? Number((a.rps / b.rps).toFixed(2)) : null)

const setupOf = (x: { departments?: DepartmentSetup }): DepartmentSetup => x.departments ?? 'uncached'

export function ratios(runs: RunResult[]): RatioRow[] {
  const rows: RatioRow[] = []
  const keys = [...new Set(runs.map(r => `${setupOf(r)}|${r.operation}|${r.mode}`))]
  for (const key of keys) {
    const [departments, operation, mode] = key.split('|') as [DepartmentSetup, string, Mode]
    const of = (t: TargetName) =>
      runs.find(r => setupOf(r) === departments && r.operation === operation && r.mode === mode && r.target === t)
    rows.push({
      departments,
      operation,
      mode,
      oursVsApollo: ratio(of('ours'), of('apollo')),
      oursVsHive: ratio(of('ours'), of('hive')),
      oursVsHiveRust: ratio(of('ours'), of('hive-rust')),
      dedupeOffOursVsHiveRust: ratio(of('ours-dedupe-off'), of('hive-rust-dedupe-off')),
      oursVsDirect: ratio(of('ours'), of('direct')),
      authzOnVsOff: ratio(of('ours'), of('ours-authz-off')),
      metricsOnVsOff: ratio(of('ours'), of('ours-metrics-off')),
    })
  }
  return rows
}

const SETUP_TEXT: Record<DepartmentSetup, string> = {
  uncached:
    'Caches off: every subgraph call reads PostgreSQL. The departments and PostgreSQL share the two cores with the gateway under test, ' +
    'so the whole system sets the pace and the same department work is added to every target.',
  cached:
    'Loader caches on (memory) for the whole run: each variable set reads PostgreSQL once, every later call is answered from the ' +
    "department's cache, for every target alike. The departments are then fast and the gateways set the pace — the usual way federation " +
    'gateways are compared.',
}

const cell = (x: number | null | undefined, suffix = '') => (x === null || x === undefined ? '—' : `${x}${suffix}`)

export function markdown(r: BenchReport): string {
  const lines: string[] = []
  lines.push(`### ${r.date.slice(0, 10)}, profile \`${r.profile}\``, '')
  lines.push(
    `${r.machine.cpus} cores, load average at start ${r.machine.loadAverageAtStart.map(x => x.toFixed(2)).join(' / ')}, Node ${r.machine.node}; ` +
      `${r.settings.connections} connections, ${r.settings.warmupSeconds} s warm-up + ${r.settings.durationSeconds} s measured per row` +
      `${r.settings.rounds ? ` and round (${r.settings.rounds} rounds, targets interleaved)` : ''}. ` +
      `Ratios are throughput (req/s) ratios from this one run.`,
    '',
  )
  const busiest = Math.max(0, ...r.runs.map(x => x.cpuCores ?? 0))
  if (r.machine.loadAverageAtStart[0] > r.machine.cpus || (r.runs.length && busiest < 0.5)) {
    lines.push(
      `> **Contended machine:** load average ${r.machine.loadAverageAtStart[0].toFixed(1)} on ${r.machine.cpus} cores at start; no measured ` +
        `process got more than ${busiest} of a core. Throughput then reflects the other work on the machine more than the gateways, and ratios ` +
        'between rows measured seconds apart are noise. Compare CPU ms per request, and re-run on a quiet machine for ratios.',
      '',
    )
  }
  const setups = [...new Set(r.runs.map(setupOf))]
  const allRatios = ratios(r.runs)
  for (const setup of setups) {
    if (setups.length > 1 || setup === 'cached') lines.push(`#### Departments ${setup}`, '', SETUP_TEXT[setup], '')
    lines.push(
      '| operation | mode | ours / @apollo/gateway | ours / Hive (JS planner) | ours / Hive (Rust planner) | dedupe off: ours / Hive (Rust planner) | ours / subgraph directly | authorization on / off | metrics on / off |',
      '|---|---|---|---|---|---|---|---|---|',
    )
    for (const x of allRatios.filter(row => row.departments === setup)) {
      lines.push(
        `| ${x.operation} | ${x.mode} | ${cell(x.oursVsApollo)} | ${cell(x.oursVsHive)} | ${cell(x.oursVsHiveRust)} | ${cell(x.dedupeOffOursVsHiveRust)} | ` +
          `${cell(x.oursVsDirect)} | ${cell(x.authzOnVsOff)} | ${cell(x.metricsOnVsOff)} |`,
      )
    }
    for (const mode of r.settings.modes) {
      const rows = r.runs.filter(run => run.mode === mode && setupOf(run) === setup)
      if (!rows.length) continue
      lines.push('', `**${mode} requests${setups.length > 1 ? `, departments ${setup}` : ''}**`, '')
      lines.push(
        '| operation | target | req/s | p50 ms | p95 ms | p99 ms | errors / non-2xx / GraphQL errors | target CPU (cores) | CPU ms/req | peak RSS MB | subgraphs CPU (cores) | load generator CPU (cores) |',
        '|---|---|---|---|---|---|---|---|---|---|---|---|',
      )
      for (const x of rows) {
        lines.push(
          `| ${x.operation} | ${targetLabel(x.target, r.dedupe)} | ${x.rps} | ${cell(x.p50)} | ${cell(x.p95)} | ${cell(x.p99)} | ${x.errors} / ${x.non2xx} / ${x.graphqlErrors} | ` +
            `${cell(x.cpuCores)} | ${cell(x.cpuMsPerRequest)} | ${cell(x.peakRssMb)} | ${cell(x.target === 'direct' ? null : x.backendCpuCores)} | ${cell(x.loadGeneratorCpuCores)} |`,
        )
      }
    }
    lines.push('')
  }
  const empty = r.runs.filter(x => x.requests === 0)
  if (empty.length) {
    lines.push(
      '',
      `**${empty.length} of ${r.runs.length} rows completed no request inside the measured window** (each request took longer than ` +
        `the window at ${r.settings.connections} connections: an overloaded machine). Re-run with fewer --connections or a longer --duration.`,
    )
  }
  const failed = r.checks.filter(c => !c.ok)
  const differs = r.checks.filter(c => c.ok && c.sameDataAsOurs === false)
  lines.push(
    '',
    `Checks before load (one request per target × operation): ${r.checks.length - failed.length} of ${r.checks.length} answered with data and without errors.`,
  )
  const where = (c: CheckResult) => (c.departments ? ` (departments ${c.departments})` : '')
  for (const c of failed) lines.push(`- **${TARGET_LABELS[c.target]} fails ${c.operation}${where(c)}**: ${c.error} — not measured.`)
  for (const c of differs) lines.push(`- ${TARGET_LABELS[c.target]} answers ${c.operation}${where(c)} with data different from ours.`)
  if (r.policyPropagationMs)
    lines.push(
      '',
      `Policy change through replica 1 → seen by replica 2: p50 ${r.policyPropagationMs.p50} ms, max ${r.policyPropagationMs.max} ms (${r.policyPropagationMs.samples.length} changes).`,
    )
  if (r.notes.length) lines.push('', ...r.notes.map(n => `- ${n}`))
  return lines.join('\n') + '\n'
}
