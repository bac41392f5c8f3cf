import { generateKeyPairSync } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { AuditKeyError, DEV_KEY_FILE, keyFingerprint, loadAuditKeys } from './audit-keys.js'

const dir = mkdtempSync(join(tmpdir(), 'stadtgraph-audit-keys-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function pair() {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519')
  const rawPrivate = privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(-32).toString('base64')
  const rawPublic = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('base64')
  return {
    privatePem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    publicPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    rawPrivate,
    rawPublic,
    id: keyFingerprint(publicKey),
  }
}

describe('audit keys', () => {
  it('reads a PEM or a base64 raw signing key; its public half verifies, another key does not', () => {
    const k = pair()
    for (const AUDIT_SIGNING_KEY of [k.privatePem, k.rawPrivate]) {
      const keys = loadAuditKeys({ AUDIT_SIGNING_KEY, NODE_ENV: 'production' })
      expect(keys.signer?.keyId).toBe(k.id)
      expect(keys.verifier.keyIds).toEqual([k.id])
      const signature = keys.signer!.sign('head')
      expect(keys.verifier.verify(k.id, 'head', signature)).toBe(true)
      expect(keys.verifier.verify(k.id, 'other head', signature)).toBe(false)
      expect(keys.verifier.verify('0123456789abcdef', 'head', signature)).toBeNull()
      expect(keys.every).toBe(100)
    }
  })

  it('accepts several verify keys (PEM blocks or base64 list) besides the signing key: rotation', () => {
    const old1 = pair()
    const old2 = pair()
    const current = pair()
    const asPem = loadAuditKeys({ AUDIT_SIGNING_KEY: current.rawPrivate, AUDIT_VERIFY_KEY: `${old1.publicPem}\n${old2.publicPem}` })
    expect(asPem.verifier.keyIds).toEqual([old1.id, old2.id, current.id])
    const asList = loadAuditKeys(
      { AUDIT_VERIFY_KEY: `${old1.rawPublic}, ${old2.rawPublic}`, NODE_ENV: 'production' },
      { purpose: 'verify' },
    )
    expect(asList.signer).toBeNull()
    expect(asList.verifier.keyIds).toEqual([old1.id, old2.id])
    const file = join(dir, 'verify.pem')
    writeFileSync(file, old2.publicPem)
    expect(loadAuditKeys({ AUDIT_VERIFY_KEY_FILE: file, NODE_ENV: 'production' }, { purpose: 'verify' }).verifier.keyIds).toEqual([old2.id])
  })

  it('reads the signing key from a file', () => {
    const k = pair()
    const file = join(dir, 'signing.pem')
    writeFileSync(file, k.privatePem)
    expect(loadAuditKeys({ AUDIT_SIGNING_KEY_FILE: file, NODE_ENV: 'production' }).signer?.keyId).toBe(k.id)
  })

  it('generates the development key once into the data folder and reuses it', () => {
    const dev = join(dir, 'dev')
    const first = loadAuditKeys({}, { devKeyDir: dev })
    const second = loadAuditKeys({ NODE_ENV: 'test' }, { devKeyDir: dev })
    expect(first.signer?.keyId).toMatch(/^[0-9a-f]{16}$/)
    expect(second.signer?.keyId).toBe(first.signer?.keyId)
    expect(readdirSync(dev)).toEqual([DEV_KEY_FILE])
    expect(statSync(join(dev, DEV_KEY_FILE)).mode & 0o077).toBe(0)
    expect(readFileSync(join(dev, DEV_KEY_FILE), 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/)
    // Verifying uses it without creating one where there is none.
    expect(loadAuditKeys({}, { devKeyDir: dev, purpose: 'verify' }).verifier.keyIds).toEqual([first.signer?.keyId])
    const none = join(dir, 'none')
    expect(loadAuditKeys({}, { devKeyDir: none, purpose: 'verify' }).verifier.keyIds).toEqual([])
    expect(() => readdirSync(none)).toThrow(/ENOENT/)
  })

  it.each([
    ['no signing key in production', {}, 'write', /AUDIT_SIGNING_KEY \(or AUDIT_SIGNING_KEY_FILE\) is required in production/],
    ['no verify key in production', {}, 'verify', /AUDIT_VERIFY_KEY \(or AUDIT_SIGNING_KEY\) is required/],
    ['a key that is not base64', { AUDIT_SIGNING_KEY: 'not a key!' }, 'write', /AUDIT_SIGNING_KEY is neither a PEM key nor base64/],
    ['a raw key of the wrong length', { AUDIT_SIGNING_KEY: Buffer.alloc(31).toString('base64') }, 'write', /32 bytes .* got 31 bytes/],
    [
      'an RSA key',
      {
        AUDIT_SIGNING_KEY: generateKeyPairSync('rsa', { modulusLength: 1024 })
          .privateKey.export({ format: 'pem', type: 'pkcs8' })
          .toString(),
      },
      'write',
      /must be an Ed25519 key, got rsa/,
    ],
    [
      'a broken PEM',
      { AUDIT_VERIFY_KEY: '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----' },
      'verify',
      /AUDIT_VERIFY_KEY is not a valid public key/,
    ],
    ['both a key and a key file', { AUDIT_SIGNING_KEY: 'x', AUDIT_SIGNING_KEY_FILE: '/x' }, 'write', /not both/],
    ['a missing key file', { AUDIT_SIGNING_KEY_FILE: '/nonexistent/key.pem' }, 'write', /AUDIT_SIGNING_KEY_FILE cannot be read/],
    [
      'a checkpoint interval of 0',
      { AUDIT_SIGNING_KEY: pair().rawPrivate, AUDIT_CHECKPOINT_EVERY: '0' },
      'write',
      /AUDIT_CHECKPOINT_EVERY must be an integer from 1/,
    ],
    [
      'a checkpoint interval that is not a number',
      { AUDIT_SIGNING_KEY: pair().rawPrivate, AUDIT_CHECKPOINT_EVERY: '1e3x' },
      'write',
      /AUDIT_CHECKPOINT_EVERY/,
    ],
  ] as const)('refuses %s', (_name, env, purpose, message) => {
    expect(() => loadAuditKeys({ NODE_ENV: 'production', ...env }, { purpose })).toThrow(AuditKeyError)
    expect(() => loadAuditKeys({ NODE_ENV: 'production', ...env }, { purpose })).toThrow(message)
  })

  it('a signature of the wrong length or encoding is false, not an exception', () => {
    const k = pair()
    const keys = loadAuditKeys({ AUDIT_SIGNING_KEY: k.rawPrivate })
    expect(keys.verifier.verify(k.id, 'head', 'AAAA')).toBe(false)
    expect(keys.verifier.verify(k.id, 'head', '%%%')).toBe(false)
  })
})
