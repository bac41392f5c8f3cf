/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] }
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never }
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core'
/** OK: the chain links and every signed checkpoint vouches for it; BROKEN: an entry's link or hash does not match (brokenAt); BAD_SIGNATURE: a checkpoint does not verify over the chain as it is — an entry up to it was rewritten and the chain recomputed, or the checkpoint is forged (badSignatureAt); UNSIGNED: more entries after the newest checkpoint than writers leave unsigned (unsigned). */
export type AuditChainState = 'BAD_SIGNATURE' | 'BROKEN' | 'OK' | 'UNSIGNED'

export type Effect = 'ALLOW' | 'DENY'

export type GrantInput = {
  coordinate: string
  effect: Effect
  role: string
  validUntil?: string | null | undefined
}

export type PolicyChangeKind = 'ADDED' | 'CHANGED' | 'REMOVED'

export type PolicyPart = 'GRANT' | 'ROLE' | 'ROW_RULE'

export type RoleInput = {
  admin?: boolean
  aggregateOnly?: boolean
  description?: string
  name: string
  scopes: Array<string>
  validFrom?: string | null | undefined
  validUntil?: string | null | undefined
}

/** condition: a JSON object of strings. */
export type RowRuleInput = {
  condition: string
  coordinate: string
  role: string
}

export type SensitivityClass = 'internal' | 'open' | 'personal' | 'special'

export type AdminConflictLogQueryVariables = Exact<{ [key: string]: never }>

export type AdminConflictLogQuery = {
  policy: { version: number }
  auditLog: Array<{ id: number; at: string; actor: string; action: string; payload: string }>
}

export type AdminPendingChangesQueryVariables = Exact<{ [key: string]: never }>

export type AdminPendingChangesQuery = {
  policy: { version: number }
  pendingChanges: Array<{
    id: number
    kind: string
    payload: string
    requestedBy: string
    requestedAt: string
    mine: boolean
    opens: Array<{
      role: string
      scope: string | null
      coordinate: string | null
      class: SensitivityClass
      validUntil: string | null
      text: string
    }>
  }>
}

export type AdminApproveChangeMutationVariables = Exact<{
  id: number
  expectedVersion: number
}>

export type AdminApproveChangeMutation = { approveChange: number }

export type AdminRejectChangeMutationVariables = Exact<{
  id: number
  reason: string
}>

export type AdminRejectChangeMutation = { rejectChange: boolean }

export type AdminAuditLogQueryVariables = Exact<{
  limit: number
  before?: number | null | undefined
  actor?: string | null | undefined
  action?: string | null | undefined
  from?: string | null | undefined
  to?: string | null | undefined
  text?: string | null | undefined
}>

export type AdminAuditLogQuery = { auditLog: Array<{ id: number; at: string; actor: string; action: string; payload: string }> }

export type AdminAuditChainsQueryVariables = Exact<{ [key: string]: never }>

export type AdminAuditChainsQuery = {
  auditChain: {
    ok: boolean
    state: AuditChainState | null
    checked: number
    brokenAt: number | null
    badSignatureAt: number | null
    signedThrough: number | null
    unsigned: number | null
    checkpoints: number | null
    message: string | null
  }
  accessLogChain: {
    ok: boolean
    state: AuditChainState | null
    checked: number
    brokenAt: number | null
    badSignatureAt: number | null
    signedThrough: number | null
    unsigned: number | null
    checkpoints: number | null
    message: string | null
  } | null
}

export type ChainFieldsFragment = {
  ok: boolean
  state: AuditChainState | null
  checked: number
  brokenAt: number | null
  badSignatureAt: number | null
  signedThrough: number | null
  unsigned: number | null
  checkpoints: number | null
  message: string | null
}

export type AdminCoordinatesQueryVariables = Exact<{ [key: string]: never }>

export type AdminCoordinatesQuery = {
  coordinates: Array<{ coordinate: string; class: SensitivityClass; requirement: Array<Array<string>>; owners: Array<string> }>
}

export type AdminSetGrantMutationVariables = Exact<{
  input: GrantInput
  expectedVersion: number
}>

export type AdminSetGrantMutation = { setGrant: number }

export type AdminRemoveGrantMutationVariables = Exact<{
  role: string
  coordinate: string
  expectedVersion: number
}>

export type AdminRemoveGrantMutation = { removeGrant: number }

export type ReplicasOverviewQueryVariables = Exact<{ [key: string]: never }>

export type ReplicasOverviewQuery = {
  policy: { version: number }
  replicas: Array<{
    id: string
    policyVersion: number
    seenAt: string
    supergraphHash: string | null
    supergraphLoadedAt: string | null
    supergraphAgeSeconds: number | null
  }>
}

