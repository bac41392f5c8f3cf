import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { sql } from 'kysely'
import { createDb } from '../platform/db/create-db.js'
import { freePort, startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../platform/db/embedded-postgres.js'
import { prepareDatabase } from '../lib/service/prepare-database.js'
import { loadServices } from '../lib/service/discover-services.js'
import type { SeedProfile } from '../platform/city.js'
import { composeSupergraph } from '../schema/compose.js'
import { readIdentityConfig } from '../auth/identity/identity-config.js'
import { signDevToken } from '../auth/identity/dev-token.js'
import { createBaselineSigner, INTERNAL_TOKEN_HEADER } from './baseline-identity.js'
import { checkTarget } from './check.js'
import { buildReadsSetting, dedupeSettings, HIVE_DEDUPE_OFF_ENV, OURS_DEDUPE_ENV, OURS_DEDUPE_OFF_ENV } from './dedupe-settings.js'
import { combineRounds, measure, type LoadResult, type LoadTarget } from './load.js'
import { OPERATIONS, type BenchOperation } from './operations.js'
import { parseOptions, USAGE, UsageError, type BenchOptions, type DepartmentSetup, type TargetName } from './options.js'
import { measurePolicyPropagation } from './policy-propagation.js'
import { buildCity, ProcessGroup, waitFor } from './processes.js'
import { markdown, ratios, TARGET_LABELS, type BenchReport, type CheckResult, type RunResult } from './report.js'
import { uniqueDocuments } from './unique-aliases.js'

// npm run bench: our gateway side by side with @apollo/gateway, the Hive gateway runtime and the
// subgraphs called directly — same subgraphs, same operations, same run. Every server is its own
// process (each department, each gateway); this process only generates load and measures.
const ROOT = fileURLToPath(new URL('..', import.meta.url))

let options: BenchOptions
try {
  options = parseOptions(process.argv.slice(2))
} catch (err) {
  if (!(err instanceof UsageError)) throw err
  if (err.message) console.error(err.message)
  console.error(USAGE)
  process.exit(err.message ? 2 : 0)
}
const log = (msg: string) => console.error(`[bench] ${msg}`)
/** Process groups still running (one per department setup), stopped on the way out whatever happens. */
const active = new Set<ProcessGroup>()
const work = mkdtempSync(join(tmpdir(), 'stadtgraph-bench-'))
let embedded: EmbeddedPostgresHandle | null = null

/** The database of the profile: DATABASE_URL as given, or `stadtgraph_bench_<profile>` in an embedded cluster kept in .data/. */
async function openDatabase(profile: SeedProfile): Promise<string> {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL
  // The parent first, with default permissions: when run as root the server runs as `postgres` and must traverse it.
  mkdirSync(join(ROOT, '.data'), { recursive: true })
  embedded = await startEmbeddedPostgres({ dir: join(ROOT, '.data', 'bench-postgres') })
  const name = `stadtgraph_bench_${profile}`
  const admin = new pg.Client({ connectionString: embedded.url('postgres') })
  await admin.connect()
  try {
    const { rows } = await admin.query('select 1 from pg_database where datname = $1', [name])
    if (!rows.length) await admin.query(`create database ${name}`)
  } finally {
    await admin.end()
  }
  return embedded.url(name)
}

/** Migrates and seeds (once); refuses a database that an earlier seed filled with another profile. */
async function prepare(databaseUrl: string, profile: SeedProfile, services: Awaited<ReturnType<typeof loadServices>>) {
  const handle = createDb(databaseUrl, { max: 2 })
  try {
    const t0 = performance.now()
    const results = await prepareDatabase(handle.db, services, profile)
    // A fresh seed leaves millions of new rows (large) that autovacuum would visit within its next minute,
    // that is while the first rows are measured: vacuum and analyze them now, before any load.
    if (results.some(r => r.seeded)) await sql`vacuum (analyze)`.execute(handle.db)
    const seedMs = Math.round(performance.now() - t0)
    for (const s of services) {
      const { rows } = await sql<{ profile: string }>`select profile from ${sql.id(s.dbSchema, 'seed_state')}`.execute(handle.db)
      if (rows.some(r => r.profile !== profile)) {
        throw new Error(
          `${s.dbSchema} in this database was seeded with profile "${rows[0].profile}", not "${profile}": ` +
            'use another DATABASE_URL (the embedded database keeps one database per profile)',
        )
      }
    }
    const count = async (table: string) => {
      const [schema, name] = table.split('.')
      const { rows } = await sql<{ n: string }>`select count(*) as n from ${sql.id(schema, name)}`
        .execute(handle.db)
        .catch(() => ({ rows: [{ n: '-1' }] }))
      return Number(rows[0].n)
    }
    const rows: Record<string, number> = {}
    for (const t of ['pop.stock', 'pop.movement', 'pop_micro.person_year', 'asy.occupancy', 'asy.allocation', 'fin.budget_value'])
      rows[t] = await count(t)
    return { seeded: results.some(r => r.seeded), seedMs, rows }
  } finally {
    await handle.close()
  }
}

const post = (url: string, headers: Record<string, string>, body: string) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body })

