import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { deployDepartments, fillTemplate, renderDeployFiles } from './deploy-config.js'

const ROOT = fileURLToPath(new URL('../', import.meta.url))

describe('deployment files generated from the departments', () => {
  it('docker-compose.yml and docker/postgres-init.sh are what `npm run deploy:generate` writes', async () => {
    const departments = await deployDepartments()
    expect(departments.map(d => d.name)).toContain('catalog')
    for (const [path, text] of renderDeployFiles(departments)) {
      expect(readFileSync(join(ROOT, path), 'utf8'), `${path} is stale: run \`npm run deploy:generate\``).toBe(text)
    }
  })

  it('ignores STADTGRAPH_SERVICES: a run may be restricted, the deployment is every department', async () => {
    const before = process.env.STADTGRAPH_SERVICES
    process.env.STADTGRAPH_SERVICES = 'geo'
    try {
      expect((await deployDepartments()).length).toBeGreaterThan(1)
    } finally {
      if (before === undefined) delete process.env.STADTGRAPH_SERVICES
      else process.env.STADTGRAPH_SERVICES = before
    }
  })

  it('gives a department its container, password, role, schema, gateway URL and dependency', () => {
    const files = renderDeployFiles([
      { name: 'geo', dbSchema: 'geo', defaultPort: 4001 },
      { name: 'street_cleaning', dbSchema: 'street_cleaning', defaultPort: 4011 },
    ])
    const compose = files.get('docker-compose.yml')!
    expect(compose).toContain('SUBGRAPH_URLS: geo=http://geo:4001/graphql,street_cleaning=http://street_cleaning:4011/graphql\n')
    expect(compose).toContain('    street_cleaning: { condition: service_healthy }\n')
    expect(compose).toContain('      STREET_CLEANING_DB_PASSWORD: ${STREET_CLEANING_DB_PASSWORD:-street-cleaning-dev-password}\n')
    expect(compose).toContain(
      '  street_cleaning:\n    <<: *department\n' +
        '    command: ["node", "--enable-source-maps", ".data/departments/street_cleaning.js"]\n',
    )
    expect(compose).toContain(
      '      DATABASE_URL: postgres://street_cleaning:${STREET_CLEANING_DB_PASSWORD:-street-cleaning-dev-password}' +
        '@postgres:5432/stadtgraph\n      PORT: "4011"\n',
    )
    expect(compose).not.toMatch(/\{\{/)
    const init = files.get('docker/postgres-init.sh')!
    expect(init).toContain("  create role street_cleaning login password '${STREET_CLEANING_DB_PASSWORD}';\n")
    expect(init).toContain('  create schema street_cleaning authorization street_cleaning;\n')
    expect(init.startsWith('#!/bin/sh\n')).toBe(true)
  })

  it('refuses names it could not write unquoted', () => {
    expect(() => renderDeployFiles([{ name: 'geo; drop', dbSchema: 'geo', defaultPort: 4001 }])).toThrow(/lowercase words/)
  })

  it('fills a template: lines indented as their placeholder, values within a line, nothing unknown or left over', () => {
    expect(fillTemplate('a:\n  {{list}}\nb: {{one}}\n', { list: ['x', '', 'y'], one: '1' })).toBe('a:\n  x\n\n  y\nb: 1\n')
    expect(() => fillTemplate('{{nope}}', {})).toThrow(/unknown placeholder/)
    expect(() => fillTemplate('x', { list: [] })).toThrow(/lacks placeholder/)
    expect(() => fillTemplate('a {{list}}', { list: ['x'] })).toThrow(/line of its own/)
  })
})
