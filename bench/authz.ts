import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import autocannon from 'autocannon'
import { createDb } from '../lib/db/create-db.js'
import { freePort, startEmbeddedPostgres } from '../lib/db/embedded-postgres.js'
import { prepareDatabase } from '../lib/db/prepare-database.js'
import { loadServices, SERVICES_DIR } from '../lib/service/discover-services.js'
import { composeSupergraph } from '../schema/compose.js'
import { readIdentityConfig } from '../auth/identity/identity-config.js'
import { signDevToken } from '../auth/identity/dev-token.js'

// npm run bench: the cost of authorization (same subgraphs, same query, same run: enforcement on vs
// off) and how fast a policy change reaches a second replica. Every process is separate: subgraphs,
// two enforcing gateway replicas, one gateway with authorization off, and the load generator (here).
const DURATION = Number(process.env.BENCH_DURATION_S ?? 8)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2)
const children: ChildProcess[] = []
const work = mkdtempSync(join(tmpdir(), 'stadtgraph-bench-'))

const QUERY = `query DistrictProfile($code: ID!) { district(code: $code) { name
  population(year: 2025) { total { value } foreignerShare { value } byAgeGroup { group { label } count { value } } }
  schools { name type } kitaPlaces(year: 2025) { placesTotal placesU3 }
  accommodations(activeOn: "2025-12-31") { name capacity } investments(from: 2024, to: 2026) { name totalCost { amount } } } }`

function spawnTs(file: string, env: Record<string, string>, args: string[] = []): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', file, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] })
  children.push(child)
  return child
}

async function waitReady(url: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (await fetch(url).then(r => r.ok, () => false)) return
    await new Promise(r => setTimeout(r, 100))
  }
  throw new Error(`${url} not ready`)
}

async function load(url: string, token: string | null) {
  // Distinct requests: the district varies, so nothing can be answered from an identical in-flight request.
  const codes = Array.from({ length: 18 }, (_, i) => String(i + 1).padStart(2, '0'))
  let n = 0
  const result = await autocannon({
    url, connections: CONNECTIONS, duration: DURATION, method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    requests: [{ setupRequest: (req: autocannon.Request) => ({ ...req, body: JSON.stringify({ query: QUERY, variables: { code: codes[n++ % 18] } }) }) }],
  })
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx }
}

