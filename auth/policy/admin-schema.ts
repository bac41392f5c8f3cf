import {
  parse,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  printSchema,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from 'graphql'
import { createHash } from 'node:crypto'
import { makeExecutableSchema } from '@graphql-tools/schema'
import type { Principal } from '../principal.js'
import type { InternalIdentity } from '../internal/internal-identity.js'
import { ROW_RULE_CLAIMS, rowFilters } from './row-filters.js'
import { pointer, validatePolicy, validateRowRule } from './store/validate-policy.js'
import { policyDocument } from './store/policy-document.js'
import {
  checkColumn,
  checkDeclaredRowRules,
  declaredTarget,
  type DeclaredRowRuleTarget,
  type RowRuleDepartments,
} from './declared-row-rules.js'
import { effectiveAccess } from './effective-access.js'
import { explain } from './explain.js'
import { selectedCoordinates } from '../audit/personal-coordinates.js'
import { projectSchema } from './project-schema.js'
import { classOfCoordinate, requirementOf, type FieldOwners } from './requirements.js'
import {
  PolicyError,
  type AdminReadAction,
  type PolicyErrorCode,
  type CoordinateGrant,
  type PolicySnapshot,
  type Requirements,
  type RoleDefinition,
  type RowRule,
} from './types.js'
import { isConnectionError } from '../../platform/db/is-connection-error.js'
import { graphqlError, type StatusOf } from '../../platform/errors.js'
import type {
  AuditChainStatus,
  AuditEntry,
  ChangeContext,
  ChangeResult,
  PendingChange,
  PolicyStore,
  ReplicaStatus,
} from './store/policy-store.js'
import { checkAuditPage } from './store/audit-query.js'
import { describeOpening, type Opening } from './store/four-eyes.js'
import type { PolicyDiff } from './store/policy-diff.js'

/** Every write names the version it was based on (optimistic locking) and who made it (audit). */
export type WriteMeta = ChangeContext
/** A write's outcome: the policy version it created. */
export type PolicyWrite = ChangeResult
export type { AuditChainStatus, AuditEntry, PendingChange, ReplicaStatus }
export type { DeclaredRowRuleTarget, RowRuleDepartments }

/**
 * What the admin API needs from the policy store: a part of its contract (policy-store.ts), so
 * the two cannot drift apart. Writes throw PolicyError: VERSION_CONFLICT when `expectedVersion` is
 * stale, INVALID_POLICY (with a JSON pointer) for bad input; nothing is written partially. A grant
 * or role change that opens personal or special data is not applied: the store keeps it as a
 * pending change and throws PENDING_APPROVAL (with `changeId` on the error) until a different
 * actor approves it. `recordAdminRead` must succeed before an audited read is answered.
 * `verifyAccessLogChain` is absent where the store keeps no access log.
 */
export type AdminStore = Pick<
  PolicyStore,
  | 'load'
  | 'upsertRole'
  | 'deleteRole'
  | 'setGrant'
  | 'removeGrant'
  | 'setRowRule'
  | 'removeRowRule'
  | 'importPolicy'
  | 'exportPolicy'
  | 'auditLog'
  | 'verifyAuditChain'
  | 'replicas'
  | 'pendingChanges'
  | 'approveChange'
  | 'rejectChange'
  | 'recordAdminRead'
> &
  Partial<Pick<PolicyStore, 'verifyAccessLogChain'>> &
  // Governance (Freigaben, Protokoll, Import/Export): the import preview.
  Pick<PolicyStore, 'previewImport'>

/** Longest operation text kept in an audit row; longer ones are kept with their hash. */
const MAX_AUDITED_OPERATION = 4_000

export interface AdminSupergraph {
  sdl: string
  apiSchema: GraphQLSchema
  requirements: Requirements
  owners: FieldOwners
}

export interface AdminSchemaDeps {
  store: AdminStore
  supergraph: () => AdminSupergraph
  /** Overrides `store.replicas()`, e.g. to add this replica's live view. */
  replicas?: () => Promise<ReplicaStatus[]>
  /**
   * The departments' declared row-rule targets and their row counts (gateway/admin/row-rule-departments.ts).
   * With it, setRowRule accepts only declared types and fields and `previewRowRule` answers; without
   * it (no departments), conditions are checked for their shape and claims only.
   */
  rowRules?: RowRuleDepartments
}

export interface AdminContext {
  principal: Principal
  isAdmin: boolean
  actor: string
}

const typeDefs = /* GraphQL */ `
  enum Effect {
    ALLOW
    DENY
  }
  enum SensitivityClass {
    open
    internal
    personal
    special
  }

  type Role {
    name: String!
    description: String!
    scopes: [String!]!
    aggregateOnly: Boolean!
    admin: Boolean!
    validFrom: String
    validUntil: String
  }
  type Grant {
    role: String!
    coordinate: String!
    effect: Effect!
    validUntil: String
  }
  "condition: the JSON object of the rule, e.g. {\\"column\\":\\"department\\",\\"claim\\":\\"department\\"}."
  type RowRule {
    role: String!
    coordinate: String!
    condition: String!
  }
  type Policy {
    version: Int!
    roles: [Role!]!
    grants: [Grant!]!
    rowRules: [RowRule!]!
  }

  "Why a principal with these roles and department can or cannot see one coordinate."
  type ExplainResult {
    decision: Effect!
    coordinate: String!
    class: SensitivityClass!
    "Disjunction of conjunctions: [[a, b], [c]] means (a AND b) OR c."
    requirement: [[String!]!]!
    heldScopes: [String!]!
    matchedGrants: [Grant!]!
    reasons: [String!]!
    policyVersion: Int!
  }
  "One row of the permission matrix: a field of the API schema and how it is classified."
  type CoordinateInfo {
    coordinate: String!
    class: SensitivityClass!
    requirement: [[String!]!]!
    declared: Boolean!
    owners: [String!]!
  }
  "payload: the change as JSON."
  type AuditEntry {
    id: Int!
    at: String!
    actor: String!
    action: String!
    payload: String!
    prevHash: String!
    hash: String!
  }
  "OK: the chain links and every signed checkpoint vouches for it; BROKEN: an entry's link or hash does not match (brokenAt); BAD_SIGNATURE: a checkpoint does not verify over the chain as it is — an entry up to it was rewritten and the chain recomputed, or the checkpoint is forged (badSignatureAt); UNSIGNED: more entries after the newest checkpoint than writers leave unsigned (unsigned)."
  enum AuditChainState {
    OK
    BROKEN
    BAD_SIGNATURE
    UNSIGNED
  }
  "A hash-chained log checked entry by entry, with its Ed25519-signed checkpoints (sequence number = entry id). message: the same in one line."
  type AuditChainStatus {
    ok: Boolean!
    checked: Int!
    brokenAt: Int
    state: AuditChainState
    badSignatureAt: Int
    signedThrough: Int
    unsigned: Int
    checkpoints: Int
    message: String
  }
  "A gateway replica: the policy version it enforces, the supergraph it serves (hash, when loaded, age in seconds by the server's clock) and its last heartbeat. The supergraph fields are null until the replica reported one."
  type ReplicaStatus {
    id: String!
    policyVersion: Int!
    seenAt: String!
    supergraphHash: String
    supergraphLoadedAt: String
    supergraphAgeSeconds: Int
  }
  "A change that opens personal or special data, waiting for a second administrator. kind: grant.set or role.upsert; payload: the change as JSON."
  type PendingChange {
    id: Int!
    kind: String!
    payload: String!
    requestedBy: String!
    requestedAt: String!
  }

  type Query {
    policy: Policy!
    explain(roles: [String!]!, department: String, coordinate: String!): ExplainResult!
    "Every field a whole operation selects (resolved against the full graph), each with its decision."
    explainOperation(roles: [String!]!, department: String, operation: String!): [ExplainResult!]!
    "SDL of the schema a principal with these roles and department is served."
    effectiveSchema(roles: [String!]!, department: String): String!
    coordinates: [CoordinateInfo!]!
    "Newest first; before: an entry id (keyset page). Filters: actor exactly, action exactly or a prefix ending in * (read.*), from/to an ISO date or date-time (to exclusive; a bare date means through that day), text the payload contains."
    auditLog(limit: Int = 50, before: Int, actor: String, action: String, from: String, to: String, text: String): [AuditEntry!]!
    "The policy audit log: chain and checkpoint signatures."
    auditChain: AuditChainStatus!
    "The personal-data access log, checked the same way; null where the store keeps none."
    accessLogChain: AuditChainStatus
    replicas: [ReplicaStatus!]!
    "The whole policy as JSON, as importPolicy takes it."
    exportPolicy: String!
    "Open changes waiting for four-eyes approval, oldest first."
    pendingChanges: [PendingChange!]!
  }

  input RoleInput {
    name: String!
    description: String! = ""
    scopes: [String!]!
    aggregateOnly: Boolean! = false
    admin: Boolean! = false
    validFrom: String
    validUntil: String
  }
  input GrantInput {
    role: String!
    coordinate: String!
    effect: Effect!
    validUntil: String
  }
  "condition: a JSON object of strings."
  input RowRuleInput {
    role: String!
    coordinate: String!
    condition: String!
  }

  "Every mutation takes the policy version it was based on and returns the new one (VERSION_CONFLICT if stale)."
  type Mutation {
    upsertRole(input: RoleInput!, expectedVersion: Int!): Int!
    deleteRole(name: String!, expectedVersion: Int!): Int!
    setGrant(input: GrantInput!, expectedVersion: Int!): Int!
    removeGrant(role: String!, coordinate: String!, expectedVersion: Int!): Int!
    setRowRule(input: RowRuleInput!, expectedVersion: Int!): Int!
    removeRowRule(role: String!, coordinate: String!, expectedVersion: Int!): Int!
    importPolicy(json: String!, expectedVersion: Int!): Int!
    "Applies a pending change (a second administrator only: the requester gets FORBIDDEN); returns the new version."
    approveChange(id: Int!, expectedVersion: Int!): Int!
    "Closes a pending change without applying it (the requester may withdraw their own); the reason is kept in the audit log."
    rejectChange(id: Int!, reason: String!): Boolean!
  }

  # --- row rules: the declared targets, and a preview of a rule's rows ---
  "A type whose rows row rules may limit, as its department declares it: the fields a condition may name (columns) and the claims it may compare with."
  type RowRuleTarget {
    coordinate: String!
    department: String!
    "The root field that returns these rows, e.g. Query.allocationRecords."
    field: String!
    columns: [String!]!
    claims: [String!]!
  }
  "How many rows of a target's root field a principal with one role (and department) would get, counted by the owning department. rows is null when it is 1 or 2 (small: true): small counts of people are not revealed."
  type RowRulePreview {
    coordinate: String!
    department: String!
    field: String!
    "Whether the role may query the root field at all; if not, it receives none of these rows."
    fieldVisible: Boolean!
    rows: Int
    small: Boolean!
    "The condition the count assumed for this role and type (null: none, so the role's other rules only)."
    condition: String
    policyVersion: Int!
  }
  extend type Query {
    "The row-rule targets every department declares; a department that does not answer is left out (see rowRuleOptionsUnreachable)."
    rowRuleOptions: [RowRuleTarget!]!
    "Departments that did not answer the last rowRuleOptions question."
    rowRuleOptionsUnreachable: [String!]!
    "Rows the role (with department) would get from the target's root field if its rule on coordinate were condition (null: no rule), the policy otherwise as it is."
    previewRowRule(role: String!, department: String, coordinate: String!, condition: String): RowRulePreview!
  }

  # setGrant (ALLOW on personal/special data) and upsertRole (adding a personal/special scope) answer
  # PENDING_APPROVAL with extensions.changeId instead of a version: the change waits for approveChange.
`

// Governance (Freigaben, Protokoll, Import/Export): what a pending change or an import would open, and the import preview.
const governanceTypeDefs = /* GraphQL */ `
  "Something a change would open that needs a second administrator: a personal or special scope a role gains (scope), or an ALLOW on a personal or special coordinate (coordinate). text: the same in one line."
  type PolicyOpening {
    role: String!
    scope: String
    coordinate: String
    class: SensitivityClass!
    validUntil: String
    text: String!
  }
  extend type PendingChange {
    "What it would open, compared with the policy as it is now."
    opens: [PolicyOpening!]!
    "Requested by the caller: only another administrator can approve it (the caller may withdraw it)."
    mine: Boolean!
  }
  enum PolicyPart {
    ROLE
    GRANT
    ROW_RULE
  }
  enum PolicyChangeKind {
    ADDED
    REMOVED
    CHANGED
  }
  "One role (coordinate null), grant or row rule an import would add, remove or change. fields: the members that differ; before/after: the item as JSON."
  type PolicyChange {
    part: PolicyPart!
    change: PolicyChangeKind!
    role: String!
    coordinate: String
    fields: [String!]!
    before: String
    after: String
    opens: [PolicyOpening!]!
    needsApproval: Boolean!
  }
  "What importPolicy would do with a document, computed against the policy at baseVersion. needsApproval: the import would wait for a second administrator (PENDING_APPROVAL)."
  type PolicyDiff {
    baseVersion: Int!
    changes: [PolicyChange!]!
    unchanged: Int!
    needsApproval: Boolean!
    opens: [PolicyOpening!]!
  }
  extend type Query {
    "A dry run of importPolicy: the same validation (INVALID_POLICY with a pointer), nothing written."
    previewImport(json: String!): PolicyDiff!
  }
`

const openingOut = (o: Opening) => ({
  role: o.role,
  scope: o.kind === 'scope' ? o.scope : null,
  coordinate: o.kind === 'grant' ? o.coordinate : null,
  class: o.cls,
  validUntil: o.kind === 'grant' ? o.validUntil : null,
  text: describeOpening(o),
})

const PART: Record<PolicyDiff['changes'][number]['part'], string> = { role: 'ROLE', grant: 'GRANT', rowRule: 'ROW_RULE' }

function governanceResolvers(store: AdminStore, rowRules: RowRuleDepartments | undefined) {
  return {
    PendingChange: {
      opens: (c: PendingChange) => (c.opens ?? []).map(openingOut),
      mine: (c: PendingChange, _args: unknown, ctx: AdminContext) => c.requestedBy === ctx.actor,
    },
    Query: {
      previewImport: guarded<Args>(async ({ json }) => {
        await checkImportedRowRules(rowRules, json)
        const diff = await store.previewImport({ json })
        return {
          ...diff,
          opens: diff.opens.map(openingOut),
          changes: diff.changes.map(c => ({
            ...c,
            part: PART[c.part],
            change: c.change.toUpperCase(),
            before: c.before === null ? null : JSON.stringify(c.before),
            after: c.after === null ? null : JSON.stringify(c.after),
            opens: c.opens.map(openingOut),
            needsApproval: c.opens.length > 0,
          })),
        }
      }),
    },
  }
}

/** Policy errors that refuse the whole request carry their HTTP status (docs/errors.md; case T43). */
const HTTP_STATUS: { readonly [C in PolicyErrorCode]?: StatusOf<C> } = { INVALID_POLICY: 400, VERSION_CONFLICT: 409 }

const STORE_UNAVAILABLE = 'The policy store is unavailable; the gateway keeps enforcing the policy it has. Retry later.'

/** Admin check first, then PolicyError → a coded GraphQL error; anything else stays masked upstream. */
function guarded<A>(resolve: (args: A, ctx: AdminContext) => unknown): GraphQLFieldResolver<unknown, AdminContext, A> {
  return async (_parent, args, ctx) => {
    if (!ctx?.isAdmin) throw graphqlError('FORBIDDEN', 'The admin API is for the admin role only')
    try {
      return await resolve(args, ctx)
    } catch (err) {
      if (err instanceof PolicyError) {
        const changeId = (err as { changeId?: unknown }).changeId
        throw graphqlError(err.code, err.message, {
          ...(HTTP_STATUS[err.code] ? { http: { status: HTTP_STATUS[err.code] } } : {}),
          ...(err.pointer !== undefined ? { pointer: err.pointer } : {}),
          ...(typeof changeId === 'number' ? { changeId } : {}),
        })
      }
      if (isConnectionError(err)) {
        throw graphqlError('POLICY_STORE_UNAVAILABLE', STORE_UNAVAILABLE, { http: { status: 503 } })
      }
      throw err
    }
  }
}

function parseCondition(json: string): Record<string, string> {
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch {
    throw new PolicyError('INVALID_POLICY', 'condition is not valid JSON', '/condition')
  }
  const ok = typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every(v => typeof v === 'string')
  if (!ok) throw new PolicyError('INVALID_POLICY', 'condition must be a JSON object of strings', '/condition')
  return value as Record<string, string>
}

const asPrincipal = (roles: string[], department: string | null | undefined): Principal => ({
  subject: null,
  roles,
  department: department ?? null,
  purpose: null,
  authenticated: true,
})

const chainStatus = (s: AuditChainStatus) => ({ ...s, state: s.state?.toUpperCase().replace('-', '_') ?? null })

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : d)

