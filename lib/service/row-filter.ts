import { sql, type SelectQueryBuilder } from 'kysely'
import type { ServiceContext } from './define-service.js'

/**
 * Applies the caller's row rules for `coordinate` (a type) to a query, in SQL. `columns` maps the
 * type's field names to the table's columns; a rule on a field the department did not map matches
 * no row, as does a rule whose claim the caller lacks (fail closed).
 */
export function withRowFilter<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  ctx: ServiceContext,
  coordinate: string,
  columns: Readonly<Record<string, string>>,
): SelectQueryBuilder<DB, TB, O> {
  const filter = ctx.principal.rowFilters?.find(f => f.coordinate === coordinate)
  if (!filter) return query
  const alternatives = filter.anyOf.map(conditions =>
    sql.join(
      conditions.map(c => {
        const column = Object.hasOwn(columns, c.field) ? columns[c.field] : null
        return column && c.value !== null ? sql`${sql.ref(column)} = ${c.value}` : sql`false`
      }),
      sql` and `,
    ),
  )
  return query.where(
    sql<boolean>`(${sql.join(
      alternatives.map(a => sql`(${a})`),
      sql` or `,
    )})`,
  )
}
