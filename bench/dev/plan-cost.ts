import { readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { QueryPlanner } from '@graphql-hive/router-query-planner'
import { loadSupergraph, planningWith, planThreadStats, stopPlanThread } from '../../gateway/execute/plan-thread.js'

// What the Rust query planner costs per new document, and where. `planAsync` as the runtime calls it plans on
// libuv's thread pool, but builds the plan's JavaScript objects on the event loop (through N-API); on the
// planner's thread (gateway/execute/plan-thread.ts, as the gateway plans) the event loop only posts the
// document and takes the plan over as a structured clone. Each request plans the district profile with a
// root alias of its own, as the benchmark's unique-document mode sends it; one and eight plans at a time.
//
//   npx tsx bench/dev/plan-cost.ts [plans=2000]
const PLANS = Number(process.argv[2] ?? 2000)
const sdl = readFileSync(new URL('../../schema/supergraph.graphql', import.meta.url), 'utf8')
const query = readFileSync(new URL('../operations/district-profile.graphql', import.meta.url), 'utf8')
const planner = new QueryPlanner(sdl)
const supergraph = loadSupergraph(sdl)
let counter = 0
const next = () => query.replace('district(code', `r${counter++}_district: district(code`)
const noLabels = new Set<string>()
const variants: [string, (query: string) => Promise<unknown>][] = [
  ['planAsync on the event loop', q => planner.planAsync(q, 'DistrictProfile', noLabels, 50)],
  ['on the planner thread', q => planningWith(supergraph, () => planner.planAsync(q, 'DistrictProfile', noLabels, 50))],
]

for (let round = 0; round < 2; round++) {
  for (const [label, plan] of variants) {
    for (const concurrency of [1, 8]) {
      const loop0 = performance.eventLoopUtilization()
      const cpu0 = process.cpuUsage()
      const t0 = performance.now()
      let left = PLANS
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (left-- > 0) await plan(next())
        }),
      )
      const loop = performance.eventLoopUtilization(loop0)
      const cpu = process.cpuUsage(cpu0)
      const us = (ms: number) => ((ms / PLANS) * 1000).toFixed(0)
      console.log(
        `${label}, ${concurrency} at a time: ${us(performance.now() - t0)} µs wall per plan, event loop busy ${us(loop.active)} µs, ` +
          `process CPU ${((cpu.user + cpu.system) / PLANS).toFixed(0)} µs per plan`,
      )
    }
  }
}
console.log(`plans made on the planner thread: ${planThreadStats().planned}`)
await stopPlanThread()
