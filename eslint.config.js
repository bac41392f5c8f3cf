// Lint of the TypeScript sources (.ts and the web app's .tsx): imports between top-level folders point only down the floors
// (docs/architecture.md, "Layers"), no promise in running code is left floating, and the kit (lib/) has no explicit `any`.
import { fileURLToPath } from 'node:url'
import importPlugin from 'eslint-plugin-import'
import tseslint from 'typescript-eslint'

/** Floors from the bottom; a folder imports only from floors below it and from itself. */
const FLOORS = [['platform'], ['auth'], ['lib'], ['services', 'schema'], ['gateway'], ['scripts', 'bench']]
const TESTS = ['test']

/** For each folder, the folders it must not import: its floor's neighbours, every floor above, the tests. */
const zones = FLOORS.flatMap((floor, level) =>
  floor.map(target => ({
    target: `./${target}`,
    from: [...floor.filter(f => f !== target), ...FLOORS.slice(level + 1).flat(), ...TESTS].map(f => `./${f}`),
    message: `${target}/ sits on floor ${level + 1} of docs/architecture.md ("Layers"): it imports only from floors below it.`,
  })),
)

const TEST_FILES = ['**/*.test.ts', '**/*.test.tsx', 'test/**']

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      '.data/**',
      'dist/**',
      'web/dist/**',
      'web/src/gql/**',
      'web/src/gql-admin/**',
      'bench/results/**',
      '**/*.js',
      '**/*.cjs',
      '**/*.mjs',
      'vitest.config.ts',
    ],
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parser: tseslint.parser },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    files: ['**/*.ts'],
    ignores: TEST_FILES,
    plugins: { import: importPlugin },
    settings: { 'import/resolver': { [fileURLToPath(new URL('./eslint-resolver.cjs', import.meta.url))]: {} } },
    rules: { 'import/no-restricted-paths': ['error', { basePath: fileURLToPath(new URL('.', import.meta.url)), zones }] },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    ignores: TEST_FILES,
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: fileURLToPath(new URL('.', import.meta.url)) } },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: { '@typescript-eslint/no-floating-promises': 'error' },
  },
  {
    // The department kit's types say what a department gets and gives: no `any` in them.
    files: ['lib/**/*.ts'],
    ignores: TEST_FILES,
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: { '@typescript-eslint/no-explicit-any': 'error' },
  },
)
