"""Find period phrases ("By December 2024", "截至2025年12月") and read them as ISO 8601.

Periods are written as "2025" (year), "2024-12" (month), "2025-Q1" (quarter),
"2024-12-31" (day) or an interval of two of these, "2024-01/2024-09".

A phrase without a year ("By December", "In the first quarter", "From January to
September") is read as the latest such period that had ended by the reference
date, the day the source was published: statistics describe completed periods, so
"In January" in a report published on 2025-01-15 means January 2024.  When the
source covers a period that ends before it was published (``covered``: the 55th
report, published in January 2025, covers 2024), the phrase is read against the end
of that period instead, so its "As of January" is January 2024.  "This year" and
"last year" count from the publication year.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

from app.periods import is_day, period_bounds

__all__ = [
    "PeriodMention",
    "find_periods",
    "parse_period",
]


@dataclass(frozen=True, slots=True)
class PeriodMention:
    """A period phrase as written in a text and the period it names.

    ``within`` marks a phrase that names a time inside the period rather than all of it: a
    holiday ("during the National Day holiday") is read as its month.
    """

    start: int
    end: int
    text: str
    period: str
    within: bool = False


_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_COUNTS = {"two": 2, "three": 3, "二": 2, "三": 3}
_CN_QUARTERS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}

# Phrases never run across a line break, so "space" here excludes newlines.
_S = r"[^\S\n]"
_Y = r"(?:19|20)[0-9]{2}"
_MON = r"(?<![A-Za-z])[A-Z][A-Za-z]{2,9}(?![A-Za-z])\.?"
_WORD_END = r"(?![A-Za-z])"
_YEAR_REF = rf"(?:(?P<y>{_Y})(?![0-9])|(?i:(?P<rel>this|last){_S}+year|the{_S}+year){_WORD_END})"
_OF_YEAR = rf"(?:{_S}+(?i:of){_S}+{_YEAR_REF})?"
_LEAD = re.compile(
    rf"(?:\b(?i:by|as{_S}+of|up{_S}+to|since|in|until|till|during|from|at|the{_S}+year{_S}+of)"
    rf"{_S}+(?i:the{_S}+)?|(?:截至|截止到?|到){_S}*)$"
)


_AS_OF = re.compile(rf"(?i:by|as{_S}+of|up{_S}+to|until|till)\b|截至|截止")


@dataclass(frozen=True, slots=True)
class _Clock:
    """The dates a phrase is read against: the day of publication and the last day the
    source's figures can describe."""

    published: datetime.date
    covered: datetime.date


_Reader = Callable[[re.Match[str], _Clock], str | None]


def find_periods(
    text: str,
    *,
    reference: datetime.date,
    covered: datetime.date | None = None,
    events: Mapping[str, str] | None = None,
) -> list[PeriodMention]:
    """Every period phrase in a text, in order; overlapping readings keep the longest.

    ``reference`` is the day the source was published; ``covered``, the last day of the
    period its figures describe, when that ends earlier. ``events`` gives the period each
    named event ran in ("Paris Olympics": "2024-07/2024-08"): like a holiday, a figure
    during one is dated by its months, the phrase a time within them.
    """
    clock = _Clock(reference, min(reference, covered or reference))
    candidates: list[tuple[int, int, str, bool]] = [
        (_lead_start(text, match.start()), match.end(), _event_period(match, period, clock), True)
        for match, period in _event_matches(text, events or {})
    ]
    for pattern, reader in _READERS:
        for match in pattern.finditer(text):
            try:
                period = reader(match, clock)
            except ValueError:  # a day or month that does not exist, such as "February 30"
                continue
            if period is not None:
                start = _lead_start(text, match.start())
                candidates.append((start, match.end(), period, reader in _WITHIN))
    mentions: list[PeriodMention] = []
    for start, end, period, within in sorted(candidates, key=lambda c: (c[0], -c[1])):
        if not mentions or start >= mentions[-1].end:
            read = _month_closed(text[start:end], period)
            mentions.append(PeriodMention(start, end, text[start:end], read, within))
    return mentions


