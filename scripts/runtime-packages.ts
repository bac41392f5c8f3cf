import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

/**
 * The packages the bundled processes load (.data/**: gateway, departments, migration runner), and the
 * removal of every other one from an installed node_modules: the container image's runtime stage runs
 * `node .data/tools/prune-packages.js` after `npm ci --omit=dev` (scripts/prune-packages.ts). Production dependencies that only
 * build things (the web app's Vite, ECharts and React, esbuild, the embedded PostgreSQL of `npm start`) stay
 * out of the image; about 480 MB of node_modules become about a third of that.
 *
 * Roots are the package names the bundles import (`from "x"`, `import("x")`, `require("x")`); each brings its
 * dependencies, optional and peer dependencies where installed, resolved as node resolves them (nested
 * node_modules first). A package the bundles only read files from (`require.resolve("x/package.json")`: GraphiQL's
 * prebuilt assets) is kept without its dependencies.
 */

const PACKAGE_NAME = /^(@[a-z0-9][\w.-]*\/[a-z0-9][\w.-]*|[a-z0-9][\w.-]*)/i

export interface BundleImports {
  /** Packages the bundles load as code: each needs its dependencies. */
  readonly code: Set<string>
  /** Packages the bundles only read files of (`require.resolve("x/package.json")`, e.g. GraphiQL's prebuilt assets): no dependencies. */
  readonly files: Set<string>
}

/** Package names the `.js` files under `dir` (recursively) import or read files of, where installed in `nodeModules`. */
export function bundleImports(dir: string, nodeModules: string): BundleImports {
  const code = new Set<string>()
  const files = new Set<string>()
  const sources = readdirSync(dir, { recursive: true, withFileTypes: true }).filter(e => e.isFile() && e.name.endsWith('.js'))
  for (const f of sources) {
    const text = readFileSync(join(f.parentPath, f.name), 'utf8')
    for (const m of text.matchAll(/(\bfrom\s*|\bimport\(\s*|\brequire\(\s*|\bresolve\(\s*)["']([^"'.\s/][^"'\s]*)["']/g)) {
      const name = PACKAGE_NAME.exec(m[2])?.[1]
      if (!name || name.startsWith('node:') || !existsSync(join(nodeModules, name, 'package.json'))) continue
      ;(m[1].startsWith('resolve') ? files : code).add(name)
    }
  }
  for (const name of code) files.delete(name)
  return { code, files }
}

/** The folder node finds package `name` in, required from inside `from`; null when it is not installed. */
function resolvePackage(name: string, from: string, root: string): string | null {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name)
    if (existsSync(join(candidate, 'package.json'))) return candidate
    if (dir === root || dirname(dir) === dir) return null
  }
}

/**
 * Every package folder the bundles need, installed under `<appDir>/node_modules`: the `code` packages with their
 * dependencies, the `files` packages alone. Throws on a missing required dependency.
 */
export function packageClosure({ code: roots, files }: BundleImports, appDir: string): Set<string> {
  const root = resolve(appDir)
  const kept = new Set<string>()
  for (const name of files) {
    const dir = resolvePackage(name, root, root)
    if (dir) kept.add(dir)
  }
  const queue: Array<[name: string, from: string, optional: boolean]> = [...roots].map(n => [n, root, false])
  while (queue.length) {
    const [name, from, optional] = queue.shift()!
    const dir = resolvePackage(name, from, root)
    if (!dir) {
      if (optional) continue
      throw new Error(`${name} (needed from ${from}) is not installed`)
    }
    if (kept.has(dir)) continue
    kept.add(dir)
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>
    for (const dep of Object.keys(pkg.dependencies ?? {})) queue.push([dep, dir, false])
    for (const dep of [...Object.keys(pkg.optionalDependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})])
      queue.push([dep, dir, true])
  }
  return kept
}

function size(path: string): number {
  const s = statSync(path)
  if (!s.isDirectory()) return s.size
  return readdirSync(path).reduce((sum, e) => sum + size(join(path, e)), 0)
}

/** Removes the top-level packages of `<appDir>/node_modules` that `kept` does not hold; returns bytes before and after. */
export function prune(appDir: string, kept: Set<string>): { before: number; after: number; removed: number } {
  const nodeModules = join(resolve(appDir), 'node_modules')
  const before = size(nodeModules)
  let removed = 0
  for (const entry of readdirSync(nodeModules)) {
    const dirs = entry.startsWith('@')
      ? readdirSync(join(nodeModules, entry)).map(e => join(nodeModules, entry, e))
      : [join(nodeModules, entry)]
    for (const dir of dirs) {
      if (entry === '.package-lock.json' || kept.has(dir)) continue
      rmSync(dir, { recursive: true, force: true })
      removed++
    }
    if (entry.startsWith('@') && !readdirSync(join(nodeModules, entry)).length) rmSync(join(nodeModules, entry), { recursive: true })
  }
  return { before, after: size(nodeModules), removed }
}
