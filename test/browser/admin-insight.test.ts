import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, it } from 'vitest'
import { describeBrowser, expectAccessible, launchBrowser, openPage, screenshot, type Device } from '../helpers/browser.js'
import { bearer } from '../helpers/start-city.js'
import { graphql } from '../helpers/start-subgraphs.js'
import { createDatabase } from '../helpers/test-database.js'
import { startWebCity, type RunningWebCity } from '../helpers/web-city.js'

// The console's insight sections against a real city, signed in with the admin development token: Warum?,
// Zeilenregeln, Replikate and Effektives Schema each show what the admin API answers, at phone and desktop size,
// with WCAG 2.1 AA (axe-core) and a screenshot. The policy store has a database of its own.

const DEVICES: Device[] = ['phone', 'desktop']
const de = new Intl.NumberFormat('de-DE')

describeBrowser('admin console: Warum?, Zeilenregeln, Replikate, Effektives Schema', () => {
  let browser: Browser
  let city: RunningWebCity
  let policyDb: Awaited<ReturnType<typeof createDatabase>>
  beforeAll(async () => {
    policyDb = await createDatabase(inject('adminUrl'), 'sg_admin_insight')
    ;[browser, city] = await Promise.all([
      launchBrowser(),
      startWebCity(inject('cityDatabaseUrl'), { only: ['geo', 'asylum', 'social'], policyDatabaseUrl: policyDb.url, replicaId: 'insight' }),
    ])
  })
  afterAll(async () => {
    await browser?.close()
    await city?.stop()
    await policyDb?.drop()
  })

  const admin = async (query: string, variables?: Record<string, unknown>) => {
    const res = await graphql(`${city.origin}/admin/graphql`, query, variables, bearer('admin', { sub: 'api-admin' }))
    expect(res.errors).toBeUndefined()
    return res.data
  }
  const version = async () => (await admin('{ policy { version } }')).policy.version as number

  async function asAdmin(device: Device, allowConsoleErrors: RegExp[] = []) {
    const watched = await openPage(browser, device, { allowConsoleErrors })
    await watched.context.addInitScript(() => sessionStorage.setItem('klar.devRole', JSON.stringify({ name: 'admin' })))
    return watched
  }
  const check = async (page: Page, view: string, device: Device) => {
    await expectAccessible(page)
    await screenshot(page, view, device)
  }

  it.each(DEVICES)('Warum? explains a field and an operation as the admin API does (%s)', async device => {
    const watched = await asAdmin(device)
    const { page } = watched
    await page.goto(`${city.origin}/verwaltung/warum?rollen=public&feld=Accommodation.operator`)
    const card = page.getByTestId('explanation')
    await card.waitFor()
    const truth = (
      await admin('{ explain(roles: ["public"], coordinate: "Accommodation.operator") { decision class reasons heldScopes } }')
    ).explain
    expect(truth.decision).toBe('DENY')
    await expect.poll(() => card.locator('[data-decision]').getAttribute('data-decision')).toBe('DENY')
    expect(await card.getByText('nicht sichtbar').count()).toBe(1)
    expect(await card.getByTestId('explain-class').textContent()).toBe('intern')
    expect(await card.locator('.insight-reasons li').count()).toBe(truth.reasons.length)
    await expect.poll(() => card.textContent()).toContain('Die Klasse intern ist der Rolle public nicht freigegeben')
    // The question is in the address: the form shows it again.
    expect(await page.getByRole('checkbox', { name: 'public' }).isChecked()).toBe(true)
    await check(page, 'admin-warum', device)

    const operation = '{ accommodations { name operator } }'
    await page.goto(`${city.origin}/verwaltung/warum?rollen=staff&abteilung=asylum&operation=${encodeURIComponent(operation)}`)
    const truthOp = (
      await admin(
        'query ($o: String!) { explainOperation(roles: ["staff"], department: "asylum", operation: $o) { coordinate decision } }',
        {
          o: operation,
        },
      )
    ).explainOperation as Array<{ coordinate: string; decision: string }>
    const allowed = truthOp.filter(e => e.decision === 'ALLOW').length
    await expect
      .poll(() => page.getByTestId('warum-summary').textContent())
      .toBe(`${truthOp.length} Felder: ${allowed} sichtbar, ${truthOp.length - allowed} nicht sichtbar.`)
    expect(await page.getByTestId('explanation').count()).toBe(truthOp.length)
    await watched.close()
  })

  it('Warum? takes roles and department from pasted token claims', async () => {
    const watched = await asAdmin('desktop')
    const { page } = watched
    await page.goto(`${city.origin}/verwaltung/warum`)
    await page.getByText('Token-Claims einfügen').click()
    await page.getByLabel('Claims des Tokens').fill(JSON.stringify({ realm_access: { roles: ['staff'] }, department: 'asylum', sub: 'x' }))
    await page.getByRole('button', { name: 'Rollen und Abteilung übernehmen' }).click()
    await expect.poll(() => page.getByRole('checkbox', { name: 'staff' }).isChecked()).toBe(true)
    expect(await page.getByLabel('Abteilung (Claim „department“)').inputValue()).toBe('asylum')
    await page.getByLabel('Feld (Typ.feld)').fill('Accommodation.operator')
    await page.getByRole('button', { name: 'Erklären' }).click()
    await expect.poll(() => page.getByTestId('explanation').locator('[data-decision]').getAttribute('data-decision')).toBe('ALLOW')
    expect(new URL(page.url()).searchParams.get('abteilung')).toBe('asylum')
    await page.getByLabel('Claims des Tokens').fill('kein json')
    await page.getByRole('button', { name: 'Rollen und Abteilung übernehmen' }).click()
    await page.getByText('Das ist weder ein JSON-Objekt noch ein Token.').waitFor()
    await watched.close()
  })

  it.each(DEVICES)(
    'Zeilenregeln: builder offers the declared fields, preview counts as the API, save and conflict (%s)',
    async device => {
      // The stale removal is answered 409 VERSION_CONFLICT, which Chromium logs as a failed resource.
      const watched = await asAdmin(device, [/status of 409 \(Conflict\)/])
      const { page } = watched
      await page.goto(`${city.origin}/verwaltung/zeilenregeln`)
      // The section, not the header's role switch (also labelled "Rolle").
      const main = page.locator('section.insight')
      const entity = main.getByLabel('Typ', { exact: true })
      await entity.waitFor()
      const options = (await admin('{ rowRuleOptions { coordinate columns } }')).rowRuleOptions as Array<{
        coordinate: string
        columns: string[]
      }>
      expect(await entity.locator('option').allTextContents()).toEqual(['AllocationRecord (asylum)', 'EghCase (social)'])
      expect(await main.getByLabel('Feld', { exact: true }).locator('option').allTextContents()).toEqual(options[0].columns)
      await main.getByLabel('Rolle', { exact: true }).selectOption('staff')
      await main.getByLabel('Feld', { exact: true }).selectOption('route')
      await main.getByRole('textbox', { name: 'Wert' }).fill('UKRAINE_24')
      await page.getByRole('button', { name: 'Zeilen zählen' }).click()
      const preview = (
        await admin(
          `query ($c: String) { previewRowRule(role: "staff", department: "asylum", coordinate: "AllocationRecord", condition: $c) { rows } }`,
          { c: JSON.stringify({ column: 'route', equals: 'UKRAINE_24' }) },
        )
      ).previewRowRule.rows as number
      const all = (await admin('{ previewRowRule(role: "staff", department: "asylum", coordinate: "AllocationRecord") { rows } }'))
        .previewRowRule.rows as number
      await expect.poll(() => page.getByTestId('preview-with').textContent()).toContain(` ${de.format(preview)} Zeilen`)
      expect(await page.getByTestId('preview-without').textContent()).toContain(` ${de.format(all)} Zeilen`)
      await check(page, 'admin-zeilenregeln', device)

      await page.getByRole('button', { name: 'Regel speichern' }).click()
      await expect.poll(() => page.getByTestId('rowrules-status').textContent()).toMatch(/^Gespeichert/)
      const stored = (await admin('{ policy { rowRules { role coordinate condition } } }')).policy.rowRules
      expect(stored).toContainEqual({
        role: 'staff',
        coordinate: 'AllocationRecord',
        condition: JSON.stringify({ column: 'route', equals: 'UKRAINE_24' }),
      })
      await main.locator('dd:visible, td:visible').filter({ hasText: 'route = „UKRAINE_24“' }).first().waitFor()

      // Another administrator changes the policy meanwhile: removing the rule on the old version is a conflict.
      await admin(
        'mutation ($v: Int!) { setRowRule(input: { role: "staff", coordinate: "EghCase", condition: "{\\"column\\":\\"sex\\",\\"equals\\":\\"w\\"}" }, expectedVersion: $v) }',
        {
          v: await version(),
        },
      )
      await page.getByRole('button', { name: 'Regel von staff auf AllocationRecord entfernen' }).click()
      const conflict = page.getByTestId('version-conflict')
      await conflict.waitFor()
      await conflict.getByText('rowRule.set').waitFor()
      await screenshot(page, 'admin-zeilenregeln-konflikt', device)
      await conflict.getByRole('button', { name: 'Auf neuer Version erneut anwenden' }).click()
      await expect.poll(() => page.getByTestId('rowrules-status').textContent()).toMatch(/^Entfernt/)
      const left = (await admin('{ policy { rowRules { role coordinate } } }')).policy.rowRules
      expect(left).toEqual([{ role: 'staff', coordinate: 'EghCase' }])
      await admin('mutation ($v: Int!) { removeRowRule(role: "staff", coordinate: "EghCase", expectedVersion: $v) }', {
        v: await version(),
      })
      await watched.close()
    },
    90_000,
  )

  it.each(DEVICES)('Replikate shows each gateway with its policy version, supergraph hash and age (%s)', async device => {
    const watched = await asAdmin(device)
    const { page } = watched
    await page.goto(`${city.origin}/verwaltung/replikate`)
    const row = page.locator('[data-replica="insight"]:visible')
    await row.waitFor()
    const truth = await admin('{ policy { version } replicas { id policyVersion supergraphHash } }')
    const me = truth.replicas.find((r: { id: string }) => r.id === 'insight')
    expect(me.supergraphHash).toBe(city.gateway.supergraphHash())
    expect(await row.getByTestId('replica-hash').textContent()).toBe(me.supergraphHash.slice(0, 8))
    expect(await row.getByTestId('replica-version').textContent()).toContain(`Version ${truth.policy.version} – aktuell`)
    expect(await row.getByTestId('replica-age').textContent()).toMatch(/\d+ (s|Min\.)/)
    await check(page, 'admin-replikate', device)
    await watched.close()
  })

  it.each(DEVICES)(
    'Effektives Schema shows the SDL of a role and its diff against another (%s)',
    async device => {
      const watched = await asAdmin(device)
      await watched.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: city.origin })
      const { page } = watched
      await page.goto(`${city.origin}/verwaltung/schema?rolle=public&vergleich=staff&vergleichAbteilung=asylum`)
      const sdl = page.getByTestId('schema-sdl')
      await sdl.waitFor()
      const truth = await admin('{ a: effectiveSchema(roles: ["public"]) b: effectiveSchema(roles: ["staff"], department: "asylum") }')
      expect(await sdl.textContent()).toBe(truth.a)
      const diff = page.getByTestId('schema-diff')
      await diff.waitFor()
      const onlyStaff = truth.b.split('\n').filter((l: string) => !truth.a.split('\n').includes(l))
      expect(onlyStaff.length).toBeGreaterThan(0)
      expect(await diff.locator('[data-kind="added"]').count()).toBeGreaterThanOrEqual(onlyStaff.length)
      expect(await diff.locator('[data-kind="added"]').first().textContent()).toMatch(/^\+hinzugefügt: /)
      expect(await diff.textContent()).toContain('operator: String')
      await screenshot(page, 'admin-schema-diff', device)
      await page.getByRole('button', { name: 'Schema kopieren' }).click()
      await expect.poll(() => page.getByTestId('schema-copy-status').textContent()).toBe('In die Zwischenablage kopiert.')
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(truth.a)
      await check(page, 'admin-schema', device)
      await watched.close()
    },
    90_000,
  )
})
