import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, it } from 'vitest'
import { describeBrowser, expectAccessible, launchBrowser, openPage, screenshot, type WatchedPage } from '../helpers/browser.js'
import { startOidcProvider, type RunningOidcProvider } from '../helpers/oidc-provider.js'
import { graphql } from '../helpers/start-subgraphs.js'
import { createDatabase } from '../helpers/test-database.js'
import { startWebCity, type RunningWebCity } from '../helpers/web-city.js'

// Freigaben, Protokoll and Import/Export in the browser, on a city whose administrators sign in through a real
// OpenID provider: A exports the policy, imports an edited file (diff first, applied at once), then a file that
// opens personal data (diff marks it; the import waits); A cannot approve their own change (no button; forced, the
// server's FORBIDDEN is shown); B approves it; the audit log shows both steps and its CSV holds them. axe-core:
// 0 WCAG 2.1 AA violations on each screen at 390 px and at desktop width. The policy store has a database of its own.

const PERSONAL = 'Query.allocationRecords'
const INTERNAL = 'Accommodation.operator'

describeBrowser('Freigaben, Protokoll, Import/Export with two administrators', () => {
  let browser: Browser
  let idp: RunningOidcProvider
  let city: RunningWebCity
  let policyDb: Awaited<ReturnType<typeof createDatabase>>
  let tokenA: string
  const dir = mkdtempSync(join(tmpdir(), 'admin-gov-'))
  const pages: WatchedPage[] = []

  beforeAll(async () => {
    idp = await startOidcProvider({
      'a.schmidt': { roles: ['admin'], name: 'Anna Schmidt' },
      'b.weber': { roles: ['admin'], name: 'Bernd Weber' },
    })
    policyDb = await createDatabase(inject('adminUrl'), 'sg_admin_gov_web')
    ;[browser, city] = await Promise.all([
      launchBrowser(),
      startWebCity(inject('cityDatabaseUrl'), {
        only: ['geo', 'asylum'],
        policyDatabaseUrl: policyDb.url,
        replicaId: 'admin-gov',
        identity: idp.identityConfig(),
        oidcClientId: idp.clientId,
      }),
    ])
    idp.registerApp([city.origin])
    tokenA = (await idp.signIn('a.schmidt', city.origin)).access_token
  })
  afterAll(async () => {
    for (const p of pages) await p.context.close().catch(() => {})
    await browser?.close()
    await city?.stop()
    await idp?.stop()
    await policyDb?.drop()
  })

  const api = async (query: string, variables?: Record<string, unknown>) =>
    graphql(`${city.origin}/admin/graphql`, query, variables, { authorization: `Bearer ${tokenA}` })
  const policy = async () =>
    (await api('{ policy { version grants { role coordinate effect } } }')).data.policy as {
      version: number
      grants: Array<{ role: string; coordinate: string }>
    }

  /** A desktop page signed in as `login` through the provider's form, at `path` of the console. */
  async function signedIn(login: string, path: string): Promise<WatchedPage> {
    // The provider's pages ask for a favicon it does not have; a VERSION_CONFLICT is an HTTP 409, which the browser logs.
    const watched = await openPage(browser, 'desktop', {
      allowConsoleErrors: [/favicon\.ico/, /status of 409 \(Conflict\).*\/admin\/graphql/],
    })
    pages.push(watched)
    const { page } = watched
    await page.route('https://fonts.googleapis.com/**', route => route.fulfill({ status: 200, contentType: 'text/css', body: '' }))
    await page.goto(`${city.origin}${path}`)
    await page.getByRole('button', { name: 'Anmelden' }).click()
    await page.locator('input[name="login"]').fill(login)
    await page.locator('input[name="password"]').fill('irgendein Passwort')
    await page.locator('button[type="submit"]').click()
    await page.waitForURL(url => url.pathname === path)
    await page.locator('.admin__section h1').waitFor()
    return watched
  }

  /** axe at 390 px and at desktop width, with a screenshot of each. */
  async function checkBothWidths(page: Page, view: string) {
    await page.setViewportSize({ width: 390, height: 844 })
    await expectAccessible(page)
    await screenshot(page, view, 'phone')
    await page.setViewportSize({ width: 1366, height: 768 })
    await expectAccessible(page)
    await screenshot(page, view, 'desktop')
  }

  const nav = (page: Page, name: string) => page.locator('.admin__nav').getByRole('link', { name }).click()

  let changeId = 0
  let a: WatchedPage

  it('exports the policy, shows the diff of an edited file and imports it at once when it opens nothing', async () => {
    a = await signedIn('a.schmidt', '/verwaltung/import-export')
    const { page } = a
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Import/Export')
    const before = await policy()
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Richtlinie herunterladen (JSON)' }).click(),
    ])
    expect(download.suggestedFilename()).toBe(`stadtgraph-richtlinie-v${before.version}.json`)
    const exported = JSON.parse(readFileSync(await download.path(), 'utf8'))
    expect(exported.version).toBe(before.version)
    expect(exported.roles.map((r: { name: string }) => r.name)).toContain('committee')

    exported.grants.push({ role: 'committee', coordinate: INTERNAL, effect: 'ALLOW', validUntil: null })
    const edited = join(dir, 'richtlinie-intern.json')
    writeFileSync(edited, JSON.stringify(exported, null, 2))
    await page.getByLabel('Richtlinien-Datei (JSON)').setInputFiles(edited)
    const diff = page.getByTestId('import-diff')
    await diff.waitFor()
    await expect.poll(() => diff.locator('[data-change="ADDED"]').count()).toBe(1)
    expect(await diff.locator('[data-change="ADDED"]').textContent()).toContain(INTERNAL)
    expect(await diff.textContent()).toContain('Hinzugefügt')
    expect(await diff.textContent()).toContain('öffnet nichts, was eine zweite Person freigeben muss')
    await checkBothWidths(page, 'admin-import-diff')

    // Meanwhile someone else changes the policy: the import gets the conflict screen, naming that change, and re-applies.
    const other = await api('mutation ($v: Int!) { upsertRole(input: { name: "pruefung", scopes: ["open"] }, expectedVersion: $v) }', {
      v: before.version,
    })
    expect(other.errors).toBeUndefined()
    await page.getByRole('button', { name: `Importieren (auf Version ${before.version})` }).click()
    const conflict = page.getByTestId('version-conflict')
    await conflict.waitFor()
    await expect.poll(() => conflict.textContent()).toContain('pruefung')
    expect(await conflict.textContent()).toContain('Import der Datei richtlinie-intern.json')
    await screenshot(page, 'admin-import-conflict', 'desktop')
    await conflict.getByRole('button', { name: 'Auf neuer Version erneut anwenden' }).click()
    await expect.poll(() => page.getByTestId('import-result').textContent()).toContain(`Version ${before.version + 2}`)
    const after = await policy()
    expect(after.version).toBe(before.version + 2)
    expect(after.grants).toContainEqual(expect.objectContaining({ role: 'committee', coordinate: INTERNAL }))
  })

  it('an import that opens personal data shows so in the diff and waits for a second administrator', async () => {
    const { page } = a
    const before = await policy()
    const doc = JSON.parse((await api('{ exportPolicy }')).data.exportPolicy)
    doc.grants.push({ role: 'controlling', coordinate: PERSONAL, effect: 'ALLOW', validUntil: null })
    const edited = join(dir, 'richtlinie-personenbezogen.json')
    writeFileSync(edited, JSON.stringify(doc))
    await page.getByLabel('Richtlinien-Datei (JSON)').setInputFiles(edited)
    const diff = page.getByTestId('import-diff')
    await expect.poll(() => diff.textContent()).toContain('Braucht Freigabe durch eine zweite Person')
    expect(await diff.textContent()).toContain('personenbezogen')
    await page.getByRole('button', { name: 'Importieren und Freigabe beantragen' }).click()
    const pending = page.getByTestId('pending-approval')
    await pending.waitFor()
    changeId = Number(/Nr\. (\d+)/.exec((await pending.textContent()) ?? '')?.[1])
    expect(changeId).toBeGreaterThan(0)
    expect((await policy()).version).toBe(before.version)
  })

  it('the proposer sees the change waiting for a second person and has no approve button; forced, the server refuses', async () => {
    const { page } = a
    await nav(page, 'Freigaben')
    const card = page.getByTestId(`pending-${changeId}`)
    await card.waitFor()
    expect(await card.textContent()).toContain('Ihre Änderung – wartet auf eine zweite Person.')
    expect(await card.textContent()).toContain('Beantragt von a.schmidt')
    expect(await card.textContent()).toContain(`Rolle controlling: Feld ${PERSONAL}`)
    expect(await card.getByRole('button', { name: /Freigeben/ }).count()).toBe(0)
    await checkBothWidths(page, 'admin-approvals-own')

    // Forced: the list is made to say it is someone else's, so the button appears; the server still says no.
    await page.route('**/admin/graphql', async route => {
      if (!(route.request().postData() ?? '').includes('AdminPendingChanges')) return route.continue()
      const res = await route.fetch()
      const body = await res.json()
      for (const c of body.data?.pendingChanges ?? []) c.mine = false
      await route.fulfill({ response: res, json: body })
    })
    await nav(page, 'Protokoll')
    await page.getByRole('heading', { name: 'Protokoll', level: 1 }).waitFor()
    await nav(page, 'Freigaben')
    const forced = page.getByTestId(`pending-${changeId}`).getByRole('button', { name: /Freigeben/ })
    await forced.waitFor()
    const version = (await policy()).version
    await forced.click()
    await expect
      .poll(() => page.getByTestId(`pending-${changeId}`).getByRole('alert').textContent())
      .toContain('Dafür fehlt die Berechtigung.')
    await page.unroute('**/admin/graphql')
    expect((await policy()).version).toBe(version)
  })

  it('a second administrator approves; the audit log shows both steps, filters and pages by URL, and the CSV holds them; a rejection needs a reason', async () => {
    const b = await signedIn('b.weber', '/verwaltung/freigaben')
    const { page } = b
    const card = page.getByTestId(`pending-${changeId}`)
    await card.waitFor()
    expect(await card.getByTestId('waiting').count()).toBe(0)
    await checkBothWidths(page, 'admin-approvals')
    const version = (await policy()).version
    await card.getByRole('button', { name: `Freigeben (Version ${version})` }).click()
    await expect.poll(() => page.getByTestId('approvals-outcome').textContent()).toContain(`Version ${version + 1}`)
    await page.getByTestId('approvals-empty').waitFor()
    expect((await policy()).grants).toContainEqual(expect.objectContaining({ role: 'controlling', coordinate: PERSONAL }))

    await page.getByRole('link', { name: 'Im Protokoll ansehen' }).click()
    await page.waitForURL(url => url.pathname === '/verwaltung/protokoll' && url.searchParams.get('aktion') === 'change.*')
    const entries = page.getByTestId('audit-entry')
    await expect.poll(() => entries.count()).toBe(2)
    expect(await entries.evaluateAll(els => els.map(e => e.getAttribute('data-action')))).toEqual(['change.approved', 'change.requested'])
    expect(await entries.nth(0).textContent()).toContain('von b.weber')
    expect(await entries.nth(1).textContent()).toContain('von a.schmidt')
    expect(await entries.nth(0).textContent()).toContain(`Änderung Nr. ${changeId}`)
    const chains = page.getByTestId('chain-status')
    await expect.poll(() => chains.count()).toBe(2)
    expect(await chains.nth(0).textContent()).toMatch(/In Ordnung\.|Nicht signiert\./)
    await checkBothWidths(page, 'admin-audit')

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Als CSV exportieren' }).click()])
    expect(download.suggestedFilename()).toMatch(/^stadtgraph-protokoll-\d{8}T\d{4}\.csv$/)
    const csv = readFileSync(await download.path(), 'utf8')
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines[0]).toBe('id,at,actor,action,payload,prev_hash,hash')
    expect(lines).toHaveLength(3)
    expect(lines[1]).toMatch(/,a\.schmidt,change\.requested,/)
    expect(lines[2]).toMatch(/,b\.weber,change\.approved,/)

    // The filter form writes the address; everything again shows the import and the export too.
    await page.getByRole('button', { name: 'Zurücksetzen' }).click()
    await page.getByLabel('Wer (Kennung)').fill('a.schmidt')
    await page.getByLabel('Was').selectOption('policy.import')
    await page.getByRole('button', { name: 'Filtern' }).click()
    await page.waitForURL(url => url.searchParams.get('wer') === 'a.schmidt' && url.searchParams.get('aktion') === 'policy.import')
    await expect.poll(() => entries.count()).toBe(1)
    expect(await entries.nth(0).textContent()).toContain('Richtlinie importiert')

    // Pages of 50, newest first, the page in the address: 60 audited reads make a second page.
    for (let i = 0; i < 60; i++) expect((await api('{ coordinates { coordinate } }')).errors).toBeUndefined()
    await page.getByRole('button', { name: 'Zurücksetzen' }).click()
    await page.waitForURL(url => url.search === '')
    await expect.poll(() => entries.count()).toBe(50)
    const firstPage = await entries.evaluateAll(els => els.map(e => e.querySelector('.gov-entry__head span')?.textContent ?? ''))
    await page.getByRole('button', { name: 'Ältere Einträge' }).click()
    await page.waitForURL(url => url.searchParams.has('vor'))
    await expect.poll(async () => (await entries.count()) > 0 && (await entries.count()) < 50).toBe(true)
    const secondPage = await entries.evaluateAll(els => els.map(e => e.querySelector('.gov-entry__head span')?.textContent ?? ''))
    expect(secondPage.filter(x => firstPage.includes(x))).toEqual([])
    await page.getByRole('button', { name: 'Zu den neuesten' }).click()
    await expect.poll(() => entries.count()).toBe(50)

    // Rejecting needs a reason, which the audit log then shows.
    const v = (await policy()).version
    const req = await api(
      'mutation ($v: Int!) { setGrant(input: { role: "leadership", coordinate: "Query.allocationRecords", effect: ALLOW }, expectedVersion: $v) }',
      { v },
    )
    const rejectId = req.errors?.[0].extensions?.changeId as number
    expect(rejectId).toBeGreaterThan(changeId)
    await nav(page, 'Freigaben')
    const toReject = page.getByTestId(`pending-${rejectId}`)
    await toReject.getByRole('button', { name: 'Ablehnen …' }).click()
    await toReject.getByRole('button', { name: 'Ablehnen', exact: true }).click()
    await expect.poll(() => toReject.getByRole('alert').textContent()).toContain('Bitte eine Begründung angeben.')
    await toReject.getByLabel('Begründung (Pflicht)').fill('Kein Auftrag der Amtsleitung')
    await toReject.getByRole('button', { name: 'Ablehnen', exact: true }).click()
    await expect.poll(() => page.getByTestId('approvals-outcome').textContent()).toContain(`Änderung Nr. ${rejectId} ist abgelehnt.`)
    expect((await policy()).version).toBe(v)
    await nav(page, 'Protokoll')
    await expect.poll(() => entries.nth(0).getAttribute('data-action')).toBe('change.rejected')
    expect(await entries.nth(0).textContent()).toContain('Begründung: Kein Auftrag der Amtsleitung')
    await b.close()
    await a.close()
  })
})
