"""app.web.negotiation: JSON unless CSV is asked for."""

from __future__ import annotations

import pytest

from app.web.negotiation import wants_csv


@pytest.mark.parametrize(
    ("format_parameter", "accept", "expected"),
    [
        (None, None, False),
        (None, "", False),
        (None, "*/*", False),
        (None, "text/csv", True),
        (None, "TEXT/CSV; charset=utf-8", True),
        (None, "text/*", True),
        (None, "application/json, text/csv", False),
        (None, "application/json;q=0.9, text/csv", True),
        (None, "text/csv;q=0, */*", False),
        (None, "text/csv;q=oops", False),
        (None, "image/png", False),
        ("csv", None, True),
        ("json", "text/csv", False),
    ],
)
def test_wants_csv(format_parameter: str | None, accept: str | None, expected: bool) -> None:
    assert wants_csv(format_parameter, accept) is expected
