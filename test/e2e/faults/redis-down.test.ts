import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { readCacheConfig } from '../../../lib/cache/cache-config.js'
import { OPERATIONS } from '../../../bench/dev-cache/operations.js'
import { startCity, type RunningCity } from '../../helpers/start-city.js'
import { waitFor } from '../../helpers/wait-for.js'
import { freePort } from '../../../platform/db/embedded-postgres.js'

// Departments configured with REDIS_URL whose Redis is not there (never was, or goes away while
// they serve): every answer equals the uncached one, and no request waits long for Redis.

/** No request may wait longer than this for a cache that does not answer (the subgraph timeout is 5 s). */
const BOUND_MS = 4_000
const ROLE = 'controlling'

let reference: RunningCity
const expected = new Map<string, unknown>()
const key = (op: number, i: number) => `${op}:${i}`

beforeAll(async () => {
  reference = await startCity(inject('cityDatabaseUrl'))
  for (let op = 0; op < OPERATIONS.length; op++) {
    for (let i = 0; i < 3; i++) {
      const res = await reference.queryAs(ROLE, OPERATIONS[op].query, OPERATIONS[op].variables(i))
      expect(res.errors, OPERATIONS[op].name).toBeUndefined()
      expected.set(key(op, i), res.data)
    }
  }
})
afterAll(async () => {
  await reference?.stop()
})

/** Every operation × 3 variants through `city`; returns the slowest answer in ms. */
async function askAll(city: RunningCity): Promise<number> {
  let slowest = 0
  for (let op = 0; op < OPERATIONS.length; op++) {
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now()
      const res = await city.queryAs(ROLE, OPERATIONS[op].query, OPERATIONS[op].variables(i))
      slowest = Math.max(slowest, performance.now() - t0)
      expect(res.status, OPERATIONS[op].name).toBe(200)
      expect(res.errors, `${OPERATIONS[op].name}: ${JSON.stringify(res.errors)}`).toBeUndefined()
      expect(res.data, OPERATIONS[op].name).toEqual(expected.get(key(op, i)))
    }
  }
  return slowest
}

const redisCache = (port: number) =>
  readCacheConfig({ REDIS_URL: `redis://127.0.0.1:${port}`, CACHE_NAMESPACE: `faults-${randomUUID().slice(0, 8)}` })

describe('REDIS_URL pointing at a port where nothing listens', () => {
  let city: RunningCity
  beforeAll(async () => {
    const cache = redisCache(await freePort())
    expect(cache.mode).toBe('redis')
    city = await startCity(inject('cityDatabaseUrl'), { cache })
  })
  afterAll(async () => {
    await city?.stop()
  })

  it('answers every question as without a cache, each within the bound', async () => {
    const slowest = await askAll(city)
    const again = await askAll(city)
    console.log(`[faults] Redis never reachable: slowest answer ${Math.round(Math.max(slowest, again))} ms`)
    expect(Math.max(slowest, again)).toBeLessThan(BOUND_MS)
  })
})

const redisServer = spawnSync('redis-server', ['--version']).status === 0
if (!redisServer) console.log('[test] Redis going away mid-run skipped: no redis-server on PATH')

function startRedis(port: number): ChildProcess {
  return spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' })
}

async function redisAnswers(port: number, timeoutMs = 10_000): Promise<void> {
  await waitFor(
    `redis-server on ${port} to answer PING`,
    () =>
      new Promise<boolean>(resolve => {
        const s = connect(port, '127.0.0.1', () => s.write('PING\r\n'))
        s.once('data', d => {
          s.destroy()
          resolve(String(d).startsWith('+PONG'))
        })
        s.once('error', () => resolve(false))
      }),
    { timeoutMs, intervalMs: 50 },
  )
}

const stopped = (p: ChildProcess) =>
  new Promise<void>(resolve => {
    if (p.exitCode !== null || p.signalCode !== null) return resolve()
    p.once('exit', () => resolve())
  })

describe.skipIf(!redisServer)('a Redis that goes away while departments serve, and comes back', () => {
  let city: RunningCity
  let redis: ChildProcess
  let port: number
  beforeAll(async () => {
    port = await freePort()
    redis = startRedis(port)
    await redisAnswers(port)
    city = await startCity(inject('cityDatabaseUrl'), { cache: redisCache(port) })
  })
  afterAll(async () => {
    await city?.stop()
    redis?.kill('SIGKILL')
    if (redis) await stopped(redis)
  })

  const hits = () => city.subgraphs.list.reduce((n, s) => n + s.server.cache.stats().hits, 0)

  it('answers from Redis while it is up, as without a cache while it is down, and uses it again once back', async () => {
    await askAll(city)
    const hitsBefore = hits()
    await askAll(city)
    expect(hits()).toBeGreaterThan(hitsBefore) // Redis really serves entries

    redis.kill('SIGKILL')
    await stopped(redis)
    const slowestDown = Math.max(await askAll(city), await askAll(city))

    redis = startRedis(port)
    await redisAnswers(port)
    // ioredis reconnects with backoff; answers stay correct meanwhile and entries are served again.
    let slowestBack = 0
    const until = Date.now() + 15_000
    let hitsAgain = false
    while (!hitsAgain && Date.now() < until) {
      const h = hits()
      slowestBack = Math.max(slowestBack, await askAll(city))
      hitsAgain = hits() > h
    }
    console.log(
      `[faults] Redis killed mid-run: slowest answer while down ${Math.round(slowestDown)} ms, after restart ${Math.round(slowestBack)} ms, cache hits again: ${hitsAgain}`,
    )
    expect(slowestDown).toBeLessThan(BOUND_MS)
    expect(slowestBack).toBeLessThan(BOUND_MS)
    expect(hitsAgain).toBe(true)
  })

  it('does not wait on a Redis that holds connections open but answers nothing (SIGSTOP)', async () => {
    await askAll(city)
    redis.kill('SIGSTOP')
    try {
      const slowest = await askAll(city)
      console.log(`[faults] Redis stopped (SIGSTOP): slowest answer ${Math.round(slowest)} ms`)
      expect(slowest).toBeLessThan(BOUND_MS)
    } finally {
      redis.kill('SIGCONT')
    }
  })
})
