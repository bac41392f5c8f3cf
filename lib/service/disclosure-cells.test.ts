import { buildSchema, execute, parse } from 'graphql'
import { describe, expect, it } from 'vitest'
import { KL_CKM_2, perturbCount } from '../disclosure/perturbation-table.js'
import { cellKeyOf } from '../disclosure/cell-key.js'
import type { StatCount } from '../../platform/stat.js'
import {
  DisclosureDeclarationError,
  exactCell,
  familyCell,
  isDisclosed,
  keyedBalance,
  keyedCell,
  validateDisclosureDeclarations,
  visibleCount,
} from './disclosure-cells.js'
import { checkDisclosureCoverage, withDisclosureControl } from './with-disclosure-control.js'

const pub = { principal: { aggregateOnly: true } }
const exact = { principal: { aggregateOnly: false } }
const key = 2 ** 31 + 12345

describe('keyed cells', () => {
  it('exact roles see the count; aggregate-only roles see count + noise, marked PERTURBED', () => {
    expect(keyedCell(exact, { n: 57, key })).toEqual({ value: 57, status: 'EXACT', flags: [] })
    const shown = keyedCell(pub, { n: 57, key }, ['PROVISIONAL'])
    expect(shown).toEqual({ value: perturbCount(KL_CKM_2, 57, cellKeyOf(key)), status: 'PERTURBED', flags: ['PROVISIONAL'] })
    expect(visibleCount(pub, { n: 57, key })).toBe(shown.value)
    expect(visibleCount(exact, { n: 57, key })).toBe(57)
    // The key arrives as numeric text from PostgreSQL: the same cell.
    expect(keyedCell(pub, { n: 57, key: String(key + 2 ** 32) }).value).toBe(shown.value)
  })

  it('zero stays ZERO, a missing cell is NOT_AVAILABLE, for every role', () => {
    for (const ctx of [pub, exact]) {
      expect(keyedCell(ctx, { n: 0, key: 99 })).toEqual({ value: 0, status: 'ZERO', flags: [] })
      expect(keyedCell(ctx, null)).toEqual({ value: null, status: 'NOT_AVAILABLE', flags: [] })
    }
  })

  it('a balance of two counts is derived from what the caller sees of each', () => {
    const plus = { n: 3, key: 7 }
    const minus = { n: 5, key: 2 ** 32 - 9 }
    expect(keyedBalance(exact, plus, minus)).toEqual({ value: -2, status: 'EXACT', flags: [] })
    expect(keyedBalance(pub, plus, minus)).toEqual({
      value: visibleCount(pub, plus) - visibleCount(pub, minus),
      status: 'PERTURBED',
      flags: [],
    })
    expect(keyedBalance(pub, { n: 0, key: 0 }, { n: 0, key: 0 }).status).toBe('ZERO')
  })

  it('family cells: hidden only for aggregate-only roles', () => {
    expect(familyCell(pub, 2, true)).toEqual({ value: null, status: 'SECRET', flags: [] })
    expect(familyCell(exact, 2, true)).toEqual({ value: 2, status: 'EXACT', flags: [] })
    expect(familyCell(pub, 40, false)).toEqual({ value: 40, status: 'EXACT', flags: [] })
    expect(exactCell(0)).toEqual({ value: 0, status: 'ZERO', flags: [] })
  })

  it('marks what it makes, and only that', () => {
    expect(isDisclosed(keyedCell(pub, { n: 1, key: 1 }))).toBe(true)
    expect(isDisclosed(exactCell(1))).toBe(true)
    expect(isDisclosed({ value: 1, status: 'EXACT', flags: [] })).toBe(false)
    expect(isDisclosed(null)).toBe(false)
  })
})

const sdl = `
  type StatCount { value: Int status: String! flags: [String!]! }
  type Row { label: String! count: StatCount! }
  type Query { keyed: StatCount! plain: StatCount! keyedRows: [Row!]! plainRows: [Row!]! other: Int }
`
const raw = (value: number): StatCount => ({ value, status: 'EXACT', flags: [] })

describe('withDisclosureControl', () => {
  const resolvers = {
    keyed: (_: unknown, ctx: typeof pub) => keyedCell(ctx, { n: 2, key: 5 }),
    plain: () => raw(2),
    keyedRows: (_: unknown, ctx: typeof pub) => [1, 2, 40].map(n => ({ label: `r${n}`, count: keyedCell(ctx, { n, key: n * 1000 }) })),
    plainRows: () => [1, 9, 40].map(n => ({ label: `r${n}`, count: raw(n) })),
  }
  const schema = withDisclosureControl(buildSchema(sdl))
  const run = async (ctx: typeof pub) =>
    (
      await execute({
        schema,
        document: parse(
          '{ keyed { value status } plain { value status } keyedRows { count { value status } } plainRows { count { value status } } }',
        ),
        rootValue: resolvers,
        contextValue: ctx,
      })
    ).data as Record<string, any>

  it('publishes keyed cells as they are and suppresses any other count (fail-safe), for aggregate-only roles', async () => {
    const data = await run(pub)
    expect(data.keyed.status).toBe('PERTURBED')
    expect(data.plain).toEqual({ value: null, status: 'SECRET' })
    expect(data.keyedRows.map((r: any) => r.count.status)).toEqual(['PERTURBED', 'PERTURBED', 'PERTURBED'])
    // Primary suppression of 1, secondary of the next smallest.
    expect(data.plainRows.map((r: any) => r.count.status)).toEqual(['SECRET', 'SECRET', 'EXACT'])
  })

  it('leaves exact roles alone', async () => {
    const data = await run(exact)
    expect(data.plain).toEqual({ value: 2, status: 'EXACT' })
    expect(data.plainRows.map((r: any) => r.count.value)).toEqual([1, 9, 40])
  })
})

describe('stated guarantees', () => {
  const schema = buildSchema(sdl)
  const all = {
    'Query.keyed': { method: 'CELL_KEY', table: 'KL-CKM-2' },
    'Query.plain': { method: 'EXACT', reason: 'a published official total' },
    'Row.count': { method: 'SUPPRESSION', rule: 'KL-STAT-2', family: 'rows' },
  } as const

  it('accepts a declaration for every count field', () => {
    expect(() => checkDisclosureCoverage('t', schema, all)).not.toThrow()
  })

  it('refuses a count field without one, one for a field that does not exist, and malformed ones', () => {
    const { 'Row.count': _omit, ...missing } = all
    expect(() => checkDisclosureCoverage('t', schema, missing)).toThrow(/Row\.count/)
    expect(() => checkDisclosureCoverage('t', schema, { ...all, 'Query.nope': { method: 'NOT_FOR_AGGREGATE_ROLES' } })).toThrow(
      /Query\.nope/,
    )
    const bad: Array<Record<string, unknown>> = [
      { 'Query.keyed': { method: 'CELL_KEY', table: 'NONE' } },
      { 'Query.keyed': { method: 'EXACT', reason: ' ' } },
      { 'Query.keyed': { method: 'SUPPRESSION', rule: 'KL-STAT-2', family: '' } },
      { 'Query.keyed': { method: 'MAGIC' } },
      { keyed: { method: 'NOT_FOR_AGGREGATE_ROLES' } },
    ]
    for (const d of bad) expect(() => validateDisclosureDeclarations('t', d as never)).toThrow()
    expect(() => validateDisclosureDeclarations('t', { 'Query.keyed': { method: 'EXACT', reason: '' } })).toThrow(
      DisclosureDeclarationError,
    )
  })
})
