"""``python -m app.serve``: the production server, uvicorn with the settings' workers.

The settings are checked here, once, before any worker starts: a bad value stops the server
with a message that names the variable, instead of every worker failing on import in turn while
the supervisor restarts them. On SIGTERM uvicorn stops accepting connections and lets requests
in flight finish for up to ``GRACEFUL_SHUTDOWN_TIMEOUT`` seconds.

Example: WEB_CONCURRENCY=2 HOST=0.0.0.0 DATABASE_URL=postgresql+psycopg://... python -m app.serve
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

import uvicorn
from pydantic import ValidationError
from pydantic_settings import SettingsError

from app.config import Settings, get_settings
from app.observability import MULTIPROC_DIR_VARIABLE
from app.observability.logs import logging_config


def describe_invalid_settings(error: ValidationError) -> str:
    """One line per bad setting, each named as the environment variable that set it."""
    lines = [
        f"invalid setting {'.'.join(str(part) for part in problem['loc']).upper()}: "
        f"{problem['msg']}"
        for problem in error.errors()
    ]
    return "\n".join(lines)


def load_settings() -> Settings:
    """The settings, or an exit with a message naming every bad variable."""
    try:
        return get_settings()
    except ValidationError as error:
        sys.exit(describe_invalid_settings(error))
    except SettingsError as error:
        sys.exit(f"invalid setting: {error}")


def prepare_metrics_dir(workers: int) -> Path | None:
    """Set up prometheus-client's multiprocess directory; return it if it is ours to remove.

    A directory named by ``PROMETHEUS_MULTIPROC_DIR`` is emptied of the last run's samples; with
    several workers and none named, a temporary one is made. One worker needs none.
    """
    named = os.environ.get(MULTIPROC_DIR_VARIABLE)
    if named:
        directory = Path(named)
        directory.mkdir(parents=True, exist_ok=True)
        for stale in directory.glob("*.db"):
            stale.unlink()
        return None
    if workers == 1:
        return None
    directory = Path(tempfile.mkdtemp(prefix="cnnic-metrics-"))
    os.environ[MULTIPROC_DIR_VARIABLE] = str(directory)
    return directory


def main() -> None:
    """Serve ``app.web.application:app`` as the settings say, until SIGTERM or SIGINT."""
    settings = load_settings()
    own_metrics_dir = prepare_metrics_dir(settings.web_concurrency)
    try:
        uvicorn.run(
            "app.web.application:app",
            host=settings.host,
            port=settings.port,
            workers=settings.web_concurrency,
            log_config=logging_config(settings.log_level, access_log=settings.access_log),
            log_level=settings.log_level.lower(),
            access_log=False,
            proxy_headers=True,
            server_header=False,
            timeout_graceful_shutdown=settings.graceful_shutdown_timeout,
        )
    finally:
        if own_metrics_dir is not None:
            shutil.rmtree(own_metrics_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
