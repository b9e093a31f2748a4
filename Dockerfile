# syntax=docker/dockerfile:1
# Build: docker build -t cnnic-stats .
# Migrate and seed (one-off):  docker run --rm -e DATABASE_URL=... cnnic-stats migrate-and-seed
# Serve:                       docker run -p 8000:8000 -e DATABASE_URL=... cnnic-stats
# The whole stack (PostgreSQL, the one-off job, API replicas, a proxy): docker compose up

FROM python:3.11-slim AS build
WORKDIR /build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN python -m venv /opt/venv
# The dependencies first, in a layer of their own: rebuilt only when pyproject.toml changes.
COPY pyproject.toml ./
RUN python -c 'import tomllib; print(*tomllib.load(open("pyproject.toml", "rb"))["project"]["dependencies"], sep="\n")' > requirements.txt \
    && /opt/venv/bin/pip install -r requirements.txt
# Then the project itself, built into a wheel that the final stage installs.
COPY README.md ./
COPY app ./app
RUN /opt/venv/bin/pip wheel --no-deps --wheel-dir /wheels .

FROM python:3.11-slim
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    SEEDS_DIR=/srv/seeds \
    DATABASE_URL=sqlite:////srv/data/cnnic.db \
    DOWNLOAD_CACHE_DIR=/tmp/downloads \
    HOST=0.0.0.0 \
    PORT=8000 \
    WEB_CONCURRENCY=2 \
    PROMETHEUS_MULTIPROC_DIR=/tmp/metrics
RUN groupadd --system --gid 10001 api \
    && useradd --system --uid 10001 --gid api --home-dir /srv api \
    && mkdir -p /srv/data && chown api:api /srv/data
WORKDIR /srv
COPY --from=build /opt/venv /opt/venv
RUN --mount=type=bind,from=build,source=/wheels,target=/wheels \
    pip install --no-cache-dir --no-deps /wheels/*.whl
COPY alembic.ini ./
COPY migrations ./migrations
COPY seeds ./seeds
COPY docker-entrypoint.sh /usr/local/bin/docker-entrypoint.sh
USER 10001:10001
EXPOSE 8000
# Liveness only: /readyz, which asks the database, is for the load balancer.
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ['PORT'], timeout=2)"]
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["serve"]
