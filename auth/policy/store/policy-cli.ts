import { readFile, writeFile } from 'node:fs/promises'
import { createDb } from '../../../platform/db/create-db.js'
import { readPreparedStatements } from '../../../platform/db/prepared-statements.js'
import { PolicyError } from '../types.js'
import { checkDeclaredRowRules, type DeclaredRowRuleTarget } from '../declared-row-rules.js'
import { AuditKeyError, loadAuditKeys, type AuditKeys } from './audit-keys.js'
import { createPolicyStore } from './create-policy-store.js'
import { policyDocument } from './policy-document.js'
import { pointer, validatePolicy, type Classify } from './validate-policy.js'

export interface PolicyCliIo {
  stdout?: (text: string) => void
  stderr?: (text: string) => void
  /** The supergraph's classes (see createPolicyStore); without it imports cannot check coordinates. */
  classify?: Classify
  /** Where a development audit key is looked for (default `.data`); see audit-keys.ts. */
  devKeyDir?: string
  /**
   * The row-rule targets the departments declare (each department's `rowRules`): an import's row
   * rules are checked against them as the admin API checks them, so no rule that would match no row
   * is stored. Without it row rules are checked for shape only.
   */
  rowRuleTargets?: () => Promise<DeclaredRowRuleTarget[]>
}

const USAGE = `usage: policy <command> (on DATABASE_URL)
  export [--file out.json]                                    write the policy as JSON (stdout without --file)
  import --file in.json [--expected-version N] [--actor name] replace the policy, all or nothing
                                                              (expected version: --expected-version, else the file's "version";
                                                              adding personal/special access waits for a second administrator)
  verify-audit                                                check the audit log and the personal-data access log:
                                                              hash chains and signed checkpoints (AUDIT_VERIFY_KEY)
  checkpoint                                                  sign the newest entry of both logs now (AUDIT_SIGNING_KEY)
  roles                                                       list the roles`

/**
 * Exit codes: 0 done, 1 refused (invalid policy, version conflict, import waiting for a second
 * administrator, a log whose chain or checkpoints do not verify), 2 usage or environment (also a
 * missing or malformed audit key).
 */
