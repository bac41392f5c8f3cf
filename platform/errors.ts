import { GraphQLError } from 'graphql'

/** What the catalogue says about one code. */
export interface ErrorCodeSpec {
  /** Every HTTP status a response carrying this code is sent with; the first is the usual one. */
  readonly status: readonly number[]
  /** The message is written for clients and passes the formatter; otherwise it is masked as INTERNAL_SERVER_ERROR. */
  readonly public: boolean
  /** When a client gets it (one line; docs/errors.md). */
  readonly when: string
  /** What the client can do about it. */
  readonly action: string
}

/**
 * The catalogue of every code the gateway, the departments and the admin API put in
 * `extensions.code`: the single source of the formatter's public list (platform/http/format-error.ts) and
 * of docs/errors.md (`npm run docs:errors`); platform/errors.test.ts fails when the source sends a code
 * that is not here, with a status not listed here, or when the docs differ.
 * A new code is one entry here, then `npm run docs:errors`.
 */
export const ERROR_CODES = {
  BAD_USER_INPUT: {
    status: [200, 400],
    public: true,
    when: 'an argument is well-typed but invalid: year outside 1950–2100, malformed AGS or district number, `from` after `to`, a bad school year, a date that does not exist (200, the rest of the answer intact); a variable that does not fit its type (400, nothing executed)',
    action: 'fix the argument; `extensions.argumentName` names it',
  },
  AGGREGATE_NOT_PUBLISHED: {
    status: [200],
    public: true,
    when: 'an aggregate-only role (public, committee) asked for a grouping that is not one of the published ones: an age range that is not one band of an age scheme, a list filter with more than one member, … (docs/disclosure.md lists them per field); the field is `null`, the rest of the answer intact. Roles with exact figures may ask for any grouping',
    action:
      'ask for a published grouping (`extensions.published` lists the allowed values where they are few), or sum published cells yourself',
  },
  GRAPHQL_VALIDATION_FAILED: {
    status: [400],
    public: true,
    when: "the operation does not match the caller's schema: an unknown field, a field the caller's role may not see (the two are indistinguishable on purpose), wrong argument types, federation internals such as `_entities`",
    action: 'fix the operation, or ask for a grant',
  },
  GRAPHQL_PARSE_FAILED: { status: [400], public: true, when: 'the operation is not GraphQL', action: 'fix the syntax' },
  BAD_REQUEST: {
    status: [400, 406],
    public: true,
    when: 'the body is not JSON or not a GraphQL request; at a department, a body without `content-type: application/json` (400) or an `Accept` that allows no JSON (406)',
    action: 'send `content-type: application/json`',
  },
  MAX_JSON_DEPTH_EXCEEDED: {
    status: [400],
    public: true,
    when: 'the JSON body, or the `variables`/`extensions` parameter of a GET request, nests arrays and objects deeper than the limit (64 levels; gateway `LIMIT_MAX_JSON_DEPTH`); nothing was parsed further',
    action: 'send flatter variables',
  },
  REQUEST_TOO_LARGE: { status: [413], public: true, when: 'the body exceeds 1 MB', action: 'send a smaller operation' },
  OPERATION_RESOLUTION_FAILURE: {
    status: [400],
    public: true,
    when: 'the document has several operations and `operationName` is missing or names none of them',
    action: 'send the name of the operation to run',
  },
  QUERY_PLAN_FAILED: {
    status: [400],
    public: true,
    when: "a valid operation that the supergraph offers no way to fetch (the query planner found no path through the departments); the message carries the planner's reason; nothing was fetched",
    action: 'leave out the field the message names, and report it: the supergraph has a gap',
  },
  SUBGRAPH_UNAVAILABLE: {
    status: [200],
    public: true,
    when: "a department's subgraph did not answer (down, timed out); `extensions.serviceName` names it. The other departments' data is still returned",
    action: 'retry later; `/readyz` shows which subgraph is down',
  },
  DATABASE_TIMEOUT: {
    status: [200],
    public: true,
    when: "a department's database did not answer in time: a statement ran past `DB_STATEMENT_TIMEOUT_MS` (default 5 s), the server sent nothing back for a second longer (frozen, unreachable), or no connection was free within `DB_CONNECT_TIMEOUT_MS`; the field is `null`, `extensions.serviceName` names the department, the other departments' data is still returned",
    action: "retry later; the department's `/readyz` says 503 while its database does not answer",
  },
  UNAUTHENTICATED: {
    status: [401],
    public: true,
    when: 'the token is missing where required, malformed, forged, expired, for another audience or issuer; two Authorization headers. `WWW-Authenticate: Bearer error="invalid_token"`',
    action: 'get a new token',
  },
  FORBIDDEN: {
    status: [403, 200],
    public: true,
    when: "a requested role (`x-stadtgraph-role`) the token does not hold; the admin API without the admin role; with `AUTHORIZATION_DENIALS=reject`, an operation touching a field denied at the instance (`extensions.deniedPaths`) (403). A data-entry mutation by someone who is not staff of the dataset's department, or for another department; nothing was written (200)",
    action: "ask for a role you hold; write only your own department's data",
  },
  REQUEST_HEADER_TOO_LARGE: {
    status: [431],
    public: true,
    when: 'the Authorization header or the header block is too large, or the request has more than 100 header lines',
    action: 'send a normal token',
  },
  PURPOSE_REQUIRED: {
    status: [403],
    public: true,
    when: 'the operation reads personal or special data without a purpose',
    action: 'send `x-stadtgraph-purpose` (or a token with a `purpose` claim)',
  },
  AUDIT_UNAVAILABLE: {
    status: [503],
    public: true,
    when: 'personal or special data cannot be served because the access log cannot be written (its database does not answer, or its table stays locked for more than 1.5 s)',
    action: 'retry later; open data still works',
  },
  MAX_TOKENS_EXCEEDED: {
    status: [400],
    public: true,
    when: "the operation has more tokens than the gateway's limit (`LIMIT_MAX_TOKENS`); nothing was planned or fetched",
    action: 'split the operation',
  },
  MAX_DEPTH_EXCEEDED: {
    status: [400],
    public: true,
    when: 'the operation nests deeper than the limit (`LIMIT_MAX_DEPTH`); nothing was planned or fetched',
    action: 'split the operation',
  },
  MAX_ALIASES_EXCEEDED: {
    status: [400],
    public: true,
    when: 'the operation has more aliases than the limit (`LIMIT_MAX_ALIASES`); nothing was planned or fetched',
    action: 'split the operation',
  },
  MAX_DIRECTIVES_EXCEEDED: {
    status: [400],
    public: true,
    when: 'the operation has more directives than the limit (`LIMIT_MAX_DIRECTIVES`); nothing was planned or fetched',
    action: 'split the operation',
  },
  MAX_ROOT_FIELDS_EXCEEDED: {
    status: [400],
    public: true,
    when: 'the operation has more root fields than the limit (`LIMIT_MAX_ROOT_FIELDS`); nothing was planned or fetched',
    action: 'split the operation',
  },
  MAX_FIELDS_EXCEEDED: {
    status: [400],
    public: true,
    when: 'the operation selects more fields than the limit (`LIMIT_MAX_FIELDS`), each fragment counted wherever it is spread; refused before validation, nothing was planned or fetched',
    action: 'split the operation',
  },
  MAX_FRAGMENTS_EXCEEDED: {
    status: [400],
    public: true,
    when: 'the document defines more fragments than the limit (`LIMIT_MAX_FRAGMENTS`); refused before validation',
    action: 'inline or merge fragments, or split the operation',
  },
  MAX_DUPLICATE_FIELDS_EXCEEDED: {
    status: [400],
    public: true,
    when: 'the document selects one response key more often in a selection set than the limit allows (`LIMIT_MAX_DUPLICATE_FIELDS`, counted as written, inline fragments included); refused before validation',
    action: 'select each field once per selection set',
  },
  COST_LIMIT_EXCEEDED: {
    status: [400],
    public: true,
    when: "the operation asks for too many rows (list sizes from `first`/`top` or the field's `@listSize`, list arguments, `from`/`to` ranges, multiplied through nesting); `extensions.estimatedCost` and `maxCost` say by how much; nothing was fetched",
    action: 'ask for fewer rows or page',
  },
  CSRF_PREVENTED: {
    status: [400],
    public: true,
    when: 'a request a browser could send cross-site without a preflight (`text/plain`, form content types, no content type, GET) carries neither `apollo-require-preflight` nor `x-apollo-operation-name`',
    action: 'send `Content-Type: application/json`, or the header',
  },
  METHOD_NOT_ALLOWED: {
    status: [405],
    public: true,
    when: 'a GET request carries a mutation or subscription; a department asked with anything but POST',
    action: 'send it with POST',
  },
  BATCHING_DISABLED: {
    status: [400],
    public: true,
    when: 'the body is a JSON array of operations; each operation must count against limits and rates on its own',
    action: 'send one operation per request',
  },
  INTROSPECTION_DISABLED: {
    status: [400],
    public: true,
    when: 'introspection (`__schema`, `__type`) by a caller who may not introspect (anonymous callers in production)',
    action: 'use a token',
  },
  FORBIDDEN_FIELD: {
    status: [200],
    public: true,
    when: 'an instance-level denial: the field is in your schema, but not this value (e.g. a budget forecast through `version: PROGNOSE` without internal access); the field is `null`, the rest of the answer intact',
    action: 'ask for a grant',
  },
  OPERATION_NOT_TRUSTED: {
    status: [400],
    public: true,
    when: 'trusted documents are enforced: an anonymous caller sent a document that is not registered, or tried to register one',
    action: 'use a registered operation, or a token',
  },
  PERSISTED_QUERY_NOT_FOUND: {
    status: [400],
    public: true,
    when: 'trusted documents are on and the request names an unknown document id',
    action: 'use a registered operation id',
  },
  PERSISTED_QUERY_NOT_SUPPORTED: {
    status: [200],
    public: true,
    when: 'a persisted-query hash sent where persisted queries are off (the admin API)',
    action: 'send the whole operation',
  },
  RATE_LIMITED: {
    status: [429],
    public: true,
    when: 'too many requests for this token subject (or anonymous address); `Retry-After` says when to come back',
    action: 'wait',
  },
  VERSION_CONFLICT: {
    status: [409],
    public: true,
    when: 'admin API: the policy changed since the `expectedVersion` you sent; nothing was written',
    action: 'reload the policy and apply your change again',
  },
  INVALID_POLICY: {
    status: [400],
    public: true,
    when: 'admin API: unknown role or coordinate, malformed scope, personal/special data for the public role, a role flag that would have no effect (`admin` or `aggregateOnly: false` on `public`), an unknown key in a row-rule condition; `extensions.pointer` points at the culprit; nothing was written',
    action: 'fix the input',
  },
  PENDING_APPROVAL: {
    status: [200],
    public: true,
    when: 'admin API: a change that needs a second administrator (an ALLOW on personal/special data, a personal/special scope) was stored as pending; `extensions.changeId` names it',
    action: 'ask another administrator to `approveChange`',
  },
  POLICY_STORE_UNAVAILABLE: {
    status: [503],
    public: true,
    when: 'the admin API without a policy database, or the policy database unreachable (the gateway keeps enforcing the policy it loaded); or a write was saved (`extensions.version`) but the gateway serving it could not load it within 5 s (it applies as soon as the policy database answers)',
    action:
      'start the gateway with `DATABASE_URL`; retry when the database is back; after a saved write, check `/readyz` and retry the read, not the write',
  },
  VALIDATION_FAILED: {
    status: [200],
    public: true,
    when: 'a data-entry mutation (or CSV import) with rows that do not fit the dataset: wrong types, out of range, unknown references (district, accommodation, school, product), repeated rows, more rows than a request may carry, a CSV header that does not match, a broken plausibility rule of the dataset (e.g. occupied above capacity). `extensions.problems` lists every `{ row, column, reason }` (row: 1-based position in `rows`; in an import, the file line), with `rule` and `columns` when a plausibility rule is broken. Nothing was written',
    action: 'fix the listed rows and send the whole payload again',
  },
  DUPLICATE_PERIOD: {
    status: [200],
    public: true,
    when: "a data-entry write for a period that is already written (e.g. the occupancy of an accommodation on a day, a school's pupils in a school year); `extensions.problems` names the rows. Nothing was written",
    action: 'correct data through the department, or send only new periods',
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: [200, 409],
    public: true,
    when: 'a data-entry write whose `clientKey` (over HTTP: the `Idempotency-Key` header, 409) was already used for a different payload (the same key with the same payload answers the first receipt with `replayed: true`); `extensions.clientKey` names it. Nothing was written',
    action: 'use a new key for new data',
  },
  NOT_FOUND: {
    status: [404],
    public: true,
    when: 'data entry over HTTP (`/data-entry/…`): no such department, dataset or route',
    action: 'take the department and dataset names from `GET /data-entry/datasets`',
  },
  PAYLOAD_TOO_LARGE: {
    status: [413, 200],
    public: true,
    when: 'a data-entry upload larger than the limit (default 64 MiB, `DATA_ENTRY_MAX_BYTES`): refused with 413 when its Content-Length says so, or as the final NDJSON line (200) when a streamed body grows past it; nothing was written',
    action: 'split the file (by month or accommodation) and upload the parts one by one',
  },
  CSV_INVALID: {
    status: [200],
    public: true,
    when: 'a data-entry upload that is not readable CSV: a quoted field never closed, text after a closing quote, a record longer than the line limit (1 MiB) or with more fields than the column limit (500); the final NDJSON line names the line; nothing was written',
    action: 'save the file again as CSV (UTF-8, `;` or `,` separated) from the office program',
  },
  UPLOAD_TIMEOUT: {
    status: [408, 200],
    public: true,
    when: 'a data-entry upload that took longer than the limit (default 5 minutes, `DATA_ENTRY_TIMEOUT_MS`) or sent nothing for 60 s; the transaction was rolled back, nothing was written',
    action: 'upload again on a better connection, or split the file',
  },
  DEPARTMENT_UNAVAILABLE: {
    status: [503],
    public: true,
    when: 'data entry over HTTP: the department that owns the dataset did not answer (down, refused, timed out); `GET /data-entry/datasets` leaves out a department that does not answer and names it in `unavailable`',
    action: 'retry later; `/readyz` shows which department is down',
  },
  INTERNAL_SERVER_ERROR: {
    status: [200, 500],
    public: false,
    when: 'anything unexpected; details are in the server log only (200 when the rest of the answer is intact)',
    action: 'report it with the time of the request',
  },
} as const satisfies Record<string, ErrorCodeSpec>

