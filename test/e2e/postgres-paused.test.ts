import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import pg from 'pg'
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../../platform/db/embedded-postgres.js'
import { createDb, type DbHandle } from '../../platform/db/create-db.js'
import { prepareDatabase } from '../../lib/service/prepare-database.js'
import { loadServices } from '../../lib/service/discover-services.js'
import { createSubgraphServer, type SubgraphServer } from '../../lib/service/create-subgraph-server.js'
import { composeSupergraph } from '../../schema/compose.js'
import { createGateway, type Gateway } from '../../gateway/gateway.js'
import { createGatewayDeps } from '../../gateway/create-gateway-deps.js'
import { TEST_IDENTITY_CONFIG, testGatewayConfig } from '../helpers/start-city.js'
import { TEST_INTERNAL_SECRET } from '../helpers/start-subgraphs.js'
import { waitFor } from '../helpers/wait-for.js'

// Fault: the PostgreSQL server freezes (SIGSTOP of the postmaster and every backend) for 5 s while
// the city serves. Requests must answer (data, or errors with a code: DATABASE_TIMEOUT from the
// departments), never hang and never 5xx without a code; /readyz of the gateway and of a department
// says 503 meanwhile; after SIGCONT everything answers again without a restart. The cluster is a
// throw-away embedded one of this file alone, even when TEST_DATABASE_URL is set: the shared
// test server is never paused.

const PAUSE_MS = 5_000
const STATEMENT_TIMEOUT_MS = 1_500
const REQUEST_GUARD_MS = 15_000
const ALLOWED_CODES = new Set(['DATABASE_TIMEOUT', 'SUBGRAPH_UNAVAILABLE'])

let dir: string
let cluster: EmbeddedPostgresHandle
const handles: DbHandle<any>[] = []
const departments: SubgraphServer[] = []
let gateway: Gateway
let gatewayDeps: Awaited<ReturnType<typeof createGatewayDeps>>

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** The postmaster and all its children (backends, checkpointer, walwriter …), from /proc. */
function serverPids(): number[] {
  const postmaster = Number.parseInt(readFileSync(join(cluster.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0], 10)
  const children = readdirSync('/proc')
    .filter(d => /^\d+$/.test(d))
    .flatMap(d => {
      try {
        const stat = readFileSync(`/proc/${d}/stat`, 'utf8')
        const ppid = Number.parseInt(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1], 10)
        return ppid === postmaster ? [Number(d)] : []
      } catch {
        return [] // exited meanwhile
      }
    })
  return [postmaster, ...children]
}

const QUERY = '{ districts { code name } accommodations { id name capacity } }'

interface Answer {
  status: number
  ms: number
  body: any
}

async function ask(url: string): Promise<Answer> {
  const t0 = performance.now()
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: QUERY }),
    signal: AbortSignal.timeout(REQUEST_GUARD_MS),
  })
  const body = await res.json()
  return { status: res.status, ms: performance.now() - t0, body }
}

async function ready(url: string): Promise<{ status: number; ms: number; body: any }> {
  const t0 = performance.now()
  const res = await fetch(url, { signal: AbortSignal.timeout(REQUEST_GUARD_MS) })
  return { status: res.status, ms: performance.now() - t0, body: await res.json() }
}

