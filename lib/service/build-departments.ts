import { readdirSync, readFileSync, rmSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { build, type Plugin } from 'esbuild'
import { SERVICES_DIR } from './discover-services.js'

const PROJECT_ROOT = resolve(SERVICES_DIR, '..')

/** A build that failed; the message names the first error with its file and line. */
export class BuildError extends Error {}
export class DepartmentBuildError extends BuildError {}

/**
 * Each file keeps its own `import.meta.url` (a department reads its `schema.graphql` next to its
 * sources): the text is replaced by the URL of
 * the source file before bundling, so paths resolve exactly as when the sources run directly.
 */
const keepModuleUrls: Plugin = {
  name: 'keep-module-urls',
  setup(b) {
    b.onLoad({ filter: /\.[cm]?ts$/ }, args => ({
      contents: readFileSync(args.path, 'utf8').replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
      loader: 'ts',
    }))
  },
}

/**
 * Bundles entry points (name → TypeScript file) into plain ES modules in `outDir`, `<name>.js` each
 * plus shared chunks: the project's TypeScript bundled, packages left to node_modules (so `outDir`
 * must lie inside the project). Files of earlier builds in `outDir` are removed. Throws what
 * `failure` makes of the first error.
 */
async function bundle(
  entryPoints: Record<string, string>,
  outDir: string,
  absWorkingDir: string,
  failure: (message: string) => BuildError,
): Promise<Record<string, string>> {
  let outputs: string[]
  try {
    const result = await build({
      entryPoints,
      outdir: outDir,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      metafile: true,
      sourcemap: 'linked',
      logLevel: 'silent',
      plugins: [keepModuleUrls],
      absWorkingDir,
    })
    outputs = Object.keys(result.metafile.outputs).map(f => resolve(absWorkingDir, f))
  } catch (err) {
    const errors = (err as { errors?: Array<{ text: string; location?: { file: string; line: number } | null }> }).errors
    const first = errors?.[0]
    throw failure(
      first
        ? `${first.location ? `${first.location.file}:${first.location.line}: ` : ''}${first.text}`
        : err instanceof Error
          ? err.message
          : String(err),
    )
  }
  const kept = new Set(outputs.map(f => basename(f)))
  for (const file of readdirSync(outDir)) if (!kept.has(file)) rmSync(join(outDir, file), { force: true })
  return Object.fromEntries(Object.keys(entryPoints).map(n => [n, join(outDir, `${n}.js`)]))
}

/**
 * Builds the departments' entry points (`services/<name>/index.ts`) into plain ES modules in `outDir`,
 * one per department plus shared chunks (see `bundle`). `npm start` runs these with plain `node`:
 * a department process then loads a handful of files instead of compiling some 200 project modules
 * through a TypeScript loader, which is most of its start-up time. The same sources, the same code;
 * only the transpiling happens once per start instead of once per process.
 *
 * Returns the built entry file of each department.
 */
export async function buildDepartments(
  names: readonly string[],
  outDir: string,
  servicesDir = SERVICES_DIR,
): Promise<Record<string, string>> {
  if (!names.length) return {}
  const entryPoints = Object.fromEntries(names.map(n => [n, join(servicesDir, n, 'index.ts')]))
  return bundle(
    entryPoints,
    outDir,
    resolve(servicesDir, '..'),
    message => new DepartmentBuildError(`cannot build the departments: ${message}`),
  )
}

/**
 * Builds any entry points of the project (name → TypeScript file) for plain `node` into `outDir`
 * (see `bundle`): the benchmark runs departments, gateway and baselines this way. Returns the built
 * entry file of each name.
 */
export async function buildEntryPoints(
  entryPoints: Record<string, string>,
  outDir: string,
  root = PROJECT_ROOT,
): Promise<Record<string, string>> {
  return bundle(entryPoints, outDir, root, message => new BuildError(`cannot build ${Object.keys(entryPoints).join(', ')}: ${message}`))
}

/**
 * Builds the gateway (`gateway/index.ts`; same arguments and environment) into `<outDir>/gateway.js`
 * for plain `node`. A gateway started through the TypeScript loader (`node --import tsx`) keeps the
 * loader for its whole life — on Node 20 module hooks run on a thread of their own, a second V8
 * instance — which measured about 60 MB of resident memory before the first request and a few per
 * cent more CPU per request under load. The container image runs the built gateway.
 */
export async function buildGateway(outDir: string, root = PROJECT_ROOT): Promise<string> {
  const entries = await bundle(
    { gateway: join(root, 'gateway', 'index.ts') },
    outDir,
    root,
    message => new BuildError(`cannot build the gateway: ${message}`),
  )
  return entries.gateway
}
