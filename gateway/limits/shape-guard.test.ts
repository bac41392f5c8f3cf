import { createRequire } from 'node:module'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { parse, type DocumentNode } from 'graphql'
import { HttpRefusal } from '../../platform/http/apollo-handler.js'
import { createParsedHandoff, MAX_HANDOFFS } from '../cache/parsed-handoff.js'
import { DEFAULT_LIMITS } from './operation-limits.js'
import { createShapeGuard } from './shape-guard.js'

const { Parser } = createRequire(import.meta.url)('graphql/language/parser.js') as {
  Parser: { prototype: { parseDocument(): DocumentNode } }
}

const LIMITS = { ...DEFAULT_LIMITS, maxTokens: 50, maxDepth: 3 }
const BOUNDS = { shapeEntries: 100, shapeBytes: 1e9 }
const VALID = 'query Q {\n  a {\n    b\n  }\n}'
const DEEP = '{ a { b { c { d } } } }'
const UNPARSABLE = '{ a { b '
const OVER_TOKENS = `{ ${'a '.repeat(60)}}`

afterEach(() => void vi.restoreAllMocks())

describe('createShapeGuard', () => {
  it('refuses and passes the same texts with a hand-off as without, handing on only what passed and parsed', () => {
    const handoff = createParsedHandoff()
    const guards = [createShapeGuard(LIMITS, BOUNDS), createShapeGuard(LIMITS, BOUNDS, handoff)]
    for (const guard of guards) {
      expect(guard.refusal(DEEP, undefined)).toMatchObject({
        status: 400,
        code: 'MAX_DEPTH_EXCEEDED',
        message: 'The operation exceeds the depth limit of 3',
      })
      expect(() => guard.check(DEEP, undefined)).toThrow(HttpRefusal)
      // Apollo Server reports these itself.
      expect(guard.refusal(UNPARSABLE, undefined)).toBeNull()
      expect(guard.refusal(OVER_TOKENS, undefined)).toBeNull()
      expect(guard.refusal(VALID, 'Q')).toBeNull()
    }
    expect(handoff.size()).toBe(1)
    expect(handoff.take(DEEP, LIMITS.maxTokens)).toBeUndefined()
    expect(handoff.take(UNPARSABLE, LIMITS.maxTokens)).toBeUndefined()
    expect(handoff.take(OVER_TOKENS, LIMITS.maxTokens)).toBeUndefined()
  })

  it("hands a new text's document on exactly as parse with the token limit gives it, locations included", () => {
    const handoff = createParsedHandoff()
    createShapeGuard(LIMITS, BOUNDS, handoff).check(VALID, 'Q')
    const document = handoff.take(VALID, LIMITS.maxTokens)
    expect(document?.loc).toBeDefined()
    expect(document).toStrictEqual(parse(VALID, { maxTokens: LIMITS.maxTokens }))
    expect(JSON.stringify(document)).toBe(JSON.stringify(parse(VALID, { maxTokens: LIMITS.maxTokens })))
  })

  it('parses nothing and hands nothing on for a remembered verdict', () => {
    const handoff = createParsedHandoff()
    const guard = createShapeGuard(LIMITS, BOUNDS, handoff)
    const parses = vi.spyOn(Parser.prototype, 'parseDocument')
    guard.check(VALID, 'Q')
    expect(parses).toHaveBeenCalledTimes(1)
    expect(handoff.take(VALID, LIMITS.maxTokens)).toBeDefined()
    guard.check(VALID, 'Q')
    expect(parses).toHaveBeenCalledTimes(1)
    expect(handoff.size()).toBe(0)
  })

  it(`keeps at most ${MAX_HANDOFFS} documents waiting, however many new texts pass`, () => {
    const handoff = createParsedHandoff()
    const guard = createShapeGuard(LIMITS, BOUNDS, handoff)
    for (let i = 0; i < MAX_HANDOFFS + 20; i++) guard.check(`{ a${i} }`, undefined)
    expect(handoff.size()).toBe(MAX_HANDOFFS)
    expect(handoff.take('{ a0 }', LIMITS.maxTokens)).toBeUndefined()
    expect(handoff.take(`{ a${MAX_HANDOFFS + 19} }`, LIMITS.maxTokens)).toBeDefined()
  })
})
