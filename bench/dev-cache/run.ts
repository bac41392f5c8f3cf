import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import autocannon from 'autocannon'
import { createDb } from '../../platform/db/create-db.js'
import { freePort, startEmbeddedPostgres } from '../../platform/db/embedded-postgres.js'
import { prepareDatabase } from '../../lib/service/prepare-database.js'
import { loadServices, SERVICES_DIR } from '../../lib/service/discover-services.js'
import { composeSupergraph } from '../../schema/compose.js'
import { readIdentityConfig } from '../../auth/identity/identity-config.js'
import { signDevToken } from '../../auth/identity/dev-token.js'
import { OPERATIONS } from './operations.js'

// npx tsx bench/dev-cache/run.ts — the department caches and the gateway's in-flight dedupe against
// the same stack without them: same database (profile small), same subgraph processes, same named
// operations, one after the other so they never share the CPU. Not a test; numbers only.
//   DATABASE_URL   an existing database to seed (default: a throw-away embedded Postgres)
//   BENCH_DURATION_S (5), BENCH_CONNECTIONS (10), CACHE=memory|redis and REDIS_URL for the cached stack

const DURATION = Number(process.env.BENCH_DURATION_S ?? 5)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10)
const work = mkdtempSync(join(tmpdir(), 'stadtgraph-dev-cache-'))
let children: ChildProcess[] = []

function spawnTs(file: string, env: Record<string, string>, args: string[] = []): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', file, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  children.push(child)
  return child
}

async function waitReady(url: string) {
  for (let i = 0; i < 1200; i++) {
    try {
      if ((await fetch(url)).ok) return
    } catch {
      /* not yet */
    }
    await new Promise(r => setTimeout(r, 100))
  }
  throw new Error(`${url} not ready`)
}

async function stopAll() {
  for (const c of children) c.kill('SIGTERM')
  await Promise.all(children.map(c => (c.exitCode === null ? new Promise(r => c.once('exit', r)) : null)))
  children = []
}

/** Subgraph processes and one gateway, with or without caching. */
async function startStack(databaseUrl: string, cached: boolean) {
  const services = await loadServices()
  const secret = randomBytes(32).toString('hex')
  const cacheEnv = cached
    ? {
        CACHE: process.env.CACHE ?? 'memory',
        ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
        CACHE_NAMESPACE: `bench-${Date.now()}`,
        GATEWAY_DEDUPE: 'on',
      }
    : { CACHE: 'off', GATEWAY_DEDUPE: 'off' }
  const urls: Record<string, string> = {}
  for (const s of services) {
    const port = await freePort()
    urls[s.name] = `http://127.0.0.1:${port}/graphql`
    spawnTs(join(SERVICES_DIR, s.name, 'index.ts'), {
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      INTERNAL_TOKEN_SECRET: secret,
      ...cacheEnv,
    })
  }
  for (const url of Object.values(urls)) await waitReady(url.replace(/graphql$/, 'readyz'))
  const supergraphPath = join(work, `supergraph-${cached}.graphql`)
  writeFileSync(supergraphPath, composeSupergraph(services.map(s => ({ name: s.name, url: urls[s.name], typeDefs: s.typeDefs }))))
  const port = await freePort()
  spawnTs(
    'gateway/index.ts',
    {
      ...identityEnv,
      DATABASE_URL: databaseUrl,
      INTERNAL_TOKEN_SECRET: secret,
      RATE_LIMIT_PER_MINUTE: '0',
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: '0',
      GATEWAY_PORT: String(port),
      ...cacheEnv,
    },
    ['--supergraph', supergraphPath],
  )
  await waitReady(`http://127.0.0.1:${port}/readyz`)
  return `http://127.0.0.1:${port}/graphql`
}

const identityEnv = { AUTH_HS256_SECRET: 'stadtgraph-bench-idp-secret-0123456789abcdef', AUTH_ISSUER: 'https://idp.bench/kl' }

