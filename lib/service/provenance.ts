import DataLoader from 'dataloader'
import { sql, type Kysely } from 'kysely'
import type { LoaderCache } from '../cache/create-service-cache.js'
import type { AnyDatabase } from './define-service.js'

/**
 * Every department keeps one row per dataset in `<schema>.dataset` (created by its first
 * migration with `createDatasetTable`): who owns it, its Stichtag and when it last changed.
 */
export interface ProvenanceRow {
  stichtag: string
  asOf: Date
  sourceSystem: string
  ownerDepartment: string
  datasetId: string
}

export async function createDatasetTable(db: Kysely<AnyDatabase>, schema: string): Promise<void> {
  await sql`create table ${sql.id(schema, 'dataset')} (
    id text primary key,
    title text not null,
    description text not null default '',
    owner_department text not null,
    source_system text not null,
    stichtag date not null,
    as_of timestamptz not null,
    refresh_cadence text not null,
    open_data boolean not null default true
  )`.execute(db)
}

export interface DatasetSeed {
  id: string
  title: string
  description: string
  ownerDepartment: string
  sourceSystem: string
  stichtag: string
  asOf: string
  refreshCadence: 'DAILY' | 'MONTHLY' | 'QUARTERLY' | 'ANNUAL'
  openData?: boolean
}

export async function upsertDatasets(db: Kysely<AnyDatabase>, schema: string, rows: DatasetSeed[]): Promise<void> {
  for (const r of rows) {
    await sql`insert into ${sql.id(schema, 'dataset')}
      (id, title, description, owner_department, source_system, stichtag, as_of, refresh_cadence, open_data)
      values (${r.id}, ${r.title}, ${r.description}, ${r.ownerDepartment}, ${r.sourceSystem}, ${r.stichtag}, ${r.asOf}, ${r.refreshCadence}, ${r.openData ?? true})
      on conflict (id) do update set title = excluded.title, description = excluded.description,
        owner_department = excluded.owner_department, source_system = excluded.source_system,
        stichtag = excluded.stichtag, as_of = excluded.as_of, refresh_cadence = excluded.refresh_cadence,
        open_data = excluded.open_data`.execute(db)
  }
}

/**
 * Per-request loader: provenance of any number of datasets costs one statement. Cached across
 * requests; an entry references its own dataset, whose `as_of` a write changes.
 */
export function createProvenanceLoader(
  db: Kysely<AnyDatabase>,
  cache: LoaderCache,
  schema: string,
): DataLoader<string, ProvenanceRow | null> {
  return new DataLoader(
    cache.loader<string, ProvenanceRow | null>(
      'provenance',
      async ids => {
        const { rows } = await sql<{ id: string; stichtag: string; as_of: Date; source_system: string; owner_department: string }>`
      select id, stichtag, as_of, source_system, owner_department from ${sql.id(schema, 'dataset')} where id = any(${[...ids]}::text[])`.execute(
          db,
        )
        const byId = new Map(rows.map(r => [r.id, r]))
        return ids.map(id => {
          const r = byId.get(id)
          return r
            ? { datasetId: r.id, stichtag: r.stichtag, asOf: r.as_of, sourceSystem: r.source_system, ownerDepartment: r.owner_department }
            : null
        })
      },
      { datasets: id => [id] },
    ),
  )
}

/**
 * The provenance of the dataset a figure names (`Provenance!`): a dataset without its `<schema>.dataset` row is a
 * fault of the department's seed or migrations, never the caller's, and fails the field as an internal error.
 */
export async function provenanceOf(loader: DataLoader<string, ProvenanceRow | null>, datasetId: string): Promise<ProvenanceRow> {
  const row = await loader.load(datasetId)
  if (!row) throw new Error(`dataset ${datasetId} has no row in its department's dataset table`)
  return row
}
