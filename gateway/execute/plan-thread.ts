import { createHash } from 'node:crypto'
import { Worker } from 'node:worker_threads'
import { QueryPlanner, type QueryPlan } from '@graphql-hive/router-query-planner'
import { createSecondSightLru, type SecondSightLru } from '../../platform/document-lru.js'
import type { LruStats } from '../../platform/lru.js'
import { createLogger, type Logger } from '../../platform/logger/create-logger.js'

/**
 * The query planner on a thread of its own. @graphql-hive/router-runtime plans a new document with
 * the Rust planner's `planAsync`, which plans on libuv's pool but builds the plan's JavaScript objects
 * on the event loop, one property at a time through N-API: with eight plans of the district profile in
 * flight, about 225 µs of the event loop per plan, against about 60 µs to take the same plan from the
 * thread, which plans with `plan` and sends it as a structured clone (`npx tsx bench/dev/plan-cost.ts`).
 * On a gateway busy with new documents, that was a tenth of its event loop. One plan at a time the
 * thread saves nothing and the plan arrives some 150 µs later.
 *
 * The runtime creates its planner itself, so the planner's `planAsync` is replaced once per process
 * (`installPlanThread`): it plans on the thread when called inside `planningWith(key, …)` for a
 * supergraph the thread has a planner for, and as before otherwise (with an abort signal, too).
 * One thread serves the process: it keeps a planner for each of the last MAX_SUPERGRAPHS supergraphs
 * loaded (an executor of an older one, still finishing after a reload, plans as before).
 *
 * A plan the planner refuses rejects with the planner's own message. Should the thread exit, or a
 * plan take longer than PLAN_TIMEOUT_MS (the thread is then ended: one document must not hold up
 * every new document's plan), the plans it had in hand fail (those requests answer with an internal
 * error; the gateway lives on) and the next plan starts a new thread, told of the supergraphs again.
 */
export interface PlanThreadStats {
  /** Plans made on the thread. */
  planned: number
  /** Threads started (more than one: a thread exited). */
  started: number
}

export const MAX_SUPERGRAPHS = 4
/** The longest a plan may take on the thread. */
export const PLAN_TIMEOUT_MS = 10_000

type PlanAsync = QueryPlanner['planAsync']

interface Waiting {
  /** When it was sent to the thread (performance.now()). */
  sent: number
  resolve(plan: QueryPlan): void
  reject(err: Error): void
  /** Plans as without the thread (its planner for the supergraph could not be built). */
  planHere(): void
}

interface Reply {
  id: number
  plan?: QueryPlan
  error?: string
  unplanned?: boolean
}

/**
 * Fetch nodes kept, and the bytes estimated for each per character of its text: the node, and what the
 * runtime and the executor keep for it (its parsed document, without locations, about 50 bytes a
 * character, its request body's head, the dedupe verdict).
 */
export const FETCH_NODE_BOUNDS = { maxEntries: 1000, maxBytes: 16 * 1024 * 1024 }
const FETCH_NODE_BYTES_PER_CHARACTER = 80

const WORKER_URL = new URL('./plan-thread-worker.mjs', import.meta.url)

class PlanThread {
  private worker: Worker | null = null
  private readonly waiting = new Map<number, Waiting>()
  /** Supergraphs by key, oldest first: the thread has a planner for each. */
  private readonly supergraphs = new Map<string, string>()
  private nextId = 0
  private watchdog: NodeJS.Timeout | null = null
  /** Why the thread is being ended, for the plans it has in hand. */
  private ending = 'exited'
  timeoutMs = PLAN_TIMEOUT_MS
  readonly stats: PlanThreadStats = { planned: 0, started: 0 }
  /** Fetch nodes of earlier plans, by their text (see internFetchNodes). */
  readonly fetchNodes = createSecondSightLru<object>({ ...FETCH_NODE_BOUNDS, sizeOf: key => key.length * FETCH_NODE_BYTES_PER_CHARACTER })

  load(sdl: string): string {
    const key = createHash('sha256').update(sdl).digest('base64url')
    if (this.supergraphs.has(key)) {
      // The newest again: last to be dropped.
      this.supergraphs.delete(key)
      this.supergraphs.set(key, sdl)
      return key
    }
    this.supergraphs.set(key, sdl)
    this.worker?.postMessage({ type: 'load', key, sdl })
    while (this.supergraphs.size > MAX_SUPERGRAPHS) {
      const oldest = this.supergraphs.keys().next().value!
      this.supergraphs.delete(oldest)
      this.worker?.postMessage({ type: 'drop', key: oldest })
    }
    return key
  }

  has(key: string): boolean {
    return this.supergraphs.has(key)
  }

  plan(key: string, args: Parameters<PlanAsync>, planHere: () => Promise<QueryPlan>): Promise<QueryPlan> {
    const [query, operationName, activeLabels, percentageValue] = args
    const worker = this.started()
    const id = this.nextId++
    return new Promise<QueryPlan>((resolve, reject) => {
      this.waiting.set(id, { sent: performance.now(), resolve, reject, planHere: () => planHere().then(resolve, reject) })
      if (this.waiting.size === 1) worker.ref()
      worker.postMessage({ id, key, query, operationName, activeLabels: [...activeLabels], percentageValue })
    })
  }

