import type { InternalIdentity } from '../../auth/internal/internal-identity.js'
import type { ServiceContext } from '../service/define-service.js'
import type { DatasetDeclaration } from './define-dataset.js'
import { DataEntryError } from './data-entry-error.js'
import { writeDataset, type WriteReceipt } from './write-dataset.js'

/**
 * What every data-entry mutation takes. There is deliberately no field for the author: attribution
 * comes from the identity the gateway vouched for. `department` is a check, not a preset: when
 * given it must be the dataset's department (case T25, docs/access-control.md#adversarial-cases).
 */
export interface EntryInput<R = Record<string, unknown>> {
  clientKey: string
  department?: string | null
  rows: ReadonlyArray<R>
}

/** The write scope of a department, granted by default to its `staff` role (`{department}:write`). */
export const writeScope = (department: string) => `${department}:write`

/**
 * Refuses (FORBIDDEN) unless the caller is staff of the dataset's department holding its write
 * scope. The gateway's projection already hides the mutation from everyone else; this is the
 * subgraph's own check below it, and the place where a foreign `department` is refused.
 */
export function assertMayWrite<R extends Record<string, unknown>>(
  principal: InternalIdentity,
  decl: DatasetDeclaration<R>,
  requestedDepartment?: string | null,
): void {
  if (requestedDepartment != null && requestedDepartment !== decl.department) {
    throw new DataEntryError(
      'FORBIDDEN',
      `${decl.id} belongs to department ${decl.department}; writing for department ${JSON.stringify(requestedDepartment)} is not allowed`,
    )
  }
  if (!principal.scopes.includes(writeScope(decl.department)) || principal.department !== decl.department) {
    throw new DataEntryError('FORBIDDEN', `only staff of department ${decl.department} may write ${decl.id}`)
  }
}

/** A data-entry mutation's resolver body: check, write all or nothing, attribute, audit, invalidate. */
export async function enterRows<R extends Record<string, unknown>>(
  ctx: ServiceContext,
  decl: DatasetDeclaration<R>,
  input: EntryInput,
): Promise<WriteReceipt> {
  assertMayWrite(ctx.principal, decl, input.department)
  const { subject, roles, department } = ctx.principal
  return writeDataset(
    ctx.db,
    decl,
    input.rows.map((values, i) => ({ row: i + 1, values: { ...(values as Record<string, unknown>) } })),
    {
      writer: { subject, roles, department, via: 'graphql' },
      clientKey: input.clientKey,
      maxRows: decl.maxRows ?? 10_000,
      cache: ctx.cache,
    },
  )
}
