import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, it } from 'vitest'
import { describeBrowser, expectAccessible, launchBrowser, openPage, screenshot } from '../helpers/browser.js'
import { startWebCity, type RunningWebCity } from '../helpers/web-city.js'

// ASYLCUBE in a real browser against a real city: the figures on screen are the graph's answer for the role, and
// public and leadership differ exactly where the policy says (the verdict and the occupancy per accommodation).

const de = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 })

const STATUS = `query ($year: Int!) {
  year(year: $year) {
    asylumCapacity { day capacity occupied free }
    allocations(grain: MONTH) { period count { value status } }
  }
}`
const VERDICT = `query ($day: Date!) { asylumCapacity(day: $day) { sufficient monthsOfHeadroom free arrivalsPerMonth } }`

interface Status {
  day: string
  capacity: number
  occupied: number
  free: number
}

/** The key figure whose label is `label`, as shown. */
const keyFigure = (page: Page, label: string) =>
  page
    .locator('.key-figures li', { has: page.locator('.key-figures__label', { hasText: new RegExp(`^${label}$`) }) })
    .locator('.key-figures__value')

/** A column header of the accommodations' data table (inside its closed disclosure). */
const accommodationsHeader = (page: Page, label: string) =>
  page
    .locator('table', { has: page.locator('caption', { hasText: /^Unterkünfte am/ }) })
    .locator('th[scope=col]', { hasText: new RegExp(`^${label}$`) })

/** The figures arrive after the view's queries: wait for them as a reader would (the machine may be busy). */
const POLL = { timeout: 20_000, interval: 100 }

describeBrowser('ASYLCUBE view', () => {
  let browser: Browser
  let city: RunningWebCity
  let year: number
  let status: Status
  let monthTotal: number | null

  beforeAll(async () => {
    ;[browser, city] = await Promise.all([
      launchBrowser(),
      startWebCity(inject('cityDatabaseUrl'), { only: ['asylum', 'geo', 'catalog', 'population', 'social'] }),
    ])
    // The latest year whose capacity status the graph has.
    const thisYear = new Date().getFullYear()
    for (year = thisYear; year > thisYear - 5; year--) {
      const r = await city.query(STATUS, { year })
      if (r.data?.year?.asylumCapacity) {
        status = r.data.year.asylumCapacity as Status
        const months = r.data.year.allocations as Array<{ count: { value: number | null; status: string } }>
        monthTotal = months.every(m => m.count.value != null && m.count.status !== 'SECRET')
          ? months.reduce((s, m) => s + (m.count.value ?? 0), 0)
          : null
        break
      }
    }
    expect(status, 'the seeded city has a capacity status').toBeDefined()
  })
  afterAll(async () => {
    await browser?.close()
    await city?.stop()
  })

  it('shows the public the capacity and arrivals as the graph gives them, without the verdict (phone)', async () => {
    const watched = await openPage(browser, 'phone')
    const { page } = watched
    await page.goto(`${city.origin}/asyl?jahr=${year}`)
    await expect.poll(() => keyFigure(page, 'Plätze').textContent(), POLL).toBe(de.format(status.capacity))
    expect(await keyFigure(page, 'belegt').textContent()).toBe(de.format(status.occupied))
    expect(await keyFigure(page, 'frei').textContent()).toBe(de.format(status.free))
    if (monthTotal !== null) await expect.poll(() => page.getByText(`insgesamt ${de.format(monthTotal!)} Personen`).count(), POLL).toBe(1)
    await expect.poll(() => page.getByRole('heading', { name: /^Unterkünfte am/ }).count(), POLL).toBe(1)
    // Not granted to the public: no verdict, no occupancy per accommodation.
    expect(await page.getByRole('heading', { name: 'Reichen die Plätze?' }).count()).toBe(0)
    expect(await accommodationsHeader(page, 'Plätze').count()).toBe(1)
    expect(await accommodationsHeader(page, 'belegt').count()).toBe(0)
    await expectAccessible(page)
    await screenshot(page, 'asylum', 'phone')
    await watched.close()
  })

  it('shows the leadership the verdict with its margin and the occupancy per accommodation (desktop)', async () => {
    const watched = await openPage(browser, 'desktop')
    const { page } = watched
    await page.goto(`${city.origin}/asyl?jahr=${year}`)
    await expect.poll(() => keyFigure(page, 'Plätze').textContent(), POLL).toBe(de.format(status.capacity))
    await page.getByLabel('Rolle').selectOption('leadership')
    const v = (await city.queryAs('leadership', VERDICT, { day: status.day })).data.asylumCapacity as {
      sufficient: boolean
      monthsOfHeadroom: number | null
      free: number
      arrivalsPerMonth: number
    }
    await expect.poll(() => page.getByTestId('asylum-verdict').textContent(), POLL).toBe(v.sufficient ? 'Ja' : 'Nein')
    const margin = v.free - v.arrivalsPerMonth * 3
    const marginText = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 }).format(Math.abs(margin))
    expect(await page.getByText(margin >= 0 ? `Spielraum: ${marginText} Plätze` : `Es fehlen ${marginText} Plätze`).count()).toBe(1)
    if (v.monthsOfHeadroom != null) expect(await page.getByText(`für ${de.format(v.monthsOfHeadroom)} Monate`).count()).toBe(1)
    await expect.poll(() => accommodationsHeader(page, 'belegt').count(), POLL).toBe(1)
    await expectAccessible(page)
    await screenshot(page, 'asylum', 'desktop')
    await watched.close()
  })
})
