#!/bin/sh
# The container's commands: `serve` (default), `migrate-and-seed` (one-off), or anything else.
set -eu
case "${1:-serve}" in
  serve)
    exec uvicorn app.main:app --host 0.0.0.0 --port 8000 --workers "${WEB_CONCURRENCY:-4}" \
      --no-server-header --proxy-headers
    ;;
  migrate-and-seed)
    alembic upgrade head
    exec python -m app seed
    ;;
  *)
    exec "$@"
    ;;
esac
