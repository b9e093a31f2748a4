"""The log configuration: JSON objects carrying the request id."""

from __future__ import annotations

import json
import logging
from typing import Any

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