def _month_closed(phrase: str, period: str) -> str:
    """ "截至2018年6月30日", "as of June 30": figures as of a month's last day are the
    month's, the period the reports' series are kept in."""
    if not (is_day(period) and _AS_OF.match(phrase)):
        return period
    day = datetime.date.fromisoformat(period)
    if (day + datetime.timedelta(days=1)).month == day.month:
        return period
    return period[:7]


def _event_matches(text: str, events: Mapping[str, str]) -> Iterator[tuple[re.Match[str], str]]:
    """Each place ``text`` names an event, whatever its case and spacing, and its period; a
    yearly one (``--10``) with the year written before it, if any ("China's 2024 National Day
    holidays")."""
    for name, period in events.items():
        words = rf"{_S}+".join(re.escape(word) for word in name.split())
        year = rf"(?:(?P<y>{_Y}){_S}+)?" if period.startswith("--") else ""
        pattern = rf"(?<![A-Za-z0-9]){year}{words}(?:{_S}+(?:holidays?|Golden{_S}+Week))?"
        for match in re.finditer(rf"{pattern}(?![A-Za-z0-9])", text, re.I):
            yield match, period


def _event_period(match: re.Match[str], period: str, clock: _Clock) -> str:
    """An event's months; a yearly one's (``--10``, the month of National Day) in the year
    written with it, else the latest the source covers. Holidays vary in length from year
    to year, so a figure of one is dated by its month, the phrase kept as a note."""
    if not period.startswith("--"):
        return period
    month = int(period[2:])
    year = int(match["y"]) if match.groupdict().get("y") else None
    return _resolve(lambda y: _month(y, month), year, clock)


def parse_period(
    text: str, *, reference: datetime.date, covered: datetime.date | None = None
) -> str | None:
    """The period named by one phrase or table header, or None when it names none."""
    mentions = find_periods(text, reference=reference, covered=covered)
    return mentions[0].period if mentions else None


def _lead_start(text: str, start: int) -> int:
    """Widen a phrase over the preposition that introduces it: "By", "as of", "截至"."""
    lead = _LEAD.search(text, max(0, start - 24), start)
    return lead.start() if lead else start


def _month_number(word: str) -> int | None:
    """The month a name or abbreviation denotes, tolerating doubled letters.

    The sources contain typos such as "Junn 2024"; no English month name has a
    doubled letter, so collapsing doubled letters recovers the name.
    """
    return _MONTHS.get(re.sub(r"(.)\1+", r"\1", word.rstrip(".").lower()))


def _month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _months(year: int, first: int, last: int) -> str:
    return f"{_month(year, first)}/{_month(year, last)}"


def _year_of(match: re.Match[str], clock: _Clock) -> int | None:
    """The year a phrase names: written, "this year", "last year"; None for "the year"."""
    if match["y"]:
        return int(match["y"])
    if match["rel"]:
        return clock.published.year - (match["rel"].lower() == "last")
    return None


def _resolve(build: Callable[[int], str], year: int | None, clock: _Clock) -> str:
    """The period built for a known year, or else the latest one ended by the covered date."""
    if year is not None:
        return build(year)
    end = clock.covered
    current = build(end.year)
    return current if period_bounds(current)[1] <= end else build(end.year - 1)


def _read_month_range(match: re.Match[str], clock: _Clock) -> str | None:
    """ "from January to August in 2025", "from Dec. 2023 to Dec. 2024"."""
    first, last = _month_number(match["m1"]), _month_number(match["m2"])
    if first is None or last is None:
        return None

    def build(end_year: int) -> str:
        start_year = int(match["y1"]) if match["y1"] else end_year - (first > last)
        return f"{_month(start_year, first)}/{_month(end_year, last)}"

    if known := match["y2"] or match["y"]:
        return build(int(known))
    if match["y1"]:
        return build(int(match["y1"]) + (first > last))
    return _resolve(build, None, clock)


def _read_month_day(match: re.Match[str], clock: _Clock) -> str | None:
    """ "October 31, 2024", "Feb. 5", "As of January 9", "Jun.18"."""
    month, day = _month_number(match["m"]), int(match["d"])
    if month is None:
        return None
    year = int(match["y"]) if match["y"] else None
    return _resolve(lambda y: datetime.date(y, month, day).isoformat(), year, clock)


