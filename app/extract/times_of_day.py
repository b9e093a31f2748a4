"""The time of day a sentence gives a figure for: "at 12 am", "between 9 am and 19 pm".

The times are kept as written. The texts mix a 24-hour clock with "am" and "pm" ("19 pm",
"22 pm", "11-12 pm" for the lunch hour), so "12 am" may be noon or midnight: reading it
either way would put a guess in the data, while the text's own words can be checked against
the citation.
"""

from __future__ import annotations

import re

from app.extract import cues

# The words that join the two ends of a span: "between 9 am and 19 pm", "from 17 pm to 20 pm".
_SPAN = re.compile(r"^\s*(?:and|to|-|–)\s*$", re.IGNORECASE)
_SPAN_START = re.compile(r"\b(?:between|from)\s*$", re.IGNORECASE)


def time_of_day(text: str) -> str | None:
    """The one time or span of times ``text`` names ("12 am", "9 am-19 pm"), or None when it
    names none or several."""
    times = list(cues.TIME_OF_DAY.finditer(text))
    named: list[str] = []
    index = 0
    while index < len(times):
        time = times[index]
        following = times[index + 1] if index + 1 < len(times) else None
        spans = (
            following is not None
            and _SPAN_START.search(text[: time.start()])
            and _SPAN.match(text[time.end() : following.start()])
        )
        if spans and following is not None:
            named.append(f"{_as_written(time.group())}-{_as_written(following.group())}")
            index += 2
        else:
            named.append(_as_written(time.group()))
            index += 1
    return named[0] if len(named) == 1 else None


def _as_written(time: str) -> str:
    return " ".join(time.split())
