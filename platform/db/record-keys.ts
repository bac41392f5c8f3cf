import { sql, type Kysely, type RawBuilder } from 'kysely'

/**
 * Record keys in the database (Cell Key Method, lib/disclosure/cell-key.ts).
 *
 * A record key column is `rkey bigint` in [0, 2³²). Rows inserted without one get a key from
 * `gen_random_uuid()` (PostgreSQL's CSPRNG; the first 32 bits of a version-4 UUID are random); an update
 * never touches it, so a record keeps its key for life. Demo seeds insert deterministic keys instead.
 */
export const RECORD_KEY_DEFAULT = sql`(('x' || substr(replace(gen_random_uuid()::text, '-', ''), 1, 8))::bit(32)::bigint)`

/**
 * Adds a record key column to a table (a migration step). Existing rows each get a random key; the
 * check keeps hand-written keys in range.
 */
export async function addRecordKeyColumn(db: Kysely<any>, table: string, column = 'rkey'): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*$/.test(table) || !/^[a-z_][a-z0-9_]*$/.test(column))
    throw new Error(`Not a table.column name: ${table}.${column}`)
  await sql`alter table ${sql.raw(table)} add column ${sql.raw(column)} bigint not null default ${RECORD_KEY_DEFAULT}
    check (${sql.raw(column)} >= 0 and ${sql.raw(column)} < 4294967296)`.execute(db)
}

/**
 * The key sum of the rows an aggregate covers, as an int8 in [0, 2³²): `sum(rkey) mod 2³²`. Use it in
 * the same statement (and the same GROUP BY) as the count it keys. Rows that stand for no record (a stored
 * zero) must be left out with `where`, or they would change the key without changing the count.
 */
export function keySum(column: RawBuilder<unknown> | string, where?: RawBuilder<unknown>): RawBuilder<string> {
  const col = typeof column === 'string' ? sql.ref(column) : column
  const summed = where ? sql`sum(${col}) filter (where ${where})` : sql`sum(${col})`
  return sql<string>`(coalesce(${summed}, 0) % 4294967296)::int8`
}
