import { copyFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import pg from 'pg'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, it } from 'vitest'
import { createPolicyStore } from '../../auth/policy/store/create-policy-store.js'
import { loadServices } from '../../lib/service/discover-services.js'
import { prepareDatabase } from '../../lib/service/prepare-database.js'
import { createDb } from '../../platform/db/create-db.js'
import type { SeedProfile } from '../../platform/city.js'
import { describeBrowser, expectAccessible, launchBrowser, openPage, screenshot, type Device } from '../helpers/browser.js'
import { createDatabase } from '../helpers/test-database.js'
import { startWebCity, type RunningWebCity } from '../helpers/web-city.js'

// Data entry in a real browser against a real city: asylum staff upload a CSV file of occupancy figures (one bad
// row: the line and column are listed and nothing is written; fixed: written, the dashboard shows the new
// Stichtag; the same file again: nothing written twice), write one row through the form, and every screen passes
// axe at phone and desktop width. Committee and public get neither the link nor the screens (403 page).
// The writes go to a city database of this test's own: the shared one is read-only for the whole run.

// The departments the asylum screens need; tests start on /dateneingabe, not on the overview (it asks all of them).
const ONLY = ['asylum', 'geo', 'catalog', 'population', 'social']
const POLL = { timeout: 30_000, interval: 100 }
const ROOT = new URL('../..', import.meta.url).pathname
const DOC_IMAGES = join(ROOT, 'docs', 'images')

