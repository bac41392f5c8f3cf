import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import pg from 'pg'
import { parseAllDocuments } from 'yaml'
import { freePort, startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../../platform/db/embedded-postgres.js'
import { createDb } from '../../platform/db/create-db.js'
import { prepareDatabase } from '../../lib/service/prepare-database.js'
import { loadServices } from '../../lib/service/discover-services.js'
import { DISTRICTS } from '../../platform/city.js'
import { composeSupergraph } from '../../schema/compose.js'
import { readIdentityConfig } from '../../auth/identity/identity-config.js'
import { signDevToken } from '../../auth/identity/dev-token.js'
import { buildCity, cpuSeconds, ProcessGroup, waitFor } from '../processes.js'

// The gateway's memory under a new document on every request: departments (cached, profile small) and
// our gateway as the benchmark starts them (built, plain node), then `documents` requests, each with
// its own aliases, over `connections` keep-alive connections. The gateway's resident memory (VmRSS,
// and the kernel's high-water mark VmHWM) is sampled every second; at the end: peak and final RSS,
// requests per second, gateway CPU per request and the gateway's cache metrics.
//
//   DATABASE_URL=postgres://… npx tsx bench/dev/unique-documents.ts [documents=100000] [connections=10] [max seconds]
//
// Without DATABASE_URL the benchmark's embedded cluster (.data/bench-postgres) is used. Gateway settings
// can be passed in the environment (e.g. DOCUMENT_CACHE_MAX_BYTES=…; every process inherits it). The
// gateway runs with the NODE_OPTIONS production gives it (the gateway ConfigMap in
// deploy/kubernetes/base/gateway.yaml: the V8 heap limit for its memory request); GATEWAY_NODE_OPTIONS
// replaces them to compare V8 settings. The summary names the options the gateway ran with.
const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const GATEWAY_MANIFEST = 'deploy/kubernetes/base/gateway.yaml'
const documents = Number(process.argv[2] ?? 100_000)
const connections = Number(process.argv[3] ?? 10)
/** Stops sending after this long even if not every document was sent (a busy machine); the summary says how many were. */
const maxSeconds = Number(process.argv[4] ?? Infinity)
const log = (msg: string) => console.error(`[unique-documents] ${msg}`)

/** One document per request: the district profile with a root alias and field aliases made from `n`. */
function uniqueDocument(n: number): string {
  const a = n.toString(36)
  return `query Profile($code: ID!, $year: Int!) {
  d_${a}: district(code: $code) {
    code
    n_${a}: name
    areaKm2
    population(year: $year) { t_${a}: total { value status } meanAge { value } }
    schools { id name }
  }
}`
}

/** NODE_OPTIONS of the gateway ConfigMap (stadtgraph-gateway) production deploys; '' when it sets none. */
function productionNodeOptions(manifest = readFileSync(join(ROOT, GATEWAY_MANIFEST), 'utf8')): string {
  const configMap = parseAllDocuments(manifest)
    .map(d => d.toJS() as { kind?: string; metadata?: { name?: string }; data?: Record<string, string> })
    .find(o => o?.kind === 'ConfigMap' && o.metadata?.name === 'stadtgraph-gateway')
  if (!configMap) throw new Error(`${GATEWAY_MANIFEST} has no ConfigMap stadtgraph-gateway`)
  return configMap.data?.NODE_OPTIONS ?? ''
}
const nodeOptions = process.env.GATEWAY_NODE_OPTIONS ?? productionNodeOptions()
const nodeOptionsFrom = process.env.GATEWAY_NODE_OPTIONS !== undefined ? 'GATEWAY_NODE_OPTIONS' : GATEWAY_MANIFEST

const CODES = DISTRICTS.map(d => d.code)
const variables = (n: number) => ({ code: CODES[n % CODES.length], year: 2016 + (n % 10) })

function status(pid: number): { rssMb: number; hwmMb: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(text)?.[1] ?? NaN)
    return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 }
  } catch {
    return null
  }
}

async function openDatabase(): Promise<{ url: string; embedded: EmbeddedPostgresHandle | null }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, embedded: null }
  mkdirSync(join(ROOT, '.data'), { recursive: true })
  const embedded = await startEmbeddedPostgres({ dir: join(ROOT, '.data', 'bench-postgres') })
  const admin = new pg.Client({ connectionString: embedded.url('postgres') })
  await admin.connect()
  try {
    const { rows } = await admin.query("select 1 from pg_database where datname = 'stadtgraph_bench_small'")
    if (!rows.length) await admin.query('create database stadtgraph_bench_small')
  } finally {
    await admin.end()
  }
  return { url: embedded.url('stadtgraph_bench_small'), embedded }
}