async function load(url: string, token: string, op: (typeof OPERATIONS)[number], distinct: boolean) {
  let n = 0
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    requests: [
      {
        setupRequest: (req: autocannon.Request) => ({
          ...req,
          body: JSON.stringify({ query: op.query, variables: op.variables(distinct ? n++ : 0) }),
        }),
      },
    ],
  })
  return {
    rps: Math.round(result.requests.average * 10) / 10,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  }
}

/** One request at a time: the latency a single dashboard sees. */
async function sequential(url: string, token: string, op: (typeof OPERATIONS)[number], times = 30) {
  const ms: number[] = []
  for (let i = 0; i < times; i++) {
    const t0 = performance.now()
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: op.query, variables: op.variables(0) }),
    })
    const body = (await res.json()) as { errors?: unknown[] }
    if (body.errors) throw new Error(`${op.name}: ${JSON.stringify(body.errors).slice(0, 300)}`)
    ms.push(performance.now() - t0)
  }
  ms.sort((a, b) => a - b)
  return Math.round(ms[Math.floor(ms.length / 2)] * 100) / 100
}

try {
  const embedded = process.env.DATABASE_URL
    ? null
    : await startEmbeddedPostgres({ dir: join(work, 'pg'), persistent: false, durable: false })
  const databaseUrl = process.env.DATABASE_URL ?? embedded!.url('postgres')
  const handle = createDb(databaseUrl, { max: 2 })
  await prepareDatabase(handle.db, await loadServices(), 'small')
  await handle.close()
  const token = signDevToken(readIdentityConfig({ ...process.env, ...identityEnv }), {
    roles: ['controlling'],
    sub: 'bench',
    ttlSeconds: 3600,
  })

  const rows: Record<string, Record<string, unknown>> = {}
  const loadBefore = loadavg()[0]
  for (const cached of [false, true]) {
    const url = await startStack(databaseUrl, cached)
    const mode = cached ? 'cached' : 'uncached'
    for (const op of OPERATIONS) {
      for (let i = 0; i < 10; i++) await sequential(url, token, { ...op, variables: () => op.variables(i) }, 1) // warm-up (and fill)
      const row = (rows[op.name] ??= {})
      row[`${mode} p50 1 client (ms)`] = await sequential(url, token, op)
      row[`${mode} identical`] = await load(url, token, op, false)
      row[`${mode} distinct`] = await load(url, token, op, true)
      console.log(op.name, mode, JSON.stringify(row))
    }
    await stopAll()
  }
  const date = new Date().toISOString()
  const out = {
    date,
    loadAverage1m: { before: loadBefore, after: loadavg()[0] },
    durationS: DURATION,
    connections: CONNECTIONS,
    profile: 'small',
    cache: process.env.CACHE ?? 'memory',
    rows,
  }
  writeFileSync(new URL(`./results-${date.slice(0, 10)}.json`, import.meta.url), JSON.stringify(out, null, 2) + '\n')
  const r = (v: unknown) => (v as { rps: number }).rps
  console.log(
    `\n| operation | uncached p50 (1 client) | cached p50 | uncached req/s identical | cached req/s identical | × | uncached req/s distinct | cached req/s distinct | × |\n|---|---|---|---|---|---|---|---|---|`,
  )
  for (const [name, row] of Object.entries(rows)) {
    console.log(
      `| ${name} | ${row['uncached p50 1 client (ms)']} ms | ${row['cached p50 1 client (ms)']} ms | ${r(row['uncached identical'])} | ${r(row['cached identical'])} | ${(r(row['cached identical']) / Math.max(r(row['uncached identical']), 0.1)).toFixed(1)} | ${r(row['uncached distinct'])} | ${r(row['cached distinct'])} | ${(r(row['cached distinct']) / Math.max(r(row['uncached distinct']), 0.1)).toFixed(1)} |`,
    )
  }
  console.log(`1-minute load average: ${loadBefore.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after (2 cores)`)
  await embedded?.stop()
} catch (err) {
  console.error(err)
  process.exitCode = 1
} finally {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL')
  rmSync(work, { recursive: true, force: true })
}
