"""The access log's batches: written when full, soon after the first line, and at exit."""

from __future__ import annotations

import asyncio
import io
import json
import logging
import sys

import pytest

from app.observability.access_log import AccessLog


def written(capsys: pytest.CaptureFixture[str]) -> list[str]:
    return [json.loads(line)["message"] for line in capsys.readouterr().out.splitlines()]


def test_a_batch_waits_until_it_is_full(capsys: pytest.CaptureFixture[str]) -> None:
    log = AccessLog(flush_bytes=400, flush_seconds=60)

    async def three_lines() -> list[str]:
        log.write("first", "id-1", {"status": 200})
        waiting = written(capsys)
        log.write("second", "id-2", {"pad": "x" * 400})
        log.write("third", "id-3", {})
        log.flush()
        return waiting

    assert asyncio.run(three_lines()) == []
    assert written(capsys) == ["first", "second", "third"]


def test_a_batch_is_written_soon_after_its_first_line(capsys: pytest.CaptureFixture[str]) -> None:
    log = AccessLog(flush_bytes=1 << 20, flush_seconds=0.01)

    async def one_line_then_wait() -> None:
        log.write("alone", "id-1", {})
        await asyncio.sleep(0.2)

    asyncio.run(one_line_then_wait())
    assert written(capsys) == ["alone"]


def test_a_line_has_the_shape_of_every_log_line(capsys: pytest.CaptureFixture[str]) -> None:
    log = AccessLog(flush_bytes=1)

    async def one_line() -> None:
        log.write("GET / 200", "req-42", {"status": 200})

    asyncio.run(one_line())
    [line] = [json.loads(text) for text in capsys.readouterr().out.splitlines()]
    assert list(line)[:5] == ["time", "level", "logger", "message", "request_id"]
    assert line["logger"] == "app.access"
    assert line["request_id"] == "req-42"
    assert line["status"] == 200


def test_it_follows_the_level_of_the_access_logger(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="app.access")
    assert not AccessLog.enabled()
    caplog.set_level(logging.INFO, logger="app.access")
    assert AccessLog.enabled()


def test_a_text_only_stream_gets_the_lines_too(monkeypatch: pytest.MonkeyPatch) -> None:
    stream = io.StringIO()
    monkeypatch.setattr(sys, "stdout", stream)
    log = AccessLog(flush_bytes=1 << 20)

    async def two_lines() -> None:
        log.write("first", "id-1", {})
        log.write("second", "id-2", {})
        log.flush()

    asyncio.run(two_lines())
    assert [json.loads(line)["message"] for line in stream.getvalue().splitlines()] == [
        "first",
        "second",
    ]


def test_text_written_before_a_batch_stays_before_it(capsys: pytest.CaptureFixture[str]) -> None:
    log = AccessLog(flush_bytes=1 << 20)

    async def a_print_then_a_line() -> None:
        log.write("the line", "id-1", {})
        print("printed first", end="\n")
        log.flush()

    asyncio.run(a_print_then_a_line())
    assert capsys.readouterr().out.splitlines()[0] == "printed first"
