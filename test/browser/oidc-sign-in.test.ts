import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, it } from 'vitest'
import { describeBrowser, launchBrowser, openPage } from '../helpers/browser.js'
import { startOidcProvider, type RunningOidcProvider } from '../helpers/oidc-provider.js'
import { FIXTURE_WEB_DIST, startWebCity, type RunningWebCity } from '../helpers/web-city.js'

// Signing in through the identity provider's login form in a browser, and back to the app's
// callback at the gateway, whose token the gateway then accepts.
describeBrowser('sign-in through the OpenID provider in a browser', () => {
  let browser: Browser
  let idp: RunningOidcProvider
  let city: RunningWebCity
  beforeAll(async () => {
    idp = await startOidcProvider({ 'b.mueller': { roles: ['leadership'] } })
    ;[browser, city] = await Promise.all([
      launchBrowser(),
      startWebCity(inject('cityDatabaseUrl'), {
        dist: FIXTURE_WEB_DIST,
        only: ['geo'],
        identity: idp.identityConfig(),
        oidcClientId: idp.clientId,
      }),
    ])
    idp.registerApp([city.origin])
  })
  afterAll(async () => {
    await browser?.close()
    await city?.stop()
    await idp?.stop()
  })

  it('fills in the login form, returns to /auth/callback, and the token opens the graph', async () => {
    // The provider's own pages ask for a favicon it does not have, and for a web font (answered empty here: no internet in tests).
    const watched = await openPage(browser, 'phone', { allowConsoleErrors: [/favicon\.ico/] })
    const { page } = watched
    await page.route('https://fonts.googleapis.com/**', route => route.fulfill({ status: 200, contentType: 'text/css', body: '' }))
    const request = idp.authorizationRequest(city.origin)
    await page.goto(request.url)
    await page.locator('input[name="login"]').fill('b.mueller')
    await page.locator('input[name="password"]').fill('irgendein Passwort')
    await page.locator('button[type="submit"]').click()
    await page.waitForURL(url => url.href.startsWith(request.redirectUri))
    // The callback is a client route: the app is there, in oidc mode, under its CSP.
    await expect.poll(() => page.locator('#mode').textContent()).toBe('oidc')
    const tokens = await idp.exchangeCode(page.url(), request.verifier, request.redirectUri)
    const answer = await fetch(city.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.access_token}` },
      body: JSON.stringify({ query: '{ districts { code } }' }),
    })
    expect(answer.status).toBe(200)
    expect((await answer.json()).data.districts).toHaveLength(18)
    await watched.close()
  })
})
