import { readFileSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import { QueryPlanner } from '@graphql-hive/router-query-planner'
import { OPERATIONS } from '../../bench/operations.js'
import { loadSupergraph, MAX_SUPERGRAPHS, planningWith, planThreadStats, stopPlanThread } from './plan-thread.js'

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
    expect(await inHand).toEqual({ error: 'the query planner thread exited' })
    const before = planThreadStats().planned
    const plan = await planningWith(key, () => planner.planAsync(query, name, NO_LABELS, 50))
    expect(plan).toEqual(await planner.planAsync(query, name, NO_LABELS, 50))
    expect(planThreadStats()).toMatchObject({ planned: before + 1, started: started + 2 })
  })
})
