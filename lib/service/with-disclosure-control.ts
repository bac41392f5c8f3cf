import { defaultFieldResolver, getNamedType, getNullableType, isListType, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql'
import { MapperKind, mapSchema } from '@graphql-tools/utils'
import { suppressCell } from '../../auth/disclosure/suppress-cell.js'
import { suppressTable } from '../../auth/disclosure/suppress-table.js'
import type { StatCount } from '../stat.js'
import type { ServiceContext } from './define-service.js'

const CELL = 'StatCount'

const isCell = (v: unknown): v is StatCount => !!v && typeof v === 'object' && 'value' in v && 'status' in v
const then = <T, R>(v: T | Promise<T>, f: (x: T) => R): R | Promise<R> => (v instanceof Promise ? v.then(f) : f(v))

/**
 * Statistical disclosure control for every department at once (auth/disclosure): when the caller
 * is aggregate-only (public, committee), every `StatCount` a resolver returns gets primary
 * suppression, and every list of rows that carry one `StatCount` is treated as a published table
 * (primary + secondary suppression over the whole list, before the client's selection applies).
 * Other callers get the exact values. Deterministic; results are copied, never mutated.
 */
export function withDisclosureControl(schema: GraphQLSchema): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: config => {
      const type = getNullableType(config.type)
      const named = getNamedType(config.type)
      const resolve: GraphQLFieldResolver<unknown, ServiceContext> = config.resolve ?? defaultFieldResolver
      if (named.name === CELL && !isListType(type)) {
        return {
          ...config,
          resolve: (source, args, ctx, info) => {
            const value = resolve(source, args, ctx, info)
            return ctx?.principal?.aggregateOnly ? then(value, v => (isCell(v) ? suppressCell(v) : v)) : value
          },
        }
      }
      if (isListType(type) && isObjectType(named)) {
        const cells = Object.values(named.getFields()).filter(f => getNamedType(f.type).name === CELL && !isListType(getNullableType(f.type)))
        if (cells.length !== 1) return config
        const key = cells[0].name
        return {
          ...config,
          resolve: (source, args, ctx, info) => {
            const value = resolve(source, args, ctx, info)
            if (!ctx?.principal?.aggregateOnly) return value
            return then(value, rows => {
              if (!Array.isArray(rows) || !rows.every(r => r && isCell((r as Record<string, unknown>)[key]))) return rows
              return suppressTable(rows as Array<Record<string, StatCount>>, r => r[key], (r, cell) => ({ ...r, [key]: cell }))
            })
          },
        }
      }
      return config
    },
  })
}
