import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, it } from 'vitest'
import { describeBrowser, expectAccessible, launchBrowser, openPage, screenshot, type Device } from '../helpers/browser.js'
import { startWebCity, type RunningWebCity } from '../helpers/web-city.js'

// Stadtteile in a real browser against a real city: one district's profile as the graph answers for the role, the
// sortable comparison, the tile map by keyboard, and the accommodation occupancy only where the policy grants it.

const YEAR = 2025
const CODE = '03'
const de = (n: number, digits = 0) => new Intl.NumberFormat('de-DE', { maximumFractionDigits: digits }).format(n)

const PROFILE = `query ($year: Int!) {
  districts { code name population(year: $year) { total { value status } } eingliederungshilfeRecipients(year: $year) { value status } }
}`
const OCCUPANCY = `query ($code: ID!, $day: Date!) { district(code: $code) { asylumCapacity(day: $day) { occupied capacity } } }`

describeBrowser('Stadtteile in the browser', () => {
  let browser: Browser
  let city: RunningWebCity
  const answers: Record<string, any> = {}

  beforeAll(async () => {
    ;[browser, city] = await Promise.all([launchBrowser(), startWebCity(inject('cityDatabaseUrl'))])
    for (const role of ['public', 'leadership']) {
      const res = await city.queryAs(role, PROFILE, { year: YEAR })
      expect(res.errors).toBeUndefined()
      answers[role] = res.data
    }
  })
  afterAll(async () => {
    await browser?.close()
    await city?.stop()
  })

  it.each([
    ['phone', 'public'],
    ['desktop', 'leadership'],
    ['desktop', 'public'],
  ] as Array<[Device, string]>)('on a %s as %s: the profile, the comparison and what the role may see', async (device, role) => {
    const watched = await openPage(browser, device)
    const { page } = watched
    await page.goto(`${city.origin}/stadtteile?stadtteil=${CODE}&jahr=${YEAR}`)
    if (role !== 'public') await page.locator('select.role-control__select').selectOption(role)
    const mine = answers[role].districts.find((d: any) => d.code === CODE)
    await expect.poll(() => page.getByTestId('profile-title').textContent(), { timeout: 20_000 }).toContain(mine.name)
    const row = page.locator('.districts-table tbody tr', { hasText: mine.name })
    await expect.poll(() => row.locator('[data-metric="residents"]').textContent()).toContain(de(mine.population.total.value))
    // Eingliederungshilfe per 1 000: perturbed for public, exact for the leadership, as the graph says.
    const egh = row.locator('[data-metric="eghPerThousand"]')
    await expect
      .poll(() => egh.textContent())
      .toContain(de((mine.eingliederungshilfeRecipients.value / mine.population.total.value) * 1000, 1))
    // The rate can read the same for both roles; the mark tells them apart, so it is waited for too.
    await expect.poll(() => egh.locator('.stat--perturbed').count()).toBe(mine.eingliederungshilfeRecipients.status === 'PERTURBED' ? 1 : 0)
    expect(mine.eingliederungshilfeRecipients.status).toBe(role === 'public' ? 'PERTURBED' : 'EXACT')

    // Occupancy of the district's accommodations: the leadership's schema has it, the public's does not.
    const occupancy = await city.queryAs(role, OCCUPANCY, { code: CODE, day: `${YEAR}-12-31` })
    if (role === 'leadership') {
      expect(occupancy.errors).toBeUndefined()
      const a = (occupancy.data as any).district.asylumCapacity
      await expect.poll(() => page.getByTestId('asylum-occupied').textContent()).toContain(`${de(a.occupied)} von ${de(a.capacity)}`)
    } else {
      expect(occupancy.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED')
      expect(await page.getByTestId('asylum-occupied').count()).toBe(0)
    }
    expect(await page.locator('.tile-map a').count()).toBe(18)
    expect(await page.locator('.districts-table tbody tr').count()).toBe(18)
    await expectAccessible(page)
    await screenshot(page, role === 'public' ? 'districts' : 'districts-leadership', device)
    await watched.close()
  })

  it('sorts the table by a column, chooses a district on the tile map by keyboard, and keeps both in the address', async () => {
    const watched = await openPage(browser, 'desktop')
    const { page } = watched
    await page.goto(`${city.origin}/stadtteile?stadtteil=${CODE}&jahr=${YEAR}`)
    await expect.poll(() => page.locator('.districts-table tbody tr').count(), { timeout: 20_000 }).toBe(18)
    await page.locator('.districts-table thead button', { hasText: 'Einwohner' }).click()
    await expect.poll(() => new URL(page.url()).searchParams.get('sortierung')).toBe('residents')
    const byResidents = [...answers.public.districts].sort((a: any, b: any) => b.population.total.value - a.population.total.value)
    await expect
      .poll(() => page.locator('.districts-table tbody th').allTextContents())
      .toEqual(byResidents.map((d: any) => `${d.code} ${d.name}`))
    expect(await page.locator('.districts-table thead th[aria-sort="descending"]').count()).toBe(1)

    // Tile map: focus the chosen square, move with an arrow key, choose with Enter.
    const current = page.locator('.tile-map a[aria-current="true"]')
    await current.focus()
    await page.keyboard.press('ArrowRight')
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('href') ?? '')
    const code = new URLSearchParams(focused.split('?')[1]).get('stadtteil')
    expect(code).toMatch(/^\d{2}$/)
    expect(code).not.toBe(CODE)
    await page.keyboard.press('Enter')
    await expect.poll(() => new URL(page.url()).searchParams.get('stadtteil')).toBe(code)
    expect(new URL(page.url()).searchParams.get('sortierung')).toBe('residents')
    const name = answers.public.districts.find((d: any) => d.code === code).name
    await expect.poll(() => page.getByTestId('profile-title').textContent()).toContain(name)
    await watched.close()
  })
})
