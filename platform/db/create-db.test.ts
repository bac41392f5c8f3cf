import { afterEach, describe, expect, inject, it } from 'vitest'
import { sql } from 'kysely'
import { createDb, type DbHandle } from './create-db.js'
import { DatabaseTimeoutError, isDatabaseTimeout } from './database-timeout.js'
import { DEFAULT_DB_TIMEOUTS, readDbTimeouts } from './db-timeouts.js'
import { createFormatError } from '../http/format-error.js'

// Bounds of a serving pool against a real PostgreSQL (read-only use of the shared city database).
// A server that does not answer at all is covered by test/e2e/postgres-paused.test.ts.

const open: DbHandle<any>[] = []
const db = (opts: Parameters<typeof createDb>[1]) => {
  const handle = createDb(inject('cityDatabaseUrl'), opts)
  open.push(handle)
  return handle
}
afterEach(async () => {
  await Promise.all(open.splice(0).map(h => h.close()))
})

const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a failure')
    },
    (err: unknown) => err,
  )

describe('statement timeout', () => {
  it('cancels a statement that runs longer, as a database timeout, and keeps the connection usable', async () => {
    const h = db({ max: 1, statementTimeoutMs: 300 })
    const err = await failure(sql`select pg_sleep(3)`.execute(h.db))
    expect((err as { code?: string }).code).toBe('57014')
    expect(isDatabaseTimeout(err)).toBe(true)
    const { rows } = await sql<{ one: number }>`select 1 as one`.execute(h.db)
    expect(rows).toEqual([{ one: 1 }])
  })

  it('is off unless asked for (migrations and seeds may run long)', async () => {
    const h = db({ max: 1 })
    const { rows } = await sql<{ t: string }>`select current_setting('statement_timeout') as t`.execute(h.db)
    expect(rows[0].t).toBe('0')
    const bounded = db({ max: 1, statementTimeoutMs: 1234 })
    expect((await sql<{ t: string }>`select current_setting('statement_timeout') as t`.execute(bounded.db)).rows[0].t).toBe('1234ms')
  })
})

describe('a server that does not answer', () => {
  it('is given up on a second after the statement timeout; the connection is dropped, a transaction fails as a timeout', async () => {
    const h = db({ max: 1, statementTimeoutMs: 200 })
    // The server-side bound lifted for this transaction: only the client-side one is left.
    const err = await failure(
      h.db.transaction().execute(async trx => {
        await sql`set local statement_timeout = 0`.execute(trx)
        await sql`select pg_sleep(4)`.execute(trx)
      }),
    )
    expect(isDatabaseTimeout(err), String(err)).toBe(true)
    const { rows } = await sql<{ one: number }>`select 1 as one`.execute(h.db)
    expect(rows).toEqual([{ one: 1 }])
  })
})

describe('connection acquisition', () => {
  it('gives up waiting for a free connection after connectTimeoutMs, as a database timeout', async () => {
    const h = db({ max: 1, connectTimeoutMs: 300 })
    let release!: () => void
    const held = h.db.connection().execute(async conn => {
      await sql`select 1`.execute(conn)
      await new Promise<void>(r => {
        release = r
      })
    })
    while (!release) await new Promise(r => setTimeout(r, 10))
    const err = await failure(sql`select 1`.execute(h.db))
    expect(isDatabaseTimeout(err)).toBe(true)
    release()
    await held
  })
})

describe('ping', () => {
  it('resolves when the database answers, and rejects within its bound when no connection can be had', async () => {
    const h = db({ max: 1 })
    await h.ping(1_000)
    let release!: () => void
    const held = h.db.connection().execute(async conn => {
      await sql`select 1`.execute(conn)
      await new Promise<void>(r => {
        release = r
      })
    })
    while (!release) await new Promise(r => setTimeout(r, 10))
    const err = await failure(h.ping(200))
    expect(err).toBeInstanceOf(DatabaseTimeoutError)
    release()
    await held
    await h.ping(1_000)
  })
})

describe('DATABASE_TIMEOUT', () => {
  it('is what a client sees for a timed-out statement, instead of INTERNAL_SERVER_ERROR', async () => {
    const h = db({ max: 1, statementTimeoutMs: 200 })
    const err = await failure(sql`select pg_sleep(2)`.execute(h.db))
    const formatted = createFormatError('geo')(
      { message: String((err as Error).message), path: ['districts'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      { originalError: err },
    )
    expect(formatted.extensions).toEqual({ code: 'DATABASE_TIMEOUT', serviceName: 'geo' })
    expect(formatted.message).not.toMatch(/pg_sleep|statement/)
    const other = createFormatError('geo')(
      { message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      { originalError: Object.assign(new Error('canceling statement due to user request'), { code: '57014' }) },
    )
    expect(other.extensions?.code).toBe('INTERNAL_SERVER_ERROR')
  })
})

describe('readDbTimeouts', () => {
  it('defaults, reads and refuses values naming the variable', () => {
    expect(readDbTimeouts({})).toEqual(DEFAULT_DB_TIMEOUTS)
    expect(readDbTimeouts({ DB_STATEMENT_TIMEOUT_MS: '2500', DB_CONNECT_TIMEOUT_MS: '800' })).toEqual({
      statementTimeoutMs: 2500,
      connectTimeoutMs: 800,
    })
    for (const bad of ['0', '-1', '1.5', 'abc', '99', '600001', '1e3x']) {
      expect(() => readDbTimeouts({ DB_STATEMENT_TIMEOUT_MS: bad }), bad).toThrow(/DB_STATEMENT_TIMEOUT_MS/)
    }
    expect(() => readDbTimeouts({ DB_CONNECT_TIMEOUT_MS: 'soon' })).toThrow(/DB_CONNECT_TIMEOUT_MS/)
  })
})
