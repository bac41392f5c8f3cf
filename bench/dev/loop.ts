import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import { createDb } from '../../platform/db/create-db.js'
import { freePort, startEmbeddedPostgres } from '../../platform/db/embedded-postgres.js'
import { prepareDatabase } from '../../lib/service/prepare-database.js'
import { loadServices, SERVICES_DIR } from '../../lib/service/discover-services.js'
import { composeSupergraph } from '../../schema/compose.js'
import { readIdentityConfig } from '../../auth/identity/identity-config.js'
import { signDevToken } from '../../auth/identity/dev-token.js'
import { createInternalTokenSigner, INTERNAL_TOKEN_HEADER } from '../../auth/internal/internal-token.js'

// Quick development loop for gateway speed (not the official harness, that is `npm run bench`).
// Separate processes: embedded Postgres (small profile, kept in .data/bench-dev), one per department,
// our gateway in each variant, @apollo/gateway, and autocannon here. Every request is distinct
// (district and year vary), so no in-flight deduplication can help. Targets run interleaved, ROUNDS
// times, and ratios are taken within the same run.
//
//   npx tsx bench/dev/loop.ts
//   BENCH_VARIANTS='stitched:GATEWAY_EXECUTOR=stitched;plan:GATEWAY_EXECUTOR=plan' npx tsx bench/dev/loop.ts
//   env: BENCH_DURATION_S (8), BENCH_CONNECTIONS (32), BENCH_ROUNDS (2), BENCH_TARGETS (comma list filter),
//        BENCH_CPU_PROFILE=<variant> (runs that gateway with --cpu-prof into .data/bench-dev/prof;
//        `departments` profiles every department into .data/bench-dev/prof/<name>)
const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const DATA = join(ROOT, '.data', 'bench-dev')
const DURATION = Number(process.env.BENCH_DURATION_S ?? 8)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2)
const VARIANTS = (process.env.BENCH_VARIANTS ?? 'ours:')
  .split(';')
  .filter(Boolean)
  .map(v => {
    const [name, envs = ''] = v.split(':')
    return {
      name,
      env: Object.fromEntries(
        envs
          .split(',')
          .filter(Boolean)
          .map(kv => kv.split('=') as [string, string]),
      ),
    }
  })
const children: ChildProcess[] = []

export const DISTRICT_PROFILE = `query DistrictProfile($code: ID!, $year: Int!, $from: Int, $to: Int) { district(code: $code) { name
  population(year: $year) { total { value } foreignerShare { value } byAgeGroup { group { label } count { value } } }
  schools { name type } kitaPlaces(year: $year) { placesTotal placesU3 }
  accommodations(activeOn: "2025-12-31") { name capacity } investments(from: $from, to: $to) { name totalCost { amount } } } }`
/** One subgraph (geo): the same through the gateway and directly. */
export const ONE_SUBGRAPH = `query District($code: ID!) { district(code: $code) { code name kind areaKm2 postalCodes hasOrtsbeirat } }`

const CODES = Array.from({ length: 18 }, (_, i) => String(i + 1).padStart(2, '0'))
const YEARS = Array.from({ length: 10 }, (_, i) => 2016 + i)
/** The n-th distinct variable set: 180 combinations, consecutive requests always differ. */
function variables(query: string, n: number): Record<string, unknown> {
  const code = CODES[n % 18]
  if (query === ONE_SUBGRAPH) return { code }
  const year = YEARS[Math.floor(n / 18) % 10]
  return { code, year, from: year - 1, to: year + 1 }
}

function spawnNode(file: string, env: Record<string, string>, args: string[] = [], nodeArgs: string[] = []): ChildProcess {
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', file, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  children.push(child)
  return child
}

async function waitFor(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (await check().catch(() => false)) return
    await new Promise(r => setTimeout(r, 100))
  }
  throw new Error(`${what} not ready`)
}

