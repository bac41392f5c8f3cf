import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { chromium } from 'playwright-core'

// `npm run bench:web`: how fast the overview shows its figures, and how much JavaScript each view costs.
//
// 1. Time to figures: Chromium opens the overview as a phone (390×844, touch) in a fresh context per run (no
//    HTTP cache, no service worker) and reads the performance timeline: from navigation start to the mark the
//    overview sets once its tiles show figures (`klar:overview-figures`, web/src/views/overview/figures-shown.ts).
//    Median and p95 over the runs, with first contentful paint beside it.
// 2. JavaScript per view, gzip, from web/dist/.vite/manifest.json: initial = the entry and its static imports plus
//    the view's chunk and its static imports; lazy = what the view imports later (e.g. a chart drawn after the data).
//
//   npm run bench:web                        starts the city (npm start's stack on free ports), then measures
//   CITY_URL=http://127.0.0.1:4000 npm run bench:web    measures a running city (its web/dist must be this one)
//   BENCH_RUNS=20 npm run bench:web          runs (default 10)
//   CHROMIUM=/path/to/chromium               browser (default /usr/bin/chromium)

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const DIST = join(ROOT, 'web/dist')
const MARK = 'klar:overview-figures'
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 10) || 10)
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium'
/** The budget of issue 14: figures on screen within 1.5 s of navigation. */
const FIGURES_BUDGET_MS = 1500
/** The budget of issue 14: the overview's initial JavaScript at most 200 KB gzip. */
const INITIAL_JS_BUDGET = 200 * 1024

interface ManifestChunk {
  file: string
  src?: string
  isEntry?: boolean
  isDynamicEntry?: boolean
  imports?: string[]
  dynamicImports?: string[]
  css?: string[]
}
type Manifest = Record<string, ManifestChunk>

/** Starts `npm start`'s stack on free ports in its own data folder; resolves with the app's address once it is ready. */
async function startCity(): Promise<{ url: string; stop: () => Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/start.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', DEPARTMENT_PORTS: 'auto', DATA_DIR: process.env.DATA_DIR ?? '.data/bench-web' },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const stop = () =>
    new Promise<void>(resolve => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve()
      const kill = setTimeout(() => child.kill('SIGKILL'), 20_000)
      child.once('exit', () => (clearTimeout(kill), resolve()))
      child.kill('SIGTERM')
    })
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error('the city was not ready within 180 s')), 180_000)
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const found = /Dashboards\s+(http:\/\/\S+?)\/?\s/.exec(out)
      if (found) {
        clearTimeout(timer)
        resolve(found[1]!)
      }
    })
    child.once('exit', code => (clearTimeout(timer), reject(new Error(`npm start exited with ${code} before it was ready`))))
  }).catch(async err => {
    await stop()
    throw err
  })
  child.stdout!.resume()
  return { url, stop }
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!
const ms = (v: number) => `${Math.round(v)} ms`
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

async function timeToFigures(url: string): Promise<{ figures: number[]; fcp: number[] }> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  })
  const figures: number[] = []
  const fcp: number[] = []
  try {
    // One unmeasured load warms the gateway and the departments (their first query plans and connections).
    for (let run = 0; run <= RUNS; run++) {
      const context = await browser.newContext({
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 3,
        isMobile: true,
        hasTouch: true,
        serviceWorkers: 'block',
        locale: 'de-DE',
      })
      const page = await context.newPage()
      await page.goto(new URL('/', url).href)
      const entry = await page.waitForFunction(
        mark => {
          const found = performance.getEntriesByName(mark, 'mark')[0]
          const paint = performance.getEntriesByName('first-contentful-paint')[0]
          return found ? { figures: found.startTime, fcp: paint?.startTime ?? NaN } : null
        },
        MARK,
        { timeout: 30_000 },
      )
      const { figures: f, fcp: p } = (await entry.jsonValue())!
      if (run > 0) {
        figures.push(f)
        fcp.push(p)
      }
      await context.close()
    }
  } finally {
    await browser.close()
  }
  return { figures, fcp }
}

