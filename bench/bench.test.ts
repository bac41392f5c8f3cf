import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ApolloGateway } from '@apollo/gateway'
import { parse, validate, type FieldNode, type OperationDefinitionNode } from 'graphql'
import { subgraphUrls, withoutRequiresScopes } from './baselines/supergraph-for-baselines.js'
import { OPERATIONS } from './operations.js'
import { parseOptions, UsageError } from './options.js'
import { combineRounds, type LoadResult } from './load.js'
import { markdown, ratios, targetLabel, type BenchReport, type RunResult } from './report.js'
import { uniqueDocuments } from './unique-aliases.js'
import { canonicalJson } from '../platform/canonical-json.js'
import { countPlanFetches } from './check.js'
import { dedupeSettings } from './dedupe-settings.js'
import { upstreamDedupe } from './baselines/hive-runtime.js'
import { ProcessGroup } from './processes.js'

// The benchmark itself is not a test (no timing assertions); these check that its pieces stay valid
// as the supergraph and the operations evolve.
const supergraph = readFileSync(new URL('../schema/supergraph.graphql', import.meta.url), 'utf8')

describe('benchmark harness', () => {
  it('gives @apollo/gateway a supergraph it loads (without @requiresScopes), with every subgraph URL kept', async () => {
    await expect(new ApolloGateway({ supergraphSdl: supergraph }).load()).rejects.toThrow(/requiresScopes/)
    const stripped = withoutRequiresScopes(supergraph)
    expect(stripped).not.toMatch(/requiresScopes/)
    const gateway = new ApolloGateway({ supergraphSdl: stripped })
    await gateway.load()
    await gateway.stop()
    expect([...subgraphUrls(stripped).keys()].sort()).toEqual([...subgraphUrls(supergraph).keys()].sort())
    expect(subgraphUrls(supergraph).size).toBeGreaterThanOrEqual(5)
  })

  it('has operations that are valid against the current supergraph for every variable set', async () => {
    const gateway = new ApolloGateway({ supergraphSdl: withoutRequiresScopes(supergraph) })
    const { schema } = await gateway.load()
    for (const op of OPERATIONS) {
      expect(
        validate(schema!, parse(op.query)).map(e => e.message),
        op.name,
      ).toEqual([])
      const sets = new Set(Array.from({ length: op.distinct * 2 }, (_, i) => JSON.stringify(op.variables(i))))
      expect(sets.size, `${op.name} distinct variable sets`).toBe(op.distinct)
    }
    await gateway.stop()
  })

  it('parses flags and refuses unknown ones with the usage', () => {
    const o = parseOptions(['--profile', 'large', '--connections=10', '--modes', 'distinct', '--no-propagation'])
    expect(o).toMatchObject({
      profile: 'large',
      connections: 10,
      modes: ['distinct'],
      propagation: false,
      durationSeconds: 4,
      departments: ['uncached', 'cached'],
    })
    expect(parseOptions(['--departments', 'cached']).departments).toEqual(['cached'])
    expect(() => parseOptions(['--departments', 'warm'])).toThrow(/uncached, cached/)
    expect(() => parseOptions(['--profile', 'huge'])).toThrow(UsageError)
    expect(() => parseOptions(['--targets', 'ours,nginx'])).toThrow(/nginx/)
    expect(() => parseOptions(['--duration', '0'])).toThrow(/positive/)
    expect(() => parseOptions(['--frobnicate', '1'])).toThrow(/unknown flag/)
  })

  it('knows the unique-document mode and the Rust-planner and dedupe-off targets, all by default', () => {
    const o = parseOptions([
      '--modes',
      'distinct,identical,unique',
      '--targets',
      'ours,hive-rust,hive,apollo,ours-dedupe-off,hive-rust-dedupe-off',
    ])
    expect(o.modes).toEqual(['distinct', 'identical', 'unique'])
    expect(o.targets).toEqual(['ours', 'hive-rust', 'hive', 'apollo', 'ours-dedupe-off', 'hive-rust-dedupe-off'])
    expect(parseOptions([]).modes).toEqual(['distinct', 'identical', 'unique'])
    expect(parseOptions([]).targets).toEqual(expect.arrayContaining(['hive-rust', 'hive-rust-dedupe-off', 'ours-dedupe-off']))
    expect(() => parseOptions(['--modes', 'unique,random'])).toThrow(/random.*distinct, identical, unique/)
    expect(() => parseOptions(['--targets', 'hive-js'])).toThrow(/hive-js/)
  })

  it('makes a new, valid document for every unique request and reads its answer back like the plain one', async () => {
    const gateway = new ApolloGateway({ supergraphSdl: withoutRequiresScopes(supergraph) })
    const { schema } = await gateway.load()
    await gateway.stop()
    for (const op of OPERATIONS) {
      const unique = uniqueDocuments(op.query)
      const docs = [0, 1, 2, 1234].map(n => unique.document(n))
      expect(new Set(docs).size, op.name).toBe(docs.length)
      for (const doc of docs)
        expect(
          validate(schema!, parse(doc)).map(e => e.message),
          op.name,
        ).toEqual([])
      // Same operation name and variables, only the root response keys differ.
      const root = (doc: string) =>
        (parse(doc).definitions[0] as OperationDefinitionNode).selectionSet.selections.map(s => (s as FieldNode).alias?.value)
      expect(
        root(docs[3]).every(a => a?.startsWith('r1234_')),
        op.name,
      ).toBe(true)
      expect(parse(docs[3]).definitions[0]).toMatchObject({ name: { value: op.name } })
    }
    const unique = uniqueDocuments('query Q($c: ID!) { district(code: $c) { name } d2: district(code: "2") { code } }')
    expect(unique.document(7)).toContain('r7_district: district(code: $c)')
    expect(unique.document(7)).toContain('r7_d2: district(code: "2")')
    const plain = { district: { name: 'Innenstadt' }, d2: { code: '2' } }
    const aliased = { r7_d2: { code: '2' }, r7_district: { name: 'Innenstadt' } }
    expect(canonicalJson(unique.unalias(aliased, 7))).toBe(canonicalJson(plain))
    // An answer to another request's document does not pass for this one.
    expect(canonicalJson(unique.unalias(aliased, 8))).not.toBe(canonicalJson(plain))
    expect(() => uniqueDocuments('fragment F on District { name }')).toThrow(/one operation/)
  })

  it('recognises a query plan of the Rust planner and nothing else', () => {
    const fetch = (serviceName: string) => ({ kind: 'Fetch', serviceName, operation: '{ x }' })
    const plan = {
      kind: 'QueryPlan',
      node: {
        kind: 'Sequence',
        nodes: [fetch('geo'), { kind: 'Parallel', nodes: [fetch('population'), { kind: 'Flatten', node: fetch('education') }] }],
      },
    }
    expect(countPlanFetches(plan)).toBe(3)
    expect(countPlanFetches({ kind: 'QueryPlan' })).toBe(0)
    expect(countPlanFetches(undefined)).toBeNull()
    expect(countPlanFetches({ kind: 'Sequence', nodes: [fetch('geo')] })).toBeNull()
  })

  it("names every target's deduplication; the Hive baselines read UPSTREAM_DEDUPE", () => {
    const built = dedupeSettings(true, {})
    expect(built.ours).toBe('operations on, subgraph fetches on')
    expect(built['ours-dedupe-off']).toBe('operations off, subgraph fetches off')
    expect(built['hive-rust']).toBe('operations off, subgraph fetches on')
    expect(built['hive-rust-dedupe-off']).toBe('operations off, subgraph fetches off')
    expect(built.apollo).toMatch(/none/)
    expect(built.direct).toBeUndefined()
    expect(dedupeSettings(false, {}).ours).toBe('operations on, subgraph fetches not in this build')
    expect(dedupeSettings(true, { SUBGRAPH_DEDUPE: 'off' }).ours).toMatch(/subgraph fetches off/)
    expect(targetLabel('hive-rust', built)).toBe('Hive gateway runtime (Rust planner); dedupe: operations off, subgraph fetches on')
    expect(targetLabel('hive-rust', undefined)).toBe('Hive gateway runtime (Rust planner)')
    expect(upstreamDedupe(undefined)).toBe(true)
    expect(upstreamDedupe('off')).toBe(false)
    expect(() => upstreamDedupe('no')).toThrow(/UPSTREAM_DEDUPE/)
  })

  it('combines interleaved rounds into one row: totals, throughput and CPU over all rounds, median latencies', () => {
    expect(parseOptions(['--rounds', '4']).rounds).toBe(4)
    expect(parseOptions([]).rounds).toBe(1)
    expect(() => parseOptions(['--rounds', '0'])).toThrow(/positive/)
    const r = (
      requests: number,
      rps: number,
      p95: number,
      cpuMsPerRequest: number,
      peakRssMb: number,
      loadGenerator = 0.3,
    ): LoadResult => ({
      requests,
      rps,
      p50: p95 / 2,
      p95,
      p99: p95 * 2,
      errors: 1,
      non2xx: 0,
      graphqlErrors: 0,
      cpuCores: 0.5,
      cpuMsPerRequest,
      peakRssMb,
      backendCpuCores: 0.2,
      loadGeneratorCpuCores: loadGenerator,
    })
    // 200 requests in 2 s, 100 in 2 s, 300 in 2 s: 600 in 6 s.
    expect(combineRounds([r(200, 100, 10, 1, 200, 0.2), r(100, 50, 30, 4, 220, 0.3), r(300, 150, 20, 2, 210, 0.4)])).toEqual({
      requests: 600,
      rps: 100,
      p50: 10,
      p95: 20,
      p99: 40,
      errors: 3,
      non2xx: 0,
      graphqlErrors: 0,
      cpuCores: 0.5,
      cpuMsPerRequest: 2,
      peakRssMb: 220,
      backendCpuCores: 0.2,
      loadGeneratorCpuCores: 0.3,
    })
  })

  it('computes throughput ratios per department setup, operation and mode', () => {
    const run = (target: RunResult['target'], rps: number, departments?: RunResult['departments']): RunResult =>
      ({ target, operation: 'Op', mode: 'distinct', rps, ...(departments ? { departments } : {}) }) as RunResult
    expect(
      ratios([
        run('ours', 300),
        run('apollo', 150),
        run('hive', 250),
        run('hive-rust', 400),
        run('ours-dedupe-off', 280),
        run('hive-rust-dedupe-off', 200),
        run('ours-authz-off', 310),
        run('ours-metrics-off', 306),
        run('ours', 900, 'cached'),
        run('apollo', 400, 'cached'),
      ]),
    ).toEqual([
      // Runs without a setup come from results written before both were measured: uncached.
      {
        departments: 'uncached',
        operation: 'Op',
        mode: 'distinct',
        oursVsApollo: 2,
        oursVsHive: 1.2,
        oursVsHiveRust: 0.75,
        dedupeOffOursVsHiveRust: 1.4,
        oursVsDirect: null,
        authzOnVsOff: 0.97,
        metricsOnVsOff: 0.98,
      },
      {
        departments: 'cached',
        operation: 'Op',
        mode: 'distinct',
        oursVsApollo: 2.25,
        oursVsHive: null,
        oursVsHiveRust: null,
        dedupeOffOursVsHiveRust: null,
        oursVsDirect: null,
        authzOnVsOff: null,
        metricsOnVsOff: null,
      },
    ])
  })

  it('renders one section per department setup and still renders results written before setups existed', () => {
    const run = (target: RunResult['target'], rps: number, departments?: RunResult['departments']): RunResult =>
      ({
        target,
        operation: 'Op',
        mode: 'distinct',
        rps,
        p50: 1,
        p95: 2,
        p99: 3,
        errors: 0,
        non2xx: 0,
        graphqlErrors: 0,
        requests: 10,
        ...(departments ? { departments } : {}),
      }) as RunResult
    const report = (runs: RunResult[]): BenchReport => ({
      date: '2026-11-26T00:00:00Z',
      profile: 'small',
      machine: { cpus: 2, loadAverageAtStart: [0.1, 0.1, 0.1], node: 'v20', platform: 'linux-x64' },
      settings: { connections: 20, warmupSeconds: 1, durationSeconds: 2, timeoutSeconds: 10, modes: ['distinct'] },
      database: { seeded: false, seedMs: 0, rows: {} },
      notes: [],
      operations: [],
      checks: [],
      runs,
      ratios: [],
      policyPropagationMs: null,
    })
    const both = markdown(
      report([run('ours', 300, 'uncached'), run('apollo', 150, 'uncached'), run('ours', 900, 'cached'), run('apollo', 400, 'cached')]),
    )
    expect(both).toContain('#### Departments uncached')
    expect(both).toContain('#### Departments cached')
    expect(both.indexOf('| Op | distinct | 2 |')).toBeLessThan(both.indexOf('| Op | distinct | 2.25 |'))
    const old = markdown(report([run('ours', 300), run('apollo', 150)]))
    expect(old).not.toContain('#### Departments')
    expect(old).toContain('| Op | distinct | 2 |')
  })

  it('refuses to measure once a server of the run has exited (its port taken by another process)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-group-'))
    const group = new ProcessGroup()
    try {
      writeFileSync(join(dir, 'stays.mjs'), 'setInterval(() => {}, 1000)\n')
      writeFileSync(join(dir, 'exits.mjs'), 'process.exit(3)\n')
      group.spawnNode(join(dir, 'stays.mjs'), {}, [], 'department geo')
      group.assertRunning()
      const exits = group.spawnNode(join(dir, 'exits.mjs'), {}, [], 'department finance')
      await new Promise(resolve => exits.once('exit', resolve))
      expect(() => group.assertRunning()).toThrow(/department finance exited \(3\).*port/)
    } finally {
      await group.stop()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
