import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, it } from 'vitest'
import { describeBrowser, expectAccessible, launchBrowser, openPage, screenshot } from '../helpers/browser.js'
import { startWebCity, type RunningWebCity } from '../helpers/web-city.js'

// Bevölkerung & Integration in a real browser against a real city: the integration figures on screen are the
// graph's answer for the role (perturbed counts marked for the public, exact ones for the leadership), and the age
// structure is built from published bands only (the view never asks for a free age range).

const de = (digits = 0) => new Intl.NumberFormat('de-DE', { maximumFractionDigits: digits, minimumFractionDigits: 0 })

const DISTRICTS = `query ($year: Int!) {
  districts { code name population(year: $year) { total { value status } foreigners { value status } } }
}`
const AGE = `query ($code: ID!, $year: Int!) {
  district(code: $code) { population(year: $year) { byAgeGroup(scheme: TEN_YEAR) { group { label } count { value status } } } }
}`

interface Cell {
  value: number | null
  status: string
}
interface DistrictRow {
  code: string
  name: string
  population: { total: Cell; foreigners: Cell } | null
}

const keyFigureLocator = (page: Page, label: string) =>
  page
    .locator('[data-testid=population-key-figures] li', { has: page.locator('.key-figures__label', { hasText: new RegExp(`^${label}$`) }) })
    .locator('.key-figures__value')

/** A key figure as it reads on screen: the number with its marks, without the words for screen readers. */
const keyFigure = (page: Page, label: string) => ({
  count: () => keyFigureLocator(page, label).count(),
  textContent: async () => shown(await keyFigureLocator(page, label).textContent()),
})
const shown = (text: string | null) => (text ?? '').split(' (')[0]
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The figures arrive after the view's queries: wait for them as a reader would (the machine may be busy). */
const POLL = { timeout: 20_000, interval: 100 }

describeBrowser('Bevölkerung & Integration view', () => {
  let browser: Browser
  let city: RunningWebCity
  let year: number

  beforeAll(async () => {
    ;[browser, city] = await Promise.all([
      launchBrowser(),
      startWebCity(inject('cityDatabaseUrl'), { only: ['population', 'geo', 'catalog', 'social'] }),
    ])
    const thisYear = new Date().getFullYear()
    for (year = thisYear - 1; year > thisYear - 6; year--) {
      const r = await city.query(DISTRICTS, { year })
      if ((r.data?.districts as DistrictRow[]).some(d => d.population)) break
    }
  })
  afterAll(async () => {
    await browser?.close()
    await city?.stop()
  })

  /** The city's residents and foreigners as the role gets them: the sums over the districts. */
  async function expected(role: string | null) {
    const r = role ? await city.queryAs(role, DISTRICTS, { year }) : await city.query(DISTRICTS, { year })
    const rows = (r.data.districts as DistrictRow[]).filter(d => d.population)
    const sum = (pick: (d: DistrictRow) => Cell) => rows.reduce((s, d) => s + (pick(d).value ?? 0), 0)
    return {
      total: sum(d => d.population!.total),
      foreigners: sum(d => d.population!.foreigners),
      foreignersPerturbed: rows.some(d => d.population!.foreigners.status === 'PERTURBED'),
    }
  }

  it('shows the public the city and a district as the graph gives them, perturbed counts marked (phone)', async () => {
    const want = await expected(null)
    expect(want.foreignersPerturbed, 'the public gets perturbed counts').toBe(true)
    const watched = await openPage(browser, 'phone')
    const { page } = watched
    await page.goto(`${city.origin}/bevoelkerung?jahr=${year}`)
    await expect.poll(() => keyFigure(page, 'Einwohner \\(Hauptwohnsitz\\)').textContent(), POLL).toBe(de().format(want.total))
    // The perturbed sum carries its mark (*) and the legend explains it.
    expect(await keyFigure(page, 'Ausländerinnen und Ausländer').textContent()).toBe(`${de().format(want.foreigners)}*`)
    expect(await page.getByText('leicht verändert (Geheimhaltung', { exact: false }).first().isVisible()).toBe(true)

    // A district with ten-year bands from the address: each band as the graph publishes it.
    const { data } = await city.query(AGE, { code: '01', year })
    const bands = data.district.population.byAgeGroup as Array<{ group: { label: string }; count: Cell }>
    await page.goto(`${city.origin}/bevoelkerung?jahr=${year}&stadtteil=01&alter=TEN_YEAR`)
    const ageTable = page.locator('table', { has: page.locator('caption', { hasText: /^Altersaufbau/ }) })
    await expect.poll(() => ageTable.locator('tbody tr').count(), POLL).toBe(bands.length)
    const rowsShown = await ageTable
      .locator('tbody tr')
      .evaluateAll(rows => rows.map(r => [r.querySelector('th')!.textContent, r.querySelector('td')!.textContent]))
    expect(rowsShown).toEqual(
      bands.map(b => [
        b.group.label,
        b.count.value == null ? expect.any(String) : expect.stringMatching(new RegExp(`^${escape(de().format(b.count.value))}`)),
      ]),
    )
    await expectAccessible(page)
    await screenshot(page, 'population', 'phone')
    await watched.close()
  })

  it('shows the leadership exact counts, without the perturbation mark (desktop)', async () => {
    const want = await expected('leadership')
    const watched = await openPage(browser, 'desktop')
    const { page } = watched
    await page.goto(`${city.origin}/bevoelkerung?jahr=${year}`)
    await expect.poll(() => keyFigure(page, 'Einwohner \\(Hauptwohnsitz\\)').count(), POLL).toBe(1)
    await page.getByLabel('Rolle').selectOption('leadership')
    const mark = want.foreignersPerturbed ? '*' : ''
    await expect
      .poll(() => keyFigure(page, 'Ausländerinnen und Ausländer').textContent(), POLL)
      .toBe(`${de().format(want.foreigners)}${mark}`)
    expect(await keyFigure(page, 'Einwohner \\(Hauptwohnsitz\\)').textContent()).toBe(de().format(want.total))
    await expectAccessible(page)
    await screenshot(page, 'population', 'desktop')
    await watched.close()
  })
})
