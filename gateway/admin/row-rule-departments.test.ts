import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createInternalTokenSigner } from '../../auth/internal/internal-token.js'
import { createRowRuleDepartments } from './row-rule-departments.js'

// The declared row-rule targets are asked of the departments once per supergraph: a department
// (an HTTP server answering /row-rules like lib/service/row-rule-route.ts) counts the questions.

let server: Server
let url: string
let asked = 0
let answering = true

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url !== '/row-rules' || !req.headers['x-stadtgraph-internal']) {
      res.writeHead(404).end()
      return
    }
    asked++
    if (!answering) {
      res.writeHead(503).end()
      return
    }
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ targets: [{ coordinate: 'AllocationRecord', field: 'Query.allocationRecords', columns: ['route'] }] }))
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`
})
afterAll(() => new Promise<void>(resolve => server.close(() => resolve())))
beforeEach(() => {
  asked = 0
  answering = true
})

const signer = createInternalTokenSigner('a-test-secret-of-at-least-32-characters!')

function departments() {
  let hash = 'a1'
  const rowRules = createRowRuleDepartments({ subgraphs: () => [{ name: 'asylum', url }], supergraphHash: () => hash, signer })
  return { rowRules, reload: (next: string) => (hash = next) }
}

describe('row-rule targets', () => {
  it('are asked once per supergraph: a second call does not ask the department again, a new supergraph does', async () => {
    const { rowRules, reload } = departments()
    const first = await rowRules.targets()
    expect(first).toEqual({
      targets: [{ department: 'asylum', coordinate: 'AllocationRecord', field: 'Query.allocationRecords', columns: ['route'] }],
      unreachable: [],
    })
    // A caller changing its copy changes nothing for the next one.
    first.targets[0].columns.push('religion')
    expect(await rowRules.targets()).toEqual({ ...first, targets: [{ ...first.targets[0], columns: ['route'] }] })
    expect(asked).toBe(1)
    reload('b2')
    await rowRules.targets()
    await rowRules.targets()
    expect(asked).toBe(2)
  })

  it('concurrent calls share one question', async () => {
    const { rowRules } = departments()
    await Promise.all([rowRules.targets(), rowRules.targets(), rowRules.targets()])
    expect(asked).toBe(1)
  })

  it('a department that did not answer is asked again on the next call', async () => {
    const { rowRules } = departments()
    answering = false
    expect(await rowRules.targets()).toEqual({ targets: [], unreachable: ['asylum'] })
    answering = true
    expect((await rowRules.targets()).unreachable).toEqual([])
    expect(asked).toBe(2)
    await rowRules.targets()
    expect(asked).toBe(2)
  })
})
