import { createDb } from '../platform/db/create-db.js'
import { readPreparedStatements } from '../platform/db/prepared-statements.js'
import { prepareDatabase } from '../lib/service/prepare-database.js'
import { loadServices } from '../lib/service/discover-services.js'
import { SEED_PROFILES, type SeedProfile } from '../platform/city.js'

// npm run db:migrate [-- --service geo]            migrate departments' schemas on DATABASE_URL
// npm run db:seed [-- --service geo] [--profile small]  migrate, then seed those not yet seeded
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
  console.error('usage: db.ts migrate|seed [--service NAME] [--profile tiny|small|large]')
  process.exit(2)
}
const profile = (arg('profile') ?? process.env.SEED_PROFILE ?? 'small') as SeedProfile
if (!SEED_PROFILES.includes(profile)) {
  console.error(`--profile must be one of ${SEED_PROFILES.join(', ')}`)
  process.exit(2)
}
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
const handle = createDb(url, { max: 2, preparedStatements })
try {
  for (const r of await prepareDatabase(handle.db, services, command === 'seed' ? profile : null)) {
    console.log(`${r.service}: migrations ${r.migrated.join(', ') || 'none pending'}${r.seeded ? `, seeded ${profile}` : ''} (${r.ms} ms)`)
  }
} catch (err) {
  console.error(err instanceof Error ? err.message : err)
  process.exitCode = 1
} finally {
  await handle.close()
}