const german = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`
const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)

/** A CSV file as Excel exports it in Germany: BOM, `;`, German dates, CRLF. */
function csv(rows: Array<[string, string, string | number, string | number, string | number]>): Buffer {
  const lines = ['Unterkunft;Stichtag;Belegt;davon anerkannt;Plätze', ...rows.map(r => r.join(';'))]
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n') + '\r\n', 'utf8')])
}

async function selectRole(page: Page, value: string) {
  const select = page.getByLabel('Rolle')
  await select.waitFor()
  await select.selectOption(value)
  await expect.poll(() => select.inputValue(), POLL).toBe(value)
}

/** The screenshot for the README too (docs/images/data-entry-<name>.png). */
async function shoot(page: Page, name: string, device: Device, forDocs = false) {
  const path = await screenshot(page, `data-entry-${name}`, device)
  if (forDocs) {
    mkdirSync(DOC_IMAGES, { recursive: true })
    copyFileSync(path, join(DOC_IMAGES, `data-entry-${name}-${device}.png`))
  }
}

describeBrowser('data entry by department staff', () => {
  let browser: Browser
  let city: RunningWebCity
  let cityDb: Awaited<ReturnType<typeof createDatabase>>
  let db: pg.Pool
  let day: string
  let accommodations: string[]

  beforeAll(async () => {
    cityDb = await createDatabase(inject('adminUrl'), 'sg_data_entry_web')
    const handle = createDb(cityDb.url)
    try {
      const services = (await loadServices()).filter(s => ONLY.includes(s.name))
      await prepareDatabase(handle.db, services, inject('seedProfile') as SeedProfile)
      const store = createPolicyStore(handle.db, { connectionString: cityDb.url })
      await store.migrate()
      await store.seedDefaults()
    } finally {
      await handle.close()
    }
    db = new pg.Pool({ connectionString: cityDb.url, max: 2 })
    // The day after the latest Belegung (not in the future), and accommodations open on it.
    const latest = (await db.query<{ d: string }>(`select max(day)::text as d from asy.occupancy`)).rows[0]!.d
    day = addDays(latest, 1)
    const today = new Date().toISOString().slice(0, 10)
    expect(day <= today, `the seeded Belegung ends before today (${latest})`).toBe(true)
    accommodations = (
      await db.query<{ id: string }>(
        `select id from asy.accommodation where opened <= $1::date and (closed is null or closed > $1::date) order by id limit 3`,
        [day],
      )
    ).rows.map(r => r.id)
    expect(accommodations).toHaveLength(3)
    ;[browser, city] = await Promise.all([launchBrowser(), startWebCity(cityDb.url, { only: ONLY })])
  }, 240_000)
  afterAll(async () => {
    await browser?.close()
    await city?.stop()
    await db?.end()
    await cityDb?.drop()
  })

  const occupancyRows = async (d: string) =>
    Number((await db.query(`select count(*) from asy.occupancy where day = $1::date`, [d])).rows[0].count)
  const audits = async () => Number((await db.query(`select count(*) from asy.write_audit where dataset = 'asy.occupancy'`)).rows[0].count)

  for (const device of ['phone', 'desktop'] as const) {
    it(`gives public and committee neither the link nor the screens: the 403 page (${device})`, async () => {
      const watched = await openPage(browser, device)
      const { page } = watched
      const dataEntryLinks = page.locator('a.app-nav__link', { hasText: 'Dateneingabe' })
      await page.goto(`${city.origin}/dateneingabe`)
      await page.getByRole('heading', { name: 'Kein Zugriff' }).waitFor()
      expect(await dataEntryLinks.count()).toBe(0)
      await expectAccessible(page)
      await shoot(page, 'forbidden', device)
      await selectRole(page, 'committee')
      await page.goto(`${city.origin}/dateneingabe/asylum/occupancy`)
      await page.getByRole('heading', { name: 'Kein Zugriff' }).waitFor()
      expect(await dataEntryLinks.count()).toBe(0)
      // Their chunks were never loaded.
      const scripts = await page.evaluate(() => performance.getEntriesByType('resource').map(e => e.name))
      expect(scripts.filter(s => /DataEntryApp/.test(s))).toEqual([])
      await watched.close()
    })
  }

  it('upload: a bad row is listed by line and column and nothing is written; fixed, it is written once', async () => {
    const watched = await openPage(browser, 'phone')
    const { page } = watched
    await page.goto(`${city.origin}/dateneingabe`)
    await selectRole(page, 'staff:asylum')
    await page.goto(`${city.origin}/dateneingabe/asylum/occupancy?weg=datei`)
    const fileInput = page.getByLabel('CSV-Datei auswählen')
    await fileInput.waitFor()
    await expectAccessible(page)
    const [a, b] = accommodations
    const bad = csv([
      [a!, german(day), 40, 5, 60],
      [b!, german(day), 'viele', 2, 30],
    ])
    const good = csv([
      [a!, german(day), 40, 5, 60],
      [b!, german(day), '1.020', 2, '1.200'],
    ])
    const before = await audits()

    await fileInput.setInputFiles({ name: 'belegung.csv', mimeType: 'text/csv', buffer: bad })
    await page.getByTestId('de-dry-run').click()
    const problems = page.getByTestId('de-problems')
    await problems.waitFor()
    const text = (await problems.textContent()) ?? ''
    expect(text).toMatch(/Zeile 3, Spalte Belegte Plätze \(occupied\): /)
    expect(await page.getByTestId('de-commit').isDisabled()).toBe(true)
    await expectAccessible(page)
    await shoot(page, 'upload-problems', 'phone', true)
    expect(await occupancyRows(day)).toBe(0)
    expect(await audits()).toBe(before)

    await fileInput.setInputFiles({ name: 'belegung-korrigiert.csv', mimeType: 'text/csv', buffer: good })
    await page.getByTestId('de-dry-run').click()
    await page.getByTestId('de-dry-run-ok').waitFor()
    expect(await occupancyRows(day)).toBe(0)
    // A double click writes once: the button is disabled while sending, and the key is the file's.
    await page.getByTestId('de-commit').dblclick()
    await page.getByTestId('de-receipt').waitFor()
    expect(await page.getByTestId('de-receipt-rows').textContent()).toBe('2')
    expect(await page.getByTestId('de-receipt-stichtag').textContent()).toBe(german(day))
    expect(await page.getByTestId('de-receipt-replayed').textContent()).toBe('nein')
    expect(await occupancyRows(day)).toBe(2)
    expect(await audits()).toBe(before + 1)
    await expectAccessible(page)
    await shoot(page, 'upload-receipt', 'phone', true)

    // The same file again: the dry run finds it written by this very file; "Übernehmen" answers, writes nothing.
    await page.getByRole('button', { name: 'Weitere Daten eingeben' }).click()
    await fileInput.setInputFiles({ name: 'belegung-korrigiert.csv', mimeType: 'text/csv', buffer: good })
    await page.getByTestId('de-dry-run').click()
    await page.getByTestId('de-already').waitFor()
    await page.getByTestId('de-commit').click()
    await page.getByTestId('de-receipt').waitFor()
    expect(await page.getByTestId('de-receipt-replayed').textContent()).toBe('ja')
    expect(await occupancyRows(day)).toBe(2)
    expect(await audits()).toBe(before + 1)

    // The receipt links to the dashboard, which shows the new Stichtag.
    await page.getByRole('link', { name: /Im Dashboard ansehen/ }).click()
    await page.waitForURL(/\/asyl/)
    await page.goto(`${city.origin}/asyl?jahr=${day.slice(0, 4)}`)
    await expect.poll(() => page.getByText(`Unterbringung am ${german(day)}`).count(), POLL).toBeGreaterThan(0)
    await watched.close()
  }, 90_000)

  it('form: checks on the page first (focus on the summary), then writes one occupancy row', async () => {
    for (const device of ['desktop', 'phone'] as const) {
      const watched = await openPage(browser, device)
      const { page } = watched
      await page.goto(`${city.origin}/dateneingabe`)
      await selectRole(page, 'staff:asylum')
      await page.goto(`${city.origin}/dateneingabe/asylum/occupancy`)
      const save = page.getByRole('button', { name: 'Speichern' })
      await save.waitFor()
      expect(await page.getByTestId('de-period').textContent()).toBe(
        'Je Unterkunft und Stichtag wird einmal eingegeben; was schon gespeichert ist, lehnt das Fachamt ab.',
      )
      await expectAccessible(page)
      await shoot(page, 'form', device, device === 'phone')
      if (device === 'phone') {
        await watched.close()
        continue
      }
      await save.click()
      const summary = page.locator('.de-error-summary')
      await summary.waitFor()
      await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('de-error-summary')), POLL).toBe(true)
      expect(await summary.textContent()).toMatch(/Zeile 1, .*Bitte ausfüllen/)
      await expectAccessible(page)
      await shoot(page, 'form-errors', device)

      const before = await occupancyRows(day)
      await page.locator('input[name=accommodationId]').fill(accommodations[2]!)
      await page.locator('input[name=day]').fill(day)
      await page.locator('input[name=occupied]').fill('12')
      await page.locator('input[name=recognisedResidents]').fill('1')
      await page.locator('input[name=capacity]').fill('20')
      await save.click()
      await page.getByTestId('de-receipt').waitFor()
      expect(await page.getByTestId('de-receipt-rows').textContent()).toBe('1')
      expect(await occupancyRows(day)).toBe(before + 1)
      await expectAccessible(page)
      await shoot(page, 'form-receipt', device)

      // A rule only the department checks (occupied ≤ capacity): its problem is shown at the field, nothing written.
      await page.getByRole('button', { name: 'Weitere Daten eingeben' }).click()
      await page.locator('input[name=accommodationId]').fill(accommodations[1]!)
      await page.locator('input[name=day]').fill(addDays(day, -1))
      await page.locator('input[name=occupied]').fill('30')
      await page.locator('input[name=recognisedResidents]').fill('1')
      await page.locator('input[name=capacity]').fill('20')
      const audited = await audits()
      await save.click()
      await summary.waitFor()
      await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('de-error-summary')), POLL).toBe(true)
      expect(await summary.textContent()).toMatch(/Zeile 1, Belegte Plätze: .*capacity/)
      expect(await page.locator('input[name=occupied]').getAttribute('aria-invalid')).toBe('true')
      expect(await audits()).toBe(audited)
      await expectAccessible(page)
      await shoot(page, 'form-server-problem', device)
      await watched.close()
    }
  }, 90_000)

  it('lists the department’s datasets with freshness, what is due, and the writes just made (phone and desktop, axe)', async () => {
    for (const device of ['phone', 'desktop'] as const) {
      const watched = await openPage(browser, device)
      const { page } = watched
      await page.goto(`${city.origin}/dateneingabe`)
      await selectRole(page, 'staff:asylum')
      await expect.poll(() => page.locator('a.app-nav__link', { hasText: 'Dateneingabe' }).count(), POLL).toBe(1)
      await page.goto(`${city.origin}/dateneingabe`)
      await page.getByRole('heading', { name: 'Meine Datensätze' }).waitFor()
      await page.getByTestId('de-dataset-asy.occupancy').waitFor()
      await page.getByTestId('de-due-summary').waitFor()
      // Staff load the screens' chunk (which the 403 test finds never loaded for others).
      const scripts = await page.evaluate(() => performance.getEntriesByType('resource').map(e => e.name))
      expect(scripts.filter(s => /DataEntryApp-[\w-]+\.js$/.test(s))).toHaveLength(1)
      // The writes above, newest first: the form's row, then the upload (its repeat wrote nothing and is not listed).
      const history = page.getByRole('region', { name: 'Letzte Schreibvorgänge' })
      await expect.poll(() => history.locator('tbody tr').count(), POLL).toBe(2)
      expect(await history.locator('tbody tr').nth(0).textContent()).toMatch(
        /dev-staff.*Belegung der Unterkünfte.*Formular\/Schnittstelle\s*1/,
      )
      expect(await history.locator('tbody tr').nth(1).textContent()).toMatch(
        new RegExp(`Datei-Upload\\s*2\\s*${german(day).replace(/\./g, '\\.')}`),
      )
      await expectAccessible(page)
      await shoot(page, 'datasets', device, true)
      await watched.close()
    }
  }, 90_000)

  it('a 100 000-row file streams with progress and does not block the page (long tasks measured)', async () => {
    const watched = await openPage(browser, 'desktop')
    const { page } = watched
    await page.goto(`${city.origin}/dateneingabe`)
    await selectRole(page, 'staff:asylum')
    await page.goto(`${city.origin}/dateneingabe/asylum/occupancy?weg=datei`)
    await page.getByLabel('CSV-Datei auswählen').waitFor()
    // 100 000 distinct (accommodation, day) rows, days before the seeded data; a dry run writes nothing.
    const ids = (await db.query<{ id: string }>(`select id from asy.accommodation order by id`)).rows.map(r => r.id)
    const rows: Array<[string, string, number, number, number]> = []
    for (let i = 0; rows.length < 100_000; i++) {
      const d = addDays('2015-01-01', Math.floor(i / ids.length))
      rows.push([ids[i % ids.length]!, german(d), 10, 1, 20])
    }
    const file = csv(rows)
    const total = async () => Number((await db.query(`select count(*) from asy.occupancy`)).rows[0].count)
    const before = await total()
    // Playwright hands the file to the page by decoding it in the page's main thread: the measurement starts after that.
    await page.getByLabel('CSV-Datei auswählen').setInputFiles({ name: 'gross.csv', mimeType: 'text/csv', buffer: file })
    await page.evaluate(() => {
      const w = window as unknown as { __longTasks: number[] }
      w.__longTasks = []
      new PerformanceObserver(list => list.getEntries().forEach(e => w.__longTasks.push(e.duration))).observe({ type: 'longtask' })
    })
    const t0 = Date.now()
    await page.getByTestId('de-dry-run').click()
    // Progress arrives while the department checks (rows checked so far).
    await expect
      .poll(
        () =>
          page
            .getByTestId('de-progress')
            .textContent()
            .catch(() => ''),
        POLL,
      )
      .toMatch(/[1-9][\d.]* Zeilen geprüft/)
    await page.locator('[data-testid=de-problems], [data-testid=de-dry-run-ok]').first().waitFor({ timeout: 120_000 })
    const ms = Date.now() - t0
    const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks)
    const max = Math.max(0, ...longTasks)
    console.log(
      `[data-entry] 100 000 rows (${(file.length / 1024 / 1024).toFixed(1)} MiB) dry run in ${ms} ms; long tasks: ${longTasks.length}, longest ${Math.round(max)} ms, total ${Math.round(longTasks.reduce((s, x) => s + x, 0))} ms`,
    )
    // The page stays responsive: no task blocks the main thread for more than 200 ms.
    expect(max).toBeLessThan(200)
    expect(await total()).toBe(before)
    // Days before most accommodations opened: many problems, the first 1 000 listed, 50 a page.
    expect(await page.getByTestId('de-problem-count').textContent()).toMatch(
      /^[\d.]+ Probleme gefunden\. Aufgeführt sind die ersten 1\.000\.$/,
    )
    await page.getByRole('button', { name: 'Nächste Seite' }).click()
    await page.getByText('Seite 2 von 20').waitFor()
    expect(await page.locator('.de-problem-list li').count()).toBe(50)
    await expectAccessible(page)
    await shoot(page, 'upload-large', 'desktop')
    await watched.close()
  }, 180_000)
})