const group = new ProcessGroup()
const work = mkdtempSync(join(tmpdir(), 'stadtgraph-unique-'))
let embedded: EmbeddedPostgresHandle | null = null
try {
  const services = await loadServices()
  const database = await openDatabase()
  embedded = database.embedded
  const handle = createDb(database.url, { max: 2 })
  try {
    await prepareDatabase(handle.db, services, 'small')
  } finally {
    await handle.close()
  }
  const built = await buildCity(services, 'unique-documents-build')
  const secret = randomBytes(32).toString('hex')
  const urls = new Map<string, string>()
  for (const s of services) {
    const port = await freePort()
    group.spawnNode(built[`department-${s.name}`], {
      DATABASE_URL: database.url,
      PORT: String(port),
      INTERNAL_TOKEN_SECRET: secret,
      DB_POOL_MAX: '4',
      CACHE: 'memory',
      CACHE_TTL_SECONDS: String(24 * 3600),
      CACHE_TTLS: '',
    })
    urls.set(s.name, `http://127.0.0.1:${port}/graphql`)
  }
  for (const [name, url] of urls)
    await waitFor(`subgraph ${name}`, async () => (await fetch(url.replace(/graphql$/, 'readyz'))).ok, 180_000)
  const supergraphPath = join(work, 'supergraph.graphql')
  writeFileSync(supergraphPath, composeSupergraph(services.map(s => ({ name: s.name, url: urls.get(s.name)!, typeDefs: s.typeDefs }))))

  const identityEnv = { AUTH_HS256_SECRET: randomBytes(32).toString('hex'), AUTH_ISSUER: 'https://idp.bench/kl' }
  const token = signDevToken(readIdentityConfig({ ...process.env, ...identityEnv }), {
    roles: ['controlling'],
    sub: 'bench',
    ttlSeconds: 6 * 3600,
  })
  const port = await freePort()
  // /metrics on a listener of its own, as production serves it (the client port answers it with 404 there).
  const metricsPort = await freePort()
  const gateway = group.spawnNode(
    built.gateway,
    {
      ...identityEnv,
      DATABASE_URL: database.url,
      INTERNAL_TOKEN_SECRET: secret,
      AUTHORIZATION: 'enforce',
      REPLICA_ID: 'unique-documents',
      RATE_LIMIT_PER_MINUTE: '0',
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: '0',
      GATEWAY_PORT: String(port),
      METRICS_PORT: String(metricsPort),
      METRICS_HOST: '127.0.0.1',
      // As production runs it (or GATEWAY_NODE_OPTIONS, to compare V8 settings); never the benchmark's own.
      NODE_OPTIONS: nodeOptions,
    },
    ['--supergraph', supergraphPath],
  )
  const pid = gateway.pid!
  const url = `http://127.0.0.1:${port}/graphql`
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` }
  await waitFor('gateway', async () => (await fetch(url, { method: 'POST', headers, body: '{"query":"{ __typename }"}' })).ok, 180_000)

  // One request of the same shape first: the answer must carry the aliases, without errors.
  const probe = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query: uniqueDocument(0), variables: variables(0) }) })
  const probeText = await probe.text()
  if (probe.status !== 200 || !probeText.includes('"d_0"') || probeText.includes('"errors"'))
    throw new Error(`the probe failed: HTTP ${probe.status} ${probeText.slice(0, 300)}`)
  const atStart = status(pid)
  log(`gateway NODE_OPTIONS '${nodeOptions}' (from ${nodeOptionsFrom})`)
  log(
    `gateway pid ${pid} ready, RSS ${atStart?.rssMb.toFixed(0)} MB; sending ${documents} unique documents over ${connections} connections`,
  )

  const samples: Array<{ s: number; rssMb: number; hwmMb: number }> = []
  const t0 = performance.now()
  const timer = setInterval(() => {
    const now = status(pid)
    if (now) samples.push({ s: Math.round((performance.now() - t0) / 1000), ...now })
    if (now && samples.length % 10 === 0)
      log(`${samples.at(-1)!.s} s: ${sent} sent, RSS ${now.rssMb.toFixed(0)} MB, high-water ${now.hwmMb.toFixed(0)} MB`)
  }, 1000)
  let sent = 0
  let wrong = 0
  const cpu0 = cpuSeconds(pid)
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        amount: documents,
        method: 'POST',
        timeout: 30,
        requests: [
          {
            setupRequest: (req: autocannon.Request) => {
              const n = ++sent
              return { ...req, headers, body: JSON.stringify({ query: uniqueDocument(n), variables: variables(n) }) }
            },
            onResponse: (code: number, body: string) => {
              if (code !== 200 || !body.startsWith('{"data":{"d_') || body.includes('"errors"')) wrong++
            },
          } as autocannon.Request,
        ],
      },
      (err, r) => (err ? reject(err) : resolve(r)),
    )
    if (Number.isFinite(maxSeconds)) setTimeout(() => instance.stop(), maxSeconds * 1000).unref()
  })
  const seconds = (performance.now() - t0) / 1000
  const cpu1 = cpuSeconds(pid)
  clearInterval(timer)
  const atEnd = status(pid)
  const metrics = await fetch(`http://127.0.0.1:${metricsPort}/metrics`).then(r => r.text())
  const cacheLines = metrics.split('\n').filter(l => l.startsWith('stadtgraph_gateway_cache'))
  const peak = Math.max(...samples.map(s => s.rssMb), atEnd?.rssMb ?? 0)
  const answered = result.requests.total
  console.log(
    JSON.stringify(
      {
        documents,
        connections,
        gatewayNodeOptions: nodeOptions,
        gatewayNodeOptionsFrom: nodeOptionsFrom,
        answered,
        wrongAnswers: wrong,
        errors: result.errors + result.timeouts,
        non2xx: result.non2xx,
        seconds: Number(seconds.toFixed(1)),
        rps: Number((answered / seconds).toFixed(1)),
        gatewayCpuMsPerRequest: cpu0 !== null && cpu1 !== null ? Number((((cpu1 - cpu0) * 1000) / answered).toFixed(2)) : null,
        rssAtStartMb: Math.round(atStart?.rssMb ?? NaN),
        peakRssMb: Math.round(peak),
        highWaterMarkMb: Math.round(atEnd?.hwmMb ?? NaN),
        rssAtEndMb: Math.round(atEnd?.rssMb ?? NaN),
        loadAverage: loadavg().map(x => Number(x.toFixed(2))),
        cacheMetrics: cacheLines,
      },
      null,
      2,
    ),
  )
} catch (err) {
  console.error(`[unique-documents] ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`)
  process.exitCode = 1
} finally {
  await group.stop()
  await embedded?.stop().catch(() => {})
  rmSync(work, { recursive: true, force: true })
}
