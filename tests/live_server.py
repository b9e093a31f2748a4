"""The real server (``python -m app.serve``) in a child process, on a free port of 127.0.0.1,
for the tests that need real sockets, real workers and real timings."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO

import httpx

from tests.conftest import PROJECT_ROOT

STARTUP_SECONDS = 30


def free_port() -> int:
    """A TCP port of 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def live_server(environment: dict[str, str]) -> Iterator[str]:
    """Serve the app with ``environment`` added to this process's; yield its base URL."""
    port = free_port()
    env = {**os.environ, **environment, "HOST": "127.0.0.1", "PORT": str(port)}
    env.setdefault("WEB_CONCURRENCY", "1")
    with tempfile.TemporaryFile() as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "app.serve"], cwd=PROJECT_ROOT, env=env, stdout=log, stderr=log
        )
        base = f"http://127.0.0.1:{port}"
        try:
            _wait_until_up(base, server, log)
            yield base
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


def _wait_until_up(base: str, server: subprocess.Popen[bytes], log: IO[bytes]) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            log.seek(0)
            raise RuntimeError(f"the server stopped at start-up:\n{log.read()[-3000:]!r}")
        try:
            if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    raise RuntimeError(f"the server did not answer on {base} within {STARTUP_SECONDS} s")
