import { describe, expect, it } from 'vitest'
import { ApolloServer } from '@apollo/server'
import { buildSchema } from 'graphql'
import { createDenialLogPlugin } from './denial-log-plugin.js'

// The projection of a caller that may not see `Accommodation.operator`.
const projected = buildSchema('type Query { accommodations: [Accommodation] } type Accommodation { id: ID }')
const known = new Map([
  ['Accommodation.id', ['asylum']],
  ['Accommodation.operator', ['asylum']],
])

describe('denial log', () => {
  it('logs a hidden field with roles and policy version, but not a typo', async () => {
    const lines: string[] = []
    const server = new ApolloServer<any>({
      schema: projected,
      plugins: [
        createDenialLogPlugin(
          () => known,
          l => lines.push(l),
        ),
      ],
    })
    await server.start()
    const contextValue = { principal: { roles: ['public'], department: null }, access: { policyVersion: 4 } }
    await server.executeOperation({ query: '{ accommodations { id operator } }' }, { contextValue })
    await server.executeOperation({ query: '{ accommodations { id operatorx } }' }, { contextValue })
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/authz\.denied op=[0-9a-f]{16} roles=public department=- policy=4 coordinates=Accommodation\.operator$/)
    await server.stop()
  })
})
