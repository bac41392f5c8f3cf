// Resolves the project's relative imports for eslint-plugin-import: sources import TypeScript
// files by their emitted name (`./x.js` → `./x.ts`, NodeNext style), which the plugin's node
// resolver does not follow. Package and built-in imports resolve to no file (no layer to check).
const { existsSync, statSync } = require('node:fs')
const { dirname, join, resolve } = require('node:path')

const isFile = p => existsSync(p) && statSync(p).isFile()

module.exports = {
  interfaceVersion: 2,
  resolve(source, file) {
    if (!source.startsWith('.')) return { found: true, path: null }
    const p = resolve(dirname(file), source)
    for (const candidate of [p, p.replace(/\.js$/, '.ts'), `${p}.ts`, join(p, 'index.ts')]) {
      if (isFile(candidate)) return { found: true, path: candidate }
    }
    return { found: false }
  },
}
