import { sql, type Kysely } from 'kysely'

/** Postgres type of each column, used to cast the unnest() arrays. */
export type ColumnTypes = Record<string, string>

/**
 * Inserts many rows with one `insert … select from unnest(…)` statement per chunk: a statement
 * carries one array parameter per column instead of one parameter per value, which keeps large
 * seeds and imports fast without a COPY dependency.
 */
export async function insertRows(
  db: Kysely<any>,
  table: string,
  columns: ColumnTypes,
  rows: ReadonlyArray<Record<string, unknown>>,
  chunkSize = 20_000,
): Promise<void> {
  const names = Object.keys(columns)
  for (let start = 0; start < rows.length; start += chunkSize) {
    const chunk = rows.slice(start, start + chunkSize)
    await insertChunk(
      db,
      table,
      columns,
      names.map(col => chunk.map(r => r[col] ?? null)),
    )
  }
}

/**
 * The same for data held column by column (one array per column, all of one length): millions of
 * rows without building a row object each. Chunks of 50k rows keep every statement's parameters a
 * few MB while the per-statement overhead stays negligible.
 */
export async function insertColumns(
  db: Kysely<any>,
  table: string,
  columns: ColumnTypes,
  data: Readonly<Record<string, ReadonlyArray<unknown>>>,
  chunkSize = 50_000,
): Promise<number> {
  const names = Object.keys(columns)
  const length = data[names[0]]?.length ?? 0
  for (const n of names) {
    if (data[n]?.length !== length)
      throw new Error(`insertColumns ${table}: column ${n} has ${data[n]?.length ?? 'no'} values, expected ${length}`)
  }
  for (let start = 0; start < length; start += chunkSize) {
    await insertChunk(
      db,
      table,
      columns,
      names.map(n => data[n].slice(start, start + chunkSize)),
    )
  }
  return length
}

async function insertChunk(db: Kysely<any>, table: string, columns: ColumnTypes, values: unknown[][]): Promise<void> {
  const names = Object.keys(columns)
  const [schema, name] = table.includes('.') ? table.split('.') : ['public', table]
  const arrays = names.map((col, i) => sql`${values[i]}::${sql.raw(columns[col])}[]`)
  await sql`insert into ${sql.id(schema, name)} (${sql.join(names.map(n => sql.id(n)))})
    select * from unnest(${sql.join(arrays)})`.execute(db)
}
