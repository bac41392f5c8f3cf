import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { buildWebIfChanged, builtHash, webSourceHash } from './build-web.js'

const root = mkdtempSync(join(tmpdir(), 'stadtgraph-build-web-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('building the web app on change', () => {
  it('skips without web/, builds once, and again only when a source changed', async () => {
    expect(await buildWebIfChanged({ root })).toEqual({ status: 'no-app' })
    mkdirSync(join(root, 'web', 'src'), { recursive: true })
    writeFileSync(join(root, 'package-lock.json'), '{"lockfileVersion": 3}')
    writeFileSync(
      join(root, 'web', 'index.html'),
      '<!doctype html><html lang="de"><head><title>t</title><script type="module" src="/src/main.ts"></script></head><body></body></html>',
    )
    writeFileSync(join(root, 'web', 'src', 'main.ts'), "document.body.textContent = 'eins'\n")

    const first = await buildWebIfChanged({ root })
    expect(first.status).toBe('built')
    const dist = join(root, 'web', 'dist')
    const assets = readdirSync(join(dist, 'assets'))
    expect(assets.some(f => /^index-[\w-]+\.js$/.test(f))).toBe(true)
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toMatch(/src="\/assets\/index-[\w-]+\.js"/)
    expect(builtHash(root)).toBe(webSourceHash(root))
    expect(readdirSync(join(root, 'web')).filter(f => f.startsWith('.dist-'))).toEqual([])

    expect(await buildWebIfChanged({ root })).toEqual({ status: 'up-to-date', hash: webSourceHash(root) })

    writeFileSync(join(root, 'web', 'src', 'main.ts'), "document.body.textContent = 'zwei'\n")
    const second = await buildWebIfChanged({ root })
    expect(second.status).toBe('built')
    expect(second.status === 'built' && first.status === 'built' && second.hash).not.toBe(first.status === 'built' && first.hash)
    const js = readdirSync(join(dist, 'assets')).find(f => f.endsWith('.js'))!
    expect(readFileSync(join(dist, 'assets', js), 'utf8')).toContain('zwei')

    // The lock file counts: new packages are a new build.
    writeFileSync(join(root, 'package-lock.json'), '{"lockfileVersion": 3, "packages": {}}')
    expect((await buildWebIfChanged({ root })).status).toBe('built')
  })

  it('keeps the last good app when a build fails', async () => {
    const before = readFileSync(join(root, 'web', 'dist', 'index.html'), 'utf8')
    writeFileSync(join(root, 'web', 'src', 'main.ts'), "import { missing } from './nowhere'\nmissing()\n")
    await expect(buildWebIfChanged({ root })).rejects.toThrow(/nowhere/)
    expect(readFileSync(join(root, 'web', 'dist', 'index.html'), 'utf8')).toBe(before)
    expect(builtHash(root)).not.toBe(webSourceHash(root))
    expect(existsSync(join(root, 'web', 'dist', '.source-hash'))).toBe(true)
    expect(readdirSync(join(root, 'web')).filter(f => f.startsWith('.dist-'))).toEqual([])
  })
})
