import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { RECORD_KEY_MODULUS, addKeys, cellKeyOf, randomRecordKey, seededRecordKey } from './cell-key.js'

describe('record and cell keys', () => {
  it('record keys are integers in [0, 2³²); seeded ones are deterministic and differ by identity', () => {
    for (let i = 0; i < 100; i++) {
      const k = randomRecordKey()
      expect(Number.isInteger(k) && k >= 0 && k < RECORD_KEY_MODULUS).toBe(true)
    }
    expect(seededRecordKey('asy.allocation', 17)).toBe(seededRecordKey('asy.allocation', 17))
    expect(seededRecordKey('asy.allocation', 17)).not.toBe(seededRecordKey('asy.allocation', 18))
    // Parts are separated: ('ab', 'c') is not ('a', 'bc').
    expect(seededRecordKey('ab', 'c')).not.toBe(seededRecordKey('a', 'bc'))
  })

  it('the cell key of a set of records does not depend on their order or grouping', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: RECORD_KEY_MODULUS - 1 }), { maxLength: 200 }), fc.nat(), (keys, cut) => {
        const whole = addKeys(keys)
        const c = keys.length ? cut % keys.length : 0
        const parts = addKeys([addKeys(keys.slice(0, c)), addKeys(keys.slice(c))])
        return whole === parts && addKeys([...keys].reverse()) === whole && whole >= 0 && whole < RECORD_KEY_MODULUS
      }),
    )
  })

  it('cellKeyOf reduces what the database returns (number, bigint, numeric text) into [0, 1)', () => {
    expect(cellKeyOf(0)).toBe(0)
    expect(cellKeyOf(null)).toBe(0)
    expect(cellKeyOf(RECORD_KEY_MODULUS / 2)).toBe(0.5)
    expect(cellKeyOf(String(3 * RECORD_KEY_MODULUS + 1024))).toBe(1024 / RECORD_KEY_MODULUS)
    expect(cellKeyOf('12884902912.000')).toBe(cellKeyOf(12884902912))
    expect(cellKeyOf(BigInt(RECORD_KEY_MODULUS) * 5n + 7n)).toBe(7 / RECORD_KEY_MODULUS)
    expect(cellKeyOf(-1)).toBe((RECORD_KEY_MODULUS - 1) / RECORD_KEY_MODULUS)
  })
})
