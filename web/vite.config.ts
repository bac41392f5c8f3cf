import { defineConfig, type Plugin } from 'vite'
import react from '@vitejs/plugin-react'
import { build as esbuild } from 'esbuild'
import { createHash } from 'node:crypto'
import { readdirSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { graphqlDocuments } from './codegen/vite-graphql-documents.js'
import { kernUsed } from './src/styles/kern-used.js'

// The city the dev server talks to (`npm run dev:web`): /graphql and /auth are proxied there.
const city = process.env.CITY_URL ?? 'http://127.0.0.1:4000'
const root = fileURLToPath(new URL('.', import.meta.url))

/** Every file under `dir` as a URL path (`/icons/icon.svg`). */
function urlPaths(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter(e => e.isFile())
    .map(e => '/' + relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
}

/**
 * The service worker (src/sw/sw.ts) as dist/sw.js: bundled on its own (a worker is no module of the page) with the
 * app shell it precaches, index.html plus every file of this build and of public/, and a version from that list, so
 * each build with other files is a new worker. The gateway serves it with `no-cache` like every unhashed file.
 */
function serviceWorker(): Plugin {
  return {
    name: 'klar-service-worker',
    enforce: 'post',
    // Whether the page registers the worker: in every build (also one made under NODE_ENV=test, where
    // import.meta.env.PROD is false), never on the dev server, which has no /sw.js.
    config: (_config, { command }) => ({ define: { __KLAR_SERVICE_WORKER__: JSON.stringify(command === 'build') } }),
    async generateBundle(_options, bundle) {
      // The administrators' console is not precached: its chunks are fetched only by administrators once the guard
      // let them in, never by other callers' browsers (web/src/admin/AdminGate.tsx). Its chunks are the lazy entries
      // under src/admin/ and src/gql-admin/ and every chunk only they import (a shared component only the console
      // uses, such as a form field, has a chunk of its own that the app never loads), with their styles.
      const isAdminModule = (id: string | null | undefined) => !!id && /[\\/]src[\\/](admin|gql-admin)[\\/]/.test(id)
      const chunks = Object.entries(bundle).flatMap(([name, out]) => (out.type === 'chunk' ? [[name, out] as const] : []))
      const reach = (roots: string[]) => {
        const seen = new Set<string>()
        const visit = (name: string) => {
          const out = bundle[name]
          if (seen.has(name) || !out || out.type !== 'chunk') return
          seen.add(name)
          for (const imported of out.imports) visit(imported)
        }
        roots.forEach(visit)
        return seen
      }
      const roots = chunks.filter(([, out]) => out.isEntry || out.isDynamicEntry)
      const app = reach(roots.filter(([, out]) => !isAdminModule(out.facadeModuleId)).map(([name]) => name))
      const cssOf = (name: string) => {
        const out = bundle[name]
        return out?.type === 'chunk' ? [...(out.viteMetadata?.importedCss ?? [])] : []
      }
      const appCss = new Set([...app].flatMap(cssOf))
      const adminOnly = new Set<string>()
      for (const name of reach(roots.filter(([, out]) => !out.isEntry && isAdminModule(out.facadeModuleId)).map(([n]) => n))) {
        if (app.has(name)) continue
        adminOnly.add(name)
        for (const css of cssOf(name)) if (!appCss.has(css)) adminOnly.add(css)
      }
      const built = Object.keys(bundle).filter(name => !name.endsWith('.html') && !name.startsWith('.') && !adminOnly.has(name))
      const precache = ['/index.html', ...built.map(name => `/${name}`), ...urlPaths(join(root, 'public'))].sort()
      const version = createHash('sha256').update(precache.join('\n')).digest('hex').slice(0, 16)
      const out = await esbuild({
        entryPoints: [join(root, 'src/sw/sw.ts')],
        bundle: true,
        write: false,
        format: 'iife',
        target: 'es2022',
        minify: true,
        legalComments: 'none',
        logLevel: 'error',
        define: { __PRECACHE__: JSON.stringify(precache), __VERSION__: JSON.stringify(version) },
      })
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: out.outputFiles[0]!.text })
    },
  }
}

/**
 * index.html preloads the overview's chunk, the view at `/` and the installed app's start page: it then loads
 * alongside the entry instead of after it has run (one round trip less before the first figures on a phone).
 */
function preloadStartView(): Plugin {
  return {
    name: 'klar-preload-start-view',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const bundle = ctx.bundle ?? {}
        const chunk = Object.values(bundle).find(
          c => c.type === 'chunk' && c.facadeModuleId?.endsWith('/src/views/overview/OverviewView.tsx'),
        )
        if (!chunk || chunk.type !== 'chunk') return []
        // With its static imports (shared chunks), which the browser would otherwise find only once the chunk is in.
        const files = new Set<string>()
        const add = (name: string) => {
          const c = bundle[name]
          if (files.has(name) || !c || c.type !== 'chunk' || c.isEntry) return
          files.add(name)
          c.imports.forEach(add)
        }
        add(chunk.fileName)
        return [...files].map(file => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` },
          injectTo: 'head' as const,
        }))
      },
    },
  }
}

export default defineConfig({
  root,
  base: '/',
  plugins: [react(), kernUsed(root), preloadStartView(), serviceWorker(), graphqlDocuments({ gqlDir: join(root, 'src/gql') })],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    // Every asset a file of its own: the Content-Security-Policy allows no data: fonts or inline code.
    assetsInlineLimit: 0,
    // Browsers of the last years load modules natively; no polyfill snippet in the page.
    modulePreload: { polyfill: false },
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: true,
    // dist/.vite/manifest.json: every chunk with its imports (bench/web.ts sums each route's initial JavaScript from it).
    manifest: true,
  },
  server: {
    host: '127.0.0.1',
    proxy: {
      '/graphql': { target: city, changeOrigin: true },
      '/auth/config': { target: city, changeOrigin: true },
      '/auth/dev-token': { target: city, changeOrigin: true },
    },
  },
  preview: { host: '127.0.0.1' },
})
