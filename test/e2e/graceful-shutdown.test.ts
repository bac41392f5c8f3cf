import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { createDb } from '../../platform/db/create-db.js'
import { prepareDatabase } from '../../lib/service/prepare-database.js'
import { loadServices } from '../../lib/service/discover-services.js'
import { composeSupergraph } from '../../schema/compose.js'
import { internalHeaders, TEST_INTERNAL_SECRET } from '../helpers/start-subgraphs.js'
import { createDatabase } from '../helpers/test-database.js'
import { waitFor } from '../helpers/wait-for.js'

// SIGTERM on a real gateway process and a real department process (as an orchestrator sends it on a
// rolling update): a request in flight still gets its answer, a new connection is refused, the process
// exits 0. The request is held in flight by a lock on the table it reads, taken by the test.

const REPO = fileURLToPath(new URL('../../', import.meta.url))
/** Each request asks for another district: the department's cache (on by default) never answers it. */
const query = (code: string) => `{ district(code: "${code}") { name } }`

interface Running {
  child: ChildProcess
  output: () => string
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

let database: Awaited<ReturnType<typeof createDatabase>>
let tmp: string
const started: ChildProcess[] = []
const locks: pg.Client[] = []

function run(entry: string, args: string[], env: Record<string, string>): Running {
  let output = ''
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO, entry), ...args], {
    // The ready lines are logged at info; the suite runs at warn.
    cwd: REPO,
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout!.on('data', c => {
    output += c
  })
  child.stderr!.on('data', c => {
    output += c
  })
  started.push(child)
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>(resolve =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  )
  return { child, output: () => output, exited }
}

/** waitFor with the process output in the failure. */
const until = <T>(what: string, check: () => T | Promise<T>, timeoutMs = 60_000, output = () => '') =>
  waitFor(what, check, { timeoutMs, intervalMs: 25, detail: output })

const post = (url: string, code: string, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: query(code) }),
  }).then(async res => ({ status: res.status, body: (await res.json()) as { data?: any; errors?: unknown[] } }))

/** Holds an exclusive lock on geo.district until `release()`: every read of it waits meanwhile. */
async function lockDistricts() {
  const client = new pg.Client({ connectionString: database.url })
  client.on('error', () => {}) // the database dropped at the end ends a lock a failed test left behind
  locks.push(client)
  await client.connect()
  await client.query('begin')
  await client.query('lock table geo.district in access exclusive mode')
  return {
    /** True once a query of `application` waits for this lock: a request is then surely in flight. */
    waiting: async (application: string) => {
      const { rows } = await client.query(
        `select count(*)::int as n from pg_stat_activity where application_name = $1 and wait_event_type = 'Lock'`,
        [application],
      )
      return rows[0].n > 0
    },
    release: async () => {
      await client.query('rollback')
      await client.end()
      locks.splice(locks.indexOf(client), 1)
    },
  }
}

let department: Running
let departmentUrl: string

beforeAll(async () => {
  database = await createDatabase(inject('adminUrl'), 'sg_shutdown')
  const handle = createDb(database.url)
  const geo = (await loadServices()).filter(s => s.name === 'geo')
  try {
    await prepareDatabase(handle.db, geo, 'tiny')
  } finally {
    await handle.close()
  }
  tmp = mkdtempSync(join(tmpdir(), 'stadtgraph-shutdown-'))
  department = run('services/geo/index.ts', [], {
    DATABASE_URL: database.url,
    PORT: '0',
    INTERNAL_TOKEN_SECRET: TEST_INTERNAL_SECRET,
    DB_POOL_MAX: '2',
  })
  departmentUrl = await until(
    'the department to listen',
    () => /subgraph ready at (\S+)/.exec(department.output())?.[1],
    60_000,
    department.output,
  )
  writeFileSync(
    join(tmp, 'supergraph.graphql'),
    composeSupergraph(geo.map(s => ({ name: s.name, url: departmentUrl, typeDefs: s.typeDefs }))),
  )
}, 120_000)

afterAll(async () => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  await Promise.all(locks.map(c => c.end().catch(() => {})))
  await database?.drop().catch(() => {})
  if (tmp) rmSync(tmp, { recursive: true, force: true })
})

describe('SIGTERM', () => {
  it('on a gateway: the request in flight is answered (200), a new connection is refused, exit 0', async () => {
    const gateway = run('gateway/index.ts', ['--supergraph', join(tmp, 'supergraph.graphql'), '--no-watch'], {
      DATABASE_URL: database.url,
      GATEWAY_PORT: '0',
      INTERNAL_TOKEN_SECRET: TEST_INTERNAL_SECRET,
      REPLICA_ID: 'shutdown-test',
    })
    const url = await until('the gateway to listen', () => / at (http:\S+\/graphql)/.exec(gateway.output())?.[1], 60_000, gateway.output)
    expect((await post(url, '05')).body.data.district.name).toEqual(expect.any(String))

    const lock = await lockDistricts()
    const inFlight = post(url, '07')
    inFlight.catch(() => {}) // awaited below
    await until('the request to wait in the department', () => lock.waiting('stadtgraph-geo'))
    gateway.child.kill('SIGTERM')
    await until(
      'the gateway to begin stopping',
      () => /\[gateway\] SIGTERM: no new connections/.test(gateway.output()),
      10_000,
      gateway.output,
    )
    await expect(fetch(url.replace(/\/graphql$/, '/healthz'))).rejects.toMatchObject({ cause: { code: 'ECONNREFUSED' } })
    expect(gateway.child.exitCode).toBeNull()

    await lock.release()
    const answer = await inFlight
    expect(answer.status).toBe(200)
    expect(answer.body.errors).toBeUndefined()
    expect(answer.body.data.district.name).toEqual(expect.any(String))
    expect(await gateway.exited).toEqual({ code: 0, signal: null })
    expect(gateway.output()).toMatch(/\[gateway\] stopped in \d+ ms/)
  }, 90_000)

  it('on a department: the request in flight is answered (200), a new connection is refused, exit 0', async () => {
    const lock = await lockDistricts()
    const inFlight = post(departmentUrl, '09', internalHeaders('geo'))
    inFlight.catch(() => {}) // awaited below
    await until('the request to wait for the lock', () => lock.waiting('stadtgraph-geo'))
    department.child.kill('SIGTERM')
    await until(
      'the department to begin stopping',
      () => /\[geo\] SIGTERM: no new connections/.test(department.output()),
      10_000,
      department.output,
    )
    await expect(fetch(departmentUrl.replace(/\/graphql$/, '/healthz'))).rejects.toMatchObject({ cause: { code: 'ECONNREFUSED' } })
    expect(department.child.exitCode).toBeNull()

    await lock.release()
    const answer = await inFlight
    expect(answer.status).toBe(200)
    expect(answer.body.errors).toBeUndefined()
    expect(answer.body.data.district.name).toEqual(expect.any(String))
    expect(await department.exited).toEqual({ code: 0, signal: null })
    // `stopped` is logged once the listener, the LISTEN connection, the cache and the pool are closed.
    expect(department.output()).toMatch(/\[geo\] stopped in \d+ ms/)
  }, 90_000)
})
