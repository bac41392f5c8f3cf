import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, it } from 'vitest'
import { describeBrowser, expectAccessible, launchBrowser, openPage, screenshot, type Device } from '../helpers/browser.js'
import { bearer } from '../helpers/start-city.js'
import { graphql } from '../helpers/start-subgraphs.js'
import { createDatabase } from '../helpers/test-database.js'
import { startWebCity, WEB_DIST, type RunningWebCity } from '../helpers/web-city.js'

// The console's frame: only a token the gateway treats as an administrator (a role with the admin flag) gets the
// "Verwaltung" link and the console's code; for committee and public every /verwaltung address is the 403 page, and
// no file of the console is ever fetched (not by the page, not by the service worker's precache).

interface ManifestChunk {
  file: string
  src?: string
  isEntry?: boolean
  isDynamicEntry?: boolean
  imports?: string[]
  dynamicImports?: string[]
  css?: string[]
}

/** The built files only the console uses: its lazy chunks and what they alone import, and their styles. */
function adminFiles(): Set<string> {
  const manifest = JSON.parse(readFileSync(join(WEB_DIST, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>
  const reach = (keys: string[], seen = new Set<string>()): Set<string> => {
    for (const key of keys) {
      if (seen.has(key) || !manifest[key]) continue
      seen.add(key)
      reach(manifest[key].imports ?? [], seen)
    }
    return seen
  }
  // The app: its entry and every lazily loaded view, with what they import; the console: its lazy entries.
  const roots = Object.keys(manifest).filter(k => manifest[k]!.isEntry || manifest[k]!.isDynamicEntry)
  const app = reach(roots.filter(k => !k.startsWith('src/admin/')))
  const admin = reach(roots.filter(k => k.startsWith('src/admin/')))
  const files = new Set<string>()
  for (const key of admin) {
    if (app.has(key)) continue
    files.add('/' + manifest[key]!.file)
    for (const css of manifest[key]!.css ?? []) files.add('/' + css)
  }
  return files
}

describeBrowser('the administration console: who gets it', () => {
  let browser: Browser
  let city: RunningWebCity
  let policyDb: Awaited<ReturnType<typeof createDatabase>>
  let files: Set<string>
  beforeAll(async () => {
    files = adminFiles()
    policyDb = await createDatabase(inject('adminUrl'), 'sg_policy_admin_shell')
    ;[browser, city] = await Promise.all([
      launchBrowser(),
      startWebCity(inject('cityDatabaseUrl'), { policyDatabaseUrl: policyDb.url, replicaId: 'web-admin-shell' }),
    ])
  })
  afterAll(async () => {
    await browser?.close()
    await city?.stop()
    await policyDb?.drop()
  })

  it('finds the console in its own chunks', () => {
    expect([...files].some(f => /AdminConsole-.*\.js$/.test(f))).toBe(true)
    expect([...files].some(f => /RollenSection-.*\.js$/.test(f))).toBe(true)
    expect([...files].some(f => /MatrixSection-.*\.js$/.test(f))).toBe(true)
  })

  for (const role of ['public', 'committee'] as const) {
    it(`gives ${role} no console link, the 403 page at every /verwaltung address and none of the console's files`, async () => {
      const watched = await openPage(browser, 'phone')
      const { page, context } = watched
      const requested: string[] = []
      context.on('request', r => requested.push(new URL(r.url()).pathname))
      if (role !== 'public') await context.addInitScript(r => sessionStorage.setItem('klar.devRole', JSON.stringify({ name: r })), role)

      await page.goto(`${city.origin}/`)
      await page.getByText(/freie Plätze am/).waitFor()
      if (role !== 'public') await expect.poll(() => page.locator('select.role-control__select').inputValue()).toBe(role)
      await page.getByRole('button', { name: 'Menü' }).click()
      await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Bildung' }).waitFor()
      expect(await page.getByRole('link', { name: 'Verwaltung' }).count()).toBe(0)

      for (const path of ['/verwaltung', '/verwaltung/rollen', '/verwaltung/matrix', '/verwaltung/gibt-es-nicht']) {
        await page.goto(`${city.origin}${path}`)
        await page.getByRole('heading', { level: 1, name: 'Kein Zugriff' }).waitFor()
        await expect.poll(() => page.title()).toMatch(/Kein Zugriff/)
      }
      await expectAccessible(page)
      await screenshot(page, `admin-forbidden-${role}`, 'phone')

      // The service worker has installed by now: its precache holds none of the console's files either.
      const cached = await page.evaluate(async () => {
        await navigator.serviceWorker.ready
        const urls: string[] = []
        for (const name of await caches.keys())
          for (const req of await (await caches.open(name)).keys()) urls.push(new URL(req.url).pathname)
        return urls
      })
      expect(cached.length).toBeGreaterThan(0)
      expect(cached.filter(p => files.has(p))).toEqual([])
      expect(requested.filter(p => files.has(p))).toEqual([])
      expect(requested.some(p => p === '/admin/graphql')).toBe(false)
      // The gateway, not the token, says whether a signed-in caller is an administrator; nobody asks for public.
      expect(requested.some(p => p === '/admin/access')).toBe(role !== 'public')
      await watched.close()
    })
  }

  for (const device of ['phone', 'desktop'] as Device[]) {
    it(`leads an administrator from the header to the console (${device})`, async () => {
      // The admin role holds no data: the overview's questions fail validation for it (400), as they should.
      const watched = await openPage(browser, device, { allowConsoleErrors: [/status of 400 .*\/graphql\)$/] })
      const { page, context } = watched
      const requested: string[] = []
      context.on('request', r => requested.push(new URL(r.url()).pathname))
      await context.addInitScript(() => sessionStorage.setItem('klar.devRole', JSON.stringify({ name: 'admin' })))
      await page.goto(`${city.origin}/`)
      if (device === 'phone') await page.getByRole('button', { name: 'Menü' }).click()
      await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Verwaltung' }).click()
      await page.getByRole('heading', { level: 1, name: 'Verwaltung' }).waitFor()
      await page.getByText(/Richtlinie Version \d+/).waitFor()
      const nav = page.getByRole('navigation', { name: 'Bereiche der Verwaltung' })
      await nav.getByRole('link', { name: 'Rollen' }).waitFor()
      await expect.poll(() => page.title()).toMatch(/Verwaltung/)
      expect(requested.some(p => /AdminConsole-.*\.js$/.test(p))).toBe(true)
      await expectAccessible(page)
      await screenshot(page, 'admin-start', device)
      await watched.close()
    })
  }

  // Last: it takes the admin flag from the role named admin.
  it("follows the gateway's admin flag, not the role's name: a renamed admin role gets the console, admin without the flag does not", async () => {
    const adminUrl = `${city.origin}/admin/graphql`
    const version = async (as: string) => (await graphql(adminUrl, '{ policy { version } }', {}, bearer(as))).data.policy.version as number
    const upsert = `mutation ($role: RoleInput!, $v: Int!) { upsertRole(input: $role, expectedVersion: $v) }`
    const role = (name: string, admin: boolean) => ({ name, description: '', scopes: [], aggregateOnly: false, admin })
    const made = await graphql(adminUrl, upsert, { role: role('verwaltung', true), v: await version('admin') }, bearer('admin'))
    expect(made.errors).toBeUndefined()
    const demoted = await graphql(adminUrl, upsert, { role: role('admin', false), v: await version('verwaltung') }, bearer('verwaltung'))
    expect(demoted.errors).toBeUndefined()
    try {
      // Neither role holds data: the overview's questions fail validation for them (400), as they should.
      const noData = { allowConsoleErrors: [/status of 400 .*\/graphql\)$/] }
      const renamed = await openPage(browser, 'desktop', noData)
      await renamed.context.addInitScript(() => sessionStorage.setItem('klar.devRole', JSON.stringify({ name: 'verwaltung' })))
      await renamed.page.goto(`${city.origin}/`)
      await renamed.page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Verwaltung' }).click()
      await renamed.page.getByText(/Richtlinie Version \d+/).waitFor()
      await renamed.close()

      const named = await openPage(browser, 'desktop', noData)
      await named.context.addInitScript(() => sessionStorage.setItem('klar.devRole', JSON.stringify({ name: 'admin' })))
      const asked = named.page.waitForResponse(r => new URL(r.url()).pathname === '/admin/access')
      await named.page.goto(`${city.origin}/`)
      expect(await (await asked).json()).toEqual({ admin: false })
      await expect.poll(() => named.page.locator('select.role-control__select').inputValue()).toBe('admin')
      const nav = named.page.getByRole('navigation', { name: 'Hauptnavigation' })
      await nav.getByRole('link', { name: 'Bildung' }).waitFor()
      expect(await nav.getByRole('link', { name: 'Verwaltung' }).count()).toBe(0)
      await named.page.goto(`${city.origin}/verwaltung`)
      await named.page.getByRole('heading', { level: 1, name: 'Kein Zugriff' }).waitFor()
      await named.close()
    } finally {
      const restored = await graphql(adminUrl, upsert, { role: role('admin', true), v: await version('verwaltung') }, bearer('verwaltung'))
      expect(restored.errors).toBeUndefined()
    }
  })
})
