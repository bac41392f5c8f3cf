/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] }
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never }
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core'
export type Effect = 'ALLOW' | 'DENY'

export type AdminConflictLogQueryVariables = Exact<{ [key: string]: never }>

export type AdminConflictLogQuery = {
  policy: { version: number }
  auditLog: Array<{ id: number; at: string; actor: string; action: string; payload: string }>
}

export type AdminPolicyQueryVariables = Exact<{ [key: string]: never }>

export type AdminPolicyQuery = {
  policy: {
    version: number
    roles: Array<{
      name: string
      description: string
      scopes: Array<string>
      aggregateOnly: boolean
      admin: boolean
      validFrom: string | null
      validUntil: string | null
    }>
    grants: Array<{ role: string; coordinate: string; effect: Effect; validUntil: string | null }>
    rowRules: Array<{ role: string; coordinate: string; condition: string }>
  }
}

export const AdminConflictLogDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'AdminConflictLog' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'policy' },
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'version' } }] },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'auditLog' },
            arguments: [{ kind: 'Argument', name: { kind: 'Name', value: 'limit' }, value: { kind: 'IntValue', value: '200' } }],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'at' } },
                { kind: 'Field', name: { kind: 'Name', value: 'actor' } },
                { kind: 'Field', name: { kind: 'Name', value: 'action' } },
                { kind: 'Field', name: { kind: 'Name', value: 'payload' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AdminConflictLogQuery, AdminConflictLogQueryVariables>
export const AdminPolicyDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'AdminPolicy' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'policy' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'version' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'roles' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'description' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'scopes' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'aggregateOnly' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'admin' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'validFrom' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'validUntil' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'grants' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'coordinate' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'effect' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'validUntil' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'rowRules' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'coordinate' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'condition' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AdminPolicyQuery, AdminPolicyQueryVariables>
