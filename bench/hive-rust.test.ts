import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { composeSupergraph } from '../schema/compose.js'
import { freePort } from '../platform/db/embedded-postgres.js'
import { startSubgraphs, TEST_INTERNAL_SECRET, type RunningSubgraphs } from '../test/helpers/start-subgraphs.js'
import { waitFor } from './processes.js'
import { checkTarget } from './check.js'
import { measure, type LoadTarget } from './load.js'
import { OPERATIONS } from './operations.js'
import { uniqueDocuments } from './unique-aliases.js'

// The Rust-planner baseline for real: the built entry under node, the city's departments behind it, the
// benchmark's own check (query plan included) and a short unique-document load.
let subgraphs: RunningSubgraphs
const work = mkdtempSync(join(tmpdir(), 'bench-hive-rust-'))
const children: ChildProcess[] = []

async function startBaseline(env: Record<string, string> = {}): Promise<LoadTarget> {
  const port = await freePort()
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/baselines/hive-router-runtime.ts'], {
    env: {
      ...process.env,
      SUPERGRAPH_PATH: join(work, 'supergraph.graphql'),
      INTERNAL_TOKEN_SECRET: TEST_INTERNAL_SECRET,
      PORT: String(port),
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  children.push(child)
  let stderr = ''
  child.stderr!.on('data', chunk => (stderr += chunk))
  const url = `http://127.0.0.1:${port}/graphql`
  await waitFor(
    'hive-router-runtime',
    async () =>
      (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' })).ok,
    60_000,
  )
  expect(stderr).toContain('supergraph handled by @graphql-hive/router-runtime')
  return { url, pid: child.pid!, backendPids: [], headers: () => ({}) }
}

beforeAll(async () => {
  subgraphs = await startSubgraphs(inject('cityDatabaseUrl'))
  writeFileSync(
    join(work, 'supergraph.graphql'),
    composeSupergraph(subgraphs.list.map(s => ({ name: s.def.name, url: s.server.url, typeDefs: s.def.typeDefs }))),
  )
})
afterAll(async () => {
  for (const c of children) c.kill('SIGTERM')
  await subgraphs?.stop()
  rmSync(work, { recursive: true, force: true })
})

describe('Hive gateway runtime with the Rust planner (benchmark baseline)', () => {
  it('answers the benchmark operations with the Rust planner, unique documents included, and under load without errors', async () => {
    const target = await startBaseline()
    for (const name of ['DistrictProfile', 'DeepCrossDepartment']) {
      const op = OPERATIONS.find(o => o.name === name)!
      const documents = uniqueDocuments(op.query)
      const result = await checkTarget(target, op, { unique: { documents, n: 1 }, queryPlan: true })
      expect(result, name).toMatchObject({ ok: true })
      expect(result.planFetches, name).toBeGreaterThanOrEqual(5)
    }
    const op = OPERATIONS.find(o => o.name === 'DistrictProfile')!
    const documents = uniqueDocuments(op.query)
    let i = 0
    const body = () => JSON.stringify({ query: documents.document(1000 + i), variables: op.variables(i++) })
    const load = await measure(target, body, { connections: 4, warmupSeconds: 0, durationSeconds: 1, timeoutSeconds: 20 })
    expect(load.requests).toBeGreaterThan(0)
    expect({ errors: load.errors, non2xx: load.non2xx, graphqlErrors: load.graphqlErrors }).toEqual({
      errors: 0,
      non2xx: 0,
      graphqlErrors: 0,
    })
  }, 120_000)

  it('shares identical subgraph fetches in flight by default, and not with UPSTREAM_DEDUPE=off', async () => {
    const [on, off] = await Promise.all([startBaseline(), startBaseline({ UPSTREAM_DEDUPE: 'off' })])
    const op = OPERATIONS.find(o => o.name === 'DistrictProfile')!
    const body = JSON.stringify({ query: op.query, variables: op.variables(3) })
    const burst = async (target: LoadTarget) => {
      subgraphs.resetStatements()
      const answers = await Promise.all(
        Array.from({ length: 8 }, () =>
          fetch(target.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then(r => r.json()),
        ),
      )
      expect(answers.every(a => a.data?.district && !a.errors)).toBe(true)
      return Object.values(subgraphs.statements()).reduce((a, b) => a + b, 0)
    }
    // A first burst each makes and caches the plan, so the measured bursts differ only in deduplication.
    await burst(on)
    await burst(off)
    const shared = await burst(on)
    const separate = await burst(off)
    expect(shared).toBeLessThan(separate)
  }, 120_000)
})
