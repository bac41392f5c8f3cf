import { GraphQLScalarType, Kind, type GraphQLError } from 'graphql'
import { graphqlError } from '../../platform/errors.js'

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

function badDate(value: unknown): GraphQLError {
  return graphqlError('BAD_USER_INPUT', `Date must be YYYY-MM-DD, got ${JSON.stringify(value)}`)
}

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) throw badDate(value)
  const d = new Date(`${value}T00:00:00Z`)
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) throw badDate(value)
  return value
}

/** `Date` is a calendar date string; values from Postgres `date` columns arrive as strings already. */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  serialize: v => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10)),
  parseValue: parseDate,
  parseLiteral: ast => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
})

export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  serialize: v => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString()),
  parseValue: v => {
    const d = new Date(String(v))
    if (typeof v !== 'string' || Number.isNaN(d.getTime())) {
      throw graphqlError('BAD_USER_INPUT', `DateTime must be ISO 8601, got ${JSON.stringify(v)}`)
    }
    return d
  },
})

export const scalarResolvers = { Date: DateScalar, DateTime: DateTimeScalar }
