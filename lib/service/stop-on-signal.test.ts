import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// Real processes: a signal to this test's own process would reach the test runner.

const MODULE = fileURLToPath(new URL('./stop-on-signal.ts', import.meta.url))

/** Runs a process whose `stop` takes `stopMs` (never ends when null), signals it, and reports how it ended. */
async function signalled(stopMs: number | null, signals: NodeJS.Signals[], limitMs = 5_000) {
  const stop = stopMs === null ? 'new Promise(() => {})' : `new Promise(r => setTimeout(r, ${stopMs}))`
  const script = `import { stopOnSignal } from ${JSON.stringify(MODULE)}
stopOnSignal(() => ${stop}, { label: '[t]', limitMs: ${limitMs} })
setInterval(() => {}, 1000)
console.log('up')`
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout.on('data', c => {
    output += c
  })
  child.stderr.on('data', c => {
    output += c
  })
  const exited = new Promise<number | null>(resolve => child.once('exit', code => resolve(code)))
  while (!output.includes('up')) await new Promise(r => setTimeout(r, 10))
  // One after the other: signals pending together are delivered lowest number first.
  for (const signal of signals) {
    child.kill(signal)
    while (!output.includes('no new connections') && child.exitCode === null) await new Promise(r => setTimeout(r, 10))
  }
  return { code: await exited, output }
}

describe('stopOnSignal', () => {
  it('runs stop on SIGTERM and exits 0; a second signal meanwhile does not cut it short', async () => {
    const { code, output } = await signalled(300, ['SIGTERM', 'SIGINT'])
    expect(code).toBe(0)
    expect(output.match(/SIGTERM: no new connections/g)).toHaveLength(1)
    expect(output).not.toMatch(/SIGINT/)
    expect(output).toMatch(/\[t\] stopped in \d+ ms/)
  })

  it('exits 1 when stop overruns its limit', async () => {
    const { code, output } = await signalled(null, ['SIGINT'], 200)
    expect(code).toBe(1)
    expect(output).toMatch(/\[t\] did not stop within 200 ms; exiting/)
  })
})
