"""What is written around a number that changes its value or unit.

Magnitudes ("million", "亿"), units ("%", "km", "blocks/32", "成"), shares ("one-third",
"three per thousand") and currency codes written before a number ("RMB"); and the unit
labels of tables ("(10,000 people)", "Unit: %").
"""

from __future__ import annotations

import re
from decimal import Decimal

from app.extract.number_tokens import WORD_END, parse_number, tidy

# Headlines abbreviate: "1.125 bln", "802 mln".
EN_MAGNITUDE = r"(?:ten[ -])?thousand|million|billion|trillion|mln|bln|bn"
MAGNITUDES = {
    "thousand": 10**3,
    "ten thousand": 10**4,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
    "mln": 10**6,
    "bln": 10**9,
    "bn": 10**9,
    "万": 10**4,
    "亿": 10**8,
    "万亿": 10**12,
}
UNIT_NAMES = {
    "pp": "percentage_points",
    "pct": "percent",
    "tenths": "percent",
    "blocks": "blocks_32",
    "gb": "gigabytes",
    "kb": "kilobytes",
    "km": "kilometres",
    "公里": "kilometres",
    "eflops": "eflops",
    "hour": "hours",
    "hours": "hours",
    "小时": "hours",
    "个小时": "hours",
    "yuan": "yuan",
    "元": "yuan",
    "rmb": "yuan",
    "usd": "usd",
    "美元": "usd",
    "u.s. dollars": "usd",
    "us dollars": "usd",
}
_LABEL_UNITS = {
    "%": "percent",
    "percent": "percent",
    "percentage point": "percentage_points",
    "percentage points": "percentage_points",
    "个百分点": "percentage_points",
    "/32": "blocks_32",
    "block/32": "blocks_32",
    "blocks/32": "blocks_32",
    "page": "pages",
    "pages": "pages",
    "ratio": "ratio",
} | {name: unit for name, unit in UNIT_NAMES.items() if name not in {"pp", "pct", "tenths"}}
EN_FRACTIONS = {"half": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "tenth": 10}
PER_WHOLES = {"hundred": 100, "thousand": 1000, "ten thousand": 10**4}

# A Chinese magnitude may follow a space ("11.23 亿"), and "多" or "余" before it says the figure
# is more than that ("1000多万", "3000余万").
_CJK_SPACE = r"[ \u3000]?"
MAGNITUDE = re.compile(
    rf"\s*(?i:({EN_MAGNITUDE}))(?![-A-Za-z0-9_])|[ \u3000]?(?P<over>[多余])?(万亿|亿|万)"
)
UNIT = re.compile(
    rf"(?P<pp>\s*(?i:percentage\s+points?){WORD_END}|[ \u3000]?个{_CJK_SPACE}百分点)"
    rf"|(?P<pct>\s?%|(?:\s+|-)(?i:per\s?cent){WORD_END})"
    rf"|(?P<blocks>\s*(?i:blocks?)/32{WORD_END}|/32{WORD_END}|{_CJK_SPACE}块{_CJK_SPACE}/32{WORD_END})"
    r"|(?P<tenths>成(?![为不]))"
    rf"|\s*(?P<word>GB|KB|km|EFLOPS|hours?|yuan|U\.S\.\s+dollars|US\s+dollars){WORD_END}"
    r"|[ \u3000]?(?P<cjk>美元|元|个?小时|公里)"
)
PER = re.compile(rf"\s*per\s+(ten\s+thousand|thousand|hundred){WORD_END}", re.IGNORECASE)
WORD_FRACTION = re.compile(rf"-({'|'.join(EN_FRACTIONS)})s?{WORD_END}", re.IGNORECASE)
_CURRENCY_PREFIX = re.compile(r"\b(RMB|USD)\s?$")


def words_key(words: str) -> str:
    """A magnitude or unit as the tables here spell it: lower case, single spaces."""
    return " ".join(words.lower().replace("-", " ").split())


def currency_before(text: str, start: int) -> re.Match[str] | None:
    """The currency code ("RMB", "USD") written just before ``text[start]``, if any."""
    return _CURRENCY_PREFIX.search(text, max(0, start - 4), start)


def unit_from_label(label: str) -> tuple[Decimal, str]:
    """Read a table's unit label or column-header unit as (multiplier, unit).

    A header such as "Growth rate (%)" or "User scale by Dec. 2023 (10,000 people)" is
    read from its last parenthesised part; footnote marks are ignored.  A count label is
    a power of ten with an optional magnitude and noun ("1", "100 million", "万人").
    """
    inner = re.sub(r"\^\{[^}]*\}|[⁰¹²³⁴⁵⁶⁷⁸⁹]", "", label)
    if bracketed := re.search(r"\(([^()]*)\)\s*$", inner):
        inner = bracketed.group(1)
    key = " ".join(re.sub(r"^\s*unit\s*:", "", inner, flags=re.IGNORECASE).split()).lower()
    if key in _LABEL_UNITS:
        return Decimal(1), _LABEL_UNITS[key]
    scale = re.fullmatch(
        r"(1(?:0*|0{0,2}(?:,000)+))?\s*"
        rf"({EN_MAGNITUDE}|万亿|亿|万)?\s*"
        r"(?:people|persons|users|households|units|items|人|户|家|个)?",
        key,
    )
    if scale is None or not (scale.group(1) or scale.group(2)):
        raise ValueError(f"unknown unit label: {label!r}")
    multiplier = parse_number(scale.group(1)) if scale.group(1) else Decimal(1)
    if scale.group(2):
        multiplier *= MAGNITUDES[words_key(scale.group(2))]
    return tidy(multiplier), "count"
