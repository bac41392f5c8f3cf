import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, it } from 'vitest'
import { describeBrowser, launchBrowser, openPage, SCREENSHOT_DIR } from '../helpers/browser.js'
import { startWebCity, type RunningWebCity } from '../helpers/web-city.js'

// A committee prints a view: under print media at A4 width the page has no navigation and no role switcher, every
// chart fits the page, every data table is printed whole (not cut at the right edge, not behind a disclosure) and
// every figure keeps its source line. Screenshots (print-<view>.png) and the PDF Chromium prints (print-<view>.pdf)
// are written next to the other screenshots.

/** A4 at 96 px per inch: 210 mm wide, 297 mm high. */
const A4 = { width: 794, height: 1123 }

interface PrintLayout {
  hidden: Record<string, boolean>
  figures: number
  charts: Array<{ right: number; width: number }>
  tables: Array<{ scroll: number; client: number; visible: boolean }>
  sources: Array<{ visible: boolean; text: string }>
  unsourced: string[]
  pageWidth: number
}

async function printLayout(page: Page): Promise<PrintLayout> {
  return page.evaluate(() => {
    const shown = (el: Element | null) => !!el && (el as HTMLElement).offsetParent !== null && el.getClientRects().length > 0
    const figures = [...document.querySelectorAll('main figure')]
    return {
      hidden: Object.fromEntries(
        ['.app-nav', '.menu-btn', '.role-control', '.skip-link', 'main button', '.language-switch'].map(sel => [
          sel,
          [...document.querySelectorAll(sel)].every(el => !shown(el)),
        ]),
      ),
      figures: figures.length,
      charts: [...document.querySelectorAll('main .chart svg')].map(svg => {
        const r = svg.getBoundingClientRect()
        return { right: Math.round(r.right), width: Math.round(r.width) }
      }),
      tables: figures.flatMap(f =>
        [...f.querySelectorAll('.table-scroll')].map(t => ({
          scroll: t.scrollWidth,
          client: t.clientWidth,
          visible: shown(t.querySelector('table')),
        })),
      ),
      // Every source line on the page is printed, and every figure has one.
      sources: [...document.querySelectorAll('main .source-line')].map(el => ({ visible: shown(el), text: el.textContent ?? '' })),
      unsourced: figures.filter(f => !f.querySelector('.source-line')).map(f => f.querySelector('h2, h3')?.textContent ?? '?'),
      pageWidth: document.documentElement.clientWidth,
    }
  })
}

describeBrowser('print', () => {
  let browser: Browser
  let city: RunningWebCity
  beforeAll(async () => {
    ;[browser, city] = await Promise.all([launchBrowser(), startWebCity(inject('cityDatabaseUrl'))])
  })
  afterAll(async () => {
    await browser?.close()
    await city?.stop()
  })

  it.each([
    {
      view: 'overview',
      path: '/',
      ready: (page: Page) => expect.poll(() => page.locator('.tile .key-figure__value').count()).toBeGreaterThanOrEqual(5),
    },
    {
      view: 'fazit',
      path: `/haushalt?bereich=3&jahr=${new Date().getFullYear() - 1}`,
      ready: (page: Page) => page.getByRole('heading', { name: /Größte Abweichungen/ }).waitFor(),
    },
  ])('prints the $view view on A4 without controls, with whole charts, tables and sources', async ({ view, path, ready }) => {
    const watched = await openPage(browser, 'desktop', { viewport: A4 })
    const { page } = watched
    await page.emulateMedia({ media: 'print' })
    await page.goto(`${city.origin}${path}`)
    await ready(page)
    await page.waitForLoadState('networkidle')
    // The tiles and charts have drawn (ECharts animates for 300 ms).
    await page.waitForTimeout(500)

    mkdirSync(SCREENSHOT_DIR, { recursive: true })
    await page.screenshot({ path: join(SCREENSHOT_DIR, `print-${view}.png`), fullPage: true, animations: 'disabled' })
    // The PDF Chromium prints: the page laid out at A4 minus the margins (@page), narrower than the screen it was
    // drawn on. Each chart is drawn again for that width: recorded when the print media applies (after the charts'
    // own listeners, registered earlier), no drawing is wider than its box.
    await page.emulateMedia({ media: null })
    // Every chart is mounted before the listener below exists: a print-media list made later (a chart drawn after
    // a late answer) would hear the change after it, and the listener would read the screen-sized drawing.
    let drawn = -1
    await expect
      .poll(
        async () => {
          const before = drawn
          drawn = await page.locator('main .chart svg').count()
          return drawn === before
        },
        { interval: 500 },
      )
      .toBe(true)
    await page.evaluate(() => {
      const w = window as unknown as { printedCharts: Array<{ box: number; drawn: number }> }
      w.printedCharts = []
      window.matchMedia('print').addEventListener('change', e => {
        if (!e.matches) return
        for (const chart of document.querySelectorAll('main .chart')) {
          const svg = chart.querySelector('svg')
          if (svg) w.printedCharts.push({ box: chart.clientWidth, drawn: svg.width.baseVal.value })
        }
      })
    })
    const pdf = await page.pdf({ path: join(SCREENSHOT_DIR, `print-${view}.pdf`), format: 'A4', printBackground: false })
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    const printed = await page.evaluate(() => (window as unknown as { printedCharts: Array<{ box: number; drawn: number }> }).printedCharts)
    if (view === 'fazit') expect(printed.length).toBeGreaterThanOrEqual(4)
    for (const chart of printed) {
      expect(chart.box, 'the print layout is narrower than the screen').toBeLessThan(A4.width - 60)
      expect(chart.drawn, 'a printed chart fits its box').toBeLessThanOrEqual(chart.box)
    }
    await page.emulateMedia({ media: 'print' })
    const layout = await printLayout(page)
    for (const [selector, hidden] of Object.entries(layout.hidden)) expect(hidden, `${selector} is not printed`).toBe(true)
    for (const chart of layout.charts) expect(chart.right, 'a chart fits the page').toBeLessThanOrEqual(layout.pageWidth)
    for (const table of layout.tables) {
      expect(table.visible, 'the data table is printed').toBe(true)
      expect(table.scroll, 'the data table is not cut at the right edge').toBeLessThanOrEqual(table.client + 1)
    }
    expect(layout.unsourced, 'figures without a source line').toEqual([])
    expect(layout.sources.length).toBeGreaterThan(0)
    for (const source of layout.sources) {
      expect(source.visible, `the source line is printed: ${source.text}`).toBe(true)
      expect(source.text).toMatch(/Quelle/)
    }
    if (view === 'fazit') expect(layout.figures).toBeGreaterThanOrEqual(4)

    await watched.close()
  })
})
