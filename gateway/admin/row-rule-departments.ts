import type { InternalIdentity } from '../../auth/internal/internal-token.js'
import type { DeclaredRowRuleTarget, RowRuleDepartments } from '../../auth/policy/admin-schema.js'
import type { InternalSigner } from '../transport/sign-headers.js'

/** A department that did not answer (`department` names it; the admin API answers SUBGRAPH_UNAVAILABLE). */
export class DepartmentUnavailableError extends Error {
  constructor(
    readonly department: string,
    reason: string,
  ) {
    super(`department ${department} did not answer: ${reason}`)
  }
}

export interface RowRuleDepartmentsOptions {
  subgraphs: () => ReadonlyArray<{ name: string; url: string }>
  /** The served supergraph's hash: the declared targets are asked once per supergraph, and again when it changes. */
  supergraphHash: () => string
  signer: InternalSigner
  timeoutMs?: number
}

/** The gateway itself asks: no roles of a caller, no scopes, no data. */
const LISTING_IDENTITY: InternalIdentity = Object.freeze({
  subject: 'stadtgraph-gateway',
  roles: ['stadtgraph-gateway'],
  department: null,
  purpose: null,
  authenticated: true,
  aggregateOnly: true,
  policyVersion: 0,
  scopes: [],
})

/** A department's `/row-rules` beside its `/graphql`. */
function rowRulesUrl(graphqlUrl: string, path: string): string {
  const url = new URL(graphqlUrl)
  url.pathname = url.pathname.replace(/\/graphql\/?$/, '') + path
  url.search = ''
  return url.toString()
}

const isTarget = (t: unknown): t is Omit<DeclaredRowRuleTarget, 'department'> => {
  const r = t as Record<string, unknown> | null
  return (
    typeof r === 'object' &&
    r !== null &&
    typeof r.coordinate === 'string' &&
    typeof r.field === 'string' &&
    Array.isArray(r.columns) &&
    r.columns.every(c => typeof c === 'string')
  )
}

type Listing = Awaited<ReturnType<RowRuleDepartments['targets']>>

/** A copy the caller may change without changing the cached listing. */
const copyOf = (listing: Listing): Listing => ({
  targets: listing.targets.map(t => ({ ...t, columns: [...t.columns] })),
  unreachable: [...listing.unreachable],
})

/**
 * The departments' `/row-rules` (lib/service/row-rule-route.ts), called with an internal token
 * signed for each department, like a subgraph call. A department without row rules answers 404.
 *
 * A department declares its targets with its schema, so the listing is kept for the supergraph it
 * was asked under (one entry: a new supergraph hash replaces it) instead of asking every department
 * on every admin call. A listing with a department that did not answer is not kept: the next call asks again.
 */
export function createRowRuleDepartments({
  subgraphs,
  supergraphHash,
  signer,
  timeoutMs = 5_000,
}: RowRuleDepartmentsOptions): RowRuleDepartments {
  const call = async (name: string, path: string, identity: InternalIdentity, body?: unknown): Promise<Response> => {
    if (!signer) throw new DepartmentUnavailableError(name, 'the gateway has no internal token secret')
    const sub = subgraphs().find(s => s.name === name)
    if (!sub) throw new DepartmentUnavailableError(name, 'not in the served supergraph')
    try {
      return await fetch(rowRulesUrl(sub.url, path), {
        method: body === undefined ? 'GET' : 'POST',
        headers: {
          'x-stadtgraph-internal': signer.sign(identity, name),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      })
    } catch (err) {
      throw new DepartmentUnavailableError(name, err instanceof Error ? err.message : String(err))
    }
  }
  const listTargets = async (): Promise<Listing> => {
    const unreachable: string[] = []
    const perDepartment = await Promise.all(
      subgraphs().map(async ({ name }) => {
        try {
          const res = await call(name, '/row-rules', LISTING_IDENTITY)
          if (res.status === 404) return []
          if (!res.ok) throw new DepartmentUnavailableError(name, `HTTP ${res.status}`)
          const json = (await res.json()) as { targets?: unknown }
          if (!Array.isArray(json.targets) || !json.targets.every(isTarget)) throw new DepartmentUnavailableError(name, 'malformed answer')
          return json.targets.map(t => ({ department: name, coordinate: t.coordinate, field: t.field, columns: [...t.columns] }))
        } catch {
          unreachable.push(name)
          return []
        }
      }),
    )
    return {
      targets: perDepartment.flat().sort((a, b) => a.coordinate.localeCompare(b.coordinate)),
      unreachable: unreachable.sort(),
    }
  }
  let cached: { hash: string; listing: Promise<Listing> } | null = null
  return {
    async targets() {
      const hash = supergraphHash()
      let entry = cached
      if (entry?.hash !== hash) {
        // Concurrent callers share one round of questions.
        entry = { hash, listing: listTargets() }
        cached = entry
      }
      const listing = await entry.listing
      if (listing.unreachable.length && cached === entry) cached = null
      return copyOf(listing)
    },
    async count(department, coordinate, identity) {
      const res = await call(department, '/row-rules/count', identity, { coordinate })
      if (!res.ok) {
        await res.body?.cancel()
        throw new DepartmentUnavailableError(department, `HTTP ${res.status}`)
      }
      // A body that is not JSON, or a timeout while it arrives, is the department failing like any other.
      const json = (await res.json().catch(() => null)) as { rows?: unknown } | null
      if (!json || !Number.isSafeInteger(json.rows) || (json.rows as number) < 0)
        throw new DepartmentUnavailableError(department, 'malformed answer')
      return json.rows as number
    },
  }
}
