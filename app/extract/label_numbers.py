"""Numbers that name or order something instead of counting it: :func:`is_label_number`.

Each rule below tells whether the number token at ``text[start:end]`` is such a label.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from app.extract.chinese_numbers import CN_DIGITS, chinese_value
from app.extract.number_tokens import WORD_END
from app.extract.units import EN_MAGNITUDE, MAGNITUDE, PER, UNIT, WORD_FRACTION, currency_before

MONTH_NAMES = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
)
_FIGURE_AFTER = re.compile(rf"{MAGNITUDE.pattern}|{UNIT.pattern}|{PER.pattern}")
_REFERENCE_BEFORE = re.compile(
    r"(?:第|编号[:：]?|\b(?i:table|figure|fig\.|chapter|appendix|note|no\.))\s*$"
)
_DATE_SUFFIX = re.compile(r"年|月|日|号|季度")
_MONTH_BEFORE = re.compile(rf"\b(?:{MONTH_NAMES})\.?\s*$")
_CLOCK = re.compile(r"[0-9]{1,2}:[0-9]{2}\b")
_CLOCK_AFTER = re.compile(r"\s*(?:[-–]\s*[0-9]{1,2}\s*)?(?:[ap]m\b|[ap]\.m\.|o['’]clock)", re.I)
_AGE_BEFORE = re.compile(
    r"\b(?:aged|ages?\s+of)\s+(?:[0-9]+\s*(?:[-–,]|and\b|or\b|to\b)?\s*)*$", re.IGNORECASE
)
_PHONE_BEFORE = re.compile(r"(?<![0-9])0[0-9]{2,3}-$")
_HYPHEN_WORD = re.compile(r"-(?!plus\b|percent\b)[A-Za-z]")
_DURATION_AFTER = re.compile(
    rf"\s+(?:days?|weeks?|months?|years?|decades?|quarters?|minutes?|seconds?){WORD_END}",
    re.IGNORECASE,
)
_UNIT_LABEL_AFTER = re.compile(
    rf"(?:\s*(?:{EN_MAGNITUDE}|万|亿))?\s*(?:people|persons|users|households|人|户|家|个)?\s*\)",
    re.IGNORECASE,
)
_URL_MARK = re.compile(r"://|www\.|\.(?:pdf|s?html?)\b", re.IGNORECASE)
_CHUNK_BEFORE = re.compile(r"[^\s\u3000-\u9fff\uff00-\uffef]*$")
_CHUNK_AFTER = re.compile(r"[^\s\u3000-\u9fff\uff00-\uffef]*")
_CN_MEASURE = re.compile(r"[人家座个户项次条台部件所名位款种]")

_Rule = Callable[[str, int, int], bool]


def is_label_number(text: str, start: int, end: int) -> bool:
    """Whether the number token text[start:end] names or orders something instead of counting.

    Years, days, ordinals, times of day, age brackets, headings, references
    ("Table 1", "第57次"), identifiers ("5G", "IPv6", "satellite 03"), URL and
    formula parts, adjectives ("4-digit", "three-party") and durations other than hours
    ("the past 6 months") are labels.  A table cell holding nothing but digits is never
    a label, so a cell "2049" is a count, not a year.
    """
    token = text[start:end].lstrip("-")
    rules: tuple[_Rule, ...]
    if token[0].isdigit():
        if text.strip() == text[start:end]:
            return False
        rules = _ARABIC_LABEL_RULES
    elif token[0] in CN_DIGITS or token[0] == "十":
        rules = (_chinese_word_is_label,)
    else:
        rules = (_english_word_is_label, _is_adjective_or_duration, _is_age_or_clock)
    return any(rule(text, start, end) for rule in rules)


def _in_url_or_formula(text: str, start: int, end: int) -> bool:
    """Part of a URL or file name, or inside a $...$ formula."""
    before = _CHUNK_BEFORE.search(text, max(0, start - 200), start)
    after = _CHUNK_AFTER.match(text, end)
    chunk = (before.group() if before else "") + (after.group() if after else "")
    line_start = text.rfind("\n", 0, start) + 1
    return bool(_URL_MARK.search(chunk)) or text.count("$", line_start, start) % 2 == 1


def _is_glued_identifier(text: str, start: int, end: int) -> bool:
    """Part of a name such as "5G", "IPv6", "Q3", "J-10", "55th", "36Kr" or "35.Com"."""
    before = text[max(0, start - 2) : start]
    glued_before = bool(re.search(r"[A-Za-z_/]$|[A-Za-z][.-]$", before))
    if glued_before and not currency_before(text, start):
        return True
    glued_after = re.match(r"[A-Za-z]|\.[A-Za-z]", text[end : end + 2])
    return bool(glued_after) and not _FIGURE_AFTER.match(text, end)


def _is_reference_or_code(text: str, start: int, end: int) -> bool:
    """References ("Table 1", "第57次"), leading-zero codes ("03") and telephone numbers."""
    return (
        bool(_REFERENCE_BEFORE.search(text, max(0, start - 12), start))
        or bool(re.fullmatch(r"0[0-9]+", text[start:end]))
        or bool(_PHONE_BEFORE.search(text, max(0, start - 5), start))
    )


def _is_date_part(text: str, start: int, end: int) -> bool:
    """A year, a day of a month, a Chinese date part or a clock time."""
    token = text[start:end]
    unit_follows = bool(_FIGURE_AFTER.match(text, end))
    is_year = bool(re.fullmatch(r"(?:19|20)[0-9]{2}", token)) and not unit_follows
    is_day = (
        token.isdigit()
        and 1 <= int(token) <= 31
        and not unit_follows
        and bool(_MONTH_BEFORE.search(text, max(0, start - 12), start))
    )
    is_clock = bool(_CLOCK.match(text, start)) or bool(
        re.search(r"[0-9]:$", text[max(0, start - 2) : start])
    )
    return is_year or is_day or is_clock or bool(_DATE_SUFFIX.match(text, end))


def _is_age_or_clock(text: str, start: int, end: int) -> bool:
    """An age bracket ("aged 10-19, 20-29 and 60 and above") or an hour ("9 am")."""
    return bool(_AGE_BEFORE.search(text, max(0, start - 60), start)) or bool(
        _CLOCK_AFTER.match(text, end)
    )


def _is_heading_number(text: str, start: int, end: int) -> bool:
    """Section numbers opening a line: "1. Per Capita ...", "1.1 Survey Population"."""
    line_start = text.rfind("\n", 0, start) + 1
    if not re.fullmatch(r"[\s•◇*]*", text[line_start:start]):
        return False
    return bool(re.match(r"\.\s", text[end : end + 2])) or (
        "." in text[start:end] and bool(re.match(r"\s+[A-Z]", text[end : end + 3]))
    )


def _is_unit_label(text: str, start: int, end: int) -> bool:
    """A power of ten naming a column's unit: "User scale (10,000 people)"."""
    return (
        bool(re.fullmatch(r"10*", text[start:end].replace(",", "")))
        and text[max(0, start - 3) : start].rstrip().endswith("(")
        and bool(_UNIT_LABEL_AFTER.match(text, end))
    )


