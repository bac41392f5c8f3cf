import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, it } from 'vitest'
import { describeBrowser, expectAccessible, launchBrowser, openPage, screenshot } from '../helpers/browser.js'
import { startWebCity, type RunningWebCity } from '../helpers/web-city.js'

// Soziales & Gesundheit in a real browser against a real city: Eingliederungshilfe per 1 000 residents of every
// district as the graph's counts for the role give it, the daily health series, and the cost per recipient only
// for the roles the policy grants it to.

const one = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 })

const YEARS = `query ($from: Int!, $to: Int!) { years(from: $from, to: $to) { year eingliederungshilfe { benefitGroup } } }`
const DISTRICTS = `query ($year: Int!) {
  districts { code name eingliederungshilfeRecipients(year: $year) { value status } population(year: $year) { total { value } } }
}`
const HEALTH = `query ($from: Date!, $to: Date!) {
  dataset(id: "soc.daily_metric") { stichtag }
  municipality(ags: "07312000") { dailySeries(from: $from, to: $to, metric: COVID_INC7) { day value } }
}`

interface DistrictRow {
  code: string
  name: string
  eingliederungshilfeRecipients: { value: number | null; status: string } | null
  population: { total: { value: number | null } } | null
}

/** The cells of the per-district table (inside its closed disclosure), row by row: district, recipients, residents, rate. */
const districtTable = (page: Page) =>
  page.locator('table', { has: page.locator('caption', { hasText: /^Eingliederungshilfe je 1 000 Einwohner nach Stadtteil/ }) })
const shown = (text: string | null) => (text ?? '').split(' (')[0]

/** The figures arrive after the view's queries: wait for them as a reader would (the machine may be busy). */
const POLL = { timeout: 20_000, interval: 100 }

describeBrowser('Soziales & Gesundheit view', () => {
  let browser: Browser
  let city: RunningWebCity
  let year: number

  beforeAll(async () => {
    ;[browser, city] = await Promise.all([
      launchBrowser(),
      startWebCity(inject('cityDatabaseUrl'), { only: ['social', 'population', 'geo', 'catalog'] }),
    ])
    const thisYear = new Date().getFullYear()
    const r = await city.query(YEARS, { from: 2015, to: thisYear })
    const years = (r.data.years as Array<{ year: number; eingliederungshilfe: unknown[] | null }>).filter(
      y => y.eingliederungshilfe?.length,
    )
    year = Math.max(...years.map(y => y.year))
    expect(Number.isFinite(year), 'the seeded city has Eingliederungshilfe figures').toBe(true)
  })
  afterAll(async () => {
    await browser?.close()
    await city?.stop()
  })

  /** Per district: the rate per 1 000 residents from the role's counts, as the view must show it. */
  async function expectedRates(role: string | null): Promise<Map<string, string>> {
    const r = role ? await city.queryAs(role, DISTRICTS, { year }) : await city.query(DISTRICTS, { year })
    const out = new Map<string, string>()
    for (const d of r.data.districts as DistrictRow[]) {
      const e = d.eingliederungshilfeRecipients
      const residents = d.population?.total.value
      const usable = e && e.value != null && e.status !== 'SECRET' && residents
      out.set(d.name, usable ? one.format((e.value! / residents) * 1000) + (e.status === 'PERTURBED' ? '*' : '') : '–')
    }
    return out
  }

  async function shownRates(page: Page): Promise<Map<string, string>> {
    const rows = await districtTable(page)
      .locator('tbody tr')
      .evaluateAll(trs => trs.map(tr => [tr.querySelector('th')!.textContent ?? '', tr.querySelectorAll('td')[2]?.textContent ?? '']))
    return new Map(rows.map(([name, rate]) => [name, shown(rate)]))
  }

  it('shows the public the rates of every district and the daily series as the graph gives them (phone)', async () => {
    const want = await expectedRates(null)
    const watched = await openPage(browser, 'phone')
    const { page } = watched
    await page.goto(`${city.origin}/soziales?jahr=${year}&zeitraum=90`)
    await expect.poll(() => districtTable(page).locator('tbody tr').count(), POLL).toBe(want.size)
    expect(await shownRates(page)).toEqual(want)
    // Cost per recipient is internal: no column for the public.
    const groups = page.locator('table', { has: page.locator('caption', { hasText: /^Leistungsgruppen/ }) })
    expect(await groups.locator('th[scope=col]', { hasText: 'Bruttokosten' }).count()).toBe(1)
    expect(await groups.locator('th[scope=col]', { hasText: 'Kosten je Leistungsberechtigten' }).count()).toBe(0)

    // The health series: the last 90 days up to the dataset's Stichtag, its latest value in the summary.
    const probe = await city.query(HEALTH, { from: '2020-01-01', to: '2020-01-01' })
    const end = probe.data.dataset?.stichtag as string | undefined
    if (end) {
      const from = new Date(Date.parse(end) - 89 * 86_400_000).toISOString().slice(0, 10)
      const series = (await city.query(HEALTH, { from, to: end })).data.municipality.dailySeries as Array<{ value: number }>
      if (series.length) {
        await expect
          .poll(() => page.getByText(`zuletzt ${one.format(series[series.length - 1].value)}, höchster Wert`).count(), POLL)
          .toBe(1)
      }
    }
    await expectAccessible(page)
    await screenshot(page, 'social', 'phone')
    await watched.close()
  })

  it('shows the leadership the rates from its counts and the cost per recipient (desktop)', async () => {
    const want = await expectedRates('leadership')
    const watched = await openPage(browser, 'desktop')
    const { page } = watched
    await page.goto(`${city.origin}/soziales?jahr=${year}`)
    await expect.poll(() => districtTable(page).locator('tbody tr').count(), POLL).toBe(want.size)
    await page.getByLabel('Rolle').selectOption('leadership')
    const groups = page.locator('table', { has: page.locator('caption', { hasText: /^Leistungsgruppen/ }) })
    await expect.poll(() => groups.locator('th[scope=col]', { hasText: 'Kosten je Leistungsberechtigten' }).count(), POLL).toBe(1)
    await expect.poll(() => shownRates(page), POLL).toEqual(want)
    await expectAccessible(page)
    await screenshot(page, 'social', 'desktop')
    await watched.close()
  })
})
