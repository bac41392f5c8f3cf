import { spawn, type ChildProcess } from 'node:child_process'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { buildDepartments, buildEntryPoints } from '../../lib/service/build-departments.js'
import { createDatabase } from '../helpers/test-database.js'
import { graphql, internalHeaders, TEST_INTERNAL_SECRET } from '../helpers/start-subgraphs.js'

// What the image runs, run here with plain node (no TypeScript loader): the migration runner as the
// Kubernetes Job runs it (one migration role, each department's schema as the department's own role),
// then a department started without migrating, on that database, until /readyz answers.
const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const OUT = join(ROOT, '.data', `deploy-bundle-test-${process.pid}`)
const MIGRATOR = `sg_migrator_${process.pid}`
const children: ChildProcess[] = []

function run(entry: string, args: string[], env: Record<string, string>, until?: RegExp) {
  const child = spawn(process.execPath, ['--enable-source-maps', entry, ...args], {
    env: { PATH: process.env.PATH!, INTERNAL_TOKEN_SECRET: TEST_INTERNAL_SECRET, CACHE: 'off', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  let out = ''
  return new Promise<{ out: string; match?: RegExpExecArray; code: number | null }>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk
      const m = until?.exec(out)
      if (m) resolve({ out, match: m, code: null })
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.once('exit', code => (until ? reject(new Error(`${entry} exited (${code}): ${out}`)) : resolve({ out, code })))
  })
}

describe('the image bundles run with plain node', () => {
  let database: Awaited<ReturnType<typeof createDatabase>>
  let entries: Record<string, string>
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
    const [departments, db] = await Promise.all([
      buildDepartments(['geo'], join(OUT, 'departments')),
      buildEntryPoints({ db: join(ROOT, 'scripts', 'db.ts') }, join(OUT, 'db')),
    ])
    entries = { ...departments, ...db }
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
    rmSync(OUT, { recursive: true, force: true })
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
})
