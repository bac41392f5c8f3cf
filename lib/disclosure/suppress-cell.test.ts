import { describe, expect, it } from 'vitest'
import type { CellStatus, StatCount } from '../../platform/stat.js'
import { suppressCell } from './suppress-cell.js'

const cell = (value: number | null, status: CellStatus = value === 0 ? 'ZERO' : 'EXACT', flags: StatCount['flags'] = []): StatCount => ({
  value,
  status,
  flags,
})

describe('suppressCell (primary suppression, KL-STAT-2)', () => {
  // T38: public and committee see n = 2 as SECRET, n = 0 as ZERO and n = 57 unchanged.
  const cases: Array<[string, StatCount, StatCount]> = [
    ['n = 2 → SECRET (T38)', cell(2), { value: null, status: 'SECRET', flags: [] }],
    ['n = 1 → SECRET', cell(1), { value: null, status: 'SECRET', flags: [] }],
    ['n = 0 → ZERO (T38)', cell(0), { value: 0, status: 'ZERO', flags: [] }],
    ['n = 0 marked EXACT → ZERO', cell(0, 'EXACT'), { value: 0, status: 'ZERO', flags: [] }],
    ['n = 57 → unchanged (T38)', cell(57), { value: 57, status: 'EXACT', flags: [] }],
    ['n = 3 → unchanged (the threshold itself is published)', cell(3), { value: 3, status: 'EXACT', flags: [] }],
    ['null NOT_AVAILABLE stays', cell(null, 'NOT_AVAILABLE'), { value: null, status: 'NOT_AVAILABLE', flags: [] }],
    ['null SECRET stays', cell(null, 'SECRET'), { value: null, status: 'SECRET', flags: [] }],
    ['flags survive suppression', cell(2, 'EXACT', ['PROVISIONAL']), { value: null, status: 'SECRET', flags: ['PROVISIONAL'] }],
    [
      'flags survive publication',
      cell(9, 'EXACT', ['REVISED', 'ESTIMATED']),
      { value: 9, status: 'EXACT', flags: ['REVISED', 'ESTIMATED'] },
    ],
    ['a small estimate is still small', cell(1, 'PERTURBED'), { value: null, status: 'SECRET', flags: [] }],
    ['a balance of −2 is as small as 2', cell(-2), { value: null, status: 'SECRET', flags: [] }],
    ['a balance of −40 is published', cell(-40), { value: -40, status: 'EXACT', flags: [] }],
    ['a value that is not a number fails closed', cell(Number.NaN), { value: null, status: 'SECRET', flags: [] }],
  ]
  it.each(cases)('%s', (_name, input, expected) => {
    expect(suppressCell(input)).toEqual(expected)
  })

  it('returns a new object and a new flags array, never the (possibly cached) input', () => {
    for (const v of [null, 0, 1, 2, 3, 57]) {
      const input = Object.freeze({
        value: v,
        status: 'EXACT' as const,
        flags: Object.freeze(['PROVISIONAL']) as unknown as StatCount['flags'],
      })
      const out = suppressCell(input)
      expect(out).not.toBe(input)
      expect(out.flags).not.toBe(input.flags)
      expect(input).toEqual({ value: v, status: 'EXACT', flags: ['PROVISIONAL'] })
    }
  })

  it('derives the threshold from the rule: minCount 5 hides 1–4 and publishes 5', () => {
    const rule = { id: 'TEST-5', minCount: 5 }
    expect([1, 2, 3, 4, 5, 0].map(v => suppressCell(cell(v), rule).status)).toEqual([
      'SECRET',
      'SECRET',
      'SECRET',
      'SECRET',
      'EXACT',
      'ZERO',
    ])
  })
})
