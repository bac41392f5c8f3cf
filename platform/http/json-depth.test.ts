import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { exceedsJsonDepth, nestsDeeper } from './json-depth.js'
import { MAX_MESSAGE_LENGTH, truncateMessage } from './format-error.js'

/** Nesting depth of arrays/objects in a parsed value (a scalar is 0). */
function depthOf(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0
  const children = Array.isArray(value) ? value : Object.values(value)
  return 1 + children.reduce((max: number, child) => Math.max(max, depthOf(child)), 0)
}

describe('exceedsJsonDepth and nestsDeeper', () => {
  it('agree with the depth of the parsed value, whatever the strings hold (quotes, escapes, brackets)', () => {
    const text = fc.oneof(fc.string(), fc.constantFrom('[', '{', ']', '}', '"', '\\', '\\"', '"[', '\\\\"{'))
    const value = fc.letrec(tie => ({
      node: fc.oneof(
        { maxDepth: 12 },
        text,
        fc.integer(),
        fc.constant(null),
        fc.array(tie('node'), { maxLength: 3 }),
        fc.dictionary(text, tie('node'), { maxKeys: 3 }),
      ),
    })).node
    fc.assert(
      fc.property(value, fc.integer({ min: 0, max: 14 }), (v, max) => {
        expect(exceedsJsonDepth(JSON.stringify(v), max)).toBe(depthOf(v) > max)
        // The check on the parsed value (gateway and departments) gives the same answer as the text scan.
        expect(nestsDeeper(JSON.parse(JSON.stringify(v)), max)).toBe(depthOf(v) > max)
      }),
      { numRuns: 2000 },
    )
  })

  it('counts 5 000 levels in one pass and stops at the limit', () => {
    expect(exceedsJsonDepth(`${'['.repeat(5000)}${']'.repeat(5000)}`, 64)).toBe(true)
    expect(exceedsJsonDepth(`${'['.repeat(64)}${']'.repeat(64)}`, 64)).toBe(false)
    expect(exceedsJsonDepth(`["${'['.repeat(5000)}"]`, 64)).toBe(false)
  })
})

describe('truncateMessage', () => {
  it('keeps short messages, cuts long ones to about the limit keeping the start and the end', () => {
    expect(truncateMessage('short')).toBe('short')
    const long = `Expected value of type "Int!", found "${'x'.repeat(900_000)}"; the end`
    const cut = truncateMessage(long)
    expect(cut.length).toBeLessThan(MAX_MESSAGE_LENGTH + 60)
    expect(cut.startsWith('Expected value of type "Int!", found "xxx')).toBe(true)
    expect(cut.endsWith('"; the end')).toBe(true)
    expect(cut).toContain(`[${long.length - MAX_MESSAGE_LENGTH} characters omitted]`)
  })
})
