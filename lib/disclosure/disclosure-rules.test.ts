import { describe, expect, it } from 'vitest'
import type { StatCount } from '../../platform/stat.js'
import { applyRule } from './apply-rule.js'
import {
  ASYLBLG_5,
  DISCLOSURE_RULE_IDS,
  DisclosureError,
  KL_STAT_2,
  defineDisclosureRule,
  disclosureRule,
  isSmallCount,
  roundToFive,
} from './disclosure-rules.js'

const exact = (value: number | null): StatCount => ({
  value,
  status: value === null ? 'NOT_AVAILABLE' : value === 0 ? 'ZERO' : 'EXACT',
  flags: [],
})

describe('disclosure rules', () => {
  it('KL-STAT-2 is the default: minimum count 3, so exactly 1 and 2 are small', () => {
    expect(KL_STAT_2).toEqual({ id: 'KL-STAT-2', minCount: 3 })
    expect([0, 1, 2, 3, 4].filter(v => isSmallCount(v))).toEqual([1, 2])
  })

  it('knows both rules by id and refuses unknown ids (fail closed)', () => {
    expect(DISCLOSURE_RULE_IDS).toEqual(['KL-STAT-2', 'ASYLBLG-5'])
    expect(disclosureRule('KL-STAT-2')).toEqual(KL_STAT_2)
    expect(disclosureRule('ASYLBLG-5')).toEqual(ASYLBLG_5)
    for (const id of ['', 'kl-stat-2', 'NONE', '__proto__', 'constructor']) {
      expect(() => disclosureRule(id)).toThrow(DisclosureError)
      expect(() => applyRule(id, exact(57))).toThrow(expect.objectContaining({ code: 'UNKNOWN_DISCLOSURE_RULE' }))
    }
  })

  it.each([
    [{ id: '', minCount: 3 }],
    [{ id: 'X', minCount: 2 }],
    [{ id: 'X', minCount: 2.5 }],
    [{ id: 'X', minCount: 3, roundTo: 1 }],
    [{ id: 'X', minCount: 3, roundTo: 0.5 }],
  ])('refuses a rule that cannot protect anything: %j', rule => {
    expect(() => defineDisclosureRule(rule)).toThrow(expect.objectContaining({ code: 'INVALID_DISCLOSURE_RULE' }))
  })

  it('freezes defined rules', () => {
    const rule = defineDisclosureRule({ id: 'X', minCount: 4 })
    expect(Object.isFrozen(rule)).toBe(true)
    expect(Object.isFrozen(KL_STAT_2)).toBe(true)
  })
})

describe('roundToFive', () => {
  it.each([
    [0, 0, 'ZERO'],
    [1, 0, 'ROUNDED'],
    [2, 0, 'ROUNDED'],
    [3, 5, 'ROUNDED'],
    [7, 5, 'ROUNDED'],
    [8, 10, 'ROUNDED'],
    [10, 10, 'ROUNDED'],
    [12, 10, 'ROUNDED'],
    [13, 15, 'ROUNDED'],
    [57, 55, 'ROUNDED'],
    [58, 60, 'ROUNDED'],
    [-7, -5, 'ROUNDED'],
    [-2, 0, 'ROUNDED'],
  ] as const)('%i → %i (%s)', (input, value, status) => {
    const out = roundToFive(exact(input))
    expect(out).toEqual({ value, status, flags: [] })
    expect(Object.is(out.value, -0)).toBe(false)
  })

  it('keeps cells without a value and their flags, without mutating the input', () => {
    const input = Object.freeze({ value: 23, status: 'EXACT' as const, flags: ['PROVISIONAL' as const] })
    expect(roundToFive(input)).toEqual({ value: 25, status: 'ROUNDED', flags: ['PROVISIONAL'] })
    expect(input).toEqual({ value: 23, status: 'EXACT', flags: ['PROVISIONAL'] })
    expect(roundToFive({ value: null, status: 'SECRET', flags: [] })).toEqual({ value: null, status: 'SECRET', flags: [] })
  })
})

describe('applyRule', () => {
  const cases: Array<[string, number | null, StatCount]> = [
    ['KL-STAT-2', 2, { value: null, status: 'SECRET', flags: [] }],
    ['KL-STAT-2', 0, { value: 0, status: 'ZERO', flags: [] }],
    ['KL-STAT-2', 57, { value: 57, status: 'EXACT', flags: [] }],
    ['KL-STAT-2', null, { value: null, status: 'NOT_AVAILABLE', flags: [] }],
    // AsylbLG: small cells are suppressed first (rounding 1–2 down to 0 would fake a zero), the rest 5-rounded.
    ['ASYLBLG-5', 1, { value: null, status: 'SECRET', flags: [] }],
    ['ASYLBLG-5', 2, { value: null, status: 'SECRET', flags: [] }],
    ['ASYLBLG-5', 0, { value: 0, status: 'ZERO', flags: [] }],
    ['ASYLBLG-5', 3, { value: 5, status: 'ROUNDED', flags: [] }],
    ['ASYLBLG-5', 57, { value: 55, status: 'ROUNDED', flags: [] }],
    ['ASYLBLG-5', null, { value: null, status: 'NOT_AVAILABLE', flags: [] }],
  ]
  it.each(cases)('%s on %s', (ruleId, value, expected) => {
    expect(applyRule(ruleId, exact(value))).toEqual(expected)
  })
})