/** Gzip bytes of every view's JavaScript: initial (entry + view + their static imports) and loaded later. */
function routeSizes(): Array<{ view: string; initial: number; lazy: number; files: string[] }> {
  const manifestPath = join(DIST, '.vite/manifest.json')
  if (!existsSync(manifestPath)) throw new Error(`${manifestPath} is missing: build the app first (npm run build:web)`)
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest
  const gz = new Map<string, number>()
  const size = (file: string) => {
    if (!gz.has(file)) gz.set(file, gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length)
    return gz.get(file)!
  }
  const closure = (keys: string[], into = new Set<string>()): Set<string> => {
    for (const key of keys) {
      if (into.has(key) || !manifest[key]) continue
      into.add(key)
      closure(manifest[key].imports ?? [], into)
    }
    return into
  }
  const entry = Object.keys(manifest).find(k => manifest[k]!.isEntry)
  if (!entry) throw new Error('no entry chunk in the build manifest')
  const shell = closure([entry])
  const views = Object.keys(manifest).filter(k => manifest[k]!.isDynamicEntry && k.startsWith('src/views/'))
  return views.map(key => {
    const initial = closure([key], new Set(shell))
    const lazyKeys = [...closure(manifest[key]!.dynamicImports ?? [])].filter(k => !initial.has(k))
    const sum = (keys: Iterable<string>) => [...keys].reduce((n, k) => n + size(manifest[k]!.file), 0)
    return {
      view: key.replace(/^src\/views\//, '').replace(/\/[^/]+$/, ''),
      initial: sum(initial),
      lazy: sum(lazyKeys),
      files: [...initial].map(k => manifest[k]!.file),
    }
  })
}

async function main() {
  const given = process.env.CITY_URL
  const city = given ? { url: given.replace(/\/$/, ''), stop: async () => {} } : await startCity()
  try {
    console.log(`KLAR web bench: ${city.url}/ as a phone (390×844, touch), ${RUNS} runs, ${CHROMIUM}\n`)
    const { figures, fcp } = await timeToFigures(city.url)
    const sorted = [...figures].sort((a, b) => a - b)
    const sortedFcp = [...fcp].sort((a, b) => a - b)
    const median = quantile(sorted, 0.5)
    console.log('Overview: navigation start → figures shown (performance mark klar:overview-figures)')
    console.log(`  median ${ms(median)}   p95 ${ms(quantile(sorted, 0.95))}   min ${ms(sorted[0]!)}   max ${ms(sorted.at(-1)!)}`)
    console.log(`  first contentful paint: median ${ms(quantile(sortedFcp, 0.5))}   p95 ${ms(quantile(sortedFcp, 0.95))}`)
    console.log(`  budget ${ms(FIGURES_BUDGET_MS)}: ${median <= FIGURES_BUDGET_MS ? 'met' : 'MISSED'}\n`)

    const sizes = routeSizes()
    console.log('JavaScript per view (gzip -9): initial = entry + view chunk + their static imports; later = lazy imports')
    for (const s of sizes) {
      console.log(`  ${s.view.padEnd(16)} initial ${kb(s.initial).padStart(9)}   later ${kb(s.lazy).padStart(9)}   ${s.files.join(' ')}`)
    }
    const overview = sizes.find(s => s.view === 'overview')
    if (overview) {
      const ok = overview.initial <= INITIAL_JS_BUDGET
      console.log(`  overview budget ${kb(INITIAL_JS_BUDGET)} initial: ${ok ? 'met' : 'MISSED'}`)
    }
  } finally {
    await city.stop()
  }
}

main().catch(err => {
  console.error(`[bench:web] ${err instanceof Error ? err.message : String(err)}`)
  process.exitCode = 1
})
