import { execFile, execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { copyServices, type ServicesCopy } from '../test/helpers/copy-services.js'
import { checkSchema, formatFinding } from './check-schema.js'
import { locateInSdl } from './sdl-location.js'
import { loadService, serviceFolders } from '../lib/service/discover-services.js'
import { resolverTypesOf } from './resolver-types.js'
import { composeOwnSupergraph } from './supergraph-file.js'

const REPO = fileURLToPath(new URL('../', import.meta.url))
const copies: ServicesCopy[] = []
afterEach(() => {
  for (const c of copies.splice(0)) c.remove()
})

/** Writes the copy's generated resolver types again, as `npm run compose` does. */
async function writeResolverTypes(copy: ServicesCopy): Promise<void> {
  const folders = serviceFolders(copy.servicesDir)
  const services = await Promise.all(folders.map(f => loadService(f, copy.servicesDir)))
  for (const [path, text] of await resolverTypesOf(
    copy.servicesDir,
    services.map((s, i) => ({ folder: folders[i], typeDefs: s.typeDefs })),
  )) {
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, text)
  }
}

/**
 * A copy of the departments with one SDL edited (the real services stay as they are). The department's resolver
 * types are generated again unless `stale` is asked for; the copy's supergraph stays as committed.
 */
async function editedCopy(
  department: string,
  edit: (sdl: string) => string,
  opts: { stale?: boolean } = {},
): Promise<ServicesCopy & { sdl: string }> {
  const copy = copyServices()
  copies.push(copy)
  const file = join(copy.servicesDir, department, 'schema.graphql')
  const before = readFileSync(file, 'utf8')
  const sdl = edit(before)
  if (sdl === before) throw new Error(`edit of ${department}/schema.graphql changed nothing`)
  writeFileSync(file, sdl)
  if (!opts.stale) await writeResolverTypes(copy)
  return { ...copy, sdl }
}

/** Removes the field on the line matching `pattern`, with its description line. */
const removeField = (pattern: RegExp) => (sdl: string) => {
  const lines = sdl.split('\n')
  const at = lines.findIndex(l => pattern.test(l))
  if (at < 0) return sdl
  const from = lines[at - 1]?.trim().startsWith('"') ? at - 1 : at
  return [...lines.slice(0, from), ...lines.slice(at + 1)].join('\n')
}
const lineOf = (sdl: string, coordinate: string) => locateInSdl(sdl, coordinate)!.line
const check = (copy: ServicesCopy) => checkSchema({ servicesDir: copy.servicesDir, supergraphPath: copy.supergraphPath })

