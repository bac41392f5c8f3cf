import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, it } from 'vitest'
import { describeBrowser, expectAccessible, launchBrowser, openPage, screenshot, type Device } from '../helpers/browser.js'
import { startWebCity, type RunningWebCity } from '../helpers/web-city.js'

// Bildung in a real browser against a real city: the figures on screen equal the graph's answer for the role, public
// sees suppressed and perturbed cells marked where the leadership sees exact counts, and the view is accessible.

const YEAR = 2025
const de = (n: number, digits = 0) => new Intl.NumberFormat('de-DE', { maximumFractionDigits: digits }).format(n)

const FIGURES = `query ($year: Int!, $cohortYear: Int!) {
  districts { code kitaPlaces(year: $year) { placesTotal }
    under3: cohort(ageFrom: 0, ageTo: 2, year: $cohortYear) { value status }
    age3to5: cohort(ageFrom: 3, ageTo: 5, year: $cohortYear) { value status } }
  year(year: $year) { transitions { applications { status } admissions { status } } }
  years(from: 2015, to: ${YEAR}) { graduates { count { status } } }
}`

interface Expected {
  places: number
  coverage: number
  secretTransitions: number
  perturbedGraduates: number
}

describeBrowser('Bildung in the browser', () => {
  let browser: Browser
  let city: RunningWebCity
  const expected: Record<'public' | 'leadership', Expected> = {} as never

  beforeAll(async () => {
    ;[browser, city] = await Promise.all([
      launchBrowser(),
      startWebCity(inject('cityDatabaseUrl'), { only: ['geo', 'education', 'population', 'social', 'catalog'] }),
    ])
    for (const role of ['public', 'leadership'] as const) {
      const res = await city.queryAs(role, FIGURES, { year: YEAR, cohortYear: YEAR - 1 })
      expect(res.errors).toBeUndefined()
      const d = res.data as any
      const places = d.districts.reduce((a: number, x: any) => a + (x.kitaPlaces?.placesTotal ?? 0), 0)
      const children = d.districts.reduce((a: number, x: any) => a + x.under3.value + x.age3to5.value, 0)
      const cells = d.year.transitions.flatMap((x: any) => [x.applications, x.admissions])
      expected[role] = {
        places,
        coverage: (places / children) * 100,
        secretTransitions: cells.filter((c: any) => c.status === 'SECRET').length,
        // Each perturbed count, and each year's total over perturbed counts (marked perturbed too).
        perturbedGraduates:
          d.years.flatMap((y: any) => y.graduates).filter((g: any) => g.count.status === 'PERTURBED').length +
          d.years.filter(
            (y: any) =>
              y.graduates.some((g: any) => g.count.status === 'PERTURBED') && !y.graduates.some((g: any) => g.count.status === 'SECRET'),
          ).length,
      }
    }
  })
  afterAll(async () => {
    await browser?.close()
    await city?.stop()
  })

  async function asRole(page: Page, role: 'public' | 'leadership') {
    if (role !== 'public') await page.locator('select.role-control__select').selectOption(role)
  }

  it.each([
    ['phone', 'public'],
    ['desktop', 'leadership'],
    ['phone', 'leadership'],
    ['desktop', 'public'],
  ] as Array<[Device, 'public' | 'leadership']>)(
    'on a %s as %s: the graph’s figures, marked as the role gets them',
    async (device, role) => {
      const watched = await openPage(browser, device)
      const { page } = watched
      await page.goto(`${city.origin}/bildung?jahr=${YEAR}`)
      await asRole(page, role)
      const e = expected[role]
      const key = page.getByTestId('kita-total')
      await expect.poll(() => key.textContent(), { timeout: 15_000 }).toContain(de(e.places))
      // The places are the same for every role; the coverage tells the roles apart, so the switch has arrived once it shows.
      await expect.poll(() => key.textContent(), { timeout: 15_000 }).toContain(de(e.coverage, 1))
      await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('de')
      // The data tables behind the charts: suppressed cells as dots, perturbed counts marked.
      await page.evaluate(() => document.querySelectorAll('details').forEach(d => (d.open = true)))
      const transitions = page.locator('figure').nth(1)
      await expect.poll(() => transitions.locator('table .stat--secret').count(), { timeout: 15_000 }).toBe(e.secretTransitions)
      const graduates = page.locator('figure').nth(2)
      await expect.poll(() => graduates.locator('table .stat--perturbed').count(), { timeout: 15_000 }).toBe(e.perturbedGraduates)
      if (role === 'public') {
        expect(e.secretTransitions).toBeGreaterThan(0)
        expect(await transitions.getByText('geheim: 1–2 Fälle').count()).toBe(1)
      } else {
        expect(e.secretTransitions).toBe(0)
        expect(e.perturbedGraduates).toBe(0)
      }
      // The year is the address: another year is another link.
      await page.locator('#education-year').selectOption(String(YEAR - 1))
      await expect.poll(() => new URL(page.url()).searchParams.get('jahr')).toBe(String(YEAR - 1))
      await page.locator('#education-year').selectOption(String(YEAR))
      await expect.poll(() => key.textContent()).toContain(de(e.places))
      await page.evaluate(() => document.querySelectorAll('details').forEach(d => (d.open = false)))
      await expectAccessible(page)
      await screenshot(page, role === 'public' ? 'education' : 'education-leadership', device)
      await watched.close()
    },
  )
})
