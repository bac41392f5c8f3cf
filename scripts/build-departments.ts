import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { BuildError, buildDepartments, buildEntryPoints } from '../lib/service/build-departments.js'
import { serviceFolders } from '../lib/service/discover-services.js'

// npm run build:departments: bundles every department (services/<name>/index.ts) for plain node into
// .data/departments/<name>.js, the migration runner (scripts/db.ts) into .data/db/db.js, and the image's
// package pruner (scripts/prune-packages.ts) into .data/tools/prune-packages.js. The container
// image runs these (`node .data/departments/geo.js`, `node .data/db/db.js seed`), as it runs the gateway
// from .data/gateway/gateway.js (npm run build:gateway): no TypeScript loader in any process. Like the
// gateway's, the bundles read their files (schemas, SQL) from the sources and their packages from
// node_modules: build and run them in the same checkout.
const ROOT = fileURLToPath(new URL('../', import.meta.url))
if (process.argv.length > 2) {
  console.error('usage: npm run build:departments')
  process.exit(2)
}
try {
  const departments = await buildDepartments(serviceFolders(), join(ROOT, '.data', 'departments'))
  const db = await buildEntryPoints({ db: join(ROOT, 'scripts', 'db.ts') }, join(ROOT, '.data', 'db'))
  // The image's runtime stage keeps only the packages the bundles load (scripts/prune-packages.ts).
  const tools = await buildEntryPoints({ 'prune-packages': join(ROOT, 'scripts', 'prune-packages.ts') }, join(ROOT, '.data', 'tools'))
  for (const file of [...Object.values(departments), db.db, tools['prune-packages']]) console.log(`built ${relative(process.cwd(), file)}`)
} catch (err) {
  console.error(err instanceof BuildError ? err.message : err)
  process.exit(1)
}
