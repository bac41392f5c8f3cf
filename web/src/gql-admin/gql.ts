/* eslint-disable */
import * as types from './graphql'
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core'

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
  '\n  query AdminConflictLog {\n    policy {\n      version\n    }\n    auditLog(limit: 200) {\n      id\n      at\n      actor\n      action\n      payload\n    }\n  }\n': typeof types.AdminConflictLogDocument
  '\n  query AdminPendingChanges {\n    policy {\n      version\n    }\n    pendingChanges {\n      id\n      kind\n      payload\n      requestedBy\n      requestedAt\n      mine\n      opens {\n        role\n        scope\n        coordinate\n        class\n        validUntil\n        text\n      }\n    }\n  }\n': typeof types.AdminPendingChangesDocument
  '\n  mutation AdminApproveChange($id: Int!, $expectedVersion: Int!) {\n    approveChange(id: $id, expectedVersion: $expectedVersion)\n  }\n': typeof types.AdminApproveChangeDocument
  '\n  mutation AdminRejectChange($id: Int!, $reason: String!) {\n    rejectChange(id: $id, reason: $reason)\n  }\n': typeof types.AdminRejectChangeDocument
  '\n  query AdminAuditLog($limit: Int!, $before: Int, $actor: String, $action: String, $from: String, $to: String, $text: String) {\n    auditLog(limit: $limit, before: $before, actor: $actor, action: $action, from: $from, to: $to, text: $text) {\n      id\n      at\n      actor\n      action\n      payload\n    }\n  }\n': typeof types.AdminAuditLogDocument
  '\n  query AdminAuditChains {\n    auditChain {\n      ...ChainFields\n    }\n    accessLogChain {\n      ...ChainFields\n    }\n  }\n  fragment ChainFields on AuditChainStatus {\n    ok\n    state\n    checked\n    brokenAt\n    badSignatureAt\n    signedThrough\n    unsigned\n    checkpoints\n    message\n  }\n': typeof types.AdminAuditChainsDocument
  '\n  query AdminCoordinates {\n    coordinates {\n      coordinate\n      class\n      requirement\n      owners\n    }\n  }\n': typeof types.AdminCoordinatesDocument
  '\n  mutation AdminSetGrant($input: GrantInput!, $expectedVersion: Int!) {\n    setGrant(input: $input, expectedVersion: $expectedVersion)\n  }\n': typeof types.AdminSetGrantDocument
  '\n  mutation AdminRemoveGrant($role: String!, $coordinate: String!, $expectedVersion: Int!) {\n    removeGrant(role: $role, coordinate: $coordinate, expectedVersion: $expectedVersion)\n  }\n': typeof types.AdminRemoveGrantDocument
  '\n  query ReplicasOverview {\n    policy {\n      version\n    }\n    replicas {\n      id\n      policyVersion\n      seenAt\n      supergraphHash\n      supergraphLoadedAt\n      supergraphAgeSeconds\n    }\n  }\n': typeof types.ReplicasOverviewDocument
  '\n  mutation AdminUpsertRole($input: RoleInput!, $expectedVersion: Int!) {\n    upsertRole(input: $input, expectedVersion: $expectedVersion)\n  }\n': typeof types.AdminUpsertRoleDocument
  '\n  mutation AdminDeleteRole($name: String!, $expectedVersion: Int!) {\n    deleteRole(name: $name, expectedVersion: $expectedVersion)\n  }\n': typeof types.AdminDeleteRoleDocument
  '\n  query RowRuleOptions {\n    rowRuleOptions {\n      coordinate\n      department\n      field\n      columns\n      claims\n    }\n    rowRuleOptionsUnreachable\n  }\n': typeof types.RowRuleOptionsDocument
  '\n  query RowRulePreview($role: String!, $department: String, $coordinate: String!, $condition: String) {\n    previewRowRule(role: $role, department: $department, coordinate: $coordinate, condition: $condition) {\n      coordinate\n      department\n      field\n      fieldVisible\n      rows\n      small\n      condition\n      policyVersion\n    }\n  }\n': typeof types.RowRulePreviewDocument
  '\n  mutation SetRowRule($input: RowRuleInput!, $expectedVersion: Int!) {\n    setRowRule(input: $input, expectedVersion: $expectedVersion)\n  }\n': typeof types.SetRowRuleDocument
  '\n  mutation RemoveRowRule($role: String!, $coordinate: String!, $expectedVersion: Int!) {\n    removeRowRule(role: $role, coordinate: $coordinate, expectedVersion: $expectedVersion)\n  }\n': typeof types.RemoveRowRuleDocument
  '\n  query EffectiveSchema($roles: [String!]!, $department: String) {\n    effectiveSchema(roles: $roles, department: $department)\n  }\n': typeof types.EffectiveSchemaDocument
  '\n  query AdminExportPolicy {\n    exportPolicy\n  }\n': typeof types.AdminExportPolicyDocument
  '\n  query AdminPreviewImport($json: String!) {\n    previewImport(json: $json) {\n      baseVersion\n      unchanged\n      needsApproval\n      opens {\n        text\n      }\n      changes {\n        part\n        change\n        role\n        coordinate\n        fields\n        before\n        after\n        needsApproval\n        opens {\n          role\n          scope\n          coordinate\n          class\n          text\n        }\n      }\n    }\n  }\n': typeof types.AdminPreviewImportDocument
  '\n  mutation AdminImportPolicy($json: String!, $expectedVersion: Int!) {\n    importPolicy(json: $json, expectedVersion: $expectedVersion)\n  }\n': typeof types.AdminImportPolicyDocument
  '\n  query AdminPolicy {\n    policy {\n      version\n      roles {\n        name\n        description\n        scopes\n        aggregateOnly\n        admin\n        validFrom\n        validUntil\n      }\n      grants {\n        role\n        coordinate\n        effect\n        validUntil\n      }\n      rowRules {\n        role\n        coordinate\n        condition\n      }\n    }\n  }\n': typeof types.AdminPolicyDocument
  '\n  query WarumExplain($roles: [String!]!, $department: String, $coordinate: String!) {\n    explain(roles: $roles, department: $department, coordinate: $coordinate) {\n      decision\n      coordinate\n      class\n      requirement\n      heldScopes\n      matchedGrants {\n        role\n        coordinate\n        effect\n        validUntil\n      }\n      reasons\n      policyVersion\n    }\n  }\n': typeof types.WarumExplainDocument
  '\n  query WarumExplainOperation($roles: [String!]!, $department: String, $operation: String!) {\n    explainOperation(roles: $roles, department: $department, operation: $operation) {\n      decision\n      coordinate\n      class\n      requirement\n      heldScopes\n      matchedGrants {\n        role\n        coordinate\n        effect\n        validUntil\n      }\n      reasons\n      policyVersion\n    }\n  }\n': typeof types.WarumExplainOperationDocument
  '\n  query WarumCoordinates {\n    coordinates {\n      coordinate\n    }\n  }\n': typeof types.WarumCoordinatesDocument
}
const documents: Documents = {
  '\n  query AdminConflictLog {\n    policy {\n      version\n    }\n    auditLog(limit: 200) {\n      id\n      at\n      actor\n      action\n      payload\n    }\n  }\n':
    types.AdminConflictLogDocument,
  '\n  query AdminPendingChanges {\n    policy {\n      version\n    }\n    pendingChanges {\n      id\n      kind\n      payload\n      requestedBy\n      requestedAt\n      mine\n      opens {\n        role\n        scope\n        coordinate\n        class\n        validUntil\n        text\n      }\n    }\n  }\n':
    types.AdminPendingChangesDocument,
  '\n  mutation AdminApproveChange($id: Int!, $expectedVersion: Int!) {\n    approveChange(id: $id, expectedVersion: $expectedVersion)\n  }\n':
    types.AdminApproveChangeDocument,
  '\n  mutation AdminRejectChange($id: Int!, $reason: String!) {\n    rejectChange(id: $id, reason: $reason)\n  }\n':
    types.AdminRejectChangeDocument,
  '\n  query AdminAuditLog($limit: Int!, $before: Int, $actor: String, $action: String, $from: String, $to: String, $text: String) {\n    auditLog(limit: $limit, before: $before, actor: $actor, action: $action, from: $from, to: $to, text: $text) {\n      id\n      at\n      actor\n      action\n      payload\n    }\n  }\n':
    types.AdminAuditLogDocument,
  '\n  query AdminAuditChains {\n    auditChain {\n      ...ChainFields\n    }\n    accessLogChain {\n      ...ChainFields\n    }\n  }\n  fragment ChainFields on AuditChainStatus {\n    ok\n    state\n    checked\n    brokenAt\n    badSignatureAt\n    signedThrough\n    unsigned\n    checkpoints\n    message\n  }\n':
    types.AdminAuditChainsDocument,
  '\n  query AdminCoordinates {\n    coordinates {\n      coordinate\n      class\n      requirement\n      owners\n    }\n  }\n':
    types.AdminCoordinatesDocument,
  '\n  mutation AdminSetGrant($input: GrantInput!, $expectedVersion: Int!) {\n    setGrant(input: $input, expectedVersion: $expectedVersion)\n  }\n':
    types.AdminSetGrantDocument,
  '\n  mutation AdminRemoveGrant($role: String!, $coordinate: String!, $expectedVersion: Int!) {\n    removeGrant(role: $role, coordinate: $coordinate, expectedVersion: $expectedVersion)\n  }\n':
    types.AdminRemoveGrantDocument,
  '\n  query ReplicasOverview {\n    policy {\n      version\n    }\n    replicas {\n      id\n      policyVersion\n      seenAt\n      supergraphHash\n      supergraphLoadedAt\n      supergraphAgeSeconds\n    }\n  }\n':
    types.ReplicasOverviewDocument,
  '\n  mutation AdminUpsertRole($input: RoleInput!, $expectedVersion: Int!) {\n    upsertRole(input: $input, expectedVersion: $expectedVersion)\n  }\n':
    types.AdminUpsertRoleDocument,
  '\n  mutation AdminDeleteRole($name: String!, $expectedVersion: Int!) {\n    deleteRole(name: $name, expectedVersion: $expectedVersion)\n  }\n':
    types.AdminDeleteRoleDocument,
  '\n  query RowRuleOptions {\n    rowRuleOptions {\n      coordinate\n      department\n      field\n      columns\n      claims\n    }\n    rowRuleOptionsUnreachable\n  }\n':
    types.RowRuleOptionsDocument,
  '\n  query RowRulePreview($role: String!, $department: String, $coordinate: String!, $condition: String) {\n    previewRowRule(role: $role, department: $department, coordinate: $coordinate, condition: $condition) {\n      coordinate\n      department\n      field\n      fieldVisible\n      rows\n      small\n      condition\n      policyVersion\n    }\n  }\n':
    types.RowRulePreviewDocument,
  '\n  mutation SetRowRule($input: RowRuleInput!, $expectedVersion: Int!) {\n    setRowRule(input: $input, expectedVersion: $expectedVersion)\n  }\n':
    types.SetRowRuleDocument,
  '\n  mutation RemoveRowRule($role: String!, $coordinate: String!, $expectedVersion: Int!) {\n    removeRowRule(role: $role, coordinate: $coordinate, expectedVersion: $expectedVersion)\n  }\n':
    types.RemoveRowRuleDocument,
  '\n  query EffectiveSchema($roles: [String!]!, $department: String) {\n    effectiveSchema(roles: $roles, department: $department)\n  }\n':
    types.EffectiveSchemaDocument,
  '\n  query AdminExportPolicy {\n    exportPolicy\n  }\n': types.AdminExportPolicyDocument,
  '\n  query AdminPreviewImport($json: String!) {\n    previewImport(json: $json) {\n      baseVersion\n      unchanged\n      needsApproval\n      opens {\n        text\n      }\n      changes {\n        part\n        change\n        role\n        coordinate\n        fields\n        before\n        after\n        needsApproval\n        opens {\n          role\n          scope\n          coordinate\n          class\n          text\n        }\n      }\n    }\n  }\n':
    types.AdminPreviewImportDocument,
  '\n  mutation AdminImportPolicy($json: String!, $expectedVersion: Int!) {\n    importPolicy(json: $json, expectedVersion: $expectedVersion)\n  }\n':
    types.AdminImportPolicyDocument,
  '\n  query AdminPolicy {\n    policy {\n      version\n      roles {\n        name\n        description\n        scopes\n        aggregateOnly\n        admin\n        validFrom\n        validUntil\n      }\n      grants {\n        role\n        coordinate\n        effect\n        validUntil\n      }\n      rowRules {\n        role\n        coordinate\n        condition\n      }\n    }\n  }\n':
    types.AdminPolicyDocument,
  '\n  query WarumExplain($roles: [String!]!, $department: String, $coordinate: String!) {\n    explain(roles: $roles, department: $department, coordinate: $coordinate) {\n      decision\n      coordinate\n      class\n      requirement\n      heldScopes\n      matchedGrants {\n        role\n        coordinate\n        effect\n        validUntil\n      }\n      reasons\n      policyVersion\n    }\n  }\n':
    types.WarumExplainDocument,
  '\n  query WarumExplainOperation($roles: [String!]!, $department: String, $operation: String!) {\n    explainOperation(roles: $roles, department: $department, operation: $operation) {\n      decision\n      coordinate\n      class\n      requirement\n      heldScopes\n      matchedGrants {\n        role\n        coordinate\n        effect\n        validUntil\n      }\n      reasons\n      policyVersion\n    }\n  }\n':
    types.WarumExplainOperationDocument,
  '\n  query WarumCoordinates {\n    coordinates {\n      coordinate\n    }\n  }\n': types.WarumCoordinatesDocument,
}

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query AdminConflictLog {\n    policy {\n      version\n    }\n    auditLog(limit: 200) {\n      id\n      at\n      actor\n      action\n      payload\n    }\n  }\n',
): (typeof documents)['\n  query AdminConflictLog {\n    policy {\n      version\n    }\n    auditLog(limit: 200) {\n      id\n      at\n      actor\n      action\n      payload\n    }\n  }\n']
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query AdminPendingChanges {\n    policy {\n      version\n    }\n    pendingChanges {\n      id\n      kind\n      payload\n      requestedBy\n      requestedAt\n      mine\n      opens {\n        role\n        scope\n        coordinate\n        class\n        validUntil\n        text\n      }\n    }\n  }\n',
): (typeof documents)['\n  query AdminPendingChanges {\n    policy {\n      version\n    }\n    pendingChanges {\n      id\n      kind\n      payload\n      requestedBy\n      requestedAt\n      mine\n      opens {\n        role\n        scope\n        coordinate\n        class\n        validUntil\n        text\n      }\n    }\n  }\n']
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation AdminApproveChange($id: Int!, $expectedVersion: Int!) {\n    approveChange(id: $id, expectedVersion: $expectedVersion)\n  }\n',
): (typeof documents)['\n  mutation AdminApproveChange($id: Int!, $expectedVersion: Int!) {\n    approveChange(id: $id, expectedVersion: $expectedVersion)\n  }\n']
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation AdminRejectChange($id: Int!, $reason: String!) {\n    rejectChange(id: $id, reason: $reason)\n  }\n',
): (typeof documents)['\n  mutation AdminRejectChange($id: Int!, $reason: String!) {\n    rejectChange(id: $id, reason: $reason)\n  }\n']
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query AdminAuditLog($limit: Int!, $before: Int, $actor: String, $action: String, $from: String, $to: String, $text: String) {\n    auditLog(limit: $limit, before: $before, actor: $actor, action: $action, from: $from, to: $to, text: $text) {\n      id\n      at\n      actor\n      action\n      payload\n    }\n  }\n',
): (typeof documents)['\n  query AdminAuditLog($limit: Int!, $before: Int, $actor: String, $action: String, $from: String, $to: String, $text: String) {\n    auditLog(limit: $limit, before: $before, actor: $actor, action: $action, from: $from, to: $to, text: $text) {\n      id\n      at\n      actor\n      action\n      payload\n    }\n  }\n']
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query AdminAuditChains {\n    auditChain {\n      ...ChainFields\n    }\n    accessLogChain {\n      ...ChainFields\n    }\n  }\n  fragment ChainFields on AuditChainStatus {\n    ok\n    state\n    checked\n    brokenAt\n    badSignatureAt\n    signedThrough\n    unsigned\n    checkpoints\n    message\n  }\n',
): (typeof documents)['\n  query AdminAuditChains {\n    auditChain {\n      ...ChainFields\n    }\n    accessLogChain {\n      ...ChainFields\n    }\n  }\n  fragment ChainFields on AuditChainStatus {\n    ok\n    state\n    checked\n    brokenAt\n    badSignatureAt\n    signedThrough\n    unsigned\n    checkpoints\n    message\n  }\n']
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query AdminCoordinates {\n    coordinates {\n      coordinate\n      class\n      requirement\n      owners\n    }\n  }\n',
): (typeof documents)['\n  query AdminCoordinates {\n    coordinates {\n      coordinate\n      class\n      requirement\n      owners\n    }\n  }\n']
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation AdminSetGrant($input: GrantInput!, $expectedVersion: Int!) {\n    setGrant(input: $input, expectedVersion: $expectedVersion)\n  }\n',
): (typeof documents)['\n  mutation AdminSetGrant($input: GrantInput!, $expectedVersion: Int!) {\n    setGrant(input: $input, expectedVersion: $expectedVersion)\n  }\n']
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation AdminRemoveGrant($role: String!, $coordinate: String!, $expectedVersion: Int!) {\n    removeGrant(role: $role, coordinate: $coordinate, expectedVersion: $expectedVersion)\n  }\n',
): (typeof documents)['\n  mutation AdminRemoveGrant($role: String!, $coordinate: String!, $expectedVersion: Int!) {\n    removeGrant(role: $role, coordinate: $coordinate, expectedVersion: $expectedVersion)\n  }\n']
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ReplicasOverview {\n    policy {\n      version\n    }\n    replicas {\n      id\n      policyVersion\n      seenAt\n      supergraphHash\n      supergraphLoadedAt\n      supergraphAgeSeconds\n    }\n  }\n',
): (typeof documents)['\n  query ReplicasOverview {\n    policy {\n      version\n    }\n    replicas {\n      id\n      policyVersion\n      seenAt\n      supergraphHash\n      supergraphLoadedAt\n      supergraphAgeSeconds\n    }\n  }\n']
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation AdminUpsertRole($input: RoleInput!, $expectedVersion: Int!) {\n    upsertRole(input: $input, expectedVersion: $expectedVersion)\n  }\n',
): (typeof documents)['\n  mutation AdminUpsertRole($input: RoleInput!, $expectedVersion: Int!) {\n    upsertRole(input: $input, expectedVersion: $expectedVersion)\n  }\n']
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation AdminDeleteRole($name: String!, $expectedVersion: Int!) {\n    deleteRole(name: $name, expectedVersion: $expectedVersion)\n  }\n',
): (typeof documents)['\n  mutation AdminDeleteRole($name: String!, $expectedVersion: Int!) {\n    deleteRole(name: $name, expectedVersion: $expectedVersion)\n  }\n']
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query RowRuleOptions {\n    rowRuleOptions {\n      coordinate\n      department\n      field\n      columns\n      claims\n    }\n    rowRuleOptionsUnreachable\n  }\n',
): (typeof documents)['\n  query RowRuleOptions {\n    rowRuleOptions {\n      coordinate\n      department\n      field\n      columns\n      claims\n    }\n    rowRuleOptionsUnreachable\n  }\n']
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query RowRulePreview($role: String!, $department: String, $coordinate: String!, $condition: String) {\n    previewRowRule(role: $role, department: $department, coordinate: $coordinate, condition: $condition) {\n      coordinate\n      department\n      field\n      fieldVisible\n      rows\n      small\n      condition\n      policyVersion\n    }\n  }\n',
): (typeof documents)['\n  query RowRulePreview($role: String!, $department: String, $coordinate: String!, $condition: String) {\n    previewRowRule(role: $role, department: $department, coordinate: $coordinate, condition: $condition) {\n      coordinate\n      department\n      field\n      fieldVisible\n      rows\n      small\n      condition\n      policyVersion\n    }\n  }\n']
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation SetRowRule($input: RowRuleInput!, $expectedVersion: Int!) {\n    setRowRule(input: $input, expectedVersion: $expectedVersion)\n  }\n',
): (typeof documents)['\n  mutation SetRowRule($input: RowRuleInput!, $expectedVersion: Int!) {\n    setRowRule(input: $input, expectedVersion: $expectedVersion)\n  }\n']
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation RemoveRowRule($role: String!, $coordinate: String!, $expectedVersion: Int!) {\n    removeRowRule(role: $role, coordinate: $coordinate, expectedVersion: $expectedVersion)\n  }\n',
): (typeof documents)['\n  mutation RemoveRowRule($role: String!, $coordinate: String!, $expectedVersion: Int!) {\n    removeRowRule(role: $role, coordinate: $coordinate, expectedVersion: $expectedVersion)\n  }\n']
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query EffectiveSchema($roles: [String!]!, $department: String) {\n    effectiveSchema(roles: $roles, department: $department)\n  }\n',
): (typeof documents)['\n  query EffectiveSchema($roles: [String!]!, $department: String) {\n    effectiveSchema(roles: $roles, department: $department)\n  }\n']
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query AdminExportPolicy {\n    exportPolicy\n  }\n',
): (typeof documents)['\n  query AdminExportPolicy {\n    exportPolicy\n  }\n']
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query AdminPreviewImport($json: String!) {\n    previewImport(json: $json) {\n      baseVersion\n      unchanged\n      needsApproval\n      opens {\n        text\n      }\n      changes {\n        part\n        change\n        role\n        coordinate\n        fields\n        before\n        after\n        needsApproval\n        opens {\n          role\n          scope\n          coordinate\n          class\n          text\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query AdminPreviewImport($json: String!) {\n    previewImport(json: $json) {\n      baseVersion\n      unchanged\n      needsApproval\n      opens {\n        text\n      }\n      changes {\n        part\n        change\n        role\n        coordinate\n        fields\n        before\n        after\n        needsApproval\n        opens {\n          role\n          scope\n          coordinate\n          class\n          text\n        }\n      }\n    }\n  }\n']
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation AdminImportPolicy($json: String!, $expectedVersion: Int!) {\n    importPolicy(json: $json, expectedVersion: $expectedVersion)\n  }\n',
): (typeof documents)['\n  mutation AdminImportPolicy($json: String!, $expectedVersion: Int!) {\n    importPolicy(json: $json, expectedVersion: $expectedVersion)\n  }\n']
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query AdminPolicy {\n    policy {\n      version\n      roles {\n        name\n        description\n        scopes\n        aggregateOnly\n        admin\n        validFrom\n        validUntil\n      }\n      grants {\n        role\n        coordinate\n        effect\n        validUntil\n      }\n      rowRules {\n        role\n        coordinate\n        condition\n      }\n    }\n  }\n',
): (typeof documents)['\n  query AdminPolicy {\n    policy {\n      version\n      roles {\n        name\n        description\n        scopes\n        aggregateOnly\n        admin\n        validFrom\n        validUntil\n      }\n      grants {\n        role\n        coordinate\n        effect\n        validUntil\n      }\n      rowRules {\n        role\n        coordinate\n        condition\n      }\n    }\n  }\n']
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query WarumExplain($roles: [String!]!, $department: String, $coordinate: String!) {\n    explain(roles: $roles, department: $department, coordinate: $coordinate) {\n      decision\n      coordinate\n      class\n      requirement\n      heldScopes\n      matchedGrants {\n        role\n        coordinate\n        effect\n        validUntil\n      }\n      reasons\n      policyVersion\n    }\n  }\n',
): (typeof documents)['\n  query WarumExplain($roles: [String!]!, $department: String, $coordinate: String!) {\n    explain(roles: $roles, department: $department, coordinate: $coordinate) {\n      decision\n      coordinate\n      class\n      requirement\n      heldScopes\n      matchedGrants {\n        role\n        coordinate\n        effect\n        validUntil\n      }\n      reasons\n      policyVersion\n    }\n  }\n']
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query WarumExplainOperation($roles: [String!]!, $department: String, $operation: String!) {\n    explainOperation(roles: $roles, department: $department, operation: $operation) {\n      decision\n      coordinate\n      class\n      requirement\n      heldScopes\n      matchedGrants {\n        role\n        coordinate\n        effect\n        validUntil\n      }\n      reasons\n      policyVersion\n    }\n  }\n',
): (typeof documents)['\n  query WarumExplainOperation($roles: [String!]!, $department: String, $operation: String!) {\n    explainOperation(roles: $roles, department: $department, operation: $operation) {\n      decision\n      coordinate\n      class\n      requirement\n      heldScopes\n      matchedGrants {\n        role\n        coordinate\n        effect\n        validUntil\n      }\n      reasons\n      policyVersion\n    }\n  }\n']
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query WarumCoordinates {\n    coordinates {\n      coordinate\n    }\n  }\n',
): (typeof documents)['\n  query WarumCoordinates {\n    coordinates {\n      coordinate\n    }\n  }\n']

export function graphql(source: string) {
  return (documents as any)[source] ?? {}
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> =
  TDocumentNode extends DocumentNode<infer TType, any> ? TType : never
