import { createDb } from '../platform/db/create-db.js'
import { withMigrationLock } from '../platform/db/migration-lock.js'
import { readPreparedStatements } from '../platform/db/prepared-statements.js'
import { prepareDatabase } from '../lib/service/prepare-database.js'
import { loadServices } from '../lib/service/discover-services.js'
import { SEED_PROFILES, type SeedProfile } from '../platform/city.js'

// npm run db:migrate [-- --service geo]            migrate departments' schemas on DATABASE_URL
// npm run db:seed [-- --service geo] [--profile small]  migrate, then seed those not yet seeded
// A run holds an advisory lock throughout (platform/db/migration-lock.ts): two runs started together, e.g.
// two Kubernetes migration Jobs, run one after the other. The image runs this file bundled (.data/db/db.js).
// --role-per-department (MIGRATE_ROLE_PER_DEPARTMENT=true): each department's schema is migrated and seeded
// as the department's own role (the role named as the department, set at connect), so its tables belong to
// it, as when a department migrates itself; for a migration role that is a member of every department role
// (the Kubernetes Job, docs/kubernetes.md).
const [command, ...rest] = process.argv.slice(2)
const arg = (name: string) => {
  const i = rest.indexOf(`--${name}`)
  return i >= 0 ? rest[i + 1] : undefined
}
const url = process.env.DATABASE_URL
if (!url) {
  console.error('DATABASE_URL is not set')
  process.exit(2)
}
if (command !== 'migrate' && command !== 'seed') {
  console.error('usage: db.ts migrate|seed [--service NAME] [--profile tiny|small|large] [--role-per-department]')
  process.exit(2)
}
const profile = (arg('profile') ?? process.env.SEED_PROFILE ?? 'small') as SeedProfile
if (!SEED_PROFILES.includes(profile)) {
  console.error(`--profile must be one of ${SEED_PROFILES.join(', ')}`)
  process.exit(2)
}
const rolePerDepartment = rest.includes('--role-per-department') || process.env.MIGRATE_ROLE_PER_DEPARTMENT === 'true'
const only = arg('service')
const services = (await loadServices()).filter(s => !only || s.name === only)
if (only && !services.length) {
  console.error(`no department "${only}" in services/`)
  process.exit(2)
}
const preparedStatements = (() => {
  try {
    return readPreparedStatements(process.env)
  } catch (err) {
    console.error((err as Error).message)
    return process.exit(2)
  }
})()
/** `url` connecting as `role` (a startup option; the login role must be a member of it). */
const asRole = (role: string) => {
  const u = new URL(url)
  u.searchParams.set('options', `-c role=${role}`)
  return u.toString()
}
const handles = rolePerDepartment
  ? services.map(s => ({ services: [s], handle: createDb(asRole(s.name), { max: 2, preparedStatements }) }))
  : [{ services, handle: createDb(url, { max: 2, preparedStatements }) }]
try {
  await withMigrationLock(
    url,
    async () => {
      const results = await Promise.all(handles.map(h => prepareDatabase(h.handle.db, h.services, command === 'seed' ? profile : null)))
      for (const r of results.flat()) {
        console.log(
          `${r.service}: migrations ${r.migrated.join(', ') || 'none pending'}${r.seeded ? `, seeded ${profile}` : ''} (${r.ms} ms)`,
        )
      }
    },
    { onWait: () => console.log('another migration run holds the lock: waiting for it to finish') },
  )
} catch (err) {
  console.error(err instanceof Error ? err.message : err)
  process.exitCode = 1
} finally {
  await Promise.all(handles.map(h => h.handle.close()))
}
