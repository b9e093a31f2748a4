"""A bounded load test: many connections at once, a fixed number of real queries, 127.0.0.1 only.

    make load                     # 200 connections, 10,000 requests, the configured database
    python -m bench.load --connections 400 --requests 40000

The server is started as production starts it (``python -m app.serve``, one worker, on core 0,
the configured settings: response cache on, no rate limit); wrk drives it from core 1 through
``bench/load.lua`` with a mix of a thousand distinct real queries (``bench.queries``), and each
wrk thread stops after its share of the requests. ``--seconds`` is a hard stop besides. The run
fails (exit 1) on any error: a connection refused or dropped, a read or write error, a timeout,
or a status other than 2xx/3xx.
"""

from __future__ import annotations

import argparse
import json
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from app.config import get_settings
from app.store.sessions import make_engine
from bench.queries import build, read_catalogue
from bench.servers import BENCH_DIR, HOST, LOAD_CORE, free_port, pinned, serve

THREADS = 2
QUERIES = 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--connections", type=int, default=200)
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--seconds", type=int, default=120, help="hard stop")
    args = parser.parse_args()
    url = get_settings().database_url
    engine = make_engine(url, read_only=True)
    urls = [api for api, _ in build(read_catalogue(engine), QUERIES)]
    engine.dispose()
    with tempfile.TemporaryDirectory(prefix="cnnic-load-") as work:
        url_file = Path(work) / "urls.txt"
        url_file.write_text("\n".join(urls) + "\n")
        port = free_port()
        environment = {"HOST": HOST, "PORT": str(port), "WEB_CONCURRENCY": "1"}
        command = [sys.executable, "-m", "app.serve"]
        with serve(
            command, port=port, env=environment, log=Path(work) / "server.log", probe="/readyz"
        ) as server:
            result = drive(server.base, url_file, args)
    report(result, args, len(urls))
    failures = sum(result[kind] for kind in ("connect", "read", "write", "status", "timeout"))
    sys.exit(1 if failures else 0)


def drive(base: str, url_file: Path, args: argparse.Namespace) -> dict[str, float]:
    """Run wrk until every thread has had its share of answers (or ``--seconds`` pass); its
    JSON summary."""
    share = -(-args.requests // THREADS)
    done_file = url_file.with_name("done.txt")
    command = [
        "wrk",
        f"-t{THREADS}",
        f"-c{args.connections}",
        f"-d{args.seconds}s",
        "--timeout",
        "10s",
        "-s",
        str(BENCH_DIR / "load.lua"),
        base,
        "--",
        str(url_file),
        str(share),
        str(done_file),
    ]
    with subprocess.Popen(pinned(command, LOAD_CORE), stdout=subprocess.PIPE, text=True) as load:
        while load.poll() is None and _finished(done_file) < THREADS:
            time.sleep(0.02)
        load.send_signal(signal.SIGINT)  # wrk prints its summary and exits
        output, _ = load.communicate(timeout=60)
    return dict(json.loads(output.strip().splitlines()[-1]))


def _finished(done_file: Path) -> int:
    return len(done_file.read_text().splitlines()) if done_file.exists() else 0


def report(result: dict[str, float], args: argparse.Namespace, distinct: int) -> None:
    errors = {kind: result[kind] for kind in ("connect", "read", "write", "timeout", "status")}
    print(
        f"load: {args.connections} connections, {int(result['requests'])} requests over "
        f"{distinct} distinct real queries, in {result['seconds']:.1f} s"
    )
    print(f"  requests per second: {result['requests'] / result['seconds']:.0f}")
    print(
        f"  latency ms: p50 {result['p50_ms']:.1f}, p90 {result['p90_ms']:.1f}, "
        f"p99 {result['p99_ms']:.1f}, p99.9 {result['p999_ms']:.1f}, "
        f"max {result['max_ms']:.1f}"
    )
    print("  errors: " + ", ".join(f"{kind} {int(count)}" for kind, count in errors.items()))
    if result["requests"] < args.requests:
        print(f"  stopped by the {args.seconds} s bound before {args.requests} requests")


if __name__ == "__main__":
    main()
