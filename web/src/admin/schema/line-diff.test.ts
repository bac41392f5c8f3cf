import { describe, expect, it } from 'vitest'
import { hunks, lineDiff } from './line-diff'

describe('lineDiff', () => {
  it('marks the lines only in the first as removed and those only in the second as added', () => {
    const a = 'type Query {\n  a: Int\n  b: Int\n}'
    const b = 'type Query {\n  b: Int\n  c: Int\n}'
    expect(lineDiff(a, b)).toEqual([
      { kind: 'same', text: 'type Query {' },
      { kind: 'removed', text: '  a: Int' },
      { kind: 'same', text: '  b: Int' },
      { kind: 'added', text: '  c: Int' },
      { kind: 'same', text: '}' },
    ])
  })

  it('equal texts have no change; hunks collapse unchanged runs', () => {
    const text = Array.from({ length: 20 }, (_, i) => `line ${i}`).join('\n')
    expect(lineDiff(text, text).every(l => l.kind === 'same')).toBe(true)
    const changed = text.replace('line 10', 'line ten')
    const parts = hunks(lineDiff(text, changed), 1)
    expect(parts).toEqual([
      { kind: 'skip', count: 9 },
      { kind: 'same', text: 'line 9' },
      { kind: 'removed', text: 'line 10' },
      { kind: 'added', text: 'line ten' },
      { kind: 'same', text: 'line 11' },
      { kind: 'skip', count: 8 },
    ])
  })
})
