import { sql, type Kysely } from 'kysely'
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest'
import { createDb, type DbHandle } from './create-db.js'
import { isPreparable, readPreparedStatements, statementName } from './prepared-statements.js'
import { createDatabase } from '../../test/helpers/test-database.js'

interface Prepared {
  name: string
  statement: string
  executions: number
}

/** The prepared statements of the connection `db` runs on (pools of one connection in these tests). */
async function preparedOn(db: Kysely<any>): Promise<Prepared[]> {
  const { rows } = await sql<Prepared>`select name, statement, (generic_plans + custom_plans)::int as executions
    from pg_prepared_statements where statement not like '%pg_prepared_statements%' order by name`.execute(db)
  return rows
}

/** The error a statement fails with, as the caller sees it. */
async function failure(run: () => Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await run()
  } catch (err) {
    const e = err as { code: string; message: string }
    return { code: e.code, message: e.message }
  }
  throw new Error('statement did not fail')
}

describe('named prepared statements', () => {
  let database: Awaited<ReturnType<typeof createDatabase>>
  const handles: DbHandle<any>[] = []
  const open = (opts: Parameters<typeof createDb>[1] = {}) => {
    const handle = createDb<any>(database.url, { max: 1, ...opts })
    handles.push(handle)
    return handle.db
  }
  beforeAll(async () => {
    database = await createDatabase(inject('adminUrl'), 'sg_prepared')
    const db = open({ preparedStatements: false })
    await sql`create table item (n int primary key, label text not null)`.execute(db)
    await sql`insert into item select g, 'item ' || g from generate_series(1, 20) g`.execute(db)
  })
  afterEach(async () => {
    delete process.env.DB_PREPARED_STATEMENTS
    await Promise.all(handles.splice(0).map(h => h.close()))
  })
  afterAll(async () => {
    await database?.drop()
  })

  it('prepares a query once per connection under a name derived from its text, and runs it again by that name', async () => {
    const db = open({ preparedStatements: true })
    const query = (n: number) => db.selectFrom('item').select(['n', 'label']).where('n', '=', n)
    expect(await query(3).execute()).toEqual([{ n: 3, label: 'item 3' }])
    expect(await query(4).execute()).toEqual([{ n: 4, label: 'item 4' }])
    expect(await query(5).executeTakeFirst()).toEqual({ n: 5, label: 'item 5' })
    const text = query(0).compile().sql
    expect(await preparedOn(db)).toEqual([{ name: statementName(text), statement: text, executions: 3 }])
  })

  it('leaves transaction control, set, lock, DDL and multi-statement texts unnamed', async () => {
    const db = open({ preparedStatements: true })
    await db.transaction().execute(async trx => {
      await sql`set local statement_timeout = 5000`.execute(trx)
      await sql`lock table item in share mode`.execute(trx)
      await sql`create temporary table scratch (n int) on commit drop`.execute(trx)
    })
    await sql.raw('select 1; select 2').execute(db)
    expect(await preparedOn(db)).toEqual([])
    const labelled = await sql<{ label: string }>`select label from item where n = ${7}`.execute(db)
    expect(labelled.rows).toEqual([{ label: 'item 7' }])
    expect((await preparedOn(db)).map(p => p.statement)).toEqual(['select label from item where n = $1'])
  })

  it('plans every execution of a named statement for its own parameters (no generic plan), and leaves unnamed pools at the default', async () => {
    const mode = async (db: Kysely<any>) =>
      (await sql<{ plan_cache_mode: string }>`show plan_cache_mode`.execute(db)).rows[0].plan_cache_mode
    const named = open({ preparedStatements: true })
    expect(await mode(named)).toBe('force_custom_plan')
    for (let n = 1; n <= 8; n++) await sql`select label from item where n = ${n}`.execute(named)
    const { rows } = await sql<{ generic_plans: number; custom_plans: number }>`select generic_plans::int, custom_plans::int
      from pg_prepared_statements where statement = 'select label from item where n = $1'`.execute(named)
    expect(rows).toEqual([{ generic_plans: 0, custom_plans: 8 }])
    expect(await mode(open({ preparedStatements: false }))).toBe('auto')
  })

  it('names at most the given number of distinct texts per connection and still runs the others', async () => {
    const db = open({ preparedStatements: true, preparedStatementsPerConnection: 3 })
    for (let round = 0; round < 2; round++) {
      for (let size = 1; size <= 6; size++) {
        const ns = Array.from({ length: size }, (_, i) => i + 1)
        const rows = await db.selectFrom('item').select('n').where('n', 'in', ns).orderBy('n').execute()
        expect(rows.map(r => r.n)).toEqual(ns)
      }
    }
    // The first three texts met are named (in-lists of one to three); the rest, the inspecting query too, are not.
    const prepared = await preparedOn(db)
    expect(prepared.map(p => [p.statement, p.executions]).sort()).toEqual([
      ['select "n" from "item" where "n" in ($1) order by "n"', 2],
      ['select "n" from "item" where "n" in ($1, $2) order by "n"', 2],
      ['select "n" from "item" where "n" in ($1, $2, $3) order by "n"', 2],
    ])
    const { rows } = await sql<{ c: number }>`select count(*)::int as c from pg_prepared_statements`.execute(db)
    expect(rows).toEqual([{ c: 3 }])
  })

  it('reports a bad parameter or a bad text exactly as an unnamed statement does, every time, and the connection stays usable', async () => {
    const named = open({ preparedStatements: true })
    const unnamed = open({ preparedStatements: false })
    const badParameter = (db: Kysely<any>) => failure(() => sql`select label from item where n = ${'three'}`.execute(db))
    const badText = (db: Kysely<any>) => failure(() => sql`select label from item where nn = ${3}`.execute(db))
    const expected = [await badParameter(unnamed), await badText(unnamed)]
    expect(expected.map(e => e.code)).toEqual(['22P02', '42703'])
    for (let i = 0; i < 2; i++) {
      expect([await badParameter(named), await badText(named)]).toEqual(expected)
      expect((await sql`select label from item where n = ${3}`.execute(named)).rows).toEqual([{ label: 'item 3' }])
    }
    // The text with the bad parameter is prepared (only its execution fails); the bad text never is.
    expect((await preparedOn(named)).map(p => p.statement).sort()).toEqual(['select label from item where n = $1'])
  })

  it('rolls back a transaction whose prepared statement fails, as before', async () => {
    const db = open({ preparedStatements: true })
    const insert = (n: number | string) => sql`insert into item (n, label) values (${n}, 'new')`.execute(db)
    await expect(
      db.transaction().execute(async trx => {
        await sql`insert into item (n, label) values (${100}, 'new')`.execute(trx)
        await sql`insert into item (n, label) values (${'x'}, 'new')`.execute(trx)
      }),
    ).rejects.toMatchObject({ code: '22P02' })
    expect((await sql`select count(*)::int as c from item where n >= ${100}`.execute(db)).rows).toEqual([{ c: 0 }])
    await expect(insert(1)).rejects.toMatchObject({ code: '23505' })
  })

  it('keeps answering when a migration changes what a prepared query returns; inside a transaction the change surfaces once', async () => {
    const db = open({ preparedStatements: true })
    const admin = open({ preparedStatements: false })
    await sql`create table evolving (n int)`.execute(admin)
    await sql`insert into evolving values (1)`.execute(admin)
    const read = (on: Kysely<any> = db) => on.selectFrom('evolving').selectAll().where('n', '>', 0).execute()
    const readAll = (on: Kysely<any> = db) => on.selectFrom('evolving').selectAll().where('n', '>=', 0).execute()
    expect(await read()).toEqual([{ n: 1 }])
    expect(await readAll()).toEqual([{ n: 1 }])

    await sql`alter table evolving add column label text default 'x'`.execute(admin)
    expect(await read()).toEqual([{ n: 1, label: 'x' }])
    expect(await read()).toEqual([{ n: 1, label: 'x' }])

    // Still named, met first inside a transaction: that transaction fails (it cannot go on after an error).
    await expect(db.transaction().execute(trx => readAll(trx))).rejects.toMatchObject({ code: '0A000' })
    expect(await db.transaction().execute(trx => readAll(trx))).toEqual([{ n: 1, label: 'x' }])
    expect(await readAll()).toEqual([{ n: 1, label: 'x' }])
  })

  it('sends nothing named when switched off, by option or by DB_PREPARED_STATEMENTS=off', async () => {
    const byOption = open({ preparedStatements: false })
    process.env.DB_PREPARED_STATEMENTS = 'off'
    const byEnv = open()
    for (const db of [byOption, byEnv]) {
      for (const n of [1, 2, 3])
        expect((await sql`select label from item where n = ${n}`.execute(db)).rows).toEqual([{ label: `item ${n}` }])
      expect(await sql<{ c: number }>`select count(*)::int as c from pg_prepared_statements`.execute(db).then(r => r.rows)).toEqual([
        { c: 0 },
      ])
    }
  })

  it('reads DB_PREPARED_STATEMENTS: on unless off, a clear error otherwise', () => {
    expect(readPreparedStatements({})).toBe(true)
    expect(readPreparedStatements({ DB_PREPARED_STATEMENTS: 'on' })).toBe(true)
    expect(readPreparedStatements({ DB_PREPARED_STATEMENTS: ' OFF ' })).toBe(false)
    expect(() => readPreparedStatements({ DB_PREPARED_STATEMENTS: 'no' })).toThrow('DB_PREPARED_STATEMENTS must be on or off, got "no"')
  })

  it('names queries and DML only', () => {
    expect(isPreparable('select 1', [])).toBe(true)
    expect(isPreparable('\n  with x as (select $1) select * from x', [1])).toBe(true)
    expect(isPreparable('insert into t values ($1)', [1])).toBe(true)
    expect(isPreparable('select 1; select 2', [])).toBe(false)
    expect(isPreparable('selection', [])).toBe(false)
    for (const text of [
      'begin',
      'commit',
      'rollback',
      'set search_path = x',
      'create table t (n int)',
      'copy t from stdin',
      'lock table t',
    ]) {
      expect(isPreparable(text, [])).toBe(false)
    }
  })
})