export type AdminUpsertRoleMutationVariables = Exact<{
  input: RoleInput
  expectedVersion: number
}>

export type AdminUpsertRoleMutation = { upsertRole: number }

export type AdminDeleteRoleMutationVariables = Exact<{
  name: string
  expectedVersion: number
}>

export type AdminDeleteRoleMutation = { deleteRole: number }

export type RowRuleOptionsQueryVariables = Exact<{ [key: string]: never }>

export type RowRuleOptionsQuery = {
  rowRuleOptionsUnreachable: Array<string>
  rowRuleOptions: Array<{ coordinate: string; department: string; field: string; columns: Array<string>; claims: Array<string> }>
}

export type RowRulePreviewQueryVariables = Exact<{
  role: string
  department?: string | null | undefined
  coordinate: string
  condition?: string | null | undefined
}>

export type RowRulePreviewQuery = {
  previewRowRule: {
    coordinate: string
    department: string
    field: string
    fieldVisible: boolean
    rows: number | null
    small: boolean
    condition: string | null
    policyVersion: number
  }
}

export type SetRowRuleMutationVariables = Exact<{
  input: RowRuleInput
  expectedVersion: number
}>

export type SetRowRuleMutation = { setRowRule: number }

export type RemoveRowRuleMutationVariables = Exact<{
  role: string
  coordinate: string
  expectedVersion: number
}>

export type RemoveRowRuleMutation = { removeRowRule: number }

export type EffectiveSchemaQueryVariables = Exact<{
  roles: Array<string> | string
  department?: string | null | undefined
}>

export type EffectiveSchemaQuery = { effectiveSchema: string }

export type AdminExportPolicyQueryVariables = Exact<{ [key: string]: never }>

export type AdminExportPolicyQuery = { exportPolicy: string }

export type AdminPreviewImportQueryVariables = Exact<{
  json: string
}>

export type AdminPreviewImportQuery = {
  previewImport: {
    baseVersion: number
    unchanged: number
    needsApproval: boolean
    opens: Array<{ text: string }>
    changes: Array<{
      part: PolicyPart
      change: PolicyChangeKind
      role: string
      coordinate: string | null
      fields: Array<string>
      before: string | null
      after: string | null
      needsApproval: boolean
      opens: Array<{ role: string; scope: string | null; coordinate: string | null; class: SensitivityClass; text: string }>
    }>
  }
}

export type AdminImportPolicyMutationVariables = Exact<{
  json: string
  expectedVersion: number
}>

export type AdminImportPolicyMutation = { importPolicy: number }

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

export type WarumExplainQueryVariables = Exact<{
  roles: Array<string> | string
  department?: string | null | undefined
  coordinate: string
}>

export type WarumExplainQuery = {
  explain: {
    decision: Effect
    coordinate: string
    class: SensitivityClass
    requirement: Array<Array<string>>
    heldScopes: Array<string>
    reasons: Array<string>
    policyVersion: number
    matchedGrants: Array<{ role: string; coordinate: string; effect: Effect; validUntil: string | null }>
  }
}

export type WarumExplainOperationQueryVariables = Exact<{
  roles: Array<string> | string
  department?: string | null | undefined
  operation: string
}>

export type WarumExplainOperationQuery = {
  explainOperation: Array<{
    decision: Effect
    coordinate: string
    class: SensitivityClass
    requirement: Array<Array<string>>
    heldScopes: Array<string>
    reasons: Array<string>
    policyVersion: number
    matchedGrants: Array<{ role: string; coordinate: string; effect: Effect; validUntil: string | null }>
  }>
}

export type WarumCoordinatesQueryVariables = Exact<{ [key: string]: never }>

export type WarumCoordinatesQuery = { coordinates: Array<{ coordinate: string }> }

