import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { isAbsolute, join, relative, resolve } from 'node:path'
import { createDb } from '../platform/db/create-db.js'
import { freePort, startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../platform/db/embedded-postgres.js'
import { prepareDatabase } from '../lib/service/prepare-database.js'
import { loadServices, SERVICES_DIR } from '../lib/service/discover-services.js'
import { buildDepartments } from '../lib/service/build-departments.js'
import { createProcessSupervisor, type ProcessSupervisor } from '../lib/service/process-supervisor.js'
import { SEED_PROFILES, type SeedProfile } from '../platform/city.js'
import type { Gateway } from '../gateway/gateway.js'
import type { IdentityConfig } from '../auth/identity/identity-config.js'
import { buildWebInBackground, type WebBuildResult } from './build-web.js'

// `npm start`: the whole city on one machine. Without DATABASE_URL an embedded PostgreSQL runs from
// .data/postgres; every department runs as its own process, restarted when it exits (see
// lib/service/process-supervisor.ts); the gateway serves the composed graph. DATA_DIR moves .data
// elsewhere; DEPARTMENT_PORTS=auto gives the departments free ports instead of their default ones.
const t0 = performance.now()
const ROOT = fileURLToPath(new URL('..', import.meta.url))
const DATA_DIR = resolve(ROOT, process.env.DATA_DIR || '.data')
if (relative(ROOT, DATA_DIR).startsWith('..') || isAbsolute(relative(ROOT, DATA_DIR))) {
  console.error(
    `DATA_DIR must be a folder inside ${ROOT} (the departments built into it load their packages from its node_modules), got "${process.env.DATA_DIR}"`,
  )
  process.exit(2)
}
const profile = (process.env.SEED_PROFILE ?? 'small') as SeedProfile
if (!SEED_PROFILES.includes(profile)) {
  console.error(`SEED_PROFILE must be one of ${SEED_PROFILES.join(', ')}, got "${profile}"`)
  process.exit(2)
}
const departmentPorts = process.env.DEPARTMENT_PORTS ?? 'default'
if (departmentPorts !== 'default' && departmentPorts !== 'auto') {
  console.error(`DEPARTMENT_PORTS must be default or auto, got "${departmentPorts}"`)
  process.exit(2)
}

let embedded: EmbeddedPostgresHandle | null = null
const departments: ProcessSupervisor[] = []
let gateway: Gateway | null = null
let closeDeps: (() => Promise<void>) | null = null
let stopping = false

async function shutdown(code: number) {
  if (stopping) return
  stopping = true
  // The gateway first: its requests in flight still need the departments. Then the departments
  // (each drains and closes its pool; SIGKILL past 15 s), then the database they used.
  await gateway?.close().catch(() => {})
  await closeDeps?.().catch(() => {})
  await Promise.all(departments.map(d => d.stop()))
  await embedded?.stop().catch(() => {})
  process.exit(code)
}
// `on`, not `once`: a second signal (tsx relays one, a terminal sends one to the group) must not
// kill the process half-way through stopping the database.
process.on('SIGINT', () => void shutdown(0))
process.on('SIGTERM', () => void shutdown(0))

/** Development tokens, one per default role (12 h), so a newcomer can try every role at once. */
function devTokens(identity: IdentityConfig, { DEFAULT_ROLES, signDevToken }: Awaited<typeof gatewayModules>): string {
  const lines = DEFAULT_ROLES.map(r => {
    const department = r.scopes.some(s => s.startsWith('{department}')) ? 'asylum' : undefined
    const token = signDevToken(identity, { roles: [r.name], department, sub: `dev-${r.name}`, ttlSeconds: 12 * 3600 })
    return `  ${(r.name + (department ? ` (${department})` : '')).padEnd(26)} ${token}`
  })
  return `\nDevelopment tokens (send as  Authorization: Bearer <token>; no token = role public):\n${lines.join('\n')}\n`
}

/**
 * The composition and the gateway's modules, loaded while the database starts: the first start
 * spends seconds in initdb and the seeds, which leave this process's thread free.
 */
async function loadGatewayModules() {
  const [compose, config, gateway, deps, identity, devToken, roles] = await Promise.all([
    import('../schema/compose.js'),
    import('../gateway/config.js'),
    import('../gateway/gateway.js'),
    import('../gateway/create-gateway-deps.js'),
    import('../auth/identity/identity-config.js'),
    import('../auth/identity/dev-token.js'),
    import('../auth/policy/store/default-roles.js'),
  ])
  return {
    composeSupergraph: compose.composeSupergraph,
    readGatewayConfig: config.readGatewayConfig,
    createGateway: gateway.createGateway,
    createGatewayDeps: deps.createGatewayDeps,
    readIdentityConfig: identity.readIdentityConfig,
    signDevToken: devToken.signDevToken,
    DEFAULT_ROLES: roles.DEFAULT_ROLES,
  }
}
let gatewayModules!: ReturnType<typeof loadGatewayModules>

try {
  // The web app is built (only when its sources changed) in a child process while the database starts.
  const web: Promise<WebBuildResult | Error> = buildWebInBackground({ log: line => console.log(`[start] ${line}`) }).then(
    result => {
      if (result.status === 'built') console.log(`[start] web app built in ${(result.ms / 1000).toFixed(1)} s`)
      return result
    },
    (err: Error) => {
      console.error(`[start] ${err.message}\n[start] the gateway serves the last built web app, or GraphiQL at / if there is none`)
      return err
    },
  )
  let databaseUrl = process.env.DATABASE_URL
  let starting: Promise<EmbeddedPostgresHandle> | null = null
  if (!databaseUrl) {
    mkdirSync(DATA_DIR, { recursive: true })
    starting = startEmbeddedPostgres({
      dir: join(DATA_DIR, 'postgres'),
      port: Number(process.env.EMBEDDED_PG_PORT ?? 0) || (await freePort()),
    })
    starting.then(
      e => {
        embedded = e
      },
      () => {},
    )
  }
  gatewayModules = loadGatewayModules()
  gatewayModules.catch(() => {}) // awaited below; a failure is reported there
  const services = await loadServices()
  // Departments run as plain ES modules built from their sources for this start (see
  // lib/service/build-departments.ts); should the build fail, they run from source through tsx.
  const built = buildDepartments(
    services.map(s => s.name),
    join(DATA_DIR, 'departments'),
  ).catch(err => {
    console.error(`[start] ${err instanceof Error ? err.message : String(err)}; the departments run from source`)
    return null
  })
  if (starting) {
    embedded = await starting
    databaseUrl = embedded.url('postgres')
    console.log(
      `[start] embedded PostgreSQL on port ${embedded.port} (data in ${relative(ROOT, embedded.dataDir).startsWith('..') ? embedded.dataDir : relative(ROOT, embedded.dataDir)}; up after ${Math.round(performance.now() - t0)} ms)`,
    )
  }
  const url = databaseUrl!

  // Gateway and departments share a secret for the internal identity tokens of this run.
  const internalTokenSecret = process.env.INTERNAL_TOKEN_SECRET ?? randomBytes(32).toString('hex')
  // A department keeps its port across restarts: the composed graph names it.
  const ports: Record<string, number> = {}
  for (const s of services) ports[s.name] = departmentPorts === 'auto' ? await freePort() : s.defaultPort
  const urls: Record<string, string> = Object.fromEntries(services.map(s => [s.name, `http://127.0.0.1:${ports[s.name]}/graphql`]))
  const entries = await built
  const spawnDepartment = (name: string) => {
    const s = services.find(d => d.name === name)!
    const args = entries?.[s.name] ? ['--enable-source-maps', entries[s.name]] : ['--import', 'tsx', join(SERVICES_DIR, s.name, 'index.ts')]
    // A department that exits (crash, kill -9) is started again, with a delay doubling from 0.5 s to
    // 30 s while it keeps failing; meanwhile the gateway answers its fields with SUBGRAPH_UNAVAILABLE.
    const supervisor = createProcessSupervisor({
      name: s.name,
      log: line => console.error(`[start] ${line}`),
      spawn: () =>
        spawn(process.execPath, args, {
          env: {
            ...process.env,
            DATABASE_URL: url,
            PORT: String(ports[s.name]),
            DB_POOL_MAX: process.env.DB_POOL_MAX ?? '8',
            INTERNAL_TOKEN_SECRET: internalTokenSecret,
          },
          stdio: ['ignore', 'inherit', 'inherit'],
        }),
      onStart: child => console.log(`[start] ${s.name} started (pid ${child.pid})`),
      // Ctrl-C reaches the departments too; their exit while the city stops is no crash.
      shouldRestart: () => !stopping,
    })
    departments.push(supervisor)
    supervisor.start()
  }

  // Composition and the gateway's policy store (a schema of its own) are made ready meanwhile.
  const gatewayParts = gatewayModules.then(async m => {
    const supergraphPath = join(DATA_DIR, 'supergraph.graphql')
    mkdirSync(DATA_DIR, { recursive: true })
    writeFileSync(supergraphPath, m.composeSupergraph(services.map(s => ({ name: s.name, url: urls[s.name], typeDefs: s.typeDefs }))))
    const config = m.readGatewayConfig(['--supergraph', supergraphPath], {
      ...process.env,
      DATABASE_URL: url,
      INTERNAL_TOKEN_SECRET: internalTokenSecret,
    })
    const identity = m.readIdentityConfig()
    const deps = await m.createGatewayDeps(config, identity)
    closeDeps = deps.close
    return { config, identity, deps }
  })
  gatewayParts.catch(() => {}) // awaited below; a failure is reported there

  // Each department's process starts as soon as its own schema is migrated and seeded (its start-up
  // overlaps the other seeds), so a department never serves before its data is committed. The
  // gateway, which alone holds this run's internal-token secret, is created only after every
  // department is prepared: no request reaches a department before all seeds are in (the catalog
  // reads the other departments' dataset tables).
  const handle = createDb(url, { max: services.length })
  try {
    await prepareDatabase(handle.db, services, profile, {
      onPrepared: r => {
        const what =
          [r.migrated.length ? `migrated ${r.migrated.join(', ')}` : '', r.seeded ? `seeded ${profile}` : ''].filter(Boolean).join(', ') ||
          'up to date'
        console.log(`[start] ${r.service}: ${what} (${r.ms} ms)`)
        if (!stopping) spawnDepartment(r.service)
      },
    })
  } finally {
    await handle.close()
  }
  const { config: gatewayConfig, identity, deps } = await gatewayParts
  gateway = await (await gatewayModules).createGateway(gatewayConfig, deps)

  const readyUrl = gateway.url.replace(/\/graphql$/, '/readyz')
  for (let i = 0; i < 300; i++) {
    const ok = await fetch(readyUrl).then(
      r => r.ok,
      () => false,
    )
    if (ok) break
    if (i === 299) throw new Error('subgraphs did not become ready within 60 s')
    await new Promise(r => setTimeout(r, 200))
  }
  const base = gateway.url.replace(/\/graphql$/, '')
  const webBuild = await web
  const webLine =
    webBuild instanceof Error
      ? '(not built: see the error above)'
      : webBuild.status === 'no-app'
        ? '(no web/ folder: / serves GraphiQL)'
        : '(open in a browser)'
  console.log(`
Stadtgraph is ready in ${((performance.now() - t0) / 1000).toFixed(1)} s

  Dashboards        ${base}/   ${webLine}
  GraphQL endpoint  ${gateway.url}
  GraphiQL          ${base}/graphiql
  Health            ${base}/healthz   Ready ${base}/readyz
  Departments       ${services.map(s => `${s.name} ${urls[s.name]}`).join('\n                    ')}

Try:  curl -s ${gateway.url} -H 'content-type: application/json' \\
        -d '{"query":"{ district(code: \\"05\\") { name population(year: 2025) { total { value } } } }"}'
${identity.production ? '' : devTokens(identity, await gatewayModules)}`)
} catch (err) {
  console.error(`[start] ${err instanceof Error ? err.message : String(err)}`)
  await shutdown(1)
}
