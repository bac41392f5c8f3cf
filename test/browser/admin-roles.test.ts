import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, it } from 'vitest'
import { describeBrowser, expectAccessible, launchBrowser, openPage, screenshot, type Device } from '../helpers/browser.js'
import { bearer, token } from '../helpers/start-city.js'
import { graphql } from '../helpers/start-subgraphs.js'
import { createDatabase } from '../helpers/test-database.js'
import { startWebCity, type RunningWebCity } from '../helpers/web-city.js'

// Rollen in the browser. Two administrators edit the same role: the first saves, the second (signed in as another
// person: a token of the tests' identity provider with its own subject) gets the conflict screen with the first
// one's change, re-applies on the new version, and both edits are in the audit log. The form checks what the API
// checks, and a role that gains personal data waits for a second administrator.

/** A 409 (VERSION_CONFLICT) and the four-eyes answer are the admin API's answers, not faults of the page. */
const API_ANSWERS = [/status of (409|4\d\d) .*\/admin\/graphql\)$/]

describeBrowser('Rollen', () => {
  let browser: Browser
  let city: RunningWebCity
  let policyDb: Awaited<ReturnType<typeof createDatabase>>
  beforeAll(async () => {
    policyDb = await createDatabase(inject('adminUrl'), 'sg_policy_admin_roles')
    ;[browser, city] = await Promise.all([
      launchBrowser(),
      startWebCity(inject('cityDatabaseUrl'), { policyDatabaseUrl: policyDb.url, replicaId: 'web-admin-roles' }),
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

  /** An administrator's page at /verwaltung/rollen; `sub` signs in as another person than the role switcher's dev-admin. */
  async function adminAt(device: Device, sub?: string) {
    const watched = await openPage(browser, device, { allowConsoleErrors: API_ANSWERS, serviceWorkers: 'block' })
    await watched.context.addInitScript(() => sessionStorage.setItem('klar.devRole', JSON.stringify({ name: 'admin' })))
    if (sub) {
      await watched.context.route('**/auth/dev-token', route =>
        route.fulfill({ json: { access_token: token('admin', { sub }), token_type: 'Bearer', expires_in: 3600, role: 'admin' } }),
      )
    }
    await watched.page.goto(`${city.origin}/verwaltung/rollen`)
    await watched.page.getByRole('heading', { level: 1, name: 'Rollen' }).waitFor()
    return watched
  }

  const editCommittee = async (page: Page, description: string) => {
    await page.getByRole('button', { name: 'Rolle committee bearbeiten' }).click()
    const form = page.getByRole('form', { name: 'Rolle committee bearbeiten' })
    await form.getByLabel('Beschreibung').fill(description)
    return form
  }

  it('gives the second of two administrators editing the same role the conflict screen, and loses nothing', async () => {
    const first = await adminAt('desktop')
    const second = await adminAt('phone', 'test-admin-2')
    const before = (await admin('{ policy { version } }')).policy.version as number

    const formA = await editCommittee(first.page, 'Ausschuss – geändert von der ersten Administratorin')
    const formB = await editCommittee(second.page, 'Ausschuss – geändert vom zweiten Administrator')
    await formA.getByRole('button', { name: 'Speichern' }).click()
    await first.page
      .getByRole('status')
      .filter({ hasText: `Gespeichert, jetzt gilt Version ${before + 1}.` })
      .waitFor()

    await formB.getByRole('button', { name: 'Speichern' }).click()
    const conflict = second.page.getByTestId('version-conflict')
    await conflict.getByText(`Ihre Änderung beruht auf Version ${before}, aktuell ist Version ${before + 1}.`).waitFor()
    await conflict.getByText('role.upsert').waitFor()
    await conflict.getByText(/dev-admin/).waitFor()
    await conflict.getByText(/geändert von der ersten Administratorin/).waitFor()
    await conflict.getByText(/Rolle committee mit den Scopes/).waitFor()
    await expectAccessible(second.page)
    await screenshot(second.page, 'admin-roles-conflict', 'phone')

    await conflict.getByRole('button', { name: 'Auf neuer Version erneut anwenden' }).click()
    await second.page
      .getByRole('status')
      .filter({ hasText: `Gespeichert, jetzt gilt Version ${before + 2}.` })
      .waitFor()
    expect(await second.page.getByTestId('version-conflict').count()).toBe(0)

    const roles = (await admin('{ policy { roles { name description scopes aggregateOnly } } }')).policy.roles as Array<{
      name: string
      description: string
      scopes: string[]
      aggregateOnly: boolean
    }>
    const committee = roles.find(r => r.name === 'committee')!
    expect(committee.description).toBe('Ausschuss – geändert vom zweiten Administrator')
    expect(committee.aggregateOnly).toBe(true)
    const log = (await admin('{ auditLog(limit: 10) { actor action payload } }')).auditLog as Array<{
      actor: string
      action: string
      payload: string
    }>
    const upserts = log.filter(e => e.action === 'role.upsert')
    expect(upserts.map(e => e.actor).sort()).toEqual(['dev-admin', 'test-admin-2'])
    expect(upserts.some(e => e.payload.includes('ersten Administratorin'))).toBe(true)
    await first.close()
    await second.close()
  }, 90_000)

  it('checks a new role as the API does, and a role gaining personal data waits for a second administrator', async () => {
    const { page, close } = await adminAt('phone')
    await page.getByRole('button', { name: 'Neue Rolle anlegen' }).click()
    const form = page.getByRole('form', { name: 'Neue Rolle' })
    await form.getByLabel('Name').fill('Bezirk Nord')
    await form.getByRole('button', { name: 'Speichern' }).click()
    await form
      .getByRole('alert')
      .filter({ hasText: /Kleinbuchstaben/ })
      .waitFor()
    expect(await form.getByLabel('Name').getAttribute('aria-invalid')).toBe('true')

    await form.getByLabel('Name').fill('bezirk_nord')
    await form.getByLabel('Scopes').fill('open, asylum:Intern')
    await form.getByRole('button', { name: 'Speichern' }).click()
    await form.getByRole('alert').filter({ hasText: '„asylum:Intern“' }).waitFor()
    expect(await form.getByLabel('Scopes').getAttribute('aria-invalid')).toBe('true')
    await expectAccessible(page)
    await screenshot(page, 'admin-roles-form', 'phone')

    await form.getByLabel('Scopes').fill('open, personal')
    await form.getByText(/braucht die Freigabe einer zweiten Administratorin/).waitFor()
    await form.getByRole('button', { name: 'Speichern' }).click()
    const pending = page.getByTestId('pending-approval')
    await pending.getByText('Wartet auf zweite Administratorin/zweiten Administrator').waitFor()
    const id = Number((await pending.textContent())!.match(/Nr\. (\d+)/)![1])
    const open = (await admin('{ pendingChanges { id kind payload requestedBy } }')).pendingChanges as Array<{
      id: number
      kind: string
      payload: string
      requestedBy: string
    }>
    expect(open.find(c => c.id === id)).toMatchObject({ kind: 'role.upsert', requestedBy: 'dev-admin' })
    const names = ((await admin('{ policy { roles { name } } }')).policy.roles as Array<{ name: string }>).map(r => r.name)
    expect(names).not.toContain('bezirk_nord')
    await close()
  })

  it("shows the server's INVALID_POLICY message at the field its pointer names", async () => {
    const { page, context, close } = await adminAt('desktop')
    // Scopes changed on the way to the API, so the form's own checks pass and only the server can refuse them.
    await context.route('**/admin/graphql', async route => {
      const body = route.request().postDataJSON() as { operationName?: string; variables?: { input?: { scopes?: string[] } } } | null
      if (body?.operationName !== 'AdminUpsertRole' || !body.variables?.input) return route.continue()
      body.variables.input.scopes = ['open', 'Open']
      return route.continue({ postData: JSON.stringify(body) })
    })
    await page.getByRole('button', { name: 'Neue Rolle anlegen' }).click()
    const form = page.getByRole('form', { name: 'Neue Rolle' })
    await form.getByLabel('Name').fill('bezirk_sued')
    await form.getByLabel('Scopes').fill('open')
    await form.getByRole('button', { name: 'Speichern' }).click()
    await form.getByRole('alert').filter({ hasText: 'Die Eingabe ist ungültig: scope "Open" must look like' }).waitFor()
    expect(await form.getByLabel('Scopes').getAttribute('aria-invalid')).toBe('true')
    expect(await form.getByLabel('Name').getAttribute('aria-invalid')).toBeNull()
    await close()
  })

  for (const device of ['phone', 'desktop'] as Device[]) {
    it(`lists every role with its scopes and flags and passes WCAG 2.1 AA (${device})`, async () => {
      const { page, close } = await adminAt(device)
      const roles = (await admin('{ policy { roles { name scopes } } }')).policy.roles as Array<{ name: string; scopes: string[] }>
      for (const role of roles) {
        const card = page.locator(`li[data-role="${role.name}"]`)
        await card.waitFor()
        for (const scope of role.scopes) await card.getByText(scope, { exact: true }).waitFor()
      }
      if (device === 'phone') expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
      await expectAccessible(page)
      await screenshot(page, 'admin-roles', device)
      await close()
    })
  }
})
