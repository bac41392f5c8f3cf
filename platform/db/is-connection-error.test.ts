import { describe, expect, it } from 'vitest'
import { isConnectionError } from './is-connection-error.js'

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code })

describe('isConnectionError', () => {
  it('recognises a database that cannot be reached or was lost', () => {
    for (const err of [
      withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'),
      withCode('read ECONNRESET', 'ECONNRESET'),
      new Error('Connection terminated unexpectedly'),
      new Error('Connection terminated due to connection timeout'),
      new Error('timeout exceeded when trying to connect'),
      new Error('Query read timeout'),
      withCode('terminating connection due to administrator command', '57P01'),
      withCode('the database system is starting up', '57P03'),
      withCode('database "x" does not exist', '3D000'),
      withCode('connection failure', '08006'),
    ])
      expect(isConnectionError(err), err.message).toBe(true)
  })
  it('leaves errors of the statement itself alone', () => {
    for (const err of [
      withCode('duplicate key value violates unique constraint', '23505'),
      withCode('syntax error at or near "x"', '42601'),
      withCode('canceling statement due to statement timeout', '57014'),
      new Error('something else'),
      'Connection terminated',
      null,
    ])
      expect(isConnectionError(err)).toBe(false)
  })
})
