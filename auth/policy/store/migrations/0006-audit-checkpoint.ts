import { sql, type Kysely } from 'kysely'

/**
 * Signed checkpoints of the audit log and the personal-data access log (audit-checkpoint.ts), and
 * the access log brought to the audit log's level: a content hash that covers `at` (`format` 2;
 * entries written before this migration keep format 1 and verify as they were written) and a
 * TRUNCATE refused like UPDATE and DELETE. The checkpoints' signatures are made with a key
 * outside the database; the table only keeps them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table access.audit_checkpoint (
    id bigint generated always as identity primary key,
    log text not null check (log in ('audit_log', 'access_log')),
    seq bigint not null check (seq > 0),
    head_hash text not null check (head_hash ~ '^[0-9a-f]{64}$'),
    at timestamptz not null default now(),
    key_id text not null check (key_id ~ '^[0-9a-f]{16}$'),
    signature text not null check (length(signature) between 1 and 200),
    unique (log, seq)
  )`.execute(db)
  await sql`create function access.audit_checkpoint_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'access.audit_checkpoint is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
    end
  $$`.execute(db)
  await sql`create trigger audit_checkpoint_append_only before update or delete on access.audit_checkpoint
    for each row execute function access.audit_checkpoint_append_only()`.execute(db)
  await sql`create trigger audit_checkpoint_no_truncate before truncate on access.audit_checkpoint
    for each statement execute function access.audit_checkpoint_append_only()`.execute(db)

  await sql`alter table access.access_log add column format smallint not null default 1 check (format in (1, 2))`.execute(db)
  // Same refusal as before, now with the operation and an error code; also used for TRUNCATE.
  await sql`create or replace function access.access_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'access.access_log is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
    end
  $$`.execute(db)
  await sql`create trigger access_log_no_truncate before truncate on access.access_log
    for each statement execute function access.access_log_append_only()`.execute(db)
}

/** Fails while format-2 access-log entries exist: dropping the column would make them unverifiable. */
export async function down(db: Kysely<any>): Promise<void> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from access.access_log where format = 2`.execute(db)
  if (rows[0].n > 0) throw new Error(`access.access_log holds ${rows[0].n} entries hashed in format 2; they would become unverifiable`)
  await sql`drop trigger access_log_no_truncate on access.access_log`.execute(db)
  await sql`alter table access.access_log drop column format`.execute(db)
  await sql`create or replace function access.access_log_append_only() returns trigger language plpgsql as $$
    begin raise exception 'access.access_log is append-only'; end $$`.execute(db)
  await sql`drop table access.audit_checkpoint`.execute(db)
  await sql`drop function access.audit_checkpoint_append_only()`.execute(db)
}