describe('schema:check', () => {
  it('passes on the departments as committed, every known operation validating', async () => {
    const copy = copyServices()
    copies.push(copy)
    const result = await check(copy)
    expect(result.findings.map(formatFinding)).toEqual([])
    expect(result.ok).toBe(true)
    expect(result.baseline).toBe(copy.supergraphPath)
  })

  it("finds a department's generated resolver types stale when its schema changed, until `npm run compose` writes them again", async () => {
    const copy = await editedCopy(
      'geo',
      sdl =>
        sdl.replace(
          /^(type Country @key\(fields: "code"\) \{)$/m,
          '$1\n  "A test field."\n  flag: String @requiresScopes(scopes: [["open"]])',
        ),
      { stale: true },
    )
    copies.push(copy)
    writeFileSync(copy.supergraphPath, await composeOwnSupergraph(copy.servicesDir))
    const stale = await check(copy)
    expect(stale.findings.filter(f => f.fails).map(formatFinding)).toEqual([
      expect.stringMatching(
        /^services\/geo\/generated\/resolvers\.ts:\d+ {2}STALE {2}is stale: generated\/resolvers\.ts no longer matches the department's schema\.graphql; run `npm run compose`/,
      ),
    ])
    await writeResolverTypes(copy)
    expect(readFileSync(join(copy.servicesDir, 'geo', 'generated', 'resolvers.ts'), 'utf8')).toMatch(
      /flag\?: Resolver<Maybe<ResolversTypes\['String'\]>, ParentType, ContextType>/,
    )
    expect((await check(copy)).findings.map(formatFinding)).toEqual([])
  })

  it("catches a removed field another department's query uses, naming the operation, and no acknowledgement lets it pass", async () => {
    // IntegrationReport (schema/operations/) asks population, education and asylum for each district.
    const copy = await editedCopy('education', removeField(/^\s+pupils\(schoolYear: String!\): SchoolPupilStats/))
    const result = await check(copy)
    const line = `services/education/schema.graphql:${lineOf(copy.sdl, 'School')}  BREAKING  Field School.pupils was removed (used by operation IntegrationReport)`
    expect(result.findings.map(formatFinding)).toContain(line)
    expect(result.ok).toBe(false)
    expect(result.changes.find(c => c.coordinate === 'School.pupils')).toMatchObject({
      level: 'BREAKING',
      departments: ['education'],
      removed: true,
    })

    writeFileSync(join(copy.servicesDir, 'education', 'breaking-changes.txt'), 'School.pupils  replaced by School.pupilStats\n')
    const acknowledged = await check(copy)
    const finding = acknowledged.findings.find(f => f.message.startsWith('Field School.pupils was removed'))!
    expect(finding).toMatchObject({ level: 'BREAKING', fails: true })
    expect(finding.message).toMatch(/acknowledged, but known operations still use it/)
    expect(acknowledged.ok).toBe(false)
  })

  it('fails on an unused breaking change until the department acknowledges it with a reason', async () => {
    const copy = await editedCopy('education', removeField(/^\s+officialNumber: String/))
    const result = await check(copy)
    const finding = result.findings.find(f => f.level === 'BREAKING')!
    expect(formatFinding(finding)).toMatch(
      /^services\/education\/schema\.graphql:\d+ {2}BREAKING {2}Field School\.officialNumber was removed \(no known operation uses it; .*services\/education\/breaking-changes\.txt\)$/,
    )
    expect(finding.line).toBe(lineOf(copy.sdl, 'School'))
    expect(result.ok).toBe(false)

    const acks = join(copy.servicesDir, 'education', 'breaking-changes.txt')
    writeFileSync(acks, '# announced to all departments\nSchool.officialNumber\n')
    const withoutReason = await check(copy)
    expect(withoutReason.findings.map(formatFinding)).toContain(
      'services/education/breaking-changes.txt:2  BREAKING  School.officialNumber needs a reason after the coordinate (what replaces it, when it was announced)',
    )
    expect(withoutReason.ok).toBe(false)

    writeFileSync(
      acks,
      '# announced to all departments\nSchool.officialNumber  now in the school catalogue export; announced 2026-11-20\nSchool.name  left over\n',
    )
    const acknowledged = await check(copy)
    expect(acknowledged.findings.filter(f => f.fails).map(formatFinding)).toEqual([
      // The copy's committed supergraph is still the old one: composing again is the team's next step.
      expect.stringMatching(/^supergraph\.graphql:\d+ {2}STALE/),
    ])
    expect(acknowledged.findings.map(formatFinding)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /services\/education\/schema\.graphql:\d+ {2}BREAKING {2}Field School\.officialNumber was removed \(acknowledged: now in the school catalogue export; announced 2026-11-20\)/,
        ),
        expect.stringMatching(
          /^services\/education\/breaking-changes\.txt:3 {2}NOTE {2}School\.name is acknowledged but is no breaking change/,
        ),
      ]),
    )
  })

  it('reports dangerous changes and stricter classes without failing on them', async () => {
    const copy = await editedCopy('education', sdl =>
      sdl
        .replace('enum SchoolType { GS RSPLUS IGS GYM FOES BBS }', 'enum SchoolType { GS RSPLUS IGS GYM FOES BBS WALDORF }')
        .replace(
          /(  kitaPlaces\(year: Int!\): KitaSupply) @requiresScopes\(scopes: \[\["open"\]\]\)/,
          '$1 @requiresScopes(scopes: [["internal"], ["education:internal"]])',
        ),
    )
    const result = await check(copy)
    const lines = result.findings.filter(f => f.level === 'DANGEROUS').map(formatFinding)
    expect(lines).toEqual(
      expect.arrayContaining([
        `services/education/schema.graphql:${lineOf(copy.sdl, 'SchoolType.WALDORF')}  DANGEROUS  Enum value WALDORF was added to enum SchoolType`,
        `services/education/schema.graphql:${lineOf(copy.sdl, 'District.kitaPlaces')}  DANGEROUS  Field District.kitaPlaces is now internal (was open): roles that held only open no longer see it (used by operations DistrictProfile, KitaCoverage)`,
      ]),
    )
    expect(result.findings.filter(f => f.fails).map(f => f.level)).toEqual(['STALE'])
  })

  it('reports classification violations with file and line', async () => {
    const copy = await editedCopy('education', sdl =>
      sdl.replace(
        /(  name: String!) @requiresScopes\(scopes: \[\["open"\]\]\)/,
        '$1 @requiresScopes(scopes: [["personal"], ["education:personal"]])',
      ),
    )
    const result = await check(copy)
    const line = copy.sdl.split('\n').findIndex(l => l.includes('name: String! @requiresScopes(scopes: [["personal"]')) + 1
    expect(result.findings.map(formatFinding)).toContain(
      `services/education/schema.graphql:${line}  CLASSIFICATION  School.name is personal but non-null (String!): make it nullable so a denied value becomes null (E8)`,
    )
    expect(result.ok).toBe(false)
  })

  it('takes the supergraph committed at a git revision as the baseline, and finds a removed type in the SDL of that revision', async () => {
    const copy = copyServices()
    copies.push(copy)
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { cwd: copy.root, stdio: 'pipe' })
    git('init', '-q')
    git('add', 'services', 'supergraph.graphql')
    git('commit', '-qm', 'baseline')
    const file = join(copy.servicesDir, 'education', 'schema.graphql')
    const before = readFileSync(file, 'utf8')
    const typeLine = lineOf(before, 'SchoolGradeCount')
    // The whole type goes, with the field returning it; the supergraph on disk is recomposed, as a team would.
    writeFileSync(file, removeField(/^\s+byGrade: \[SchoolGradeCount!\]!/)(before).replace(/\ntype SchoolGradeCount \{[^}]*\}\n/, '\n'))
    writeFileSync(copy.supergraphPath, await composeOwnSupergraph(copy.servicesDir))
    await writeResolverTypes(copy)

    const result = await check(copy)
    expect(result.baseline).toBe('HEAD:supergraph.graphql')
    expect(result.findings.filter(f => f.fails).map(formatFinding)).toEqual([
      expect.stringMatching(/^services\/education\/schema\.graphql:\d+ {2}BREAKING {2}Field SchoolPupilStats\.byGrade was removed/),
      `services/education/schema.graphql@HEAD:${typeLine}  BREAKING  Type SchoolGradeCount was removed (no known operation uses it; if every client is prepared, acknowledge it in services/education/breaking-changes.txt)`,
    ])

    const unknown = await checkSchema({ servicesDir: copy.servicesDir, supergraphPath: copy.supergraphPath, base: 'no-such-revision' })
    expect(unknown.findings.map(formatFinding)).toContain(
      'supergraph.graphql:1  ERROR  cannot read supergraph.graphql at git revision "no-such-revision" (--base)',
    )
    expect(unknown.ok).toBe(false)
  })

  it('runs as `npm run schema:check`: one line per finding, exit code 1', async () => {
    const copy = await editedCopy('education', removeField(/^\s+pupils\(schoolYear: String!\): SchoolPupilStats/))
    const run = await new Promise<{ code: number | null; stdout: string }>(done => {
      execFile(
        process.execPath,
        ['--import', 'tsx', 'schema/cli/check.ts', '--services', copy.servicesDir, '--supergraph', copy.supergraphPath],
        // STADTGRAPH_SERVICES narrows what runs, never what is checked.
        { cwd: REPO, env: { ...process.env, TRUSTED_DOCUMENTS: '', STADTGRAPH_SERVICES: 'geo' } },
        (err, stdout) => done({ code: err ? ((err as { code?: number }).code ?? null) : 0, stdout }),
      )
    })
    expect(run.code).toBe(1)
    const lines = run.stdout.trim().split('\n')
    expect(lines).toContain(
      `services/education/schema.graphql:${lineOf(copy.sdl, 'School')}  BREAKING  Field School.pupils was removed (used by operation IntegrationReport)`,
    )
    expect(lines.at(-1)).toMatch(/^schema check failed: 2 findings to fix \(against .*supergraph\.graphql: 1 breaking, 0 dangerous\)$/)
  })
})
