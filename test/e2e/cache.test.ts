import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import pg from 'pg'
import { Redis } from 'ioredis'
import { createDb, type DbHandle } from '../../platform/db/create-db.js'
import { prepareDatabase } from '../../lib/service/prepare-database.js'
import { loadService } from '../../lib/service/discover-services.js'
import { createSubgraphServer, type SubgraphServer } from '../../lib/service/create-subgraph-server.js'
import { afterWrite } from '../../lib/service/after-write.js'
import { writeDataset } from '../../lib/data-entry/write-dataset.js'
import { datasets as asylumDatasets } from '../../services/asylum/datasets.js'
import { readCacheConfig, type CacheConfig } from '../../lib/cache/cache-config.js'
import { OPERATIONS } from '../../bench/dev-cache/operations.js'
import { createDatabase } from '../helpers/test-database.js'
import { bearer, startCity, type RunningCity } from '../helpers/start-city.js'
import { graphql, internalHeaders, TEST_INTERNAL_SECRET } from '../helpers/start-subgraphs.js'
import { waitFor } from '../helpers/wait-for.js'

// The departments' cross-request cache and the gateway's in-flight deduplication, end to end:
// real Postgres, real HTTP through the gateway, real tokens. Each city gets its own cache
// namespace so runs sharing one Redis never see each other's entries.

const memoryCache = (): CacheConfig => readCacheConfig({ CACHE: 'memory', CACHE_NAMESPACE: `test-${randomUUID().slice(0, 8)}` })

