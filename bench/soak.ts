import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { createDb } from '../platform/db/create-db.js'
import { freePort, startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../platform/db/embedded-postgres.js'
import { prepareDatabase } from '../lib/service/prepare-database.js'
import { loadServices } from '../lib/service/discover-services.js'
import { composeSupergraph } from '../schema/compose.js'
import { readIdentityConfig } from '../auth/identity/identity-config.js'
import { signDevToken } from '../auth/identity/dev-token.js'
import { OPERATIONS } from './dev-cache/operations.js'
import { buildCity, ProcessGroup, rssMb, waitFor } from './processes.js'

// npm run soak [-- --duration <seconds> --connections <n>]: the city as production runs it (each department
// and the gateway its own process, departments with their memory cache) under mixed load for 10 minutes by
// default — valid operations as several roles, operations the gateway refuses, unknown fields, bad tokens —
// then the RSS growth of every process and the errors seen. Not part of the test suite.
const ROOT = fileURLToPath(new URL('..', import.meta.url))
const USAGE = 'npm run soak -- [--duration <seconds>=600] [--connections <n>=8] [--report-every <seconds>=60]'

function readOptions(argv: string[]) {
  const opts = { duration: Number(process.env.SOAK_SECONDS ?? 600), connections: 8, reportEvery: 60 }
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2)
    const value = inline ?? argv[++i]
    const n = Number(value)
    if (!Number.isSafeInteger(n) || n < 1) throw new Error(`${flag} needs a positive whole number, got "${value}"\n${USAGE}`)
    if (flag === '--duration') opts.duration = n
    else if (flag === '--connections') opts.connections = n
    else if (flag === '--report-every') opts.reportEvery = n
    else throw new Error(`unknown option ${flag}\n${USAGE}`)
  }
  return opts
}

let options: ReturnType<typeof readOptions>
try {
  options = readOptions(process.argv.slice(2))
} catch (err) {
  console.error((err as Error).message)
  process.exit(2)
}
const log = (msg: string) => console.log(`[soak] ${msg}`)
const group = new ProcessGroup()
const work = mkdtempSync(join(tmpdir(), 'stadtgraph-soak-'))
let embedded = null as EmbeddedPostgresHandle | null

async function openDatabase(): Promise<string> {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL
  mkdirSync(join(ROOT, '.data'), { recursive: true })
  embedded = await startEmbeddedPostgres({ dir: join(ROOT, '.data', 'soak-postgres') })
  const admin = new pg.Client({ connectionString: embedded.url('postgres') })
  await admin.connect()
  try {
    const { rows } = await admin.query(`select 1 from pg_database where datname = 'stadtgraph_soak'`)
    if (!rows.length) await admin.query('create database stadtgraph_soak')
  } finally {
    await admin.end()
  }
  return embedded.url('stadtgraph_soak')
}

type Kind = 'ok' | 'refused' | 'unexpected-error' | 'status-5xx' | 'transport'

