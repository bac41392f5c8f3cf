import { sql, type Kysely } from 'kysely'

/** Postgres type of each column, used to cast the unnest() arrays. */
export type ColumnTypes = Record<string, string>

/**
 * Inserts many rows with one `insert … select from unnest(…)` statement per chunk: a statement
 * carries one array parameter per column instead of one parameter per value, which keeps large
 * seeds and imports fast without a COPY dependency.
 */
export async function insertRows(db: Kysely<any>, table: string, columns: ColumnTypes, rows: ReadonlyArray<Record<string, unknown>>,
  chunkSize = 20_000): Promise<void> {
  const names = Object.keys(columns)
  const [schema, name] = table.includes('.') ? table.split('.') : ['public', table]
  for (let start = 0; start < rows.length; start += chunkSize) {
    const chunk = rows.slice(start, start + chunkSize)
    const arrays = names.map(col => sql`${chunk.map(r => r[col] ?? null)}::${sql.raw(columns[col])}[]`)
    await sql`insert into ${sql.id(schema, name)} (${sql.join(names.map(n => sql.id(n)))})
      select * from unnest(${sql.join(arrays)})`.execute(db)
  }
}