describe('a cached answer never reaches a caller who may not see it', () => {
  let cached: RunningCity
  beforeAll(async () => {
    cached = await startCity(inject('cityDatabaseUrl'), { cache: memoryCache() })
  })
  afterAll(async () => {
    await cached?.stop()
  })

  const cells = '{ districts { code population(year: 2025) { byNationality(top: 13) { group count { value status } } } } }'
  type Cell = { group: string; count: { value: number | null; status: string } }
  const tables = (res: any): Cell[][] => res.data.districts.map((d: any) => d.population.byNationality)

  it('fills the cache with exact counts for controlling, and still perturbs them for public and committee', async () => {
    const before = cached.subgraphs.byName.get('population')!.server.cache.stats()
    const exact = await cached.queryAs('controlling', cells)
    expect(exact.errors).toBeUndefined()
    const small = tables(exact)
      .flat()
      .filter(c => c.count.value === 1 || c.count.value === 2)
    expect(small.length).toBeGreaterThan(0)
    const answers = [await cached.query(cells), await cached.queryAs('committee', cells)]
    for (const res of answers) {
      expect(res.errors).toBeUndefined()
      tables(res).forEach((table, i) => {
        const truth = new Map(tables(exact)[i].map(c => [c.group, c.count.value!]))
        expect(table.map(c => c.group).sort()).toEqual([...truth.keys()].sort())
        for (const c of table) {
          const n = truth.get(c.group)!
          if (n === 0) expect(c.count).toEqual({ value: 0, status: 'ZERO' })
          else {
            expect(c.count.status).toBe('PERTURBED')
            expect(Math.abs(c.count.value! - n)).toBeLessThanOrEqual(2)
          }
        }
      })
    }
    // The same records get the same noise for every aggregate-only caller.
    expect(answers[1].data).toEqual(answers[0].data)
    // The aggregate roles were answered from the entries controlling filled, not from the database.
    const after = cached.subgraphs.byName.get('population')!.server.cache.stats()
    expect(after.hits).toBeGreaterThan(before.hits)
    // …and the entries were not changed by perturbing them: controlling still gets exact counts.
    expect((await cached.queryAs('controlling', cells)).data).toEqual(exact.data)
  })

  it('gives controlling exact counts from entries a public request filled', async () => {
    const q = '{ districts { code population(year: 2024) { byNationality(top: 13) { group count { value status } } } } }'
    const pub = await cached.query(q)
    expect(JSON.stringify(pub.data)).toContain('PERTURBED')
    const exact = await cached.queryAs('controlling', q)
    expect(JSON.stringify(exact.data)).not.toMatch(/SECRET|PERTURBED/)
    expect(
      tables(exact)
        .flat()
        .some(c => c.count.value === 1 || c.count.value === 2),
    ).toBe(true)
  })

  it('keeps forecasts from callers without finance scopes, after a caller with them filled the entries', async () => {
    const q =
      '{ product(code: "313") { name result(year: 2026, version: PROGNOSE) { ordinaryExpense { amount } } comparison(year: 2026) { ansatz { amount } deviation { amount } } } }'
    const committee = await cached.queryAs('committee', q)
    expect(committee.errors).toBeUndefined()
    expect(committee.data.product.result.ordinaryExpense.amount).toBeGreaterThan(0)
    expect(committee.data.product.comparison.deviation.amount).not.toBeNull()
    const pub = await cached.query(q)
    expect(pub.data.product.result).toBeNull()
    expect(pub.errors?.map(e => [e.extensions?.code, e.path])).toEqual([['FORBIDDEN_FIELD', ['product', 'result']]])
    // 2026 has no Ist yet: for the public the deviation must not be derived from the cached Prognose.
    expect(pub.data.product.comparison.deviation).toBeNull()
    expect(pub.data.product.comparison.ansatz.amount).toBe(committee.data.product.comparison.ansatz.amount)
  })

  it('never shares personal rows between principals, even for identical concurrent requests', async () => {
    const records = '{ allocationRecords(from: "2024-03-01", to: "2024-03-31", first: 50) { id route } }'
    const asOwnStaff = {
      ...bearer('staff', { department: 'asylum', sub: 'caseworker-1' }),
      'x-stadtgraph-purpose': 'Unterbringungsplanung',
    }
    const asOtherDept = { ...bearer('staff', { department: 'finance', sub: 'clerk-2' }), 'x-stadtgraph-purpose': 'Unterbringungsplanung' }
    const [own, other, own2] = await Promise.all([
      graphql(cached.gateway.url, records, undefined, asOwnStaff),
      graphql(cached.gateway.url, records, undefined, asOtherDept),
      graphql(cached.gateway.url, records, undefined, asOwnStaff),
    ])
    expect(own.data.allocationRecords.length).toBeGreaterThan(0)
    expect(own2.data.allocationRecords).toEqual(own.data.allocationRecords)
    expect(other.data?.allocationRecords ?? []).toEqual([])
    // Each read of personal data is its own, with its own access-log entry.
    const db = new pg.Client({ connectionString: inject('cityDatabaseUrl') })
    await db.connect()
    try {
      const { rows } = await db.query(`select subject from access.access_log where subject in ('caseworker-1', 'clerk-2')`)
      expect(rows.filter(r => r.subject === 'caseworker-1')).toHaveLength(2)
    } finally {
      await db.end()
    }
  })

  it('answers identical concurrent queries of different roles each with their own projection', async () => {
    const q = '{ asylumCapacity(day: "2024-06-30") { capacity free monthsOfHeadroom } }'
    const results = await Promise.all([0, 1, 2, 3].map(i => (i % 2 ? cached.queryAs('controlling', q) : cached.query(q))))
    for (const [i, res] of results.entries()) {
      if (i % 2) {
        expect(res.errors).toBeUndefined()
        expect(res.data.asylumCapacity.monthsOfHeadroom).not.toBeUndefined()
      } else {
        // monthsOfHeadroom is internal: the public projection does not have the field at all.
        expect(res.status).toBe(400)
        expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED')
      }
    }
  })
})

describe('row rules changed at runtime reach the next request, cache and dedupe on', () => {
  let policyDb: Awaited<ReturnType<typeof createDatabase>>
  let city: RunningCity
  beforeAll(async () => {
    policyDb = await createDatabase(inject('adminUrl'), 'sg_policy')
    city = await startCity(inject('cityDatabaseUrl'), { cache: memoryCache(), policyDatabaseUrl: policyDb.url })
  })
  afterAll(async () => {
    await city?.stop()
    await policyDb?.drop()
  })

  it('limits person-level rows by the new rule even for identical concurrent requests', async () => {
    const admin = (query: string, variables?: Record<string, unknown>) =>
      graphql(city.gateway.url.replace(/\/graphql$/, '/admin/graphql'), query, variables, bearer('admin'))
    const records = '{ allocationRecords(from: "2024-03-01", to: "2024-03-31", first: 200) { id route } }'
    const headers = { ...bearer('staff', { department: 'asylum' }), 'x-stadtgraph-purpose': 'Unterbringungsplanung' }
    const ask = () => graphql(city.gateway.url, records, undefined, headers)
    const routes = (res: any) => new Set(res.data.allocationRecords.map((r: { route: string }) => r.route))
    const before = await Promise.all([ask(), ask(), ask()])
    for (const res of before) expect(routes(res).size).toBeGreaterThan(1)

    const {
      data: {
        policy: { version },
      },
    } = await admin('{ policy { version } }')
    const set = await admin(
      `mutation ($v: Int!, $c: String!) { setRowRule(input: { role: "staff", coordinate: "AllocationRecord", condition: $c }, expectedVersion: $v) }`,
      { v: version, c: JSON.stringify({ column: 'route', equals: 'UKRAINE_24' }) },
    )
    expect(set.errors).toBeUndefined()
    // The gateway hears of the change through LISTEN/NOTIFY; from then on every answer is limited.
    await waitFor(`the gateway to load a policy newer than version ${version}`, () => city.gateway.policyVersion() > version)
    const after = await Promise.all([ask(), ask(), ask()])
    for (const res of after) {
      expect(res.data.allocationRecords.length).toBeGreaterThan(0)
      expect([...routes(res)]).toEqual(['UKRAINE_24'])
    }
  })
})

