import { existsSync, statSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, it } from 'vitest'
import { describeBrowser, expectAccessible, launchBrowser, openPage, screenshot } from '../helpers/browser.js'
import { FIXTURE_WEB_DIST, startWebCity, type RunningWebCity } from '../helpers/web-city.js'

// The browser helpers and the gateway's serving, on a minimal built app (test/fixtures/web-dist):
// what the views' tests rely on, checked without the views.
describeBrowser('browser harness on the gateway', () => {
  let browser: Browser
  let city: RunningWebCity
  beforeAll(async () => {
    ;[browser, city] = await Promise.all([
      launchBrowser(),
      startWebCity(inject('cityDatabaseUrl'), { dist: FIXTURE_WEB_DIST, only: ['geo'] }),
    ])
  })
  afterAll(async () => {
    await browser?.close()
    await city?.stop()
  })

  it.each(['phone', 'desktop'] as const)('renders the app under its CSP on a %s, accessible, with a screenshot', async device => {
    const watched = await openPage(browser, device)
    const { page } = watched
    await page.goto(`${city.origin}/stadtteile/05?jahr=2025`)
    await expect.poll(() => page.locator('#graph').textContent()).toBe('Query')
    expect(await page.locator('#mode').textContent()).toMatch(/^development \(\d+ Rollen\)$/)
    expect(await page.locator('#route').textContent()).toBe('/stadtteile/05?jahr=2025')
    expect(await page.evaluate(() => window.innerWidth)).toBe(device === 'phone' ? 390 : 1366)
    await expectAccessible(page)
    const file = await screenshot(page, 'harness', device)
    expect(existsSync(file) && statSync(file).size).toBeGreaterThan(1000)
    await watched.close()
  })

  it('catches a CSP violation (an inline script) and a console error', async () => {
    const watched = await openPage(browser, 'desktop')
    await watched.page.goto(`${city.origin}/probe/inline.html`)
    await expect.poll(() => watched.problems.some(p => p.startsWith('CSP violation: script-src-elem'))).toBe(true)
    expect(await watched.page.locator('#out').textContent()).toBe('unverändert')
    await watched.page.evaluate(() => console.error('something broke'))
    await expect.poll(() => watched.problems).toContain('console error: something broke')
    await expect(watched.close()).rejects.toThrow(/the page had problems/)
  })

  it('finds WCAG violations', async () => {
    const watched = await openPage(browser, 'desktop')
    await watched.page.goto(`${city.origin}/`)
    await watched.page.evaluate(() => {
      const img = document.createElement('img')
      img.src = '/assets/missing.png'
      document.querySelector('main')!.append(img)
    })
    await expect(expectAccessible(watched.page)).rejects.toThrow(/image-alt/)
    await watched.context.close()
  })
})
