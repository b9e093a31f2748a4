#!/bin/sh
# The postgres image runs this once, when it initialises an empty data volume: it creates the
# login role the API connects as. What that role may read is granted by compose's migrate job
# (`python -m app grant-reader cnnic_reader`), after every migration.
set -eu
psql --set=ON_ERROR_STOP=1 --username="$POSTGRES_USER" --dbname="$POSTGRES_DB" \
  --set=password="$READER_PASSWORD" <<'SQL'
CREATE ROLE cnnic_reader LOGIN PASSWORD :'password';
SQL
