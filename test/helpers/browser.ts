import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { AxeBuilder } from '@axe-core/playwright'
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core'
import { describe } from 'vitest'

/**
 * The browser tests' Chromium: the distribution's package (`apt-get install -y chromium`, which
 * .ci/run does when it is missing), never a browser downloaded by Playwright.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const hasChromium = existsSync(CHROMIUM_PATH)

/** `describe` for browser tests: skipped, with the reason in its name, where Chromium is not installed. */
export const describeBrowser: typeof describe = hasChromium
  ? describe
  : (((name: string, fn: () => void) =>
      describe.skip(`${name} (skipped: no Chromium at ${CHROMIUM_PATH}; apt-get install -y chromium)`, fn)) as typeof describe)

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
export const SCREENSHOT_DIR = join(ROOT, 'test-artifacts', 'screenshots')

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
  })
}

export type Device = 'phone' | 'desktop'

/** The two sizes every view is tested at: a phone (390×844, 2×, touch) and a laptop (1366×768). */
export const DEVICES: Record<Device, BrowserContextOptions> = {
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  desktop: { viewport: { width: 1366, height: 768 }, deviceScaleFactor: 1 },
}

export interface WatchedPage {
  page: Page
  context: BrowserContext
  /** Console errors, uncaught exceptions and Content-Security-Policy violations seen so far. */
  problems: string[]
  /** Fails with every problem seen (a test calls it after its checks; `close` calls it too). */
  assertClean(): void
  /** Closes the context, then fails if anything went wrong in it. */
  close(): Promise<void>
}

export interface OpenOptions extends BrowserContextOptions {
  /** Console errors that are expected (a test of an error state), matched against the text. */
  allowConsoleErrors?: RegExp[]
}

/**
 * A new context (`phone` or `desktop`) and page, watched: any console error, uncaught exception or
 * CSP violation (`securitypolicyviolation`, reported from inside the page) is a problem the test fails on.
 */
export async function openPage(browser: Browser, device: Device, opts: OpenOptions = {}): Promise<WatchedPage> {
  const { allowConsoleErrors = [], ...contextOptions } = opts
  const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin', ...DEVICES[device], ...contextOptions })
  const problems: string[] = []
  await context.exposeBinding('__reportCspViolation', (_source, v: { directive: string; blocked: string; source: string }) => {
    problems.push(`CSP violation: ${v.directive} blocked ${v.blocked || '(inline)'}${v.source ? ` at ${v.source}` : ''}`)
  })
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', e => {
      const report = (window as unknown as { __reportCspViolation(v: object): void }).__reportCspViolation
      void report({ directive: e.effectiveDirective, blocked: e.blockedURI, source: e.sourceFile ? `${e.sourceFile}:${e.lineNumber}` : '' })
    })
  })
  const page = await context.newPage()
  page.on('console', message => {
    if (message.type() !== 'error') return
    const where = message.location().url
    const text = message.text() + (where && message.text().startsWith('Failed to load resource') ? ` (${where})` : '')
    if (!allowConsoleErrors.some(re => re.test(text))) problems.push(`console error: ${text}`)
  })
  page.on('pageerror', err => problems.push(`uncaught: ${err.message}`))
  const assertClean = () => {
    if (problems.length > 0) throw new Error(`the page had problems:\n  ${problems.join('\n  ')}`)
  }
  return {
    page,
    context,
    problems,
    assertClean,
    close: async () => {
      await context.close()
      assertClean()
    },
  }
}

/** axe-core's WCAG 2.1 A and AA rules on the page as it is; fails with each violation and where. */
export async function expectAccessible(page: Page, opts: { exclude?: string[] } = {}): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
  for (const selector of opts.exclude ?? []) builder = builder.exclude(selector)
  const { violations } = await builder.analyze()
  if (violations.length === 0) return
  const lines = violations.map(
    v =>
      `${v.id} (${v.impact}): ${v.help}\n${v.nodes
        .slice(0, 5)
        .map(n => `    ${n.target.join(' ')}: ${n.failureSummary?.split('\n').join(' ')}`)
        .join('\n')}`,
  )
  throw new Error(`${violations.length} WCAG 2.1 AA violation(s) on ${page.url()}:\n  ${lines.join('\n  ')}`)
}

/** A full-page screenshot as test-artifacts/screenshots/<view>-<device>.png; returns its path. */
export async function screenshot(page: Page, view: string, device: Device): Promise<string> {
  if (!/^[a-z0-9-]+$/.test(view)) throw new Error(`view names are lower-case words with dashes, got ${JSON.stringify(view)}`)
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const path = join(SCREENSHOT_DIR, `${view}-${device}.png`)
  await page.screenshot({ path, fullPage: true, animations: 'disabled' })
  return path
}