export async function runPolicyCli(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  io: PolicyCliIo = {},
): Promise<number> {
  const out = io.stdout ?? ((t: string) => void process.stdout.write(t))
  const err = io.stderr ?? ((t: string) => void process.stderr.write(t))
  const [command, ...rest] = argv
  let flags: Map<string, string>
  try {
    flags = parseFlags(
      rest,
      { export: ['file'], import: ['file', 'expected-version', 'actor'], 'verify-audit': [], checkpoint: [], roles: [] }[command ?? ''] ??
        null,
    )
  } catch (e) {
    err(`${(e as Error).message}\n${USAGE}\n`)
    return 2
  }
  const url = env.DATABASE_URL
  if (!url) {
    err('DATABASE_URL is not set\n')
    return 2
  }
  let preparedStatements: boolean
  try {
    preparedStatements = readPreparedStatements(env)
  } catch (e) {
    err(`${(e as Error).message}\n`)
    return 2
  }
  let audit: AuditKeys
  try {
    // An import is a policy change: signed when a key is configured (else the next writer's checkpoint covers it).
    audit = loadAuditKeys(env, { devKeyDir: io.devKeyDir, purpose: command === 'verify-audit' ? 'verify' : 'optional' })
    if (command === 'checkpoint' && !audit.signer) throw new AuditKeyError('checkpoint needs AUDIT_SIGNING_KEY (or AUDIT_SIGNING_KEY_FILE)')
  } catch (e) {
    if (!(e instanceof AuditKeyError)) throw e
    err(`${e.message}\n`)
    return 2
  }
  const handle = createDb(url, { max: 2, applicationName: 'stadtgraph-policy-cli', preparedStatements })
  const store = createPolicyStore(handle.db, { connectionString: url, classify: io.classify, audit })
  try {
    switch (command) {
      case 'export': {
        const json = `${JSON.stringify(await store.exportPolicy(), null, 2)}\n`
        const file = flags.get('file')
        if (file) {
          await writeFile(file, json)
          err(`policy written to ${file}\n`)
        } else out(json)
        return 0
      }
      case 'import': {
        const file = flags.get('file')
        if (!file) {
          err(`import needs --file\n${USAGE}\n`)
          return 2
        }
        const json = await readFile(file, 'utf8')
        const expectedVersion = expectedVersionOf(flags.get('expected-version'), json)
        if (expectedVersion === null) {
          err('give --expected-version N (the file has no "version")\n')
          return 2
        }
        const actor = flags.get('actor') ?? `cli:${env.USER ?? 'unknown'}`
        if (io.rowRuleTargets) {
          const targets = io.rowRuleTargets
          const { rowRules } = validatePolicy(policyDocument({ json }))
          const offline = () => Promise.reject(new Error('rows are not counted by the command line'))
          await checkDeclaredRowRules(
            { targets: async () => ({ targets: await targets(), unreachable: [] }), count: offline },
            rowRules,
            i => pointer('rowRules', i),
          )
        }
        try {
          const { version } = await store.importPolicy({ json, expectedVersion, actor })
          out(`imported ${file}: policy version ${version}\n`)
          return 0
        } catch (e) {
          const changeId = (e as { changeId?: unknown }).changeId
          if (!(e instanceof PolicyError) || e.code !== 'PENDING_APPROVAL' || typeof changeId !== 'number') throw e
          out(`pending change ${changeId}\n`)
          err(
            `${file} NOT imported: it adds access to personal or special data and waits for a second administrator ` +
              `(not ${actor}) as pending change ${changeId}; the policy is unchanged.\n${e.code}: ${e.message}\n`,
          )
          return 1
        }
      }
      case 'verify-audit': {
        const statuses = [await store.verifyAuditChain(), await store.verifyAccessLogChain()]
        for (const s of statuses) out(`${s.message}\n`)
        if (audit.verifier.keyIds.length === 0) err('no verify key (AUDIT_VERIFY_KEY): checkpoint signatures cannot be checked\n')
        return statuses.every(s => s.ok) ? 0 : 1
      }
      case 'checkpoint': {
        const { auditLog, accessLog } = await store.checkpointNow()
        const seq = (n: number | null) => (n === null ? 'empty' : `signed through seq ${n}`)
        out(`audit_log: ${seq(auditLog)}\naccess_log: ${seq(accessLog)} (key ${audit.signer?.keyId})\n`)
        return 0
      }
      default: {
        // roles
        const policy = await store.exportPolicy()
        out(`policy version ${policy.version}\n`)
        for (const r of policy.roles) {
          const flagsText = [
            r.aggregateOnly && 'aggregate-only',
            r.admin && 'admin',
            (r.validFrom || r.validUntil) && `valid ${r.validFrom ?? '…'}–${r.validUntil ?? '…'}`,
          ]
            .filter(Boolean)
            .join(', ')
          out(`${r.name.padEnd(20)} [${r.scopes.join(', ')}]${flagsText ? ` (${flagsText})` : ''}  ${r.description}\n`)
        }
        return 0
      }
    }
  } catch (e) {
    if (e instanceof PolicyError) {
      err(`${e.code}: ${e.message}${e.pointer !== undefined ? ` (at ${e.pointer || '/'})` : ''}\n`)
      return 1
    }
    const code = (e as { code?: string }).code
    if (code === '42P01' || code === '3F000') {
      err('the access schema is not migrated (start the gateway once, or run the migrations)\n')
      return 2
    }
    if (code === 'ENOENT') {
      err(`${(e as Error).message}\n`)
      return 2
    }
    err(`policy ${command} failed: ${(e as Error).message}\n`)
    return 2
  } finally {
    await handle.close()
  }
}

/** `--name value` and `--name=value`; unknown commands and flags are usage errors. */
function parseFlags(args: readonly string[], allowed: string[] | null): Map<string, string> {
  if (!allowed) throw new Error('unknown or missing command')
  const flags = new Map<string, string>()
  for (let i = 0; i < args.length; i++) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(args[i])
    if (!m || !allowed.includes(m[1])) throw new Error(`unexpected argument ${JSON.stringify(args[i])}`)
    const value = m[2] ?? args[++i]
    if (value === undefined) throw new Error(`--${m[1]} needs a value`)
    flags.set(m[1], value)
  }
  return flags
}

/** The flag wins; else the version the file was exported at, so a stale edit conflicts instead of overwriting. */
function expectedVersionOf(flag: string | undefined, json: string): number | null {
  let doc: unknown
  try {
    doc = JSON.parse(json)
  } catch (e) {
    throw new PolicyError('INVALID_POLICY', `the policy document is not JSON: ${(e as Error).message}`, '')
  }
  if (flag !== undefined) {
    if (!/^\d+$/.test(flag))
      throw new PolicyError(
        'INVALID_POLICY',
        `--expected-version must be a non-negative integer, got ${JSON.stringify(flag)}`,
        '/expectedVersion',
      )
    return Number(flag)
  }
  const version = (doc as { version?: unknown } | null)?.version
  return Number.isSafeInteger(version) ? (version as number) : null
}
