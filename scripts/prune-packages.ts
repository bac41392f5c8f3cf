import { join, resolve } from 'node:path'
import { bundleImports, packageClosure, prune } from './runtime-packages.js'

// node .data/tools/prune-packages.js [--list] [appDir]: keeps in <appDir>/node_modules only the packages the
// bundles in <appDir>/.data load (scripts/runtime-packages.ts); --list prints them and removes nothing. The
// image's runtime stage runs it after `npm ci --omit=dev`; built by `npm run build:departments`.
const args = process.argv.slice(2)
const list = args[0] === '--list'
const rest = list ? args.slice(1) : args
if (rest.length > 1 || rest[0]?.startsWith('-')) {
  console.error('usage: prune-packages [--list] [appDir]')
  process.exit(2)
}
const appDir = resolve(rest[0] ?? '.')
try {
  const imports = bundleImports(join(appDir, '.data'), join(appDir, 'node_modules'))
  const kept = packageClosure(imports, appDir)
  if (list) {
    for (const dir of [...kept].sort()) console.log(dir)
  } else {
    const r = prune(appDir, kept)
    console.log(
      `node_modules: kept ${kept.size} packages for the ${imports.code.size + imports.files.size} the bundles use, removed ${r.removed}: ` +
        `${(r.before / 1e6).toFixed(0)} MB → ${(r.after / 1e6).toFixed(0)} MB`,
    )
  }
} catch (err) {
  console.error(`cannot prune node_modules: ${err instanceof Error ? err.message : String(err)}`)
  process.exit(1)
}
