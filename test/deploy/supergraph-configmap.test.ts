import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { createSupergraphManager, type SupergraphManager } from '../../gateway/supergraph/supergraph-manager.js'
import { createLogger } from '../../platform/logger/create-logger.js'
import { waitFor } from '../helpers/wait-for.js'

// A ConfigMap mounted as a folder is a tree of links the kubelet swaps on an update:
//   supergraph.graphql -> ..data/supergraph.graphql,  ..data -> ..2026_12_06_01_00_00.123 (a folder)
// An update writes a new timestamped folder and renames a new `..data` link over the old one (atomic),
// then removes the old folder. The gateway (deploy/kubernetes/base/gateway.yaml) must serve the new
// supergraph after such a swap, without a restart.
const SDL = readFileSync(fileURLToPath(new URL('../../schema/supergraph.graphql', import.meta.url)), 'utf8')
const dirs: string[] = []
const managers: SupergraphManager[] = []
afterEach(() => {
  for (const m of managers.splice(0)) m.close()
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

/** Writes `sdl` as the kubelet writes a ConfigMap update into `dir`. */
function kubeletWrite(dir: string, version: string, sdl: string, previous?: string) {
  const folder = `..${version}`
  mkdirSync(join(dir, folder))
  writeFileSync(join(dir, folder, 'supergraph.graphql'), sdl)
  symlinkSync(folder, join(dir, '..data_tmp'))
  renameSync(join(dir, '..data_tmp'), join(dir, '..data'))
  if (previous) rmSync(join(dir, `..${previous}`), { recursive: true })
}

describe('the supergraph from a ConfigMap volume', () => {
  it('is reloaded when the kubelet swaps the ConfigMap folder, and a bad update keeps the served one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stadtgraph-configmap-'))
    dirs.push(dir)
    kubeletWrite(dir, '2026_12_06_01_00_00.000000001', SDL)
    symlinkSync('..data/supergraph.graphql', join(dir, 'supergraph.graphql'))
    let changes = 0
    const manager = await createSupergraphManager({
      path: join(dir, 'supergraph.graphql'),
      watch: true,
      createExecutor: async () => null,
      onChange: () => changes++,
      log: createLogger({ name: 'test', level: 'silent' }),
    })
    managers.push(manager)
    manager.watch()
    const first = manager.current().hash
    // The watcher takes its first look at the file when it starts polling (every 500 ms); an update before
    // that would be its starting point. A ConfigMap update comes minutes after a start, not within a second.
    await new Promise(r => setTimeout(r, 1_000))

    // A new version of the ConfigMap: same file name, other text (a new description on a field's type).
    const next = SDL.replace(/\ntype Query/, '\n"The city\'s questions."\ntype Query')
    expect(next).not.toBe(SDL)
    kubeletWrite(dir, '2026_12_06_01_05_00.000000002', next, '2026_12_06_01_00_00.000000001')
    await waitFor('the reload after the ConfigMap swap', () => manager.current().hash !== first, { timeoutMs: 10_000 })
    expect(manager.current().sdl).toBe(next)
    expect(changes).toBe(1)

    // An update that does not parse leaves the served supergraph in place.
    const served = manager.current().hash
    kubeletWrite(dir, '2026_12_06_01_10_00.000000003', 'type Query {', '2026_12_06_01_05_00.000000002')
    await new Promise(r => setTimeout(r, 1_500))
    expect(manager.current().hash).toBe(served)
  })
})
