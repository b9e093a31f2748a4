#!/bin/sh
# The container's commands:
#   serve             (the default) uvicorn with WEB_CONCURRENCY workers on HOST:PORT
#   migrate           alembic upgrade head
#   seed              read the source texts into the database
#   migrate-and-seed  both, as the one-off job before the servers start
#   anything else     run as given, e.g. `python -m app coverage`
set -eu
case "${1:-serve}" in
  serve)
    exec python -m app.serve
    ;;
  migrate)
    exec alembic upgrade head
    ;;
  seed)
    exec python -m app seed
    ;;
  migrate-and-seed)
    alembic upgrade head
    exec python -m app seed
    ;;
  *)
    exec "$@"
    ;;
esac
