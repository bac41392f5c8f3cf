import { execFile } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { DEFAULT_ROLES } from '../../auth/policy/store/default-roles.js'
import { createDb } from '../../platform/db/create-db.js'
import { prepareDatabase } from '../../lib/service/prepare-database.js'
import { loadServices } from '../../lib/service/discover-services.js'
import { renderDisclosureDocs } from '../../lib/service/render-disclosure-docs.js'
import { checkSchema, formatFinding } from '../../schema/check-schema.js'
import { deployDepartments, renderDeployFiles } from '../../scripts/deploy-config.js'
import { scaffoldService, ScaffoldError, type ScaffoldResult } from '../../scripts/scaffold-service.js'
import { copyServices, type ServicesCopy } from '../helpers/copy-services.js'
import { bearer, startCity, type RunningCity } from '../helpers/start-city.js'
import { graphql } from '../helpers/start-subgraphs.js'
import { createDatabase } from '../helpers/test-database.js'

// `npm run new:service` end to end, on a copy of the departments (the real services/ stays untouched):
// the scaffold composes with every department, passes its own tests, serves through the gateway, and
// is invisible to every default role until an administrator grants its scope — without a restart. Nothing
// outside its folder needs an edit: what is derived from the departments (supergraph, docker-compose.yml,
// docker/postgres-init.sh, docs/disclosure.md) the scaffold writes again, and the tests list departments by
// loadServices().

const REPO = fileURLToPath(new URL('../../', import.meta.url))
/** A name no real department will take, with an underscore to exercise the name conversions. */
const NAME = 'demo_parks'
let copy: ServicesCopy
let scaffold: ScaffoldResult
let database: Awaited<ReturnType<typeof createDatabase>>
let city: RunningCity

beforeAll(async () => {
  copy = copyServices()
  scaffold = await scaffoldService({
    name: NAME,
    owner: 'Referat Grünflächen',
    servicesDir: copy.servicesDir,
    supergraphPath: copy.supergraphPath,
    deployRoot: copy.root,
    disclosureDocsPath: join(copy.root, 'docs/disclosure.md'),
  })
  // Its own database: the shared city database is read-only for tests and knows nothing of the new department.
  database = await createDatabase(inject('adminUrl'), 'sg_new_service')
  const handle = createDb(database.url)
  try {
    await prepareDatabase(
      handle.db,
      (await loadServices(copy.servicesDir)).filter(s => ['geo', NAME].includes(s.name)),
      'tiny',
    )
  } finally {
    await handle.close()
  }
  city = await startCity(database.url, { servicesDir: copy.servicesDir, only: ['geo', NAME], replicaId: 'new-service' })
})
afterAll(async () => {
  await city?.stop()
  await database?.drop()
  copy?.remove()
})

const QUERY =
  '{ district(code: "05") { name demoParksFigure(year: 2025) { value provenance { ownerDepartment } } } demoParksFigures(year: 2025) { districtCode } }'
const admin = (query: string, variables?: Record<string, unknown>) =>
  graphql(city.gateway.url.replace(/\/graphql$/, '/admin/graphql'), query, variables, bearer('admin', { sub: 'admin-a' }))

