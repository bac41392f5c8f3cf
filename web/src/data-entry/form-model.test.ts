import { describe, expect, it } from 'vitest'
import { checkField, checkRows, mutationDocument, parseNumber, toInput } from './form-model'
import { tokenClaims } from '../auth/token-claims'
import type { DatasetForm, FieldForm } from './types'

const field = (over: Partial<FieldForm>): FieldForm => ({
  name: 'n',
  column: 'n',
  type: 'integer',
  required: true,
  label: 'N',
  aliases: [],
  ...over,
})

describe('the form’s own checks (they mirror the server’s)', () => {
  it('reads German and plain numbers', () => {
    expect(parseNumber('1.234', 'integer')).toBe(1234)
    expect(parseNumber('12', 'integer')).toBe(12)
    expect(parseNumber('12,5', 'integer')).toBeNull()
    expect(parseNumber('1.234,5', 'decimal')).toBe(1234.5)
    expect(parseNumber('1234.5', 'decimal')).toBe(1234.5)
    expect(parseNumber('1.234', 'decimal')).toBe(1234)
    expect(parseNumber('viele', 'decimal')).toBeNull()
  })

  it('checks required, type, range, dates and allowed values', () => {
    expect(checkField(field({}), '')).toEqual({ key: 'required' })
    expect(checkField(field({ required: false }), ' ')).toBeNull()
    expect(checkField(field({}), 'x')).toEqual({ key: 'integer' })
    expect(checkField(field({ min: 0, max: 10 }), '11')).toEqual({ key: 'max', params: { max: 10 } })
    expect(checkField(field({ min: 0 }), '-1')).toEqual({ key: 'min', params: { min: 0 } })
    expect(checkField(field({ type: 'date', min: '2015-01-01' }), '2014-12-31')).toEqual({ key: 'dateMin', params: { min: '2015-01-01' } })
    expect(checkField(field({ type: 'date' }), '31.12.2025')).toEqual({ key: 'date' })
    expect(checkField(field({ type: 'enum', allowed: ['A', 'B'] }), 'C')).toEqual({ key: 'allowed' })
    expect(checkField(field({ type: 'boolean', required: false }), 'false')).toBeNull()
    expect(checkRows([field({})], [{ n: '1' }, { n: '' }])).toEqual([{ row: 1, field: 'n', check: { key: 'required' } }])
  })

  it('sends numbers as numbers and leaves out empty optional fields', () => {
    const fields = [
      field({ name: 'a' }),
      field({ name: 'b', type: 'decimal', required: false }),
      field({ name: 'c', type: 'boolean', required: false }),
    ]
    expect(toInput(fields, { a: '1.200', b: '', c: 'false' })).toEqual({ a: 1200 })
    expect(toInput(fields, { a: '3', b: '2,5', c: 'true' })).toEqual({ a: 3, b: 2.5, c: true })
  })
})

describe('the mutation document', () => {
  const form = (fieldName: string, inputType: string) =>
    ({ mutation: { field: fieldName, inputType, rowType: 'R' } }) as unknown as DatasetForm
  it('is built from GraphQL names only', () => {
    expect(mutationDocument(form('recordAsylumOccupancy', 'AsylumOccupancyEntryInput'))).toBe(
      'mutation DataEntry($input: AsylumOccupancyEntryInput!) { recordAsylumOccupancy(input: $input) { dataset clientKey rowCount stichtag asOf replayed auditId } }',
    )
    expect(() => mutationDocument(form('x { __schema { types { name } } } y', 'I'))).toThrow(/not a GraphQL name/)
    expect(() => mutationDocument(form('ok', 'I!) { evil'))).toThrow(/not a GraphQL name/)
  })
})

describe('token claims', () => {
  const b64 = (o: object) => btoa(JSON.stringify(o)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')
  it('reads the department of a JWT and nothing from garbage', () => {
    expect(tokenClaims(`h.${b64({ sub: 's', department: 'asylum' })}.sig`)?.department).toBe('asylum')
    expect(tokenClaims('not-a-token')).toBeNull()
    expect(tokenClaims('a.!!!.c')).toBeNull()
    expect(tokenClaims(`h.${b64([1, 2])}.s`)).toBeNull()
  })
})
