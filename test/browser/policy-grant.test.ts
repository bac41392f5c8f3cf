import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, it } from 'vitest'
import { describeBrowser, launchBrowser, openPage } from '../helpers/browser.js'
import { bearer } from '../helpers/start-city.js'
import { graphql } from '../helpers/start-subgraphs.js'
import { createDatabase } from '../helpers/test-database.js'
import { startWebCity, type RunningWebCity } from '../helpers/web-city.js'

// An administrator's grant reaches the citizens' dashboard while everything keeps running: the
// overview's "Reichen die Plätze?" (AsylumCapacityStatus.sufficient and monthsOfHeadroom, internal
// fields) appears for `public` once granted, is in the audit log, and is gone again once revoked.
// The policy store gets a database of its own: the city database is shared by the whole test run.

const FIELDS = ['AsylumCapacityStatus.sufficient', 'AsylumCapacityStatus.monthsOfHeadroom']

describeBrowser('a grant on a running city, seen in the browser', () => {
  let browser: Browser
  let city: RunningWebCity
  let policyDb: Awaited<ReturnType<typeof createDatabase>>
  beforeAll(async () => {
    policyDb = await createDatabase(inject('adminUrl'), 'sg_policy_web')
    ;[browser, city] = await Promise.all([
      launchBrowser(),
      startWebCity(inject('cityDatabaseUrl'), { policyDatabaseUrl: policyDb.url, replicaId: 'web-grant' }),
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
  const version = async () => (await admin('{ policy { version } }')).policy.version as number
  const change = async (mutation: 'setGrant' | 'removeGrant') => {
    for (const coordinate of FIELDS) {
      const call =
        mutation === 'setGrant'
          ? `mutation ($v: Int!, $c: String!) { setGrant(input: { role: "public", coordinate: $c, effect: ALLOW }, expectedVersion: $v) }`
          : `mutation ($v: Int!, $c: String!) { removeGrant(role: "public", coordinate: $c, expectedVersion: $v) }`
      await admin(call, { v: await version(), c: coordinate })
    }
  }

  it('shows a field to public after the grant and hides it after the revocation, without a restart', async () => {
    const watched = await openPage(browser, 'phone')
    const { page } = watched
    const verdict = page.getByText('Reichen die Plätze?')
    const freePlaces = page.getByText(/freie Plätze am/)

    await page.goto(`${city.origin}/`)
    await freePlaces.waitFor()
    // The fields' own question is answered only once the role's schema has them.
    await page.waitForLoadState('networkidle')
    expect(await verdict.count()).toBe(0)

    await change('setGrant')
    const log = (await admin('{ auditLog(limit: 5) { action payload } }')).auditLog as Array<{ action: string; payload: string }>
    for (const coordinate of FIELDS) {
      expect(log.some(e => /grant/i.test(e.action) && e.payload.includes(coordinate) && e.payload.includes('public'))).toBe(true)
    }
    const asked = page.waitForResponse(
      r => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('OverviewAsylumSufficiency'),
    )
    await page.reload()
    await verdict.waitFor()
    const shown = (await (await asked).json()) as { data: { asylumCapacity: { day: string; sufficient: boolean } } }
    const answer = await page.locator('.asylum-verdict .answer').textContent()
    const truth = await city.queryAs('leadership', 'query ($d: Date!) { asylumCapacity(day: $d) { sufficient } }', {
      d: shown.data.asylumCapacity.day,
    })
    expect(shown.data.asylumCapacity.sufficient).toBe(truth.data.asylumCapacity.sufficient)
    expect(answer?.trim()).toBe(truth.data.asylumCapacity.sufficient ? 'Ja' : 'Nein')

    await change('removeGrant')
    await page.reload()
    await freePlaces.waitFor()
    await page.waitForLoadState('networkidle')
    expect(await verdict.count()).toBe(0)
    await watched.close()
  })
})
