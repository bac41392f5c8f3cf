import { describe, expect, it } from 'vitest'
import { ApolloServer } from '@apollo/server'
import { buildSchema } from 'graphql'
import type { AccessLog } from '../../auth/audit/access-log.js'
import type { Requirements } from '../../auth/policy/types.js'
import { createPersonalDataPlugin } from './personal-data-plugin.js'

const schema = buildSchema(
  'type Query { residents: [Resident] districts: [District] } type Resident { id: ID name: String } type District { name: String }',
)
const personalName: Requirements = new Map([['Resident.name', [['personal']]]])
const nothingPersonal: Requirements = new Map()

function setup(requirements: () => Requirements) {
  const written: Array<{ coordinates: readonly string[] }> = []
  const log = { write: async (entry: { coordinates: readonly string[] }) => void written.push(entry) } as unknown as AccessLog
  const server = new ApolloServer<any>({ schema, plugins: [createPersonalDataPlugin(requirements, log)] })
  const ask = (query: string, purpose: string | null) =>
    server.executeOperation(
      { query },
      { contextValue: { principal: { subject: 's', roles: ['r'], department: null, purpose }, access: { policyVersion: 1 } } },
    )
  return { server, written, ask }
}

const errorCode = (res: Awaited<ReturnType<ReturnType<typeof setup>['ask']>>) =>
  res.body.kind === 'single' ? res.body.singleResult.errors?.[0]?.extensions?.code : undefined

describe('personal data plugin', () => {
  it('asks for a purpose and logs the access every time the same document is sent', async () => {
    const { server, written, ask } = setup(() => personalName)
    await server.start()
    for (let i = 0; i < 3; i++) expect(errorCode(await ask('{ residents { id name } }', null))).toBe('PURPOSE_REQUIRED')
    for (let i = 0; i < 3; i++) expect(errorCode(await ask('{ residents { id name } }', 'statistics'))).toBeUndefined()
    expect(written.map(w => w.coordinates)).toEqual([['Resident.name'], ['Resident.name'], ['Resident.name']])
    expect(errorCode(await ask('{ districts { name } residents { id } }', null))).toBeUndefined()
    await server.stop()
  })

  it('classifies against the requirements of the supergraph being served, not those of an earlier one', async () => {
    let requirements = nothingPersonal
    const { server, written, ask } = setup(() => requirements)
    await server.start()
    expect(errorCode(await ask('{ residents { name } }', null))).toBeUndefined()
    requirements = personalName
    expect(errorCode(await ask('{ residents { name } }', null))).toBe('PURPOSE_REQUIRED')
    expect(errorCode(await ask('{ residents { name } }', 'statistics'))).toBeUndefined()
    requirements = nothingPersonal
    expect(errorCode(await ask('{ residents { name } }', null))).toBeUndefined()
    expect(written).toHaveLength(1)
    await server.stop()
  })
})
