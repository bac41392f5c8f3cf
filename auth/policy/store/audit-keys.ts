import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto'
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

/**
 * The Ed25519 keys of the audit checkpoints (audit-checkpoint.ts). The signing key never enters
 * the database, so someone who can rewrite `access.*` rows and recompute their hash chains still
 * cannot produce a valid checkpoint over the rewritten head.
 *
 * Environment (read once, where a process starts):
 * - `AUDIT_SIGNING_KEY`: PKCS#8 PEM, or base64 of the 32-byte raw Ed25519 private key (seed);
 *   or `AUDIT_SIGNING_KEY_FILE`: a file holding either.
 * - `AUDIT_VERIFY_KEY`: public keys accepted when verifying — SPKI PEM blocks, or base64 raw
 *   32-byte keys separated by commas or whitespace; or `AUDIT_VERIFY_KEY_FILE`. The public half
 *   of the signing key is always accepted too; older keys stay here after a rotation.
 * - `AUDIT_CHECKPOINT_EVERY`: a checkpoint at least every N entries of each log (default 100).
 *
 * Outside production, without a signing key one is generated once into `.data/audit-signing-key.pem`
 * and reused. In production a writer without a signing key is refused at start: the logs would
 * silently lose their tamper evidence against database administrators.
 */

export class AuditKeyError extends Error {}

export interface AuditSigner {
  /** Fingerprint of the public key (verify keys are looked up by it). */
  readonly keyId: string
  /** Base64 Ed25519 signature. */
  sign(message: string): string
}

export interface AuditVerifier {
  /** Key ids accepted, in the order given. */
  readonly keyIds: readonly string[]
  /** null when `keyId` is not among the accepted keys. */
  verify(keyId: string, message: string, signature: string): boolean | null
}

export interface AuditKeys {
  /** null: this process writes entries but no checkpoints. */
  readonly signer: AuditSigner | null
  readonly verifier: AuditVerifier
  /** Entries between checkpoints, at most. */
  readonly every: number
}

export const DEFAULT_CHECKPOINT_EVERY = 100
const MAX_CHECKPOINT_EVERY = 100_000
export const DEV_KEY_FILE = 'audit-signing-key.pem'

// DER prefixes of an Ed25519 PKCS#8 private key and SPKI public key around their 32 raw bytes (RFC 8410).
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex')
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex')

function rawPublic(key: KeyObject): Buffer {
  const der = key.export({ format: 'der', type: 'spki' })
  return der.subarray(der.length - 32)
}

/** First 16 hex digits of sha256 over the raw public key. */
export function keyFingerprint(publicKey: KeyObject): string {
  return createHash('sha256').update(rawPublic(publicKey)).digest('hex').slice(0, 16)
}

function base64Key(text: string, what: string): Buffer {
  const compact = text.trim()
  if (!/^[A-Za-z0-9+/_-]+=*$/.test(compact)) throw new AuditKeyError(`${what} is neither a PEM key nor base64`)
  const bytes = Buffer.from(compact, compact.includes('-') || compact.includes('_') ? 'base64url' : 'base64')
  if (bytes.length !== 32) throw new AuditKeyError(`${what} must be 32 bytes of raw Ed25519 key in base64, got ${bytes.length} bytes`)
  return bytes
}

function ed25519(key: KeyObject, what: string): KeyObject {
  if (key.asymmetricKeyType !== 'ed25519')
    throw new AuditKeyError(`${what} must be an Ed25519 key, got ${key.asymmetricKeyType ?? 'a symmetric key'}`)
  return key
}

export function parsePrivateKey(text: string, what = 'AUDIT_SIGNING_KEY'): KeyObject {
  try {
    if (text.includes('-----BEGIN')) return ed25519(createPrivateKey(text), what)
    return createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, base64Key(text, what)]), format: 'der', type: 'pkcs8' })
  } catch (err) {
    if (err instanceof AuditKeyError) throw err
    throw new AuditKeyError(`${what} is not a valid private key (${(err as Error).message})`)
  }
}

export function parsePublicKeys(text: string, what = 'AUDIT_VERIFY_KEY'): KeyObject[] {
  try {
    if (text.includes('-----BEGIN')) {
      const blocks = text.match(/-----BEGIN [A-Z ]+-----[\s\S]*?-----END [A-Z ]+-----/g) ?? []
      if (blocks.length === 0) throw new AuditKeyError(`${what} has no complete PEM block`)
      return blocks.map(b => ed25519(createPublicKey(b), what))
    }
    const parts = text.split(/[\s,]+/).filter(Boolean)
    if (parts.length === 0) throw new AuditKeyError(`${what} is empty`)
    return parts.map(p => createPublicKey({ key: Buffer.concat([SPKI_PREFIX, base64Key(p, what)]), format: 'der', type: 'spki' }))
  } catch (err) {
    if (err instanceof AuditKeyError) throw err
    throw new AuditKeyError(`${what} is not a valid public key (${(err as Error).message})`)
  }
}

export function createAuditSigner(privateKey: KeyObject): AuditSigner {
  const keyId = keyFingerprint(createPublicKey(privateKey))
  return { keyId, sign: message => sign(null, Buffer.from(message), privateKey).toString('base64') }
}

