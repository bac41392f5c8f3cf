import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, it } from 'vitest'
import { describeBrowser, expectAccessible, launchBrowser, openPage, screenshot, type Device } from '../helpers/browser.js'
import { startWebCity, type RunningWebCity } from '../helpers/web-city.js'

// Warnmelder in a real browser against a real city: the day's level and reasons as the graph computes them, the 28
// days up to it as day links, stepping through days by keyboard, and the rule sets in words.

const de = (n: number, digits = 0) => new Intl.NumberFormat('de-DE', { maximumFractionDigits: digits }).format(n)

const GAUGE = `query ($day: Date!) {
  municipality(ags: "07312000") { healthDay(day: $day) { warnGauge { day value label readings { indicator { title } value } } } }
}`

describeBrowser('Warnmelder in the browser', () => {
  let browser: Browser
  let city: RunningWebCity
  let latest: string
  let ruleTitles: string[]

  const gaugeOn = async (role: string, day: string) => {
    const res = await city.queryAs(role, GAUGE, { day })
    expect(res.errors).toBeUndefined()
    return (res.data as any).municipality.healthDay.warnGauge as {
      label: string
      value: number
      readings: Array<{ indicator: { title: string }; value: number }>
    }
  }

  beforeAll(async () => {
    ;[browser, city] = await Promise.all([launchBrowser(), startWebCity(inject('cityDatabaseUrl'), { only: ['geo', 'social', 'catalog'] })])
    const res = await city.query(`{ dataset(id: "soc.daily_metric") { stichtag } warnRuleSets { title } }`)
    expect(res.errors).toBeUndefined()
    latest = (res.data as any).dataset.stichtag
    ruleTitles = (res.data as any).warnRuleSets.map((r: any) => r.title)
    expect(ruleTitles.length).toBeGreaterThan(0)
  })
  afterAll(async () => {
    await browser?.close()
    await city?.stop()
  })

  it.each([
    ['phone', 'public'],
    ['desktop', 'leadership'],
  ] as Array<[Device, string]>)('on a %s as %s: the latest day, its reasons, the history and the rules', async (device, role) => {
    const watched = await openPage(browser, device)
    const { page } = watched
    await page.goto(`${city.origin}/warnmelder`)
    if (role !== 'public') await page.locator('select.role-control__select').selectOption(role)
    const gauge = await gaugeOn(role, latest)
    const level = page.getByTestId('warning-level')
    await expect.poll(() => level.textContent(), { timeout: 15_000 }).toBe(gauge.label)
    expect(await page.locator('.warning-value').textContent()).toContain(de(gauge.value, 1))
    // Why: each lead indicator with its value.
    const readings = page.locator('.warning-reading')
    await expect.poll(() => readings.count()).toBe(gauge.readings.length)
    for (const [i, r] of gauge.readings.entries()) {
      const text = await readings.nth(i).textContent()
      expect(text).toContain(r.indicator.title)
      expect(text).toContain(de(r.value, 1))
    }
    // 28 days, each a link; the chosen day marked.
    const days = page.locator('.warning-calendar a')
    await expect.poll(() => days.count()).toBe(28)
    expect(await page.locator('.warning-calendar a[aria-current="date"]').count()).toBe(1)
    for (const title of ruleTitles) expect(await page.locator('.warning-rules').textContent()).toContain(title)
    await expectAccessible(page)
    await screenshot(page, role === 'public' ? 'warning' : 'warning-leadership', device)
    await watched.close()
  })

  it('steps to the day before by keyboard; the day is in the address and the level follows the graph', async () => {
    const watched = await openPage(browser, 'desktop')
    const { page } = watched
    await page.goto(`${city.origin}/warnmelder?tag=${latest}`)
    await expect
      .poll(() => page.getByTestId('warning-level').textContent(), { timeout: 15_000 })
      .toBe((await gaugeOn('public', latest)).label)
    const before = new Date(Date.parse(`${latest}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)
    await page.getByRole('button', { name: '← Vortag' }).focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => new URL(page.url()).searchParams.get('tag')).toBe(before)
    const g = await gaugeOn('public', before)
    await expect.poll(() => page.locator('.warning-value').textContent()).toContain(de(g.value, 1))
    expect(await page.getByTestId('warning-level').textContent()).toBe(g.label)
    // A day of the calendar is a link: Enter on it chooses it.
    const first = page.locator('.warning-calendar a').first()
    await first.focus()
    await page.keyboard.press('Enter')
    const firstDay = new Date(Date.parse(`${before}T00:00:00Z`) - 27 * 86_400_000).toISOString().slice(0, 10)
    await expect.poll(() => new URL(page.url()).searchParams.get('tag')).toBe(firstDay)
    await watched.close()
  })
})
