"""app.web.pagination: cursors round-trip, and nothing else decodes."""

from __future__ import annotations

import datetime as dt

import pytest

from app.queries.observations import ObservationKey
from app.web.pagination import decode_cursor, encode_cursor


def test_cursor_round_trips() -> None:
    key = ObservationKey("internet_penetration", '{"area":"农村"}', dt.date(2024, 12, 1), 55, 7)

    token = encode_cursor(key)

    assert decode_cursor(token) == key
    assert token.isascii()
    assert "=" not in token


@pytest.mark.parametrize("token", ["", "a", "bnVsbA", "e30", "WyJhIiwie30iLCIyMDI0LTEyLTAxIiw1NV0"])
def test_cursor_refuses_what_it_did_not_make(token: str) -> None:
    with pytest.raises(ValueError, match="cursor"):
        decode_cursor(token)