export type ErrorCode = keyof typeof ERROR_CODES

/** Codes whose messages are written for clients; the formatter masks every other. */
export const PUBLIC_CODES: ReadonlySet<string> = new Set(
  Object.entries(ERROR_CODES)
    .filter(([, spec]) => spec.public)
    .map(([code]) => code),
)

/** Whether `code` is in the catalogue. */
export const isErrorCode = (code: unknown): code is ErrorCode => typeof code === 'string' && Object.hasOwn(ERROR_CODES, code)

/** The HTTP statuses the catalogue lists for `C` (for a union of codes: any of theirs). */
export type StatusOf<C extends ErrorCode> = (typeof ERROR_CODES)[C]['status'][number]

/** The usual HTTP status of a code. */
export const httpStatusOf = <C extends ErrorCode>(code: C): StatusOf<C> => ERROR_CODES[code].status[0] as StatusOf<C>

/** `extensions` beside the code; `http.status` (Apollo Server's response status) only one the catalogue lists for the code. */
export type ErrorExtensions<C extends ErrorCode> = {
  readonly [key: string]: unknown
  readonly http?: { readonly status?: NoInfer<StatusOf<C>>; readonly headers?: Record<string, string> }
}

/**
 * A GraphQL error with a code from the catalogue in `extensions.code` (first, then `extensions`):
 * the way code that refuses something names the refusal, so a code that is not catalogued, or an
 * `extensions.http.status` the catalogue does not list for it, fails the typecheck.
 */