export function createAuditVerifier(publicKeys: readonly KeyObject[]): AuditVerifier {
  const byId = new Map(publicKeys.map(k => [keyFingerprint(k), k]))
  return {
    keyIds: [...byId.keys()],
    verify(keyId, message, signature) {
      const key = byId.get(keyId)
      if (!key) return null
      const bytes = Buffer.from(signature, 'base64')
      return bytes.length === 64 && verify(null, Buffer.from(message), key, bytes)
    },
  }
}

function readKeyFile(path: string, name: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch (err) {
    throw new AuditKeyError(`${name} cannot be read: ${(err as Error).message}`)
  }
}

/** The development key in `dir`: created once (atomically, so processes starting together agree), then reused. */
function developmentKey(dir: string): KeyObject {
  const file = join(dir, DEV_KEY_FILE)
  try {
    return parsePrivateKey(readFileSync(file, 'utf8'), file)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT')
      throw err instanceof AuditKeyError ? err : new AuditKeyError(`${file}: ${(err as Error).message}`)
  }
  mkdirSync(dir, { recursive: true })
  const pem = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()
  const tmp = `${file}.${process.pid}.tmp`
  writeFileSync(tmp, pem, { mode: 0o600 })
  try {
    linkSync(tmp, file)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
  } finally {
    unlinkSync(tmp)
  }
  return parsePrivateKey(readFileSync(file, 'utf8'), file)
}

export interface LoadAuditKeysOptions {
  /** Where the development key lives; default `.data` under the working directory. */
  devKeyDir?: string
  /**
   * `write` (a gateway): needs a signing key, generated outside production. `verify`: needs
   * verify keys in production. `optional`: whatever is configured. Outside production `verify`
   * and `optional` use the development key if there is one, but never create it.
   */
  purpose?: 'write' | 'verify' | 'optional'
}

/** Reads and validates the audit keys from `env`; AuditKeyError names the setting at fault. */
export function loadAuditKeys(env: Readonly<Record<string, string | undefined>>, opts: LoadAuditKeysOptions = {}): AuditKeys {
  const purpose = opts.purpose ?? 'write'
  const production = env.NODE_ENV === 'production'
  const everyText = env.AUDIT_CHECKPOINT_EVERY
  const every = everyText === undefined || everyText === '' ? DEFAULT_CHECKPOINT_EVERY : Number(everyText)
  if (!Number.isInteger(every) || every < 1 || every > MAX_CHECKPOINT_EVERY) {
    throw new AuditKeyError(`AUDIT_CHECKPOINT_EVERY must be an integer from 1 to ${MAX_CHECKPOINT_EVERY}, got "${everyText}"`)
  }
  if (env.AUDIT_SIGNING_KEY && env.AUDIT_SIGNING_KEY_FILE)
    throw new AuditKeyError('set AUDIT_SIGNING_KEY or AUDIT_SIGNING_KEY_FILE, not both')
  if (env.AUDIT_VERIFY_KEY && env.AUDIT_VERIFY_KEY_FILE) throw new AuditKeyError('set AUDIT_VERIFY_KEY or AUDIT_VERIFY_KEY_FILE, not both')

  let privateKey: KeyObject | null = null
  if (env.AUDIT_SIGNING_KEY) privateKey = parsePrivateKey(env.AUDIT_SIGNING_KEY)
  else if (env.AUDIT_SIGNING_KEY_FILE)
    privateKey = parsePrivateKey(readKeyFile(env.AUDIT_SIGNING_KEY_FILE, 'AUDIT_SIGNING_KEY_FILE'), 'AUDIT_SIGNING_KEY_FILE')
  else if (!production) {
    const dir = resolve(opts.devKeyDir ?? '.data')
    if (purpose === 'write') privateKey = developmentKey(dir)
    else {
      try {
        privateKey = parsePrivateKey(readFileSync(join(dir, DEV_KEY_FILE), 'utf8'), join(dir, DEV_KEY_FILE))
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
      }
    }
  }

  const verifyText =
    env.AUDIT_VERIFY_KEY || (env.AUDIT_VERIFY_KEY_FILE ? readKeyFile(env.AUDIT_VERIFY_KEY_FILE, 'AUDIT_VERIFY_KEY_FILE') : '')
  const publicKeys = verifyText ? parsePublicKeys(verifyText, env.AUDIT_VERIFY_KEY ? 'AUDIT_VERIFY_KEY' : 'AUDIT_VERIFY_KEY_FILE') : []
  if (privateKey) publicKeys.push(createPublicKey(privateKey))

  if (production && purpose === 'write' && !privateKey) {
    throw new AuditKeyError(
      'AUDIT_SIGNING_KEY (or AUDIT_SIGNING_KEY_FILE) is required in production: without it the audit and access logs are not tamper-evident',
    )
  }
  if (production && purpose === 'verify' && publicKeys.length === 0) {
    throw new AuditKeyError('AUDIT_VERIFY_KEY (or AUDIT_SIGNING_KEY) is required to verify the audit checkpoints in production')
  }
  return { signer: privateKey ? createAuditSigner(privateKey) : null, verifier: createAuditVerifier(publicKeys), every }
}
