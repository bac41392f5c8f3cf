import { readFileSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import { QueryPlanner } from '@graphql-hive/router-query-planner'
import { OPERATIONS } from '../../bench/operations.js'
import { createSecondSightLru } from '../../platform/document-lru.js'
import {
  internFetchNodes,
  loadSupergraph,
  MAX_SUPERGRAPHS,
  PLAN_TIMEOUT_MS,
  planningWith,
  planThreadStats,
  setPlanTimeout,
  stopPlanThread,
} from './plan-thread.js'

const sdl = readFileSync(new URL('../../schema/supergraph.graphql', import.meta.url), 'utf8')
const NO_LABELS = new Set<string>()

afterAll(() => stopPlanThread())

/** What a planning call settles to: its plan, or its error's message. */
const outcome = (planning: Promise<unknown>) =>
  planning.then(
    plan => ({ plan }),
    (err: Error) => ({ error: err.message }),
  )

describe('the query planner thread', () => {
  const key = loadSupergraph(sdl)
  const planner = new QueryPlanner(sdl)

  it('plans as the planner does on the event loop, and refuses what it refuses with the same message', async () => {
    const documents = [
      ...OPERATIONS.map(op => [op.query, op.name] as const),
      ...OPERATIONS.map(op => [op.query.replace(/\{/, '{ r7_a: __typename '), op.name] as const),
      ['{ districts { code } } { districts { name } }', null] as const,
      ['{ noSuchField }', null] as const,
      ['{ districts { code } }', 'NoSuchOperation'] as const,
    ]
    const before = planThreadStats().planned
    let refused = 0
    for (const [query, name] of documents) {
      const here = await outcome(planner.planAsync(query, name, NO_LABELS, 50))
      const there = await outcome(planningWith(key, () => planner.planAsync(query, name, NO_LABELS, 50)))
      expect(there, query).toEqual(here)
      if ('error' in here) refused++
    }
    expect(refused).toBeGreaterThanOrEqual(2)
    expect(planThreadStats().planned - before).toBe(documents.length - refused)
  })

  it('plans on the event loop outside planningWith, with an abort signal, and for a supergraph it dropped', async () => {
    const [query, name] = [OPERATIONS[0].query, OPERATIONS[0].name]
    const before = planThreadStats().planned
    await planner.planAsync(query, name, NO_LABELS, 50)
    await planningWith(key, () => planner.planAsync(query, name, NO_LABELS, 50, new AbortController().signal))
    expect(planThreadStats().planned).toBe(before)

    // Newer supergraphs push the oldest out (here: the same graph with a different description each).
    const first = loadSupergraph(`${sdl}\n# 0`)
    for (let i = 1; i <= MAX_SUPERGRAPHS; i++) loadSupergraph(`${sdl}\n# ${i}`)
    const plan = await planningWith(first, () => planner.planAsync(query, name, NO_LABELS, 50))
    expect(plan).toEqual(await planner.planAsync(query, name, NO_LABELS, 50))
    expect(planThreadStats().planned).toBe(before)
    // The supergraph in use is loaded again (a reload of the same graph) and plans on the thread.
    const again = loadSupergraph(sdl)
    expect(again).toBe(key)
    await planningWith(key, () => planner.planAsync(query, name, NO_LABELS, 50))
    expect(planThreadStats().planned).toBe(before + 1)
  })

  it('fails the plans in hand when the thread exits, and plans on a new thread afterwards', async () => {
    const [query, name] = [OPERATIONS[1].query, OPERATIONS[1].name]
    // A new thread is still starting when it is stopped: the plan is surely in its hands.
    await stopPlanThread()
    const started = planThreadStats().started
    const inHand = outcome(planningWith(key, () => planner.planAsync(query, name, NO_LABELS, 50)))
    await stopPlanThread()
    expect(await inHand).toEqual({ error: 'the query planner thread stopped' })
    const before = planThreadStats().planned
    const plan = await planningWith(key, () => planner.planAsync(query, name, NO_LABELS, 50))
    expect(plan).toEqual(await planner.planAsync(query, name, NO_LABELS, 50))
    expect(planThreadStats()).toMatchObject({ planned: before + 1, started: started + 2 })
  })

  it('ends a thread whose plan takes too long, failing the plans in hand, and plans on a new thread afterwards', async () => {
    const [query, name] = [OPERATIONS[2].query, OPERATIONS[2].name]
    await stopPlanThread()
    // A new thread cannot answer within a millisecond: its plan is surely late.
    setPlanTimeout(1)
    try {
      const late = outcome(planningWith(key, () => planner.planAsync(query, name, NO_LABELS, 50)))
      expect(await late).toEqual({ error: 'the query planner thread took longer than 1 ms for a plan and was ended' })
    } finally {
      setPlanTimeout(PLAN_TIMEOUT_MS)
      await stopPlanThread()
    }
    const before = planThreadStats().planned
    expect(await planningWith(key, () => planner.planAsync(query, name, NO_LABELS, 50))).toEqual(
      await planner.planAsync(query, name, NO_LABELS, 50),
    )
    expect(planThreadStats().planned).toBe(before + 1)
  })

  it('reuses the fetch nodes of earlier plans from their second plan on, and only identical ones', async () => {
    const op = OPERATIONS.find(o => o.name === 'DistrictProfile')!
    const known = createSecondSightLru<object>({ maxEntries: 100, maxBytes: 1e7, sizeOf: key => key.length })
    const fetches = (value: unknown, found: Record<string, unknown>[] = []): Record<string, unknown>[] => {
      if (Array.isArray(value)) for (const v of value) fetches(v, found)
      else if (value && typeof value === 'object') {
        const node = value as Record<string, unknown>
        if (node.kind === 'Fetch' || node.kind === 'BatchFetch') found.push(node)
        else for (const v of Object.values(node)) fetches(v, found)
      }
      return found
    }
    // Each with a root alias of its own, as a client sending new documents does.
    const plans = []
    for (let n = 0; n < 3; n++) {
      const query = op.query.replace('district(code', `r${n}_district: district(code`)
      const plan = await planner.planAsync(query, op.name, NO_LABELS, 50)
      const copy = JSON.parse(JSON.stringify(plan))
      expect(internFetchNodes(plan, known)).toEqual(copy)
      plans.push(fetches(plan))
    }
    const [first, second, third] = plans
    expect(first.length).toBeGreaterThanOrEqual(5)
    const same = third.filter((node, i) => node === second[i])
    // The entity fetches are the same for every alias: kept from the second plan, reused by the third.
    expect(same.length).toBe(third.length - 1)
    expect(third.filter((node, i) => node === first[i])).toEqual([])
    // The root fetch carries the alias: never reused.
    const root = third.find(node => !same.includes(node))!
    expect(root.operation).toContain('r2_district')
  })
})