def _read_promotion(match: re.Match[str], clock: _Clock) -> str | None:
    """ "the Jun.18 promotion period", "the Nov.11 shopping festival" -> its year. Such a
    period ends on its day but begins weeks before it, often in the month before (the
    Nov.11 festival of 2024 opened on 14 October), and the text gives no start: the year is
    the shortest period sure to hold it."""
    day = _read_month_day(match, clock)
    return None if day is None else day[:4]


def _read_iso_day(match: re.Match[str], _: _Clock) -> str:
    return datetime.date(int(match["y"]), int(match["m"]), int(match["d"])).isoformat()


def _read_chinese(match: re.Match[str], _: _Clock) -> str:
    """ "2025年12月", "2024年底", "2025年仅一季度", "2024年前三季度", "2025年上半年"."""
    year = int(match["y"])
    if match["d"]:
        return datetime.date(year, int(match["m"]), int(match["d"])).isoformat()
    if match["m1"]:
        return _months(year, int(match["m1"]), int(match["m"]))
    if match["m"]:
        return _month(year, int(match["m"]))
    if match["end"]:
        return _month(year, 12)
    if match["h"]:
        return _months(year, 1, 6) if match["h"] == "上" else _months(year, 7, 12)
    if match["q"]:
        return f"{year:04d}-Q{_CN_QUARTERS[match['q']]}"
    if match["nq"]:
        return _months(year, 1, 3 * _COUNTS[match["nq"]])
    return f"{year:04d}"


def _read_chinese_month(match: re.Match[str], clock: _Clock) -> str:
    """ "3月份", "今年3月", "去年12月", "1-2月份", "去年底": 今年 and 去年 count from the
    publication year; a month without a year is the latest such month ended by the covered
    date."""
    relative = match["rel"] or match["rel2"]
    year = None if relative is None else clock.published.year - (relative == "去")
    if year is not None and match["end"]:
        return _month(year, 12)
    last = int(match["m"])
    first = int(match["m1"]) if match["m1"] else last
    if first == last:
        return _resolve(lambda y: _month(y, last), year, clock)
    return _resolve(lambda y: _months(y, first, last), year, clock)


def _read_quarter(match: re.Match[str], clock: _Clock) -> str:
    """ "the first quarter of 2025", "In the third quarter"."""
    quarter = _ORDINALS[match["o"].lower()]
    return _resolve(lambda y: f"{y:04d}-Q{quarter}", _year_of(match, clock), clock)


def _read_code(match: re.Match[str], _: _Clock) -> str | None:
    """Report codes: "Q3 2024" is a quarter, "H1 2024" a half year."""
    year, number = int(match["y"]), int(match["n"])
    if match["k"] == "Q":
        return f"{year:04d}-Q{number}"
    return _months(year, 6 * number - 5, 6 * number) if number <= 2 else None


def _read_interim(match: re.Match[str], _: _Clock) -> str:
    """An interim report covers the first half of its year: "Tencent's Interim Financial
    Report 2024", "2024 interim results" -> "2024-01/2024-06"."""
    return _months(int(match["y"] or match["y2"]), 1, 6)


def _read_quarter_code(match: re.Match[str], clock: _Clock) -> str:
    """ "the Q3 number of ... transactions": a quarter code without a year."""
    return _resolve(lambda y: f"{y:04d}-Q{match['n']}", None, clock)


def _read_first_quarters(match: re.Match[str], clock: _Clock) -> str:
    """ "the first three quarters of 2024" -> "2024-01/2024-09"."""
    last = 3 * _COUNTS[match["n"].lower()]
    return _resolve(lambda y: _months(y, 1, last), _year_of(match, clock), clock)


def _read_half(match: re.Match[str], clock: _Clock) -> str:
    """ "the first half of 2025", "In the first half of the year"."""
    first = 1 if match["o"].lower() == "first" else 7
    return _resolve(lambda y: _months(y, first, first + 5), _year_of(match, clock), clock)