type Args = Record<string, any>

/** A guarded read that is audited first: if the audit row cannot be written, nothing is revealed. */
function auditedRead<A extends Args>(
  store: AdminStore,
  action: AdminReadAction,
  what: (args: A) => Record<string, unknown>,
  resolve: (args: A, ctx: AdminContext) => unknown,
): GraphQLFieldResolver<unknown, AdminContext, A> {
  return guarded<A>(async (args, ctx) => {
    await store.recordAdminRead({ actor: ctx.actor, action, payload: what(args) })
    return resolve(args, ctx)
  })
}

const asked = ({ roles, department, coordinate }: Args) => ({
  roles,
  department: department ?? null,
  ...(coordinate === undefined ? {} : { coordinate }),
})

function askedOperation({ roles, department, operation }: Args) {
  const text = String(operation)
  return {
    roles,
    department: department ?? null,
    operationHash: createHash('sha256').update(text).digest('hex'),
    ...(text.length <= MAX_AUDITED_OPERATION ? { operation: text } : { operationLength: text.length }),
  }
}

/** Counts of 1 or 2 people are not shown by the preview: KL-STAT-2's minCount 3 (lib/disclosure, a layer above auth/, which cannot import it). */
const SMALL_COUNT = 2

/**
 * An import's row rules against what the departments declare (checkDeclaredRowRules), pointers
 * into the document (`/rowRules/0/condition/column`). The document is validated as the store
 * validates it first, so a malformed one gets the store's own error.
 */
