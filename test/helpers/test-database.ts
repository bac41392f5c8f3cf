import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../../platform/db/embedded-postgres.js'

/**
 * A Postgres server for tests: the one in TEST_DATABASE_URL, else a throw-away embedded cluster.
 * Tests never use an existing database; they create their own (`createDatabase`) and drop it.
 */
export interface TestServer {
  adminUrl: string
  stop(): Promise<void>
}

export async function startTestServer(): Promise<TestServer> {
  const given = process.env.TEST_DATABASE_URL
  if (given) return { adminUrl: given, stop: async () => {} }
  const dir = mkdtempSync(join(tmpdir(), 'stadtgraph-test-pg-'))
  chmodSync(dir, 0o755) // the cluster runs as the unprivileged postgres user when we are root
  const cluster: EmbeddedPostgresHandle = await startEmbeddedPostgres({ dir: join(dir, 'data'), persistent: false, durable: false })
  return {
    adminUrl: cluster.url('postgres'),
    stop: async () => {
      await cluster.stop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return url.toString()
}

export async function createDatabase(adminUrl: string, prefix = 'sg_test'): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    await client.query(`create database "${name}"`)
  } finally {
    await client.end()
  }
  return {
    name,
    url: databaseUrl(adminUrl, name),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl })
      await c.connect()
      try {
        await c.query(`drop database if exists "${name}" with (force)`)
      } finally {
        await c.end()
      }
    },
  }
}