describe('cached and uncached answers are identical', () => {
  let cached: RunningCity
  let uncached: RunningCity
  beforeAll(async () => {
    ;[cached, uncached] = await Promise.all([
      startCity(inject('cityDatabaseUrl'), { cache: memoryCache() }),
      startCity(inject('cityDatabaseUrl'), { gateway: { dedupe: false } }),
    ])
  })
  afterAll(async () => {
    await Promise.all([cached?.stop(), uncached?.stop()])
  })

  it.each(OPERATIONS.map(op => [op.name, op] as const))('%s', async (_name, op) => {
    for (const roles of ['public', 'controlling']) {
      for (const i of [0, 1]) {
        const vars = op.variables(i)
        const reference = await uncached.queryAs(roles, op.query, vars)
        expect(reference.errors).toBeUndefined()
        expect(reference.data).not.toBeNull()
        const cold = await cached.queryAs(roles, op.query, vars)
        const [hot1, hot2] = await Promise.all([cached.queryAs(roles, op.query, vars), cached.queryAs(roles, op.query, vars)])
        expect(cold.data).toEqual(reference.data)
        expect(hot1.data).toEqual(reference.data)
        expect(hot2.data).toEqual(reference.data)
      }
    }
  })
})

describe('a write invalidates what it changed', () => {
  let db: Awaited<ReturnType<typeof createDatabase>>
  let city: RunningCity
  let sql: pg.Client
  beforeAll(async () => {
    db = await createDatabase(inject('adminUrl'), 'sg_cache')
    const handle = createDb(db.url)
    try {
      await prepareDatabase(handle.db, [await loadService('asylum')], 'tiny')
    } finally {
      await handle.close()
    }
    city = await startCity(db.url, { only: ['asylum'], cache: memoryCache(), policyDatabaseUrl: inject('cityDatabaseUrl') })
    sql = new pg.Client({ connectionString: db.url })
    await sql.connect()
  })
  afterAll(async () => {
    await sql?.end()
    await city?.stop()
    await db?.drop()
  })

  it('serves fresh figures for the written dataset while an unrelated dataset stays cached', async () => {
    const {
      rows: [acc],
    } = await sql.query(`select a.id, a.name from asy.accommodation a
      where a.opened <= '2024-06-30' and (a.closed is null or a.closed > '2024-06-30') order by a.id limit 1`)
    const q = `{ asylumCapacity(day: "2024-06-30") { capacity occupied } accommodation(id: "${acc.id}") { name } }`
    const first = await city.queryAs('controlling', q)
    expect(first.errors).toBeUndefined()
    const { occupied } = first.data.asylumCapacity
    expect(first.data.accommodation.name).toBe(acc.name)

    // A data-entry write, committed: one more occupant at every month-end, and a renamed accommodation.
    const { rowCount } = await sql.query(
      `update asy.occupancy set occupied = occupied + 1 where occupied < capacity and day <= '2024-06-30'`,
    )
    expect(rowCount).toBeGreaterThan(0)
    await sql.query(`update asy.accommodation set name = name || ' (umbenannt)' where id = $1`, [acc.id])

    // Until the writer invalidates, both answers come from the cache.
    expect((await city.queryAs('controlling', q)).data).toEqual(first.data)

    const ctx = { cache: city.subgraphs.byName.get('asylum')!.server.cache }
    await afterWrite(ctx, ['asy.occupancy'])
    const second = await city.queryAs('controlling', q)
    const {
      rows: [expected],
    } = await sql.query(`select sum(occupied)::int as occupied from (
        select distinct on (a.id) o.occupied from asy.accommodation a join asy.occupancy o on o.accommodation_id = a.id and o.day <= '2024-06-30'
        where a.opened <= '2024-06-30' and (a.closed is null or a.closed > '2024-06-30') order by a.id, o.day desc) s`)
    expect(second.data.asylumCapacity.occupied).toBe(expected.occupied)
    expect(second.data.asylumCapacity.occupied).toBeGreaterThan(occupied)
    // asy.accommodation was not named: its entries stay cached (the old name).
    expect(second.data.accommodation.name).toBe(acc.name)

    await afterWrite(ctx, ['asy.accommodation'])
    expect((await city.queryAs('controlling', q)).data.accommodation.name).toBe(`${acc.name} (umbenannt)`)
  })

  it('a data-entry mutation through the gateway invalidates what it wrote: the next read is fresh', async () => {
    const day = '2026-11-20'
    const read = `{ asylumCapacity(day: "${day}") { occupied provenance { asOf stichtag } } }`
    const before = await city.queryAs('controlling', read)
    expect(before.errors).toBeUndefined()
    expect((await city.queryAs('controlling', read)).data).toEqual(before.data) // cached now
    const write = await graphql(
      city.gateway.url,
      `
        mutation ($input: AsylumOccupancyEntryInput!) {
          recordAsylumOccupancy(input: $input) {
            rowCount
            asOf
          }
        }
      `,
      {
        input: {
          clientKey: `cache-${randomUUID()}`,
          rows: [{ accommodationId: 'ACC-ASTERNWEG', day, occupied: 7, recognisedResidents: 1, capacity: 200 }],
        },
      },
      bearer('staff', { department: 'asylum', sub: 'anna.asyl' }),
    )
    expect(write.errors).toBeUndefined()
    const after = (await city.queryAs('controlling', read)).data.asylumCapacity
    expect(after.provenance).toEqual({ asOf: write.data.recordAsylumOccupancy.asOf, stichtag: day })
    const {
      rows: [expected],
    } = await sql.query(
      `select sum(occupied)::int as occupied from (
        select distinct on (a.id) o.occupied from asy.accommodation a join asy.occupancy o on o.accommodation_id = a.id and o.day <= $1
        where a.opened <= $1 and (a.closed is null or a.closed > $1) order by a.id, o.day desc) s`,
      [day],
    )
    expect(after.occupied).toBe(expected.occupied)
    expect(after.occupied).not.toBe(before.data.asylumCapacity.occupied)
  })

  it('a write committed by another process (a CSV import) reaches the cache through the database', async () => {
    const day = '2026-11-21'
    const read = `{ asylumCapacity(day: "${day}") { occupied provenance { asOf } } }`
    const before = await city.queryAs('controlling', read)
    expect((await city.queryAs('controlling', read)).data).toEqual(before.data) // cached now
    // What `npm run import` does: its own connection, no cache of the running department at hand.
    const importer = createDb(db.url)
    let receipt
    try {
      receipt = await writeDataset(
        importer.db,
        asylumDatasets.occupancy,
        [{ row: 1, values: { accommodationId: 'ACC-ASTERNWEG', day, occupied: 9, recognisedResidents: 2, capacity: 200 } }],
        {
          writer: { subject: 'm.mueller', roles: [], department: 'asylum', via: 'import' },
        },
      )
    } finally {
      await importer.close()
    }
    // The notification is asynchronous: ask until the answer changes (bounded), then check it is the written one.
    const after = await waitFor(
      'the answer to change after the write',
      async () => {
        const now = (await city.queryAs('controlling', read)).data.asylumCapacity
        return now.provenance.asOf === before.data.asylumCapacity.provenance.asOf ? null : now
      },
      { intervalMs: 100 },
    )
    expect(after.provenance.asOf).toBe(receipt.asOf.toISOString())
    const {
      rows: [expected],
    } = await sql.query(
      `select sum(occupied)::int as occupied from (
        select distinct on (a.id) o.occupied from asy.accommodation a join asy.occupancy o on o.accommodation_id = a.id and o.day <= $1
        where a.opened <= $1 and (a.closed is null or a.closed > $1) order by a.id, o.day desc) s`,
      [day],
    )
    expect(after.occupied).toBe(expected.occupied)
  })

  it('refuses anything but dataset ids', async () => {
    const cache = city.subgraphs.byName.get('asylum')!.server.cache
    await expect(cache.invalidate('asy.occupancy' as any)).rejects.toThrow(/dataset ids/)
    await expect(cache.invalidate([''])).rejects.toThrow(/dataset ids/)
  })
})