/** Every answer is JSON with data and/or errors; every error has a code; a 5xx only with a code. */
function expectWellFormed(a: Answer, label: string): void {
  expect(a.body.data !== undefined || a.body.errors !== undefined, label).toBe(true)
  for (const e of a.body.errors ?? []) expect(typeof e.extensions?.code, `${label}: ${JSON.stringify(e)}`).toBe('string')
  if (a.status >= 500) expect(a.body.errors?.length, label).toBeGreaterThan(0)
  expect(
    a.body.errors?.some((e: any) => e.extensions.code === 'INTERNAL_SERVER_ERROR') ?? false,
    `${label}: ${JSON.stringify(a.body.errors)}`,
  ).toBe(false)
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'stadtgraph-paused-pg-'))
  chmodSync(dir, 0o755)
  cluster = await startEmbeddedPostgres({ dir: join(dir, 'data'), persistent: false, durable: false })
  const url = cluster.url('postgres')
  const defs = (await loadServices()).filter(d => d.name === 'geo' || d.name === 'asylum')
  const setup = createDb(url, { max: 2 })
  try {
    await prepareDatabase(setup.db, defs, 'tiny')
  } finally {
    await setup.close()
  }
  for (const def of defs) {
    const handle = createDb(url, {
      max: 4,
      applicationName: `paused-${def.name}`,
      statementTimeoutMs: STATEMENT_TIMEOUT_MS,
      connectTimeoutMs: STATEMENT_TIMEOUT_MS,
    })
    handles.push(handle)
    departments.push(await createSubgraphServer(def, handle, { port: 0, internalTokenSecret: TEST_INTERNAL_SECRET }))
  }
  const supergraphSdl = composeSupergraph(departments.map((s, i) => ({ name: s.name, url: s.url, typeDefs: defs[i].typeDefs })))
  const config = testGatewayConfig({ supergraphSdl, databaseUrl: url, replicaId: 'paused', subgraphTimeoutMs: 10_000 })
  gatewayDeps = await createGatewayDeps(config, TEST_IDENTITY_CONFIG)
  gateway = await createGateway(config, gatewayDeps)
})

