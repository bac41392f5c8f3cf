import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildEntryPoints } from '../lib/service/build-departments.js'
import { SERVICES_DIR } from '../lib/service/discover-services.js'

/** Child processes of one benchmark run; all are stopped together at the end. */
export class ProcessGroup {
  private readonly children: ChildProcess[] = []
  private readonly names = new Map<ChildProcess, string>()

  /** A built ES module run by plain node (lib/service/build-departments.ts), as the container image runs the gateway. */
  spawnNode(file: string, env: Record<string, string>, args: string[] = [], name = file): ChildProcess {
    // BENCH_CPU_PROF_DIR=<dir>: every child writes a V8 CPU profile on exit into <dir>/<its name>
    // (read them with bench/dev/top-profile.ts).
    const profileDir = process.env.BENCH_CPU_PROF_DIR
    const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${join(profileDir, name.replace(/[^\w.-]+/g, '_'))}`] : []
    const child = spawn(process.execPath, ['--enable-source-maps', ...profile, file, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'inherit'],
    })
    this.children.push(child)
    this.names.set(child, name)
    return child
  }

  /**
   * Throws if a process of the group has exited. Ports are chosen free and then handed to the child; on a
   * shared machine another process can take one in between, the child then exits (its log, on stdout, is not
   * shown) and whatever holds the port answers in its place — every request then fails or measures the wrong
   * server. Called once everything is up and again after the checks.
   */
  assertRunning(): void {
    const gone = this.children.filter(c => c.exitCode !== null || c.signalCode !== null)
    if (gone.length)
      throw new Error(
        `${gone.map(c => `${this.names.get(c)} exited (${c.exitCode ?? c.signalCode})`).join(', ')} before the measurement; ` +
          'its reason is on stderr above — most often another process took its port between choosing and binding it: run again',
      )
  }

  async stop(): Promise<void> {
    const exits = this.children
      .filter(c => c.exitCode === null && c.signalCode === null)
      .map(
        c =>
          new Promise(resolve => {
            c.once('exit', resolve)
            c.kill('SIGTERM')
          }),
      )
    const timeout = new Promise(resolve => setTimeout(resolve, 5000))
    await Promise.race([Promise.all(exits), timeout])
    for (const c of this.children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL')
  }
}

/**
 * Polls `check` until it answers true; fails with `what` after `timeoutMs`, or at once when a process
 * of `group` has exited (a child that cannot start says why on stderr, above).
 */
export async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 60_000, group?: ProcessGroup): Promise<void> {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    group?.assertRunning()
    if (await check().catch(() => false)) return
    await new Promise(r => setTimeout(r, 100))
  }
  throw new Error(`${what} not ready within ${timeoutMs / 1000} s`)
}

const CLOCK_TICKS = 100 // USER_HZ on Linux (getconf CLK_TCK)

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat; null off Linux. */
export function cpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS // utime, stime (fields 14, 15)
  } catch {
    return null
  }
}

/** Resident set size in MB, from /proc/<pid>/status; null off Linux. */
export function rssMb(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return m ? Number(m[1]) / 1024 : null
  } catch {
    return null
  }
}

/** Samples a process's RSS while a measurement runs; `stop()` gives the peak. */
export function sampleRss(pid: number, everyMs = 200): { stop(): number | null } {
  let peak: number | null = rssMb(pid)
  const timer = setInterval(() => {
    const now = rssMb(pid)
    if (now !== null && (peak === null || now > peak)) peak = now
  }, everyMs)
  return {
    stop: () => {
      clearInterval(timer)
      return peak
    },
  }
}

const ROOT = fileURLToPath(new URL('..', import.meta.url))

/**
 * Every department (`department-<name>`) and our gateway (`gateway`) built for plain `node`, as the
 * container image runs them, with `extra` entry points beside them (the baselines), into `.data/<folder>`.
 */
export function buildCity(services: ReadonlyArray<{ name: string }>, folder: string, extra: Record<string, string> = {}) {
  return buildEntryPoints(
    {
      ...Object.fromEntries(services.map(s => [`department-${s.name}`, join(SERVICES_DIR, s.name, 'index.ts')])),
      gateway: join(ROOT, 'gateway', 'index.ts'),
      ...extra,
    },
    join(ROOT, '.data', folder),
  )
}