try {
  const loadAverageAtStart = loadavg()
  const services = await loadServices()
  const databaseUrl = await openDatabase(options.profile)
  log(`database: preparing profile ${options.profile} (an existing seed is reused)`)
  const database = await prepare(databaseUrl, options.profile, services)
  log(`database ready in ${database.seedMs} ms (${database.seeded ? 'seeded now' : 'already seeded'}): ${JSON.stringify(database.rows)}`)

  // Every server runs as a built ES module under plain node, as the container image runs the gateway:
  // through the TypeScript loader each process would carry a second V8 instance (~60 MB) and a few
  // per cent more CPU — the baselines alike, so no target pays for the loader.
  const t0 = performance.now()
  const built = await buildCity(services, 'bench-build', {
    'apollo-gateway': join(ROOT, 'bench', 'baselines', 'apollo-gateway.ts'),
    'hive-gateway': join(ROOT, 'bench', 'baselines', 'hive-gateway.ts'),
    'hive-router-runtime': join(ROOT, 'bench', 'baselines', 'hive-router-runtime.ts'),
  })
  const dedupe = dedupeSettings(buildReadsSetting(join(ROOT, '.data', 'bench-build'), 'SUBGRAPH_DEDUPE'))
  log(`built departments, gateway and baselines for plain node in ${Math.round(performance.now() - t0)} ms`)
  const settings = {
    connections: options.connections,
    warmupSeconds: options.warmupSeconds,
    durationSeconds: options.durationSeconds,
    timeoutSeconds: options.timeoutSeconds,
  }
  const identityEnv = { AUTH_HS256_SECRET: randomBytes(32).toString('hex'), AUTH_ISSUER: 'https://idp.bench/kl' }
  // Every process runs as the container image runs it (NODE_ENV=production: graphql-js and the servers
  // skip their development checks); our gateway then requires its audit signing key (an Ed25519 seed).
  const production = { NODE_ENV: 'production' }
  const auditKey = { AUDIT_SIGNING_KEY: randomBytes(32).toString('base64') }
  const identity = readIdentityConfig({ ...process.env, ...identityEnv })
  const controlling = signDevToken(identity, { roles: ['controlling'], sub: 'bench', ttlSeconds: 6 * 3600 })
  const bearer = { authorization: `Bearer ${controlling}` }
  const graphqlReady = (url: string) => async () => (await post(url, {}, '{"query":"{ __typename }"}')).ok
  const operations = OPERATIONS.filter(o => options.operations.includes(o.name))
  const checks: CheckResult[] = []
  // Unique documents are numbered across the whole run, so no gateway meets one twice (rounds, warm-up, checks included).
  let nextDocument = 0
  const uniqueByOperation = new Map(operations.map(o => [o.name, uniqueDocuments(o.query)]))
  const uniqueFor = (op: BenchOperation) => uniqueByOperation.get(op.name)!
  const runs: RunResult[] = []
  let policyPropagationMs: BenchReport['policyPropagationMs'] = null

  /**
   * One department setup: its own departments and gateways, checked, warmed up and measured, then stopped.
   * The policy propagation is measured with the first setup only.
   */
  const runSetup = async (setup: DepartmentSetup, group: ProcessGroup, propagation: boolean) => {
    log(`departments ${setup}: starting`)
    // Departments: one process each, sharing the internal-token secret with every gateway of this setup.
    const secret = randomBytes(32).toString('hex')
    const subgraphs = new Map<string, { url: string; pid: number }>()
    for (const s of services) {
      const port = await freePort()
      const child = group.spawnNode(
        built[`department-${s.name}`],
        {
          ...production,
          DATABASE_URL: databaseUrl,
          PORT: String(port),
          INTERNAL_TOKEN_SECRET: secret,
          DB_POOL_MAX: process.env.DB_POOL_MAX ?? '8',
          // Cached: entries outlive the run, so every target meets the same warm caches.
          ...(setup === 'cached' ? { CACHE: 'memory', CACHE_TTL_SECONDS: String(24 * 3600), CACHE_TTLS: '' } : { CACHE: 'off' }),
        },
        [],
        `department ${s.name}`,
      )
      subgraphs.set(s.name, { url: `http://127.0.0.1:${port}/graphql`, pid: child.pid! })
    }
    const signDirect = createBaselineSigner(secret)
    for (const [name, s] of subgraphs) {
      await waitFor(`subgraph ${name}`, async () => (await fetch(s.url.replace(/graphql$/, 'readyz'))).ok, 180_000, group)
      // Ready is not enough: the server on that port must be this run's department (it accepts this run's tokens).
      const probe = await post(s.url, { [INTERNAL_TOKEN_HEADER]: signDirect(name) }, '{"query":"{ __typename }"}')
      if (!probe.ok || !(await probe.text()).includes('"data"'))
        throw new Error(
          `subgraph ${name} at ${s.url} refuses this run's internal token (HTTP ${probe.status}): another process holds its port — run again`,
        )
    }
    const supergraphPath = join(work, `supergraph-${setup}.graphql`)
    writeFileSync(
      supergraphPath,
      composeSupergraph(services.map(s => ({ name: s.name, url: subgraphs.get(s.name)!.url, typeDefs: s.typeDefs }))),
    )
    const backendPids = [...subgraphs.values()].map(s => s.pid)

    // Gateways: ours with authorization enforced and off, and the two baselines.
    const ours = async (replica: string, authorization: 'enforce' | 'off', env: Record<string, string> = {}) => {
      const port = await freePort()
      const child = group.spawnNode(
        built.gateway,
        {
          ...production,
          ...auditKey,
          ...identityEnv,
          DATABASE_URL: databaseUrl,
          INTERNAL_TOKEN_SECRET: secret,
          AUTHORIZATION: authorization,
          REPLICA_ID: replica,
          RATE_LIMIT_PER_MINUTE: '0',
          RATE_LIMIT_ANONYMOUS_PER_MINUTE: '0',
          GATEWAY_PORT: String(port),
          ...OURS_DEDUPE_ENV,
          ...env,
        },
        ['--supergraph', supergraphPath],
        `gateway ${replica}`,
      )
      return { url: `http://127.0.0.1:${port}/graphql`, pid: child.pid! }
    }
    const baseline = async (name: 'apollo-gateway' | 'hive-gateway' | 'hive-router-runtime', env: Record<string, string> = {}) => {
      const port = await freePort()
      const child = group.spawnNode(
        built[name],
        { ...production, SUPERGRAPH_PATH: supergraphPath, INTERNAL_TOKEN_SECRET: secret, PORT: String(port), ...env },
        [],
        `${name}${
          Object.keys(env).length
            ? ` (${Object.entries(env)
                .map(([k, v]) => `${k}=${v}`)
                .join(' ')})`
            : ''
        }`,
      )
      return { url: `http://127.0.0.1:${port}/graphql`, pid: child.pid! }
    }
    const gateways = new Map<TargetName, { url: string; pid: number }>()
    if (options.targets.includes('ours') || propagation) gateways.set('ours', await ours('replica-1', 'enforce'))
    // The same gateway asked without a token (role public): disclosure control on every count.
    if (options.targets.includes('ours-public')) gateways.set('ours-public', gateways.get('ours') ?? (await ours('replica-1', 'enforce')))
    if (options.targets.includes('ours-authz-off')) gateways.set('ours-authz-off', await ours('authorization-off', 'off'))
    // The cost of metrics: the same gateway (authorization on, tracing exporter off) with METRICS=off.
    if (options.targets.includes('ours-metrics-off'))
      gateways.set('ours-metrics-off', await ours('metrics-off', 'enforce', { METRICS: 'off' }))
    // Every deduplication off: whole operations and subgraph fetches (SUBGRAPH_DEDUPE, where the gateway has it).
    if (options.targets.includes('ours-dedupe-off'))
      gateways.set('ours-dedupe-off', await ours('dedupe-off', 'enforce', OURS_DEDUPE_OFF_ENV))
    if (options.targets.includes('apollo')) gateways.set('apollo', await baseline('apollo-gateway'))
    if (options.targets.includes('hive')) gateways.set('hive', await baseline('hive-gateway'))
    if (options.targets.includes('hive-rust')) gateways.set('hive-rust', await baseline('hive-router-runtime'))
    if (options.targets.includes('hive-rust-dedupe-off'))
      gateways.set('hive-rust-dedupe-off', await baseline('hive-router-runtime', HIVE_DEDUPE_OFF_ENV))
    const replica2 = propagation ? await ours('replica-2', 'enforce') : null
    for (const [name, g] of [...gateways, ...(replica2 ? [['replica-2', replica2] as const] : [])])
      await waitFor(`gateway ${name}`, graphqlReady(g.url), 180_000, group)
    group.assertRunning()
    log(`departments ${setup}: started ${subgraphs.size} subgraphs and ${gateways.size + (replica2 ? 1 : 0)} gateways`)

    const WITH_TOKEN = new Set<TargetName>(['ours', 'ours-authz-off', 'ours-metrics-off', 'ours-dedupe-off'])
    const targetFor = (target: TargetName, op: BenchOperation): LoadTarget | null => {
      if (target === 'direct') {
        if (op.subgraphs.length !== 1) return null
        const s = subgraphs.get(op.subgraphs[0])!
        // A fresh token per request, as every gateway sends: subgraphs accept each token once.
        const subgraph = op.subgraphs[0]
        return { url: s.url, pid: s.pid, backendPids: [], headers: () => ({ [INTERNAL_TOKEN_HEADER]: signDirect(subgraph) }) }
      }
      const g = gateways.get(target)
      if (!g) return null
      return {
        url: g.url,
        pid: g.pid,
        backendPids,
        headers: () => (WITH_TOKEN.has(target) ? bearer : {}),
      }
    }

    // Every target must answer every operation with data and without errors before anything is measured.
    const setupChecks: CheckResult[] = []
    for (const op of operations) {
      let oursData: string | undefined
      for (const t of options.targets) {
        const target = targetFor(t, op)
        if (!target) continue
        const result = await checkTarget(target, op, {
          ...(options.modes.includes('unique') ? { unique: { documents: uniqueFor(op), n: nextDocument++ } } : {}),
          queryPlan: t === 'hive-rust' || t === 'hive-rust-dedupe-off',
        })
        if (t === 'ours') oursData = result.data
        setupChecks.push({
          target: t,
          operation: op.name,
          departments: setup,
          ok: result.ok,
          ...(result.error ? { error: result.error } : {}),
          ...(result.ok && oursData && t !== 'ours' ? { sameDataAsOurs: result.data === oursData } : {}),
        })
        const plan = result.planFetches !== undefined ? `, query plan of the Rust planner with ${result.planFetches} fetches` : ''
        log(
          `check ${op.name} via ${TARGET_LABELS[t]}: ${result.ok ? `ok (${result.ms} ms per request, before load${plan})` : `FAILED ${result.error}`}`,
        )
      }
    }
    checks.push(...setupChecks)
    group.assertRunning()

    // Warm every process up before the first measured row: departments and gateways JIT-compile,
    // Postgres fills its caches (and cached departments theirs) during the first seconds of load, which
    // would otherwise be charged to whichever target happens to be measured first (seen: authorization
    // on/off 0.81 in that order, 1.13 the other way round).
    const eligible = (t: TargetName, op: BenchOperation) =>
      !!targetFor(t, op) && !!setupChecks.find(c => c.target === t && c.operation === op.name)?.ok
    const settleSeconds = Math.max(5, options.warmupSeconds)
    log(`departments ${setup}: warm-up, every target × operation, distinct requests, ${settleSeconds} s each (not measured)`)
    for (const op of operations) {
      for (const t of options.targets) {
        if (!eligible(t, op)) continue
        let i = 0
        await measure(targetFor(t, op)!, () => JSON.stringify({ query: op.query, variables: op.variables(i++) }), {
          ...settings,
          warmupSeconds: 0,
          durationSeconds: settleSeconds,
        })
      }
    }

    for (const op of operations) {
      if (op.distinct <= options.connections)
        log(
          `note: ${op.name} has ${op.distinct} distinct variable sets for ${options.connections} connections; some distinct requests may coincide`,
        )
      for (const mode of options.modes) {
        const rounds = new Map<TargetName, LoadResult[]>()
        for (let round = 0; round < options.rounds; round++) {
          for (const t of round % 2 ? [...options.targets].reverse() : options.targets) {
            if (!eligible(t, op)) continue
            let i = 0
            const fixed = JSON.stringify({ query: op.query, variables: op.variables(0) })
            const unique = uniqueFor(op)
            const body =
              mode === 'identical'
                ? () => fixed
                : mode === 'unique'
                  ? () => JSON.stringify({ query: unique.document(nextDocument++), variables: op.variables(i++) })
                  : () => JSON.stringify({ query: op.query, variables: op.variables(i++) })
            const result = await measure(targetFor(t, op)!, body, settings)
            rounds.set(t, [...(rounds.get(t) ?? []), result])
            if (options.rounds > 1)
              log(`  round ${round + 1} ${TARGET_LABELS[t]}: ${result.rps} req/s, CPU ${result.cpuMsPerRequest} ms/req`)
          }
        }
        for (const t of options.targets) {
          if (!rounds.has(t)) continue
          const result = combineRounds(rounds.get(t)!)
          runs.push({ target: t, operation: op.name, mode, departments: setup, ...result })
          log(
            `${setup} ${op.name} ${mode} ${TARGET_LABELS[t]}: ${result.rps} req/s, p50 ${result.p50} ms, p95 ${result.p95} ms, p99 ${result.p99} ms, ` +
              `errors ${result.errors}/${result.non2xx}/${result.graphqlErrors}, CPU ${result.cpuMsPerRequest} ms/req, peak RSS ${result.peakRssMb} MB`,
          )
        }
      }
    }

    if (replica2) {
      const admin = signDevToken(identity, { roles: ['admin'], sub: 'bench-admin', ttlSeconds: 3600 })
      const base = (url: string) => url.replace(/\/graphql$/, '')
      policyPropagationMs = await measurePolicyPropagation(base(gateways.get('ours')!.url), base(replica2.url), admin)
    }
  }

  for (const [i, setup] of options.departments.entries()) {
    const group = new ProcessGroup()
    active.add(group)
    try {
      await runSetup(setup, group, options.propagation && i === 0)
    } finally {
      await group.stop()
      active.delete(group)
    }
  }

  const report: BenchReport = {
    date: new Date().toISOString(),
    profile: options.profile,
    machine: { cpus: cpus().length, loadAverageAtStart, node: process.version, platform: `${process.platform}-${process.arch}` },
    settings: {
      ...settings,
      modes: options.modes,
      departments: options.departments,
      ...(options.rounds > 1 ? { rounds: options.rounds } : {}),
    },
    database,
    dedupe: Object.fromEntries(options.targets.filter(t => dedupe[t]).map(t => [t, dedupe[t]!])),
    notes: [
      "ours = this repository's gateway (gateway/index.ts) with a `controlling` token; authorization off = the same gateway with AUTHORIZATION=off; metrics off = the same gateway with METRICS=off (ours has metrics on, its request log line at info, no trace exporter).",
      'Baselines run with their defaults on the same supergraph minus @requiresScopes (@apollo/gateway refuses it); they sign a fresh internal token (60 s lifetime, the maximum subgraphs accept) for every subgraph call, carrying the identity ours forwards for `controlling`.',
      'Direct subgraph calls carry a fresh internal token per request (subgraphs accept each token once), signed by the load generator.',
      'Distinct requests vary the variables per request (see bench/operations.ts); identical requests all send the first variable set; unique-document requests send the variables of distinct requests and a document no gateway has seen before (root-field aliases carry a counter, bench/unique-aliases.ts), checked to answer like the plain document.',
      'Deduplication is named in every row: "operations" = identical whole operations in flight answered once (ours: GATEWAY_DEDUPE, on; Hive: inbound in-flight deduplication, off by default); "subgraph fetches" = identical subgraph fetches in flight shared across operations (ours: SUBGRAPH_DEDUPE; Hive: upstream in-flight deduplication, on by default). Dedupe off = GATEWAY_DEDUPE=off SUBGRAPH_DEDUPE=off for ours, UPSTREAM_DEDUPE=off (executor deduplicateInflightRequests: false) for Hive.',
      "Hive gateway runtime (Rust planner) = the same runtime with unifiedGraphHandler from @graphql-hive/router-runtime; before load it must return the Rust planner's query plan for every operation.",
      'Departments uncached: CACHE=off, every subgraph call reads PostgreSQL. Departments cached: CACHE=memory with entries kept for the whole run, for every target alike. Each setup has its own department and gateway processes, started, warmed up and measured in turn.',
      'Every process (departments, our gateway, the baselines) runs with NODE_ENV=production, as the container image runs it; none gets a heap limit (the Kubernetes ConfigMap gives our gateway --max-old-space-size=192, which bounds its memory and costs it some CPU on unique documents: bench/dev/unique-documents.ts measures that setting). The load generator (autocannon in the benchmark process) shares the machine: its CPU is given per row.',
      'Targets are measured one after another (operation by operation, mode by mode), so ratios compare runs seconds apart; on a quiet machine they are the robust part, absolute req/s depend on the hardware. CPU = utime+stime from /proc/<pid>/stat over the measured window; RSS sampled every 200 ms.',
    ],
    operations: operations.map(o => ({
      name: o.name,
      file: `bench/operations/${o.file}`,
      subgraphs: o.subgraphs,
      distinctVariableSets: o.distinct,
      description: o.description,
    })),
    checks,
    runs,
    ratios: ratios(runs),
    policyPropagationMs,
  }
  mkdirSync(options.outDir, { recursive: true })
  const file = join(options.outDir, `${report.date.slice(0, 10)}-${options.profile}.json`)
  writeFileSync(file, JSON.stringify(report, null, 2) + '\n')
  const md = markdown(report)
  writeFileSync(join(options.outDir, 'latest.md'), md)
  console.log(md)
  log(`written ${file} and ${join(options.outDir, 'latest.md')}`)
} catch (err) {
  console.error(`[bench] ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`)
  process.exitCode = 1
} finally {
  for (const group of active) await group.stop()
  await (embedded as EmbeddedPostgresHandle | null)?.stop().catch(() => {})
  rmSync(work, { recursive: true, force: true })
}
