"""How throughput grows, step by step, from one process on SQLite to a cache in front.

Run by hand; its table backs the figures in docs/performance.md, "Scaling":

    .venv/bin/python bench/scaling.py --postgres postgresql+psycopg://cnnic:cnnic@127.0.0.1/bench

Needs wrk (``apt-get install wrk``) and, for the cache step, nginx (``apt-get install nginx``).
``--postgres`` names a database the benchmark may fill (it migrates and seeds it); without it the
PostgreSQL steps are left out. Each step starts the server as the container does
(``python -m app.serve``, access logs on) on a scratch SQLite file seeded here or on that
database, and drives it with wrk (one thread, 16 connections) from the same machine: the load
generator takes a share of the same cores, so compare the rows with each other rather than with
another machine's.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUERY = "/v1/observations?indicator=internet_users"
NGINX_CONFIG = """
daemon off;
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    proxy_cache_path {folder}/cache keys_zone=api_cache:10m;
    proxy_temp_path {folder}/temp;
    client_body_temp_path {folder}/temp;
    upstream api {{ server 127.0.0.1:{upstream}; keepalive 16; }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://api;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_cache api_cache;
            proxy_cache_revalidate on;
        }}
    }}
}}
"""


@dataclass(frozen=True)
class Result:
    step: str
    request: str
    per_second: float
    p50_ms: float
    p99_ms: float


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def environment(**settings: str) -> dict[str, str]:
    return {**os.environ, "LOG_LEVEL": "INFO", **settings}


def seed(url: str) -> None:
    """Migrate and seed ``url`` as the container's one-off job does."""
    env = environment(DATABASE_URL=url, SEED_DATABASE_URL=url)
    for command in (["alembic", "upgrade", "head"], [sys.executable, "-m", "app", "seed"]):
        command[0] = shutil.which(command[0], path=Path(sys.executable).parent) or command[0]
        subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True)


def wait_until_ready(base: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{base}/readyz", timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{base} never became ready")


@contextmanager
def server(url: str, workers: int, *, response_cache: bool = True) -> Iterator[str]:
    port = free_port()
    env = environment(
        DATABASE_URL=url,
        HOST="127.0.0.1",
        PORT=str(port),
        WEB_CONCURRENCY=str(workers),
        RESPONSE_CACHE=str(response_cache).lower(),
    )
    env.pop("PROMETHEUS_MULTIPROC_DIR", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "app.serve"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_ready(base)
        time.sleep(1)  # every worker up, not only the first
        yield base
    finally:
        process.terminate()
        process.wait(timeout=60)


@contextmanager
def cache_in_front(upstream: str) -> Iterator[str]:
    port = free_port()
    with tempfile.TemporaryDirectory() as folder:
        os.chmod(folder, 0o755)  # nginx's workers run as nobody and make their folders in it
        config = Path(folder) / "nginx.conf"
        upstream_port = upstream.rsplit(":", 1)[1]
        config.write_text(NGINX_CONFIG.format(folder=folder, upstream=upstream_port, port=port))
        process = subprocess.Popen(["nginx", "-c", str(config), "-p", folder])
        base = f"http://127.0.0.1:{port}"
        try:
            wait_until_ready(base)
            yield base
        finally:
            process.terminate()
            process.wait(timeout=30)


def etag(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return str(response.headers["ETag"])


def wrk(url: str, seconds: int, headers: dict[str, str] | None = None) -> tuple[float, ...]:
    """Requests per second and the 50th and 99th latency percentiles in milliseconds."""
    command = ["wrk", "-t1", "-c16", f"-d{seconds}s", "--latency", url]
    for name, value in (headers or {}).items():
        command[1:1] = ["-H", f"{name}: {value}"]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    if re.search(r"Non-2xx or 3xx responses", output):
        raise RuntimeError(f"wrk saw errors:\n{output}")
    per_second = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))  # type: ignore[union-attr]
    percentiles = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+\w+)", output, flags=re.MULTILINE))
    return per_second, _ms(percentiles["50"]), _ms(percentiles["99"])


def _ms(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(\w+)", value).groups()  # type: ignore[union-attr]
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def measure(step: str, url: str, workers: int, seconds: int) -> list[Result]:
    """The query computed every time, its revalidation, and the query from the in-process
    response cache."""
    with server(url, workers, response_cache=False) as base:
        tag = etag(f"{base}{QUERY}")
        computed = wrk(f"{base}{QUERY}", seconds)
        revalidated = wrk(f"{base}{QUERY}", seconds, {"If-None-Match": tag})
    with server(url, workers) as base:
        cached = wrk(f"{base}{QUERY}", seconds)
    return [
        Result(step, "query, computed (200, 6 KB)", *computed),
        Result(step, "revalidation (304)", *revalidated),
        Result(step, "query, in-process cache hit", *cached),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", help="a PostgreSQL URL the benchmark may fill")
    parser.add_argument("--seconds", type=int, default=10, help="length of each wrk run")
    options = parser.parse_args()
    print("| step | request | requests/s | p50 ms | p99 ms |")
    print("|---|---|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as folder:
        sqlite_url = f"sqlite:///{folder}/bench.db"
        seed(sqlite_url)
        steps = [("SQLite, 1 process", sqlite_url, 1), ("SQLite, 2 workers", sqlite_url, 2)]
        if options.postgres:
            seed(options.postgres)
            steps += [("PostgreSQL, 1 process", options.postgres, 1)]
            steps += [("PostgreSQL, 2 workers", options.postgres, 2)]
        for step, url, workers in steps:
            show(measure(step, url, workers, options.seconds))
        last_step, last_url, last_workers = steps[-1]
        with server(last_url, last_workers) as base, cache_in_front(base) as cached:
            wrk(f"{cached}{QUERY}", 1)  # fill the cache
            figures = wrk(f"{cached}{QUERY}", options.seconds)
            show([Result(f"nginx cache before {last_step}", "query (cache hit)", *figures)])


def show(results: list[Result]) -> None:
    for row in results:
        print(
            f"| {row.step} | {row.request} | {row.per_second:,.0f} | "
            f"{row.p50_ms:.1f} | {row.p99_ms:.1f} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
