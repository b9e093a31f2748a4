# syntax=docker/dockerfile:1
# Build: docker build -t cnnic-stats .
# Migrate and seed (one-off):  docker run --rm -e DATABASE_URL=... cnnic-stats migrate-and-seed
# Serve:                       docker run -p 8000:8000 -e DATABASE_URL=... cnnic-stats

FROM python:3.11-slim AS build
WORKDIR /build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
COPY pyproject.toml README.md ./
COPY app ./app
RUN python -m venv /opt/venv \
    && /opt/venv/bin/pip install --no-compile .

FROM python:3.11-slim
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    SEEDS_DIR=/srv/seeds \
    DATABASE_URL=sqlite:////srv/data/cnnic.db
RUN useradd --system --uid 10001 --home-dir /srv api \
    && mkdir -p /srv/data && chown api /srv/data
WORKDIR /srv
COPY --from=build /opt/venv /opt/venv
COPY alembic.ini ./
COPY migrations ./migrations
COPY seeds ./seeds
COPY app ./app
COPY docker-entrypoint.sh /usr/local/bin/docker-entrypoint.sh
USER api
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=2).status != 200)"]
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["serve"]
