"""Figures a test wants seen in the test run's output (case counts, timings), printed past
pytest's output capture."""

from __future__ import annotations

import pytest


def say(config: pytest.Config, lines: list[str]) -> None:
    """Write ``lines`` to the terminal, whether or not output is captured."""
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    capture = config.pluginmanager.get_plugin("capturemanager")
    if reporter is None or capture is None:
        return
    with capture.global_and_fixture_disabled():
        reporter.write_line("")
        for line in lines:
            reporter.write_line(line)