  private started(): Worker {
    if (this.worker) return this.worker
    const worker = new Worker(WORKER_URL, { resourceLimits: { maxOldGenerationSizeMb: 128 } })
    this.stats.started++
    this.ending = 'exited'
    // Idle, the thread does not keep the process alive; while plans are out it does.
    worker.unref()
    worker.on('message', (reply: Reply) => this.settle(reply))
    // An exit (a crash, the memory limit, the watchdog) fails the plans in hand; the next plan starts a new thread.
    worker.on('error', err => {
      if (this.ending === 'exited') this.ending = `failed (${err.message})`
    })
    worker.on('exit', code => {
      if (this.worker === worker) this.worker = null
      if (this.watchdog) clearInterval(this.watchdog)
      this.watchdog = null
      const failed = [...this.waiting.values()]
      this.waiting.clear()
      if (this.ending !== 'stopped')
        (log ??= createLogger({ name: 'gateway' })).warn(
          { exitCode: code, plansInHand: failed.length },
          `the query planner thread ${this.ending}; the next plan starts a new one`,
        )
      for (const w of failed) w.reject(new Error(`the query planner thread ${this.ending}`))
    })
    // The oldest plan in hand (the thread plans in order) may not take longer than timeoutMs.
    this.watchdog = setInterval(
      () => {
        const oldest = this.waiting.values().next().value
        if (oldest && this.ending === 'exited' && performance.now() - oldest.sent > this.timeoutMs) {
          this.ending = `took longer than ${this.timeoutMs} ms for a plan and was ended`
          void worker.terminate()
        }
      },
      Math.min(1000, this.timeoutMs),
    ).unref()
    for (const [key, sdl] of this.supergraphs) worker.postMessage({ type: 'load', key, sdl })
    this.worker = worker
    return worker
  }

  private settle(reply: Reply): void {
    const waiting = this.waiting.get(reply.id)
    if (!waiting) return
    this.waiting.delete(reply.id)
    if (this.waiting.size === 0) this.worker?.unref()
    if (reply.plan) {
      this.stats.planned++
      waiting.resolve(internFetchNodes(reply.plan, this.fetchNodes))
    } else if (reply.unplanned) waiting.planHere()
    else waiting.reject(new Error(reply.error))
  }

  /** Ends the thread (tests); the next plan starts a new one. */
  async stop(): Promise<void> {
    if (!this.worker) return
    this.ending = 'stopped'
    await this.worker.terminate()
  }
}

/**
 * The plan with each fetch node that an earlier plan had too (the same text: service, document,
 * variables, requires, rewrites) replaced by that plan's node object. The runtime parses a fetch's
 * document once per node object (and derives its error path from it), the executor writes its request
 * body's head and decides whether it may be shared once per parsed document: a new client document
 * mostly brings fetches planned before (the entity fetches below its root fields), which then cost
 * none of that again. Nodes are kept from their second plan on (SecondSightLru), bounded in entries and
 * bytes; the runtime treats a plan's nodes as read-only, as it does when many requests run one plan.
 */
export function internFetchNodes(plan: QueryPlan, known: SecondSightLru<object>): QueryPlan {
  const walk = (value: Record<string, unknown> | unknown[]) => {
    for (const key in value) {
      const child = (value as Record<string, unknown>)[key]
      if (child === null || typeof child !== 'object') continue
      if (!isFetchNode(child)) walk(child as Record<string, unknown>)
      else {
        const text = JSON.stringify(child)
        const kept = known.get(text)
        if (kept) (value as Record<string, unknown>)[key] = kept
        else known.remember(text, child)
      }
    }
  }
  walk(plan as unknown as Record<string, unknown>)
  return plan
}

const isFetchNode = (value: object) => 'kind' in value && (value.kind === 'Fetch' || value.kind === 'BatchFetch')

/** Told when the thread ends other than by stopPlanThread (created then: most processes never need it). */
let log: Logger | undefined

const thread = new PlanThread()
/** The supergraph whose executor is planning now (set by planningWith around the runtime's executor). */
let current: string | null = null
let installed = false

/**
 * Replaces the Rust planner's `planAsync` (once per process) so that plans asked for inside
 * `planningWith` are made on the thread.
 */
export function installPlanThread(): void {
  if (installed) return
  installed = true
  const planAsync: PlanAsync = QueryPlanner.prototype.planAsync
  QueryPlanner.prototype.planAsync = function (this: QueryPlanner, ...args: Parameters<PlanAsync>) {
    const key = current
    const planHere = () => planAsync.apply(this, args)
    // An abort signal is the planner's own to follow: planned here.
    return key === null || args[4] || !thread.has(key) ? planHere() : thread.plan(key, args, planHere)
  }
}

/** Tells the thread of a supergraph; returns its key for planningWith. */
export function loadSupergraph(sdl: string): string {
  installPlanThread()
  return thread.load(sdl)
}

/**
 * Runs `run` (which calls the runtime's executor: it asks the planner synchronously, within this
 * call, for a document it has no plan for) with plans made on the thread for supergraph `key`.
 */
export function planningWith<T>(key: string, run: () => T): T {
  const outer = current
  current = key
  try {
    return run()
  } finally {
    current = outer
  }
}

/** The fetch nodes kept for later plans (metrics: cache `fetch_nodes`). */
export function fetchNodeCacheStats(): LruStats {
  return thread.fetchNodes.lru.stats()
}

export function planThreadStats(): Readonly<PlanThreadStats> {
  return thread.stats
}

/** The longest a plan may take on the thread (PLAN_TIMEOUT_MS unless set). */
export function setPlanTimeout(ms: number): void {
  thread.timeoutMs = ms
}

export function stopPlanThread(): Promise<void> {
  return thread.stop()
}
