import {
  defaultFieldResolver,
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from 'graphql'
import { MapperKind, mapSchema } from '@graphql-tools/utils'
import { suppressCell } from '../disclosure/suppress-cell.js'
import { suppressTable } from '../disclosure/suppress-table.js'
import type { StatCount } from '../../platform/stat.js'
import type { ServiceContext } from './define-service.js'
import { DisclosureDeclarationError, isDisclosed, validateDisclosureDeclarations, type DisclosureDeclarations } from './disclosure-cells.js'

const CELL = 'StatCount'

const isCell = (v: unknown): v is StatCount => !!v && typeof v === 'object' && 'value' in v && 'status' in v
const then = <T, R>(v: T | Promise<T>, f: (x: T) => R): R | Promise<R> => (v instanceof Promise ? v.then(f) : f(v))

/**
 * Every `StatCount` field of the schema must have a stated guarantee, and every guarantee must name a field
 * that exists: a new count field cannot reach aggregate-only roles without someone deciding how.
 */
export function checkDisclosureCoverage(service: string, schema: GraphQLSchema, declarations: DisclosureDeclarations): void {
  validateDisclosureDeclarations(service, declarations)
  const missing: string[] = []
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue
    for (const field of Object.values(type.getFields())) {
      if (getNamedType(field.type).name === CELL && !declarations[`${type.name}.${field.name}`]) missing.push(`${type.name}.${field.name}`)
    }
  }
  if (missing.length) throw new DisclosureDeclarationError(`${service}: count fields without a disclosure guarantee: ${missing.join(', ')}`)
  for (const coordinate of Object.keys(declarations)) {
    const [typeName, fieldName] = coordinate.split('.')
    const type = schema.getType(typeName)
    if (!isObjectType(type) || !type.getFields()[fieldName])
      throw new DisclosureDeclarationError(`${service}: disclosure declared for ${coordinate}, which is not a field`)
  }
}

/**
 * Statistical disclosure control for every department at once (lib/disclosure), for callers that are
 * aggregate-only (public, committee):
 * - a `StatCount` that went through the department's stated method (`keyedCell`, `exactCell`,
 *   `familyCell` in disclosure-cells.ts) is published as it is;
 * - any other `StatCount` is a fail-safe case: it gets primary suppression, and a list of rows that carry
 *   one such `StatCount` is treated as one published table (primary + secondary suppression over the whole
 *   list, before the client's selection applies).
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
            return ctx?.principal?.aggregateOnly ? then(value, v => (isCell(v) && !isDisclosed(v) ? suppressCell(v) : v)) : value
          },
        }
      }
      if (isListType(type) && isObjectType(named)) {
        const cells = Object.values(named.getFields()).filter(
          f => getNamedType(f.type).name === CELL && !isListType(getNullableType(f.type)),
        )
        if (cells.length !== 1) return config
        const key = cells[0].name
        return {
          ...config,
          resolve: (source, args, ctx, info) => {
            const value = resolve(source, args, ctx, info)
            if (!ctx?.principal?.aggregateOnly) return value
            return then(value, rows => {
              if (!Array.isArray(rows) || !rows.every(r => r && isCell((r as Record<string, unknown>)[key]))) return rows
              if (rows.every(r => isDisclosed((r as Record<string, unknown>)[key]))) return rows
              return suppressTable(
                rows as Array<Record<string, StatCount>>,
                r => r[key],
                (r, cell) => ({ ...r, [key]: cell }),
              )
            })
          },
        }
      }
      return config
    },
  })
}
