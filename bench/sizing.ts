import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { sql } from 'kysely'
import { createDb } from '../platform/db/create-db.js'
import { freePort, startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../platform/db/embedded-postgres.js'
import { prepareDatabase } from '../lib/service/prepare-database.js'
import { loadServices } from '../lib/service/discover-services.js'
import { composeSupergraph } from '../schema/compose.js'
import { readIdentityConfig } from '../auth/identity/identity-config.js'
import { signDevToken } from '../auth/identity/dev-token.js'
import { measure, type LoadSettings } from './load.js'
import { OPERATIONS, type BenchOperation } from './operations.js'
import { buildCity, cpuSeconds, ProcessGroup, waitFor } from './processes.js'

// npm run bench:sizing: what one request of the dashboard mix costs each process — the gateway, every
// department, PostgreSQL — in CPU milliseconds, and how much memory each process holds. docs/scaling.md
// turns these figures into replicas and cores. The city and its processes start as `npm run bench`
// starts them (built modules under plain node, the `small` seed in an embedded cluster kept in .data/).
//
//   npm run bench:sizing -- [--seconds 20] [--warmup 8] [--connections 8] [--departments uncached,cached,redis]
//
// uncached: CACHE=off; cached: CACHE=memory; redis: CACHE=redis at REDIS_URL (default redis://127.0.0.1:6379),
// under a namespace of its own, as replicas sharing Valkey in deploy/kubernetes run.

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const OUT_DIR = join(ROOT, 'bench', 'results', 'sizing')
const PROFILE = 'small'
const log = (msg: string) => console.error(`[sizing] ${msg}`)

/**
 * The dashboard mix: how often each benchmark operation is asked per ten dashboard requests. The web
 * app's district pages (one district's profile) are opened far more often than the city-wide views,
 * each city-wide view (comparison of all districts, asylum by month, a budget area) is one request per
 * page, and the deep cross-department drill-down is rare. An assumption, stated in docs/scaling.md.
 */
const DASHBOARD_MIX: Readonly<Record<string, number>> = {
  DistrictProfile: 4,
  DistrictsComparison: 2,
  AsylumMonthly: 2,
  BudgetOverview: 1,
  DeepCrossDepartment: 1,
}

interface Args {
  seconds: number
  warmup: number
  connections: number
  setups: Array<'cached' | 'uncached' | 'redis'>
}

function parseArgs(argv: string[]): Args {
  const args: Args = { seconds: 20, warmup: 8, connections: 8, setups: ['uncached', 'cached'] }
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]]
    const n = Number(value)
    if (flag === '--seconds' && n > 0) args.seconds = n
    else if (flag === '--warmup' && n >= 0) args.warmup = n
    else if (flag === '--connections' && Number.isInteger(n) && n > 0) args.connections = n
    else if (flag === '--departments' && value && value.split(',').every(v => v === 'cached' || v === 'uncached' || v === 'redis'))
      args.setups = value.split(',') as Args['setups']
    else {
      console.error(`unknown or invalid option ${flag} ${value ?? ''}`)
      console.error('usage: npm run bench:sizing -- [--seconds 20] [--warmup 8] [--connections 8] [--departments uncached,cached,redis]')
      process.exit(2)
    }
  }
  return args
}

/** One request body after another, walking the mix in a fixed interleaved order with each operation's variables. */
function mixBodies(ops: readonly BenchOperation[], mix: Readonly<Record<string, number>>): () => string {
  const sequence: BenchOperation[] = []
  const rest = new Map(ops.map(o => [o.name, mix[o.name] ?? 0]))
  while ([...rest.values()].some(n => n > 0))
    for (const o of ops)
      if (rest.get(o.name)! > 0) {
        sequence.push(o)
        rest.set(o.name, rest.get(o.name)! - 1)
      }
  const counters = new Map<string, number>()
  let i = 0
  return () => {
    const op = sequence[i++ % sequence.length]
    const n = counters.get(op.name) ?? 0
    counters.set(op.name, n + 1)
    return JSON.stringify({ query: op.query, variables: op.variables(n) })
  }
}

