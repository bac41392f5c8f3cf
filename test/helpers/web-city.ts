import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startCity, type RunningCity, type StartCityOptions } from './start-city.js'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
/** The built app (test/global-setup.ts builds it when its sources changed). */
export const WEB_DIST = join(ROOT, 'web', 'dist')
/** A minimal built app (an index.html, a hashed script and style): serving, CSP and the browser helpers without the real app. */
export const FIXTURE_WEB_DIST = join(ROOT, 'test', 'fixtures', 'web-dist')

export interface WebCityOptions extends StartCityOptions {
  /** The folder served at `/` (default web/dist). */
  dist?: string
  /** The OpenID client of the app, in oidc mode. */
  oidcClientId?: string
}

export interface RunningWebCity extends RunningCity {
  /** The gateway's origin, e.g. http://127.0.0.1:41234 (the app at `/`). */
  origin: string
}

/**
 * A city as `npm start` runs it for a browser: every department (or `only` these) on ephemeral
 * ports, behind a gateway that serves the built app at `/`.
 */
export async function startWebCity(databaseUrl: string, opts: WebCityOptions = {}): Promise<RunningWebCity> {
  const dist = opts.dist ?? WEB_DIST
  if (!existsSync(join(dist, 'index.html'))) {
    throw new Error(
      `${dist} has no index.html: the web app is not built (test/global-setup.ts builds web/ when its sources changed; see its output)`,
    )
  }
  const city = await startCity(databaseUrl, {
    ...opts,
    gateway: { web: { dist, oidcClientId: opts.oidcClientId ?? null, oidcScope: 'openid profile' }, ...opts.gateway },
  })
  return { ...city, origin: city.gateway.url.replace(/\/graphql$/, '') }
}
