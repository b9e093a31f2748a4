"""Structured logs: one JSON object per line on stdout, for the server and the application.

:func:`logging_config` is a standard :func:`logging.config.dictConfig` dictionary; uvicorn
applies it in the supervisor and again in every worker it starts.
"""

from __future__ import annotations

import logging
from typing import Any

from pythonjsonlogger.core import RESERVED_ATTRS
from pythonjsonlogger.json import JsonFormatter

from app.observability.access_log import LOGGER_NAME as ACCESS_LOGGER
from app.observability.request_id import request_id


class RequestIdFilter(logging.Filter):
    """Adds ``request_id`` (``None`` outside a request) to every record it sees."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id.get()
        return True


def logging_config(level: str, *, access_log: bool = True) -> dict[str, Any]:
    """Everything, uvicorn's own loggers too, as JSON lines at ``level`` and above; the access
    lines (written at ``INFO``) only when ``access_log`` is true."""
    config: dict[str, Any] = {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": RequestIdFilter}},
        "formatters": {
            "json": {
                "()": JsonFormatter,
                "fmt": "%(levelname)s %(name)s %(message)s",
                "rename_fields": {"levelname": "level", "name": "logger"},
                "timestamp": "time",
                # uvicorn repeats each message with terminal colours; one copy is enough.
                "reserved_attrs": [*RESERVED_ATTRS, "color_message"],
            }
        },
        "handlers": {
            "stdout": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stdout",
                "formatter": "json",
                "filters": ["request_id"],
            }
        },
        "loggers": {
            "uvicorn": {"handlers": [], "propagate": True},
            "uvicorn.error": {"handlers": [], "propagate": True},
            # The access log is written by app.observability.access, with the request id.
            "uvicorn.access": {"handlers": [], "propagate": False},
        },
        "root": {"level": level, "handlers": ["stdout"]},
    }
    if not access_log:
        config["loggers"][ACCESS_LOGGER] = {"level": "WARNING"}
    return config
