import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, inject, it, onTestFinished } from 'vitest'
import { createDatabase } from '../helpers/test-database.js'
import { exitedProcess, waitFor } from '../helpers/wait-for.js'

// `npm start` as an operator runs it (scripts/start.ts in its own process, every department a child
// process, the gateway in it), on a database of its own, free ports and a data folder of its own.
// A department killed with SIGKILL comes back by itself; meanwhile the city keeps answering.

const REPO = fileURLToPath(new URL('../../', import.meta.url))
const QUERY = '{ district(code: "05") { name population(year: 2025) { total { value } } } }'

let database: Awaited<ReturnType<typeof createDatabase>>
let dataDir: string
let city: ChildProcess
let output = ''
/** When each line of the output arrived (for the recovery times the test reports). */
const lines: Array<{ at: number; line: string }> = []
const arrival = (pattern: RegExp) => lines.filter(l => pattern.test(l.line)).map(l => l.at)
let graphqlUrl: string
let exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>

/** Pids of each department's instances, in the order `npm start` reported them. */
function pids(name: string): number[] {
  return [...output.matchAll(/\[start\] (\w+) started \(pid (\d+)\)/g)].filter(m => m[1] === name).map(m => Number(m[2]))
}
const allPids = () => [...output.matchAll(/\[start\] \w+ started \(pid (\d+)\)/g)].map(m => Number(m[1]))
const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/**
 * Waits for `check`, giving up at once when `npm start` has exited (nothing it waits for can happen
 * then) or `broken` says why it cannot end well; the failure shows the end of the output.
 */
function until<T>(what: string, check: () => T | Promise<T>, timeoutMs: number, broken: () => string | undefined = () => undefined) {
  const cityExited = exitedProcess(city, 'npm start')
  return waitFor(what, check, {
    timeoutMs,
    intervalMs: 25,
    failIf: () => broken() ?? cityExited(),
    detail: () => `output:\n${output.slice(-4000)}`,
  })
}

async function ask() {
  const res = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: QUERY }),
  })
  return {
    status: res.status,
    ...((await res.json()) as { data?: any; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }),
  }
}

beforeAll(async () => {
  database = await createDatabase(inject('adminUrl'), 'sg_start')
  // Inside the repository: the departments built into it resolve their packages from its node_modules.
  mkdirSync(join(REPO, '.data'), { recursive: true })
  dataDir = mkdtempSync(join(REPO, '.data', 'test-start-'))
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    SEED_PROFILE: 'tiny',
    DATA_DIR: dataDir,
    DEPARTMENT_PORTS: 'auto',
    GATEWAY_PORT: '0',
    DB_POOL_MAX: '2',
    // The callers below ask without pause; on a fast machine that is more than the anonymous budget of 600 a
    // minute, and a 429 is not what this file is about.
    RATE_LIMIT_ANONYMOUS_PER_MINUTE: '0',
  }
  delete env.PORT
  delete env.INTERNAL_TOKEN_SECRET
  city = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'scripts/start.ts')], { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] })
  const collect = (chunk: Buffer) => {
    output += chunk
    for (const line of String(chunk).split('\n')) if (line) lines.push({ at: performance.now(), line })
  }
  city.stdout!.on('data', collect)
  city.stderr!.on('data', collect)
  exited = new Promise(resolve => city.once('exit', (code, signal) => resolve({ code, signal })))
  graphqlUrl = await until('npm start to be ready', () => /Stadtgraph is ready[\s\S]*GraphQL endpoint\s+(\S+)/.exec(output)?.[1], 170_000)
}, 180_000)

