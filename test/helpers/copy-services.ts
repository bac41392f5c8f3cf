import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const REPO = fileURLToPath(new URL('../../', import.meta.url))

export interface ServicesCopy {
  /** Stands in for the repository: the copied `services/` next to links to the real platform/, lib/, auth/, schema/, … */
  root: string
  servicesDir: string
  /** A copy of the committed supergraph, outside git: schema:check takes it as the baseline. */
  supergraphPath: string
  remove(): void
}

/**
 * A throw-away copy of the department folders, for tests that change SDLs or add departments
 * without touching the real ones. Departments import `../../lib/…`, so the copy sits in a folder
 * that links the rest of the repository (modules resolve to the real files: one copy of each).
 */
export function copyServices(): ServicesCopy {
  const root = mkdtempSync(join(tmpdir(), 'stadtgraph-services-'))
  for (const entry of [
    'platform',
    'lib',
    'auth',
    'schema',
    'gateway',
    'scripts',
    'web',
    'test',
    'node_modules',
    'package.json',
    'tsconfig.json',
    'vitest.config.ts',
  ]) {
    symlinkSync(join(REPO, entry), join(root, entry))
  }
  cpSync(join(REPO, 'services'), join(root, 'services'), { recursive: true })
  const supergraphPath = join(root, 'supergraph.graphql')
  cpSync(join(REPO, 'schema', 'supergraph.graphql'), supergraphPath)
  return { root, servicesDir: join(root, 'services'), supergraphPath, remove: () => rmSync(root, { recursive: true, force: true }) }
}