/** The departments' cache settings of a setup; cached entries outlive the run, so the window meets a warm cache. */
function cacheEnv(setup: Args['setups'][number], namespace: string): Record<string, string> {
  const kept = { CACHE_TTL_SECONDS: String(24 * 3600), CACHE_TTLS: '', CACHE_NAMESPACE: namespace }
  if (setup === 'cached') return { CACHE: 'memory', ...kept }
  if (setup === 'redis') return { CACHE: 'redis', REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', ...kept }
  return { CACHE: 'off' }
}

/** VmHWM (peak) and VmRSS (now) of a process in MB, from /proc/<pid>/status. */
function memoryMb(pid: number): { peak: number | null; now: number | null } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = (key: string) => {
      const m = new RegExp(`${key}:\\s+(\\d+) kB`).exec(status)
      return m ? Math.round(Number(m[1]) / 1024) : null
    }
    return { peak: kb('VmHWM'), now: kb('VmRSS') }
  } catch {
    return { peak: null, now: null }
  }
}

/** The processes of the PostgreSQL server: the postmaster and every child (backends, checkpointer, walwriter …). */
function postgresPids(postmaster: number): number[] {
  const pids = [postmaster]
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      if (ppid === postmaster) pids.push(Number(entry))
    } catch {
      // exited meanwhile
    }
  }
  return pids
}

/**
 * CPU seconds of the PostgreSQL server so far, per process id. A backend that exits inside the window
 * takes its CPU with it; the pools keep their connections during a run, so that stays small.
 */
function postgresCpu(postmaster: number): Map<number, number> {
  return new Map(postgresPids(postmaster).map(pid => [pid, cpuSeconds(pid) ?? 0]))
}

function postgresCpuDelta(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0
  for (const [pid, s] of after) total += s - (before.get(pid) ?? 0)
  return total
}

/** Cache hits and misses of all departments so far (their cached loaders' lookups). */
async function cacheEvents(departments: Map<string, { url: string }>): Promise<{ hits: number; misses: number }> {
  let hits = 0
  let misses = 0
  for (const d of departments.values()) {
    hits += await scrape(`${d.url}/metrics`, 'stadtgraph_department_cache_events_total', 'event="hit"')
    misses += await scrape(`${d.url}/metrics`, 'stadtgraph_department_cache_events_total', 'event="miss"')
  }
  return { hits, misses }
}

/** Sum of a Prometheus counter's (or histogram `_count`'s) samples whose labels contain `filter`. */
async function scrape(url: string, metric: string, filter = ''): Promise<number> {
  const text = await (await fetch(url)).text()
  let sum = 0
  for (const line of text.split('\n'))
    if (line.startsWith(metric) && (line[metric.length] === '{' || line[metric.length] === ' ') && line.includes(filter))
      sum += Number(line.slice(line.lastIndexOf(' ') + 1))
  return sum
}

/**
 * Asks every variable set of every operation once, `connections` at a time, so the measured window of
 * the cached setup meets a warm cache (a timed warm-up would not reach the rarer operations' last sets).
 */
async function prefill(url: string, headers: Record<string, string>, connections: number): Promise<number> {
  const bodies = OPERATIONS.flatMap(op =>
    Array.from({ length: op.distinct }, (_, i) => JSON.stringify({ query: op.query, variables: op.variables(i) })),
  )
  let next = 0
  const worker = async () => {
    while (next < bodies.length) {
      const body = bodies[next++]
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body })
      await res.text()
    }
  }
  await Promise.all(Array.from({ length: connections }, worker))
  return bodies.length
}

const round = (x: number, digits = 2) => Number(x.toFixed(digits))

const args = parseArgs(process.argv.slice(2))
const group = new ProcessGroup()
const work = mkdtempSync(join(tmpdir(), 'stadtgraph-sizing-'))
let embedded: EmbeddedPostgresHandle | null = null

