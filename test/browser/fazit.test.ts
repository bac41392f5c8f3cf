import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, it } from 'vitest'
import { describeBrowser, expectAccessible, launchBrowser, openPage, screenshot, type Device } from '../helpers/browser.js'
import { startWebCity, type RunningWebCity } from '../helpers/web-city.js'

// FAZIT in a real browser against a real city: the figures on screen are the graph's answer for the role, and the
// in-year forecast (Prognose) appears for committee and leadership, never for the public.

const YEAR = new Date().getFullYear()
const FROM = YEAR - 9
const mio = (v: number) =>
  `${v < 0 ? '−' : ''}${new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 }).format(Math.abs(v) / 1e6)} Mio. €`

/** The cells of the row for `label` in the data table of the figure whose title matches `title`. */
async function tableRow(page: Page, title: RegExp, label: string): Promise<string[]> {
  const figure = page.locator('figure', { has: page.getByRole('heading', { name: title }) })
  const exact = new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)
  const row = figure.locator('tbody tr', { has: page.locator('th', { hasText: exact }) })
  await row.first().waitFor({ state: 'attached' })
  return (await row.first().locator('td').allTextContents()).map(s => s.trim())
}

async function headers(page: Page, title: RegExp): Promise<string[]> {
  const figure = page.locator('figure', { has: page.getByRole('heading', { name: title }) })
  return (await figure.locator('thead th').allTextContents()).map(s => s.trim())
}

