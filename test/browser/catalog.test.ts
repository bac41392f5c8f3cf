import type { Browser, Download } from 'playwright-core'
import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, expect, inject, it } from 'vitest'
import { describeBrowser, expectAccessible, launchBrowser, openPage, screenshot, type Device } from '../helpers/browser.js'
import { startWebCity, type RunningWebCity } from '../helpers/web-city.js'

// Datenkatalog in a real browser against a real city, under the app's Content-Security-Policy: each role sees the
// datasets the graph lists for it, and an open dataset's CSV and JSON carry the graph's values for that role
// (perturbed for the public, exact for leadership).

const POP = `query($y: Int!) { districts { code populationSeries(from: 2015, to: $y) { stichtag foreigners { value status } } } }`

async function text(download: Download): Promise<string> {
  return readFile((await download.path())!, 'utf8')
}

describeBrowser('Datenkatalog view', () => {
  let browser: Browser
  let city: RunningWebCity
  beforeAll(async () => {
    ;[browser, city] = await Promise.all([launchBrowser(), startWebCity(inject('cityDatabaseUrl'))])
  })
  afterAll(async () => {
    await browser?.close()
    await city?.stop()
  })

  async function open(device: Device, role: string | null, path = '/datenkatalog') {
    const watched = await openPage(browser, device, { acceptDownloads: true })
    if (role) await watched.context.addInitScript(r => sessionStorage.setItem('klar.devRole', JSON.stringify({ name: r })), role)
    await watched.page.goto(`${city.origin}${path}`)
    await watched.page.getByTestId('catalog-summary').waitFor()
    return watched
  }

  it.each(['phone', 'desktop'] as const)('lists every dataset the public may see on a %s, with owner, dates and licence', async device => {
    const { data } = await city.query(`{ datasets { id ownerDepartment stichtag refreshCadence freshness openData } }`)
    const watched = await open(device, null)
    const { page } = watched
    const cards = page.locator('[data-dataset]')
    await expect.poll(() => cards.count()).toBe(data.datasets.length)
    expect(await cards.evaluateAll(els => els.map(e => e.getAttribute('data-dataset')))).toEqual(
      data.datasets.map((d: { id: string }) => d.id),
    )
    const first = data.datasets[0]
    const card = page.locator(`[data-dataset="${first.id}"]`)
    expect(await card.textContent()).toContain(first.ownerDepartment)
    expect(await card.locator('time').first().getAttribute('datetime')).toBe(first.stichtag)
    expect(await card.getByRole('link', { name: /Datenlizenz Deutschland/ }).count()).toBe(1)
    await expectAccessible(page)
    await screenshot(page, 'catalog', device)
    await watched.close()
  })

  it('shows leadership the internal datasets too, and filters by freshness in the address', async () => {
    const pub = await city.query(`{ datasets { id } }`)
    const lead = await city.queryAs('leadership', `{ datasets { id openData } }`)
    expect(lead.data.datasets.length).toBeGreaterThan(pub.data.datasets.length)
    const watched = await open('desktop', 'leadership')
    const { page } = watched
    await expect.poll(() => page.locator('[data-dataset]').count()).toBe(lead.data.datasets.length)
    const internal = lead.data.datasets.find((d: { openData: boolean }) => !d.openData)
    await expect.poll(() => page.locator(`[data-dataset="${internal.id}"]`).textContent()).toContain('Intern')
    expect(await page.locator(`[data-dataset="${internal.id}"]`).getByRole('button').count()).toBe(0)

    const stale = await city.queryAs('leadership', `{ datasets(stale: true) { id } }`)
    await page.getByLabel('Aktualität', { exact: true }).selectOption('STALE')
    await expect.poll(() => new URL(page.url()).searchParams.get('aktualitaet')).toBe('STALE')
    await expect.poll(() => page.locator('[data-dataset]').count()).toBe(stale.data.datasets.length)
    await watched.close()
  })

  it.each(['public', 'leadership'] as const)('downloads pop.stock as CSV and JSON with the values the graph gives %s', async name => {
    const role = name === 'public' ? null : name
    const year = new Date().getFullYear()
    const answer = role ? await city.queryAs(role, POP, { y: year }) : await city.query(POP, { y: year })
    const expected = answer.data.districts.flatMap(
      (d: { code: string; populationSeries: Array<{ stichtag: string; foreigners: { value: number | null; status: string } }> }) =>
        d.populationSeries.map(p => [
          d.code,
          p.stichtag,
          p.foreigners.value == null ? '' : String(p.foreigners.value),
          p.foreigners.status,
        ]),
    )
    if (role) {
      // Leadership's file is not the public's: the published counts are perturbed, leadership's are exact.
      const pub = await city.query(POP, { y: year })
      expect(pub.data).not.toEqual(answer.data)
    }
    const { data } = await city.query(`{ dataset(id: "pop.stock") { stichtag } }`)
    const watched = await open('desktop', role, '/datenkatalog?fachbereich=population')
    const { page } = watched
    const card = page.locator('[data-dataset="pop.stock"]')

    const [csv] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: /als CSV/ }).click()])
    expect(csv.suggestedFilename()).toBe(`pop.stock_${data.dataset.stichtag}.csv`)
    const lines = (await text(csv))
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n')
    const head = lines[0].split(';')
    expect(head.slice(0, 4)).toEqual(['district', 'name', 'stichtag', 'basis'])
    const cols = ['district', 'stichtag', 'foreigners', 'foreigners_status'].map(c => head.indexOf(c))
    expect(lines.slice(1).map(l => cols.map(i => l.split(';')[i]))).toEqual(expected)
    // German spreadsheets: decimal comma in the mean age.
    expect(lines[1].split(';')[head.indexOf('meanAge')]).toMatch(/^\d+(,\d+)?$/)

    const [json] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: /als JSON/ }).click()])
    expect(json.suggestedFilename()).toBe(`pop.stock_${data.dataset.stichtag}.json`)
    const doc = JSON.parse(await text(json))
    expect(doc.dataset).toBe('pop.stock')
    expect(doc.role).toBe(role ?? 'public')
    expect(
      doc.rows.map((r: Record<string, unknown>) => [
        r.district,
        r.stichtag,
        r.foreigners == null ? '' : String(r.foreigners),
        r.foreigners_status,
      ]),
    ).toEqual(expected)
    await expect.poll(() => card.getByRole('status').textContent()).toMatch(/heruntergeladen/)
    await watched.close()
  })
})
