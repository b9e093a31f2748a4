"""Traditional Chinese read as simplified, character for character.

The catalogue's words and the readers' grammar are written in simplified characters; a text in
traditional ones (網民規模達9.89億) is read through its simplified rendering (网民规模达9.89亿).
OpenCC converts a character in place nearly always; a line whose rendering would be longer or
shorter is read as written, so that every offset into the rendering is an offset into the text,
and every quote is taken from the text as written.
"""

from __future__ import annotations

import opencc

_TO_SIMPLIFIED = opencc.OpenCC("t2s")


def _convert(text: str) -> str:
    rendered: str = _TO_SIMPLIFIED.convert(text)
    return rendered


def simplified(text: str) -> str:
    """``text`` in simplified characters, each at its own offset."""
    rendered = _convert(text)
    if len(rendered) == len(text):
        return rendered
    lines = text.split("\n")
    return "\n".join(
        converted if len(converted) == len(line) else line
        for line, converted in ((line, _convert(line)) for line in lines)
    )