describeBrowser('FAZIT view', () => {
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
    await watched.page.getByRole('heading', { level: 2, name: /Laufende Aufwendungen/ }).waitFor()
    return watched
  }

  it.each(['phone', 'desktop'] as const)('shows the graph’s plan and actuals to the public on a %s, without the forecast', async device => {
    const { data } = await city.query(
      `query($from: Int!, $to: Int!) { years(from: $from, to: $to) { year ansatz: budget(version: ANSATZ) { ordinaryExpense { amount } } ist: budget(version: IST) { ordinaryExpense { amount } } } }`,
      { from: FROM, to: YEAR },
    )
    const watched = await open(device, null, `/haushalt?jahr=${YEAR - 1}`)
    const { page } = watched
    const lastIst = [...data.years].reverse().find((y: { ist: unknown }) => y.ist)
    const cells = await tableRow(page, /Laufende Aufwendungen/, String(lastIst.year))
    expect(cells[0]).toBe(mio(lastIst.ansatz.ordinaryExpense.amount))
    expect(cells[2]).toBe(mio(lastIst.ist.ordinaryExpense.amount))
    expect(await headers(page, /Laufende Aufwendungen/)).not.toContain('Prognose')
    await expect.poll(() => page.getByTestId('forecast-note').textContent()).toMatch(/nur für Ausschüsse/)
    expect(await page.getByText('Prognose', { exact: true }).count()).toBe(0)

    // The largest deviation of the year, as the graph computes it for the public.
    const dev = await city.query(`query($y: Int!) { products(level: 2) { code name comparison(year: $y) { deviation { amount } } } }`, {
      y: YEAR - 1,
    })
    const top = dev.data.products
      .filter((p: { comparison: { deviation: { amount: number } | null } }) => p.comparison.deviation?.amount)
      .sort((a: any, b: any) => Math.abs(b.comparison.deviation.amount) - Math.abs(a.comparison.deviation.amount))[0]
    const devRow = await tableRow(page, /Größte Abweichungen/, `${top.code} ${top.name}`)
    expect(devRow[devRow.length - 2]).toBe(mio(top.comparison.deviation.amount).replace(/^(?!−)/, '+'))

    await expectAccessible(page)
    await screenshot(page, 'fazit', device)
    await watched.close()
  })

  it.each(['committee', 'leadership'] as const)(
    'shows %s the forecast the graph gives that role, with deviations against it',
    async role => {
      const { data } = await city.queryAs(
        role,
        `query($y: Int!) { year(year: $y) { prognose: budget(version: PROGNOSE) { ordinaryExpense { amount } } } }`,
        {
          y: YEAR,
        },
      )
      const prognose = data.year.prognose.ordinaryExpense.amount as number
      const watched = await open('desktop', role, `/haushalt?jahr=${YEAR}`)
      const { page } = watched
      await expect.poll(() => headers(page, /Laufende Aufwendungen/)).toContain('Prognose')
      await expect.poll(async () => (await tableRow(page, /Laufende Aufwendungen/, String(YEAR)))[3]).toBe(mio(prognose))
      expect(await page.getByTestId('forecast-note').textContent()).toMatch(/sieht die unterjährige Prognose/)
      // In the running year only the forecast gives a deviation: the public has none there, the committee has.
      expect(await headers(page, /Größte Abweichungen/)).toContain('Prognose')
      expect(
        await page
          .locator('figure', { has: page.getByRole('heading', { name: /Größte Abweichungen/ }) })
          .locator('tbody tr')
          .count(),
      ).toBeGreaterThan(0)
      await expectAccessible(page)
      if (role === 'committee') await screenshot(page, 'fazit-committee', 'desktop')
      await watched.close()
    },
  )

  it('keeps the product area and year in the address', async () => {
    const watched = await open('desktop', null, `/haushalt?bereich=3&jahr=${YEAR - 2}`)
    const { page } = watched
    await page.getByRole('heading', { level: 2, name: /Laufende Aufwendungen .*Soziales und Jugend/ }).waitFor()
    expect(await page.getByLabel('Produktbereich', { exact: true }).inputValue()).toBe('3')
    expect(await page.getByLabel('Haushaltsjahr', { exact: true }).inputValue()).toBe(String(YEAR - 2))
    await page.getByLabel('Produktbereich', { exact: true }).selectOption('31')
    await expect.poll(() => new URL(page.url()).searchParams.get('bereich')).toBe('31')
    const { data } = await city.query(
      `query($f: Int!, $t: Int!) { product(code: "31") { name series(from: $f, to: $t, version: IST) { year ordinaryExpense { amount } } } }`,
      {
        f: FROM,
        t: YEAR,
      },
    )
    const last = data.product.series[data.product.series.length - 1]
    await expect.poll(async () => (await tableRow(page, /Soziale Hilfen/, String(last.year)))[2]).toBe(mio(last.ordinaryExpense.amount))
    await watched.close()
  })

  it.each(['3', '31'])('shows the largest deviations within the chosen product area %s, as the graph gives them', async code => {
    const y = YEAR - 1
    const { data } = await city.query(
      `query($c: ID!, $y: Int!) {
        product(code: $c) { name children { code name comparison(year: $y) { deviation { amount } } } }
        products(level: 2) { code name comparison(year: $y) { deviation { amount } } }
      }`,
      { c: code, y },
    )
    type Part = { code: string; name: string; comparison: { deviation: { amount: number } | null } }
    const largest = (parts: Part[]) =>
      parts
        .filter(p => p.comparison.deviation?.amount)
        .sort((a, b) => Math.abs(b.comparison.deviation!.amount) - Math.abs(a.comparison.deviation!.amount))
        .slice(0, 8)
        .map(p => `${p.code} ${p.name}`)
    const expected = largest(data.product.children)
    const wholeBudget = largest(data.products)
    // Only a test of the area when the area's answer differs from the whole budget's.
    expect(expected.length).toBeGreaterThan(0)
    expect(expected).not.toEqual(wholeBudget)

    const watched = await open('desktop', null, `/haushalt?bereich=${code}&jahr=${y}`)
    const { page } = watched
    // The figure says which area it shows, in its title and in its table's caption.
    const title = new RegExp(`Größte Abweichungen ${y}, ${data.product.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `)
    const figure = page.locator('figure', { has: page.getByRole('heading', { name: title }) })
    await figure.waitFor()
    expect(await figure.locator('caption').textContent()).toMatch(title)
    // The parts are named for their level: a Haupt-Produktbereich's are Produktbereiche, a Produktbereich's Produktgruppen.
    expect((await figure.locator('thead th').first().textContent())?.trim()).toBe(code.length === 1 ? 'Produktbereich' : 'Produktgruppe')
    await expect.poll(async () => (await figure.locator('tbody th').allTextContents()).map(s => s.trim())).toEqual(expected)
    const top = data.product.children.find((p: Part) => `${p.code} ${p.name}` === expected[0])
    const row = await tableRow(page, title, expected[0]!)
    expect(row[row.length - 2]).toBe(mio(top.comparison.deviation.amount).replace(/^(?!−)/, '+'))

    // Back to the whole budget: the Produktbereiche again.
    await page.getByLabel('Produktbereich', { exact: true }).selectOption('')
    const whole = page.locator('figure', { has: page.getByRole('heading', { name: /Größte Abweichungen .*Gesamthaushalt/ }) })
    await expect.poll(async () => (await whole.locator('tbody th').allTextContents()).map(s => s.trim())).toEqual(wholeBudget)
    await watched.close()
  })
})
