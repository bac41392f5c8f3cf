import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inject } from 'vitest'
import DataLoader from 'dataloader'
import { sql } from 'kysely'
import { createDb, type DbHandle } from '../../platform/db/create-db.js'
import { CacheConfigError, readCacheConfig } from './cache-config.js'
import { createServiceCache, type ServiceCache } from './create-service-cache.js'

// The department cache over real Postgres: a loader of districts by code, its SQL statements counted.

let handle: DbHandle<any>
beforeAll(() => {
  handle = createDb(inject('cityDatabaseUrl'), { max: 2 })
})
afterAll(async () => {
  await handle?.close()
})

type District = { code: string; name: string }
const batch = async (codes: readonly string[]) => {
  const { rows } = await sql<District>`select code, name from geo.district where code = any(${[...codes]}::text[])`.execute(handle.db)
  return codes.map(c => rows.find(r => r.code.trim() === c) ?? null)
}
const fresh = (): ServiceCache =>
  createServiceCache('geo', readCacheConfig({ CACHE: 'memory', CACHE_NAMESPACE: `t-${randomUUID().slice(0, 8)}` }))
/** A per-request loader, as `createLoaders` builds one. */
const request = (cache: ServiceCache) => new DataLoader(cache.loader('district', batch, { datasets: ['geo.districts'] }))
const statements = async (f: () => Promise<unknown>) => {
  const before = handle.stats.statements
  await f()
  return handle.stats.statements - before
}

describe('department cache', () => {
  it('answers misses with one statement per batch and hits with none', async () => {
    const cache = fresh()
    expect(await statements(() => request(cache).loadMany(['01', '02', '03']))).toBe(1)
    // Another request: two hits and one miss → one statement for the miss only.
    const second = request(cache)
    let values: unknown[] = []
    expect(
      await statements(async () => {
        values = await second.loadMany(['01', '02', '04'])
      }),
    ).toBe(1)
    expect((values as District[]).map(v => v.code.trim())).toEqual(['01', '02', '04'])
    expect(await statements(() => request(cache).loadMany(['01', '02', '03', '04']))).toBe(0)
    expect(cache.stats()).toMatchObject({ hits: 6, misses: 4 })
  })

  it('tells its observer of hits and misses per loader and of each invalidated dataset (the department metrics)', async () => {
    const events: string[] = []
    const cache = createServiceCache('geo', readCacheConfig({ CACHE: 'memory', CACHE_NAMESPACE: `t-${randomUUID().slice(0, 8)}` }), {
      cache: (loader, event) => {
        events.push(`${loader} ${event}`)
      },
      invalidation: dataset => {
        events.push(`invalidated ${dataset}`)
      },
    })
    await request(cache).loadMany(['01', '02'])
    await request(cache).loadMany(['01', '03'])
    await cache.invalidate(['geo.districts'])
    expect(events.sort()).toEqual(['district hit', 'district miss', 'district miss', 'district miss', 'invalidated geo.districts'])
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 3, invalidations: 1 })
  })

  it('deduplicates concurrent misses of several requests into one statement', async () => {
    const cache = fresh()
    expect(await statements(() => Promise.all([0, 1, 2, 3].map(() => request(cache).load('05'))))).toBe(1)
  })

  it('hands out frozen values: a caller cannot change what the next request gets', async () => {
    const cache = fresh()
    const first = (await request(cache).load('06')) as District
    expect(() => {
      ;(first as any).name = 'changed'
    }).toThrow(TypeError)
    expect(((await request(cache).load('06')) as District).name).not.toBe('changed')
  })

  it('drops entries referencing an invalidated dataset, and only those', async () => {
    const cache = fresh()
    const other = new DataLoader(cache.loader('other', batch, { datasets: ['pop.stock'] }))
    await request(cache).load('07')
    await other.load('07')
    await cache.invalidate(['geo.districts'])
    expect(await statements(() => request(cache).load('07'))).toBe(1)
    expect(await statements(() => new DataLoader(cache.loader('other', batch, { datasets: ['pop.stock'] })).load('07'))).toBe(0)
  })

  it('does not store an answer whose load began before an invalidation of its dataset', async () => {
    const cache = fresh()
    let release!: () => void
    const held = new Promise<void>(r => {
      release = r
    })
    const slow = cache.loader(
      'slow',
      async (codes: readonly string[]) => {
        const rows = await batch(codes)
        await held
        return rows
      },
      { datasets: ['geo.districts'] },
    )
    const pending = new DataLoader(slow).load('08')
    await new Promise(r => setImmediate(r))
    await cache.invalidate(['geo.districts']) // a write committed while the read was running
    release()
    await pending
    expect(await statements(() => new DataLoader(cache.loader('slow', batch, { datasets: ['geo.districts'] })).load('08'))).toBe(1)
  })

  it('answers a hit with the stored value itself, for string keys and keyed objects alike, until a write drops it', async () => {
    const cache = fresh()
    const byObject = (c: ServiceCache) =>
      new DataLoader(
        c.loader('byObject', (keys: readonly { code: string }[]) => batch(keys.map(k => k.code)), {
          datasets: ['geo.districts'],
          key: k => k.code,
        }),
        { cacheKeyFn: k => k.code },
      )
    const first = await request(cache).loadMany(['09', '10'])
    const firstObject = await byObject(cache).load({ code: '09' })
    let again: unknown[] = []
    let againObject: unknown
    expect(
      await statements(async () => {
        again = await request(cache).loadMany(['09', '10'])
        againObject = await byObject(cache).load({ code: '09' })
      }),
    ).toBe(0)
    expect(again[0]).toBe(first[0])
    expect(again[1]).toBe(first[1])
    expect(againObject).toBe(firstObject)
    expect(cache.stats()).toMatchObject({ hits: 3, misses: 3 })
    await cache.invalidate(['geo.districts'])
    let reloaded: unknown[] = []
    expect(
      await statements(async () => {
        reloaded = await request(cache).loadMany(['09', '10'])
        await byObject(cache).load({ code: '09' })
      }),
    ).toBe(2)
    expect(reloaded[0]).not.toBe(first[0])
    expect(reloaded).toEqual(first)
  })

  it('sees a write that changes the data: the next load after invalidation answers the new value', async () => {
    const cache = fresh()
    let name = 'before'
    const named = (c: ServiceCache) =>
      new DataLoader(
        c.loader('named', async (codes: readonly string[]) => codes.map(code => ({ code, name })), { datasets: ['geo.districts'] }),
      )
    expect(await named(cache).load('11')).toEqual({ code: '11', name: 'before' })
    name = 'after'
    expect(await named(cache).load('11')).toEqual({ code: '11', name: 'before' }) // cached, no write announced
    await cache.invalidate(['geo.districts'])
    expect(await named(cache).load('11')).toEqual({ code: '11', name: 'after' })
  })

  it('refuses a loader that names no dataset (it could never be invalidated)', () => {
    expect(() => fresh().loader('none', batch, { datasets: [] })).toThrow(/datasets/)
  })

  it('passes batch functions through unchanged when caching is off', () => {
    const off = createServiceCache('geo', readCacheConfig({ CACHE: 'off' }))
    expect(off.loader('district', batch, { datasets: ['geo.districts'] })).toBe(batch)
  })
})

