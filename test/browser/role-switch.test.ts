import type { Browser, Response } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, it } from 'vitest'
import { describeBrowser, launchBrowser, openPage } from '../helpers/browser.js'
import { startWebCity, type RunningWebCity } from '../helpers/web-city.js'

// Switching role sends every operation as the new caller, for the new caller's schema: no operation over fields the
// previous role could see (the gateway rejects it with 400, GRAPHQL_VALIDATION_FAILED), no figure of the previous
// role left on screen.

describeBrowser('role switch', () => {
  let browser: Browser
  let city: RunningWebCity
  beforeAll(async () => {
    ;[browser, city] = await Promise.all([launchBrowser(), startWebCity(inject('cityDatabaseUrl'))])
  })
  afterAll(async () => {
    await browser?.close()
    await city?.stop()
  })

  it.each(['phone', 'desktop'] as const)(
    'from leadership to public and back on the overview (%s) sends no request the gateway rejects',
    async device => {
      const watched = await openPage(browser, device)
      const { page } = watched
      const rejected: string[] = []
      let graphqlAnswers = 0
      page.on('response', (res: Response) => {
        const req = res.request()
        if (!req.url().startsWith(city.origin)) return
        if (new URL(req.url()).pathname === '/graphql') graphqlAnswers++
        if (res.status() >= 400 && res.status() < 500) {
          const body = req.postData() ?? ''
          const name = /"operationName":"(\w+)"/.exec(body)?.[1] ?? /query\s+(\w+)/.exec(body)?.[1] ?? body.slice(0, 80)
          rejected.push(`${res.status()} ${req.method()} ${new URL(req.url()).pathname} ${name}`)
        }
      })
      await page.goto(`${city.origin}/`)
      const role = page.locator('select.role-control__select')
      await role.waitFor()

      // Leadership sees whether the places suffice (an internal field); wait until that operation was answered.
      const verdict = page.waitForResponse(r => (r.request().postData() ?? '').includes('OverviewAsylumSufficiency'))
      await role.selectOption('leadership')
      expect((await verdict).status()).toBe(200)
      await expect.poll(() => page.getByText('Reichen die Plätze?').count()).toBeGreaterThan(0)

      const before = graphqlAnswers
      await role.selectOption('')
      await expect.poll(() => role.inputValue()).toBe('')
      // Public does not see the verdict: it disappears, and the public's own answers arrive.
      await expect.poll(() => page.getByText('Reichen die Plätze?').count()).toBe(0)
      await expect.poll(() => graphqlAnswers).toBeGreaterThan(before)
      await page.waitForLoadState('networkidle')

      // And back again: leadership's verdict returns.
      await role.selectOption('leadership')
      await expect.poll(() => page.getByText('Reichen die Plätze?').count()).toBeGreaterThan(0)
      await page.waitForLoadState('networkidle')

      expect(rejected).toEqual([])
      await watched.close()
    },
  )

  it('from leadership to public on FAZIT drops the forecast without a rejected request', async () => {
    const watched = await openPage(browser, 'desktop')
    const { page } = watched
    const rejected: string[] = []
    page.on('response', (res: Response) => {
      if (res.url().startsWith(city.origin) && res.status() >= 400 && res.status() < 500) {
        rejected.push(`${res.status()} ${/"operationName":"(\w+)"/.exec(res.request().postData() ?? '')?.[1] ?? res.url()}`)
      }
    })
    await page.goto(`${city.origin}/haushalt?bereich=3`)
    const role = page.locator('select.role-control__select')
    const forecastHeader = page.locator('figure thead th', { hasText: /^Prognose$/ })
    await role.selectOption('leadership')
    await expect.poll(() => forecastHeader.count()).toBeGreaterThan(0)
    await role.selectOption('')
    await expect.poll(() => page.getByTestId('forecast-note').textContent()).toMatch(/nur für Ausschüsse/)
    await expect.poll(() => forecastHeader.count()).toBe(0)
    await page.waitForLoadState('networkidle')
    expect(rejected).toEqual([])
    await watched.close()
  })
})
