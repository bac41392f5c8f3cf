import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { buildDepartments, buildGateway, DepartmentBuildError } from './build-departments.js'
import { graphql, internalHeaders, TEST_INTERNAL_SECRET } from '../../test/helpers/start-subgraphs.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
// Inside the project, as `npm start` builds them: the built files find the packages in node_modules.
const OUT = join(ROOT, '.data', `build-test-${process.pid}`)
const children: ChildProcess[] = []

/**
 * Runs a built entry with plain node (no TypeScript loader) and returns the GraphQL URL it reports
 * (a department by default: on the city database, any port).
 */
async function runBuilt(
  entry: string,
  args: string[] = [],
  env: Record<string, string> = { DATABASE_URL: inject('cityDatabaseUrl'), PORT: '0', CACHE: 'off' },
  ready = /subgraph ready at (http:\/\/\S+\/graphql)/,
): Promise<string> {
  const child = spawn(process.execPath, [entry, ...args], {
    env: { ...process.env, INTERNAL_TOKEN_SECRET: TEST_INTERNAL_SECRET, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  return new Promise((resolve, reject) => {
    let out = ''
    const onData = (chunk: Buffer) => {
      out += chunk
      const m = ready.exec(out)
      if (m) resolve(m[1])
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.once('exit', code => reject(new Error(`${entry} exited (${code}): ${out}`)))
  })
}

/** Stops every process `runBuilt` started. */
async function stopChildren(): Promise<void> {
  await Promise.all(
    children
      .splice(0)
      .map(c => new Promise(r => (c.exitCode !== null || c.signalCode !== null ? r(null) : (c.once('exit', r), c.kill('SIGTERM'))))),
  )
}

describe('buildDepartments', () => {
  let entries: Record<string, string>
  beforeAll(async () => {
    entries = await buildDepartments(['geo', 'catalog'], OUT)
  })
  afterAll(async () => {
    await stopChildren()
    rmSync(OUT, { recursive: true, force: true })
  })

  it('builds one entry per department that runs with plain node and answers from the database', async () => {
    expect(Object.keys(entries)).toEqual(['geo', 'catalog'])
    const url = await runBuilt(entries.geo)
    const body = await graphql(url, '{ districts { code } }', undefined, internalHeaders('geo'))
    expect(body.errors).toBeUndefined()
    expect(body.data.districts.length).toBeGreaterThan(0)
  })

  it("keeps each source file's own location: the catalog reads its schema files next to its sources", async () => {
    const url = await runBuilt(entries.catalog)
    const body = await graphql(url, '{ _service { sdl } }', undefined, internalHeaders('catalog'))
    expect(body.errors).toBeUndefined()
    const firstType = /type \w+/.exec(readFileSync(join(ROOT, 'services/catalog/schema.graphql'), 'utf8'))![0]
    expect(body.data._service.sdl).toContain(firstType)
  })

  it('reports a department that cannot be built with a clear error', async () => {
    const failure = buildDepartments(['no-such-department'], `${OUT}-failing`)
    await expect(failure).rejects.toBeInstanceOf(DepartmentBuildError)
    await expect(failure).rejects.toThrow(/^cannot build the departments: .*no-such-department/)
    rmSync(`${OUT}-failing`, { recursive: true, force: true })
  })
})

describe('buildGateway', () => {
  const OUT_GATEWAY = join(ROOT, '.data', `build-test-gateway-${process.pid}`)
  afterAll(async () => {
    await stopChildren()
    rmSync(OUT_GATEWAY, { recursive: true, force: true })
  })

  it("builds a gateway that runs with plain node: it serves GraphQL and its GraphiQL files from the sources' places", async () => {
    const entry = await buildGateway(OUT_GATEWAY)
    expect(entry).toBe(join(OUT_GATEWAY, 'gateway.js'))
    // No policy database: the default roles apply (an anonymous caller may ask for the type name).
    const url = await runBuilt(
      entry,
      ['--supergraph', join(ROOT, 'schema', 'supergraph.graphql'), '--port', '0', '--no-watch'],
      { DATABASE_URL: '' },
      /serving \S+ at (http:\/\/\S+\/graphql)/,
    )
    const body = await graphql(url, '{ __typename }')
    expect(body.errors).toBeUndefined()
    expect(body.data).toEqual({ __typename: 'Query' })
    const css = await fetch(new URL('/graphiql/assets/graphiql.css', url))
    expect(css.status).toBe(200)
    expect((await css.text()).length).toBeGreaterThan(1000)
  })
})
