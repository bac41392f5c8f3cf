import type { AnyVariables, Client, TypedDocumentNode } from 'urql'
import { adminProblem, isPendingApproval, isVersionConflict, type AdminProblem } from './admin-errors'

// One write to the admin API and what became of it: applied (the new policy version), waiting for a second
// administrator (PENDING_APPROVAL), made against an old version (VERSION_CONFLICT), or refused (INVALID_POLICY …).

export type ChangeOutcome =
  | { kind: 'applied'; version: number }
  | { kind: 'pending'; changeId: number }
  | { kind: 'conflict'; problem: AdminProblem }
  | { kind: 'refused'; problem: AdminProblem }

export async function runChange<D extends Record<string, unknown>, V extends AnyVariables>(
  client: Client,
  mutation: TypedDocumentNode<D, V>,
  variables: V,
): Promise<ChangeOutcome> {
  const result = await client.mutation(mutation, variables).toPromise()
  const problem = adminProblem(result.error)
  if (problem) {
    if (isPendingApproval(problem)) return { kind: 'pending', changeId: problem.changeId }
    if (isVersionConflict(problem)) return { kind: 'conflict', problem }
    return { kind: 'refused', problem }
  }
  const version = result.data ? Object.values(result.data)[0] : undefined
  return typeof version === 'number'
    ? { kind: 'applied', version }
    : { kind: 'refused', problem: { code: 'unknown', serverMessage: 'no answer', pointer: null, changeId: null } }
}
