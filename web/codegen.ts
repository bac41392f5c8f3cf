import type { CodegenConfig } from '@graphql-codegen/cli'

// `npm run codegen:web`: typed operations for the app from the API schema (web/schema.graphql, derived from the
// committed supergraph). Operations are written with graphql() next to the views that use them.
const config: CodegenConfig = {
  schema: 'web/schema.graphql',
  documents: ['web/src/**/*.{ts,tsx}', '!web/src/gql/**/*'],
  ignoreNoDocuments: true,
  generates: {
    'web/src/gql/': {
      preset: 'client',
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { Date: 'string', DateTime: 'string' },
        documentMode: 'documentNode',
      },
      presetConfig: { fragmentMasking: false },
    },
    'web/src/gql/operations.graphql': {
      plugins: ['web/codegen/print-operations.cjs'],
    },
  },
  hooks: { afterAllFileWrite: ['prettier --write --log-level warn'] },
}

export default config
