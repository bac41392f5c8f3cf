import { readFileSync, statSync } from 'node:fs'
import { dirname, join, resolve, sep } from 'node:path'
import type { Plugin } from 'vite'

/**
 * Each view's chunk carries only its own GraphQL documents.
 *
 * Views write operations as `graphql(\`query X …\`)` (src/gql/gql.ts, GraphQL Code Generator's client preset). That
 * function looks the text up in a map of every operation of the app, so the map, and every document in it, would be
 * one chunk that each view downloads. This plugin does at build time what the preset's babel plugin does: each call
 * becomes the generated `XDocument` (src/gql/graphql.ts) of that text, and each document is a module of its own
 * (`virtual:graphql-document/XDocument`), so the bundler puts it into the chunk of the view that uses it (a document
 * used by several views, such as TypeFields, into a chunk they share). Types are unchanged: the typecheck still reads
 * `graphql()`'s overloads. A call whose text is not among the generated operations fails the build with the advice to
 * run `npm run codegen:web`.
 */

const VIRTUAL = 'virtual:graphql-document/'
const RESOLVED = '\0' + VIRTUAL
/** `graphql(` + a template literal without substitutions + `)`. */
const CALL = /\bgraphql\(\s*`([^`]*)`\s*,?\s*\)/g
const IMPORT = /import\s*\{([^}]*)\}\s*from\s*(['"])([^'"]+)\2\s*;?/g

interface Generated {
  /** Operation text (as written in graphql()) → name of its generated document. */
  byText: Map<string, string>
  /** Document name → the document (GraphQL AST as JSON). */
  documents: Map<string, string>
}

export function graphqlDocuments(opts: { gqlDir: string }): Plugin {
  const gqlDir = resolve(opts.gqlDir)
  const gqlTs = join(gqlDir, 'gql.ts')
  const graphqlTs = join(gqlDir, 'graphql.ts')
  const srcDir = dirname(gqlDir) + sep
  let cache: { stamp: string; generated: Generated } | null = null

  /** The generated files, read again when codegen rewrote them. */
  function generated(): Generated {
    const stamp = [gqlTs, graphqlTs].map(f => statSync(f).mtimeMs).join(':')
    if (cache?.stamp === stamp) return cache.generated
    const byText = new Map<string, string>()
    const map = /const documents: Documents = \{([\s\S]*?)\n\};/.exec(readFileSync(gqlTs, 'utf8'))
    if (!map) throw new Error(`${gqlTs}: no documents map (run npm run codegen:web)`)
    for (const m of map[1]!.matchAll(/^\s*("(?:[^"\\]|\\.)*"): types\.(\w+),?$/gm)) byText.set(JSON.parse(m[1]!) as string, m[2]!)
    const documents = new Map<string, string>()
    const source = readFileSync(graphqlTs, 'utf8')
    for (const m of source.matchAll(/^export const (\w+) = (\{[\s\S]*?\}) as unknown as DocumentNode</gm)) {
      JSON.parse(m[2]!) // a document as JSON, or the generated file is not what this plugin reads
      documents.set(m[1]!, m[2]!)
    }
    cache = { stamp, generated: { byText, documents } }
    return cache.generated
  }

  return {
    name: 'klar-graphql-documents',
    enforce: 'pre',
    resolveId(id) {
      return id.startsWith(VIRTUAL) ? '\0' + id : null
    },
    load(id) {
      if (!id.startsWith(RESOLVED)) return null
      const name = id.slice(RESOLVED.length)
      this.addWatchFile(graphqlTs)
      const doc = generated().documents.get(name)
      if (!doc) throw new Error(`no generated document ${name} in ${graphqlTs} (run npm run codegen:web)`)
      return `export const ${name} = ${doc}\n`
    },
    transform(code, id) {
      const file = id.split('?')[0]!
      if (!/\.tsx?$/.test(file) || !file.startsWith(srcDir) || file.startsWith(gqlDir + sep)) return null
      if (!code.includes('graphql(`')) return null
      // Only calls of this directory's graphql(): a file may use another generated client (src/gql-admin).
      const importsOurs = [...code.matchAll(IMPORT)].some(([, names, , from]) => {
        const target = resolve(dirname(file), from!)
        const ours = target === gqlDir || target === join(gqlDir, 'index') || target === join(gqlDir, 'gql')
        return ours && names!.split(',').some(n => n.trim() === 'graphql')
      })
      if (!importsOurs) return null
      const { byText } = generated()
      const used = new Set<string>()
      let out = code.replace(CALL, (call, text: string) => {
        if (text.includes('${')) throw new Error(`${file}: graphql() takes a static operation, without \${…}`)
        const name = byText.get(text)
        if (!name) throw new Error(`${file}: an operation not among the generated ones (run npm run codegen:web):${text.slice(0, 80)}`)
        used.add(name)
        // The same number of lines, so positions after the call stay where they were.
        return `__gql_${name}` + '\n'.repeat(call.split('\n').length - 1)
      })
      if (used.size === 0) return null
      // graphql() is no longer called here: drop its import from src/gql, so its map stays out of the bundle.
      out = out.replace(IMPORT, (statement, names: string, _q: string, from: string) => {
        const target = resolve(dirname(file), from)
        if (target !== gqlDir && target !== join(gqlDir, 'index') && target !== join(gqlDir, 'gql')) return statement
        const rest = names
          .split(',')
          .map(s => s.trim())
          .filter(s => s && s !== 'graphql')
        const lines = '\n'.repeat(statement.split('\n').length - 1)
        return (rest.length ? `import { ${rest.join(', ')} } from '${from}';` : '') + lines
      })
      const imports = [...used].map(n => `import { ${n} as __gql_${n} } from '${VIRTUAL}${n}';`).join(' ')
      return { code: `${imports} ${out}`, map: null }
    },
  }
}
