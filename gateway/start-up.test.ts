import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { GATEWAY_FLAGS } from './config.js'

// `npm run gateway` as an operator starts it: a wrong supergraph or setting is one line on stderr
// and exit code 2 (it was an unhandled stack trace), and --help prints the flags.
const ROOT = fileURLToPath(new URL('..', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'stadtgraph-start-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs gateway/index.ts like `npm run gateway -- …`; `until` ends it (SIGTERM) once stdout shows it. */
function runGateway(args: string[], env: Record<string, string> = {}, until?: RegExp): Promise<Run> {
  return new Promise((resolve, reject) => {
    const { DATABASE_URL: _db, ...inherited } = process.env
    const child = spawn(process.execPath, ['--import', 'tsx', 'gateway/index.ts', ...args], {
      cwd: ROOT,
      env: { ...inherited, NODE_ENV: 'development', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000)
    child.stdout.on('data', (c: Buffer) => {
      stdout += c
      if (until?.test(stdout)) child.kill('SIGTERM')
    })
    child.stderr.on('data', (c: Buffer) => {
      stderr += c
    })
    child.on('error', reject)
    child.on('exit', code => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })
}

const file = (name: string, text: string) => {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}

describe('gateway start-up', () => {
  it.each([
    ['not GraphQL', 'garbage.graphql', 'this is not a supergraph', /supergraph .*garbage\.graphql is not GraphQL: Syntax Error/],
    ['a schema with an unknown type', 'unknown-type.graphql', 'type Query { a: Foo }', /is not a valid schema: Unknown type "Foo"/],
    ['a plain schema, not a supergraph', 'plain.graphql', 'type Query { a: Int }', /declares no subgraph/],
  ])(
    'an invalid supergraph file (%s): one line on stderr, exit code 2',
    async (_, name, text, message) => {
      const run = await runGateway(['--supergraph', file(name, text), '--port', '0'])
      expect(run.code).toBe(2)
      const lines = run.stderr.split('\n').filter(Boolean)
      expect(lines).toHaveLength(1)
      expect(lines[0]).toMatch(/^\[gateway\] cannot start: /)
      expect(lines[0]).toMatch(message)
      expect(run.stdout).not.toMatch(/serving/)
    },
    90_000,
  )

  it('a wrong setting: one line, exit code 2', async () => {
    const run = await runGateway(['--port', '0'], { LIMIT_MAX_JSON_DEPTH: 'deep' })
    expect(run.code).toBe(2)
    expect(run.stderr.trim()).toBe('[gateway] cannot start: LIMIT_MAX_JSON_DEPTH must be a positive integer, got "deep"')
  }, 90_000)

  it('--help prints every flag and exits 0', async () => {
    const run = await runGateway(['--help'])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^Usage: npm run gateway -- \[options\]/)
    for (const flag of GATEWAY_FLAGS) expect(run.stdout, flag).toContain(`--${flag}`)
    expect(run.stdout).toContain('LIMIT_MAX_JSON_DEPTH')
    expect(run.stderr).toBe('')
  }, 90_000)

  it('the real supergraph still starts', async () => {
    const run = await runGateway(['--port', '0', '--no-watch'], {}, /serving .* at http:\/\/127\.0\.0\.1:\d+\/graphql/)
    expect(run.stdout).toMatch(/serving .*schema\/supergraph\.graphql/)
    expect(run.stderr).not.toMatch(/cannot start/)
  }, 90_000)
})