export function graphqlError<C extends ErrorCode>(code: C, message: string, extensions: ErrorExtensions<C> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions } })
}

/** One error as the HTTP layer answers it outside GraphQL execution (and the formatter passes it on). */
export interface ErrorEntry<C extends ErrorCode = ErrorCode> {
  message: string
  extensions: { code: C; [key: string]: unknown }
}

/** An error entry with a catalogued code: the formatter's own answers, and bodies sent before GraphQL runs. */
export function errorEntry<C extends ErrorCode>(
  code: C,
  message: string,
  extensions: Record<string, unknown> & { code?: never } = {},
): ErrorEntry<C> {
  return { message, extensions: { code, ...extensions } }
}

/** `{ errors: [{ message, extensions: { code } }] }`: the body of a refusal answered with an HTTP status. */
export function errorBody<C extends ErrorCode>(code: C, message: string): { errors: [ErrorEntry<C>] } {
  return { errors: [errorEntry(code, message)] }
}

export function badUserInput(message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return graphqlError('BAD_USER_INPUT', message, extra)
}

/**
 * An aggregate-only role asked for a grouping outside the published ones (docs/disclosure.md): free
 * ranges and list filters would let two answers be subtracted to isolate a small cell.
 */
export function aggregateNotPublished(message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return graphqlError('AGGREGATE_NOT_PUBLISHED', message, extra)
}

