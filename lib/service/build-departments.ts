import { readdirSync, readFileSync, rmSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { build, type Plugin } from 'esbuild'
import { SERVICES_DIR } from './discover-services.js'

export class DepartmentBuildError extends Error {}

/**
 * Each file keeps its own `import.meta.url` (a department reads its `schema.graphql` next to its
 * sources, the catalog finds the departments' folders from it): the text is replaced by the URL of
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
 * Builds the departments' entry points (`services/<name>/index.ts`) into plain ES modules in `outDir`,
 * one per department plus shared chunks: the project's TypeScript bundled, packages left to
 * node_modules (so `outDir` must lie inside the project). `npm start` runs these with plain `node`:
 * a department process then loads a handful of files instead of compiling some 200 project modules
 * through a TypeScript loader, which is most of its start-up time. The same sources, the same code;
 * only the transpiling happens once per start instead of once per process.
 *
 * Returns the built entry file of each department. Files of earlier builds are removed.
 */
export async function buildDepartments(names: readonly string[], outDir: string, servicesDir = SERVICES_DIR): Promise<Record<string, string>> {
  if (!names.length) return {}
  const entryPoints = Object.fromEntries(names.map(n => [n, join(servicesDir, n, 'index.ts')]))
  let outputs: string[]
  try {
    const result = await build({
      entryPoints, outdir: outDir, bundle: true, splitting: true, format: 'esm', platform: 'node', target: 'node20',
      packages: 'external', metafile: true, sourcemap: 'linked', logLevel: 'silent', plugins: [keepModuleUrls],
      absWorkingDir: resolve(servicesDir, '..'),
    })
    outputs = Object.keys(result.metafile.outputs).map(f => resolve(resolve(servicesDir, '..'), f))
  } catch (err) {
    const errors = (err as { errors?: Array<{ text: string; location?: { file: string; line: number } | null }> }).errors
    const first = errors?.[0]
    throw new DepartmentBuildError(first
      ? `cannot build the departments: ${first.location ? `${first.location.file}:${first.location.line}: ` : ''}${first.text}`
      : `cannot build the departments: ${err instanceof Error ? err.message : String(err)}`)
  }
  const kept = new Set(outputs.map(f => basename(f)))
  for (const file of readdirSync(outDir)) if (!kept.has(file)) rmSync(join(outDir, file), { force: true })
  return Object.fromEntries(names.map(n => [n, join(outDir, `${n}.js`)]))
}
