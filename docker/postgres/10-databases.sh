#!/bin/sh
# Creates the portal's and Keycloak's databases and their (non-superuser) owners on first start.
set -eu
psql -v ON_ERROR_STOP=1 -U postgres <<SQL
CREATE ROLE custos LOGIN PASSWORD '${CUSTOS_DB_PASSWORD}';
CREATE DATABASE custos OWNER custos;
CREATE ROLE keycloak LOGIN PASSWORD '${KEYCLOAK_DB_PASSWORD}';
CREATE DATABASE keycloak OWNER keycloak;
SQL
