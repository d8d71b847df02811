#!/bin/sh
# Runs once, on the bundled PostgreSQL's first start (docker-entrypoint-initdb.d). It creates what the
# administrator of an existing PostgreSQL creates by hand (deploy/README.md, "PostgreSQL"): the engine's
# schema owner and application roles and its database, and Temporal's role and two databases.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v owner_password="$PCE_OWNER_PASSWORD" \
  -v app_password="$PCE_APP_PASSWORD" \
  -v temporal_password="$TEMPORAL_DB_PASSWORD" <<'SQL'
CREATE ROLE pce_owner LOGIN PASSWORD :'owner_password';
CREATE ROLE pce_app LOGIN PASSWORD :'app_password';
CREATE DATABASE petition OWNER pce_owner ENCODING 'UTF8' TEMPLATE template0;
REVOKE ALL ON DATABASE petition FROM PUBLIC;
GRANT CONNECT ON DATABASE petition TO pce_app;

CREATE ROLE temporal LOGIN PASSWORD :'temporal_password';
CREATE DATABASE temporal OWNER temporal;
CREATE DATABASE temporal_visibility OWNER temporal;
SQL
