import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Response } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { describeBrowser, launchBrowser, openPage, type Device } from '../helpers/browser.js'
import { startWebCity, WEB_DIST, type RunningWebCity } from '../helpers/web-city.js'

/** The gzip size the gateway serves a file with (HEAD, so only the headers travel). */
async function gzipLength(url: string): Promise<number> {
  const res = await fetch(url, { method: 'HEAD', headers: { 'accept-encoding': 'gzip' } })
  expect(res.headers.get('content-encoding')).toBe('gzip')
  return Number(res.headers.get('content-length'))
}

/** Initial JavaScript of the first view, compressed as served (issue budget: 200 KB gzip). */
const INITIAL_JS_BUDGET = 200 * 1024
const hasApp = existsSync(join(WEB_DIST, '..', 'index.html'))
const describeApp: typeof describeBrowser = hasApp
  ? describeBrowser
  : (((name: string, fn: () => void) => describe.skip(`${name} (skipped: no web app in web/ yet)`, fn)) as typeof describe)

// The built app as the gateway serves it: every request from the gateway's own origin, compressed,
// hashed assets immutable, nothing the Content-Security-Policy refuses, no console error.
describeApp('the built app served by the gateway', () => {
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
      await watched.page.goto(`${city.origin}/`, { waitUntil: 'networkidle' })
      expect(await watched.page.getAttribute('html', 'lang')).toBe('de')
      const origins = new Set(responses.map(r => new URL(r.url()).origin).filter(o => o !== 'null' && !o.startsWith('data:')))
      expect([...origins]).toEqual([city.origin])
      const scripts = responses.filter(r => r.request().resourceType() === 'script' && new URL(r.url()).pathname.startsWith('/assets/'))
      expect(scripts.length).toBeGreaterThan(0)
      let brotli = 0
      let gzip = 0
      for (const script of scripts) {
        const headers = await script.allHeaders()
        expect(headers['cache-control'], script.url()).toBe('public, max-age=31536000, immutable')
        expect(headers['content-encoding'], script.url()).toBe('br')
        brotli += Number(headers['content-length'])
        gzip += await gzipLength(script.url())
      }
      const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`
      console.log(`[web] initial JavaScript of / on a ${device}: ${scripts.length} file(s), ${kb(gzip)} gzip, ${kb(brotli)} brotli`)
      expect(gzip).toBeLessThanOrEqual(INITIAL_JS_BUDGET)
      await watched.close()
    },
  )
})
