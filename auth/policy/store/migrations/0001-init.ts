import { sql, type Kysely } from 'kysely'

/**
 * The permission store (docs/access-control.md). Every check here repeats a rule the store's
 * validation already enforces, so a row written around the store (psql, a bad migration) still
 * cannot hold a malformed coordinate or scope list the gateway would misread.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table access.role (
    name text primary key check (name ~ '^[a-z_][a-z0-9_]*$'),
    description text not null default '',
    scopes text[] not null default '{}',
    aggregate_only boolean not null default false,
    admin boolean not null default false,
    valid_from date,
    valid_until date,
    check (valid_from is null or valid_until is null or valid_until >= valid_from)
  )`.execute(db)
  await sql`create table access.coordinate_grant (
    id bigint generated always as identity primary key,
    role text not null references access.role (name) on delete cascade,
    coordinate text not null check (coordinate ~ '^[A-Z_][A-Za-z0-9_]*\\.([A-Za-z_][A-Za-z0-9_]*|\\*)$'),
    effect text not null check (effect in ('ALLOW', 'DENY')),
    valid_until date,
    unique (role, coordinate)
  )`.execute(db)
  // A row rule names a type (`Accommodation`) or a field returning rows (`Query.allocationRecords`).
  await sql`create table access.row_rule (
    id bigint generated always as identity primary key,
    role text not null references access.role (name) on delete cascade,
    coordinate text not null check (coordinate ~ '^[A-Z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?$'),
    condition jsonb not null check (jsonb_typeof(condition) = 'object'),
    unique (role, coordinate)
  )`.execute(db)
  // Exactly one row: every mutation locks it (select … for update), which serialises writers and
  // makes the optimistic expectedVersion check race-free.
  await sql`create table access.policy_version (
    singleton boolean primary key default true check (singleton),
    version bigint not null check (version >= 0)
  )`.execute(db)
  await sql`insert into access.policy_version (version) values (0)`.execute(db)
  await sql`create table access.audit_log (
    id bigserial primary key,
    at timestamptz not null,
    actor text not null,
    action text not null,
    payload jsonb not null,
    prev_hash text not null,
    hash text not null unique
  )`.execute(db)
  // Append-only at the database level, not just by convention of the store: the hash chain makes an
  // edit detectable, the trigger makes it need a deliberate `disable trigger` by the table owner.
  await sql`create function access.audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'access.audit_log is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
    end
  $$`.execute(db)
  await sql`create trigger audit_log_append_only before update or delete on access.audit_log
    for each row execute function access.audit_log_append_only()`.execute(db)
  await sql`create trigger audit_log_no_truncate before truncate on access.audit_log
    for each statement execute function access.audit_log_append_only()`.execute(db)
  await sql`create table access.replica (
    id text primary key check (length(id) between 1 and 200),
    policy_version bigint not null,
    seen_at timestamptz not null default now()
  )`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table access.replica, access.audit_log, access.policy_version, access.row_rule,
    access.coordinate_grant, access.role`.execute(db)
  await sql`drop function access.audit_log_append_only()`.execute(db)
}