afterAll(async () => {
  await gateway?.close()
  await gatewayDeps?.close()
  for (const d of departments) await d.close()
  for (const h of handles) await h.close()
  await cluster?.stop()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

// The server's processes are found through /proc (Linux, where the suite runs in CI).
describe.skipIf(!existsSync('/proc/self/stat'))('PostgreSQL paused for 5 s', () => {
  it('answers with codes meanwhile, reports not ready, and recovers without a restart', { timeout: 90_000 }, async () => {
    const gatewayReady = gateway.url.replace(/\/graphql$/, '/readyz')
    const geoReady = departments.find(d => d.name === 'geo')!.url.replace(/\/graphql$/, '/readyz')
    // Liveness never asks the database: a paused database is no reason to restart the process.
    const gatewayLive = gatewayReady.replace(/\/readyz$/, '/healthz')
    const geoLive = geoReady.replace(/\/readyz$/, '/healthz')
    const baseline = await ask(gateway.url)
    expect(baseline.body.errors).toBeUndefined()
    expect((await ready(gatewayReady)).status).toBe(200)
    expect((await ready(geoReady)).status).toBe(200)

    const pids = serverPids()
    expect(pids.length).toBeGreaterThan(1)
    const during: Answer[] = []
    const readiness: Array<{ which: string; status: number; ms: number }> = []
    const liveness: number[] = []
    let resumedAt = 0
    for (const pid of pids) process.kill(pid, 'SIGSTOP')
    const pausedAt = performance.now()
    try {
      // Three clients asking in a loop, and both readiness probes, for as long as the pause lasts.
      const client = async () => {
        while (performance.now() - pausedAt < PAUSE_MS) during.push(await ask(gateway.url))
      }
      const probes = async () => {
        while (performance.now() - pausedAt < PAUSE_MS - 1_500) {
          const [g, d, gl, dl] = await Promise.all([ready(gatewayReady), ready(geoReady), ready(gatewayLive), ready(geoLive)])
          readiness.push({ which: 'gateway', status: g.status, ms: g.ms }, { which: 'geo', status: d.status, ms: d.ms })
          liveness.push(gl.status, dl.status)
          await new Promise(r => setTimeout(r, 250)) // probes at a steady pace for as long as the pause lasts
        }
      }
      const stop = new Promise<void>(r => setTimeout(r, PAUSE_MS)).then(() => {
        for (const pid of pids) process.kill(pid, 'SIGCONT')
        resumedAt = performance.now()
      })
      await Promise.all([client(), client(), client(), probes(), stop])
    } finally {
      if (!resumedAt)
        for (const pid of pids) {
          try {
            process.kill(pid, 'SIGCONT')
          } catch {
            /* gone */
          }
        }
    }

    // Meanwhile: every answer well-formed, with a code when it is an error; timed-out ones say DATABASE_TIMEOUT.
    expect(during.length).toBeGreaterThan(0)
    during.forEach((a, i) => expectWellFormed(a, `request ${i} during the pause`))
    const codes = new Set(during.flatMap(a => (a.body.errors ?? []).map((e: any) => e.extensions.code as string)))
    for (const code of codes) expect(ALLOWED_CODES.has(code), code).toBe(true)
    expect(codes.has('DATABASE_TIMEOUT')).toBe(true)
    expect(during.every(a => a.ms < REQUEST_GUARD_MS)).toBe(true)
    // Both probes said 503, each within its own bound (a hang guard, not a speed claim).
    expect(readiness.length).toBeGreaterThan(0)
    for (const r of readiness) {
      expect(r.status, `${r.which} /readyz`).toBe(503)
      expect(r.ms, `${r.which} /readyz`).toBeLessThan(5_000)
    }

    expect(liveness.length).toBeGreaterThan(0)
    expect(liveness.every(status => status === 200)).toBe(true)

    // After SIGCONT: full answers and ready again, in the same processes. A malformed answer, a
    // request that fails, or a server that is gone ends the wait at once: recovery cannot come then.
    let broken: string | undefined
    const postmaster = pids[0]
    const recovered = await waitFor(
      'full answers and ready again after SIGCONT',
      async () => {
        const a = await ask(gateway.url).catch((err: Error) => {
          broken ??= `a request after the pause failed: ${err.message}`
          throw err
        })
        try {
          expectWellFormed(a, 'request after the pause')
        } catch (err) {
          broken ??= (err as Error).message
        }
        const [g, d] = await Promise.all([ready(gatewayReady), ready(geoReady)])
        return !a.body.errors && a.status === 200 && g.status === 200 && d.status === 200 && a
      },
      { timeoutMs: 30_000, intervalMs: 100, failIf: () => broken ?? (isAlive(postmaster) ? undefined : 'the PostgreSQL server exited') },
    )
    const recoveredMs = Math.round(performance.now() - resumedAt)
    expect(recovered.body.data).toEqual(baseline.body.data)
    console.log(
      `[postgres-paused] ${during.length} requests during the pause (codes: ${[...codes].join(', ') || 'none'}, ` +
        `${during.filter(a => !a.body.errors).length} complete answers), slowest ${Math.round(Math.max(...during.map(a => a.ms)))} ms; ` +
        `${readiness.length} readiness probes, all 503, slowest ${Math.round(Math.max(...readiness.map(r => r.ms)))} ms; recovered ${recoveredMs} ms after SIGCONT`,
    )
  })

  it(
    'a statement past its timeout (here: waiting on a lock) answers DATABASE_TIMEOUT for that department only',
    { timeout: 60_000 },
    async () => {
      const locker = new pg.Client({ connectionString: cluster.url('postgres') })
      await locker.connect()
      const post = (query: string) =>
        fetch(gateway.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query }),
          signal: AbortSignal.timeout(REQUEST_GUARD_MS),
        }).then(async r => ({ status: r.status, body: (await r.json()) as any }))
      try {
        await locker.query('begin')
        await locker.query('lock table geo.district in access exclusive mode')
        const [districts, accommodations] = await Promise.all([post('{ districts { code } }'), post('{ accommodations { id } }')])
        expect(districts.status).toBe(200)
        expect(districts.body.errors?.map((e: any) => [e.extensions?.code, e.extensions?.serviceName])).toEqual([
          ['DATABASE_TIMEOUT', 'geo'],
        ])
        expect(accommodations.body.errors).toBeUndefined()
        expect(accommodations.body.data.accommodations.length).toBeGreaterThan(0)
        await locker.query('rollback')
        const again = await post('{ districts { code } }')
        expect(again.body.errors).toBeUndefined()
        expect(again.body.data.districts).toHaveLength(18)
      } finally {
        await locker.end()
      }
    },
  )
})
