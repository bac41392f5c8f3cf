import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { ERROR_CODES, errorBody, errorEntry, graphqlError, httpStatusOf, isErrorCode, PUBLIC_CODES } from './errors.js'
import { HttpRefusal } from './http/apollo-handler.js'
import { sendError } from './http/send-json.js'
import { AuthError } from '../auth/principal.js'
import { DataEntryError } from '../lib/data-entry/data-entry-error.js'
import { createFormatError } from './http/format-error.js'
import { renderErrorDocs } from './render-error-docs.js'

// Code, formatter and docs come from one catalogue (platform/errors.ts); these tests fail when they part.
const ROOT = fileURLToPath(new URL('..', import.meta.url))
const SOURCE_DIRS = ['platform', 'auth', 'gateway', 'lib', 'services', 'schema', 'scripts']

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path)
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : []
  })
}

/** Where the source names a code it sends (codes are upper snake case of 5+ characters, unlike account numbers such as 'E1'), and the status it sends it with when the same expression says. */
const CODE = `'([A-Z][A-Z0-9_]{4,})'`
// Whitespace between arguments may include line breaks (Prettier wraps long calls); an expression is not read past
// the next code it names.
const CODE_PATTERNS: ReadonlyArray<RegExp> = [
  new RegExp(`\\bcode: ${CODE}`, 'g'),
  new RegExp(`\\b(?:PolicyError|DataEntryError|exceeded|graphqlError|errorEntry|errorBody)\\(\\s*${CODE}`, 'g'),
]
const STATUS_PATTERNS: ReadonlyArray<RegExp> = [
  new RegExp(`\\b(?:HttpRefusal|AuthError)\\(\\s*(\\d{3}),\\s*${CODE}`, 'g'),
  new RegExp(`\\b(?:refuse|sendError)\\(\\s*res,\\s*(\\d{3}),\\s*${CODE}`, 'g'),
  new RegExp(`\\bsendJson\\(\\s*res,\\s*(\\d{3}),\\s*\\{\\s*errors: \\[\\{(?:(?!code: )[\\s\\S]){0,300}?code: ${CODE}`, 'g'),
]
const STATUS_AFTER_CODE = new RegExp(
  `\\b(?:code: |graphqlError\\(\\s*)${CODE}(?:(?!code: |graphqlError\\()[\\s\\S]){0,400}?http: \\{ status: (\\d{3})`,
  'g',
)

interface Use {
  file: string
  code: string
  status?: number
}

function uses(): Use[] {
  const found: Use[] = []
  for (const dir of SOURCE_DIRS) {
    for (const path of sourceFiles(join(ROOT, dir))) {
      const text = readFileSync(path, 'utf8')
      const file = relative(ROOT, path)
      for (const re of CODE_PATTERNS) for (const m of text.matchAll(re)) found.push({ file, code: m[1] })
      for (const re of STATUS_PATTERNS) for (const m of text.matchAll(re)) found.push({ file, code: m[2], status: Number(m[1]) })
      for (const m of text.matchAll(STATUS_AFTER_CODE)) found.push({ file, code: m[1], status: Number(m[2]) })
    }
  }
  return found
}

