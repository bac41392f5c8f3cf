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
  '\n  query AdminPolicy {\n    policy {\n      version\n      roles {\n        name\n        description\n        scopes\n        aggregateOnly\n        admin\n        validFrom\n        validUntil\n      }\n      grants {\n        role\n        coordinate\n        effect\n        validUntil\n      }\n      rowRules {\n        role\n        coordinate\n        condition\n      }\n    }\n  }\n': typeof types.AdminPolicyDocument
}
const documents: Documents = {
  '\n  query AdminConflictLog {\n    policy {\n      version\n    }\n    auditLog(limit: 200) {\n      id\n      at\n      actor\n      action\n      payload\n    }\n  }\n':
    types.AdminConflictLogDocument,
  '\n  query AdminPolicy {\n    policy {\n      version\n      roles {\n        name\n        description\n        scopes\n        aggregateOnly\n        admin\n        validFrom\n        validUntil\n      }\n      grants {\n        role\n        coordinate\n        effect\n        validUntil\n      }\n      rowRules {\n        role\n        coordinate\n        condition\n      }\n    }\n  }\n':
    types.AdminPolicyDocument,
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
  source: '\n  query AdminPolicy {\n    policy {\n      version\n      roles {\n        name\n        description\n        scopes\n        aggregateOnly\n        admin\n        validFrom\n        validUntil\n      }\n      grants {\n        role\n        coordinate\n        effect\n        validUntil\n      }\n      rowRules {\n        role\n        coordinate\n        condition\n      }\n    }\n  }\n',
): (typeof documents)['\n  query AdminPolicy {\n    policy {\n      version\n      roles {\n        name\n        description\n        scopes\n        aggregateOnly\n        admin\n        validFrom\n        validUntil\n      }\n      grants {\n        role\n        coordinate\n        effect\n        validUntil\n      }\n      rowRules {\n        role\n        coordinate\n        condition\n      }\n    }\n  }\n']

export function graphql(source: string) {
  return (documents as any)[source] ?? {}
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> =
  TDocumentNode extends DocumentNode<infer TType, any> ? TType : never
