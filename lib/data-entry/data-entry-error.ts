import { GraphQLError } from 'graphql'
import type { Problem } from './define-dataset.js'
import type { ErrorCode } from '../../platform/errors.js'

/** Codes the data-entry kit answers with (docs/errors.md); each is in the error catalogue (platform/errors.ts), or this does not typecheck. */
export const DATA_ENTRY_ERROR_CODES = [
  'VALIDATION_FAILED',
  'DUPLICATE_PERIOD',
  'IDEMPOTENCY_KEY_REUSED',
  'FORBIDDEN',
] as const satisfies readonly ErrorCode[]
export type DataEntryErrorCode = (typeof DATA_ENTRY_ERROR_CODES)[number]

/**
 * A refused write. Nothing was written: the kit throws only inside the write transaction or
 * before it starts. `problems` lists every rejected (row, column, reason), sorted by row. A subclass
 * of GraphQLError (callers catch it by class and read `problems`) rather than one from graphqlError();
 * its code is typed against the catalogue all the same.
 */
export class DataEntryError extends GraphQLError {
  readonly code: DataEntryErrorCode
  readonly problems: readonly Problem[]

  constructor(code: DataEntryErrorCode, message: string, extra: { problems?: readonly Problem[]; [k: string]: unknown } = {}) {
    super(message, { extensions: { code, ...extra } })
    this.code = code
    this.problems = extra.problems ?? []
  }
}

/** `count`/`rowCount`: all problems and rows found, when `problems` keeps only the first ones. */
export function validationFailed(
  problems: readonly Problem[],
  dataset: string,
  count = problems.length,
  rowCount = new Set(problems.map(p => p.row)).size,
): DataEntryError {
  return new DataEntryError(
    'VALIDATION_FAILED',
    `${dataset}: ${count} problem${count === 1 ? '' : 's'} in ${rowCount} row${rowCount === 1 ? '' : 's'}; nothing was written`,
    { problems, ...(count > problems.length ? { problemCount: count } : {}) },
  )
}
