import { generateKeyPairSync } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { createDb, type DbHandle } from '../../../platform/db/create-db.js'
import { createDatabase } from '../../../test/helpers/test-database.js'
import { auditHash } from './audit-chain.js'
import { createPolicyStore, type PolicyStore } from './create-policy-store.js'
import { DEFAULT_ROLES } from './default-roles.js'
import { runPolicyCli, type PolicyCliIo } from './policy-cli.js'
import type { Classify } from './validate-policy.js'

let database: Awaited<ReturnType<typeof createDatabase>>
let empty: Awaited<ReturnType<typeof createDatabase>>
let handle: DbHandle<any>
let store: PolicyStore
let dir: string

async function cli(
  argv: string[],
  env: Record<string, string | undefined> = { DATABASE_URL: database.url, USER: 'tester' },
  classify?: Classify,
  rowRuleTargets?: PolicyCliIo['rowRuleTargets'],
) {
  let stdout = ''
  let stderr = ''
  const code = await runPolicyCli(argv, env, {
    stdout: t => {
      stdout += t
    },
    stderr: t => {
      stderr += t
    },
    classify,
    rowRuleTargets,
    devKeyDir: join(dir, 'no-dev-key'),
  })
  return { code, stdout, stderr }
}

async function state() {
  const [policy, audit] = await Promise.all([
    store.exportPolicy(),
    sql<{ n: number }>`select count(*)::int as n from access.audit_log`.execute(handle.db),
  ])
  return { policy, audit: audit.rows[0].n }
}

