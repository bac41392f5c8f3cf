import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Response } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { describeBrowser, launchBrowser, openPage, type Device } from '../helpers/browser.js'
import { startWebCity, WEB_DIST, type RunningWebCity } from '../helpers/web-city.js'
import { MIN_COMPRESS_BYTES } from '../../gateway/web/static-files.js'

/** The gzip size the gateway serves a file with (HEAD, so only the headers travel); files too small to gain are sent as they are. */
async function gzipLength(url: string): Promise<number> {
  const res = await fetch(url, { method: 'HEAD', headers: { 'accept-encoding': 'gzip' } })
  const length = Number(res.headers.get('content-length'))
  expect(res.headers.get('content-encoding') ?? (length < MIN_COMPRESS_BYTES ? 'small' : 'none'), url).toMatch(/^(gzip|small)$/)
  return length
}

interface ManifestChunk {
  file: string
  imports?: string[]
  isEntry?: boolean
}

/** Files of the entry and of the overview's chunk with their static imports (web/dist/.vite/manifest.json). */
function initialScripts(): Set<string> {
  const manifest = JSON.parse(readFileSync(join(WEB_DIST, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>
  const files = new Set<string>()
  const add = (key: string) => {
    const chunk = manifest[key]
    if (!chunk || files.has(chunk.file)) return
    files.add(chunk.file)
    for (const k of chunk.imports ?? []) add(k)
  }
  const entry = Object.keys(manifest).find(k => manifest[k].isEntry)
  expect(entry).toBeDefined()
  add(entry!)
  add('src/views/overview/OverviewView.tsx')
  return new Set([...files].filter(f => f.endsWith('.js')))
}

/** Initial JavaScript of the first view, compressed as served (issue budget: 200 KB gzip). */
const INITIAL_JS_BUDGET = 200 * 1024

// The built app as the gateway serves it: every request from the gateway's own origin, compressed,
// hashed assets immutable, nothing the Content-Security-Policy refuses, no console error.
describeBrowser('the built app served by the gateway', () => {
  let browser: Browser
  let city: RunningWebCity
  beforeAll(async () => {
    expect(inject('webBuild')).not.toMatch(/^failed/)
    ;[browser, city] = await Promise.all([launchBrowser(), startWebCity(inject('cityDatabaseUrl'))])
  })
  afterAll(async () => {
    await browser?.close()
    await city?.stop()
  })

  it.each(['phone', 'desktop'] as const)(
    'loads / on a %s from its own origin, compressed, within the JavaScript budget',
    async (device: Device) => {
      const watched = await openPage(browser, device)
      const responses: Response[] = []
      watched.page.on('response', r => void responses.push(r))
      await watched.page.goto(`${city.origin}/`)
      await watched.page.waitForLoadState('networkidle')
      expect(await watched.page.getAttribute('html', 'lang')).toBe('de')
      const origins = new Set(responses.map(r => new URL(r.url()).origin).filter(o => o !== 'null' && !o.startsWith('data:')))
      expect([...origins]).toEqual([city.origin])
      const scripts = responses.filter(r => r.request().resourceType() === 'script' && new URL(r.url()).pathname.startsWith('/assets/'))
      expect(scripts.length).toBeGreaterThan(0)
      // Initial JavaScript: the entry and the overview's chunk with their static imports, from the build manifest.
      // The gauge's drawing library is a dynamic import, loaded as the warning tile draws it, and counted apart.
      const initial = initialScripts()
      let gzip = 0
      let total = 0
      for (const script of scripts) {
        const headers = await script.allHeaders()
        expect(headers['cache-control'], script.url()).toBe('public, max-age=31536000, immutable')
        const gzipped = await gzipLength(script.url())
        if (gzipped >= MIN_COMPRESS_BYTES) expect(headers['content-encoding'], script.url()).toBe('br')
        total += gzipped
        if (initial.has(new URL(script.url()).pathname.slice(1))) gzip += gzipped
      }
      // Every initial file was loaded by the page (the manifest describes what is served).
      const loaded = new Set(scripts.map(r => new URL(r.url()).pathname.slice(1)))
      expect([...initial].filter(f => !loaded.has(f))).toEqual([])
      const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`
      console.log(
        `[web] JavaScript of / on a ${device}: initial ${initial.size} file(s), ${kb(gzip)} gzip; ` +
          `with the lazily loaded chunks ${scripts.length} file(s), ${kb(total)} gzip`,
      )
      expect(gzip).toBeLessThanOrEqual(INITIAL_JS_BUDGET)
      await watched.close()
    },
  )
})
