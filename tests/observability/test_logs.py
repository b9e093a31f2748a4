"""The log configuration: JSON objects carrying the request id."""

from __future__ import annotations

import json
import logging
import logging.config
from collections.abc import Iterator
from typing import Any

import pytest

from app.observability.access_log import LOGGER_NAME as ACCESS_LOGGER
from app.observability.access_log import AccessLog
from app.observability.logs import RequestIdFilter, logging_config
from app.observability.request_id import request_id


def formatted(record: logging.LogRecord) -> dict[str, Any]:
    """``record`` through the configured filter and formatter, parsed back."""
    spec = dict(logging_config("INFO")["formatters"]["json"])
    formatter = spec.pop("()")(**spec)
    RequestIdFilter().filter(record)
    return dict(json.loads(formatter.format(record)))


def a_record(**extra: object) -> logging.LogRecord:
    record = logging.LogRecord("app.access", logging.INFO, __file__, 1, "GET / %d", (200,), None)
    record.__dict__.update(extra)
    return record


def test_a_line_is_a_json_object_with_level_logger_time_and_message() -> None:
    line = formatted(a_record(status=200))
    assert line["level"] == "INFO"
    assert line["logger"] == "app.access"
    assert line["message"] == "GET / 200"
    assert line["status"] == 200
    assert line["time"].endswith("+00:00")


def test_a_line_written_during_a_request_carries_its_id() -> None:
    token = request_id.set("req-42")
    try:
        assert formatted(a_record())["request_id"] == "req-42"
    finally:
        request_id.reset(token)
    assert formatted(a_record())["request_id"] is None


def test_uvicorn_colours_are_left_out() -> None:
    assert "color_message" not in formatted(a_record(color_message="\x1b[32mGET\x1b[0m"))


def test_the_level_applies_to_everything_and_uvicorn_writes_no_access_log() -> None:
    config = logging_config("WARNING")
    assert config["root"]["level"] == "WARNING"
    assert config["loggers"]["uvicorn.access"]["propagate"] is False


@pytest.fixture
def restored_logging() -> Iterator[None]:
    """Put back every logger the configuration touches, as it was before the test."""
    names = ["", "uvicorn", "uvicorn.error", "uvicorn.access", ACCESS_LOGGER]
    saved = [
        (logger, logger.level, logger.handlers[:], logger.filters[:], logger.propagate)
        for logger in map(logging.getLogger, names)
    ]
    yield
    for logger, level, handlers, filters, propagate in saved:
        logger.setLevel(level)
        logger.handlers[:] = handlers
        logger.filters[:] = filters
        logger.propagate = propagate


@pytest.mark.usefixtures("restored_logging")
@pytest.mark.parametrize("access_log", [True, False])
def test_access_lines_are_turned_off_alone(access_log: bool) -> None:
    logging.config.dictConfig(logging_config("INFO", access_log=access_log))
    assert AccessLog.enabled() is access_log
    assert logging.getLogger("app.seed").isEnabledFor(logging.INFO)
    assert logging.getLogger("uvicorn.error").isEnabledFor(logging.INFO)
