"""Starting the servers under test and driving them with wrk, on this machine only.

Every server runs as one process pinned to core 0 (where ``taskset`` exists); wrk runs pinned to
core 1, with one thread, against 127.0.0.1, for a bounded time.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = BENCH_DIR.parent
HOST = "127.0.0.1"
SERVER_CORE = "0"
LOAD_CORE = "1"


def pinned(command: Sequence[str], core: str) -> list[str]:
    """``command`` run on one core, where taskset exists."""
    if shutil.which("taskset") and (os.cpu_count() or 1) > 1:
        return ["taskset", "-c", core, *command]
    return list(command)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


@dataclass
class Server:
    """A running server: its process and base URL."""

    process: subprocess.Popen[bytes]
    base: str

    @property
    def rss_mb(self) -> float:
        """Resident memory of the server process, in MB."""
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return float("nan")


@contextmanager
def serve(
    command: Sequence[str], *, port: int, env: dict[str, str], log: Path, probe: str = "/"
) -> Iterator[Server]:
    """Run ``command`` (which listens on ``port``) until the block ends."""
    with log.open("wb") as output:
        process = subprocess.Popen(
            pinned(command, SERVER_CORE),
            cwd=PROJECT_ROOT,
            env={**os.environ, **env},
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        server = Server(process, f"http://{HOST}:{port}")
        try:
            _wait_until_up(server, probe, log)
            yield server
        finally:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _wait_until_up(server: Server, probe: str, log: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            sys.exit(f"server exited:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(server.base + probe, timeout=2):
                return
        except urllib.error.HTTPError:
            return  # it answers
        except OSError as error:
            if os.environ.get("BENCH_DEBUG"):
                print(repr(error), file=sys.stderr)
            time.sleep(0.2)
    listeners = subprocess.run(["ss", "-ltnp"], capture_output=True, text=True).stdout
    sys.exit(f"server did not answer {probe} within {timeout} s\n{server.base}\n{listeners}")


@dataclass(frozen=True)
class Load:
    """What wrk measured."""

    requests_per_second: float
    p50_ms: float
    p99_ms: float
    requests: int
    errors: int


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(
    base: str,
    *,
    urls: Path | None = None,
    path: str = "/",
    seconds: int,
    connections: int,
    headers: Sequence[str] = (),
) -> Load:
    """Drive ``base`` with wrk: one ``path`` over and over, or every line of ``urls`` in turn."""
    command = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "10s"]
    env = dict(os.environ)
    if urls is not None:
        command += ["-s", str(BENCH_DIR / "urls.lua"), base, "--", str(urls)]
        env["BENCH_HEADERS"] = "|".join(headers)
    else:
        for header in headers:
            command += ["-H", header]
        command.append(base + path)
    output = subprocess.run(
        pinned(command, LOAD_CORE),
        capture_output=True,
        text=True,
        check=True,
        env=env,
        timeout=seconds + 60,
    ).stdout
    return _parse(output)


def visit_each(base: str, urls: Path, *, workers: int = 8) -> None:
    """Request every line of ``urls`` once: a mix's warm-up, so that the timed run finds the
    data its answers read in the operating system's cache, as a server that has been up for a
    while does, rather than measuring the first read of a file larger than the cache holds."""

    def visit(path: str) -> None:
        try:
            with urllib.request.urlopen(base + path, timeout=60) as response:
                response.read()
        except urllib.error.HTTPError:
            pass  # the timed run counts refusals

    paths = [line for line in urls.read_text().splitlines() if line]
    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(visit, paths))


def _parse(output: str) -> Load:
    def latency(percent: str) -> float:
        found = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s)\s*$", output, re.MULTILINE)
        return float(found[1]) * _UNITS[found[2]] if found else float("nan")

    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    total = re.search(r"(\d+) requests in", output)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: .*?timeout (\d+)", output)
    return Load(
        requests_per_second=float(rate[1]) if rate else 0.0,
        p50_ms=latency("50"),
        p99_ms=latency("99"),
        requests=int(total[1]) if total else 0,
        errors=(int(errors[1]) if errors else 0) + (int(socket_errors[1]) if socket_errors else 0),
    )
