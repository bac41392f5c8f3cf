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

/**
 * A type whose rows an administrator's row rules may limit, as its department declares it
 * (`ServiceDefinition.rowRules`, keyed by the type's name). The admin API offers exactly these
 * types and fields in its condition builder, refuses rules on anything else, and previews a rule
 * by asking `count` (served at `/row-rules`, lib/service/row-rule-route.ts).
 */
export interface RowRuleTarget {
  /** The type's field names a condition may name → the table's columns (what `withRowFilter` is given). */
  columns: Readonly<Record<string, string>>
  /** The root field that returns these rows, e.g. `Query.allocationRecords`. */
  field: string
  /**
   * How many rows the root field would return to the caller in `ctx`, with its row rules and every
   * gate of the resolver applied (but no page size or argument filters).
   */
  count(ctx: ServiceContext): Promise<number>
}
export type RowRuleTargets = Readonly<Record<string, RowRuleTarget>>
