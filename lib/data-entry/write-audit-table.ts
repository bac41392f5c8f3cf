import { sql, type Kysely } from 'kysely'
import type { AnyDatabase } from '../service/define-service.js'

/**
 * Creates `<schema>.write_audit`, the department's append-only record of every data-entry write:
 * who (subject, roles, department), when, how (GraphQL or import), which dataset, the client key,
 * how many rows, the payload hash and the Stichtag written. A department's migration calls it once.
 * The client key is unique per department: it is what makes a repeated request a replay.
 */
export async function createWriteAuditTable(db: Kysely<AnyDatabase>, schema: string): Promise<void> {
  const table = sql.id(schema, 'write_audit')
  const fn = sql.id(schema, 'write_audit_append_only')
  await sql`create table ${table} (
    id bigint generated always as identity primary key,
    at timestamptz not null default now(),
    dataset text not null,
    client_key text unique check (length(client_key) between 1 and 200),
    subject text,
    roles text[] not null,
    department text,
    via text not null check (via in ('graphql', 'import')),
    row_count integer not null check (row_count >= 0),
    payload_hash text not null check (payload_hash ~ '^[0-9a-f]{64}$'),
    stichtag date not null
  )`.execute(db)
  await sql`create index ${sql.id(`write_audit_dataset_idx`)} on ${table} (dataset, at)`.execute(db)
  // Append-only in the database, not only by convention of the kit.
  await sql`create function ${fn}() returns trigger language plpgsql as $$
    begin
      raise exception '% is append-only: % refused', tg_table_schema || '.' || tg_table_name, tg_op using errcode = 'insufficient_privilege';
    end
  $$`.execute(db)
  await sql`create trigger write_audit_append_only before update or delete on ${table}
    for each row execute function ${fn}()`.execute(db)
  await sql`create trigger write_audit_no_truncate before truncate on ${table}
    for each statement execute function ${fn}()`.execute(db)
}

export async function dropWriteAuditTable(db: Kysely<AnyDatabase>, schema: string): Promise<void> {
  await sql`drop table ${sql.id(schema, 'write_audit')}`.execute(db)
  await sql`drop function ${sql.id(schema, 'write_audit_append_only')}()`.execute(db)
}

/**
 * `<schema>.write_audit.acknowledged`: per write, rule name → rows that broke a plausibility rule on
 * purpose (e.g. `{"occupied-within-capacity": 2}`). A department whose datasets declare an
 * acknowledgeable rule (define-dataset.ts `acknowledgedBy`) adds it in a migration; the writer fills it.
 */
export async function addAcknowledgedColumn(db: Kysely<AnyDatabase>, schema: string): Promise<void> {
  await sql`alter table ${sql.id(schema, 'write_audit')} add column acknowledged jsonb not null default '{}'
    check (jsonb_typeof(acknowledged) = 'object')`.execute(db)
}

export async function dropAcknowledgedColumn(db: Kysely<AnyDatabase>, schema: string): Promise<void> {
  await sql`alter table ${sql.id(schema, 'write_audit')} drop column acknowledged`.execute(db)
}

/**
 * Lets `<schema>.write_audit.via` record `upload` (a CSV file sent over HTTP, lib/data-entry/data-entry-routes.ts)
 * beside `graphql` and `import`. A department with data entry adds it in a migration.
 */
export async function allowUploadVia(db: Kysely<AnyDatabase>, schema: string): Promise<void> {
  await sql`alter table ${sql.id(schema, 'write_audit')} drop constraint write_audit_via_check,
    add constraint write_audit_via_check check (via in ('graphql', 'import', 'upload'))`.execute(db)
}

/** Undoes allowUploadVia; refused by the database while upload rows exist (the audit is append-only). */
export async function disallowUploadVia(db: Kysely<AnyDatabase>, schema: string): Promise<void> {
  await sql`alter table ${sql.id(schema, 'write_audit')} drop constraint write_audit_via_check,
    add constraint write_audit_via_check check (via in ('graphql', 'import'))`.execute(db)
}
