import type { CodegenConfig } from '@graphql-codegen/cli'

// `npm run codegen:web`: typed operations for the app from the API schema (web/schema.graphql, derived from the
// committed supergraph). Operations are written with graphql() next to the views that use them.
// The admin console (web/src/admin/) speaks to /admin/graphql: its operations are typed against the admin schema
// (web/admin-schema.graphql) into web/src/gql-admin/, and kept out of the app's target.
const clientConfig = {
  useTypeImports: true,
  enumsAsTypes: true,
  scalars: { Date: 'string', DateTime: 'string' },
  documentMode: 'documentNode',
} as const

const appDocuments = ['web/src/**/*.{ts,tsx}', '!web/src/gql/**/*', '!web/src/gql-admin/**/*', '!web/src/admin/**/*']
const adminDocuments = ['web/src/admin/**/*.{ts,tsx}']

const config: CodegenConfig = {
  ignoreNoDocuments: true,
  generates: {
    'web/src/gql/': {
      schema: 'web/schema.graphql',
      documents: appDocuments,
      preset: 'client',
      config: clientConfig,
      presetConfig: { fragmentMasking: false },
    },
    'web/src/gql/operations.graphql': {
      schema: 'web/schema.graphql',
      documents: appDocuments,
      plugins: ['web/codegen/print-operations.cjs'],
    },
    'web/src/gql-admin/': {
      schema: 'web/admin-schema.graphql',
      documents: adminDocuments,
      preset: 'client',
      config: clientConfig,
      presetConfig: { fragmentMasking: false },
    },
    'web/src/gql-admin/operations.graphql': {
      schema: 'web/admin-schema.graphql',
      documents: adminDocuments,
      plugins: ['web/codegen/print-operations.cjs'],
    },
  },
  hooks: { afterAllFileWrite: ['prettier --write --log-level warn'] },
}

export default config
