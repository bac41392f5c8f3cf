import pg from 'pg'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { createDatabase } from '../../test/helpers/test-database.js'
import { MIGRATION_LOCK_KEY, withMigrationLock } from './migration-lock.js'

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms))

describe('withMigrationLock', () => {
  let database: Awaited<ReturnType<typeof createDatabase>>
  beforeAll(async () => {
    database = await createDatabase(inject('adminUrl'), 'sg_lock')
  })
  afterAll(async () => {
    await database?.drop()
  })

  it('serialises two concurrent runs: the second starts only after the first finished, and says it waits', async () => {
    const events: string[] = []
    const waited: string[] = []
    const run = (name: string) =>
      withMigrationLock(
        database.url,
        async () => {
          events.push(`${name} start`)
          await sleep(400)
          events.push(`${name} end`)
          return name
        },
        { onWait: () => waited.push(name) },
      )
    const first = run('a')
    // The first run holds the lock before the second asks for it.
    await sleep(150)
    const second = run('b')
    // While `a` runs, `b` is a waiting advisory lock request on the server.
    await sleep(150)
    const c = new pg.Client({ connectionString: database.url })
    await c.connect()
    const { rows } = await c.query<{ granted: boolean }>(
      `select granted from pg_locks where locktype = 'advisory' and database = (select oid from pg_database where datname = current_database())
         and ((classid::bigint << 32) | objid::bigint) = $1::bigint order by granted desc`,
      [MIGRATION_LOCK_KEY],
    )
    await c.end()
    expect(rows.map(r => r.granted)).toEqual([true, false])
    expect(await Promise.all([first, second])).toEqual(['a', 'b'])
    expect(events).toEqual(['a start', 'a end', 'b start', 'b end'])
    expect(waited).toEqual(['b'])
  })

  it('releases the lock when the run fails, so the next run proceeds', async () => {
    await expect(withMigrationLock(database.url, async () => Promise.reject(new Error('migration broke')))).rejects.toThrow(
      'migration broke',
    )
    const waited: string[] = []
    expect(await withMigrationLock(database.url, async () => 'next', { onWait: () => waited.push('x') })).toBe('next')
    expect(waited).toEqual([])
  })
})
