"""Cursors: the opaque form of the key a page ended at.

A cursor is base64url (unpadded) of a JSON list: ``[indicator, dimensions_key, period_start,
edition, id]`` for observations, ``[number]`` for a list numbered in order (the releases, a
release's changes). Clients must not build one; anything that does not decode to such a key is
refused.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json

from app.queries.observations import ObservationKey

_INT_RANGE = range(-(2**31), 2**31)
_MAX_TEXT = 512


def _encode(fields: list[object]) -> str:
    raw = json.dumps(fields, ensure_ascii=False, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def _decode(token: str) -> object:
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        return json.loads(raw)
    except (binascii.Error, UnicodeDecodeError, json.JSONDecodeError, ValueError) as error:
        raise ValueError("undecodable cursor") from error


def _is_int(number: object) -> bool:
    return isinstance(number, int) and not isinstance(number, bool) and number in _INT_RANGE


def encode_cursor(key: ObservationKey) -> str:
    """The cursor for the page that starts after ``key``."""
    return _encode(
        [key.indicator, key.dimensions_key, key.period_start.isoformat(), key.edition, key.id]
    )


def encode_position(number: int) -> str:
    """The cursor for the page that continues from ``number``."""
    return _encode([number])


def decode_position(token: str) -> int:
    """The number ``token`` encodes; ``ValueError`` for anything :func:`encode_position` cannot
    give."""
    fields = _decode(token)
    if not isinstance(fields, list) or len(fields) != 1 or not _is_int(fields[0]):
        raise ValueError("a position cursor holds one number")
    number: int = fields[0]
    return number


def decode_cursor(token: str) -> ObservationKey:
    """The key ``token`` encodes; ``ValueError`` for anything :func:`encode_cursor` cannot give."""
    fields = _decode(token)
    if not isinstance(fields, list) or len(fields) != 5:
        raise ValueError("a cursor holds five fields")
    indicator, dimensions_key, period_start, edition, row_id = fields
    texts_ok = all(
        isinstance(text, str) and len(text) <= _MAX_TEXT and "\x00" not in text
        for text in (indicator, dimensions_key, period_start)
    )
    numbers_ok = all(_is_int(number) for number in (edition, row_id))
    if not (texts_ok and numbers_ok):
        raise ValueError("malformed cursor fields")
    return ObservationKey(
        indicator=indicator,
        dimensions_key=dimensions_key,
        period_start=dt.date.fromisoformat(period_start),
        edition=edition,
        id=row_id,
    )
