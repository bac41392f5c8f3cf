import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, it } from 'vitest'
import { describeBrowser, expectAccessible, launchBrowser, openPage, screenshot, type Device } from '../helpers/browser.js'
import { startWebCity, type RunningWebCity } from '../helpers/web-city.js'

// Straßenbeleuchtung in a real browser against a real city: LED conversion, energy per month of one district and the
// measures that paid for it are the graph's answer; street lighting is open data, so public and leadership see the same.

const YEAR = new Date().getFullYear()
const num = (v: number, digits = 0) => new Intl.NumberFormat('de-DE', { maximumFractionDigits: digits }).format(v)

async function figureRows(page: Page, title: RegExp): Promise<string[][]> {
  const figure = page.locator('figure', { has: page.getByRole('heading', { name: title }) })
  const rows = figure.locator('tbody tr')
  await rows.first().waitFor({ state: 'attached' })
  const out: string[][] = []
  for (const row of await rows.all()) out.push((await row.locator('th, td').allTextContents()).map(s => s.trim()))
  return out
}

describeBrowser('Straßenbeleuchtung view', () => {
  let browser: Browser
  let city: RunningWebCity
  beforeAll(async () => {
    ;[browser, city] = await Promise.all([launchBrowser(), startWebCity(inject('cityDatabaseUrl'))])
  })
  afterAll(async () => {
    await browser?.close()
    await city?.stop()
  })

  async function open(device: Device, role: string | null, path: string) {
    const watched = await openPage(browser, device)
    if (role) await watched.context.addInitScript(r => sessionStorage.setItem('klar.devRole', JSON.stringify({ name: r })), role)
    await watched.page.goto(`${city.origin}${path}`)
    await watched.page.getByRole('heading', { level: 2, name: /LED-Umrüstung/ }).waitFor()
    return watched
  }

  it.each(['phone', 'desktop'] as const)('shows the graph’s LED conversion, energy per month and measures on a %s', async device => {
    const { data } = await city.query(
      `query($y: Int!) {
        years(from: 2015, to: $y) { year streetLighting { lights ledLights } }
        district(code: "06") { name streetLighting(year: $y) { monthly { month energyKwh } } }
        investmentMeasures(category: "LED") { id convertedLights }
      }`,
      { y: YEAR },
    )
    const watched = await open(device, null, `/strassenbeleuchtung?stadtteil=06&jahr=${YEAR}`)
    const { page } = watched

    const progress = await figureRows(page, /LED-Umrüstung/)
    const withData = data.years.filter((y: { streetLighting: unknown }) => y.streetLighting)
    expect(progress.map(r => [r[0], r[1], r[2]])).toEqual(
      withData.map((y: { year: number; streetLighting: { lights: number; ledLights: number } }) => [
        String(y.year),
        num(y.streetLighting.lights),
        num(y.streetLighting.ledLights),
      ]),
    )

    await page.getByRole('heading', { level: 2, name: new RegExp(`Energie je Monat ${YEAR}, ${data.district.name}`) }).waitFor()
    const energy = await figureRows(page, /Energie je Monat/)
    expect(energy.map(r => r[1])).toEqual(data.district.streetLighting.monthly.map((m: { energyKwh: number }) => num(m.energyKwh)))

    const measures = await figureRows(page, /Maßnahmen, die die Umrüstung/)
    for (const m of data.investmentMeasures as Array<{ id: string; convertedLights: number | null }>) {
      const row = measures.find(r => r[0].endsWith(`(${m.id})`))
      expect(row, m.id).toBeDefined()
      expect(row![6]).toBe(m.convertedLights == null ? '–' : num(m.convertedLights))
    }

    await expectAccessible(page)
    await screenshot(page, 'lighting', device)
    await watched.close()
  })

  it('shows leadership exactly what it shows the public (open data, no field held back)', async () => {
    const tables = []
    for (const role of [null, 'leadership']) {
      const watched = await open('desktop', role, `/strassenbeleuchtung?jahr=${YEAR - 1}`)
      tables.push(await figureRows(watched.page, /LED-Anteil nach Stadtteil/))
      await watched.close()
    }
    expect(tables[0].length).toBeGreaterThan(0)
    expect(tables[1]).toEqual(tables[0])
  })
})
