#!/bin/sh
{{generated-note}}
# One database role per department, owning only its own schema (docs/architecture.md).
# Passwords come from the environment of the postgres container (see docker-compose.yml).
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<SQL
  revoke create on schema public from public;
  {{create-roles}}
  create role gateway login password '${GATEWAY_DB_PASSWORD}';
  {{create-schemas}}
  -- The gateways own the policy store (roles, grants, audit, access log); departments cannot touch it.
  create schema access authorization gateway;
SQL
# The catalog reads every department's dataset table, and nothing else of theirs: when a department creates
# `<schema>.dataset` (its first migration), it grants the catalog USAGE on the schema and SELECT on that one
# table. An event trigger does it, so a department added later needs no change here.
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<'SQL'
  create function public.grant_dataset_to_catalog() returns event_trigger language plpgsql as $$
  declare
    obj record;
  begin
    for obj in select * from pg_event_trigger_ddl_commands() where command_tag = 'CREATE TABLE' and object_type = 'table' loop
      if obj.object_identity like '%.dataset' and obj.schema_name <> 'cat' then
        execute format('grant usage on schema %I to catalog', obj.schema_name);
        execute format('grant select on %s to catalog', obj.object_identity);
      end if;
    end loop;
  end $$;
  create event trigger grant_dataset_to_catalog on ddl_command_end when tag in ('CREATE TABLE')
    execute function public.grant_dataset_to_catalog();
SQL
