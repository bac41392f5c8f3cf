import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { StatCount } from '../../platform/stat.js'
import { ASYLBLG_5, KL_STAT_2 } from './disclosure-rules.js'
import { planSuppression } from './suppression-plan.js'
import { suppressTable } from './suppress-table.js'
import { suppressTotal } from './suppress-total.js'

interface Row {
  key: string
  label: string
  count: StatCount
}

const cellOf = (r: Row): StatCount => r.count
const withCell = (r: Row, count: StatCount): Row => ({ ...r, count })
const keyOf = (r: Row): string => r.key
const exact = (value: number): StatCount => ({ value, status: value === 0 ? 'ZERO' : 'EXACT', flags: [] })
const table = (spec: Record<string, number>): Row[] =>
  Object.entries(spec).map(([key, value]) => ({ key, label: `label ${key}`, count: exact(value) }))
/** key → published value, or '*' for SECRET. */
const shown = (rows: readonly Row[]): Record<string, number | '*'> =>
  Object.fromEntries(rows.map(r => [r.key, r.count.status === 'SECRET' ? '*' : (r.count.value as number)]))
const run = (spec: Record<string, number>, total?: number | null) => {
  const rows = table(spec)
  return {
    cells: shown(suppressTable(rows, cellOf, withCell, { keyOf, total })),
    total: suppressTotal(rows, cellOf, { keyOf, total }),
  }
}

