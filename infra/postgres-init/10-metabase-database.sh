#!/bin/sh
# Runs once, when the PostgreSQL volume is created: Metabase's own application
# database (its users, questions and dashboards) with its own role, beside the
# hub's database. The hub's tables and the analytics views stay in POSTGRES_DB.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" -v pw="$METABASE_DB_PASSWORD" <<'SQL'
CREATE ROLE metabase LOGIN PASSWORD :'pw';
CREATE DATABASE metabase OWNER metabase;
SQL
