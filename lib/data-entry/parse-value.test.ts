import { describe, expect, it } from 'vitest'
import { monthEnd, parseDate, parseNumber } from './parse-value.js'

describe('parseNumber', () => {
  it.each([
    ['1.234,5', 'comma', 1234.5],
    ['1234,5', 'point', 1234.5],
    ['1.234.567', 'comma', 1234567],
    ['-12,75', 'comma', -12.75],
    ['1234.5', 'point', 1234.5],
    ['42', 'comma', 42],
    [' 7 ', 'point', 7],
    ['1 234,5', 'comma', 1234.5],
    [17, 'point', 17],
  ] as const)('%j (%s) → %d', (input, mark, expected) => {
    expect(parseNumber(input, mark)).toEqual({ ok: true, value: expected })
  })
  it.each([
    ['1.23,4', 'comma'],
    ['12a', 'point'],
    ['', 'point'],
    ['1,2,3', 'point'],
    ['1.234', 'comma-less point'],
  ])('%j is refused', input => {
    const r = parseNumber(input, input === '1.234' ? 'comma' : 'point')
    if (input === '1.234')
      expect(r).toEqual({ ok: true, value: 1234 }) // German thousands in a ;-file
    else expect(r.ok).toBe(false)
  })
  it('refuses non-finite numbers and other types', () => {
    expect(parseNumber(Number.NaN).ok).toBe(false)
    expect(parseNumber(true).ok).toBe(false)
  })
})

describe('parseDate', () => {
  it.each([
    ['31.12.2025', '2025-12-31'],
    ['1.3.2026', '2026-03-01'],
    ['2025-12-31', '2025-12-31'],
    [' 29.02.2024 ', '2024-02-29'],
  ])('%j → %s', (input, expected) => {
    expect(parseDate(input)).toEqual({ ok: true, value: expected })
  })
  it.each(['31.02.2025', '2025-13-01', '12/31/2025', '2025-1-1', '', '29.02.2025'])('%j is refused', input => {
    expect(parseDate(input).ok).toBe(false)
  })
  it('finds month ends', () => {
    expect([monthEnd('2024-02-10'), monthEnd('2026-11-01'), monthEnd('2026-12-31')]).toEqual(['2024-02-29', '2026-11-30', '2026-12-31'])
  })
})
