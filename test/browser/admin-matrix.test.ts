import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, it } from 'vitest'
import { describeBrowser, expectAccessible, launchBrowser, openPage, screenshot, type Device } from '../helpers/browser.js'
import { bearer } from '../helpers/start-city.js'
import { graphql } from '../helpers/start-subgraphs.js'
import { createDatabase } from '../helpers/test-database.js'
import { startWebCity, type RunningWebCity } from '../helpers/web-city.js'

// The permission matrix in the browser: an administrator grants two internal fields to `public` by editing cells;
// the citizens' overview shows "Reichen die Plätze?" without any restart, the audit log names the change and its
// author, and setting the cells back to "geerbt" hides the answer again. Phone and desktop, WCAG 2.1 AA.

const FIELDS = ['AsylumCapacityStatus.sufficient', 'AsylumCapacityStatus.monthsOfHeadroom']
const asAdmin = (context: { addInitScript: Page['addInitScript'] }) =>
  context.addInitScript(() => sessionStorage.setItem('klar.devRole', JSON.stringify({ name: 'admin' })))

describeBrowser('the permission matrix', () => {
  let browser: Browser
  let city: RunningWebCity
  let policyDb: Awaited<ReturnType<typeof createDatabase>>
  beforeAll(async () => {
    policyDb = await createDatabase(inject('adminUrl'), 'sg_policy_admin_matrix')
    ;[browser, city] = await Promise.all([
      launchBrowser(),
      startWebCity(inject('cityDatabaseUrl'), { policyDatabaseUrl: policyDb.url, replicaId: 'web-admin-matrix' }),
    ])
  })
  afterAll(async () => {
    await browser?.close()
    await city?.stop()
    await policyDb?.drop()
  })

  const admin = async (query: string, variables?: Record<string, unknown>) => {
    const res = await graphql(`${city.origin}/admin/graphql`, query, variables, bearer('admin'))
    expect(res.errors).toBeUndefined()
    return res.data
  }

  /** Sets the cell (role × field) to `choice` through its editor and waits for the new state. */
  async function setCell(page: Page, role: string, field: string, choice: RegExp, state: string) {
    const cell = page.locator(`tr[data-coordinate="${field}"] button[aria-label^="${role}, ${field}:"]`)
    await cell.click()
    const dialog = page.getByRole('dialog', { name: 'Berechtigung ändern' })
    await dialog.getByLabel(choice).check()
    await dialog.getByRole('button', { name: 'Übernehmen' }).click()
    await page
      .getByRole('status')
      .filter({ hasText: /Jetzt gilt Version \d+/ })
      .waitFor()
    await expect.poll(() => cell.getAttribute('data-state')).toBe(state)
  }

  it('grants a field to public in the matrix; the public overview shows it without a restart, the audit log names it; revoking hides it', async () => {
    const adminPage = await openPage(browser, 'desktop')
    await asAdmin(adminPage.context)
    const { page } = adminPage
    const started = Date.now()
    await page.goto(`${city.origin}/verwaltung/matrix?rolle=public&suche=AsylumCapacityStatus`)
    await page.getByText(/^\d+ von \d+ Feldern$/).waitFor()
    const before = (await admin('{ policy { version } }')).policy.version as number

    const citizen = await openPage(browser, 'phone')
    const verdict = citizen.page.getByText('Reichen die Plätze?')
    await citizen.page.goto(`${city.origin}/`)
    await citizen.page.getByText(/freie Plätze am/).waitFor()
    await citizen.page.waitForLoadState('networkidle')
    expect(await verdict.count()).toBe(0)

    for (const field of FIELDS) {
      expect(await page.locator(`tr[data-coordinate="${field}"] button`).getAttribute('data-state')).toBe('inherited-no')
      await setCell(page, 'public', field, /^Erlauben/, 'allow')
    }
    await screenshot(page, 'admin-matrix-granted', 'desktop')

    const log = (await admin('{ auditLog(limit: 10) { actor action payload } }')).auditLog as Array<{
      actor: string
      action: string
      payload: string
    }>
    for (const field of FIELDS) {
      const entry = log.find(e => e.action === 'grant.set' && e.payload.includes(field))
      expect(entry?.actor).toBe('dev-admin')
      expect(JSON.parse(entry!.payload)).toMatchObject({ grant: { role: 'public', coordinate: field, effect: 'ALLOW' } })
    }
    expect((await admin('{ policy { version } }')).policy.version).toBe(before + 2)

    const asked = citizen.page.waitForResponse(
      r => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('OverviewAsylumSufficiency'),
    )
    await citizen.page.reload()
    await verdict.waitFor()
    const shown = (await (await asked).json()) as { data: { asylumCapacity: { day: string; sufficient: boolean } } }
    const truth = await city.queryAs('leadership', 'query ($d: Date!) { asylumCapacity(day: $d) { sufficient } }', {
      d: shown.data.asylumCapacity.day,
    })
    expect(shown.data.asylumCapacity.sufficient).toBe(truth.data.asylumCapacity.sufficient)
    expect((await citizen.page.locator('.asylum-verdict .answer').textContent())?.trim()).toBe(
      truth.data.asylumCapacity.sufficient ? 'Ja' : 'Nein',
    )

    for (const field of FIELDS) await setCell(page, 'public', field, /^Geerbt/, 'inherited-no')
    const after = (await admin('{ auditLog(limit: 5) { action payload } }')).auditLog as Array<{ action: string; payload: string }>
    for (const field of FIELDS) expect(after.some(e => e.action === 'grant.remove' && e.payload.includes(field))).toBe(true)

    await citizen.page.reload()
    await citizen.page.getByText(/freie Plätze am/).waitFor()
    await citizen.page.waitForLoadState('networkidle')
    expect(await verdict.count()).toBe(0)
    console.log(`[admin-matrix] grant, check and revoke in ${Date.now() - started} ms`)
    await citizen.close()
    await adminPage.close()
  }, 90_000)

  it('shows beforehand that opening personal data needs a second administrator, and that public never gets it', async () => {
    const coordinates = (await admin('{ coordinates { coordinate class } }')).coordinates as Array<{ coordinate: string; class: string }>
    const personal = coordinates.find(c => c.class === 'personal')!.coordinate
    const watched = await openPage(browser, 'phone')
    await asAdmin(watched.context)
    const { page } = watched
    await page.goto(`${city.origin}/verwaltung/matrix?rolle=leadership&klasse=personal`)
    await page.getByText(/^\d+ von \d+ Feldern$/).waitFor()
    await page.locator(`tr[data-coordinate="${personal}"] button`).click()
    const dialog = page.getByRole('dialog', { name: 'Berechtigung ändern' })
    await dialog.getByLabel(/^Erlauben/).check()
    await dialog.getByTestId('needs-second-admin').waitFor()
    await expectAccessible(page)
    await screenshot(page, 'admin-matrix-four-eyes', 'phone')
    await dialog.getByRole('button', { name: 'Übernehmen' }).click()
    await page
      .getByTestId('pending-approval')
      .filter({ hasText: /Nr\. \d+/ })
      .waitFor()
    const pending = (await admin('{ pendingChanges { kind payload requestedBy } }')).pendingChanges as Array<{
      kind: string
      payload: string
      requestedBy: string
    }>
    expect(pending.some(p => p.kind === 'grant.set' && p.payload.includes(personal) && p.requestedBy === 'dev-admin')).toBe(true)
    expect(await page.locator(`tr[data-coordinate="${personal}"] button`).getAttribute('data-state')).not.toBe('allow')

    await page.goto(`${city.origin}/verwaltung/matrix?rolle=public&klasse=personal`)
    await page.locator(`tr[data-coordinate="${personal}"] button`).click()
    expect(
      await page
        .getByRole('dialog')
        .getByLabel(/^Erlauben/)
        .isDisabled(),
    ).toBe(true)
    await watched.close()
  })

  for (const device of ['phone', 'desktop'] as Device[]) {
    it(`shows every field against the roles, filters by the address, and passes WCAG 2.1 AA (${device})`, async () => {
      const watched = await openPage(browser, device)
      await asAdmin(watched.context)
      const { page } = watched
      const t0 = Date.now()
      await page.goto(`${city.origin}/verwaltung/matrix`)
      const count = page.getByText(/^\d+ von \d+ Feldern$/)
      await count.waitFor()
      const ms = Date.now() - t0
      const [shown, total] = ((await count.textContent()) ?? '').match(/\d+/g)!.map(Number)
      expect(shown).toBe(total)
      expect(total).toBeGreaterThan(100)
      const roles = ((await admin('{ policy { roles { name } } }')).policy.roles as unknown[]).length
      const buttons = await page.locator('.matrix__cell-btn').count()
      // A phone shows one role at a time; a desktop every role.
      expect(buttons).toBe(total! * (device === 'phone' ? 1 : roles))
      console.log(`[admin-matrix] ${device}: ${total} fields × ${device === 'phone' ? 1 : roles} roles shown ${ms} ms after navigation`)
      if (device === 'phone') {
        const width = await page.evaluate(() => document.documentElement.scrollWidth)
        expect(width).toBeLessThanOrEqual(390)
      }
      await page.getByLabel('Schutzklasse').selectOption('open')
      await page.getByLabel('Rolle', { exact: true }).last().selectOption('committee')
      await expect.poll(() => new URL(page.url()).searchParams.get('klasse')).toBe('open')
      expect(new URL(page.url()).searchParams.get('rolle')).toBe('committee')
      expect(await page.locator('.matrix__badge').filter({ hasNotText: 'offen' }).count()).toBe(0)
      await page.reload()
      await page.getByText(/^\d+ von \d+ Feldern$/).waitFor()
      expect(await page.getByLabel('Schutzklasse').inputValue()).toBe('open')
      await page.goto(`${city.origin}/verwaltung/matrix?referat=asylum`)
      await page.getByText(/^\d+ von \d+ Feldern$/).waitFor()
      await expectAccessible(page)
      await screenshot(page, 'admin-matrix', device)
      await watched.close()
    }, 90_000)
  }
})
