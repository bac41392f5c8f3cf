import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { buildSubgraphSchema } from '../subgraph/build-subgraph-schema.js'
import { loadServices } from './discover-services.js'
import { renderDisclosureDocs } from './render-disclosure-docs.js'
import { checkDisclosureCoverage } from './with-disclosure-control.js'

describe('stated disclosure guarantees of the departments', () => {
  it('every department states a guarantee for each of its count fields', async () => {
    for (const service of await loadServices()) {
      const schema = buildSubgraphSchema(service.typeDefs, service.resolvers).schema
      expect(() => checkDisclosureCoverage(service.name, schema, service.disclosure ?? {}), service.name).not.toThrow()
    }
  })

  it('docs/disclosure.md is what `npm run docs:disclosure` writes', async () => {
    const docs = readFileSync(new URL('../../docs/disclosure.md', import.meta.url), 'utf8')
    expect(docs, 'docs/disclosure.md is stale: run `npm run docs:disclosure`').toBe(renderDisclosureDocs(await loadServices()))
  })
})