try {
  const loadAverageAtStart = loadavg()
  const services = await loadServices()
  mkdirSync(join(ROOT, '.data'), { recursive: true })
  embedded = await startEmbeddedPostgres({ dir: join(ROOT, '.data', 'bench-postgres') })
  const name = `stadtgraph_bench_${PROFILE}`
  const admin = new pg.Client({ connectionString: embedded.url('postgres') })
  await admin.connect()
  const postmaster: number = await (async () => {
    const { rows } = await admin.query('select 1 from pg_database where datname = $1', [name])
    if (!rows.length) await admin.query(`create database ${name}`)
    const { rows: me } = await admin.query<{ pid: number }>('select pg_backend_pid() as pid')
    const stat = readFileSync(`/proc/${me[0].pid}/stat`, 'utf8')
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
  })()
  const databaseUrl = embedded.url(name)
  const prep = createDb(databaseUrl, { max: 2 })
  try {
    const t0 = performance.now()
    const results = await prepareDatabase(prep.db, services, PROFILE)
    if (results.some(r => r.seeded)) await sql`vacuum (analyze)`.execute(prep.db)
    log(`database ${name} ready in ${Math.round(performance.now() - t0)} ms`)
  } finally {
    await prep.close()
  }
  const built = await buildCity(services, 'bench-build')
  const identityEnv = { AUTH_HS256_SECRET: randomBytes(32).toString('hex'), AUTH_ISSUER: 'https://idp.bench/kl' }
  const identity = readIdentityConfig({ ...process.env, ...identityEnv })
  const bearer = { authorization: `Bearer ${signDevToken(identity, { roles: ['controlling'], sub: 'sizing', ttlSeconds: 6 * 3600 })}` }
  const body = mixBodies(OPERATIONS, DASHBOARD_MIX)
  const settings: LoadSettings = { connections: args.connections, warmupSeconds: 0, durationSeconds: args.seconds, timeoutSeconds: 30 }
  const setups = []

  for (const setup of args.setups) {
    log(`departments ${setup}: starting`)
    const secret = randomBytes(32).toString('hex')
    const namespace = `sizing-${randomBytes(4).toString('hex')}`
    const departments = new Map<string, { url: string; pid: number }>()
    for (const s of services) {
      const port = await freePort()
      const child = group.spawnNode(built[`department-${s.name}`], {
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        INTERNAL_TOKEN_SECRET: secret,
        DB_POOL_MAX: '8',
        ...cacheEnv(setup, namespace),
      })
      departments.set(s.name, { url: `http://127.0.0.1:${port}`, pid: child.pid! })
    }
    for (const [n, d] of departments) await waitFor(`department ${n}`, async () => (await fetch(`${d.url}/readyz`)).ok, 180_000)
    const supergraphPath = join(work, `supergraph-${setup}.graphql`)
    writeFileSync(
      supergraphPath,
      composeSupergraph(services.map(s => ({ name: s.name, url: `${departments.get(s.name)!.url}/graphql`, typeDefs: s.typeDefs }))),
    )
    const gatewayPort = await freePort()
    const gateway = group.spawnNode(
      built.gateway,
      {
        ...identityEnv,
        DATABASE_URL: databaseUrl,
        INTERNAL_TOKEN_SECRET: secret,
        AUTHORIZATION: 'enforce',
        REPLICA_ID: `sizing-${setup}`,
        RATE_LIMIT_PER_MINUTE: '0',
        RATE_LIMIT_ANONYMOUS_PER_MINUTE: '0',
        GATEWAY_PORT: String(gatewayPort),
      },
      ['--supergraph', supergraphPath],
    )
    const gatewayUrl = `http://127.0.0.1:${gatewayPort}`
    await waitFor(
      'gateway',
      async () =>
        (
          await fetch(`${gatewayUrl}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: '{"query":"{ __typename }"}',
          })
        ).ok,
      180_000,
    )
    const target = { url: `${gatewayUrl}/graphql`, pid: gateway.pid!, backendPids: [], headers: () => bearer }

    if (setup !== 'uncached') {
      const t0 = performance.now()
      const filled = await prefill(target.url, bearer, args.connections)
      log(`departments ${setup}: ${filled} requests asked every variable set once, ${Math.round(performance.now() - t0)} ms (not measured)`)
    }
    log(`departments ${setup}: warm-up ${args.warmup} s (not measured)`)
    if (args.warmup > 0) await measure(target, body, { ...settings, durationSeconds: args.warmup })

    const calls0 = new Map<string, number>()
    for (const [n, d] of departments) calls0.set(n, await scrape(`${d.url}/metrics`, 'stadtgraph_department_requests_total'))
    const cache0 = await cacheEvents(departments)
    const fetches0 = await scrape(`${gatewayUrl}/metrics`, 'stadtgraph_gateway_subgraph_fetch_duration_seconds_count')
    const cpu0 = new Map([
      ['gateway', cpuSeconds(gateway.pid!) ?? 0],
      ...[...departments].map(([n, d]) => [n, cpuSeconds(d.pid) ?? 0] as const),
    ])
    const pg0 = postgresCpu(postmaster)
    const result = await measure(target, body, settings)
    const pg1 = postgresCpu(postmaster)
    const cpu1 = new Map([
      ['gateway', cpuSeconds(gateway.pid!) ?? 0],
      ...[...departments].map(([n, d]) => [n, cpuSeconds(d.pid) ?? 0] as const),
    ])
    const fetches1 = await scrape(`${gatewayUrl}/metrics`, 'stadtgraph_gateway_subgraph_fetch_duration_seconds_count')
    const cache1 = await cacheEvents(departments)
    const ok = result.requests - result.non2xx - result.graphqlErrors
    // CPU per request over failing requests would size the cluster for errors.
    if (result.errors + result.non2xx + result.graphqlErrors > result.requests / 100)
      throw new Error(
        `${setup}: ${result.errors} transport errors, ${result.non2xx} non-2xx and ${result.graphqlErrors} GraphQL errors in ${result.requests} requests; not a sizing`,
      )
    const lookups = cache1.hits - cache0.hits + (cache1.misses - cache0.misses)
    const cacheHitRate = lookups ? round((cache1.hits - cache0.hits) / lookups, 3) : null
    const window = result.rps > 0 ? result.requests / result.rps : args.seconds
    const perProcess = []
    for (const [n, pid] of [['gateway', gateway.pid!] as const, ...[...departments].map(([n, d]) => [n, d.pid] as const)]) {
      const cpuMs = (cpu1.get(n)! - cpu0.get(n)!) * 1000
      const calls =
        n === 'gateway'
          ? result.requests
          : (await scrape(`${departments.get(n)!.url}/metrics`, 'stadtgraph_department_requests_total')) - calls0.get(n)!
      const memory = memoryMb(pid)
      perProcess.push({
        process: n,
        calls,
        callsPerGatewayRequest: round(calls / result.requests),
        cpuCores: round(cpuMs / 1000 / window),
        cpuMsPerGatewayRequest: round(cpuMs / result.requests, 3),
        cpuMsPerCall: calls ? round(cpuMs / calls, 3) : null,
        rssMbAtEnd: memory.now,
        peakRssMb: memory.peak,
      })
    }
    const pgCpuMs = postgresCpuDelta(pg0, pg1) * 1000
    const row = {
      departments: setup,
      requests: result.requests,
      answeredWithoutErrors: ok,
      rps: result.rps,
      p50: result.p50,
      p95: result.p95,
      p99: result.p99,
      errors: { transport: result.errors, non2xx: result.non2xx, graphql: result.graphqlErrors },
      subgraphFetchesPerRequest: round((fetches1 - fetches0) / result.requests),
      cacheHitRate,
      processes: perProcess,
      postgres: { cpuCores: round(pgCpuMs / 1000 / window), cpuMsPerGatewayRequest: round(pgCpuMs / result.requests, 3) },
      totalCpuMsPerGatewayRequest: round(perProcess.reduce((a, p) => a + p.cpuMsPerGatewayRequest, 0) + pgCpuMs / result.requests, 3),
      loadAverageAfter: loadavg().map(x => round(x)),
    }
    setups.push(row)
    log(
      `${setup}: ${row.rps} req/s, p50 ${row.p50} ms, gateway ${perProcess[0].cpuMsPerGatewayRequest} ms/req, ` +
        `departments ${round(perProcess.slice(1).reduce((a, p) => a + p.cpuMsPerGatewayRequest, 0))} ms/req, postgres ${row.postgres.cpuMsPerGatewayRequest} ms/req`,
    )
    await group.stop()
  }
  await admin.end()

  const report = {
    date: new Date().toISOString(),
    command: `npm run bench:sizing -- --seconds ${args.seconds} --warmup ${args.warmup} --connections ${args.connections} --departments ${args.setups.join(',')}`,
    profile: PROFILE,
    machine: { cpus: cpus().length, loadAverageAtStart: loadAverageAtStart.map(x => round(x)), node: process.version },
    mix: DASHBOARD_MIX,
    notes: [
      'One gateway process (authorization enforced, `controlling` token, metrics on) and one process per department, each a built module under plain node; the load generator runs in this process.',
      'Dashboard mix: per ten requests 4 DistrictProfile, 2 DistrictsComparison, 2 AsylumMonthly, 1 BudgetOverview, 1 DeepCrossDepartment, interleaved, every request with the next variable set of its operation (bench/operations.ts).',
      "CPU: utime+stime from /proc/<pid>/stat over the measured window. Department calls: the department's own stadtgraph_department_requests_total. Memory: VmRSS at the end of the window and VmHWM (peak since start) from /proc/<pid>/status.",
      "PostgreSQL: CPU of the embedded server's postmaster and all its children (backends, background workers) from /proc over the same window; pg_stat_statements is not loaded in the embedded cluster.",
      "Departments cached: CACHE=memory with entries kept for the whole run, every variable set of every operation asked once before the warm-up (a warm cache, the best case: every answer of the window can come from it); redis: the same with CACHE=redis (shared storage, as in deploy/kubernetes; the Redis server's own CPU is not counted); uncached: CACHE=off, every call reads PostgreSQL.",
      'The machine is shared: absolute figures move with its load (recorded at start and after each setup); CPU per request is steadier than req/s.',
    ],
    setups,
  }
  mkdirSync(OUT_DIR, { recursive: true })
  const file = join(OUT_DIR, `${report.date.slice(0, 10)}-${PROFILE}.json`)
  writeFileSync(file, JSON.stringify(report, null, 2) + '\n')
  const md = markdown(report)
  writeFileSync(join(OUT_DIR, 'latest.md'), md)
  console.log(md)
  log(`written ${file}`)
} catch (err) {
  console.error(`[sizing] ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`)
  process.exitCode = 1
} finally {
  await group.stop()
  await (embedded as EmbeddedPostgresHandle | null)?.stop().catch(() => {})
  rmSync(work, { recursive: true, force: true })
}

function markdown(report: {
  date: string
  command: string
  machine: { cpus: number; loadAverageAtStart: number[] }
  setups: Array<{
    departments: string
    rps: number
    p50: number | null
    p95: number | null
    requests: number
    answeredWithoutErrors: number
    subgraphFetchesPerRequest: number
    cacheHitRate: number | null
    processes: Array<{
      process: string
      callsPerGatewayRequest: number
      cpuCores: number
      cpuMsPerGatewayRequest: number
      cpuMsPerCall: number | null
      rssMbAtEnd: number | null
      peakRssMb: number | null
    }>
    postgres: { cpuCores: number; cpuMsPerGatewayRequest: number }
    totalCpuMsPerGatewayRequest: number
    loadAverageAfter: number[]
  }>
}): string {
  const lines = [
    `# Sizing: CPU and memory per process for the dashboard mix (${report.date.slice(0, 10)})`,
    '',
    `\`${report.command}\` on ${report.machine.cpus} cores, load average at start ${report.machine.loadAverageAtStart.join(' / ')}.`,
    '',
  ]
  for (const s of report.setups) {
    lines.push(
      `## Departments ${s.departments}`,
      '',
      `${s.rps} req/s, p50 ${s.p50} ms, p95 ${s.p95} ms; ${s.answeredWithoutErrors}/${s.requests} answered without errors; ` +
        `${s.subgraphFetchesPerRequest} subgraph fetches per request; department cache hit rate ${s.cacheHitRate ?? '–'}; load average after ${s.loadAverageAfter.join(' / ')}.`,
      '',
      '| process | calls per request | CPU ms per gateway request | CPU ms per call | cores used | RSS at end MB | peak RSS MB |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...s.processes.map(
        p =>
          `| ${p.process} | ${p.callsPerGatewayRequest} | ${p.cpuMsPerGatewayRequest} | ${p.cpuMsPerCall ?? '–'} | ${p.cpuCores} | ${p.rssMbAtEnd ?? '–'} | ${p.peakRssMb ?? '–'} |`,
      ),
      `| PostgreSQL (all processes) | – | ${s.postgres.cpuMsPerGatewayRequest} | – | ${s.postgres.cpuCores} | – | – |`,
      `| **total** | | **${s.totalCpuMsPerGatewayRequest}** | | | | |`,
      '',
    )
  }
  return lines.join('\n')
}