describe('npm run new:service', () => {
  it('writes the department folder with a free port and composes it into the supergraph', () => {
    const taken = defaultPorts()
    let free = 4001
    while (taken.includes(free)) free++
    expect(scaffold.port).toBe(free)
    for (const file of [
      'schema.graphql',
      'db.ts',
      'migrations/0001-init.ts',
      'migrations/index.ts',
      'seed.ts',
      'demo/figures.ts',
      'disclosure.ts',
      'loaders.ts',
      'mappers.ts',
      'generated/resolvers.ts',
      'resolvers.ts',
      'server.ts',
      'index.ts',
      `${NAME}.test.ts`,
      'README.md',
    ]) {
      expect(existsSync(join(copy.servicesDir, NAME, file)), file).toBe(true)
    }
    expect(readFileSync(join(copy.servicesDir, NAME, 'README.md'), 'utf8')).toMatch(/Owner: \*\*Referat Grünflächen\*\*/)
    expect(readFileSync(copy.supergraphPath, 'utf8')).toContain(
      `@join__graph(name: "${NAME}", url: "http://localhost:${scaffold.port}/graphql")`,
    )
  })

  it("writes the deployment files and the disclosure list again: its container, role, schema and gateway URL, and its count's guarantee", async () => {
    const departments = await deployDepartments(copy.servicesDir)
    expect(departments.map(d => d.name)).toContain(NAME)
    for (const [path, text] of renderDeployFiles(departments)) {
      expect(readFileSync(join(copy.root, path), 'utf8'), `${path} as \`npm run deploy:generate\` writes it`).toBe(text)
    }
    const compose = readFileSync(join(copy.root, 'docker-compose.yml'), 'utf8')
    expect(compose).toContain(
      `  ${NAME}:\n    <<: *department\n    command: ["node", "--enable-source-maps", ".data/departments/${NAME}.js"]\n`,
    )
    expect(compose).toContain(`PORT: "${scaffold.port}"`)
    expect(compose).toMatch(new RegExp(`SUBGRAPH_URLS: \\S*,${NAME}=http://${NAME}:${scaffold.port}/graphql`))
    expect(compose).toContain(`    ${NAME}: { condition: service_healthy }\n`)
    // The real departments keep every line they had: the new one only adds lines (and its URL).
    const before = readFileSync(join(REPO, 'docker-compose.yml'), 'utf8')
      .split('\n')
      .filter(l => !l.includes('SUBGRAPH_URLS'))
    const after = new Set(compose.split('\n'))
    expect(before.filter(l => !after.has(l))).toEqual([])
    // …and in the Kubernetes manifests: its Deployment, its database role.
    expect(readFileSync(join(copy.root, 'deploy/kubernetes/base/departments.yaml'), 'utf8')).toContain(`.data/departments/${NAME}.js`)
    expect(readFileSync(join(copy.root, 'deploy/kubernetes/base/database.yaml'), 'utf8')).toContain(`- name: ${NAME}\n`)
    const init = readFileSync(join(copy.root, 'docker/postgres-init.sh'), 'utf8')
    expect(init).toContain(`create role ${NAME} login password '\${DEMO_PARKS_DB_PASSWORD}';`)
    expect(init).toContain(`create schema ${NAME} authorization ${NAME};`)
    const docs = readFileSync(join(copy.root, 'docs/disclosure.md'), 'utf8')
    expect(docs).toBe(renderDisclosureDocs(await loadServices(copy.servicesDir, null)))
    expect(docs).toContain('`DemoParksFigure.records`')
    expect(scaffold.derived.sort()).toEqual(
      [
        copy.supergraphPath,
        join(copy.root, 'docker-compose.yml'),
        join(copy.root, 'docker/postgres-init.sh'),
        join(copy.root, 'docs/disclosure.md'),
        ...[...renderDeployFiles([])].map(([path]) => join(copy.root, path)).filter(p => p.includes('/deploy/kubernetes/')),
      ].sort(),
    )
  })

  it('is among the departments every test lists by loadServices()', async () => {
    expect((await loadServices(copy.servicesDir, null)).map(s => s.name)).toContain(NAME)
  })

  it('passes schema:check together with every department: no finding at all', async () => {
    const result = await checkSchema({ servicesDir: copy.servicesDir, supergraphPath: copy.supergraphPath })
    expect(result.findings.map(formatFinding)).toEqual([])
  })

  it('refuses bad names and taken ports before writing anything', async () => {
    const attempts: Array<[Parameters<typeof scaffoldService>[0], RegExp]> = [
      [{ name: 'Parks' }, /lowercase letters/],
      [{ name: NAME }, /already exists/],
      [{ name: 'internal' }, /reserved/],
      [{ name: 'edu' }, /Postgres schema/],
      [{ name: 'trees', port: 4001 }, /default port of department geo/],
      [{ name: 'trees', port: 80 }, /1024 to 65535/],
    ]
    for (const [opts, message] of attempts) {
      await expect(scaffoldService({ ...opts, servicesDir: copy.servicesDir, supergraphPath: copy.supergraphPath })).rejects.toThrow(
        ScaffoldError,
      )
      await expect(scaffoldService({ ...opts, servicesDir: copy.servicesDir, supergraphPath: copy.supergraphPath })).rejects.toThrow(
        message,
      )
    }
    expect(existsSync(join(copy.servicesDir, 'trees'))).toBe(false)
  })

  it('passes its own tests at once', async () => {
    const run = await new Promise<{ code: number | null; out: string }>(done => {
      execFile(
        process.execPath,
        [join(REPO, 'node_modules/vitest/vitest.mjs'), 'run', '--root', copy.root, `services/${NAME}/`],
        {
          cwd: copy.root,
          env: {
            ...process.env,
            TEST_DATABASE_URL: inject('adminUrl'),
            TEST_SEED_PROFILE: 'tiny',
            STADTGRAPH_SERVICES: 'geo',
            TEST_WEB_BUILD: 'off',
          },
        },
        (err, stdout, stderr) =>
          done({ code: err ? ((err as { code?: number }).code ?? 1) : 0, out: (stdout + stderr).replace(/\x1b\[[0-9;]*m/g, '') }),
      )
    })
    expect(run.out).toMatch(/Tests\s+3 passed/)
    expect(run.code, run.out).toBe(0)
  }, 180_000)

  it('typechecks', async () => {
    // Only the new folder (with what it imports) and the test context types; the project's own tsconfig otherwise.
    writeFileSync(
      join(copy.root, 'tsconfig.scaffold.json'),
      JSON.stringify({ extends: './tsconfig.json', include: [`services/${NAME}`, 'test/global-setup.ts'] }),
    )
    const run = await new Promise<{ code: number | null; out: string }>(done => {
      execFile(
        process.execPath,
        [join(REPO, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', 'tsconfig.scaffold.json'],
        { cwd: copy.root },
        (err, stdout, stderr) => done({ code: err ? ((err as { code?: number }).code ?? 1) : 0, out: stdout + stderr }),
      )
    })
    expect(run.out).toBe('')
    expect(run.code).toBe(0)
  }, 180_000)

  it('is invisible to every default role until an administrator grants its scope, then appears without a restart', async () => {
    for (const role of DEFAULT_ROLES.map(r => r.name)) {
      const res =
        role === 'public' ? await city.query(QUERY) : await city.queryAs(role, QUERY, undefined, { department: NAME, purpose: 'Prüfung' })
      expect(res.data, role).toBeUndefined()
      expect(res.errors?.[0].extensions?.code, role).toBe('GRAPHQL_VALIDATION_FAILED')
      expect(res.errors?.map(e => e.message).join(' '), role).toMatch(/Cannot query field "(demoParksFigure|demoParksFigures|district)"/)
    }

    const policy = (await admin('{ policy { version roles { name description scopes aggregateOnly admin } } }')).data.policy
    const controlling = policy.roles.find((r: { name: string }) => r.name === 'controlling')
    const res = await admin('mutation ($input: RoleInput!, $v: Int!) { upsertRole(input: $input, expectedVersion: $v) }', {
      input: { ...controlling, scopes: [...controlling.scopes, `${NAME}:preview`] },
      v: policy.version,
    })
    expect(res.errors).toBeUndefined()
    const deadline = Date.now() + 5_000
    while (city.gateway.policyVersion() < res.data.upsertRole && Date.now() < deadline) await new Promise(r => setTimeout(r, 20))

    const granted = await city.queryAs('controlling', QUERY)
    expect(granted.errors).toBeUndefined()
    expect(granted.data.district.name).toBeTruthy()
    expect(granted.data.district.demoParksFigure.provenance).toEqual({ ownerDepartment: 'Referat Grünflächen' })
    expect(typeof granted.data.district.demoParksFigure.value).toBe('number')
    expect(granted.data.demoParksFigures).toHaveLength(18)
    // Only the role that was granted: leadership holds `internal` too, and still sees nothing of the new department.
    expect((await city.queryAs('leadership', QUERY)).errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED')
  })
})

/** Default ports of the real departments (the copy's, before the scaffold). */
function defaultPorts(): number[] {
  return [...readFileSync(join(REPO, 'schema/supergraph.graphql'), 'utf8').matchAll(/url: "http:\/\/localhost:(\d+)\/graphql"/g)].map(m =>
    Number(m[1]),
  )
}
