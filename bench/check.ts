import { canonicalJson } from '../platform/canonical-json.js'
import { QUERY_PLAN_HEADER } from './baselines/hive-runtime.js'
import type { LoadTarget } from './load.js'
import type { BenchOperation } from './operations.js'
import type { UniqueDocuments } from './unique-aliases.js'

/**
 * The check every target passes before it is measured: the operation answered with data and without
 * errors for two variable sets; with unique documents, an aliased document answered with the same data
 * as the plain one (aliases taken off again); where asked, the query plan the Rust planner made.
 */
export interface CheckOutcome {
  ok: boolean
  error?: string
  /** The answer to the first variable set, in canonical form (see `canonicalJson`). */
  data?: string
  /** Milliseconds per request, before any load. */
  ms?: number
  /** Fetch nodes of the plan the target reported (only when asked for one). */
  planFetches?: number
}

export interface CheckOptions {
  /** Also send a unique (aliased) document and compare its answer with the plain one. */
  unique?: { documents: UniqueDocuments; n: number }
  /** Ask for the query plan (bench/baselines/hive-router-runtime.ts) and fail without one. */
  queryPlan?: boolean
}

interface GraphQLAnswer {
  data?: Record<string, unknown> | null
  errors?: Array<{ message: string; extensions?: { code?: string } }>
  extensions?: { queryPlan?: unknown }
}

/** Fetch and batch-fetch nodes of a Rust-planner query plan (`kind: 'QueryPlan'`), or null if `plan` is none. */
export function countPlanFetches(plan: unknown): number | null {
  if (!plan || typeof plan !== 'object' || (plan as { kind?: unknown }).kind !== 'QueryPlan') return null
  let fetches = 0
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk)
    if (!node || typeof node !== 'object') return
    const kind = (node as { kind?: unknown }).kind
    if (kind === 'Fetch' || kind === 'BatchFetch') fetches++
    for (const v of Object.values(node)) walk(v)
  }
  walk((plan as { node?: unknown }).node)
  return fetches
}

async function ask(
  target: LoadTarget,
  query: string,
  variables: Record<string, unknown>,
  extraHeaders: Record<string, string> = {},
): Promise<{ answer: GraphQLAnswer } | { error: string }> {
  const res = await fetch(target.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...target.headers(), ...extraHeaders },
    body: JSON.stringify({ query, variables }),
  })
  const text = await res.text()
  let answer: GraphQLAnswer
  try {
    answer = JSON.parse(text)
  } catch {
    return { error: `HTTP ${res.status}: ${text.slice(0, 200)}` }
  }
  if (res.status !== 200 || answer.errors?.length) {
    const e = answer.errors?.[0]
    return { error: `HTTP ${res.status}${e ? `: ${e.message}${e.extensions?.code ? ` (${e.extensions.code})` : ''}` : ''}` }
  }
  if (!answer.data || Object.values(answer.data).some(v => v === null)) return { error: 'no data' }
  return { answer }
}

export async function checkTarget(target: LoadTarget, op: BenchOperation, options: CheckOptions = {}): Promise<CheckOutcome> {
  const t0 = performance.now()
  try {
    let data = ''
    for (const i of [0, 1]) {
      const r = await ask(target, op.query, op.variables(i))
      if ('error' in r) return { ok: false, error: r.error }
      if (i === 0) data = canonicalJson(r.answer.data)
    }
    const ms = Math.round((performance.now() - t0) / 2)
    if (options.unique) {
      const { documents, n } = options.unique
      const r = await ask(target, documents.document(n), op.variables(0))
      if ('error' in r) return { ok: false, error: `unique document: ${r.error}` }
      if (canonicalJson(documents.unalias(r.answer.data!, n)) !== data)
        return { ok: false, error: 'unique document: the aliased answer differs from the plain one' }
    }
    let planFetches: number | undefined
    if (options.queryPlan) {
      const r = await ask(target, op.query, op.variables(0), { [QUERY_PLAN_HEADER]: '1' })
      if ('error' in r) return { ok: false, error: `query plan: ${r.error}` }
      const fetches = countPlanFetches(r.answer.extensions?.queryPlan)
      if (fetches === null) return { ok: false, error: 'no query plan from the Rust planner in the answer' }
      planFetches = fetches
    }
    return { ok: true, data, ms, ...(planFetches !== undefined ? { planFetches } : {}) }
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) }
  }
}
