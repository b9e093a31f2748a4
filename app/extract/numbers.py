"""Find the figures in a sentence or table cell and read them as exact decimals.

A figure is a number together with what is written around it that changes its
meaning: a magnitude ("million", "亿"), a unit ("%", "km", "blocks/32"), a
currency prefix ("RMB") and a qualifier ("more than", "近").  Numbers that only
name or order things (years, days, ordinals, times of day, age brackets, model
names such as "5G", footnote marks, URLs) are not figures and are skipped.

Number tokens are read in :mod:`app.extract.number_tokens` (Chinese numerals in
:mod:`app.extract.chinese_numbers`), what follows or precedes them in
:mod:`app.extract.units`, and labels are told apart in :mod:`app.extract.label_numbers`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from app.extract.chinese_numbers import CN_NUMERAL, CN_POWERS
from app.extract.label_numbers import is_label_number
from app.extract.number_tokens import (
    ARABIC,
    EN_NUMBER,
    WORD_END,
    number_with_precision,
    parse_number,
    tidy,
)
from app.extract.units import (
    EN_FRACTIONS,
    MAGNITUDE,
    MAGNITUDES,
    PER,
    PER_WHOLES,
    UNIT,
    UNIT_NAMES,
    WORD_FRACTION,
    currency_before,
    unit_from_label,
    words_key,
)

__all__ = ["Quantity", "find_quantities", "is_label_number", "parse_number", "unit_from_label"]


@dataclass(frozen=True, slots=True)
class Quantity:
    """One figure as written in a text, with its value in the base unit."""

    start: int
    end: int
    text: str
    value: Decimal
    unit: str
    precision: Decimal
    qualifier: str | None
    qualifier_start: int | None


_TOKEN = re.compile(
    rf"(?P<cnfrac>(?P<den>[1-9][0-9]*|[一二两三四五六七八九十百千万][零〇一二两三四五六七八九十百千万亿]*)"
    rf"分之(?P<part>{CN_NUMERAL}|{ARABIC}))"
    rf"|(?P<num>(?:(?<![\w.])-)?{ARABIC}|{CN_NUMERAL}|(?i:\b(?:{EN_NUMBER})\b))"
)
_PLUS = re.compile(rf"-plus{WORD_END}", re.IGNORECASE)
_SLASH_FRACTION = re.compile(r"/(?!32(?![0-9]))([1-9][0-9]*)(?![0-9])")
_RATIO = re.compile(rf":({ARABIC})(?![0-9:])")
_QUALIFIER = re.compile(
    r"(?:\b(?i:(?P<more>more\s+than|over|exceed(?:s|ed|ing)?|surpass(?:es|ed|ing)?|above|"
    r"cross(?:es|ed|ing)?|top(?:s|ped)?)"
    r"|(?P<nearly>nearly|almost|close\s+to|neared|nearing|approach(?:es|ed|ing)?)"
    r"|(?P<about>about|approximately|around|some)"
    r"|(?P<least>at\s+least))"
    r"|(?P<cn_more>超过|超|突破|逾)|(?P<cn_nearly>接近|(?<![最附接])近)|(?P<cn_about>约))\s*$"
)
_QUALIFIER_NAMES = {
    "more": "more than",
    "cn_more": "more than",
    "nearly": "nearly",
    "cn_nearly": "nearly",
    "about": "about",
    "cn_about": "about",
    "least": "at least",
}


def find_quantities(text: str) -> list[Quantity]:
    """Every figure in a sentence or table cell, in order of appearance."""
    found: list[Quantity] = []
    pos = 0
    while match := _TOKEN.search(text, pos):
        quantities = _read_fraction_words(text, match) if match["cnfrac"] else _read(text, match)
        found.extend(quantities)
        pos = quantities[-1].end if quantities else match.end()
    return found


@dataclass(slots=True)
class _Draft:
    """A figure while its suffixes and prefixes are being read."""

    start: int
    end: int
    value: Decimal
    precision: Decimal
    unit: str = "count"
    qualifier: str | None = None
    qualifier_start: int | None = None

    def scale(self, factor: int) -> None:
        self.value *= factor
        self.precision *= factor

    def freeze(self, text: str) -> Quantity:
        return Quantity(
            start=self.start,
            end=self.end,
            text=text[self.start : self.end],
            value=tidy(self.value),
            unit=self.unit,
            precision=tidy(self.precision),
            qualifier=self.qualifier,
            qualifier_start=self.qualifier_start,
        )


def _read(text: str, match: re.Match[str]) -> list[Quantity]:
    start, end = match.span("num")
    if is_label_number(text, start, end):
        return []
    token = match["num"]
    if token[-1].isdigit() and (ratio := _RATIO.match(text, end)):
        return _read_ratio(text, start, end, ratio)
    value, precision = number_with_precision(token)
    draft = _Draft(start, end, value, precision)
    _read_plus(text, draft)
    if not _read_fraction(text, draft, token):
        _read_magnitude(text, draft)
        _read_unit(text, draft)
        _read_currency(text, draft)
    _read_qualifier(text, draft)
    return [draft.freeze(text)]


def _read_fraction_words(text: str, match: re.Match[str]) -> list[Quantity]:
    """Chinese "X分之Y" (Y parts of X): "千分之三" is 0.3 percent, "三分之二" 66.67 percent."""
    den = match["den"]
    try:
        denominator = Decimal(CN_POWERS[den]) if den in CN_POWERS else parse_number(den)
        value, precision = number_with_precision(match["part"])
    except ValueError:  # not numerals after all, such as "十十分之三"
        return []
    draft = _Draft(match.start(), match.end(), value, precision)
    _set_fraction(draft, denominator)
    _read_qualifier(text, draft)
    return [draft.freeze(text)]


def _read_ratio(text: str, start: int, end: int, ratio: re.Match[str]) -> list[Quantity]:
    """Two shares of a whole ("51.1:48.9") are percent when they add up to 100."""
    spans = ((start, end), ratio.span(1))
    drafts = [_Draft(a, b, *number_with_precision(text[a:b])) for a, b in spans]
    unit = "percent" if sum(d.value for d in drafts) == 100 else "ratio"
    for draft in drafts:
        draft.unit = unit
    return [draft.freeze(text) for draft in drafts]


def _read_plus(text: str, draft: _Draft) -> None:
    if plus := _PLUS.match(text, draft.end):
        draft.qualifier, draft.qualifier_start = "more than", plus.start() + 1
        draft.end = plus.end()


def _read_fraction(text: str, draft: _Draft, token: str) -> bool:
    """Read "2/3", "one-third" and "three per thousand" as percent; False when none follows."""
    pattern = _SLASH_FRACTION if token[0].isdigit() else WORD_FRACTION
    if fraction := pattern.match(text, draft.end):
        word = fraction.group(1).lower()
        denominator = Decimal(EN_FRACTIONS.get(word) or word)
    elif per := PER.match(text, draft.end):
        fraction = per
        denominator = Decimal(PER_WHOLES[words_key(per.group(1))])
    else:
        return False
    draft.end = fraction.end()
    _set_fraction(draft, denominator)
    return True


def _set_fraction(draft: _Draft, denominator: Decimal) -> None:
    """Turn a numerator into a percent share; the precision is one part of the whole."""
    draft.value = 100 * draft.value / denominator
    draft.precision = 100 * draft.precision / denominator
    draft.unit = "percent"


def _read_magnitude(text: str, draft: _Draft) -> None:
    if magnitude := MAGNITUDE.match(text, draft.end):
        draft.scale(MAGNITUDES[words_key(magnitude.group(1) or magnitude.group(3))])
        draft.end = magnitude.end()
        if magnitude["over"] and draft.qualifier is None:
            draft.qualifier, draft.qualifier_start = "more than", magnitude.start("over")


def _read_unit(text: str, draft: _Draft) -> None:
    unit = UNIT.match(text, draft.end)
    if unit is None or unit.lastgroup is None:
        return
    kind = unit.lastgroup
    draft.unit = UNIT_NAMES[kind if kind not in {"word", "cjk"} else words_key(unit.group(kind))]
    draft.end = unit.end()
    if kind == "tenths":
        draft.scale(10)


def _read_currency(text: str, draft: _Draft) -> None:
    """A currency code written before the number ("RMB1.88 trillion") belongs to the figure."""
    if currency := currency_before(text, draft.start):
        draft.start = currency.start()
        if draft.unit == "count":
            draft.unit = UNIT_NAMES[currency.group(1).lower()]


def _read_qualifier(text: str, draft: _Draft) -> None:
    if qualifier := _QUALIFIER.search(text, max(0, draft.start - 16), draft.start):
        kind = qualifier.lastgroup
        if kind is not None:
            draft.qualifier, draft.qualifier_start = _QUALIFIER_NAMES[kind], qualifier.start()