async function main() {
  const databaseUrl = await openDatabase()
  const services = await loadServices()
  const prep = createDb(databaseUrl, { max: 2 })
  try {
    await prepareDatabase(prep.db, services, 'small')
  } finally {
    await prep.close()
  }
  const built = await buildCity(services, 'soak-build')

  const secret = randomBytes(32).toString('hex')
  const departments = new Map<string, { url: string; pid: number }>()
  for (const s of services) {
    const port = await freePort()
    const child = group.spawnNode(built[`department-${s.name}`], {
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      INTERNAL_TOKEN_SECRET: secret,
      CACHE: 'memory',
    })
    departments.set(s.name, { url: `http://127.0.0.1:${port}/graphql`, pid: child.pid! })
  }
  for (const [name, d] of departments)
    await waitFor(`department ${name}`, async () => (await fetch(d.url.replace(/graphql$/, 'readyz'))).ok, 180_000)
  const supergraphPath = join(work, 'supergraph.graphql')
  writeFileSync(
    supergraphPath,
    composeSupergraph(services.map(s => ({ name: s.name, url: departments.get(s.name)!.url, typeDefs: s.typeDefs }))),
  )
  const identityEnv = { AUTH_HS256_SECRET: randomBytes(32).toString('hex'), AUTH_ISSUER: 'https://idp.soak/kl' }
  const gatewayPort = await freePort()
  const gateway = group.spawnNode(
    built.gateway,
    {
      ...identityEnv,
      DATABASE_URL: databaseUrl,
      INTERNAL_TOKEN_SECRET: secret,
      REPLICA_ID: 'soak',
      RATE_LIMIT_PER_MINUTE: '0',
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: '0',
      GATEWAY_PORT: String(gatewayPort),
    },
    ['--supergraph', supergraphPath],
  )
  const url = `http://127.0.0.1:${gatewayPort}/graphql`
  await waitFor('gateway', async () => (await fetch(url.replace(/graphql$/, 'readyz'))).ok, 180_000)

  const identity = readIdentityConfig({ ...process.env, ...identityEnv })
  const token = (roles: string[], department?: string) =>
    `Bearer ${signDevToken(identity, { roles, sub: `soak-${roles[0]}`, department, ttlSeconds: 12 * 3600 })}`
  const callers: Array<Record<string, string>> = [
    {},
    { authorization: token(['controlling']) },
    { authorization: token(['committee']) },
    { authorization: token(['leadership']) },
    { authorization: token(['staff'], 'asylum'), 'x-stadtgraph-purpose': 'Fallbearbeitung' },
  ]
  // Requests the gateway must refuse with a code, mixed in: unknown field, syntax error, cost, bad token.
  const refusals: Array<{ body: unknown; headers: Record<string, string> }> = [
    { body: { query: '{ districts { nope } }' }, headers: {} },
    { body: { query: '{ districts { code ' }, headers: {} },
    { body: { query: '{ allocationRecords(from: "2022-03-01", to: "2022-03-31") { id } }' }, headers: {} },
    { body: { query: '{ districts { code } }' }, headers: { authorization: 'Bearer not.a.token' } },
  ]

  const pids: Array<[string, number]> = [['gateway', gateway.pid!], ...[...departments].map(([n, d]) => [n, d.pid] as [string, number])]
  const rss = () => Object.fromEntries(pids.map(([n, pid]) => [n, rssMb(pid)]))
  const counts: Record<Kind, number> = { ok: 0, refused: 0, 'unexpected-error': 0, 'status-5xx': 0, transport: 0 }
  const samples: string[] = []
  const latencies: number[] = []

  const one = async (i: number) => {
    const refusal = i % 10 === 9 ? refusals[((i / 10) | 0) % refusals.length] : null
    const op = OPERATIONS[i % OPERATIONS.length]
    const headers = refusal?.headers ?? callers[((i / OPERATIONS.length) | 0) % callers.length]
    const body = refusal?.body ?? { query: op.query, variables: op.variables(i) }
    const t0 = performance.now()
    let kind: Kind
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      })
      const json = (await res.json()) as { errors?: Array<{ extensions?: { code?: string } }> }
      const codes = (json.errors ?? []).map(e => e.extensions?.code)
      if (res.status >= 500) kind = 'status-5xx'
      else if (refusal)
        kind = codes.length && codes.every(c => typeof c === 'string' && c !== 'INTERNAL_SERVER_ERROR') ? 'refused' : 'unexpected-error'
      // Aggregate roles may see suppressed cells or refused fields; only internal and unavailable errors count.
      else
        kind = codes.some(c => c === undefined || c === 'INTERNAL_SERVER_ERROR' || c === 'SUBGRAPH_UNAVAILABLE') ? 'unexpected-error' : 'ok'
      if (kind !== 'ok' && kind !== 'refused' && samples.length < 5) samples.push(`${res.status} ${JSON.stringify(json).slice(0, 300)}`)
    } catch (err) {
      kind = 'transport'
      if (samples.length < 5) samples.push(String(err))
    }
    counts[kind]++
    latencies.push(performance.now() - t0)
  }

  const warmup = Math.min(30, Math.max(5, Math.round(options.duration / 10)))
  log(
    `city up (8 departments, 1 gateway); warming up ${warmup} s, then ${options.duration} s of load over ${options.connections} connections`,
  )
  let next = 0
  let until = Date.now() + warmup * 1000
  const worker = async () => {
    while (Date.now() < until) await one(next++)
  }
  await Promise.all(Array.from({ length: options.connections }, worker))
  for (const k of Object.keys(counts) as Kind[]) counts[k] = 0
  latencies.length = 0
  const start = rss()
  log(`RSS after warm-up (MB): ${JSON.stringify(start, (_, v) => (typeof v === 'number' ? Math.round(v) : v))}`)

  const t0 = Date.now()
  until = t0 + options.duration * 1000
  const reporter = setInterval(() => {
    const total = Object.values(counts).reduce((a, b) => a + b, 0)
    log(
      `${Math.round((Date.now() - t0) / 1000)} s: ${total} requests, errors ${counts['unexpected-error'] + counts['status-5xx'] + counts.transport}, gateway RSS ${Math.round(rssMb(gateway.pid!) ?? 0)} MB`,
    )
  }, options.reportEvery * 1000)
  await Promise.all(Array.from({ length: options.connections }, worker))
  clearInterval(reporter)
  const end = rss()

  const total = Object.values(counts).reduce((a, b) => a + b, 0)
  const sorted = latencies.sort((a, b) => a - b)
  const q = (p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0)
  log(`done: ${total} requests in ${options.duration} s (${Math.round(total / options.duration)}/s), p50 ${q(0.5)} ms, p99 ${q(0.99)} ms`)
  log(`outcomes: ${JSON.stringify(counts)}`)
  log('RSS (MB)          after warm-up      end   growth')
  for (const [name] of pids) {
    const a = start[name],
      b = end[name]
    log(
      `  ${name.padEnd(16)}${(a === null ? '-' : a.toFixed(1)).padStart(12)}${(b === null ? '-' : b.toFixed(1)).padStart(9)}${(a === null || b === null ? '-' : `${b - a >= 0 ? '+' : ''}${(b - a).toFixed(1)}`).padStart(9)}`,
    )
  }
  for (const s of samples) log(`  sample error: ${s}`)
  const errors = counts['unexpected-error'] + counts['status-5xx'] + counts.transport
  log(errors ? `${errors} errors` : 'no errors')
  return errors
}

let exitCode = 1
try {
  exitCode = (await main()) ? 1 : 0
} catch (err) {
  console.error(`[soak] failed: ${err instanceof Error ? err.message : err}`)
} finally {
  await group.stop()
  await embedded?.stop()
  rmSync(work, { recursive: true, force: true })
}
process.exit(exitCode)
