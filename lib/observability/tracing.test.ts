import { describe, expect, it } from 'vitest'
import { startTracing } from './start-tracing.js'
import { extractTraceContext, injectTraceHeaders, recordSpan, startSpan, tracingEnabled, withSpan } from './tracing.js'

// This file's process never registers a provider: tracing stays off.
describe('tracing without an endpoint', () => {
  it('does not start: no SDK, no provider', async () => {
    expect(await startTracing({ serviceName: 'test', endpoint: null })).toBeNull()
    expect(tracingEnabled()).toBe(false)
  })

  it('creates no span and sends no header', async () => {
    expect(startSpan('x')).toBeUndefined()
    let seen: unknown = 'unset'
    expect(
      await withSpan('x', undefined, async span => {
        seen = span
        return 7
      }),
    ).toBe(7)
    expect(seen).toBeUndefined()
    const headers = { a: '1' }
    expect(injectTraceHeaders(headers)).toEqual({ a: '1' })
    expect(() => recordSpan('sql', 1)).not.toThrow()
    expect(extractTraceContext({ traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' })).toBeDefined()
  })
})
