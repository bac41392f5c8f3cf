import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

// npm run image:build [-- --tag NAME:TAG]: builds the one image of every process (Dockerfile) with the
// first container engine that works here: docker (with a running daemon), podman, buildah. Prints the
// image's size. Without any engine it says so and exits 1 (nothing was built); CI builds images where an
// engine (or kaniko/buildkit) runs, and checks the Dockerfile without one (test/deploy/dockerfile.test.ts).
const ROOT = fileURLToPath(new URL('../', import.meta.url))
const args = process.argv.slice(2)
const tagAt = args.indexOf('--tag')
if ((args.length && tagAt !== 0) || (tagAt === 0 && (args.length !== 2 || !/^[\w./:-]+$/.test(args[1])))) {
  console.error('usage: npm run image:build [-- --tag NAME:TAG]')
  process.exit(2)
}
const version = (JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { version: string }).version
const tag = tagAt === 0 ? args[1] : `stadtgraph:${version}`

const works = (cmd: string, probe: string[]) => spawnSync(cmd, probe, { stdio: 'ignore', timeout: 15_000 }).status === 0
const engines: Array<{ name: string; probe: string[]; build: string[]; size: string[] }> = [
  { name: 'docker', probe: ['info'], build: ['build'], size: ['image', 'inspect', '--format', '{{.Size}}', tag] },
  { name: 'podman', probe: ['info'], build: ['build'], size: ['image', 'inspect', '--format', '{{.Size}}', tag] },
  { name: 'buildah', probe: ['version'], build: ['bud'], size: ['inspect', '--type', 'image', '--format', '{{.Docker.Size}}', tag] },
]
const engine = engines.find(e => works(e.name, e.probe))
if (!engine) {
  console.error(
    'no container engine here: docker (with a running daemon), podman or buildah is needed to build the image. ' +
      'Nothing was built; the Dockerfile is still checked by `npx vitest run test/deploy/dockerfile.test.ts`.',
  )
  process.exit(1)
}
console.log(`building ${tag} with ${engine.name}`)
const built = spawnSync(engine.name, [...engine.build, '--tag', tag, ROOT], { stdio: 'inherit' })
if (built.status !== 0) process.exit(built.status ?? 1)
const size = spawnSync(engine.name, engine.size, { encoding: 'utf8' })
const bytes = Number(size.stdout?.trim())
console.log(`built ${tag}${Number.isFinite(bytes) && bytes > 0 ? ` (${(bytes / 1e6).toFixed(0)} MB)` : ''}`)