describe('suppressTable: cases', () => {
  const cases: Array<[string, Record<string, number>, Record<string, number | '*'>, number | '*']> = [
    ['nothing small: unchanged', { a: 5, b: 0, c: 40 }, { a: 5, b: 0, c: 40 }, 45],
    [
      'one small cell: exactly one more, the smallest non-zero',
      { a: 1, b: 12, c: 5, d: 7, e: 0 },
      { a: '*', b: 12, c: '*', d: 7, e: 0 },
      25,
    ],
    ['one small cell: a zero is never the partner', { a: 0, b: 2, c: 0, d: 4 }, { a: 0, b: '*', c: 0, d: '*' }, 6],
    ['one small cell: ties go to the smaller key', { d: 5, a: 1, c: 5, b: 9 }, { d: 5, a: '*', c: '*', b: 9 }, 20],
    ['two small cells: no extra suppression', { a: 1, b: 2, c: 50, d: 60 }, { a: '*', b: '*', c: 50, d: 60 }, 113],
    [
      'two small cells that are the whole table: total published (2 unknowns, 1 equation)',
      { a: 1, b: 0, c: 2 },
      { a: '*', b: 0, c: '*' },
      3,
    ],
    ['three small cells: no extra suppression', { a: 2, b: 1, c: 1, d: 30 }, { a: '*', b: '*', c: '*', d: 30 }, 34],
    ['zeros and one 1: the 1 and the total are suppressed', { a: 0, b: 1, c: 0 }, { a: 0, b: '*', c: 0 }, '*'],
    ['zeros and one 2: the 2 and the total are suppressed', { a: 0, b: 0, c: 2 }, { a: 0, b: 0, c: '*' }, '*'],
    ['1 + 1 is pinned by its sum: one more cell', { a: 1, b: 1, c: 50, d: 60 }, { a: '*', b: '*', c: '*', d: 60 }, 112],
    ['2 + 2 is pinned by its sum: one more cell', { a: 2, b: 40, c: 2, d: 9 }, { a: '*', b: 40, c: '*', d: '*' }, 53],
    ['1 + 1 with nothing left to hide: total suppressed', { a: 1, b: 0, c: 1 }, { a: '*', b: 0, c: '*' }, '*'],
    ['2 + 2 with nothing left to hide: total suppressed', { a: 2, b: 2 }, { a: '*', b: '*' }, '*'],
    [
      'T38: district × nationality with n = 2, 0, 57',
      { DE: 900, TR: 57, SY: 2, PL: 31, IS: 0 },
      { DE: 900, TR: 57, SY: '*', PL: '*', IS: 0 },
      990,
    ],
    ['empty table', {}, {}, 0],
    ['only zeros', { a: 0, b: 0 }, { a: 0, b: 0 }, 0],
  ]
  it.each(cases)('%s', (_name, spec, expected, expectedTotal) => {
    const { cells, total } = run(spec)
    expect(cells).toEqual(expected)
    expect(total.status === 'SECRET' ? '*' : total.value).toEqual(expectedTotal)
  })

  it('T39: with the total and every other category published, the hidden cell keeps several possible values', () => {
    const spec = { DE: 900, TR: 57, SY: 2, PL: 31, IS: 0 }
    const { cells, total } = run(spec)
    const hiddenSum = (total.value as number) - Object.values(cells).reduce<number>((s, v) => s + (v === '*' ? 0 : v), 0)
    expect(hiddenSum).toBe(33)
    // SY could be anything from 1 up to 33 − 1 (PL ≥ 1): differencing does not reveal it.
    const hidden = Object.keys(cells).filter(k => cells[k] === '*')
    expect(hidden).toEqual(['SY', 'PL'])
  })

  it('T39: deterministic across requests — the same cells are hidden whatever the row order', () => {
    const spec = { DE: 900, TR: 57, SY: 2, PL: 31, IT: 31, IS: 0 }
    const forward = shown(suppressTable(table(spec), cellOf, withCell, { keyOf }))
    const backward = shown(suppressTable(table(spec).reverse(), cellOf, withCell, { keyOf }))
    expect(backward).toEqual(forward)
    expect(forward).toEqual({ DE: 900, TR: 57, SY: '*', PL: 31, IT: '*', IS: 0 })
  })

  it('without keyOf, ties are broken by position', () => {
    const rows = table({ x: 1, y: 5, z: 5 })
    expect(shown(suppressTable(rows, cellOf, withCell))).toEqual({ x: '*', y: '*', z: 5 })
    expect(shown(suppressTable([rows[0], rows[2], rows[1]], cellOf, withCell))).toEqual({ x: '*', z: '*', y: 5 })
  })

  it('a breakdown of a published total: the total is the given one, and cells are protected the same way', () => {
    const { cells, total } = run({ a: 1, b: 10, c: 20 }, 100)
    expect(cells).toEqual({ a: '*', b: '*', c: 20 })
    expect(total).toEqual({ value: 100, status: 'EXACT', flags: [] })
    expect(run({ a: 1, b: 0 }, 100).total.status).toBe('SECRET')
    expect(run({ a: 5, b: 7 }, null).total).toEqual({ value: null, status: 'NOT_AVAILABLE', flags: [] })
    expect(run({ a: 1, b: 0 }, null).total.status).toBe('SECRET')
  })

  it('keeps the rest of each row, keeps flags, and returns new rows', () => {
    const rows: Row[] = [
      { key: 'a', label: 'Alpha', count: { value: 2, status: 'EXACT', flags: ['PROVISIONAL'] } },
      { key: 'b', label: 'Beta', count: { value: 8, status: 'EXACT', flags: ['REVISED'] } },
      { key: 'c', label: 'Gamma', count: { value: 9, status: 'EXACT', flags: [] } },
    ]
    const out = suppressTable(rows, cellOf, withCell, { keyOf })
    expect(out).toEqual([
      { key: 'a', label: 'Alpha', count: { value: null, status: 'SECRET', flags: ['PROVISIONAL'] } },
      { key: 'b', label: 'Beta', count: { value: null, status: 'SECRET', flags: ['REVISED'] } },
      { key: 'c', label: 'Gamma', count: { value: 9, status: 'EXACT', flags: [] } },
    ])
    out.forEach((r, i) => {
      expect(r).not.toBe(rows[i])
      expect(r.count).not.toBe(rows[i].count)
    })
  })

  it('cells without a value take no part and keep their status', () => {
    const rows: Row[] = [...table({ a: 1, b: 4 }), { key: 'n', label: 'n/a', count: { value: null, status: 'NOT_AVAILABLE', flags: [] } }]
    expect(suppressTable(rows, cellOf, withCell, { keyOf }).map(r => r.count.status)).toEqual(['SECRET', 'SECRET', 'NOT_AVAILABLE'])
  })

  it('ASYLBLG-5: small cells and their partner suppressed, the rest 5-rounded, total rounded', () => {
    const rows = table({ a: 1, b: 7, c: 12, d: 0, e: 58 })
    const out = suppressTable(rows, cellOf, withCell, { keyOf, rule: ASYLBLG_5 })
    expect(out.map(r => r.count)).toEqual([
      { value: null, status: 'SECRET', flags: [] },
      { value: null, status: 'SECRET', flags: [] },
      { value: 10, status: 'ROUNDED', flags: [] },
      { value: 0, status: 'ZERO', flags: [] },
      { value: 60, status: 'ROUNDED', flags: [] },
    ])
    expect(suppressTotal(rows, cellOf, { keyOf, rule: ASYLBLG_5 })).toEqual({ value: 80, status: 'ROUNDED', flags: [] })
  })

  it('the plan names the rule for the audit log and says why each cell is hidden', () => {
    const cells = table({ a: 1, b: 12, c: 5, d: 0 }).map(cellOf)
    expect(planSuppression(cells)).toEqual({ ruleId: 'KL-STAT-2', primary: [0], secondary: [2], totalSuppressed: false })
    expect(planSuppression([exact(1), exact(0)], { rule: ASYLBLG_5 })).toEqual({
      ruleId: 'ASYLBLG-5',
      primary: [0],
      secondary: [],
      totalSuppressed: true,
    })
    expect(() => planSuppression(cells, { keys: ['a'] })).toThrow(RangeError)
  })
})

