#!/bin/sh
# One database role per department, owning only its own schema (ARCHITECTURE.md §5).
# Passwords come from the environment of the postgres container (see docker-compose.yml).
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<SQL
  revoke create on schema public from public;
  create role geo login password '${GEO_DB_PASSWORD}';
  create role population login password '${POPULATION_DB_PASSWORD}';
  create role finance login password '${FINANCE_DB_PASSWORD}';
  create role education login password '${EDUCATION_DB_PASSWORD}';
  create role asylum login password '${ASYLUM_DB_PASSWORD}';
  create role gateway login password '${GATEWAY_DB_PASSWORD}';
  create schema geo authorization geo;
  create schema pop authorization population;
  create schema fin authorization finance;
  create schema edu authorization education;
  create schema asy authorization asylum;
  -- The gateways own the policy store (roles, grants, audit, access log); departments cannot touch it.
  create schema access authorization gateway;
SQL
