import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { createLogger, readLogLevel, scrubTokens } from './create-logger.js'

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbm5hIn0.c2lnbmF0dXJlLXRoYXQtbXVzdC1uZXZlci1sZWFr'

function capture(level: 'info' | 'warn' = 'info') {
  const lines: string[] = []
  const destination = new Writable({
    write(chunk, _e, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean))
      done()
    },
  })
  return { log: createLogger({ name: 'test', level, destination }), lines }
}

describe('createLogger', () => {
  it('writes one JSON object per line with level, time, name and msg', () => {
    const { log, lines } = capture()
    log.info({ requestId: 'r1' }, 'request')
    expect(lines).toHaveLength(1)
    expect(JSON.parse(lines[0])).toMatchObject({ level: 30, name: 'test', msg: 'request', requestId: 'r1' })
  })

  it('redacts a bearer token in headers, in token fields and inside messages and errors', () => {
    const { log, lines } = capture()
    log.info({ headers: { authorization: `Bearer ${JWT}`, 'x-stadtgraph-internal': JWT }, token: JWT }, 'incoming')
    log.warn(`auth.failure 401: header was Bearer ${JWT}`)
    log.error({ err: new Error(`upstream refused token ${JWT}`) }, 'failed')
    log.info({ req: { headers: { authorization: 'Bearer opaque-token-123' } } }, 'nested')
    const text = lines.join('\n')
    expect(lines).toHaveLength(4)
    expect(text).not.toContain('c2lnbmF0dXJl')
    expect(text).not.toContain('eyJzdWIi')
    expect(text).not.toContain('opaque-token-123')
    expect(JSON.parse(lines[0]).headers.authorization).toBe('[redacted]')
    expect(JSON.parse(lines[1]).msg).toBe('auth.failure 401: header was Bearer [redacted]')
  })

  it('builds nothing for a level that is off', () => {
    const { log, lines } = capture('warn')
    let built = 0
    const costly = {
      toJSON() {
        built++
        return 'x'
      },
    }
    log.info({ costly }, 'request')
    expect(lines).toHaveLength(0)
    expect(built).toBe(0)
  })

  it('reads LOG_LEVEL and refuses an unknown one', () => {
    expect(readLogLevel(undefined)).toBe('info')
    expect(readLogLevel('DEBUG')).toBe('debug')
    expect(() => readLogLevel('loud')).toThrow(/LOG_LEVEL must be one of/)
  })

  it('scrubs JWTs and bearer credentials from free text', () => {
    expect(scrubTokens(`a ${JWT} b`)).toBe('a [redacted] b')
    expect(scrubTokens('authorization: bearer abc.def')).toBe('authorization: bearer [redacted]')
    expect(scrubTokens('no secrets here')).toBe('no secrets here')
  })
})