/** utime + stime of a process in ms (procfs, clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
  return (Number(fields[11]) + Number(fields[12])) * 10
}

interface Target {
  name: string
  url: string
  query: string
  headers: () => Record<string, string>
  pid: number | null
}

async function post(t: Target, n: number) {
  const res = await fetch(t.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...t.headers() },
    body: JSON.stringify({ query: t.query, variables: variables(t.query, n) }),
  })
  return res.json() as Promise<{ data?: unknown; errors?: unknown[] }>
}

let subgraphPidList: number[] = []
let subgraphPids: Record<string, number> = {}
const subgraphCpu = () => subgraphPidList.reduce((s, pid) => s + cpuMs(pid), 0)

async function load(t: Target, seconds = DURATION) {
  let n = 0
  const cpu0 = t.pid ? cpuMs(t.pid) : 0
  const sub0 = subgraphCpu()
  const dept0 = Object.fromEntries(Object.entries(subgraphPids).map(([name, pid]) => [name, cpuMs(pid)]))
  const result = await autocannon({
    url: t.url,
    connections: CONNECTIONS,
    duration: seconds,
    method: 'POST',
    requests: [
      {
        setupRequest: (req: autocannon.Request) => ({
          ...req,
          headers: { 'content-type': 'application/json', ...t.headers() },
          body: JSON.stringify({ query: t.query, variables: variables(t.query, n++) }),
        }),
      },
    ],
  })
  const cpu = t.pid ? cpuMs(t.pid) - cpu0 : 0
  const sub = subgraphCpu() - sub0
  const perDept = Object.entries(subgraphPids)
    .map(([name, pid]) => `${name} ${((cpuMs(pid) - dept0[name]) / Math.max(1, result.requests.total)).toFixed(2)}`)
    .join(', ')
  console.log(`  ${t.name}: department CPU ms/req: ${perDept}`)
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx + result.timeouts,
    cpuMsPerReq: t.pid && result.requests.total ? +(cpu / result.requests.total).toFixed(2) : null,
    subgraphCpuMsPerReq: result.requests.total ? +(sub / result.requests.total).toFixed(2) : null,
  }
}

try {
  mkdirSync(DATA, { recursive: true })
  const pg = await startEmbeddedPostgres({ dir: join(DATA, 'pg'), persistent: true, durable: false })
  const databaseUrl = pg.url('postgres')
  const services = await loadServices()
  const handle = createDb(databaseUrl, { max: 2 })
  await prepareDatabase(handle.db, services, 'small')
  await handle.close()

  const secret = randomBytes(32).toString('hex')
  const urls: Record<string, string> = {}
  for (const s of services) {
    const port = await freePort()
    urls[s.name] = `http://127.0.0.1:${port}/graphql`
    const prof = process.env.BENCH_CPU_PROFILE === 'departments' ? ['--cpu-prof', `--cpu-prof-dir=${join(DATA, 'prof', s.name)}`] : []
    subgraphPids[s.name] = spawnNode(
      join(SERVICES_DIR, s.name, 'index.ts'),
      { DATABASE_URL: databaseUrl, PORT: String(port), INTERNAL_TOKEN_SECRET: secret },
      [],
      prof,
    ).pid!
  }
  subgraphPidList = Object.values(subgraphPids)
  const supergraph = composeSupergraph(services.map(s => ({ name: s.name, url: urls[s.name], typeDefs: s.typeDefs })))
  const supergraphPath = join(DATA, 'supergraph.graphql')
  writeFileSync(supergraphPath, supergraph)
  // @apollo/gateway refuses @requiresScopes (an unsupported SECURITY feature): give it the graph without.
  const apolloPath = join(DATA, 'supergraph-apollo.graphql')
  writeFileSync(
    apolloPath,
    supergraph
      .replace(' @link(url: "https://specs.apollo.dev/requiresScopes/v0.1", for: SECURITY)', '')
      .replace(/^directive @requiresScopes.*\n/m, '')
      .replace(/^scalar requiresScopes__Scope\n/m, '')
      .replace(/ @requiresScopes\(scopes: \[[^)]*\]\)/g, ''),
  )

  const identityEnv = { AUTH_HS256_SECRET: 'stadtgraph-bench-idp-secret-0123456789abcdef', AUTH_ISSUER: 'https://idp.bench/kl' }
  const identity = readIdentityConfig({ ...process.env, ...identityEnv })
  const controlling = `Bearer ${signDevToken(identity, { roles: ['controlling'], sub: 'bench', ttlSeconds: 3600 })}`
  const signer = createInternalTokenSigner(secret)
  const internalIdentity = {
    subject: 'bench',
    roles: ['controlling'],
    department: null,
    purpose: null,
    authenticated: true,
    aggregateOnly: false,
    policyVersion: 0,
    scopes: ['open', 'internal'],
  }

  const targets: Target[] = []
  const gateway = async (name: string, authorization: 'enforce' | 'off', env: Record<string, string>) => {
    const port = await freePort()
    const prof = process.env.BENCH_CPU_PROFILE === name ? ['--cpu-prof', `--cpu-prof-dir=${join(DATA, 'prof')}`] : []
    const child = spawnNode(
      'gateway/index.ts',
      {
        ...identityEnv,
        DATABASE_URL: databaseUrl,
        INTERNAL_TOKEN_SECRET: secret,
        AUTHORIZATION: authorization,
        REPLICA_ID: name,
        RATE_LIMIT_PER_MINUTE: '0',
        RATE_LIMIT_ANONYMOUS_PER_MINUTE: '0',
        GATEWAY_PORT: String(port),
        ...env,
      },
      ['--supergraph', supergraphPath, '--no-watch'],
      prof,
    )
    await waitFor(() => fetch(`http://127.0.0.1:${port}/readyz`).then(r => r.ok), name)
    return { url: `http://127.0.0.1:${port}/graphql`, pid: child.pid! }
  }
  for (const v of VARIANTS) {
    const on = await gateway(v.name, 'enforce', v.env)
    targets.push({
      name: `${v.name} district`,
      url: on.url,
      query: DISTRICT_PROFILE,
      headers: () => ({ authorization: controlling }),
      pid: on.pid,
    })
    targets.push({
      name: `${v.name} one-subgraph`,
      url: on.url,
      query: ONE_SUBGRAPH,
      headers: () => ({ authorization: controlling }),
      pid: on.pid,
    })
    const off = await gateway(`${v.name}-authz-off`, 'off', v.env)
    targets.push({ name: `${v.name} district authz-off`, url: off.url, query: DISTRICT_PROFILE, headers: () => ({}), pid: off.pid })
  }
  const apolloPort = await freePort()
  const apollo = spawnNode('bench/dev/apollo-gateway.ts', {
    SUPERGRAPH_PATH: apolloPath,
    INTERNAL_TOKEN_SECRET: secret,
    PORT: String(apolloPort),
  })
  const apolloUrl = `http://127.0.0.1:${apolloPort}/`
  await waitFor(
    () =>
      fetch(apolloUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{__typename}"}' }).then(
        r => r.ok,
      ),
    'apollo gateway',
  )
  targets.push({ name: 'apollo district', url: apolloUrl, query: DISTRICT_PROFILE, headers: () => ({}), pid: apollo.pid! })
  targets.push({
    name: 'direct one-subgraph',
    url: urls.geo,
    query: ONE_SUBGRAPH,
    headers: () => ({ [INTERNAL_TOKEN_HEADER]: signer.sign(internalIdentity, 'geo') }),
    pid: subgraphPids.geo,
  })

  const only = process.env.BENCH_TARGETS?.split(',')
  const selected = only ? targets.filter(t => only.some(o => t.name.includes(o))) : targets

  // Same answers everywhere (a fast wrong gateway is worth nothing).
  for (const n of [0, 7, 100]) {
    const answers = await Promise.all(selected.map(async t => ({ t, body: await post(t, n) })))
    for (const q of [DISTRICT_PROFILE, ONE_SUBGRAPH]) {
      const same = answers.filter(a => a.t.query === q)
      for (const a of same) {
        if (a.body.errors || !a.body.data) throw new Error(`${a.t.name}: ${JSON.stringify(a.body).slice(0, 500)}`)
        if (JSON.stringify(a.body.data) !== JSON.stringify(same[0].body.data))
          throw new Error(`${a.t.name} answers differently from ${same[0].t.name}`)
      }
    }
  }
  for (const t of selected) await load(t, 3) // warm-up: projections, pools, JIT

  const runs: Array<{ round: number; target: string } & Awaited<ReturnType<typeof load>>> = []
  for (let round = 1; round <= ROUNDS; round++) {
    for (const t of selected) {
      const r = await load(t)
      runs.push({ round, target: t.name, ...r })
      console.log(
        `round ${round}  ${t.name.padEnd(34)} ${r.rps.toFixed(1).padStart(7)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  cpu ${r.cpuMsPerReq} ms/req  subgraphs ${r.subgraphCpuMsPerReq} ms/req  errors ${r.errors}`,
      )
    }
  }
  const rps = (round: number, name: string) => runs.find(r => r.round === round && r.target === name)?.rps ?? NaN
  console.log('\nratios per round (same run):')
  for (let round = 1; round <= ROUNDS; round++) {
    for (const v of VARIANTS) {
      const d = rps(round, `${v.name} district`)
      console.log(
        `round ${round} ${v.name}: vs apollo ${(d / rps(round, 'apollo district')).toFixed(2)}×  ` +
          `one-subgraph vs direct ${(rps(round, `${v.name} one-subgraph`) / rps(round, 'direct one-subgraph')).toFixed(2)}  ` +
          `authz on/off ${(d / rps(round, `${v.name} district authz-off`)).toFixed(2)}` +
          VARIANTS.filter(w => w !== v)
            .map(w => `  vs ${w.name} ${(d / rps(round, `${w.name} district`)).toFixed(2)}×`)
            .join(''),
      )
    }
  }
  mkdirSync(join(ROOT, 'bench', 'dev', 'results'), { recursive: true })
  const file = join(ROOT, 'bench', 'dev', 'results', `${new Date().toISOString().replace(/[:.]/g, '-')}.json`)
  writeFileSync(
    file,
    JSON.stringify({ date: new Date().toISOString(), duration: DURATION, connections: CONNECTIONS, variants: VARIANTS, runs }, null, 2) +
      '\n',
  )
  console.log(`written to ${file}`)
  // Gateways first (a profiled one writes its profile on exit), then departments, then the database.
  const exited = (c: ChildProcess) =>
    c.exitCode !== null || c.signalCode !== null ? Promise.resolve() : new Promise(r => c.once('exit', r))
  const stopAll = async (list: ChildProcess[]) => {
    for (const c of list) c.kill('SIGTERM')
    await Promise.race([Promise.all(list.map(exited)), new Promise(r => setTimeout(r, 15_000))])
  }
  const departments = children.filter(c => Object.values(subgraphPids).includes(c.pid!))
  await stopAll(children.filter(c => !departments.includes(c)))
  await stopAll(departments)
  await pg.stop()
} catch (err) {
  console.error(err)
  process.exitCode = 1
} finally {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL')
  process.exit()
}
