import type { TestProject } from 'vitest/node'
import { createDb } from '../platform/db/create-db.js'
import { prepareDatabase } from '../lib/service/prepare-database.js'
import { loadServices } from '../lib/service/discover-services.js'
import { createPolicyStore } from '../auth/policy/store/create-policy-store.js'
import type { SeedProfile } from '../platform/city.js'
import { createDatabase, startTestServer } from './helpers/test-database.js'
import { buildWebIfChanged } from '../scripts/build-web.js'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Server-level URL: tests create their own databases from it. */
    adminUrl: string
    /** A database migrated and seeded once for the whole run; tests only read from it. */
    cityDatabaseUrl: string
    seedProfile: SeedProfile
    /** How web/dist came to be for this run: `built`, `up-to-date`, `no-app`, `off` (TEST_WEB_BUILD=off), or the build's error. */
    webBuild: string
  }
}

/** One Postgres server and one seeded city database for the whole test run. */
export default async function setup(project: TestProject) {
  const t0 = performance.now()
  // The browser tests serve web/dist: it is rebuilt (only when its sources changed) while the database starts.
  // TEST_WEB_BUILD=off: a run that serves no app (a department's own tests run from the scaffold test) leaves web/ alone.
  const web = (process.env.TEST_WEB_BUILD === 'off' ? Promise.resolve({ status: 'off' as const }) : buildWebIfChanged()).then(
    r => {
      if (r.status === 'built') console.log(`[test] web app built in ${r.ms} ms`)
      return r.status as string
    },
    (err: Error) => {
      console.error(`[test] the web app did not build: ${err.message}`)
      return `failed: ${err.message}`
    },
  )
  const server = await startTestServer()
  const city = await createDatabase(server.adminUrl, 'sg_city')
  const profile = (process.env.TEST_SEED_PROFILE ?? 'small') as SeedProfile
  const handle = createDb(city.url)
  try {
    await prepareDatabase(handle.db, await loadServices(), profile)
    // The policy store with its default roles, so every gateway in the tests starts from the same policy.
    const store = createPolicyStore(handle.db, { connectionString: city.url })
    await store.migrate()
    await store.seedDefaults()
  } finally {
    await handle.close()
  }
  console.log(
    `[test] ${process.env.TEST_DATABASE_URL ? 'server Postgres' : 'embedded Postgres'}, city seeded (${profile}) in ${Math.round(performance.now() - t0)} ms`,
  )
  project.provide('adminUrl', server.adminUrl)
  project.provide('cityDatabaseUrl', city.url)
  project.provide('seedProfile', profile)
  project.provide('webBuild', await web)
  return async () => {
    await city.drop().catch(() => {})
    await server.stop()
  }
}