def _is_adjective_or_duration(text: str, start: int, end: int) -> bool:
    """Compound adjectives ("4-digit", "three-party") and durations ("the past 6 months").

    Durations other than hours have no unit in the vocabulary and only occur in
    definitions in the sources, so they are not figures.
    """
    return (bool(_HYPHEN_WORD.match(text, end)) and not WORD_FRACTION.match(text, end)) or bool(
        _DURATION_AFTER.match(text, end)
    )


def _english_word_is_label(text: str, start: int, end: int) -> bool:
    """The word "one" is nearly always an article or pronoun ("one of", "one after another")."""
    if text[start:end].lower() != "one":
        return False
    return not (WORD_FRACTION.match(text, end) or _FIGURE_AFTER.match(text, end))


def _chinese_word_is_label(text: str, start: int, end: int) -> bool:
    """Chinese numerals are figures only with a magnitude (十亿), a unit, a share (六成) or a
    measure word.

    A lone 一 or 两 is an article ("一家新能源企业", a company; "最后一公里", the last
    mile) unless a share follows, and runs such as "十四五" (a plan name) are not
    numerals at all.
    """
    token = text[start:end]
    try:
        chinese_value(token)
    except ValueError:
        return True
    if len(token) > 1 and token[-1] in "万亿":
        return False  # a magnitude of its own: "突破十亿"
    if token in {"一", "两"}:
        unit = UNIT.match(text, end)
        return unit is None or unit.lastgroup not in {"tenths", "pp", "pct"}
    return not (_FIGURE_AFTER.match(text, end) or _CN_MEASURE.match(text, end))


_ARABIC_LABEL_RULES: tuple[_Rule, ...] = (
    _in_url_or_formula,
    _is_glued_identifier,
    _is_reference_or_code,
    _is_date_part,
    _is_age_or_clock,
    _is_heading_number,
    _is_unit_label,
    _is_adjective_or_duration,
)
