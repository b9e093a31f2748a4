"""Running the container's entry commands as the container runs them, on this machine.

No container engine runs here, so the tests start ``docker-entrypoint.sh`` itself, with the
environment a container would give it: nothing of the caller's settings, the project's virtual
environment first on ``PATH`` (as ``/opt/venv/bin`` is in the image).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from app.config import Settings
from tests.conftest import PROJECT_ROOT
from tests.live_server import free_port

ENTRYPOINT = PROJECT_ROOT / "docker-entrypoint.sh"
# Variables read by the server's standard pieces rather than by Settings.
_THIRD_PARTY = ("PROMETHEUS_MULTIPROC_DIR", "FORWARDED_ALLOW_IPS")
STARTUP_SECONDS = 60


def entrypoint_env(**settings: str) -> dict[str, str]:
    """A clean environment holding only ``settings`` (by variable name) of the project's own."""
    ours = {name.upper() for name in Settings.model_fields} | set(_THIRD_PARTY)
    env = {key: value for key, value in os.environ.items() if key.upper() not in ours}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env.update(settings)
    return env


def run_entrypoint(
    *args: str, env: dict[str, str], timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    """Run one of the container's commands to its end."""
    return subprocess.run(
        [str(ENTRYPOINT), *args],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


@dataclass
class Server:
    """``docker-entrypoint.sh serve`` running in the background, its output in files."""

    process: subprocess.Popen[bytes]
    base_url: str
    workers: int
    stdout: Path
    stderr: Path

    def output(self) -> str:
        return self.stdout.read_text() + self.stderr.read_text()

    def log_records(self) -> list[dict[str, Any]]:
        """Every line the server wrote to stdout, each parsed as the JSON object it must be."""
        return [json.loads(line) for line in self.stdout.read_text().splitlines()]

    def started_workers(self) -> int:
        return self.stdout.read_text().count("Application startup complete")

    def wait_until_answering(self, path: str = "/readyz") -> None:
        """Wait for every worker to start and ``path`` to answer 200; fail, with the server's
        output, if that does not happen in time."""
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"the server exited early:\n{self.output()}")
            if self.started_workers() == self.workers and self._answers(path):
                return
            time.sleep(0.1)
        raise AssertionError(f"{path} never answered 200:\n{self.output()}")

    def _answers(self, path: str) -> bool:
        try:
            return httpx.get(f"{self.base_url}{path}", timeout=2).status_code == 200
        except httpx.TransportError:
            return False

    def terminate(self, timeout: float = 60) -> int:
        """Send SIGTERM, as ``docker stop`` does, and wait for the exit code."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise


def start_server(env: dict[str, str], folder: Path, *, workers: int = 2) -> Server:
    """Start the server as the container's default command does, on a free local port."""
    port = free_port()
    env = {**env, "HOST": "127.0.0.1", "PORT": str(port), "WEB_CONCURRENCY": str(workers)}
    stdout, stderr = folder / "server.out", folder / "server.err"
    with stdout.open("wb") as out, stderr.open("wb") as err:
        process = subprocess.Popen(
            [str(ENTRYPOINT), "serve"], cwd=PROJECT_ROOT, env=env, stdout=out, stderr=err
        )
    return Server(process, f"http://127.0.0.1:{port}", workers, stdout, stderr)