try {
  const embedded = process.env.DATABASE_URL ? null : await startEmbeddedPostgres({ dir: join(work, 'pg'), persistent: false, durable: false })
  const databaseUrl = process.env.DATABASE_URL ?? embedded!.url('postgres')
  const services = await loadServices()
  const handle = createDb(databaseUrl, { max: 2 })
  await prepareDatabase(handle.db, services, 'small')
  await handle.close()

  const secret = randomBytes(32).toString('hex')
  const urls: Record<string, string> = {}
  for (const s of services) {
    const port = await freePort()
    urls[s.name] = `http://127.0.0.1:${port}/graphql`
    spawnTs(join(SERVICES_DIR, s.name, 'index.ts'), { DATABASE_URL: databaseUrl, PORT: String(port), INTERNAL_TOKEN_SECRET: secret })
  }
  const supergraphPath = join(work, 'supergraph.graphql')
  writeFileSync(supergraphPath, composeSupergraph(services.map(s => ({ name: s.name, url: urls[s.name], typeDefs: s.typeDefs }))))
  const identityEnv = { AUTH_HS256_SECRET: 'stadtgraph-bench-idp-secret-0123456789abcdef', AUTH_ISSUER: 'https://idp.bench/kl' }
  const gateway = async (name: string, authorization: 'enforce' | 'off') => {
    const port = await freePort()
    spawnTs('gateway/index.ts', {
      ...identityEnv, DATABASE_URL: databaseUrl, INTERNAL_TOKEN_SECRET: secret, AUTHORIZATION: authorization, REPLICA_ID: name,
      RATE_LIMIT_PER_MINUTE: '0', RATE_LIMIT_ANONYMOUS_PER_MINUTE: '0', GATEWAY_PORT: String(port),
    }, ['--supergraph', supergraphPath])
    const base = `http://127.0.0.1:${port}`
    await waitReady(`${base}/readyz`)
    return base
  }
  const enforced = await gateway('replica-1', 'enforce')
  const replica2 = await gateway('replica-2', 'enforce')
  const open = await gateway('authorization-off', 'off')
  const identity = readIdentityConfig({ ...process.env, ...identityEnv })
  const controlling = signDevToken(identity, { roles: ['controlling'], sub: 'bench', ttlSeconds: 3600 })
  const admin = signDevToken(identity, { roles: ['admin'], sub: 'bench-admin', ttlSeconds: 3600 })

  // warm-up: projected schemas, connection pools, JIT
  await load(`${enforced}/graphql`, controlling)
  await load(`${open}/graphql`, null)
  const runs: Array<{ mode: string; rps: number; p50: number; p99: number; errors: number }> = []
  for (let round = 0; round < ROUNDS; round++) {
    runs.push({ mode: 'enforce', ...await load(`${enforced}/graphql`, controlling) })
    runs.push({ mode: 'off', ...await load(`${open}/graphql`, null) })
  }
  const mean = (mode: string) => runs.filter(r => r.mode === mode).reduce((s, r) => s + r.rps, 0) / ROUNDS

  // propagation: a change through replica 1's admin API, seen in replica 2's /healthz
  const adminCall = async (query: string, variables: Record<string, unknown>) => {
    const res = await fetch(`${enforced}/admin/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` }, body: JSON.stringify({ query, variables }) })
    return res.json() as Promise<{ data?: any; errors?: unknown[] }>
  }
  const propagation: number[] = []
  for (let i = 0; i < 10; i++) {
    const { data } = await adminCall('{ policy { version } }', {})
    const version = data.policy.version as number
    const grant = i % 2 === 0
      ? 'mutation ($v: Int!) { setGrant(input: { role: "public", coordinate: "Accommodation.operator", effect: ALLOW }, expectedVersion: $v) }'
      : 'mutation ($v: Int!) { removeGrant(role: "public", coordinate: "Accommodation.operator", expectedVersion: $v) }'
    const t0 = performance.now()
    const res = await adminCall(grant, { v: version })
    if (res.errors) throw new Error(JSON.stringify(res.errors))
    for (;;) {
      const health = await fetch(`${replica2}/healthz`).then(r => r.json()) as { policyVersion: number }
      if (health.policyVersion > version) break
      await new Promise(r => setTimeout(r, 2))
    }
    propagation.push(performance.now() - t0)
  }
  propagation.sort((a, b) => a - b)

  const result = {
    date: new Date().toISOString(), node: process.version, duration: DURATION, connections: CONNECTIONS, rounds: ROUNDS,
    query: 'district profile (5 subgraphs), distinct requests', runs,
    authorization: { enforceRps: Math.round(mean('enforce')), offRps: Math.round(mean('off')), ratio: +(mean('enforce') / mean('off')).toFixed(3) },
    propagationMs: { p50: +propagation[5].toFixed(1), max: +propagation[9].toFixed(1), samples: propagation.map(x => +x.toFixed(1)) },
  }
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true })
  const file = new URL(`./results/${result.date.slice(0, 10)}-authz.json`, import.meta.url)
  writeFileSync(file, JSON.stringify(result, null, 2) + '\n')
  console.log(`
| measurement | value |
|---|---|
| district profile, authorization enforced (controlling) | ${result.authorization.enforceRps} req/s |
| same, authorization off | ${result.authorization.offRps} req/s |
| enforced / off | ${result.authorization.ratio} |
| policy change → second replica (p50 / max of 10) | ${result.propagationMs.p50} ms / ${result.propagationMs.max} ms |

runs: ${runs.map(r => `${r.mode} ${Math.round(r.rps)} req/s p50 ${r.p50} ms p99 ${r.p99} ms errors ${r.errors}`).join('; ')}
written to bench/results/${result.date.slice(0, 10)}-authz.json`)
  for (const c of children) c.kill('SIGTERM')
  await new Promise(r => setTimeout(r, 500))
  await embedded?.stop()
} catch (err) {
  console.error(err)
  process.exitCode = 1
} finally {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL')
  rmSync(work, { recursive: true, force: true })
}
