import { describe, expect, it } from 'vitest'
import { boundedLabels } from './bounded-labels.js'

describe('boundedLabels', () => {
  it('admits matching values up to the cap, then counts the rest as overflow', () => {
    const label = boundedLabels({ max: 3, pattern: /^[A-Za-z]+$/, empty: 'anonymous', overflow: 'other' })
    expect(['A', 'B', 'C', 'D', 'A', 'E'].map(label)).toEqual(['A', 'B', 'C', 'other', 'A', 'other'])
    expect(label.size).toBe(3)
  })
  it('never admits what does not match, nor an empty value', () => {
    const label = boundedLabels({ max: 10, pattern: /^[A-Z_]+$/, empty: 'NONE', overflow: 'OTHER' })
    expect(label('x"} 1\nfake_metric 9')).toBe('OTHER')
    expect(label('')).toBe('NONE')
    expect(label(null)).toBe('NONE')
    expect(label.size).toBe(0)
  })
})
