import { readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { QueryPlanner } from '@graphql-hive/router-query-planner'

// What the Rust query planner costs per new document, and where: `planAsync` (as the gateway's runtime calls
// it) plans on libuv's thread pool, so the event loop pays only for the call and for taking the plan over,
// while the process (and, on a small machine, the cores the gateway shares with the departments) pays for
// the whole plan. Each request plans the district profile with a root alias of its own, as the benchmark's
// unique-document mode sends it.
//
//   npx tsx bench/dev/plan-cost.ts [plans=2000]
const PLANS = Number(process.argv[2] ?? 2000)
const sdl = readFileSync(new URL('../../schema/supergraph.graphql', import.meta.url), 'utf8')
const query = readFileSync(new URL('../operations/district-profile.graphql', import.meta.url), 'utf8')
const planner = new QueryPlanner(sdl)
let counter = 0
const next = () => query.replace('district(code', `r${counter++}_district: district(code`)

for (const concurrency of [1, 8, 1, 8]) {
  const loop0 = performance.eventLoopUtilization()
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  let left = PLANS
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (left-- > 0) await planner.planAsync(next(), 'DistrictProfile', new Set(), 50)
    }),
  )
  const loop = performance.eventLoopUtilization(loop0)
  const cpu = process.cpuUsage(cpu0)
  const us = (ms: number) => ((ms / PLANS) * 1000).toFixed(0)
  console.log(
    `${concurrency} at a time: ${us(performance.now() - t0)} µs wall per plan, event loop busy ${us(loop.active)} µs, ` +
      `process CPU ${((cpu.user + cpu.system) / PLANS).toFixed(0)} µs per plan`,
  )
}
