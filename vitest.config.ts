import { createRequire } from 'node:module'
import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'

const require = createRequire(import.meta.url)

export default defineConfig({
  // graphql 16 ships CJS and ESM without an exports map; pin one copy or schemas from
  // @graphql-tools (CJS) and from test files (ESM) come from "another module or realm".
  resolve: { alias: { graphql: require.resolve('graphql') } },
  test: {
    globalSetup: ['test/global-setup.ts'],
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Most test files wait on what they start (departments, a gateway, PostgreSQL, Chromium): at least two run at
    // once, also on a two-core machine (vitest's default there is one).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // A worker keeps its loaded modules from one file to the next instead of importing the gateway and the
    // departments again for every file (a quarter of the run's time). So a test file restores what it changes
    // in its process (environment variables, spies, globals) when it is done.
    isolate: false,
    // expect.poll waits for what a page or a server shows next; on a busy machine one second (the default) is too short.
    expect: { poll: { timeout: 10_000 } },
    // Servers started by tests log one line per request at info; the suite's output keeps warnings and errors.
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
  },
})
