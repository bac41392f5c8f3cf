import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, it } from 'vitest'
import { describeBrowser, expectAccessible, launchBrowser, openPage, screenshot } from '../helpers/browser.js'
import { waitFor } from '../helpers/wait-for.js'
import { startWebCity, type RunningWebCity } from '../helpers/web-city.js'

// The installed app without a network: the service worker (web/src/sw/sw.ts) answers the overview's questions with
// the last answers it kept, and the app says so: "offline – Stand <time of those answers>".

/** Every tile's title and its figure as shown (the key figure; the warning tile's level and value). */
async function figures(page: Page): Promise<string[]> {
  await page.waitForFunction(() => performance.getEntriesByName('klar:overview-figures', 'mark').length > 0, null, { timeout: 30_000 })
  return page.locator('.tiles .tile').evaluateAll(tiles =>
    tiles.map(t => {
      // The warning tile's text only: its gauge is drawn lazily and may or may not be there yet.
      const parts = t.querySelectorAll<HTMLElement>('.key-figure__value, .warning > p')
      const text = [...parts].map(p => p.innerText.replace(/\s+/g, ' ').trim()).join(' | ')
      return `${t.querySelector('.tile__title')?.textContent ?? ''}: ${text}`
    }),
  )
}

describeBrowser('the overview offline', () => {
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

  it('shows the last loaded figures after a reload without network, marked "offline – Stand …"', async () => {
    // Offline, /auth/config cannot be fetched (the app then reads as public, whose answers the worker kept).
    const watched = await openPage(browser, 'phone', { allowConsoleErrors: [/ERR_INTERNET_DISCONNECTED/] })
    const { page, context } = watched
    await page.goto(`${city.origin}/`)
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 })
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(`${city.origin}/sw.js`)

    // Loaded under the worker: these answers are the ones it keeps.
    const before = Date.now()
    await page.reload()
    const online = await figures(page)
    const after = Date.now()
    expect(online.length).toBeGreaterThan(0)
    expect(
      online.every(f => /\d/.test(f)),
      online.join('\n'),
    ).toBe(true)
    await expect(page.locator('.offline-banner').count()).resolves.toBe(0)

    await context.setOffline(true)
    await page.reload()
    const offline = await figures(page)
    expect(offline).toEqual(online)
    const banner = page.locator('.offline-banner')
    await banner.waitFor()
    const text = (await banner.locator('.offline-banner__title').textContent()) ?? ''
    const stand = /^offline – Stand (\d\d)\.(\d\d)\.(\d{4}), (\d\d):(\d\d)$/.exec(text)
    expect(stand, text).not.toBeNull()
    // The time the answers were received (to the minute, in the browser's time zone, Europe/Berlin).
    const [, dd, mm, yyyy, hh, min] = stand!
    const shown = Date.parse(`${yyyy}-${mm}-${dd}T${hh}:${min}:00${berlinOffset(before)}`)
    expect(shown).toBeGreaterThanOrEqual(Math.floor(before / 60_000) * 60_000)
    expect(shown).toBeLessThanOrEqual(after)
    expect(await banner.getAttribute('role')).toBe('status')
    await expectAccessible(page)
    await screenshot(page, 'overview-offline', 'phone')

    // Back online, the next answers come from the network and the banner goes.
    await context.setOffline(false)
    await page.reload()
    await figures(page)
    await expect(page.locator('.offline-banner').count()).resolves.toBe(0)
    await watched.close()
  }, 120_000)

  it("keeps only the current caller's answers: switching role deletes the other role's", async () => {
    // Switching back from leadership to public, the overview may still send its "Reichen die Plätze?" question once
    // with the public token (the gateway refuses it: 400, GRAPHQL_VALIDATION_FAILED); that is the view's, not the
    // worker's, and not under test here.
    const watched = await openPage(browser, 'phone', {
      allowConsoleErrors: [/status of 400 \(Bad Request\) \(http:\/\/127\.0\.0\.1:\d+\/graphql\)/],
    })
    const { page } = watched
    /** The callers (hashed) the worker holds answers of. */
    const callers = () =>
      page.evaluate(async () => {
        const keys = await (await caches.open('klar-answers-v1')).keys()
        return [...new Set(keys.map(k => new URL(k.url).pathname.split('/')[3]))]
      })
    /** Waits until the worker holds the answers of exactly one caller, none of `not`; that caller. */
    const holdsOnlyOne = (what: string, not: string[] = []) =>
      waitFor(
        what,
        async () => {
          const found = await callers()
          return found.length === 1 && !not.includes(found[0]!) ? found[0]! : null
        },
        { timeoutMs: 30_000, detail: () => 'the worker holds answers of other callers too' },
      )

    await page.goto(`${city.origin}/`)
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 })
    await page.reload()
    await figures(page)
    const publicCaller = await holdsOnlyOne('public answers only')

    await page.selectOption('.role-control__select', 'leadership')
    const leadership = await holdsOnlyOne("leadership's answers only", [publicCaller])

    await page.selectOption('.role-control__select', '')
    expect(await holdsOnlyOne("public's answers only again", [leadership])).toBe(publicCaller)
    await watched.close()
  }, 120_000)
})

/** Europe/Berlin's offset from UTC at `ms`, as `+01:00` or `+02:00`. */
function berlinOffset(ms: number): string {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Berlin', timeZoneName: 'longOffset' })
    .formatToParts(new Date(ms))
    .find(p => p.type === 'timeZoneName')!.value
  return name === 'GMT' ? '+00:00' : name.replace('GMT', '')
}