describe('cache configuration', () => {
  it('defaults to memory, to Redis when REDIS_URL is set, and validates every setting', () => {
    expect(readCacheConfig({}).mode).toBe('memory')
    expect(readCacheConfig({ REDIS_URL: 'redis://127.0.0.1:6379' })).toMatchObject({ mode: 'redis', redisUrl: 'redis://127.0.0.1:6379' })
    expect(readCacheConfig({ CACHE: 'memory', REDIS_URL: 'redis://127.0.0.1:6379' })).toMatchObject({ mode: 'memory', redisUrl: null })
    expect(readCacheConfig({ CACHE_TTLS: 'population.stockSummary=3600, asylum.capacityStatus=60' }).ttls).toEqual({
      'population.stockSummary': 3600,
      'asylum.capacityStatus': 60,
    })
    for (const [env, message] of [
      [{ CACHE: 'disk' }, /CACHE must be/],
      [{ CACHE: 'redis' }, /needs REDIS_URL/],
      [{ REDIS_URL: 'http://x' }, /REDIS_URL/],
      [{ CACHE_TTL_SECONDS: '-1' }, /CACHE_TTL_SECONDS/],
      [{ CACHE_TTL_SECONDS: '1.5' }, /CACHE_TTL_SECONDS/],
      [{ CACHE_TTLS: 'stockSummary=5' }, /CACHE_TTLS/],
      [{ CACHE_TTLS: 'population.stockSummary=soon' }, /CACHE_TTLS/],
      [{ CACHE_MEMORY_ENTRIES: '0' }, /CACHE_MEMORY_ENTRIES/],
      [{ CACHE_NAMESPACE: 'a b' }, /CACHE_NAMESPACE/],
    ] as const)
      expect(() => readCacheConfig(env as Record<string, string>), JSON.stringify(env)).toThrow(
        message instanceof RegExp ? message : CacheConfigError,
      )
  })
})
