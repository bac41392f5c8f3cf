import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { createDb, type DbHandle } from './create-db.js'
import { addRecordKeyColumn, keySum } from './record-keys.js'
import { addKeys, cellKeyOf } from '../../lib/disclosure/cell-key.js'
import { createDatabase } from '../../test/helpers/test-database.js'

describe('record keys in PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof createDatabase>>
  let handle: DbHandle<any>

  beforeAll(async () => {
    database = await createDatabase(inject('adminUrl'), 'sg_record_keys')
    handle = createDb(database.url)
    await sql`create schema t`.execute(handle.db)
    await sql`create table t.person (id int primary key, grp text not null, n int not null default 1)`.execute(handle.db)
    await sql`insert into t.person (id, grp) select g, case when g % 3 = 0 then 'a' else 'b' end from generate_series(1, 300) g`.execute(
      handle.db,
    )
    await addRecordKeyColumn(handle.db, 't.person')
  })
  afterAll(async () => {
    await handle?.close()
    await database?.drop()
  })

  it('gives existing and new rows random keys in [0, 2³²) and keeps a key on update', async () => {
    await sql`insert into t.person (id, grp) values (1000, 'a')`.execute(handle.db)
    const { rows } = await sql<{ id: number; rkey: string }>`select id, rkey from t.person order by id`.execute(handle.db)
    const keys = rows.map(r => Number(r.rkey))
    expect(keys.every(k => Number.isInteger(k) && k >= 0 && k < 2 ** 32)).toBe(true)
    expect(new Set(keys).size).toBe(keys.length)
    // Uniform-looking: about half of them in the upper half (301 keys; a wide band that fails only on a broken default).
    const upper = keys.filter(k => k >= 2 ** 31).length
    expect(upper).toBeGreaterThan(110)
    expect(upper).toBeLessThan(191)
    await sql`update t.person set grp = 'b' where id = 1000`.execute(handle.db)
    const after = await sql<{ rkey: string }>`select rkey from t.person where id = 1000`.execute(handle.db)
    expect(after.rows[0].rkey).toBe(rows.at(-1)!.rkey)
  })

  it('refuses keys out of range and names that are not table names', async () => {
    await expect(sql`insert into t.person (id, grp, rkey) values (2000, 'a', 4294967296)`.execute(handle.db)).rejects.toThrow(/check/)
    await expect(sql`insert into t.person (id, grp, rkey) values (2001, 'a', -1)`.execute(handle.db)).rejects.toThrow(/check/)
    await expect(addRecordKeyColumn(handle.db, 't.person; drop table t.person')).rejects.toThrow(/Not a table/)
  })

  it('keySum in SQL is the JS key sum of the same records, whatever the grouping', async () => {
    const { rows } = await sql<{
      grp: string
      n: number
      k: string
    }>`select grp, count(*)::int as n, ${keySum('rkey')} as k from t.person group by grp order by grp`.execute(handle.db)
    const all = await sql<{ rkey: string; grp: string }>`select rkey, grp from t.person`.execute(handle.db)
    for (const r of rows) {
      expect(Number(r.k)).toBe(addKeys(all.rows.filter(x => x.grp === r.grp).map(x => Number(x.rkey))))
    }
    const total = await sql<{ k: string }>`select ${keySum('rkey')} as k from t.person`.execute(handle.db)
    expect(cellKeyOf(total.rows[0].k)).toBe(cellKeyOf(addKeys(rows.map(r => Number(r.k)))))
    const filtered = await sql<{ k: string }>`select ${keySum('rkey', sql`grp = 'a'`)} as k from t.person`.execute(handle.db)
    expect(filtered.rows[0].k).toBe(rows[0].k)
    const none = await sql<{ k: string }>`select ${keySum('rkey')} as k from t.person where false`.execute(handle.db)
    expect(Number(none.rows[0].k)).toBe(0)
  })
})