export const FIRST_YEAR = 1950
export const LAST_YEAR = 2100

/** Years outside the range any dataset can hold are a client mistake, not an empty answer. */
export function assertYear(year: number, arg = 'year'): number {
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
    throw badUserInput(`Argument "${arg}" must be a year between ${FIRST_YEAR} and ${LAST_YEAR}, got ${year}`, { argumentName: arg })
  }
  return year
}

export function assertYearRange(from: number, to: number): void {
  assertYear(from, 'from')
  assertYear(to, 'to')
  if (from > to) throw badUserInput(`Argument "from" (${from}) must not be after "to" (${to})`, { argumentName: 'from' })
}

/** Amtlicher Gemeindeschlüssel: 8 digits. */
export function assertAgs(ags: string, arg = 'ags'): string {
  if (typeof ags !== 'string' || !/^\d{8}$/.test(ags)) {
    throw badUserInput(`Argument "${arg}" must be an 8-digit Amtlicher Gemeindeschlüssel (e.g. "07312000"), got ${JSON.stringify(ags)}`, {
      argumentName: arg,
    })
  }
  return ags
}

/** District numbers are two digits, "01"–"99". */
export function assertDistrictCode(code: string, arg = 'code'): string {
  if (typeof code !== 'string' || !/^\d{2}$/.test(code)) {
    throw badUserInput(`Argument "${arg}" must be a two-digit district number (e.g. "05"), got ${JSON.stringify(code)}`, {
      argumentName: arg,
    })
  }
  return code
}

export function assertPositiveInt(value: number, arg: string, max = 10_000): number {
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw badUserInput(`Argument "${arg}" must be an integer between 1 and ${max}, got ${value}`, { argumentName: arg })
  }
  return value
}