afterAll(async () => {
  // Whatever a failed test left running is stopped here; a passing run has stopped it already.
  if (city && city.exitCode === null && city.signalCode === null) city.kill('SIGKILL')
  for (const pid of allPids()) if (alive(pid)) process.kill(pid, 'SIGKILL')
  await database?.drop().catch(() => {})
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

describe('npm start supervises the departments', () => {
  it('answers the whole query while every department runs', async () => {
    const res = await ask()
    expect(res.status).toBe(200)
    expect(res.errors).toBeUndefined()
    expect(res.data.district.name).toEqual(expect.any(String))
    expect(res.data.district.population.total.value).toBeGreaterThan(0)
  })

  it('a department killed with SIGKILL is restarted; meanwhile its fields are null with SUBGRAPH_UNAVAILABLE, the others answer', async () => {
    const [first] = pids('population')
    expect(alive(first)).toBe(true)
    // Under load: three callers ask without pause from before the kill until the test has seen recovery,
    // so some requests are in flight in the department when it dies.
    const answers: Array<Awaited<ReturnType<typeof ask>>> = []
    let loading = true
    /** Why the test cannot pass any more: a caller's request failed, or an answer was not the city's. */
    let broken: string | undefined
    const callers = Array.from({ length: 3 }, async () => {
      try {
        while (loading) answers.push(await ask())
      } catch (err) {
        broken ??= `a caller's request failed: ${(err as Error).message}`
        throw err
      }
    })
    // A failure below leaves the callers running into the city's shutdown: stop them with the test, whatever its end.
    onTestFinished(async () => {
      loading = false
      await Promise.allSettled(callers)
    })
    await until(
      'load to run',
      () => answers.length >= 3,
      10_000,
      () => broken,
    )
    const killedAt = performance.now()
    process.kill(first, 'SIGKILL')
    await until(
      'the exit to be reported',
      () => /\[start\] \[population\] exited with signal SIGKILL after .+; restart 1 in 500 ms/.test(output),
      10_000,
      () => broken,
    )

    // Down: the restart waits 0.5 s at least, so this answer comes from a city without population.
    const degraded = await ask()
    expect(degraded.status).toBe(200)
    expect(degraded.data.district.name).toEqual(expect.any(String))
    expect(degraded.data.district.population).toBeNull()
    expect(degraded.errors?.map(e => [e.extensions?.code, e.extensions?.serviceName])).toContainEqual([
      'SUBGRAPH_UNAVAILABLE',
      'population',
    ])

    // Until it is back, every answer is a 200 with the other department's data; no 5xx.
    const statuses: number[] = []
    const full = await until(
      'full answers again',
      async () => {
        const res = await ask().catch((err: Error) => {
          broken ??= `request failed: ${err.message}`
          throw err
        })
        statuses.push(res.status)
        if (typeof res.data?.district?.name !== 'string')
          broken ??= `an answer without the district's name: ${JSON.stringify(res).slice(0, 300)}`
        return res.errors === undefined && res.data.district.population?.total?.value > 0 ? res : null
      },
      30_000,
      () => broken,
    )
    const recoveredAt = performance.now()
    const [, restartedAt] = arrival(/\[start\] population started/)
    const [, listeningAt] = arrival(/\[population\] subgraph ready/)
    const ms = (from: number, to: number) => Math.round(to - from)
    console.log(
      `[test] population killed: restarted after ${ms(killedAt, restartedAt)} ms, listening after ${ms(killedAt, listeningAt)} ms, ` +
        `full answers after ${ms(killedAt, recoveredAt)} ms (${ms(listeningAt, recoveredAt)} ms after it listened; ${statuses.length} requests meanwhile, all 200)`,
    )
    loading = false
    await Promise.all(callers)
    expect(full.status).toBe(200)
    expect(statuses.filter(s => s !== 200)).toEqual([])
    // Every answer under load: 200, geo's part present, population's either whole or null with SUBGRAPH_UNAVAILABLE.
    const kinds = answers.map(a => {
      if (a.status !== 200 || typeof a.data?.district?.name !== 'string') return `broken ${a.status} ${JSON.stringify(a).slice(0, 300)}`
      if (a.errors === undefined && a.data.district.population?.total?.value > 0) return 'full'
      const codes = a.errors?.map(e => `${e.extensions?.code} ${e.extensions?.serviceName}`) ?? []
      return a.data.district.population === null && codes.length > 0 && codes.every(c => c === 'SUBGRAPH_UNAVAILABLE population')
        ? 'degraded'
        : `broken ${JSON.stringify(a).slice(0, 300)}`
    })
    expect(kinds.filter(k => k.startsWith('broken'))).toEqual([])
    expect(kinds).toContain('degraded')
    console.log(
      `[test] under load (3 callers): ${kinds.filter(k => k === 'full').length} full, ${kinds.filter(k => k === 'degraded').length} degraded answers, no other`,
    )
    const [, second] = pids('population')
    expect(second).toBeGreaterThan(0)
    expect(second).not.toBe(first)
    expect(alive(second)).toBe(true)
  })

  it('SIGTERM stops the whole city cleanly: exit 0, no department left running, the gateway gone', async () => {
    const started = allPids().length
    const mark = output.length
    expect(allPids().filter(alive).length).toBeGreaterThanOrEqual(8)
    city.kill('SIGTERM')
    expect(await exited).toEqual({ code: 0, signal: null })
    expect(allPids().filter(alive)).toEqual([])
    // A department that exits because it was told to stop is not started again.
    expect(allPids()).toHaveLength(started)
    expect(output.slice(mark)).not.toMatch(/restart \d+ in/)
    expect(output.slice(mark)).toMatch(/\[population\] stopped in \d+ ms/)
    await expect(fetch(graphqlUrl.replace(/\/graphql$/, '/healthz'))).rejects.toThrow()
  }, 60_000)
})
