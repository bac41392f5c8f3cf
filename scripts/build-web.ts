import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

// The web app (web/, a Vite root) is built into web/dist only when its sources changed: the content
// hash of the files below is written to web/dist/.source-hash after a build, and a start whose hash
// matches pays nothing.
//   npx tsx scripts/build-web.ts            build when the sources changed
//   npx tsx scripts/build-web.ts --force    build anyway

const ROOT = fileURLToPath(new URL('..', import.meta.url))
/** What the built app depends on: the app's sources and configuration, and the packages it is built with. */
const SOURCES = ['web/src', 'web/public', 'web/index.html', 'web/vite.config.ts', 'web/tsconfig.json', 'package-lock.json']
export const SOURCE_HASH_FILE = '.source-hash'

export type WebBuildResult = { status: 'no-app' } | { status: 'up-to-date'; hash: string } | { status: 'built'; hash: string; ms: number }

export interface WebBuildOptions {
  root?: string
  force?: boolean
  /** Progress lines (default: none). */
  log?: (line: string) => void
}

function* files(path: string): Generator<string> {
  if (!existsSync(path)) return
  if (!statSync(path).isDirectory()) {
    yield path
    return
  }
  for (const entry of readdirSync(path, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name === 'node_modules' || entry.name === '.DS_Store') continue
    yield* files(join(path, entry.name))
  }
}

/** The content hash of the app's sources: every file's path and bytes, in a fixed order. */
export function webSourceHash(root = ROOT): string {
  const hash = createHash('sha256')
  for (const source of SOURCES) {
    for (const file of files(join(root, source))) {
      hash.update(relative(root, file).split(sep).join('/')).update('\0').update(readFileSync(file)).update('\0')
    }
  }
  return hash.digest('hex')
}

/** The hash web/dist was built from, or null when it was not built (or the build did not finish). */
export function builtHash(root = ROOT): string | null {
  const file = join(root, 'web', 'dist', SOURCE_HASH_FILE)
  return existsSync(file) && existsSync(join(root, 'web', 'dist', 'index.html')) ? readFileSync(file, 'utf8').trim() : null
}

/**
 * Builds web/ into web/dist when its sources changed since the last build (or `force`). The build
 * goes to a fresh folder that replaces web/dist only once it is complete, so a failed build leaves
 * the last good app in place (and no hash, so the next start tries again).
 */
export async function buildWebIfChanged(opts: WebBuildOptions = {}): Promise<WebBuildResult> {
  const root = opts.root ?? ROOT
  const web = join(root, 'web')
  if (!existsSync(join(web, 'index.html'))) return { status: 'no-app' }
  const hash = webSourceHash(root)
  if (!opts.force && builtHash(root) === hash) return { status: 'up-to-date', hash }
  const t0 = performance.now()
  const dist = join(web, 'dist')
  const staging = join(web, `.dist-${process.pid}-${Date.now()}`)
  opts.log?.('building the web app (its sources changed)')
  try {
    const { build } = await import('vite')
    // Always the production build, whatever NODE_ENV the caller runs under: the test runner sets `test`, which would
    // give development React and its JSX runtime (a larger, slower app than the one the city serves).
    const nodeEnv = process.env.NODE_ENV
    process.env.NODE_ENV = 'production'
    await build({
      root: web,
      configFile: existsSync(join(web, 'vite.config.ts')) ? join(web, 'vite.config.ts') : false,
      logLevel: 'warn',
      mode: 'production',
      build: { outDir: staging, emptyOutDir: true },
    }).finally(() => {
      if (nodeEnv === undefined) delete process.env.NODE_ENV
      else process.env.NODE_ENV = nodeEnv
    })
    writeFileSync(join(staging, SOURCE_HASH_FILE), `${hash}\n`)
    rmSync(dist, { recursive: true, force: true })
    renameSync(staging, dist)
  } finally {
    rmSync(staging, { recursive: true, force: true })
  }
  return { status: 'built', hash, ms: Math.round(performance.now() - t0) }
}

/**
 * The same in a child process, so a build (seconds of CPU) neither blocks nor crashes the caller's
 * event loop: `npm start` runs it while the database starts. Resolves without a build when the
 * hash matches.
 */
export async function buildWebInBackground(opts: { root?: string; log?: (line: string) => void } = {}): Promise<WebBuildResult> {
  const root = opts.root ?? ROOT
  if (!existsSync(join(root, 'web', 'index.html'))) return { status: 'no-app' }
  const hash = webSourceHash(root)
  if (builtHash(root) === hash) return { status: 'up-to-date', hash }
  const t0 = performance.now()
  opts.log?.('building the web app (its sources changed)')
  const script = fileURLToPath(import.meta.url)
  const output: string[] = []
  const code = await new Promise<number | null>((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, WEB_BUILD_QUIET: '1' },
    })
    child.stdout.on('data', c => output.push(String(c)))
    child.stderr.on('data', c => output.push(String(c)))
    child.on('error', fail)
    child.on('exit', done)
  })
  if (code !== 0) throw new Error(`the web app did not build (exit ${code}):\n${output.join('').trim().split('\n').slice(-20).join('\n')}`)
  return { status: 'built', hash, ms: Math.round(performance.now() - t0) }
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) {
  const quiet = process.env.WEB_BUILD_QUIET === '1'
  try {
    const result = await buildWebIfChanged({ force: process.argv.includes('--force'), log: quiet ? undefined : line => console.log(line) })
    if (!quiet) {
      if (result.status === 'no-app') console.log('no web app in web/ (web/index.html is missing): nothing to build')
      else if (result.status === 'up-to-date') console.log('web/dist is up to date')
      else console.log(`built web/dist in ${(result.ms / 1000).toFixed(1)} s`)
    }
  } catch (err) {
    console.error(err instanceof Error ? err.message : err)
    process.exit(1)
  }
}
