import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { TEST_INTERNAL_SECRET } from './start-subgraphs.js'
import { exitedProcess, waitFor } from './wait-for.js'

const SERVICES_DIR = new URL('../../services/', import.meta.url).pathname

export interface DepartmentProcess {
  readonly child: ChildProcess
  readonly url: string
  /** Resolves once its `/healthz` answers 200; rejects if the process exits first or `timeoutMs` passes. */
  ready(timeoutMs?: number): Promise<void>
  /** SIGKILL, as a crash or the OOM killer would; resolves when it has exited. */
  kill(signal?: NodeJS.Signals): Promise<void>
}

/**
 * One department as its own process (`node --import tsx services/<name>/index.ts`), configured by
 * environment as in production, on `port`.
 */
export function spawnDepartment(name: string, port: number, env: Record<string, string>): DepartmentProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', join(SERVICES_DIR, name, 'index.ts')], {
    env: { ...process.env, INTERNAL_TOKEN_SECRET: TEST_INTERNAL_SECRET, PORT: String(port), HOST: '127.0.0.1', CACHE: 'off', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  child.stderr!.on('data', chunk => {
    stderr = (stderr + chunk).slice(-4000)
  })
  const exited = new Promise<void>(resolve => child.once('exit', () => resolve()))
  const base = `http://127.0.0.1:${port}`
  return {
    child,
    url: `${base}/graphql`,
    async ready(timeoutMs = 60_000) {
      await waitFor(
        `department ${name} to answer /healthz`,
        () =>
          fetch(`${base}/healthz`, { signal: AbortSignal.timeout(1_000) }).then(
            r => r.ok,
            () => false,
          ),
        {
          timeoutMs,
          intervalMs: 25,
          failIf: exitedProcess(child, `department ${name}`),
          detail: () => `its stderr:\n${stderr}`,
        },
      )
    },
    async kill(signal = 'SIGKILL') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      await exited
    },
  }
}