describe('error catalogue', () => {
  const all = uses()

  it('finds the codes the source sends (the scan itself works)', () => {
    const codes = new Set(all.map(u => u.code))
    for (const code of [
      'UNAUTHENTICATED',
      'INVALID_POLICY',
      'CSRF_PREVENTED',
      'VALIDATION_FAILED',
      'MAX_DEPTH_EXCEEDED',
      'RATE_LIMITED',
      'QUERY_PLAN_FAILED',
      'MAX_JSON_DEPTH_EXCEEDED',
    ]) {
      expect(codes, code).toContain(code)
    }
    expect(all.filter(u => u.status !== undefined).length).toBeGreaterThan(20)
    // graphqlError(code, message, { http: { status } }) is read like an `extensions` literal.
    expect(all).toContainEqual({ file: join('auth', 'policy', 'admin-schema.ts'), code: 'POLICY_STORE_UNAVAILABLE', status: 503 })
  })

  it('every code the source sends is in the catalogue', () => {
    expect(all.filter(u => !isErrorCode(u.code)).map(u => `${u.file}: ${u.code}`)).toEqual([])
  })

  it('every status the source sends a code with is listed for that code', () => {
    const wrong = all.filter(
      u => u.status !== undefined && isErrorCode(u.code) && !(ERROR_CODES[u.code].status as readonly number[]).includes(u.status),
    )
    expect(
      wrong.map(
        u =>
          `${u.file}: ${u.code} sent with ${u.status}, catalogue says ${ERROR_CODES[u.code as keyof typeof ERROR_CODES].status.join('/')}`,
      ),
    ).toEqual([])
  })

  it('the formatter lets exactly the public codes through and masks the rest', () => {
    const format = createFormatError('test')
    const error = console.error
    console.error = () => {}
    try {
      for (const [code, spec] of Object.entries(ERROR_CODES)) {
        const out = format({ message: `a message about ${code}`, extensions: { code } }, new Error('x'))
        if (spec.public) expect(out, code).toEqual({ message: `a message about ${code}`, extensions: { code } })
        else expect(out.message, code).toBe('Internal server error')
      }
      expect(
        format({ message: 'relation "x" does not exist', extensions: { code: 'NOT_IN_THE_CATALOGUE' } }, new Error('x')),
      ).toMatchObject({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } })
    } finally {
      console.error = error
    }
    expect(PUBLIC_CODES.has('INTERNAL_SERVER_ERROR')).toBe(false)
  })

  it("docs/errors.md has one row per code with the catalogue's statuses, and is what `npm run docs:errors` writes", () => {
    const docs = readFileSync(join(ROOT, 'docs/errors.md'), 'utf8')
    const rows = new Map([...docs.matchAll(/^\| `([A-Z][A-Z0-9_]{4,})` \| ([^|]+) \|/gm)].map(m => [m[1], m[2].trim()]))
    expect([...rows.keys()].sort()).toEqual(Object.keys(ERROR_CODES).sort())
    for (const [code, spec] of Object.entries(ERROR_CODES)) expect(rows.get(code), code).toBe(spec.status.join(', '))
    expect(docs, 'docs/errors.md is stale: run `npm run docs:errors`').toBe(renderErrorDocs())
  })

  it('a code or status outside the catalogue fails the typecheck (the lines marked @ts-expect-error), not only this scan', () => {
    // Each of these is a compile error; `tsc --noEmit` fails if one of them stops being one.
    const wrong = [
      // @ts-expect-error not a catalogued code
      () => graphqlError('NOT_A_CODE', 'x'),
      // @ts-expect-error a status the catalogue does not list for the code
      () => graphqlError('PURPOSE_REQUIRED', 'x', { http: { status: 400 } }),
      // @ts-expect-error not a catalogued code
      () => errorEntry('NOT_A_CODE', 'x'),
      // @ts-expect-error not a catalogued code
      () => errorBody('NOT_A_CODE', 'x'),
      // @ts-expect-error RATE_LIMITED is answered with 429 only
      () => new HttpRefusal(400, 'RATE_LIMITED', 'x'),
      // @ts-expect-error 405 is not a status of BAD_REQUEST
      (res: Parameters<typeof sendError>[0]) => sendError(res, 405, 'BAD_REQUEST', 'x'),
      // @ts-expect-error an authentication failure is never 200, although FORBIDDEN may be
      () => new AuthError(200, 'FORBIDDEN', 'x'),
      // @ts-expect-error not a code authentication answers with
      () => new AuthError(401, 'RATE_LIMITED', 'x'),
      // @ts-expect-error not a code the data-entry kit answers with
      () => new DataEntryError('RATE_LIMITED', 'x'),
    ]
    expect(wrong).toHaveLength(9)
    expect(graphqlError('PURPOSE_REQUIRED', 'x', { http: { status: 403 } }).extensions).toEqual({
      code: 'PURPOSE_REQUIRED',
      http: { status: 403 },
    })
    expect(errorBody('RATE_LIMITED', 'wait')).toEqual({ errors: [{ message: 'wait', extensions: { code: 'RATE_LIMITED' } }] })
    expect(httpStatusOf('FORBIDDEN')).toBe(403)
  })

  it('INVALID_POLICY is 400 and VERSION_CONFLICT 409, as the admin API sends them', () => {
    const admin = readFileSync(join(ROOT, 'auth/policy/admin-schema.ts'), 'utf8')
    const statuses = /const HTTP_STATUS[^=]*= (\{[^}]*\})/.exec(admin)?.[1]
    expect(statuses).toBeDefined()
    for (const [, code, status] of statuses!.matchAll(/([A-Z_]+): (\d{3})/g)) {
      expect(ERROR_CODES[code as keyof typeof ERROR_CODES]?.status[0], code).toBe(Number(status))
    }
    expect(ERROR_CODES.INVALID_POLICY.status).toEqual([400])
  })
})