async function checkImportedRowRules(departments: RowRuleDepartments | undefined, json: string): Promise<void> {
  if (!departments) return
  const { rowRules } = validatePolicy(policyDocument({ json }))
  await checkDeclaredRowRules(departments, rowRules, i => pointer('rowRules', i))
}

/**
 * A pending import's row rules, checked again before it is approved: a department may have stopped
 * declaring a field since the import was requested. Pointers into the change (`/payload/rowRules/0/…`).
 * Unknown, decided, malformed or own changes are left to the store, which refuses them with its own error.
 */
async function checkPendingRowRules(
  store: AdminStore,
  departments: RowRuleDepartments | undefined,
  id: number,
  actor: string,
): Promise<void> {
  if (!departments) return
  const pending = (await store.pendingChanges()).find(c => c.id === id)
  if (!pending || pending.kind !== 'policy.import' || pending.requestedBy === actor) return
  let rowRules: readonly RowRule[]
  try {
    rowRules = validatePolicy(pending.payload).rowRules
  } catch (err) {
    if (err instanceof PolicyError) return
    throw err
  }
  await checkDeclaredRowRules(departments, rowRules, i => `/payload${pointer('rowRules', i)}`)
}

const departmentDown = (err: unknown) =>
  typeof (err as { department?: unknown })?.department === 'string'
    ? graphqlError('SUBGRAPH_UNAVAILABLE', `Department ${(err as { department: string }).department} did not answer the row count`, {
        serviceName: (err as { department: string }).department,
      })
    : err

