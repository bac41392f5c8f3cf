import type { FormattedExecutionResult, GraphQLSchema } from 'graphql'
import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestContext } from '@apollo/server'
import { personalCoordinates } from '../../auth/audit/personal-coordinates.js'
import type { Requirements } from '../../auth/policy/types.js'
import type { GatewayContext } from '../gateway-context.js'
import { canonicalJson } from '../../platform/canonical-json.js'

export interface DedupeStats {
  /** Operations that executed and let identical concurrent ones wait for them. */
  leaders: number
  /** Operations answered with a leader's result instead of executing. */
  followers: number
  /** Operations waiting for a leader right now. */
  waiting: number
}

export interface DedupePlugin extends ApolloServerPlugin<GatewayContext> {
  stats(): DedupeStats
}

/**
 * Everything that can change the answer to a non-personal query: the document and operation, the
 * variables, and what the subgraphs learn about the caller — the effective access (role set,
 * scopes, grants, aggregate-only, policy version), roles, department claim, purpose, row rules —
 * everything of the principal except the subject, which no non-personal answer depends on.
 */
export function dedupeKey(
  request: { queryHash: string; operationName: string | null; variables?: Record<string, unknown> },
  ctx: GatewayContext,
): string {
  const { subject: _subject, ...principal } = ctx.principal
  return canonicalJson([
    request.queryHash,
    request.operationName,
    request.variables ?? {},
    ctx.access.key,
    ctx.access.policyVersion,
    ctx.access.aggregateOnly,
    { ...principal, roles: [...principal.roles].sort() },
    ctx.rowFilters ?? [],
  ])
}

interface Flight {
  promise: Promise<FormattedExecutionResult | null>
  resolve(result: FormattedExecutionResult | null): void
}

function flight(): Flight {
  let resolve!: (r: FormattedExecutionResult | null) => void
  const promise = new Promise<FormattedExecutionResult | null>(r => {
    resolve = r
  })
  return { promise, resolve }
}

/**
 * In-flight deduplication of identical operations (TTL 0: nothing is kept after the answer is
 * sent). Runs after authentication, authorization (the projected schema validated the document),
 * operation limits and the personal-data check, right before execution: an identical query already
 * executing for the same key is awaited instead of planned and fetched again.
 *
 * Never shared: mutations and subscriptions; operations selecting a `personal` or `special`
 * coordinate (each such read is the caller's own, with its own access-log entry); answers with
 * errors (the waiting operations then execute themselves, so every denial is observed per request).
 * Followers get the leader's result object: it is never mutated afterwards.
 */
export function createDedupePlugin(requirements: () => Requirements, hooks: { onHit?(): void } = {}): DedupePlugin {
  const inFlight = new WeakMap<GraphQLSchema, Map<string, Flight>>()
  const stats: DedupeStats = { leaders: 0, followers: 0, waiting: 0 }

  // The personal-data stage classified this document already: one verdict per document, not a walk per stage.
  const isShareable = (rc: GraphQLRequestContext<GatewayContext>): boolean =>
    rc.operation?.operation === 'query' &&
    !!rc.document &&
    !!rc.contextValue?.access &&
    personalCoordinates(rc.schema, rc.document, requirements()).length === 0

  return {
    stats: () => ({ ...stats }),
    async requestDidStart() {
      let led: { flights: Map<string, Flight>; key: string; flight: Flight } | null = null
      const finish = (result: FormattedExecutionResult | null) => {
        if (!led) return
        if (led.flights.get(led.key) === led.flight) led.flights.delete(led.key)
        led.flight.resolve(result)
        led = null
      }
      return {
        async responseForOperation(rc) {
          if (!isShareable(rc)) return null
          let flights = inFlight.get(rc.schema)
          if (!flights) inFlight.set(rc.schema, (flights = new Map()))
          const key = dedupeKey(
            { queryHash: rc.queryHash!, operationName: rc.operationName ?? null, variables: rc.request.variables },
            rc.contextValue,
          )
          const running = flights.get(key)
          if (running) {
            stats.waiting++
            const result = await running.promise.finally(() => {
              stats.waiting--
            })
            if (!result) return null
            stats.followers++
            hooks.onHit?.()
            return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data: result.data } } }
          }
          led = { flights, key, flight: flight() }
          flights.set(key, led.flight)
          stats.leaders++
          return null
        },
        async executionDidStart(rc) {
          return {
            async executionDidEnd(err) {
              const body = rc.response.body
              const clean = !err && body?.kind === 'single' && !body.singleResult.errors?.length && body.singleResult.data != null
              finish(clean ? body.singleResult : null)
            },
          }
        },
        // Whatever ended the request (an error before execution, a plugin), waiting operations are released.
        async willSendResponse() {
          finish(null)
        },
      }
    },
  }
}