beforeAll(async () => {
  database = await createDatabase(inject('adminUrl'), 'sg_policy_cli')
  empty = await createDatabase(inject('adminUrl'), 'sg_policy_cli_empty')
  handle = createDb(database.url, { max: 2 })
  store = createPolicyStore(handle.db)
  await store.migrate()
  await store.seedDefaults()
  dir = mkdtempSync(join(tmpdir(), 'stadtgraph-policy-cli-'))
})
afterAll(async () => {
  await handle?.close()
  await database?.drop()
  await empty?.drop()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

describe('policy CLI', () => {
  it('lists the roles', async () => {
    const { code, stdout } = await cli(['roles'])
    expect(code).toBe(0)
    expect(stdout).toMatch(/^policy version 1$/m)
    for (const r of DEFAULT_ROLES) expect(stdout).toMatch(new RegExp(`^${r.name} `, 'm'))
    expect(stdout).toMatch(/^staff .*\{department\}:special/m)
  })

  it('exports to stdout and to a file', async () => {
    const toStdout = await cli(['export'])
    expect(toStdout.code).toBe(0)
    expect(JSON.parse(toStdout.stdout)).toEqual(await store.exportPolicy())
    const file = join(dir, 'policy.json')
    expect((await cli(['export', '--file', file])).code).toBe(0)
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(await store.exportPolicy())
  })

  it('imports an edited export against the version it was exported at', async () => {
    const file = join(dir, 'edit.json')
    await cli(['export', `--file=${file}`])
    const doc = JSON.parse(readFileSync(file, 'utf8'))
    doc.grants.push({ role: 'committee', coordinate: 'BudgetLine.forecast', effect: 'DENY', validUntil: null })
    writeFileSync(file, JSON.stringify(doc))
    const { code, stdout } = await cli(['import', '--file', file])
    expect(code).toBe(0)
    expect(stdout).toMatch(/policy version 2/)
    const after = await state()
    expect(after.policy).toEqual({ ...doc, version: 2 })
    expect((await store.auditLog({ limit: 1 }))[0]).toMatchObject({ action: 'policy.import', actor: 'cli:tester' })

    // The same file again is now stale.
    const again = await cli(['import', '--file', file, '--actor', 'ops'])
    expect(again.code).toBe(1)
    expect(again.stderr).toMatch(/^VERSION_CONFLICT/)
    expect(await state()).toEqual(after)
  })

  it.each([
    [
      'public role with personal data',
      (doc: any) => {
        doc.roles.find((r: any) => r.name === 'public').scopes.push('asylum:personal')
      },
      /INVALID_POLICY: .*public.* \(at \/roles\/\d+\/scopes\/1\)/,
    ],
    [
      'grant to an unknown role',
      (doc: any) => {
        doc.grants.push({ role: 'ghost', coordinate: 'X.y', effect: 'ALLOW', validUntil: null })
      },
      /INVALID_POLICY: unknown role "ghost" \(at \/grants\/1\/role\)/,
    ],
    ['not JSON', null, /INVALID_POLICY: the policy document is not JSON/],
  ])('refuses an import with %s and writes nothing', async (_name, edit, message) => {
    const before = await state()
    const file = join(dir, 'bad.json')
    if (edit) {
      const doc = JSON.parse(JSON.stringify(before.policy))
      edit(doc)
      writeFileSync(file, JSON.stringify(doc))
    } else {
      writeFileSync(file, '{"roles": [')
    }
    const { code, stderr } = await cli(['import', '--file', file, '--expected-version', String(before.policy.version)])
    expect(code).toBe(1)
    expect(stderr).toMatch(message)
    expect(await state()).toEqual(before)
  })

  it('verifies both logs with their signed checkpoints; a rewrite with the chain recomputed fails on the signature', async () => {
    const signing = generateKeyPairSync('ed25519')
    const AUDIT_SIGNING_KEY = signing.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()
    const AUDIT_VERIFY_KEY = signing.publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('base64')
    const verifyEnv = { DATABASE_URL: database.url, NODE_ENV: 'production', AUDIT_VERIFY_KEY }
    // Written by stores without a key: unsigned so far, fewer than the interval, so ok.
    const unsigned = await cli(['verify-audit'], verifyEnv)
    expect(unsigned).toMatchObject({ code: 0, stderr: '' })
    expect(unsigned.stdout).toBe(
      'audit_log: ok, 2 entries, 0 checkpoints verified, 2 newest entries not yet signed\n' +
        'access_log: ok, 0 entries, 0 checkpoints verified, 0 newest entries not yet signed\n',
    )
    const [head, first] = [(await store.auditLog({ limit: 10 }))[0], (await store.auditLog({ limit: 10 })).at(-1)!]

    expect(await cli(['checkpoint'], { DATABASE_URL: database.url, AUDIT_SIGNING_KEY })).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(new RegExp(`^audit_log: signed through seq ${head.id}\naccess_log: empty \\(key [0-9a-f]{16}\\)\n$`)),
    })
    expect((await cli(['verify-audit'], verifyEnv)).stdout).toMatch(
      new RegExp(`^audit_log: ok, 2 entries, 1 checkpoints verified \\(newest at seq ${head.id}\\), 0 newest entries not yet signed\n`),
    )

    // A superuser rewrites the first entry and recomputes every hash after it: the chain is whole again.
    await sql.raw('alter table access.audit_log disable trigger audit_log_append_only').execute(handle.db)
    try {
      let prev = first.prevHash
      for (const e of [first, head]) {
        const hash = auditHash(prev, {
          at: e.at.toISOString(),
          actor: e.id === first.id ? 'mallory' : e.actor,
          action: e.action,
          payload: e.payload,
        })
        await sql`update access.audit_log set actor = ${e.id === first.id ? 'mallory' : e.actor}, prev_hash = ${prev}, hash = ${hash} where id = ${e.id}`.execute(
          handle.db,
        )
        prev = hash
      }
    } finally {
      await sql.raw('alter table access.audit_log enable trigger audit_log_append_only').execute(handle.db)
    }
    const forged = await cli(['verify-audit'], verifyEnv)
    expect(forged.code).toBe(1)
    expect(forged.stdout).toBe(
      `audit_log: checkpoint at seq ${head.id} has a BAD SIGNATURE: entry ${head.id} no longer has the hash that was signed: entries up to it were rewritten\n` +
        'access_log: ok, 0 entries, 0 checkpoints verified, 0 newest entries not yet signed\n',
    )

    // An edit without recomputing is a break at the edited entry.
    await sql.raw('alter table access.audit_log disable trigger audit_log_append_only').execute(handle.db)
    try {
      await sql`update access.audit_log set action = 'nothing' where id = ${first.id}`.execute(handle.db)
    } finally {
      await sql.raw('alter table access.audit_log enable trigger audit_log_append_only').execute(handle.db)
    }
    const broken = await cli(['verify-audit'], verifyEnv)
    expect(broken.code).toBe(1)
    expect(broken.stdout).toMatch(new RegExp(`^audit_log: chain BROKEN at seq ${first.id} \\(0 entries verified before it\\)\n`))
  })

  it.each([
    [
      'verify-audit without a verify key in production',
      ['verify-audit'],
      { NODE_ENV: 'production' },
      /AUDIT_VERIFY_KEY \(or AUDIT_SIGNING_KEY\) is required/,
    ],
    ['checkpoint without a signing key', ['checkpoint'], {}, /checkpoint needs AUDIT_SIGNING_KEY/],
    ['a malformed verify key', ['verify-audit'], { AUDIT_VERIFY_KEY: 'abc' }, /AUDIT_VERIFY_KEY must be 32 bytes/],
  ])('exits 2 on %s, before opening the database', async (_name, argv, env, message) => {
    const { code, stdout, stderr } = await cli(argv, { DATABASE_URL: 'postgres://unused', ...env })
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toMatch(message)
  })

  it.each([
    ['no command', [], { DATABASE_URL: 'postgres://unused' }, /unknown or missing command/],
    ['an unknown command', ['grant'], { DATABASE_URL: 'postgres://unused' }, /unknown or missing command/],
    ['an unknown flag', ['export', '--out', 'x'], { DATABASE_URL: 'postgres://unused' }, /unexpected argument "--out"/],
    ['import without --file', ['import'], { DATABASE_URL: 'postgres://unused' }, /import needs --file/],
    ['no DATABASE_URL', ['roles'], {}, /DATABASE_URL is not set/],
    [
      'a DB_PREPARED_STATEMENTS that is neither on nor off',
      ['roles'],
      { DATABASE_URL: 'postgres://unused', DB_PREPARED_STATEMENTS: 'maybe' },
      /DB_PREPARED_STATEMENTS must be on or off, got "maybe"/,
    ],
  ])('exits 2 on %s', async (_name, argv, env, message) => {
    const { code, stderr } = await cli(argv as string[], env as Record<string, string>)
    expect(code).toBe(2)
    expect(stderr).toMatch(message)
  })

  describe("import and four eyes (with the graph's classes)", () => {
    const classify: Classify = c => (c.startsWith('AllocationRecord.') ? 'personal' : c.startsWith('BudgetLine.') ? 'internal' : undefined)
    const pending = async () => (await store.pendingChanges()).map(p => p.id)

    it('holds back an import adding a personal grant: prints the pending change id, exits 1, changes nothing', async () => {
      const before = await state()
      const pendingBefore = await pending()
      const file = join(dir, 'personal.json')
      const doc = JSON.parse(JSON.stringify(before.policy))
      doc.grants.push({ role: 'controlling', coordinate: 'AllocationRecord.id', effect: 'ALLOW', validUntil: null })
      writeFileSync(file, JSON.stringify(doc))

      const { code, stdout, stderr } = await cli(['import', '--file', file, '--actor', 'anna'], undefined, classify)
      expect(code).toBe(1)
      const id = Number(/^pending change (\d+)$/m.exec(stdout)?.[1])
      expect(id).toBeGreaterThan(0)
      expect(stdout).toBe(`pending change ${id}\n`)
      expect(stderr).toContain(`${file} NOT imported`)
      expect(stderr).toContain(`as pending change ${id}; the policy is unchanged`)
      expect(stderr).toMatch(
        /^PENDING_APPROVAL: pending change \d+ \(policy\.import\): an import adding ALLOW of AllocationRecord\.id to role controlling/m,
      )
      const after = await state()
      expect(after.policy).toEqual(before.policy)
      expect(after.audit).toBe(before.audit + 1) // change.requested only
      expect(await pending()).toEqual([...pendingBefore, id])
      const [change] = (await store.pendingChanges()).filter(p => p.id === id)
      expect(change).toMatchObject({ kind: 'policy.import', requestedBy: 'anna', payload: { grants: doc.grants } })

      // The requester cannot approve it; a second administrator applies it.
      const approver = createPolicyStore(handle.db, { classify })
      await expect(approver.approveChange({ id, expectedVersion: before.policy.version, actor: 'anna' })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      })
      expect(await approver.approveChange({ id, expectedVersion: before.policy.version, actor: 'bernd' })).toEqual({
        version: before.policy.version + 1,
      })
      expect(await store.exportPolicy()).toEqual({ ...doc, version: before.policy.version + 1 })
    })

    it('applies an import adding nothing personal at once, even with personal grants already in place', async () => {
      const before = await state()
      const file = join(dir, 'internal.json')
      const doc = JSON.parse(JSON.stringify(before.policy))
      expect(doc.grants).toContainEqual({ role: 'controlling', coordinate: 'AllocationRecord.id', effect: 'ALLOW', validUntil: null })
      doc.grants.push({ role: 'controlling', coordinate: 'BudgetLine.forecast', effect: 'ALLOW', validUntil: null })
      writeFileSync(file, JSON.stringify(doc))
      const { code, stdout } = await cli(['import', '--file', file], undefined, classify)
      expect(code).toBe(0)
      expect(stdout).toBe(`imported ${file}: policy version ${before.policy.version + 1}\n`)
      expect((await state()).policy).toEqual({ ...doc, version: before.policy.version + 1 })
    })
  })

  it('exits 2 with a clear message on a database without the access schema', async () => {
    const { code, stderr } = await cli(['roles'], { DATABASE_URL: empty.url })
    expect(code).toBe(2)
    expect(stderr).toMatch(/access schema is not migrated/)
  })

  describe('row rules against what the departments declare', () => {
    const declared = async () => [
      { department: 'asylum', coordinate: 'AllocationRecord', field: 'Query.allocationRecords', columns: ['route', 'sex'] },
    ]
    const importWithRule = async (coordinate: string, condition: Record<string, string>) => {
      const before = await state()
      const doc = JSON.parse(JSON.stringify(before.policy))
      doc.rowRules = [...doc.rowRules.filter((r: any) => r.role !== 'staff'), { role: 'staff', coordinate, condition }]
      const file = join(dir, 'row-rule.json')
      writeFileSync(file, JSON.stringify(doc))
      const env = { DATABASE_URL: database.url, USER: 'tester' }
      return {
        before,
        doc,
        run: await cli(['import', '--file', file, '--expected-version', String(before.policy.version)], env, undefined, declared),
      }
    }

    it.each([
      [
        'a column the department does not declare',
        'AllocationRecord',
        { column: 'religion', equals: 'x' },
        /INVALID_POLICY: .*no field "religion".* \(at \/rowRules\/\d+\/condition\/column\)/,
      ],
      [
        'a type no department declares',
        'Accommodation',
        { column: 'route', equals: 'x' },
        /INVALID_POLICY: no department declares .*Accommodation.* \(at \/rowRules\/\d+\/coordinate\)/,
      ],
    ])('refuses an import carrying a row rule on %s and writes nothing', async (_name, coordinate, condition, message) => {
      const { before, run } = await importWithRule(coordinate, condition)
      expect(run.code).toBe(1)
      expect(run.stderr).toMatch(message)
      expect(await state()).toEqual(before)
    })

    it('imports a row rule on a declared type and column', async () => {
      const { before, doc, run } = await importWithRule('AllocationRecord', { column: 'route', equals: 'land' })
      expect(run.code).toBe(0)
      expect((await state()).policy).toEqual({ ...doc, version: before.policy.version + 1 })
    })
  })
})
