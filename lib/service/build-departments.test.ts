import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { buildDepartments, DepartmentBuildError } from './build-departments.js'
import { graphql, internalHeaders, TEST_INTERNAL_SECRET } from '../../test/helpers/start-subgraphs.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
// Inside the project, as `npm start` builds them: the built files find the packages in node_modules.
const OUT = join(ROOT, '.data', `build-test-${process.pid}`)
const children: ChildProcess[] = []

/** Runs a built department with plain node (no TypeScript loader) and returns its GraphQL URL. */
async function runBuilt(entry: string): Promise<string> {
  const child = spawn(process.execPath, [entry], {
    env: { ...process.env, DATABASE_URL: inject('cityDatabaseUrl'), PORT: '0', INTERNAL_TOKEN_SECRET: TEST_INTERNAL_SECRET, CACHE: 'off' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  return new Promise((resolve, reject) => {
    let out = ''
    const onData = (chunk: Buffer) => {
      out += chunk
      const m = /subgraph ready at (http:\/\/\S+\/graphql)/.exec(out)
      if (m) resolve(m[1])
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.once('exit', code => reject(new Error(`${entry} exited (${code}): ${out}`)))
  })
}

describe('buildDepartments', () => {
  let entries: Record<string, string>
  beforeAll(async () => {
    entries = await buildDepartments(['geo', 'catalog'], OUT)
  })
  afterAll(async () => {
    await Promise.all(children.map(c => new Promise(r => (c.exitCode !== null ? r(null) : (c.once('exit', r), c.kill('SIGTERM'))))))
    rmSync(OUT, { recursive: true, force: true })
  })

  it('builds one entry per department that runs with plain node and answers from the database', async () => {
    expect(Object.keys(entries)).toEqual(['geo', 'catalog'])
    const url = await runBuilt(entries.geo)
    const body = await graphql(url, '{ districts { code } }', undefined, internalHeaders('geo'))
    expect(body.errors).toBeUndefined()
    expect(body.data.districts.length).toBeGreaterThan(0)
  })

  it('keeps each source file\'s own location: the catalog reads its schema files next to its sources', async () => {
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