const redisUrl = process.env.TEST_REDIS_URL
if (!redisUrl) console.log('[test] Redis cache sharing skipped: set TEST_REDIS_URL (e.g. redis://127.0.0.1:6379) to run it')

describe.skipIf(!redisUrl)('Redis storage shared by two instances of a department (TEST_REDIS_URL)', () => {
  const namespace = `test-${randomUUID().slice(0, 8)}`
  let db: Awaited<ReturnType<typeof createDatabase>>
  let handles: DbHandle<any>[] = []
  let servers: SubgraphServer[] = []
  let sql: pg.Client
  beforeAll(async () => {
    db = await createDatabase(inject('adminUrl'), 'sg_cache_redis')
    const def = await loadService('asylum')
    const prep = createDb(db.url)
    try {
      await prepareDatabase(prep.db, [def], 'tiny')
    } finally {
      await prep.close()
    }
    const cache = readCacheConfig({ CACHE: 'redis', REDIS_URL: redisUrl, CACHE_NAMESPACE: namespace })
    handles = [createDb(db.url), createDb(db.url)]
    servers = await Promise.all(
      handles.map(h => createSubgraphServer(def, h, { port: 0, internalTokenSecret: TEST_INTERNAL_SECRET, cache })),
    )
    sql = new pg.Client({ connectionString: db.url })
    await sql.connect()
  })
  afterAll(async () => {
    await sql?.end()
    for (const s of servers) await s.close()
    for (const h of handles) await h.close()
    await db?.drop()
  })

  it("lets a replica answer from entries another filled, and sees the other's invalidation", async () => {
    const q = '{ asylumCapacity(day: "2024-06-30") { capacity occupied } }'
    const ask = (s: SubgraphServer) => graphql(s.url, q, undefined, internalHeaders('asylum'))
    const [a, b] = servers
    const first = await ask(a)
    expect(first.errors).toBeUndefined()
    await sql.query(`update asy.occupancy set occupied = occupied + 1 where occupied < capacity and day <= '2024-06-30'`)
    const statementsBefore = handles[1].stats.statements
    expect((await ask(b)).data).toEqual(first.data)
    expect(handles[1].stats.statements).toBe(statementsBefore)
    await afterWrite({ cache: a.cache }, ['asy.occupancy'])
    const fresh = await ask(b)
    expect(fresh.data.asylumCapacity.occupied).toBeGreaterThan(first.data.asylumCapacity.occupied)
  })

  it('a release with a newer migration never reads what an older release cached (its loaders may return other shapes)', async () => {
    // Allocations: a dataset the test above did not invalidate (an invalidation makes other processes miss anyway).
    const q =
      '{ _entities(representations: [{ __typename: "Year", year: 2023 }]) { ... on Year { allocations(grain: YEAR) { count { value } } } } }'
    const [a, b] = servers
    expect((await graphql(a.url, q, undefined, internalHeaders('asylum'))).errors).toBeUndefined()
    const sameRelease = handles[1].stats.statements
    expect((await graphql(b.url, q, undefined, internalHeaders('asylum'))).errors).toBeUndefined()
    expect(handles[1].stats.statements).toBe(sameRelease)
    expect((await graphql(a.url, q, undefined, internalHeaders('asylum'))).errors).toBeUndefined()
    const def = await loadService('asylum')
    const next = { ...def, migrations: { ...def.migrations, '9999-next-release': { up: async () => {} } } }
    const handle = createDb(db.url)
    handles.push(handle)
    const server = await createSubgraphServer(next, handle, {
      port: 0,
      internalTokenSecret: TEST_INTERNAL_SECRET,
      cache: readCacheConfig({ CACHE: 'redis', REDIS_URL: redisUrl, CACHE_NAMESPACE: namespace }),
    })
    servers.push(server)
    expect((await graphql(server.url, q, undefined, internalHeaders('asylum'))).errors).toBeUndefined()
    // Each release wrote its entries under its own version: the new one cannot have read the old one's.
    const redis = new Redis(redisUrl!)
    try {
      const keys = await redis.keys(`${namespace}:asylum@*`)
      const versions = new Set(keys.map(k => k.slice(`${namespace}:asylum@`.length).split('.')[0]))
      expect([...versions].sort()).toEqual([Object.keys(def.migrations).at(-1), '9999-next-release'])
    } finally {
      redis.disconnect()
    }
  })
})