export const ChainFieldsFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ChainFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'AuditChainStatus' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'ok' } },
          { kind: 'Field', name: { kind: 'Name', value: 'state' } },
          { kind: 'Field', name: { kind: 'Name', value: 'checked' } },
          { kind: 'Field', name: { kind: 'Name', value: 'brokenAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'badSignatureAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'signedThrough' } },
          { kind: 'Field', name: { kind: 'Name', value: 'unsigned' } },
          { kind: 'Field', name: { kind: 'Name', value: 'checkpoints' } },
          { kind: 'Field', name: { kind: 'Name', value: 'message' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ChainFieldsFragment, unknown>
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
export const AdminPendingChangesDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'AdminPendingChanges' },
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
            name: { kind: 'Name', value: 'pendingChanges' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                { kind: 'Field', name: { kind: 'Name', value: 'payload' } },
                { kind: 'Field', name: { kind: 'Name', value: 'requestedBy' } },
                { kind: 'Field', name: { kind: 'Name', value: 'requestedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'mine' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'opens' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'scope' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'coordinate' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'class' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'validUntil' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'text' } },
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
} as unknown as DocumentNode<AdminPendingChangesQuery, AdminPendingChangesQueryVariables>
export const AdminApproveChangeDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'AdminApproveChange' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'expectedVersion' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'approveChange' },
            arguments: [
              { kind: 'Argument', name: { kind: 'Name', value: 'id' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } } },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'expectedVersion' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'expectedVersion' } },
              },
            ],
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AdminApproveChangeMutation, AdminApproveChangeMutationVariables>
export const AdminRejectChangeDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'AdminRejectChange' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'reason' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'rejectChange' },
            arguments: [
              { kind: 'Argument', name: { kind: 'Name', value: 'id' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } } },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'reason' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'reason' } },
              },
            ],
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AdminRejectChangeMutation, AdminRejectChangeMutationVariables>
export const AdminAuditLogDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'AdminAuditLog' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'limit' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'before' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'actor' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'action' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'from' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'to' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'text' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'auditLog' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'limit' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'limit' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'before' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'before' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'actor' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'actor' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'action' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'action' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'from' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'from' } },
              },
              { kind: 'Argument', name: { kind: 'Name', value: 'to' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'to' } } },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'text' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'text' } },
              },
            ],
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
} as unknown as DocumentNode<AdminAuditLogQuery, AdminAuditLogQueryVariables>
export const AdminAuditChainsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'AdminAuditChains' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'auditChain' },
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'ChainFields' } }] },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'accessLogChain' },
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'ChainFields' } }] },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ChainFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'AuditChainStatus' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'ok' } },
          { kind: 'Field', name: { kind: 'Name', value: 'state' } },
          { kind: 'Field', name: { kind: 'Name', value: 'checked' } },
          { kind: 'Field', name: { kind: 'Name', value: 'brokenAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'badSignatureAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'signedThrough' } },
          { kind: 'Field', name: { kind: 'Name', value: 'unsigned' } },
          { kind: 'Field', name: { kind: 'Name', value: 'checkpoints' } },
          { kind: 'Field', name: { kind: 'Name', value: 'message' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AdminAuditChainsQuery, AdminAuditChainsQueryVariables>
export const AdminCoordinatesDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'AdminCoordinates' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'coordinates' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'coordinate' } },
                { kind: 'Field', name: { kind: 'Name', value: 'class' } },
                { kind: 'Field', name: { kind: 'Name', value: 'requirement' } },
                { kind: 'Field', name: { kind: 'Name', value: 'owners' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AdminCoordinatesQuery, AdminCoordinatesQueryVariables>
export const AdminSetGrantDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'AdminSetGrant' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'GrantInput' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'expectedVersion' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'setGrant' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'expectedVersion' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'expectedVersion' } },
              },
            ],
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AdminSetGrantMutation, AdminSetGrantMutationVariables>
export const AdminRemoveGrantDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'AdminRemoveGrant' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'role' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'coordinate' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'expectedVersion' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'removeGrant' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'role' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'role' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'coordinate' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'coordinate' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'expectedVersion' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'expectedVersion' } },
              },
            ],
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AdminRemoveGrantMutation, AdminRemoveGrantMutationVariables>
export const ReplicasOverviewDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'ReplicasOverview' },
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
            name: { kind: 'Name', value: 'replicas' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'policyVersion' } },
                { kind: 'Field', name: { kind: 'Name', value: 'seenAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'supergraphHash' } },
                { kind: 'Field', name: { kind: 'Name', value: 'supergraphLoadedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'supergraphAgeSeconds' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ReplicasOverviewQuery, ReplicasOverviewQueryVariables>
export const AdminUpsertRoleDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'AdminUpsertRole' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'RoleInput' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'expectedVersion' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'upsertRole' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'expectedVersion' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'expectedVersion' } },
              },
            ],
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AdminUpsertRoleMutation, AdminUpsertRoleMutationVariables>
export const AdminDeleteRoleDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'AdminDeleteRole' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'name' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'expectedVersion' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'deleteRole' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'name' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'name' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'expectedVersion' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'expectedVersion' } },
              },
            ],
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AdminDeleteRoleMutation, AdminDeleteRoleMutationVariables>
export const RowRuleOptionsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'RowRuleOptions' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'rowRuleOptions' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'coordinate' } },
                { kind: 'Field', name: { kind: 'Name', value: 'department' } },
                { kind: 'Field', name: { kind: 'Name', value: 'field' } },
                { kind: 'Field', name: { kind: 'Name', value: 'columns' } },
                { kind: 'Field', name: { kind: 'Name', value: 'claims' } },
              ],
            },
          },
          { kind: 'Field', name: { kind: 'Name', value: 'rowRuleOptionsUnreachable' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RowRuleOptionsQuery, RowRuleOptionsQueryVariables>
export const RowRulePreviewDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'RowRulePreview' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'role' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'department' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'coordinate' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'condition' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'previewRowRule' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'role' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'role' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'department' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'department' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'coordinate' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'coordinate' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'condition' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'condition' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'coordinate' } },
                { kind: 'Field', name: { kind: 'Name', value: 'department' } },
                { kind: 'Field', name: { kind: 'Name', value: 'field' } },
                { kind: 'Field', name: { kind: 'Name', value: 'fieldVisible' } },
                { kind: 'Field', name: { kind: 'Name', value: 'rows' } },
                { kind: 'Field', name: { kind: 'Name', value: 'small' } },
                { kind: 'Field', name: { kind: 'Name', value: 'condition' } },
                { kind: 'Field', name: { kind: 'Name', value: 'policyVersion' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RowRulePreviewQuery, RowRulePreviewQueryVariables>
export const SetRowRuleDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'SetRowRule' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'RowRuleInput' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'expectedVersion' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'setRowRule' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'expectedVersion' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'expectedVersion' } },
              },
            ],
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SetRowRuleMutation, SetRowRuleMutationVariables>
export const RemoveRowRuleDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'RemoveRowRule' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'role' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'coordinate' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'expectedVersion' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'removeRowRule' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'role' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'role' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'coordinate' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'coordinate' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'expectedVersion' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'expectedVersion' } },
              },
            ],
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RemoveRowRuleMutation, RemoveRowRuleMutationVariables>
export const EffectiveSchemaDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'EffectiveSchema' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'roles' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'ListType', type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } } },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'department' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'effectiveSchema' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'roles' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'roles' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'department' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'department' } },
              },
            ],
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<EffectiveSchemaQuery, EffectiveSchemaQueryVariables>
export const AdminExportPolicyDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'AdminExportPolicy' },
      selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'exportPolicy' } }] },
    },
  ],
} as unknown as DocumentNode<AdminExportPolicyQuery, AdminExportPolicyQueryVariables>
export const AdminPreviewImportDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'AdminPreviewImport' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'json' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'previewImport' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'json' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'json' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'baseVersion' } },
                { kind: 'Field', name: { kind: 'Name', value: 'unchanged' } },
                { kind: 'Field', name: { kind: 'Name', value: 'needsApproval' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'opens' },
                  selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'text' } }] },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'changes' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'part' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'change' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'coordinate' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'fields' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'before' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'after' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'needsApproval' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'opens' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'scope' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'coordinate' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'class' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'text' } },
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
      },
    },
  ],
} as unknown as DocumentNode<AdminPreviewImportQuery, AdminPreviewImportQueryVariables>
export const AdminImportPolicyDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'AdminImportPolicy' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'json' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'expectedVersion' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'importPolicy' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'json' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'json' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'expectedVersion' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'expectedVersion' } },
              },
            ],
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AdminImportPolicyMutation, AdminImportPolicyMutationVariables>
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
export const WarumExplainDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'WarumExplain' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'roles' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'ListType', type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } } },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'department' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'coordinate' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'explain' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'roles' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'roles' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'department' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'department' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'coordinate' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'coordinate' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'decision' } },
                { kind: 'Field', name: { kind: 'Name', value: 'coordinate' } },
                { kind: 'Field', name: { kind: 'Name', value: 'class' } },
                { kind: 'Field', name: { kind: 'Name', value: 'requirement' } },
                { kind: 'Field', name: { kind: 'Name', value: 'heldScopes' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'matchedGrants' },
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
                { kind: 'Field', name: { kind: 'Name', value: 'reasons' } },
                { kind: 'Field', name: { kind: 'Name', value: 'policyVersion' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<WarumExplainQuery, WarumExplainQueryVariables>
export const WarumExplainOperationDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'WarumExplainOperation' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'roles' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'ListType', type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } } },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'department' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'operation' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'explainOperation' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'roles' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'roles' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'department' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'department' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'operation' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'operation' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'decision' } },
                { kind: 'Field', name: { kind: 'Name', value: 'coordinate' } },
                { kind: 'Field', name: { kind: 'Name', value: 'class' } },
                { kind: 'Field', name: { kind: 'Name', value: 'requirement' } },
                { kind: 'Field', name: { kind: 'Name', value: 'heldScopes' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'matchedGrants' },
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
                { kind: 'Field', name: { kind: 'Name', value: 'reasons' } },
                { kind: 'Field', name: { kind: 'Name', value: 'policyVersion' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<WarumExplainOperationQuery, WarumExplainOperationQueryVariables>
export const WarumCoordinatesDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'WarumCoordinates' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'coordinates' },
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'coordinate' } }] },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<WarumCoordinatesQuery, WarumCoordinatesQueryVariables>