describe('suppressTable: properties over random tables', () => {
  const M = KL_STAT_2.minCount - 1
  // Half of the draws from 0–3 so that small cells, zeros and ties are frequent; all within 0–200.
  const value = fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 200 }))
  const values = fc.array(value, { minLength: 0, maxLength: 30 })
  const rowsOf = (vs: readonly number[]): Row[] =>
    vs.map((v, i) => ({ key: `k${String(i).padStart(2, '0')}`, label: `row ${i}`, count: exact(v) }))
  const deepFreeze = (rows: Row[]): readonly Row[] => {
    for (const r of rows) {
      Object.freeze(r.count.flags)
      Object.freeze(r.count)
      Object.freeze(r)
    }
    return Object.freeze(rows)
  }
  const params = { numRuns: 1000 }

  it('(a) every cell with 1 ≤ value ≤ 2 is SECRET with value null', () => {
    fc.assert(
      fc.property(values, vs => {
        const out = suppressTable(rowsOf(vs), cellOf, withCell, { keyOf })
        vs.forEach((v, i) => {
          if (v >= 1 && v <= M) expect(out[i].count).toEqual({ value: null, status: 'SECRET', flags: [] })
        })
      }),
      params,
    )
  })

  it('(b) exactly one suppressed non-zero cell only when it is the only non-zero cell, and then the total is SECRET', () => {
    fc.assert(
      fc.property(values, vs => {
        const rows = rowsOf(vs)
        const out = suppressTable(rows, cellOf, withCell, { keyOf })
        const hidden = out.filter(r => r.count.status === 'SECRET').length
        if (hidden === 1) {
          expect(vs.filter(v => v !== 0)).toHaveLength(1)
          expect(suppressTotal(rows, cellOf, { keyOf }).status).toBe('SECRET')
        }
      }),
      params,
    )
  })

  it('(c) published cells keep their value; zeros are never suppressed; at most one cell ≥ 3 is hidden', () => {
    fc.assert(
      fc.property(values, vs => {
        const out = suppressTable(rowsOf(vs), cellOf, withCell, { keyOf })
        vs.forEach((v, i) => {
          if (out[i].count.status !== 'SECRET') expect(out[i].count).toEqual(exact(v))
          if (v === 0) expect(out[i].count).toEqual({ value: 0, status: 'ZERO', flags: [] })
        })
        expect(out.filter((r, i) => r.count.status === 'SECRET' && vs[i] > M).length).toBeLessThanOrEqual(1)
      }),
      params,
    )
  })

  it('(d) deterministic, idempotent, and the (frozen) input is not mutated', () => {
    fc.assert(
      fc.property(values, vs => {
        const rows = deepFreeze(rowsOf(vs))
        const snapshot = structuredClone(rows)
        const first = suppressTable(rows, cellOf, withCell, { keyOf })
        const second = suppressTable(rows, cellOf, withCell, { keyOf })
        expect(second).toEqual(first)
        expect(rows).toEqual(snapshot)
        expect(suppressTable(first, cellOf, withCell, { keyOf })).toEqual(first)
        expect(suppressTotal(rows, cellOf, { keyOf })).toEqual(suppressTotal(rows, cellOf, { keyOf }))
      }),
      params,
    )
  })

  it('(d) with keys, the result per key does not depend on row order', () => {
    const withOrder = values.chain(vs =>
      fc.tuple(
        fc.constant(vs),
        fc.shuffledSubarray(
          vs.map((_, i) => i),
          { minLength: vs.length, maxLength: vs.length },
        ),
      ),
    )
    fc.assert(
      fc.property(withOrder, ([vs, order]) => {
        const rows = rowsOf(vs)
        const permuted = order.map(i => rows[i])
        expect(shown(suppressTable(permuted, cellOf, withCell, { keyOf }))).toEqual(shown(suppressTable(rows, cellOf, withCell, { keyOf })))
        expect(suppressTotal(permuted, cellOf, { keyOf })).toEqual(suppressTotal(rows, cellOf, { keyOf }))
      }),
      params,
    )
  })

  it('(e) no suppressed cell is determined by the published total and the published cells', () => {
    fc.assert(
      fc.property(values, vs => {
        const rows = rowsOf(vs)
        const out = suppressTable(rows, cellOf, withCell, { keyOf })
        const total = suppressTotal(rows, cellOf, { keyOf })
        const hidden = vs.map((_, i) => i).filter(i => out[i].count.status === 'SECRET')
        if (hidden.length === 0 || total.status === 'SECRET') return
        expect(hidden.length).toBeGreaterThanOrEqual(2)
        // The attacker's view: the sum of the hidden cells (total − published) and bounds per hidden cell:
        // ≥ 1 (zeros are shown), and ≤ 2 for all of them when every hidden cell is a small cell.
        const published = out.reduce((s, r) => s + (r.count.value ?? 0), 0)
        const R = (total.value as number) - published
        const allSmall = hidden.every(i => vs[i] <= M)
        const lo = 1
        const hi = allSmall ? M : Number.POSITIVE_INFINITY
        for (const i of hidden) {
          const others = hidden.length - 1
          const min = Math.max(lo, R - others * hi)
          const max = Math.min(hi, R - others * lo)
          expect(min, `cell ${i} of ${JSON.stringify(vs)} is pinned`).toBeLessThan(max)
        }
      }),
      params,
    )
  })
})
