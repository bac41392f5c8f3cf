import { sql, type Kysely } from 'kysely'

/**
 * Four-eyes approval (docs/access-control.md#four-eyes): a change that opens personal or special data waits
 * here until a second administrator approves or anyone rejects it. Requests and decisions are also
 * in the hash-chained audit log; this table only holds what is still open and how each one ended.
 * The checks repeat the store's rules so a row written around the store cannot be half-decided.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table access.pending_change (
    id bigint generated always as identity primary key,
    kind text not null check (kind in ('grant.set', 'role.upsert')),
    payload jsonb not null check (jsonb_typeof(payload) = 'object'),
    requested_by text not null check (length(requested_by) between 1 and 200),
    requested_at timestamptz not null default now(),
    approved_by text check (length(approved_by) between 1 and 200),
    approved_at timestamptz,
    rejected boolean not null default false,
    check ((approved_by is null) = (approved_at is null)),
    -- Four eyes, also at the database level: nobody approves their own request.
    check (approved_by is null or (approved_by <> requested_by and not rejected))
  )`.execute(db)
  // pendingChanges() lists the open ones.
  await sql`create index pending_change_open on access.pending_change (id) where approved_at is null and not rejected`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table access.pending_change`.execute(db)
}
