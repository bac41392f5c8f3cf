import { sql, type Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { createDb, type DbHandle } from '../../platform/db/create-db.js'
import { prepareDatabase, type PrepareResult } from './prepare-database.js'
import { defineService, type ServiceDefinition } from './define-service.js'
import { createDatabase } from '../../test/helpers/test-database.js'

/** A department of one table whose seed runs `seed` after inserting its rows. */
function department(name: string, seed: (db: Kysely<any>) => Promise<void> = async () => {}): ServiceDefinition {
  return defineService({
    name,
    dbSchema: name,
    defaultPort: 0,
    typeDefs: '',
    resolvers: {},
    createLoaders: () => ({}),
    migrations: {
      '0001-init': {
        up: async db => {
          await sql`create table ${sql.id(name, 'item')} (n int primary key)`.execute(db)
        },
      },
    },
    seed: async db => {
      await sql`insert into ${sql.id(name, 'item')} select generate_series(1, 3)`.execute(db)
      await seed(db)
    },
  })
}

/** Resolves once `count` callers have arrived: seeds that wait on it finish only if they run at the same time. */
function barrier(count: number): () => Promise<void> {
  let arrived = 0
  let open!: () => void
  const opened = new Promise<void>(resolve => {
    open = resolve
  })
  return async () => {
    if (++arrived === count) open()
    const stuck = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('seeds did not run concurrently')), 20_000).unref())
    await Promise.race([opened, stuck])
  }
}

describe('prepareDatabase', () => {
  let database: Awaited<ReturnType<typeof createDatabase>>
  let handle: DbHandle<any>
  beforeAll(async () => {
    database = await createDatabase(inject('adminUrl'), 'sg_prepare')
    handle = createDb(database.url, { max: 4 })
  })
  afterAll(async () => {
    await handle?.close()
    await database?.drop()
  })

  const count = async (schema: string) =>
    (await sql<{ n: number }>`select count(*)::int as n from ${sql.id(schema, 'item')}`.execute(handle.db)).rows[0].n
  const seedRows = async (schema: string) =>
    (await sql<{ n: number }>`select count(*)::int as n from ${sql.id(schema, 'seed_state')}`.execute(handle.db)).rows[0].n

  it('seeds departments at the same time, reports them in the given order and seeds each only once', async () => {
    const together = barrier(3)
    const services = ['dep_a', 'dep_b', 'dep_c'].map(n => department(n, together))
    const finished: string[] = []
    const results = await prepareDatabase(handle.db, services, 'tiny', { onPrepared: r => finished.push(r.service) })
    expect(results.map(r => [r.service, r.migrated, r.seeded])).toEqual([
      ['dep_a', ['0001-init'], true],
      ['dep_b', ['0001-init'], true],
      ['dep_c', ['0001-init'], true],
    ])
    expect(finished.sort()).toEqual(['dep_a', 'dep_b', 'dep_c'])
    for (const s of services) expect(await count(s.dbSchema)).toBe(3)

    const again = await prepareDatabase(
      handle.db,
      services.map(s => department(s.name)),
      'tiny',
    )
    expect(again.map((r: PrepareResult) => [r.migrated, r.seeded])).toEqual([
      [[], false],
      [[], false],
      [[], false],
    ])
    for (const s of services) expect([await count(s.dbSchema), await seedRows(s.dbSchema)]).toEqual([3, 1])
  })

  it('lets the other departments finish when one seed fails, then throws that failure; the failed seed leaves nothing', async () => {
    const failing = department('dep_fail', async () => {
      throw new Error('seed of dep_fail broke')
    })
    const services = [failing, department('dep_ok')]
    await expect(prepareDatabase(handle.db, services, 'tiny')).rejects.toThrow('seed of dep_fail broke')
    expect([await count('dep_ok'), await seedRows('dep_ok')]).toEqual([3, 1])
    expect([await count('dep_fail'), await seedRows('dep_fail')]).toEqual([0, 0])
  })
})
