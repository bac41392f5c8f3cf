import { execFileSync, spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { checkDockerfile, checkDockerignore, parseDockerfile } from './dockerfile-rules.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const dockerfile = readFileSync(`${ROOT}Dockerfile`, 'utf8')

describe('Dockerfile', () => {
  it('keeps the rules: pinned bases, multi-stage, numeric non-root USER, npm ci --omit=dev, no HEALTHCHECK, ADD, secrets', () => {
    expect(checkDockerfile(dockerfile)).toEqual([])
    expect(checkDockerignore(readFileSync(`${ROOT}.dockerignore`, 'utf8'))).toEqual([])
  })

  it('runs bundles with plain node: the gateway by default, and the department and migration bundles the build makes', () => {
    const steps = parseDockerfile(dockerfile)
    const cmd = steps.filter(s => s.keyword === 'CMD').at(-1)!
    expect(JSON.parse(cmd.args)).toEqual(['node', '--enable-source-maps', '.data/gateway/gateway.js'])
    const build = steps
      .filter(s => s.keyword === 'RUN' && s.stage === 0)
      .map(s => s.args)
      .join('\n')
    expect(build).toContain('gateway/build.ts')
    expect(build).toContain('scripts/build-departments.ts')
    expect(steps.some(s => s.keyword === 'COPY' && s.args.startsWith('--from=build /app/.data'))).toBe(true)
    // The runtime stage keeps only the packages the bundles load (test/deploy/bundle.test.ts runs them so).
    const runtime = steps
      .filter(s => s.keyword === 'RUN' && s.stage === 1)
      .map(s => s.args)
      .join('\n')
    expect(runtime).toMatch(/npm ci --omit=dev .*&& node \.data\/tools\/prune-packages\.js/)
  })

  it('is linted by hadolint too where it is installed', () => {
    const which = spawnSync('sh', ['-c', 'command -v hadolint'], { encoding: 'utf8' })
    if (which.status !== 0) return // Debian ships no hadolint; the rules above stand in for it.
    execFileSync('hadolint', ['--failure-threshold', 'warning', `${ROOT}Dockerfile`], { stdio: 'pipe' })
  })

  it('catches each broken rule in a bad Dockerfile (the check can fail)', () => {
    const bad = [
      'FROM node:latest',
      'ADD https://example.org/tool.tgz /tmp/',
      'ENV DB_PASSWORD=hunter2',
      'RUN curl -fsSL https://example.org/i.sh | sh',
      'COPY . .',
      'RUN npm install',
      'HEALTHCHECK CMD curl -f http://localhost:4000/healthz',
      'USER node',
      'CMD node --import tsx gateway/index.ts',
    ].join('\n')
    const problems = checkDockerfile(bad).join('\n')
    for (const expected of [
      /multi-stage/,
      /line 1: base image node:latest is not pinned/,
      /line 2: ADD from a URL/,
      /line 3: ENV DB_PASSWORD bakes a secret/,
      /line 4: piping a download/,
      /line 5: COPY \. copies/,
      /line 6: npm install/,
      /line 7: no HEALTHCHECK/,
      /line 8: USER node: a numeric non-root uid/,
      /npm ci --omit=dev/,
      /line 9: CMD in shell form/,
      /line 9: CMD runs the TypeScript loader/,
    ]) {
      expect(problems).toMatch(expected)
    }
    expect(checkDockerfile('FROM node:20.20.2-slim AS a\nFROM a\nRUN npm ci --omit=dev\nUSER 0\nCMD ["node","x.js"]')).toEqual([
      'line 4: USER 0: a numeric non-root uid (Kubernetes runAsNonRoot cannot check a user name)',
    ])
    expect(checkDockerignore('node_modules\n')).toEqual([
      '.dockerignore lacks .git',
      '.dockerignore lacks .env',
      '.dockerignore lacks .data',
    ])
  })
})