def _read_end_of(match: re.Match[str], clock: _Clock) -> str | None:
    """ "the end of 2025", "the end of December 2025", "the end of last year" -> a month."""
    if not match["m"]:
        return _resolve(lambda y: _month(y, 12), _year_of(match, clock), clock)
    month = _month_number(match["m"])
    if month is None:
        return None
    year = int(match["my"]) if match["my"] else None
    return _resolve(lambda y: _month(y, month), year, clock)


def _read_plan_start(match: re.Match[str], _: _Clock) -> str | None:
    """A plan period's beginning is measured from the end of the year before it starts.

    "the beginning of the 14th Five-Year Plan period (2021–2025)" -> "2020-12".
    """
    first, last = int(match["y1"]), int(match["y2"])
    return _month(first - 1, 12) if first <= last else None


def _read_month_year(match: re.Match[str], _: _Clock) -> str | None:
    """ "December 2024", "Dec. 2023", "December, 2024", "Junn 2024"."""
    month = _month_number(match["m"])
    return _month(int(match["y"]), month) if month else None


def _read_month_of_year(match: re.Match[str], clock: _Clock) -> str | None:
    """ "June of this year", "December last year": the year counts from publication."""
    month = _month_number(match["m"])
    return _month(clock.published.year - (match["rel"].lower() == "last"), month) if month else None


def _read_month_alone(match: re.Match[str], clock: _Clock) -> str | None:
    """ "By December", "In June" (a preposition is required: "May" alone is too ambiguous)."""
    month = _month_number(match["m"])
    return _resolve(lambda y: _month(y, month), None, clock) if month else None


def _read_relative_year(match: re.Match[str], clock: _Clock) -> str:
    """ "last year", "this year", "earlier this year"."""
    return f"{clock.published.year - (match['rel'].lower() == 'last'):04d}"


def _read_year_range(match: re.Match[str], _: _Clock) -> str | None:
    first, last = int(match["y1"]), int(match["y2"])
    return f"{first:04d}/{last:04d}" if first < last else None


def _read_year(match: re.Match[str], _: _Clock) -> str:
    return match["y"]


