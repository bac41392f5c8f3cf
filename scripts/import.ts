import { createReadStream, existsSync, mkdirSync, statSync } from 'node:fs'
import { userInfo } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { csvRows } from '../lib/data-entry/csv-rows.js'
import { DataEntryError } from '../lib/data-entry/data-entry-error.js'
import { CsvError } from '../lib/data-entry/parse-csv.js'
import { writeDataset } from '../lib/data-entry/write-dataset.js'
import { createDb } from '../platform/db/create-db.js'
import { readPreparedStatements } from '../platform/db/prepared-statements.js'
import { runningEmbeddedPostgres, startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../platform/db/embedded-postgres.js'
import { prepareDatabase } from '../lib/service/prepare-database.js'
import { loadService, serviceFolders } from '../lib/service/discover-services.js'
import { loadDatasets } from '../lib/service/load-datasets.js'
import { readCacheConfig } from '../lib/cache/cache-config.js'
import { createServiceCache, type ServiceCache } from '../lib/cache/create-service-cache.js'

// npm run import -- <department> <dataset> <file.csv> [--by <name>] [--key <clientKey>] [--dry-run]
// A CSV file into a department's dataset through the same declaration and validation as its
// GraphQL mutation: all or nothing, every rejected row reported (line, column, reason).
// DATABASE_URL, else the embedded database of `npm start` (running or not).
const USAGE = 'usage: npm run import -- <department> <dataset> <file.csv> [--by <name>] [--key <clientKey>] [--dry-run]'
const ROOT = fileURLToPath(new URL('..', import.meta.url))

const args = process.argv.slice(2)
const flags = new Map<string, string | true>()
const positional: string[] = []
for (let i = 0; i < args.length; i++) {
  const a = args[i]
  if (a === '--dry-run') flags.set('dry-run', true)
  else if (a === '--by' || a === '--key') {
    const v = args[++i]
    if (v === undefined || v.startsWith('--')) fail(`${a} needs a value\n${USAGE}`)
    flags.set(a.slice(2), v)
  } else if (a.startsWith('--')) fail(`unknown option ${a}\n${USAGE}`)
  else positional.push(a)
}
if (positional.length !== 3) fail(USAGE)
const [department, datasetName, file] = positional

function fail(message: string, code = 2): never {
  console.error(message)
  process.exit(code)
}

// Before any database is opened or started.
const preparedStatements = (() => {
  try {
    return readPreparedStatements(process.env)
  } catch (err) {
    return fail((err as Error).message)
  }
})()
if (!serviceFolders().includes(department)) fail(`no department "${department}" in services/ (${serviceFolders().join(', ')})`)
const datasets = await loadDatasets(department)
if (!Object.keys(datasets).length) fail(`department ${department} declares no datasets for data entry (services/${department}/datasets.ts)`)
const decl = Object.hasOwn(datasets, datasetName) ? datasets[datasetName] : undefined
if (!decl) fail(`department ${department} has no dataset "${datasetName}"; it has: ${Object.keys(datasets).join(', ')}`)
if (!existsSync(file) || !statSync(file).isFile()) fail(`no such file: ${file}`)

const by = (flags.get('by') as string | undefined) ?? process.env.USER ?? userInfo().username
const dryRun = flags.get('dry-run') === true

let embedded: EmbeddedPostgresHandle | null = null
let url = process.env.DATABASE_URL
if (!url) {
  const dir = join(ROOT, '.data', 'postgres')
  const running = runningEmbeddedPostgres(dir)
  if (running) url = running.url()
  else {
    // As `npm start` does: the parent folder readable by the server's user.
    mkdirSync(join(ROOT, '.data'), { recursive: true })
    try {
      embedded = await startEmbeddedPostgres({ dir })
    } catch (err) {
      fail(`cannot start the embedded database (set DATABASE_URL to use a server): ${err instanceof Error ? err.message : String(err)}`, 1)
    }
    url = embedded.url()
  }
}
const handle = createDb(url, { max: 2, applicationName: 'stadtgraph-import', preparedStatements })
let sharedCache: ServiceCache | null = null
try {
  const services = [await loadService(department)]
  // Migrations are idempotent; a database that was never set up gets the city seed `npm start` would give it.
  await prepareDatabase(handle.db, services, embedded ? ((process.env.SEED_PROFILE ?? 'small') as 'small') : null)
  const cacheConfig = readCacheConfig(process.env)
  if (cacheConfig.mode === 'redis') sharedCache = createServiceCache(department, cacheConfig)
  const t0 = performance.now()
  const csv = csvRows(decl, createReadStream(file, { encoding: 'utf8', highWaterMark: 256 * 1024 }))
  const receipt = await writeDataset(handle.db, decl, csv.rows, {
    writer: { subject: by, roles: [], department: decl.department, via: 'import' },
    clientKey: (flags.get('key') as string | undefined) ?? null,
    dryRun,
    decimalMark: csv.decimalMark,
    // Running departments hear of the import from the database (the kit notifies on commit, see
    // lib/cache/dataset-changes.ts); a shared Redis cache is also invalidated directly.
    ...(sharedCache ? { cache: sharedCache } : {}),
  })
  const ms = Math.round(performance.now() - t0)
  const format = `separator ${JSON.stringify(csv.delimiter() ?? ';')}, decimal ${csv.decimalMark()}`
  if (receipt.dryRun) console.log(`${decl.id}: ${receipt.rowCount} rows valid (${format}); dry run, nothing written (${ms} ms)`)
  else if (receipt.replayed)
    console.log(
      `${decl.id}: key ${receipt.clientKey} was imported before with the same file (${receipt.rowCount} rows, audit #${receipt.auditId}); nothing written`,
    )
  else {
    const acknowledged = Object.entries(receipt.acknowledged)
      .map(([rule, n]) => `; ${n} row${n === 1 ? '' : 's'} breaking ${rule} on purpose`)
      .join('')
    console.log(
      `${decl.id}: ${receipt.rowCount} rows written by ${by} (${format}); Stichtag ${receipt.stichtag}, audit #${receipt.auditId}${acknowledged} (${ms} ms)`,
    )
  }
} catch (err) {
  process.exitCode = 1
  if (err instanceof DataEntryError) {
    console.error(err.message)
    for (const p of err.problems) {
      const rule = p.rule ? ` (rule ${p.rule}: ${(p.columns ?? [p.column]).join(', ')})` : ''
      console.error(`  line ${p.row}${p.column ? `, column ${p.column}` : ''}${rule}: ${p.reason}`)
    }
  } else if (err instanceof CsvError) {
    console.error(`${decl.id}: broken CSV, ${err.message}; nothing was written`)
  } else {
    console.error(`${decl.id}: import failed, nothing was written: ${err instanceof Error ? err.message : String(err)}`)
  }
} finally {
  await sharedCache?.close()
  await handle.close()
  await embedded?.stop()
}