/** The `/admin/graphql` schema: policy read and write, explain, the permission matrix, audit and replicas. */
export function createAdminSchema(deps: AdminSchemaDeps): GraphQLSchema {
  const { store } = deps
  const write = (f: (args: Args, meta: WriteMeta) => Promise<PolicyWrite>) =>
    guarded<Args>(async (args, ctx) => (await f(args, { expectedVersion: args.expectedVersion, actor: ctx.actor })).version)

  const resolvers = {
    Query: {
      policy: guarded(async () => {
        const s = await store.load()
        return {
          version: s.version,
          roles: [...s.roles.values()],
          grants: s.grants,
          rowRules: s.rowRules.map(r => ({ ...r, condition: JSON.stringify(r.condition) })),
        }
      }),
      explain: auditedRead(store, 'read.explain', asked, async ({ roles, department, coordinate }) => {
        const { apiSchema, requirements, owners } = deps.supergraph()
        return explain({
          snapshot: await store.load(),
          requirements,
          owners,
          apiSchema,
          principal: asPrincipal(roles, department),
          coordinate,
        })
      }),
      explainOperation: auditedRead(store, 'read.explainOperation', askedOperation, async ({ roles, department, operation }) => {
        const { apiSchema, requirements, owners } = deps.supergraph()
        let document
        try {
          document = parse(operation)
        } catch (err) {
          throw graphqlError('BAD_USER_INPUT', `operation does not parse: ${(err as Error).message}`, { argumentName: 'operation' })
        }
        const snapshot = await store.load()
        return selectedCoordinates(apiSchema, document).map(coordinate =>
          explain({ snapshot, requirements, owners, apiSchema, principal: asPrincipal(roles, department), coordinate }),
        )
      }),
      effectiveSchema: auditedRead(store, 'read.effectiveSchema', asked, async ({ roles, department }) => {
        const { apiSchema, requirements, owners } = deps.supergraph()
        const access = effectiveAccess(await store.load(), asPrincipal(roles, department))
        return printSchema(projectSchema(apiSchema, requirements, owners, access))
      }),
      coordinates: auditedRead(
        store,
        'read.coordinates',
        () => ({}),
        () => {
          const { apiSchema, requirements, owners } = deps.supergraph()
          const rows = []
          for (const type of Object.values(apiSchema.getTypeMap())) {
            if (isIntrospectionType(type) || !(isObjectType(type) || isInterfaceType(type))) continue
            for (const field of Object.keys(type.getFields())) {
              const coordinate = `${type.name}.${field}`
              rows.push({
                coordinate,
                class: classOfCoordinate(coordinate, requirements, owners),
                requirement: requirementOf(coordinate, requirements, owners),
                declared: requirements.has(coordinate),
                owners: owners.get(coordinate) ?? [],
              })
            }
          }
          return rows.sort((a, b) => (a.coordinate < b.coordinate ? -1 : 1))
        },
      ),
      auditLog: guarded<Args>(async ({ limit, before, actor, action, from, to, text }) => {
        if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
          throw graphqlError('BAD_USER_INPUT', 'Argument "limit" must be an integer between 1 and 1000', { argumentName: 'limit' })
        }
        const page = { limit, before: before ?? null, actor, action, from, to, text }
        try {
          checkAuditPage(page)
        } catch (err) {
          if (!(err instanceof PolicyError)) throw err
          throw graphqlError('BAD_USER_INPUT', err.message, { argumentName: (err.pointer ?? '').slice(1) })
        }
        const entries = await store.auditLog(page)
        return entries.map(e => ({ ...e, at: iso(e.at), payload: JSON.stringify(e.payload) }))
      }),
      auditChain: guarded(async () => chainStatus(await store.verifyAuditChain())),
      accessLogChain: guarded(async () => (store.verifyAccessLogChain ? chainStatus(await store.verifyAccessLogChain()) : null)),
      replicas: guarded(async () => {
        const now = Date.now()
        return (await (deps.replicas ?? (() => store.replicas()))()).map(r => ({
          ...r,
          seenAt: iso(r.seenAt),
          supergraphHash: r.supergraphHash ?? null,
          supergraphLoadedAt: r.supergraphLoadedAt ? iso(r.supergraphLoadedAt) : null,
          supergraphAgeSeconds: r.supergraphLoadedAt
            ? Math.max(0, Math.floor((now - new Date(r.supergraphLoadedAt).getTime()) / 1000))
            : null,
        }))
      }),
      exportPolicy: auditedRead(
        store,
        'read.exportPolicy',
        () => ({}),
        async () => {
          const doc = await store.exportPolicy()
          return typeof doc === 'string' ? doc : JSON.stringify(doc, null, 2)
        },
      ),
      rowRuleOptions: guarded(async () => {
        const { targets } = deps.rowRules ? await deps.rowRules.targets() : { targets: [] }
        return targets.map(t => ({ ...t, claims: [...ROW_RULE_CLAIMS] }))
      }),
      rowRuleOptionsUnreachable: guarded(async () => (deps.rowRules ? (await deps.rowRules.targets()).unreachable : [])),
      previewRowRule: auditedRead(
        store,
        'read.previewRowRule',
        ({ role, department, coordinate, condition }) => ({
          role,
          department: department ?? null,
          coordinate,
          condition: condition ?? null,
        }),
        async ({ role, department, coordinate, condition }) => {
          if (!deps.rowRules) throw graphqlError('SUBGRAPH_UNAVAILABLE', 'This gateway serves no departments to count rows')
          const snapshot = await store.load()
          if (!snapshot.roles.has(role)) throw new PolicyError('INVALID_POLICY', `unknown role ${JSON.stringify(role)}`, '/role')
          const target = await declaredTarget(deps.rowRules, coordinate, '/coordinate')
          const rules = snapshot.rowRules.filter(r => !(r.role === role && r.coordinate === coordinate))
          let assumed: Record<string, string> | null = null
          if (condition != null) {
            const rule = validateRowRule({ role, coordinate, condition: parseCondition(condition) }, '', () => true)
            checkColumn(target, rule.condition, '/condition/column')
            assumed = rule.condition
            rules.push(rule)
          }
          const assumedPolicy = { ...snapshot, rowRules: rules }
          const principal = asPrincipal([role], department)
          const access = effectiveAccess(assumedPolicy, principal)
          const identity: InternalIdentity = {
            ...principal,
            aggregateOnly: access.aggregateOnly,
            policyVersion: snapshot.version,
            scopes: [...access.scopes],
            rowFilters: rowFilters(assumedPolicy, principal),
          }
          const rows = await deps.rowRules.count(target.department, coordinate, identity).catch(err => {
            throw departmentDown(err)
          })
          const { apiSchema, requirements, owners } = deps.supergraph()
          const visible = explain({ snapshot: assumedPolicy, requirements, owners, apiSchema, principal, coordinate: target.field })
          const small = rows > 0 && rows <= SMALL_COUNT
          return {
            coordinate,
            department: target.department,
            field: target.field,
            fieldVisible: visible.decision === 'ALLOW',
            rows: small ? null : rows,
            small,
            condition: assumed === null ? null : JSON.stringify(assumed),
            policyVersion: snapshot.version,
          }
        },
      ),
      pendingChanges: guarded(async () =>
        (await store.pendingChanges()).map(c => ({ ...c, payload: JSON.stringify(c.payload), requestedAt: iso(c.requestedAt) })),
      ),
    },
    Mutation: {
      upsertRole: write(({ input }, meta) =>
        store.upsertRole({
          ...meta,
          role: {
            name: input.name,
            description: input.description,
            scopes: input.scopes,
            aggregateOnly: input.aggregateOnly,
            admin: input.admin,
            validFrom: input.validFrom ?? null,
            validUntil: input.validUntil ?? null,
          },
        }),
      ),
      deleteRole: write(({ name }, meta) => store.deleteRole({ ...meta, name })),
      setGrant: write(({ input }, meta) =>
        store.setGrant({
          ...meta,
          grant: { role: input.role, coordinate: input.coordinate, effect: input.effect, validUntil: input.validUntil ?? null },
        }),
      ),
      removeGrant: write(({ role, coordinate }, meta) => store.removeGrant({ ...meta, role, coordinate })),
      setRowRule: write(async ({ input }, meta) => {
        const rule = { role: input.role, coordinate: input.coordinate, condition: parseCondition(input.condition) }
        if (deps.rowRules) {
          // The shape first (same pointers as the store's), then what the department declares.
          validateRowRule(rule, '/rule', () => true)
          await checkDeclaredRowRules(deps.rowRules, [rule], () => '/rule')
        }
        return store.setRowRule({ ...meta, rule })
      }),
      removeRowRule: write(({ role, coordinate }, meta) => store.removeRowRule({ ...meta, role, coordinate })),
      importPolicy: write(async ({ json }, meta) => {
        await checkImportedRowRules(deps.rowRules, json)
        return store.importPolicy({ ...meta, json })
      }),
      approveChange: write(async ({ id }, meta) => {
        await checkPendingRowRules(store, deps.rowRules, id, meta.actor)
        return store.approveChange({ ...meta, id })
      }),
      rejectChange: guarded<Args>(async ({ id, reason }, ctx) => {
        await store.rejectChange({ id, actor: ctx.actor, reason })
        return true
      }),
    },
  }
  return makeExecutableSchema({
    typeDefs: [typeDefs, governanceTypeDefs],
    resolvers: [resolvers, governanceResolvers(store, deps.rowRules)],
  })
}