_READERS: tuple[tuple[re.Pattern[str], _Reader], ...] = (
    (
        re.compile(
            rf"(?i:from|between){_S}+(?P<m1>{_MON})(?:{_S}*,?{_S}*(?P<y1>{_Y}))?"
            rf"{_S}+(?i:to|and|through|until){_S}+(?P<m2>{_MON})(?:{_S}*,?{_S}*(?P<y2>{_Y}))?"
            rf"(?:{_S}*,?{_S}+(?i:in|of){_S}+(?P<y>{_Y}))?(?![0-9])"
        ),
        _read_month_range,
    ),
    (
        re.compile(
            rf"(?P<m>{_MON}){_S}*(?P<d>[12][0-9]|3[01]|0?[1-9])(?![0-9])"
            rf"(?:,{_S}*(?P<y>{_Y})(?![0-9]))?"
        ),
        _read_month_day,
    ),
    (
        re.compile(
            rf"(?P<m>{_MON}){_S}*(?P<d>[12][0-9]|3[01]|0?[1-9])(?![0-9])"
            rf"(?:,{_S}*(?P<y>{_Y})(?![0-9]))?"
            rf"{_S}+(?i:promotion(?:{_S}+period)?|shopping{_S}+festival){_WORD_END}"
        ),
        _read_promotion,
    ),
    (
        re.compile(rf"(?<![0-9/-])(?P<y>{_Y})-(?P<m>[01][0-9])-(?P<d>[0-3][0-9])(?![0-9-])"),
        _read_iso_day,
    ),
    (
        re.compile(
            rf"(?<![0-9])(?P<y>{_Y}){_S}?年{_S}?(?:(?:(?P<m1>1[0-2]|0?[1-9])[-–~至到])?"
            rf"(?P<m>1[0-2]|0?[1-9]){_S}?月份?(?:{_S}?(?P<d>[12][0-9]|3[01]|0?[1-9]){_S}?日)?"
            r"|(?P<end>底|末)|(?P<h>[上下])半年|(?:仅|第)?(?P<q>[一二三四1-4])季度"
            r"|前(?P<nq>[二三])季度)?"
        ),
        _read_chinese,
    ),
    (
        re.compile(
            r"(?<![0-9年.~–-])(?:(?P<rel>[今去])年(?P<end>底|末)"
            r"|(?:(?P<rel2>[今去])年)?(?:(?P<m1>1[0-2]|0?[1-9])[-–~至到])?"
            rf"(?P<m>1[0-2]|0?[1-9]){_S}?月份?(?:底|末)?)(?![0-9日])"
        ),
        _read_chinese_month,
    ),
    (
        re.compile(
            rf"\b(?i:(?:the{_S}+)?(?P<o>first|second|third|fourth){_S}+quarter){_WORD_END}"
            rf"{_OF_YEAR}"
        ),
        _read_quarter,
    ),
    (re.compile(rf"\b(?P<k>[QH])(?P<n>[1-4]){_S}+(?P<y>{_Y})(?![0-9])"), _read_code),
    (
        re.compile(
            rf"\b(?i:interim)(?:{_S}+[A-Z][a-z]+){{0,3}}{_S}+(?P<y>{_Y})(?![0-9])"
            rf"|(?<![0-9])(?P<y2>{_Y}){_S}+(?i:interim){_WORD_END}"
        ),
        _read_interim,
    ),
    (re.compile(r"\b(?i:the)[^\S\n]+Q(?P<n>[1-4])\b(?![^\S\n]*[0-9])"), _read_quarter_code),
    (
        re.compile(
            rf"\b(?i:(?:the{_S}+)?first{_S}+(?P<n>two|three){_S}+quarters){_WORD_END}{_OF_YEAR}"
        ),
        _read_first_quarters,
    ),
    (
        re.compile(rf"\b(?i:(?:the{_S}+)?(?P<o>first|second){_S}+half){_WORD_END}{_OF_YEAR}"),
        _read_half,
    ),
    (
        re.compile(
            rf"\b(?i:(?:the{_S}+)?end{_S}+of){_S}+"
            rf"(?:(?P<m>{_MON})(?:{_S}*,?{_S}*(?P<my>{_Y})(?![0-9]))?|{_YEAR_REF})"
        ),
        _read_end_of,
    ),
    (
        re.compile(
            rf"\b(?i:(?:the{_S}+)?(?:beginning|start){_S}+of{_S}+)[^()\n]{{0,80}}?"
            rf"\({_S}*(?P<y1>{_Y}){_S}*[–-]{_S}*(?P<y2>{_Y}){_S}*\)"
        ),
        _read_plan_start,
    ),
    (re.compile(rf"(?P<m>{_MON}){_S}*,?{_S}*(?P<y>{_Y})(?![0-9])"), _read_month_year),
    (
        re.compile(rf"(?P<m>{_MON}){_S}+(?i:of{_S}+)?(?P<rel>(?i:this|last)){_S}+(?i:year)\b"),
        _read_month_of_year,
    ),
    (
        re.compile(
            rf"\b(?i:in|by|as{_S}+of|up{_S}+to|since|until|till|during|from){_S}+"
            rf"(?P<m>{_MON})(?!\.?{_S}*(?:[0-9]|,{_S}*{_Y}(?![0-9])))"
        ),
        _read_month_alone,
    ),
    (
        re.compile(rf"\b(?i:(?:earlier{_S}+)?(?P<rel>this|last){_S}+year){_WORD_END}"),
        _read_relative_year,
    ),
    (
        re.compile(
            rf"(?<![A-Za-z0-9_/.-])(?P<y1>{_Y}){_S}*[–-]{_S}*(?P<y2>{_Y})(?![A-Za-z0-9_/-])"
        ),
        _read_year_range,
    ),
    (
        re.compile(
            rf"(?<![A-Za-z0-9_/.+-])(?P<y>{_Y})(?![0-9A-Za-z_/]|[.,][0-9]"
            rf"|{_S}*(?:%|(?i:per{_S}?cent|percentage|(?:ten{_S}+)?thousand|million|billion|trillion))"
            rf"|{_S}*[–-]{_S}*[0-9]|[万亿元])"
        ),
        _read_year,
    ),
)

# Readers whose phrase names a time within the period they give, kept as a note.
_WITHIN = (_read_promotion,)
