import { sql, type Kysely } from 'kysely'

/**
 * Which supergraph each gateway replica serves, beside its policy version: the schema's hash (the
 * gateway's 16 hex digits of sha-256) and when the replica loaded it. Null until a replica of this
 * release reports; older replicas keep reporting their version only.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table access.replica
    add column supergraph_hash text check (supergraph_hash ~ '^[0-9a-f]{1,64}$'),
    add column supergraph_loaded_at timestamptz`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table access.replica drop column supergraph_hash, drop column supergraph_loaded_at`.execute(db)
}
