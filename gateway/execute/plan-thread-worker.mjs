// The query planner's thread (gateway/execute/plan-thread.ts): plans documents with the Rust planner,
// one query planner per supergraph the gateway told it of. Plain JavaScript, so the gateway's sources,
// its test runner and its bundle all start it from this file as it is.
import { parentPort } from 'node:worker_threads'
import { QueryPlanner } from '@graphql-hive/router-query-planner'

/** Planners by supergraph key; the gateway drops the ones it no longer plans with. */
const planners = new Map()

parentPort.on('message', message => {
  if (message.type === 'load') {
    try {
      planners.set(message.key, new QueryPlanner(message.sdl))
    } catch (err) {
      // Told with the first plan asked for it: the gateway then plans on its own thread.
      planners.set(message.key, err instanceof Error ? err : new Error(String(err)))
    }
    return
  }
  if (message.type === 'drop') {
    planners.delete(message.key)
    return
  }
  const { id, key, query, operationName, activeLabels, percentageValue } = message
  const planner = planners.get(key)
  try {
    if (!planner) throw new Error(`no query planner for supergraph ${key}`)
    if (planner instanceof Error) throw planner
    parentPort.postMessage({ id, plan: planner.plan(query, operationName, new Set(activeLabels), percentageValue) })
  } catch (err) {
    parentPort.postMessage({ id, error: err instanceof Error ? err.message : String(err), unplanned: !planner || planner instanceof Error })
  }
})
